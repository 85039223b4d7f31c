/**
 * The access matrix: every reader role × the agency of the reader's unit ×
 * the sharing situation × the record, against an expectation table written
 * from the product rules in ACCESS.md – never computed by calling the code
 * under test. Rows:
 *   rule 1  owning unit              (the record belongs to the reader's unit)
 *   rule 2  enrolled at unit         (basic record only)
 *   rule 3  named person             (basic record; records their own agency owns)
 *   rule 4  team consent             (team member × consent state × category)
 *   rule 5  mandatory report         (reports of concern: the intake of the child's municipality)
 *   rule 6  emergency                (unexpired grant: the child's records)
 *   concerns                         (rule 1 where the reader sees the child; rule 3 "concerns
 *                                     sent to them"; rule 4 with `concern`; rule 6; the raiser's status view)
 *   rules 8–9 log reviewers and managers get no child records by their role.
 *
 * Readings of ACCESS.md that the table relies on (each is a choice, stated):
 * - "works with children" (rule 1): every role except manager, administrator
 *   and log_reviewer (docs/access.md: those "are not given child records by their role").
 * - "their own agency" (rule 3): the same agency type run by the same
 *   organisation – the municipality's schools, not a private provider's.
 * - rule 4 names no role: a team member reads what the consent opens, whatever
 *   role they hold (the team service admits only staff who work with children).
 * - A report of concern (orosanmälan) is read on rule 5 only (and rule 6,
 *   emergency): issue #3 says the reporter "sees a receipt and later whether
 *   it was received, nothing more", so neither the reporter's own unit (rule 1)
 *   nor a consented team (rule 4, category `concern`) reads its content. The
 *   report is social-services information once filed (docs/access.md).
 * - A concern raised by personal identity number for a child the raiser cannot
 *   see (ACCESS.md, Writes; issue #4: "they then see only their own concern and
 *   its status"): rule 1 opens a concern to its owning unit only where the
 *   reader may also read the child's basic record; the raiser who may not gets
 *   the status view, and their colleagues nothing.
 * - "concerns sent to them" (rule 3) is the recipient recorded when the concern
 *   was raised; a later named person reads it on rule 3's own-agency clause only.
 */
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ChildAccessFacts,
  canReadBasicRecord,
  canReadRecord,
  concernView,
  type ConcernViewDecision,
  type Decision,
  type RecordFacts,
  type RecordReadBasis,
  type ReadBasis,
} from './access.ts';
import { type ConsentFacts, consentState, type InformationCategory } from './consent.ts';
import type { AgencyType, StaffRole } from './types.ts';

// ── The table's vocabulary ──────────────────────────────────────────────────

const TODAY = '2026-06-15';

const READER_ROLES = [
  'teacher',
  'school_principal',
  'child_health_nurse',
  'social_worker',
  'intake_social_worker',
  'clinician',
  'police_officer',
  'manager',
  'administrator',
  'log_reviewer',
] as const satisfies readonly StaffRole[];
type ReaderRole = (typeof READER_ROLES)[number];

/** ACCESS.md rule 1, docs/access.md: these roles do not work with children. */
const WORKS_WITH_CHILDREN: Record<ReaderRole, boolean> = {
  teacher: true,
  school_principal: true,
  child_health_nurse: true,
  social_worker: true,
  intake_social_worker: true,
  clinician: true,
  police_officer: true,
  manager: false,
  administrator: false,
  log_reviewer: false,
};

const READER_AGENCIES = [
  'school',
  'preschool',
  'child_health_care',
  'social_services',
  'child_psychiatry',
  'police',
] as const satisfies readonly AgencyType[];
type ReaderAgency = (typeof READER_AGENCIES)[number];

/** Who runs a unit of each agency in the test municipality. */
const ORGANISATION_OF: Record<ReaderAgency, string> = {
  school: 'org-municipality',
  preschool: 'org-municipality',
  social_services: 'org-municipality',
  child_health_care: 'org-region',
  child_psychiatry: 'org-region',
  police: 'org-police',
};

