/// <reference types="fhir" />
import { mkdirSync, writeFileSync } from 'node:fs';
import { Fhir } from 'fhir';
import { describe, expect, it } from 'vitest';
import type { PlanStatus } from '../domain/plan.ts';
import { ACTIVITY_STATUS, PERSONNUMMER_SYSTEM, planToFhirBundle } from './fhir.ts';
import { planDocumentFixture } from './fixture.ts';

const fhir = new Fhir();
const ARTEFACTS = new URL('../../test-results/', import.meta.url);

/** Errors (not the warnings about our own code systems, which the validator cannot know). */
function errors(resource: object): string[] {
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  return result.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal').map((m) => `${m.location}: ${m.message}`);
}

function resources<T extends fhir4.FhirResource['resourceType']>(bundle: fhir4.Bundle, type: T): Extract<fhir4.FhirResource, { resourceType: T }>[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Extract<fhir4.FhirResource, { resourceType: T }> => r?.resourceType === type);
}

function only<T extends fhir4.FhirResource['resourceType']>(bundle: fhir4.Bundle, type: T): Extract<fhir4.FhirResource, { resourceType: T }> {
  const found = resources(bundle, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

/** Every `reference` anywhere in the value. */
function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

describe('the plan as FHIR R4', () => {
  it('is a bundle in which the bundle and every resource validate as R4 with no errors', () => {
    const bundle = planToFhirBundle(planDocumentFixture());
    mkdirSync(ARTEFACTS, { recursive: true });
    writeFileSync(new URL('plan-fhir-r4.json', ARTEFACTS), JSON.stringify(bundle, null, 2));

    expect(bundle.type).toBe('collection');
    expect(errors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) expect(errors(entry.resource!), entry.resource!.resourceType).toEqual([]);
    const types = new Set(bundle.entry!.map((e) => e.resource!.resourceType));
    for (const type of ['Patient', 'RelatedPerson', 'Practitioner', 'PractitionerRole', 'Organization', 'CareTeam', 'CarePlan', 'Goal', 'Consent', 'QuestionnaireResponse']) {
      expect(types, type).toContain(type);
    }
  });

  it('has a validator that does catch broken resources, so the test above means something', () => {
    const bundle = planToFhirBundle(planDocumentFixture());
    const carePlan = structuredClone(only(bundle, 'CarePlan')) as Partial<fhir4.CarePlan>;
    delete carePlan.status;
    expect(errors(carePlan)).toContain('CarePlan.status: Missing property');

    const wrongCode = structuredClone(only(bundle, 'CarePlan'));
    (wrongCode.activity![0]!.detail as { status: string }).status = 'ongoing';
    expect(errors(wrongCode).join()).toContain('CarePlan.activity[0].detail.status');

    const consent = structuredClone(only(bundle, 'Consent')) as Partial<fhir4.Consent>;
    delete consent.scope;
    expect(errors(consent)).toContain('Consent.scope: Missing property');

    const brokenBundle = structuredClone(bundle);
    const entry = brokenBundle.entry!.find((e) => e.resource!.resourceType === 'CarePlan')!;
    delete (entry.resource as Partial<fhir4.CarePlan>).status;
    expect(fhir.validate(brokenBundle).valid).toBe(false);
  });

  it('keeps every reference inside the bundle, with unique urn:uuid fullUrls, and gives the same bundle for the same plan', () => {
    const doc = planDocumentFixture();
    const bundle = planToFhirBundle(doc);
    const fullUrls = bundle.entry!.map((e) => e.fullUrl!);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    for (const url of fullUrls) expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const entry of bundle.entry!) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource!.id}`);
    const refs = referencesIn(bundle.entry!.map((e) => e.resource));
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(fullUrls, ref).toContain(ref);
    expect(JSON.stringify(planToFhirBundle(doc))).toBe(JSON.stringify(bundle));
  });

  it('maps the plan: status, goals per need, one activity per action with mapped status, period and performer, the views as notes', () => {
    const doc = planDocumentFixture();
    const bundle = planToFhirBundle(doc);
    const carePlan = only(bundle, 'CarePlan');
    const byUrl = new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource!]));
    const actions = doc.content.needs.flatMap((n) => n.actions);

    expect(carePlan.status).toBe('active');
    expect(carePlan.intent).toBe('plan');
    expect(carePlan.title).toContain('SIP');
    expect(carePlan.description).toBe(doc.content.reason);
    expect(carePlan.period).toEqual({ start: '2025-03-14' });
    expect(carePlan.identifier).toEqual([{ system: 'https://samsyn.example/fhir/identifier/plan', value: doc.planId }]);

    expect(carePlan.goal).toHaveLength(doc.content.needs.length);
    const goals = carePlan.goal!.map((ref) => byUrl.get(ref.reference!) as fhir4.Goal);
    expect(goals.map((g) => g.description.text)).toEqual(doc.content.needs.map((n) => n.desiredOutcome));
    expect(goals.map((g) => g.category?.[0]?.coding?.[0]?.code)).toEqual(doc.content.needs.map((n) => n.indicator));

    expect(carePlan.activity).toHaveLength(actions.length);
    carePlan.activity!.forEach((activity, i) => {
      const action = actions[i]!;
      expect(activity.reference).toBeUndefined();
      expect(activity.detail?.description).toBe(action.description);
      expect(activity.detail?.status).toBe(ACTIVITY_STATUS[action.status]);
      expect(activity.detail?.scheduledPeriod).toEqual({ start: action.startDate, end: action.dueDate });
      const performers = activity.detail!.performer!.map((ref) => byUrl.get(ref.reference!));
      expect(performers.some((p) => p?.resourceType === 'Organization' && (p as fhir4.Organization).name === action.responsibleUnitName)).toBe(true);
      if (action.responsibleStaffName) {
        const role = performers.find((p) => p?.resourceType === 'PractitionerRole') as fhir4.PractitionerRole | undefined;
        const practitioner = byUrl.get(role!.practitioner!.reference!) as fhir4.Practitioner;
        expect(practitioner.name?.[0]?.text).toBe(action.responsibleStaffName);
      }
    });
    expect(carePlan.activity!.map((a) => a.detail!.status)).toEqual(['in-progress', 'scheduled', 'in-progress', 'scheduled', 'completed', 'stopped', 'scheduled']);

    const notes = carePlan.note!.map((n) => n.text);
    expect(notes).toContain(`Barnets syn: ${doc.content.childView.text}`);
    expect(notes).toContain(`Vårdnadshavarnas syn: ${doc.content.guardiansView.text}`);
    expect(notes).toContain('Barnet: Har sagt ja till planen.');
    expect(notes).toContain('Vårdnadshavarna: Har sagt ja till planen, men inte till allt (se där vi inte är överens).');
    expect(carePlan.note!.find((n) => n.text.startsWith('Barnets syn'))!.authorReference).toEqual({ reference: bundle.entry![0]!.fullUrl });
    expect(byUrl.get(carePlan.careTeam![0]!.reference!)!.resourceType).toBe('CareTeam');
    expect(byUrl.get(carePlan.supportingInfo![0]!.reference!)!.resourceType).toBe('QuestionnaireResponse');
  });

  it('maps every plan status to an R4 CarePlan status, and each version still validates', () => {
    const expected: Record<PlanStatus, string> = { draft: 'draft', active: 'active', under_review: 'active', closed: 'completed' };
    for (const [status, fhirStatus] of Object.entries(expected) as [PlanStatus, string][]) {
      const doc = planDocumentFixture();
      doc.status = status;
      if (status === 'closed') doc.reviews.push({ reviewedOn: '2025-06-10', outcome: 'close', comment: null });
      const bundle = planToFhirBundle(doc);
      const carePlan = only(bundle, 'CarePlan');
      expect(carePlan.status, status).toBe(fhirStatus);
      expect(errors(carePlan)).toEqual([]);
      if (status === 'closed') {
        expect(carePlan.period).toEqual({ start: '2025-03-14', end: '2025-06-10' });
        expect(only(bundle, 'CareTeam').status).toBe('inactive');
      }
    }
  });

  it('identifies the child by personnummer, but a masked child is a Patient without name, identifier or address', () => {
    const open = only(planToFhirBundle(planDocumentFixture()), 'Patient');
    expect(open.identifier).toEqual([{ system: PERSONNUMMER_SYSTEM, value: '201409219829' }]);
    expect(open.name).toEqual([{ use: 'official', text: 'Łucja Ödman Nguyễn', given: ['Łucja'], family: 'Ödman Nguyễn' }]);
    expect(open.address).toEqual([{ text: 'Testgatan 12 B, 123 45 Exempelstad' }]);

    const maskedBundle = planToFhirBundle(planDocumentFixture({ protectedIdentity: true }));
    const masked = only(maskedBundle, 'Patient');
    expect(masked.name).toBeUndefined();
    expect(masked.identifier).toBeUndefined();
    expect(masked.address).toBeUndefined();
    expect(masked.birthDate).toBe('2014-09-21');
    expect(masked.meta?.security).toEqual([{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }]);
    const json = JSON.stringify(maskedBundle);
    for (const secret of ['Łucja Ödman', '201409219829', 'Testgatan', 'Karolina']) expect(json).not.toContain(secret);
    expect(errors(maskedBundle)).toEqual([]);
  });

  it('marks the lead professional and the named person in the CareTeam', () => {
    const doc = planDocumentFixture();
    const bundle = planToFhirBundle(doc);
    const byUrl = new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource!]));
    const team = only(bundle, 'CareTeam');
    const nameOf = (participant: fhir4.CareTeamParticipant) => participant.member?.display;
    const withRole = (code: string) => team.participant!.filter((p) => p.role?.some((r) => r.coding?.some((c) => c.code === code)));
    expect(withRole('lead-professional').map(nameOf)).toEqual(['Jörgen Håkansson']);
    expect(withRole('named-person').map(nameOf)).toEqual(['Åsa Lindqvist']);
    expect(withRole('team-member')).toHaveLength(2);
    expect(withRole('guardian')).toHaveLength(2);
    expect(byUrl.get(withRole('child')[0]!.member!.reference!)!.resourceType).toBe('Patient');
    // ctm-1: onBehalfOf only with a Practitioner member.
    for (const participant of team.participant!) expect(participant.onBehalfOf).toBeUndefined();
  });

  it('turns each consent into an R4 Consent that meets the invariants: scope, category, patient, policy rule, provision', () => {
    const doc = planDocumentFixture();
    const bundle = planToFhirBundle(doc);
    const consent = only(bundle, 'Consent');
    const byUrl = new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource!]));
    expect(consent.status).toBe('active');
    expect(consent.scope.coding?.[0]).toMatchObject({ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' });
    expect(consent.category[0]?.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '59284-0' });
    expect(byUrl.get(consent.patient!.reference!)!.resourceType).toBe('Patient'); // ppc-2
    expect(consent.policyRule ?? consent.policy).toBeDefined(); // ppc-1
    expect(consent.provision?.period).toEqual({ start: '2025-03-01', end: '2026-02-28' });
    expect(consent.provision?.actor?.map((a) => a.reference.display)).toEqual(['Socialtjänst', 'BUP (barn- och ungdomspsykiatri)', 'Solbackens skola', 'Elevhälsan Solbacken']);
    const school = consent.provision!.actor!.find((a) => a.reference.display === 'Solbackens skola')!;
    expect((byUrl.get(school.reference.reference!) as fhir4.Organization).name).toBe('Solbackens skola');
    expect(consent.provision?.code?.map((c) => c.coding?.[0]?.code)).toEqual(['plan', 'wellbeing', 'school', 'health']);
    expect(consent.performer?.map((p) => byUrl.get(p.reference!)!.resourceType)).toEqual(['RelatedPerson', 'RelatedPerson']);
  });

  it('records the assessment as a completed QuestionnaireResponse with one item per indicator', () => {
    const doc = planDocumentFixture();
    const response = only(planToFhirBundle(doc), 'QuestionnaireResponse');
    expect(response.status).toBe('completed');
    expect(response.questionnaire).toBe('https://samsyn.example/fhir/Questionnaire/shanarri');
    expect(response.authored).toBe('2025-02-26');
    const ratings = doc.assessment!.ratings;
    expect(response.item!.slice(0, ratings.length).map((i) => i.linkId)).toEqual(ratings.map((r) => r.indicator));
    const safe = response.item![0]!;
    expect(safe.item!.map((i) => [i.linkId, i.answer![0]!.valueInteger ?? i.answer![0]!.valueString])).toEqual([
      ['safe.professional', 2],
      ['safe.child', 2],
      ['safe.guardians', 3],
      ['safe.note', 'Rasterna är svårast.'],
    ]);
    // The child gave no rating for the fourth indicator: no answer is invented.
    expect(response.item![3]!.item!.map((i) => i.linkId)).toEqual(['active.professional', 'active.guardians']);
    // qrs-1: an item never has both answers and child items.
    for (const item of response.item!) expect(Boolean(item.answer && item.item)).toBe(false);
  });

  it('tags generated test data on every resource, and real data not at all', () => {
    const test = planToFhirBundle(planDocumentFixture());
    for (const entry of test.entry!) expect(entry.resource!.meta?.tag?.map((t) => t.code), entry.resource!.resourceType).toEqual(['HTEST']);
    const real = planDocumentFixture();
    real.generatedTestData = false;
    const bundle = planToFhirBundle(real);
    expect(bundle.meta).toBeUndefined();
    for (const entry of bundle.entry!) expect(entry.resource!.meta?.tag).toBeUndefined();
  });
});
