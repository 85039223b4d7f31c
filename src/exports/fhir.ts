/**
 * The child's plan as FHIR R4: a `collection` Bundle with the child
 * (Patient), the guardians (RelatedPerson), the professionals (Practitioner,
 * PractitionerRole) and their units and bodies (Organization), the team
 * (CareTeam, the lead professional marked), the plan (CarePlan with one Goal
 * per need and one activity per action), the consents it rests on (Consent)
 * and the latest assessment (QuestionnaireResponse).
 *
 * Every entry has a `urn:uuid:` fullUrl derived from the plan's own ids (the
 * same plan always gives the same bundle) and the resources refer to each
 * other by those. Protected identity: the Patient then carries no name,
 * identifier or address, and is marked restricted. Generated test data is
 * tagged HTEST on every resource. Pure.
 */
/// <reference types="fhir" />
import { createHash } from 'node:crypto';
import { CATEGORY_NAMES } from '../domain/consent.ts';
import type { ActionStatus, PlanStatus } from '../domain/plan.ts';
import type { PlanDocument, PlanDocumentAction, PlanDocumentPerson } from '../domain/plan-document.ts';
import { AGENCY_LABELS, CONSENT_PURPOSE_LABELS, labelOf, PLAN_TEXT } from './text.ts';

/** Our own code systems and identifiers. The host is a placeholder until a deployment has its own. */
export const SAMSYN_FHIR_BASE = 'https://samsyn.example/fhir';
export const PERSONNUMMER_SYSTEM = 'http://electronichealth.se/identifier/personnummer';
const CS = {
  careTeamRole: `${SAMSYN_FHIR_BASE}/CodeSystem/care-team-role`,
  wellbeingIndicator: `${SAMSYN_FHIR_BASE}/CodeSystem/wellbeing-indicator`,
  agencyType: `${SAMSYN_FHIR_BASE}/CodeSystem/agency-type`,
  informationCategory: `${SAMSYN_FHIR_BASE}/CodeSystem/information-category`,
  consentPurpose: `${SAMSYN_FHIR_BASE}/CodeSystem/consent-purpose`,
  organisationKind: `${SAMSYN_FHIR_BASE}/CodeSystem/organisation-kind`,
  planId: `${SAMSYN_FHIR_BASE}/identifier/plan`,
  staffId: `${SAMSYN_FHIR_BASE}/identifier/staff`,
  unitId: `${SAMSYN_FHIR_BASE}/identifier/unit`,
} as const;

export const CARE_PLAN_STATUS: Record<PlanStatus, fhir4.CarePlan['status']> = {
  draft: 'draft',
  active: 'active',
  under_review: 'active',
  closed: 'completed',
};

/** R4 CarePlan.activity.detail.status (care-plan-activity-status). */
export const ACTIVITY_STATUS: Record<ActionStatus, fhir4.CarePlanActivityDetail['status']> = {
  planned: 'scheduled',
  ongoing: 'in-progress',
  done: 'completed',
  not_done: 'stopped',
};

const GOAL_STATUS: Record<PlanStatus, fhir4.Goal['lifecycleStatus']> = {
  draft: 'proposed',
  active: 'active',
  under_review: 'active',
  closed: 'completed',
};