const CATEGORIES = ['concern', 'wellbeing', 'plan', 'school', 'health', 'social', 'police', 'meeting'] as const satisfies readonly InformationCategory[];

const MUNICIPALITY = 'mun-1';
const OTHER_MUNICIPALITY = 'mun-2';
const READER = 'reader';
const READER_UNIT = 'reader-unit';
const CHILD = 'child-1';

// ── Builders (plain data; no rule is called to build an expectation) ─────────

function reader(role: ReaderRole, agency: ReaderAgency, over: { organisationId?: string; municipalityId?: string } = {}): Actor {
  return {
    staffId: READER,
    username: READER,
    givenName: 'Rea',
    familyName: 'Der',
    title: null,
    roles: [
      {
        role,
        unitId: READER_UNIT,
        unitName: `${agency} unit`,
        agencyType: agency,
        organisationId: over.organisationId ?? ORGANISATION_OF[agency],
        municipalityId: over.municipalityId ?? MUNICIPALITY,
        canSeeProtected: false,
      },
    ],
    primaryUnitId: READER_UNIT,
  };
}

function child(over: Partial<ChildAccessFacts> & { consents?: ConsentFacts[] } = {}): ChildAccessFacts {
  const { consents = [], ...rest } = over;
  return {
    childId: CHILD,
    municipalityId: MUNICIPALITY,
    protectedIdentity: false,
    currentEnrollmentUnitIds: ['ekskolan'],
    namedPersonStaffId: 'someone-else',
    teamMembers: [],
    // As the loader does: the consents whose state today is active.
    activeConsents: consents.filter((k) => consentState(k, TODAY) === 'active'),
    emergencyAccessStaffIds: [],
    ...rest,
  };
}

function note(category: InformationCategory, owner: { unitId: string; agencyType: AgencyType; organisationId: string }): RecordFacts {
  return { kind: 'note', childId: CHILD, owningUnitId: owner.unitId, owningAgencyType: owner.agencyType, owningOrganisationId: owner.organisationId, category };
}

function reportOfConcern(owner: { unitId: string; agencyType: AgencyType; organisationId: string }): RecordFacts {
  return { ...note('concern', owner), kind: 'report_of_concern' };
}

/** The school that owns the record in the consent and emergency rows (not the reader's unit). */
const EKSKOLAN = { unitId: 'ekskolan', agencyType: 'school', organisationId: 'org-municipality' } as const;

type Expect<B extends string> = { allowed: true; basis: B } | { allowed: false };
const allowed = <B extends string>(basis: B): Expect<B> => ({ allowed: true, basis });
const denied = { allowed: false } as const;
const show = (e: Expect<string>) => (e.allowed ? `allowed (${e.basis})` : 'denied');

// ── Consent states (ACCESS.md, Consent) ─────────────────────────────────────

/** What the consents in the team-consent rows let through. */
const CONSENTED_CATEGORIES: readonly InformationCategory[] = ['school', 'wellbeing'];

const baseConsent = (over: Partial<ConsentFacts>): ConsentFacts => ({
  id: 'consent-1',
  childId: CHILD,
  recipientUnitIds: [],
  recipientAgencyTypes: [],
  categories: CONSENTED_CATEGORIES,
  purposes: ['team_meeting', 'information_sharing'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  withdrawnAt: null,
  childConsentRequired: false,
  childDecision: 'not_asked',
  unreachableGuardians: 0,
  unreachableResolved: false,
  ...over,
});

const otherAgency = (a: ReaderAgency): AgencyType => (a === 'child_psychiatry' ? 'police' : 'child_psychiatry');

/**
 * The explicit table: each consent situation, and whether it lets the reader's
 * agency (or unit) receive the consented categories today.
 */
const CONSENT_SITUATIONS: { label: (a: ReaderAgency) => string; consents: (a: ReaderAgency) => ConsentFacts[]; opens: boolean }[] = [
  { label: () => 'none', consents: () => [], opens: false },
  { label: (a) => `active for ${a}`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a] })], opens: true },
  { label: () => 'active for the reader’s unit', consents: () => [baseConsent({ recipientUnitIds: [READER_UNIT] })], opens: true },
  { label: (a) => `active for ${otherAgency(a)} only`, consents: (a) => [baseConsent({ recipientAgencyTypes: [otherAgency(a)] })], opens: false },
  { label: () => 'active for another unit only', consents: () => [baseConsent({ recipientUnitIds: ['some-other-unit'] })], opens: false },
  { label: (a) => `for ${a}, valid until today`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], validTo: TODAY })], opens: true },
  { label: (a) => `for ${a}, valid from today`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], validFrom: TODAY })], opens: true },
  { label: (a) => `for ${a}, expired yesterday`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], validFrom: '2025-06-15', validTo: '2026-06-14' })], opens: false },
  { label: (a) => `for ${a}, valid from tomorrow`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], validFrom: '2026-06-16' })], opens: false },
  { label: (a) => `for ${a}, withdrawn`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], withdrawnAt: new Date('2026-06-01T08:00:00Z') })], opens: false },
  { label: (a) => `for ${a}, child’s consent required and not asked`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], childConsentRequired: true, childDecision: 'not_asked' })], opens: false },
  { label: (a) => `for ${a}, child’s consent required and declined`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], childConsentRequired: true, childDecision: 'declined' })], opens: false },
  { label: (a) => `for ${a}, child’s consent required and given`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], childConsentRequired: true, childDecision: 'given' })], opens: true },
  { label: (a) => `for ${a}, a guardian unreachable`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], unreachableGuardians: 1 })], opens: false },
  { label: (a) => `for ${a}, a guardian unreachable, decision recorded`, consents: (a) => [baseConsent({ recipientAgencyTypes: [a], unreachableGuardians: 1, unreachableResolved: true })], opens: true },
  {
    label: (a) => `withdrawn for ${a}, another active for ${otherAgency(a)}`,
    consents: (a) => [
      baseConsent({ recipientAgencyTypes: [a], withdrawnAt: new Date('2026-06-01T08:00:00Z') }),
      baseConsent({ id: 'consent-2', recipientAgencyTypes: [otherAgency(a)] }),
    ],
    opens: false,
  },
];

// ── Cases ───────────────────────────────────────────────────────────────────

type Case<B extends string> = { name: string; decide: () => Decision<B>; expected: Expect<B> };

/** Cells where the code deliberately departs from a literal reading of ACCESS.md (see the header). */
function run<B extends string>(title: string, cases: Case<B>[]) {
  // Rows as [name, case]: `%s` prints the whole name (`$name` would be cut short).
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { decide, expected }) => {
      expect(decide()).toEqual(expected);
    });
  });
}

const everyReader = () => READER_ROLES.flatMap((role) => READER_AGENCIES.map((agency) => ({ role, agency })));

// Rule 4: team member × consent situation × category. The record is a note owned by Ekskolan.
for (const { role, agency } of everyReader()) {
  const cases: Case<RecordReadBasis>[] = [];
  for (const inTeam of [true, false]) {
    for (const situation of CONSENT_SITUATIONS) {
      for (const category of CATEGORIES) {
        const expected = inTeam && situation.opens && CONSENTED_CATEGORIES.includes(category) ? allowed('team_consent' as const) : denied;
        const facts = child({
          consents: situation.consents(agency),
          teamMembers: inTeam ? [{ staffId: READER, unitId: READER_UNIT, agencyType: agency }] : [],
        });
        cases.push({
          name: `${role}@${agency}, ${inTeam ? 'in the team' : 'not in the team'}, consent ${situation.label(agency)} (${CONSENTED_CATEGORIES.join('+')}), note ${category}@school → ${show(expected)}`,
          decide: () => canReadRecord(reader(role, agency), facts, note(category, EKSKOLAN)),
          expected,
        });
      }
    }
  }
  run(`rule 4 team consent: ${role}@${agency}`, cases);
}