/** A UUID (version 5 layout) from a name: stable, so the same plan gives the same bundle. */
function uuidFor(...parts: string[]): string {
  const hex = createHash('sha1').update(`samsyn-fhir\u0000${parts.join('\u0000')}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const urn = (id: string) => `urn:uuid:${id}`;

/** All resources of the plan's bundle, each with the fullUrl it has there. */
export function fhirResources(doc: PlanDocument): { fullUrl: string; resource: fhir4.FhirResource }[] {
  const entries: { fullUrl: string; resource: fhir4.FhirResource }[] = [];
  const meta: fhir4.Meta | undefined = doc.generatedTestData
    ? { tag: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' }] }
    : undefined;
  const add = <T extends fhir4.FhirResource>(resource: T): fhir4.Reference => {
    const id = resource.id ?? '';
    entries.push({ fullUrl: urn(id), resource: meta ? { ...resource, meta: { ...meta, ...resource.meta } } : resource });
    return { reference: urn(id) };
  };

  // The child.
  const child = doc.child;
  const masked = child.name === null;
  const patient: fhir4.Patient = { resourceType: 'Patient', id: uuidFor('Patient', child.id), birthDate: child.dateOfBirth };
  if (child.protectedIdentity) {
    patient.meta = {
      security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }],
    };
  }
  if (!masked) {
    if (child.personnummer) patient.identifier = [{ system: PERSONNUMMER_SYSTEM, value: child.personnummer.replace(/\D/g, '') }];
    patient.name = [humanName(child.name ?? '', child.givenName)];
    if (child.address) patient.address = [{ text: child.address }];
  }
  const patientRef = add(patient);

  // Guardians.
  const guardianRefs = new Map<string, fhir4.Reference>();
  for (const guardian of doc.guardians) {
    const related: fhir4.RelatedPerson = {
      resourceType: 'RelatedPerson',
      id: uuidFor('RelatedPerson', guardian.id),
      active: true,
      patient: patientRef,
      relationship: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD', display: 'guardian' }], text: 'Vårdnadshavare' },
      ],
    };
    if (guardian.name) related.name = [{ text: guardian.name }];
    if (guardian.phone) related.telecom = [{ system: 'phone', value: guardian.phone }];
    guardianRefs.set(guardian.id, add(related));
  }

  // Bodies (huvudmän) and units.
  const bodyRefs = new Map<string, fhir4.Reference>();
  const bodyRef = (action: PlanDocumentAction): fhir4.Reference => {
    const key = `${action.responsibleOrganisationKind}/${action.responsibleOrganisationName}`;
    let ref = bodyRefs.get(key);
    if (!ref) {
      ref = add({
        resourceType: 'Organization',
        id: uuidFor('Organization', 'body', key),
        active: true,
        name: action.responsibleOrganisationName,
        type: [{ coding: [{ system: CS.organisationKind, code: action.responsibleOrganisationKind }] }],
      });
      bodyRefs.set(key, ref);
    }
    return ref;
  };
  const unitRefs = new Map<string, fhir4.Reference>();
  const unitRefsByName = new Map<string, fhir4.Reference>();
  const unitRef = (unit: { id: string; name: string; agencyType: string | null; partOf?: fhir4.Reference }): fhir4.Reference => {
    let ref = unitRefs.get(unit.id);
    if (!ref) {
      const organization: fhir4.Organization = {
        resourceType: 'Organization',
        id: uuidFor('Organization', 'unit', unit.id),
        active: true,
        identifier: [{ system: CS.unitId, value: unit.id }],
        name: unit.name,
      };
      if (unit.agencyType) organization.type = [{ coding: [{ system: CS.agencyType, code: unit.agencyType }] }];
      if (unit.partOf) organization.partOf = unit.partOf;
      ref = add(organization);
      unitRefs.set(unit.id, ref);
      unitRefsByName.set(unit.name, ref);
    }
    return ref;
  };
  // Action units first, so that they know the body they belong to.
  for (const need of doc.content.needs) {
    for (const action of need.actions) {
      unitRef({ id: action.responsibleUnitId, name: action.responsibleUnitName, agencyType: action.responsibleAgencyType, partOf: bodyRef(action) });
    }
  }

  // Professionals: one Practitioner and one PractitionerRole each.
  const roleRefs = new Map<string, fhir4.Reference>();
  const professional = (person: PlanDocumentPerson): fhir4.Reference => {
    let ref = roleRefs.get(person.staffId);
    if (!ref) {
      const telecom: fhir4.ContactPoint[] = [];
      if (person.phone) telecom.push({ system: 'phone', value: person.phone, use: 'work' });
      if (person.email) telecom.push({ system: 'email', value: person.email, use: 'work' });
      const practitioner = add({
        resourceType: 'Practitioner',
        id: uuidFor('Practitioner', person.staffId),
        active: true,
        identifier: [{ system: CS.staffId, value: person.staffId }],
        name: [{ text: person.name }],
      });
      const role: fhir4.PractitionerRole = {
        resourceType: 'PractitionerRole',
        id: uuidFor('PractitionerRole', person.staffId, person.unitId),
        active: true,
        practitioner: { ...practitioner, display: person.name },
        organization: unitRef({ id: person.unitId, name: person.unitName, agencyType: person.agencyType }),
      };
      if (person.title) role.code = [{ text: person.title }];
      if (telecom.length > 0) role.telecom = telecom;
      ref = { ...add(role), display: person.name };
      roleRefs.set(person.staffId, ref);
    }
    return ref;
  };
  const people = [doc.namedPerson, doc.leadProfessional, ...doc.team].filter((p): p is PlanDocumentPerson => p !== null);
  for (const person of people) professional(person);
  /** A responsible person outside the team: a Practitioner with the name only. */
  const otherPractitioners = new Map<string, fhir4.Reference>();
  const actionPerformer = (action: PlanDocumentAction): fhir4.Reference | null => {
    if (!action.responsibleStaffId) return null;
    const known = roleRefs.get(action.responsibleStaffId);
    if (known) return known;
    let ref = otherPractitioners.get(action.responsibleStaffId);
    if (!ref) {
      const practitioner: fhir4.Practitioner = {
        resourceType: 'Practitioner',
        id: uuidFor('Practitioner', action.responsibleStaffId),
        identifier: [{ system: CS.staffId, value: action.responsibleStaffId }],
      };
      if (action.responsibleStaffName) practitioner.name = [{ text: action.responsibleStaffName }];
      ref = add(practitioner);
      otherPractitioners.set(action.responsibleStaffId, ref);
    }
    return ref;
  };

  // The team around the child.
  const participants: fhir4.CareTeamParticipant[] = [];
  const seen = new Set<string>();
  const role = (code: string, sv: string): fhir4.CodeableConcept => ({ coding: [{ system: CS.careTeamRole, code, display: sv }], text: sv });
  for (const person of people) {
    if (seen.has(person.staffId)) continue;
    seen.add(person.staffId);
    const roles: fhir4.CodeableConcept[] = [];
    if (doc.leadProfessional?.staffId === person.staffId) roles.push(role('lead-professional', 'Stödsamordnare'));
    if (doc.namedPerson?.staffId === person.staffId) roles.push(role('named-person', 'Barnkontakt'));
    if (roles.length === 0) roles.push(role('team-member', 'Medlem i barnteamet'));
    participants.push({ role: roles, member: professional(person) });
  }
  participants.push({ role: [role('child', 'Barnet')], member: patientRef });
  for (const ref of guardianRefs.values()) participants.push({ role: [role('guardian', 'Vårdnadshavare')], member: ref });
  const careTeamRef = add({
    resourceType: 'CareTeam',
    id: uuidFor('CareTeam', doc.planId),
    status: doc.status === 'closed' ? 'inactive' : 'active',
    name: 'Barnteam',
    subject: patientRef,
    participant: participants,
    ...(doc.leadProfessional ? { managingOrganization: [unitRef({ id: doc.leadProfessional.unitId, name: doc.leadProfessional.unitName, agencyType: doc.leadProfessional.agencyType })] } : {}),
  });

  // One Goal per need.
  const goalRefs = new Map<string, fhir4.Reference>();
  for (const need of doc.content.needs) {
    goalRefs.set(
      need.id,
      add({
        resourceType: 'Goal',
        id: uuidFor('Goal', doc.planId, need.id),
        lifecycleStatus: GOAL_STATUS[doc.status],
        category: [{ coding: [{ system: CS.wellbeingIndicator, code: need.indicator, display: need.indicatorName.sv }], text: need.indicatorName.sv }],
        description: { text: need.desiredOutcome },
        subject: patientRef,
        note: [{ text: `Behov: ${need.need}` }, { text: `Så ser vi framsteg: ${need.evidence}` }],
      }),
    );
  }

  // The assessment.
  let assessmentRef: fhir4.Reference | null = null;
  const carePlanId = uuidFor('CarePlan', doc.planId);
  if (doc.assessment) {
    const items: fhir4.QuestionnaireResponseItem[] = doc.assessment.ratings.map((rating) => {
      const answers: fhir4.QuestionnaireResponseItem[] = [];
      const rater = (linkId: string, text: string, value: number | null) => {
        if (value !== null) answers.push({ linkId: `${rating.indicator}.${linkId}`, text, answer: [{ valueInteger: value }] });
      };
      rater('professional', 'Personalens bedömning', rating.professional);
      rater('child', 'Barnets bedömning', rating.child);
      rater('guardians', 'Vårdnadshavarnas bedömning', rating.guardians);
      if (rating.note) answers.push({ linkId: `${rating.indicator}.note`, text: 'Kommentar', answer: [{ valueString: rating.note }] });
      const item: fhir4.QuestionnaireResponseItem = { linkId: rating.indicator, text: rating.indicatorName.sv };
      if (answers.length > 0) item.item = answers;
      return item;
    });
    items.push({ linkId: 'child-took-part', text: 'Barnet var med', answer: [{ valueBoolean: doc.assessment.childTookPart }] });
    assessmentRef = add({
      resourceType: 'QuestionnaireResponse',
      id: uuidFor('QuestionnaireResponse', doc.assessment.id),
      questionnaire: `${SAMSYN_FHIR_BASE}/Questionnaire/${doc.profile.tool}`,
      status: 'completed',
      subject: patientRef,
      basedOn: [{ reference: urn(carePlanId) }],
      authored: doc.assessment.assessedOn,
      item: items,
    });
  }

  // The plan.
  const notes: fhir4.Annotation[] = [];
  const view = (v: { text: string | null; reasonMissing: string | null }, who: string) => {
    if (v.text) return `${who}: ${v.text}`;
    if (v.reasonMissing) return `${who} kunde inte tas med: ${v.reasonMissing}`;
    return null;
  };
  const childView = view(doc.content.childView, 'Barnets syn');
  if (childView) notes.push({ authorReference: patientRef, text: childView });
  const guardiansView = view(doc.content.guardiansView, 'Vårdnadshavarnas syn');
  if (guardiansView) notes.push({ authorString: 'Vårdnadshavarna', text: guardiansView });
  // Accepting a plan is voluntary: the answers, where recorded, as notes in their own words.
  const answers = PLAN_TEXT.sv.agreement;
  if (doc.content.childView.agreement) notes.push({ authorReference: patientRef, text: `Barnet: ${answers[doc.content.childView.agreement]}` });
  if (doc.content.guardiansView.agreement) notes.push({ authorString: 'Vårdnadshavarna', text: `Vårdnadshavarna: ${answers[doc.content.guardiansView.agreement]}` });
  if (doc.content.disagreements) notes.push({ text: `Oenighet: ${doc.content.disagreements}` });
  if (doc.content.otherMeasures) notes.push({ text: `Åtgärder av andra: ${doc.content.otherMeasures}` });
  if (doc.overallResponsibilityName || doc.content.overallResponsibility) {
    notes.push({ text: `Övergripande ansvar (SIP): ${doc.overallResponsibilityName ?? doc.content.overallResponsibility}` });
  }
  notes.push({ text: `Uppföljning: ${doc.content.reviewDate}` });

  const activities: fhir4.CarePlanActivity[] = doc.content.needs.flatMap((need) =>
    need.actions.map((action) => {
      const performer: fhir4.Reference[] = [];
      const person = actionPerformer(action);
      if (person) performer.push(person);
      const unit = unitRefs.get(action.responsibleUnitId);
      if (unit) performer.push({ ...unit, display: action.responsibleUnitName });
      const detail: fhir4.CarePlanActivityDetail = {
        status: ACTIVITY_STATUS[action.status],
        doNotPerform: false,
        description: action.description,
        scheduledPeriod: { start: action.startDate, end: action.dueDate },
        performer,
        goal: [goalRefs.get(need.id) ?? { display: need.desiredOutcome }],
      };
      if (action.interventionTitle) detail.code = { text: action.interventionTitle };
      const activity: fhir4.CarePlanActivity = { detail };
      if (action.comment) activity.progress = [{ text: action.comment }];
      return activity;
    }),
  );

  const carePlan: fhir4.CarePlan = {
    resourceType: 'CarePlan',
    id: carePlanId,
    meta: { versionId: String(doc.version) },
    identifier: [{ system: CS.planId, value: doc.planId }],
    status: CARE_PLAN_STATUS[doc.status],
    intent: 'plan',
    category: [{ text: doc.isSip ? 'Samordnad individuell plan (SIP)' : 'Barnets plan' }],
    title: doc.isSip ? 'Barnets plan – samordnad individuell plan (SIP)' : 'Barnets plan',
    description: doc.content.reason,
    subject: patientRef,
    period: periodOf(doc),
    created: doc.preparedOn,
    contributor: [patientRef, ...guardianRefs.values()],
    careTeam: [careTeamRef],
    goal: [...goalRefs.values()],
    activity: activities,
    note: notes,
  };
  const author = doc.leadProfessional ?? doc.namedPerson;
  if (author) carePlan.author = professional(author);
  if (assessmentRef) carePlan.supportingInfo = [assessmentRef];
  add(carePlan);

  // Consents.
  for (const consent of doc.consents) {
    const actors: fhir4.ConsentProvisionActor[] = [];
    const recipientRole: fhir4.CodeableConcept = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }],
    };
    for (const agency of consent.recipientAgencyTypes) {
      actors.push({
        role: recipientRole,
        reference: { type: 'Organization', identifier: { system: CS.agencyType, value: agency }, display: AGENCY_LABELS[agency].sv },
      });
    }
    for (const name of consent.recipientUnitNames) {
      // The document names the recipient units; those that appear elsewhere in the plan are referenced.
      const known = unitRefsByName.get(name);
      actors.push({ role: recipientRole, reference: known ? { ...known, display: name } : { type: 'Organization', display: name } });
    }
    const performers = consent.guardianIds.map((id) => guardianRefs.get(id)).filter((r): r is fhir4.Reference => r !== undefined);
    const resource: fhir4.Consent = {
      resourceType: 'Consent',
      id: uuidFor('Consent', consent.id),
      status: 'active',
      scope: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }],
      },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
      patient: patientRef,
      dateTime: consent.recordedAt,
      policyRule: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN', display: 'opt-in' }],
        text: 'Samtycke som häver sekretess, 12 kap. 2 § offentlighets- och sekretesslagen',
      },
      sourceAttachment: { title: consent.form === 'written' ? 'Skriftligt samtycke' : 'Muntligt samtycke, antecknat' },
      provision: {
        type: 'permit',
        period: { start: consent.validFrom, end: consent.validTo },
        purpose: [
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'COC', display: 'coordination of care' },
          ...consent.purposes.map((p) => ({ system: CS.consentPurpose, code: p, display: labelOf(CONSENT_PURPOSE_LABELS, p, 'sv') })),
        ],
        code: consent.categories.map((c) => ({ coding: [{ system: CS.informationCategory, code: c, display: labelOf(CATEGORY_NAMES, c, 'sv') }] })),
      },
    };
    if (performers.length > 0) resource.performer = performers;
    if (actors.length > 0 && resource.provision) resource.provision.actor = actors;
    add(resource);
  }

  return entries;
}

/** The plan as a FHIR R4 `collection` Bundle. */
export function planToFhirBundle(doc: PlanDocument): fhir4.Bundle {
  const bundle: fhir4.Bundle = {
    resourceType: 'Bundle',
    id: uuidFor('Bundle', doc.planId, String(doc.version)),
    type: 'collection',
    identifier: { system: CS.planId, value: `${doc.planId}/${doc.version}` },
    timestamp: `${doc.preparedOn}T00:00:00Z`,
    entry: fhirResources(doc),
  };
  if (doc.generatedTestData) {
    bundle.meta = { tag: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' }] };
  }
  return bundle;
}

function humanName(full: string, given: string | null): fhir4.HumanName {
  const name: fhir4.HumanName = { use: 'official', text: full };
  if (given && full.startsWith(`${given} `)) {
    name.given = [given];
    name.family = full.slice(given.length + 1);
  }
  return name;
}

/** From activation (or preparation) to closing; a closed plan ends at its last closing review. */
function periodOf(doc: PlanDocument): fhir4.Period {
  const period: fhir4.Period = { start: doc.activatedOn ?? doc.preparedOn };
  if (doc.status === 'closed') {
    const closing = doc.reviews.filter((r) => r.outcome === 'close').map((r) => r.reviewedOn).sort().at(-1);
    if (closing && closing >= (doc.activatedOn ?? doc.preparedOn)) period.end = closing;
  }
  return period;
}