// Rule 1: the record belongs to the reader's own unit; a record of another unit of the same agency does not.
{
  const cases: Case<RecordReadBasis>[] = [];
  for (const { role, agency } of everyReader()) {
    for (const category of CATEGORIES) {
      const own = WORKS_WITH_CHILDREN[role] ? allowed('owning_unit' as const) : denied;
      cases.push({
        name: `${role}@${agency}, note ${category} owned by the reader's unit → ${show(own)}`,
        decide: () => canReadRecord(reader(role, agency), child(), note(category, { unitId: READER_UNIT, agencyType: agency, organisationId: ORGANISATION_OF[agency] })),
        expected: own,
      });
      cases.push({
        name: `${role}@${agency}, note ${category} owned by another ${agency} unit of the same organisation → denied`,
        decide: () => canReadRecord(reader(role, agency), child(), note(category, { unitId: 'sister-unit', agencyType: agency, organisationId: ORGANISATION_OF[agency] })),
        expected: denied,
      });
    }
  }
  run('rule 1 owning unit (and not its sister units)', cases);
}

// Rule 3: the named person reads records their own agency owns (same agency type, same organisation).
{
  const cases: Case<RecordReadBasis>[] = [];
  const owners = (agency: ReaderAgency) => [
    { label: `another ${agency} unit of the same organisation`, owner: { unitId: 'sister-unit', agencyType: agency, organisationId: ORGANISATION_OF[agency] }, ownAgency: true },
    { label: `a ${agency} unit of a private provider`, owner: { unitId: 'private-unit', agencyType: agency, organisationId: 'org-private' }, ownAgency: false },
    { label: `a ${otherAgency(agency)} unit of the same organisation`, owner: { unitId: 'neighbour-unit', agencyType: otherAgency(agency), organisationId: ORGANISATION_OF[agency] }, ownAgency: false },
  ];
  for (const { role, agency } of everyReader().filter((r) => WORKS_WITH_CHILDREN[r.role])) {
    for (const namedPerson of [true, false]) {
      for (const { label, owner, ownAgency } of owners(agency)) {
        for (const category of CATEGORIES) {
          const expected = namedPerson && ownAgency ? allowed('named_person_own_agency' as const) : denied;
          cases.push({
            name: `${role}@${agency}, ${namedPerson ? 'the named person' : 'not the named person'}, note ${category} owned by ${label} → ${show(expected)}`,
            decide: () => canReadRecord(reader(role, agency), child({ namedPersonStaffId: namedPerson ? READER : 'someone-else' }), note(category, owner)),
            expected,
          });
        }
      }
    }
  }
  run('rule 3 named person, own agency', cases);
}

// Rule 5: reports of concern go to the social-services intake of the child's municipality.
{
  const cases: Case<RecordReadBasis>[] = [];
  for (const { role, agency } of everyReader()) {
    for (const municipality of [MUNICIPALITY, OTHER_MUNICIPALITY]) {
      const expected = role === 'intake_social_worker' && agency === 'social_services' && municipality === MUNICIPALITY ? allowed('mandatory_report' as const) : denied;
      const where = municipality === MUNICIPALITY ? 'the child’s municipality' : 'another municipality';
      cases.push({
        name: `${role}@${agency} of ${where}, report of concern from Ekskolan → ${show(expected)}`,
        decide: () => canReadRecord(reader(role, agency, { municipalityId: municipality }), child(), reportOfConcern(EKSKOLAN)),
        expected,
      });
    }
    // Not rule 1: the reporter's own unit sees the receipt, not the report (issue #3).
    if (role !== 'intake_social_worker' || agency !== 'social_services') {
      cases.push({
        name: `${role}@${agency}, report of concern filed from the reader's unit → denied`,
        decide: () => canReadRecord(reader(role, agency), child(), reportOfConcern({ unitId: READER_UNIT, agencyType: agency, organisationId: ORGANISATION_OF[agency] })),
        expected: denied,
      });
    }
    // Not rule 4: a consent for `concern` opens concerns, not reports to social services.
    if (role !== 'intake_social_worker' || agency !== 'social_services') {
      const facts = child({
        consents: [baseConsent({ recipientAgencyTypes: [agency], categories: ['concern'] })],
        teamMembers: [{ staffId: READER, unitId: READER_UNIT, agencyType: agency }],
      });
      cases.push({
        name: `${role}@${agency} in the team, report of concern from Ekskolan, consent active for ${agency}/concern → denied`,
        decide: () => canReadRecord(reader(role, agency), facts, reportOfConcern(EKSKOLAN)),
        expected: denied,
      });
    }
  }
  run('rule 5 mandatory report (reports of concern)', cases);
}

// Rule 6: an unexpired emergency grant opens the child's records, whatever the reader's role.
{
  const cases: Case<RecordReadBasis>[] = [];
  for (const { role, agency } of everyReader()) {
    for (const grant of ['unexpired', 'expired or absent'] as const) {
      const facts = child({ emergencyAccessStaffIds: grant === 'unexpired' ? [READER] : ['someone-else'] });
      for (const category of ['health', 'social'] as const) {
        const expected = grant === 'unexpired' ? allowed('emergency' as const) : denied;
        cases.push({
          name: `${role}@${agency}, emergency grant ${grant}, note ${category}@school → ${show(expected)}`,
          decide: () => canReadRecord(reader(role, agency), facts, note(category, EKSKOLAN)),
          expected,
        });
      }
      // The intake of the child's municipality reads the report on rule 5 first.
      const report = role === 'intake_social_worker' && agency === 'social_services' ? allowed('mandatory_report' as const) : grant === 'unexpired' ? allowed('emergency' as const) : denied;
      cases.push({
        name: `${role}@${agency}, emergency grant ${grant}, report of concern from Ekskolan → ${show(report)}`,
        decide: () => canReadRecord(reader(role, agency), facts, reportOfConcern(EKSKOLAN)),
        expected: report,
      });
    }
  }
  run('rule 6 emergency', cases);
}

// The basic record (rules 2, 3, 4, 6).
{
  const cases: Case<ReadBasis>[] = [];
  const situations: { label: string; facts: (a: ReaderAgency) => ChildAccessFacts; expected: (r: ReaderRole) => Expect<ReadBasis> }[] = [
    {
      label: 'child currently enrolled at the reader’s unit',
      facts: () => child({ currentEnrollmentUnitIds: [READER_UNIT] }),
      expected: (r) => (WORKS_WITH_CHILDREN[r] ? allowed('enrolled_at_unit') : denied),
    },
    { label: 'child enrolled elsewhere only', facts: () => child(), expected: () => denied },
    { label: 'the reader is the named person', facts: () => child({ namedPersonStaffId: READER, currentEnrollmentUnitIds: [] }), expected: () => allowed('named_person') },
    {
      label: 'in the team, consent active for the reader’s agency',
      facts: (a) => child({ consents: [baseConsent({ recipientAgencyTypes: [a] })], teamMembers: [{ staffId: READER, unitId: READER_UNIT, agencyType: a }] }),
      expected: () => allowed('team_consent'),
    },
    {
      label: 'in the team, consent withdrawn',
      facts: (a) =>
        child({ consents: [baseConsent({ recipientAgencyTypes: [a], withdrawnAt: new Date('2026-06-01T08:00:00Z') })], teamMembers: [{ staffId: READER, unitId: READER_UNIT, agencyType: a }] }),
      expected: () => denied,
    },
    {
      label: 'consent active for the reader’s agency, not in the team',
      facts: (a) => child({ consents: [baseConsent({ recipientAgencyTypes: [a] })] }),
      expected: () => denied,
    },
    { label: 'unexpired emergency grant', facts: () => child({ emergencyAccessStaffIds: [READER] }), expected: () => allowed('emergency') },
  ];
  for (const { role, agency } of everyReader()) {
    for (const s of situations) {
      const expected = s.expected(role);
      cases.push({ name: `${role}@${agency}, ${s.label}, basic record → ${show(expected)}`, decide: () => canReadBasicRecord(reader(role, agency), s.facts(agency)), expected });
    }
  }
  run('basic record', cases);
}

// Concerns: rule 1 (owning unit, where the reader may see the child), rule 3 (sent to them;
// own agency), rule 4 (consent covering `concern`), rule 6; the raiser's status view.
{
  const concern = (owner: { unitId: string; agencyType: AgencyType; organisationId: string }, over: Partial<RecordFacts> = {}): RecordFacts => ({
    ...note('concern', owner),
    kind: 'concern',
    recipientStaffId: 'the-named-person',
    raisedByStaffId: 'a-teacher',
    ...over,
  });
  const full = <B extends string>(basis: B) => ({ allowed: true, view: 'full', basis }) as const;
  const cases: Case<string>[] = [];
  for (const { role, agency } of everyReader()) {
    const ownUnit = { unitId: READER_UNIT, agencyType: agency, organisationId: ORGANISATION_OF[agency] };
    const works = WORKS_WITH_CHILDREN[role];
    const rows: { label: string; facts: ChildAccessFacts; record: RecordFacts; expected: ConcernViewDecision }[] = [
      { label: 'sent to the reader, raised at Ekskolan', facts: child(), record: concern(EKSKOLAN, { recipientStaffId: READER }), expected: full('concern_recipient') },
      { label: 'sent to someone else, raised at Ekskolan', facts: child(), record: concern(EKSKOLAN), expected: denied },
      {
        label: 'raised at the reader’s unit, child enrolled there',
        facts: child({ currentEnrollmentUnitIds: [READER_UNIT] }),
        record: concern(ownUnit),
        expected: works ? full('owning_unit') : denied,
      },
      { label: 'raised at the reader’s unit by a colleague, child enrolled elsewhere', facts: child(), record: concern(ownUnit), expected: denied },
      {
        label: 'raised by the reader, child enrolled elsewhere',
        facts: child(),
        record: concern(ownUnit, { raisedByStaffId: READER }),
        expected: { allowed: true, view: 'status', basis: 'raiser' },
      },
      {
        label: 'the reader is the child’s named person now (not the recipient), raised in another unit of the reader’s agency',
        facts: child({ namedPersonStaffId: READER }),
        record: concern({ unitId: 'sister-unit', agencyType: agency, organisationId: ORGANISATION_OF[agency] }),
        expected: works ? full('named_person_own_agency') : denied,
      },
      {
        label: 'the reader is the child’s named person now (not the recipient), raised in another agency',
        facts: child({ namedPersonStaffId: READER }),
        record: concern({ unitId: 'neighbour-unit', agencyType: otherAgency(agency), organisationId: 'org-other' }),
        expected: denied,
      },
      {
        label: `in the team, consent active for ${agency}/concern`,
        facts: child({ consents: [baseConsent({ recipientAgencyTypes: [agency], categories: ['concern'] })], teamMembers: [{ staffId: READER, unitId: READER_UNIT, agencyType: agency }] }),
        record: concern(EKSKOLAN),
        expected: full('team_consent'),
      },
      {
        label: `in the team, consent active for ${agency}/school+wellbeing only`,
        facts: child({ consents: [baseConsent({ recipientAgencyTypes: [agency] })], teamMembers: [{ staffId: READER, unitId: READER_UNIT, agencyType: agency }] }),
        record: concern(EKSKOLAN),
        expected: denied,
      },
      {
        label: `in the team, consent for ${agency}/concern withdrawn`,
        facts: child({
          consents: [baseConsent({ recipientAgencyTypes: [agency], categories: ['concern'], withdrawnAt: new Date('2026-06-01T08:00:00Z') })],
          teamMembers: [{ staffId: READER, unitId: READER_UNIT, agencyType: agency }],
        }),
        record: concern(EKSKOLAN),
        expected: denied,
      },
      { label: 'unexpired emergency grant', facts: child({ emergencyAccessStaffIds: [READER] }), record: concern(EKSKOLAN), expected: full('emergency') },
    ];
    for (const r of rows) {
      cases.push({
        name: `${role}@${agency}, concern ${r.label} → ${r.expected.allowed ? `${r.expected.view} (${r.expected.basis})` : 'denied'}`,
        decide: () => concernView(reader(role, agency), r.facts, r.record) as Decision<string>,
        expected: r.expected as Expect<string>,
      });
    }
  }
  run('concerns', cases);
}
