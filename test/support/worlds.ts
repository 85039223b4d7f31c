/**
 * Random worlds for the access property test: municipalities, organisations,
 * units of random agency types, staff with random roles, children with
 * enrollments, a named person, a team, consents, emergency grants, notes and concerns –
 * all dated relative to one fixed `today`.
 *
 * A world is generated as a small model of indices (so fast-check shrinks it to
 * something readable), then `materializeWorld` gives every row a fresh random
 * uuid – a shrunk re-run never collides with rows an earlier run left behind.
 * `expectedFacts` and `modelActor` compute, in plain JS from the model and
 * independently of the loaders under test, what the access rules need.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Db } from '../../src/db/client.ts';
import type { AccessTime } from '../../src/db/queries/access.ts';
import {
  children,
  concerns,
  consentParties,
  consents,
  emergencyAccesses,
  enrollments,
  guardians,
  guardianships,
  namedPersonAssignments,
  notes,
  organisations,
  reportsOfConcern,
  staff,
  staffRoles,
  teamMembers,
  units,
} from '../../src/db/schema/index.ts';
import type { Actor, ActorRole, ChildAccessFacts, RecordFacts } from '../../src/domain/access.ts';
import {
  CONSENT_PURPOSES,
  type ConsentFacts,
  type ConsentPurpose,
  consentState,
  INFORMATION_CATEGORIES,
  type InformationCategory,
} from '../../src/domain/consent.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { AgencyType, OrganisationKind, StaffRole } from '../../src/domain/types.ts';

// ── The model ───────────────────────────────────────────────────────────────

export const WORLD_AGENCIES = [
  'school',
  'preschool',
  'child_health_care',
  'social_services',
  'child_psychiatry',
  'police',
] as const satisfies readonly AgencyType[];

/** Child-facing and not; several named-person roles; the intake role for reports. */
export const WORLD_ROLES = [
  'teacher',
  'school_principal',
  'preschool_principal',
  'child_health_nurse',
  'social_worker',
  'intake_social_worker',
  'clinician',
  'police_officer',
  'manager',
  'administrator',
  'log_reviewer',
] as const satisfies readonly StaffRole[];

/** Besides the 1–2 municipalities, every world has these organisations. */
const OTHER_ORGANISATIONS: readonly OrganisationKind[] = ['region', 'police_authority', 'private_provider'];

/** Enrollment windows around `today` (end date inclusive). */
export const ENROLLMENT_WINDOWS = {
  open: { start: -400, end: null, current: true },
  ends_today: { start: -100, end: 0, current: true },
  starts_today: { start: 0, end: null, current: true },
  ends_later: { start: -10, end: 60, current: true },
  past: { start: -400, end: -30, current: false },
  ended_yesterday: { start: -200, end: -1, current: false },
  starts_tomorrow: { start: 1, end: null, current: false },
  future: { start: 30, end: 300, current: false },
} as const;
export type EnrollmentWindow = keyof typeof ENROLLMENT_WINDOWS;

/** Consent validity windows around `today` (both ends inclusive). */
export const CONSENT_WINDOWS = {
  current: { from: -30, to: 335 },
  from_today: { from: 0, to: 365 },
  to_today: { from: -365, to: 0 },
  expired_yesterday: { from: -400, to: -1 },
  long_expired: { from: -800, to: -400 },
  starts_tomorrow: { from: 1, to: 366 },
} as const;
export type ConsentWindow = keyof typeof CONSENT_WINDOWS;

/** Emergency grants: expiry relative to `now` in milliseconds (active only while expires_at > now). */
export const EMERGENCY_EXPIRY = {
  active_4h: 4 * 3600_000,
  active_1s: 1000,
  expires_exactly_now: 0,
  expired_1ms: -1,
  expired_1h: -3600_000,
} as const;
export type EmergencyExpiry = keyof typeof EMERGENCY_EXPIRY;

/**
 * A role at a unit. `natural` places it, where the world has one, at a unit of
 * the role's own agency (a teacher at a school) – otherwise anywhere.
 */
export type RoleModel = { role: StaffRole; unit: number; natural: boolean; canSeeProtected: boolean; ended: boolean };

/** The agency a role usually works in (managers, administrators, log reviewers: any). */
const NATURAL_AGENCY: Partial<Record<StaffRole, AgencyType>> = {
  teacher: 'school',
  school_principal: 'school',
  preschool_principal: 'preschool',
  child_health_nurse: 'child_health_care',
  social_worker: 'social_services',
  intake_social_worker: 'social_services',
  clinician: 'child_psychiatry',
  police_officer: 'police',
};
export type ConsentModel = {
  recipientUnits: number[];
  recipientAgencies: AgencyType[];
  categories: InformationCategory[];
  purposes: ConsentPurpose[];
  window: ConsentWindow;
  withdrawn: boolean;
  childConsentRequired: boolean;
  childDecision: 'given' | 'declined' | 'not_asked';
  /** One entry per guardian of the child (two guardians with custody). */
  guardianReachable: [boolean, boolean];
  unreachableResolved: boolean;
  recordedBy: number;
};
export type ChildModel = {
  municipality: number;
  protectedIdentity: boolean;
  enrollments: { unit: number; window: EnrollmentWindow }[];
  namedPerson: { status: 'assigned'; staff: number } | { status: 'declined' } | null;
  /** An earlier, ended assignment (valid_to set): never counts. */
  formerNamedPerson: number | null;
  team: { staff: number; unit: number; removed: boolean }[];
  consents: ConsentModel[];
  emergency: { staff: number; expiry: EmergencyExpiry; reviewed: boolean }[];
};
export type NoteModel = { child: number; unit: number; category: InformationCategory; author: number };
/** A report of concern about a registered child (of its municipality), or about a personal identity number not in the register. */
export type ReportModel = { child: number; registered: boolean; municipality: number; reporter: number };
/** A concern about a child, owned by a unit (the raiser's), sent to a recipient (or to no one). */
export type ConcernModel = { child: number; unit: number; raiser: number; recipient: number | null };
export type WorldModel = {
  municipalities: number;
  units: { agency: AgencyType; organisation: number; municipality: number }[];
  staff: { roles: RoleModel[] }[];
  children: ChildModel[];
  notes: NoteModel[];
  reports: ReportModel[];
  concerns: ConcernModel[];
};

// ── Arbitraries ─────────────────────────────────────────────────────────────

const idx = fc.nat({ max: 5 });
const rarely = (p: number) => fc.integer({ min: 1, max: 100 }).map((n) => n <= p);

const roleArb: fc.Arbitrary<RoleModel> = fc.record({
  // The intake (the only reader of reports about unregistered children) a little more often.
  role: fc.oneof({ arbitrary: fc.constantFrom(...WORLD_ROLES), weight: 5 }, { arbitrary: fc.constant('intake_social_worker' as const), weight: 1 }),
  unit: idx,
  natural: rarely(60),
  canSeeProtected: rarely(20),
  ended: rarely(12),
});

const consentArb: fc.Arbitrary<ConsentModel> = fc.record({
  recipientUnits: fc.uniqueArray(idx, { maxLength: 2 }),
  recipientAgencies: fc.subarray([...WORLD_AGENCIES], { maxLength: 3 }),
  categories: fc.subarray([...INFORMATION_CATEGORIES], { minLength: 1, maxLength: 5 }),
  purposes: fc.subarray([...CONSENT_PURPOSES], { minLength: 1 }),
  window: fc.constantFrom(...(Object.keys(CONSENT_WINDOWS) as ConsentWindow[])),
  withdrawn: rarely(20),
  childConsentRequired: fc.boolean(),
  childDecision: fc.constantFrom('given' as const, 'declined' as const, 'not_asked' as const),
  guardianReachable: fc.tuple(rarely(85), rarely(85)),
  unreachableResolved: fc.boolean(),
  recordedBy: idx,
});

const childArb: fc.Arbitrary<ChildModel> = fc.record({
  municipality: fc.nat({ max: 1 }),
  protectedIdentity: rarely(30),
  enrollments: fc.array(
    fc.record({ unit: idx, window: fc.constantFrom(...(Object.keys(ENROLLMENT_WINDOWS) as EnrollmentWindow[])) }),
    { maxLength: 3 },
  ),
  namedPerson: fc.oneof(
    fc.record({ status: fc.constant('assigned' as const), staff: idx }),
    fc.record({ status: fc.constant('declined' as const) }),
    fc.constant(null),
  ),
  formerNamedPerson: fc.option(idx, { freq: 2 }),
  team: fc.array(fc.record({ staff: idx, unit: idx, removed: rarely(25) }), { maxLength: 3 }),
  consents: fc.array(consentArb, { maxLength: 3 }),
  emergency: fc.array(
    fc.record({
      staff: idx,
      expiry: fc.constantFrom(...(Object.keys(EMERGENCY_EXPIRY) as EmergencyExpiry[])),
      reviewed: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
});

export const worldArbitrary: fc.Arbitrary<WorldModel> = fc.record({
  municipalities: fc.integer({ min: 1, max: 2 }),
  units: fc.array(
    fc.record({
      agency: fc.constantFrom<AgencyType>(...WORLD_AGENCIES),
      // Mostly the first municipality, so that units often share an organisation (the named person's own agency).
      organisation: fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.nat({ max: 4 }), weight: 3 }),
      municipality: fc.nat({ max: 1 }),
    }),
    { minLength: 2, maxLength: 6 },
  ),
  staff: fc.array(fc.record({ roles: fc.array(roleArb, { minLength: 1, maxLength: 2 }) }), { minLength: 2, maxLength: 6 }),
  children: fc.array(childArb, { minLength: 1, maxLength: 4 }),
  notes: fc.array(
    fc.record({ child: fc.nat({ max: 3 }), unit: idx, category: fc.constantFrom(...INFORMATION_CATEGORIES), author: idx }),
    { minLength: 1, maxLength: 6 },
  ),
  reports: fc.array(
    fc.record({ child: fc.nat({ max: 3 }), registered: rarely(70), municipality: fc.nat({ max: 1 }), reporter: idx }),
    { maxLength: 3 },
  ),
  concerns: fc.array(
    fc.record({ child: fc.nat({ max: 3 }), unit: idx, raiser: idx, recipient: fc.option(idx, { freq: 6 }) }),
    { maxLength: 3 },
  ),
});

// ── Materialized world: every index resolved, every row with a fresh id ──────

export type WUnit = { id: string; name: string; agencyType: AgencyType; organisationId: string; municipalityId: string };
export type WStaff = { id: string; username: string; roles: (RoleModel & { unitId: string })[] };
export type WConsent = ConsentFacts & { guardianIds: [string, string]; guardianReachable: [boolean, boolean]; recordedBy: string };
export type WChild = {
  id: string;
  municipalityId: string;
  protectedIdentity: boolean;
  guardianIds: [string, string];
  enrollments: { id: string; unitId: string; startDate: string; endDate: string | null; current: boolean }[];
  namedPerson: { id: string; status: 'assigned' | 'declined'; staffId: string | null; unitId: string | null } | null;
  formerNamedPerson: { id: string; staffId: string; unitId: string | null } | null;
  team: { id: string; staffId: string; unitId: string; removed: boolean }[];
  consents: WConsent[];
  emergency: { id: string; staffId: string; expiresAt: Date; reviewed: boolean }[];
};
export type WNote = { id: string; childId: string; municipalityId: string; unitId: string; category: InformationCategory; authorId: string };
export type WReport = { id: string; childId: string | null; municipalityId: string; reporterId: string; reporterUnitId: string | null };
export type WConcern = { id: string; childId: string; municipalityId: string; unitId: string; raisedBy: string; recipientStaffId: string | null };
export type World = {
  model: WorldModel;
  areaId: string;
  municipalityIds: string[];
  organisations: { id: string; kind: OrganisationKind }[];
  units: WUnit[];
  staff: WStaff[];
  children: WChild[];
  notes: WNote[];
  concerns: WConcern[];
  reports: WReport[];
};

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;
const mod = (i: number, n: number) => i % n;

/** A personal identity number that is unique enough across runs (the table has a unique index). */
function randomPersonnummer(): string {
  const digits = BigInt(`0x${randomBytes(6).toString('hex')}`) % 10_000_000_000n;
  return `20${digits.toString().padStart(10, '0')}`;
}

export function materializeWorld(model: WorldModel, areaId: string, at: AccessTime): World {
  const municipalityIds = Array.from({ length: model.municipalities }, () => randomUUID());
  const orgs: World['organisations'] = [
    ...municipalityIds.map((id) => ({ id, kind: 'municipality' as const })),
    ...OTHER_ORGANISATIONS.map((kind) => ({ id: randomUUID(), kind })),
  ];
  const wunits: WUnit[] = model.units.map((u, i) => ({
    id: randomUUID(),
    name: `Enhet ${i} (${u.agency})`,
    agencyType: u.agency,
    organisationId: pick(orgs, u.organisation).id,
    municipalityId: pick(municipalityIds, u.municipality),
  }));
  const unitId = (i: number) => pick(wunits, i).id;
  const wstaff: WStaff[] = model.staff.map((s, i) => {
    const id = randomUUID();
    const placed = (r: RoleModel) => {
      const natural = r.natural ? wunits.filter((u) => u.agencyType === NATURAL_AGENCY[r.role]) : [];
      return natural.length > 0 ? pick(natural, r.unit).id : unitId(r.unit);
    };
    return { id, username: `prop.${i}.${id}`, roles: s.roles.map((r) => ({ ...r, unitId: placed(r) })) };
  });
  const staffId = (i: number) => pick(wstaff, i).id;
  const firstUnitOf = (i: number) => pick(wstaff, i).roles[0]?.unitId ?? null;

  const wchildren: WChild[] = model.children.map((c) => {
    const guardianIds: [string, string] = [randomUUID(), randomUUID()];
    return {
      id: randomUUID(),
      municipalityId: pick(municipalityIds, c.municipality),
      protectedIdentity: c.protectedIdentity,
      guardianIds,
      enrollments: c.enrollments.map((e) => {
        const w = ENROLLMENT_WINDOWS[e.window];
        return {
          id: randomUUID(),
          unitId: unitId(e.unit),
          startDate: addDays(at.today, w.start),
          endDate: w.end === null ? null : addDays(at.today, w.end),
          current: w.current,
        };
      }),
      namedPerson:
        c.namedPerson === null
          ? null
          : c.namedPerson.status === 'assigned'
            ? { id: randomUUID(), status: 'assigned', staffId: staffId(c.namedPerson.staff), unitId: firstUnitOf(c.namedPerson.staff) }
            : { id: randomUUID(), status: 'declined', staffId: null, unitId: null },
      formerNamedPerson:
        c.formerNamedPerson === null
          ? null
          : { id: randomUUID(), staffId: staffId(c.formerNamedPerson), unitId: firstUnitOf(c.formerNamedPerson) },
      team: c.team.map((t) => ({ id: randomUUID(), staffId: staffId(t.staff), unitId: unitId(t.unit), removed: t.removed })),
      consents: c.consents.map((k): WConsent => {
        const w = CONSENT_WINDOWS[k.window];
        return {
          id: randomUUID(),
          childId: '', // filled below
          recipientUnitIds: [...new Set(k.recipientUnits.map(unitId))],
          recipientAgencyTypes: k.recipientAgencies,
          categories: k.categories,
          purposes: k.purposes,
          validFrom: addDays(at.today, w.from),
          validTo: addDays(at.today, w.to),
          withdrawnAt: k.withdrawn ? new Date(at.now.getTime() - 86_400_000) : null,
          childConsentRequired: k.childConsentRequired,
          childDecision: k.childDecision,
          unreachableGuardians: k.guardianReachable.filter((r) => !r).length,
          unreachableResolved: k.unreachableResolved,
          guardianIds,
          guardianReachable: k.guardianReachable,
          recordedBy: staffId(k.recordedBy),
        };
      }),
      emergency: c.emergency.map((e) => ({
        id: randomUUID(),
        staffId: staffId(e.staff),
        expiresAt: new Date(at.now.getTime() + EMERGENCY_EXPIRY[e.expiry]),
        reviewed: e.reviewed,
      })),
    };
  });
  for (const c of wchildren) for (const k of c.consents) k.childId = c.id;

  const wnotes: WNote[] = model.notes.map((n) => {
    const child = pick(wchildren, n.child);
    return { id: randomUUID(), childId: child.id, municipalityId: child.municipalityId, unitId: unitId(n.unit), category: n.category, authorId: staffId(n.author) };
  });
  const wreports: WReport[] = model.reports.map((r) => {
    // A report goes to the intake of the child's municipality (reports_of_concern.municipality_id = the child's).
    const child = r.registered ? pick(wchildren, r.child) : null;
    return {
      id: randomUUID(),
      childId: child?.id ?? null,
      municipalityId: child?.municipalityId ?? pick(municipalityIds, r.municipality),
      reporterId: staffId(r.reporter),
      reporterUnitId: firstUnitOf(r.reporter),
    };
  });
  const wconcerns: WConcern[] = model.concerns.map((c) => {
    const child = pick(wchildren, c.child);
    return {
      id: randomUUID(),
      childId: child.id,
      municipalityId: child.municipalityId,
      unitId: unitId(c.unit),
      raisedBy: staffId(c.raiser),
      recipientStaffId: c.recipient === null ? null : staffId(c.recipient),
    };
  });
  return { model, areaId, municipalityIds, organisations: orgs, units: wunits, staff: wstaff, children: wchildren, notes: wnotes, reports: wreports, concerns: wconcerns };
}

// ── Insertion: one statement per world (data-modifying CTEs) ────────────────

/**
 * Inserts the whole world in one round trip. Foreign keys between the CTEs
 * hold because constraint checks run at the end of the statement.
 */
export function insertWorldSql(b: Db, world: World, at: AccessTime): SQL {
  const parts = insertWorldStatements(b, world, at);
  return sql`WITH ${sql.join(
    parts.map((p, i) => sql`${sql.raw(`w${i}`)} AS (${p})`),
    sql`, `,
  )} SELECT 1`;
}

/** The world's inserts, one statement per table, parents first. */
export function insertWorldStatements(b: Db, world: World, at: AccessTime): SQL[] {
  const parts: SQL[] = [];
  // The builders only render SQL here; the statement runs once, below.
  const add = (q: { getSQL(): SQL }) => parts.push(q.getSQL());

  add(b.insert(organisations).values(
    world.organisations.map((o, i) => ({
      id: o.id,
      areaId: world.areaId,
      kind: o.kind,
      name: `Prop ${o.kind} ${i} ${o.id.slice(0, 8)}`,
      modelProfileKey: o.kind === 'municipality' ? 'tsi' : null,
    })),
  ));
  add(b.insert(units).values(
    world.units.map((u) => ({ id: u.id, organisationId: u.organisationId, municipalityId: u.municipalityId, agencyType: u.agencyType, name: u.name })),
  ));
  add(b.insert(staff).values(
    world.staff.map((s, i) => ({ id: s.id, username: s.username, passwordHash: 'x', givenName: `Person${i}`, familyName: 'Prop' })),
  ));
  add(b.insert(staffRoles).values(
    world.staff.flatMap((s) =>
      s.roles.map((r) => ({
        staffId: s.id,
        unitId: r.unitId,
        role: r.role,
        canSeeProtected: r.canSeeProtected,
        validFrom: '2000-01-01',
        validTo: r.ended ? '2001-12-31' : null,
      })),
    ),
  ));
  add(b.insert(children).values(
    world.children.map((c, i) => ({
      id: c.id,
      municipalityId: c.municipalityId,
      personnummer: randomPersonnummer(),
      givenName: `Barn${i}`,
      familyName: 'Prop',
      birthDate: '2015-01-01',
      protectedIdentity: c.protectedIdentity,
      isTestData: true,
    })),
  ));
  add(b.insert(guardians).values(
    world.children.flatMap((c) => c.guardianIds.map((id, i) => ({ id, municipalityId: c.municipalityId, givenName: `Vh${i}`, familyName: 'Prop', isTestData: true }))),
  ));
  add(b.insert(guardianships).values(
    world.children.flatMap((c) => c.guardianIds.map((guardianId) => ({ municipalityId: c.municipalityId, childId: c.id, guardianId, custody: true }))),
  ));
  const enrollmentRows = world.children.flatMap((c) =>
    c.enrollments.map((e) => ({ id: e.id, municipalityId: c.municipalityId, childId: c.id, unitId: e.unitId, kind: 'school_class' as const, startDate: e.startDate, endDate: e.endDate })),
  );
  if (enrollmentRows.length > 0) add(b.insert(enrollments).values(enrollmentRows));
  const npRows = world.children.flatMap((c) => {
    const rows: (typeof namedPersonAssignments.$inferInsert)[] = [];
    if (c.formerNamedPerson) {
      rows.push({
        id: c.formerNamedPerson.id,
        municipalityId: c.municipalityId,
        childId: c.id,
        status: 'assigned',
        staffId: c.formerNamedPerson.staffId,
        unitId: c.formerNamedPerson.unitId,
        reason: 'birth',
        validFrom: new Date(at.now.getTime() - 400 * 86_400_000),
        validTo: new Date(at.now.getTime() - 100 * 86_400_000),
      });
    }
    if (c.namedPerson) {
      rows.push({
        id: c.namedPerson.id,
        municipalityId: c.municipalityId,
        childId: c.id,
        status: c.namedPerson.status,
        staffId: c.namedPerson.staffId,
        unitId: c.namedPerson.unitId,
        reason: c.namedPerson.status === 'declined' ? 'declined' : 'manual',
        validFrom: new Date(at.now.getTime() - 100 * 86_400_000),
        validTo: null,
      });
    }
    return rows;
  });
  if (npRows.length > 0) add(b.insert(namedPersonAssignments).values(npRows));
  const teamRows = world.children.flatMap((c) =>
    c.team.map((t) => ({ id: t.id, municipalityId: c.municipalityId, childId: c.id, staffId: t.staffId, unitId: t.unitId, removedAt: t.removed ? new Date(at.now.getTime() - 86_400_000) : null })),
  );
  if (teamRows.length > 0) add(b.insert(teamMembers).values(teamRows));
  const consentRows = world.children.flatMap((c) =>
    c.consents.map((k) => ({
      id: k.id,
      municipalityId: c.municipalityId,
      childId: c.id,
      recipientUnitIds: [...k.recipientUnitIds],
      recipientAgencyTypes: [...k.recipientAgencyTypes],
      categories: [...k.categories],
      purposes: [...k.purposes],
      validFrom: k.validFrom,
      validTo: k.validTo,
      form: 'written' as const,
      childView: 'Barnets syn.',
      childAge: 11,
      childConsentRequired: k.childConsentRequired,
      childDecision: k.childDecision,
      unreachableResolution: k.unreachableResolved ? 'Beslut dokumenterat.' : null,
      recordedBy: k.recordedBy,
      withdrawnAt: k.withdrawnAt,
      withdrawnBy: k.withdrawnAt ? 'guardian' : null,
    })),
  );
  if (consentRows.length > 0) {
    add(b.insert(consents).values(consentRows));
    const partyRows = world.children.flatMap((c) =>
      c.consents.flatMap((k) =>
        k.guardianIds.map((guardianId, gi) => {
          const reachable = k.guardianReachable[gi]!;
          return {
            consentId: k.id,
            guardianId,
            municipalityId: c.municipalityId,
            decision: reachable ? ('given' as const) : ('unreachable' as const),
            reason: reachable ? null : 'Kan inte nås.',
            withdrawnAt: gi === 0 ? k.withdrawnAt : null,
          };
        }),
      ),
    );
    add(b.insert(consentParties).values(partyRows));
  }
  const emergencyRows = world.children.flatMap((c) =>
    c.emergency.map((e) => {
      const reviewed = e.reviewed;
      return {
        id: e.id,
        municipalityId: c.municipalityId,
        childId: c.id,
        staffId: e.staffId,
        reason: 'Akut fara.',
        grantedAt: new Date(e.expiresAt.getTime() - 4 * 3600_000),
        expiresAt: e.expiresAt,
        reviewOutcome: reviewed ? ('justified' as const) : null,
        reviewedAt: reviewed ? e.expiresAt : null,
      };
    }),
  );
  if (emergencyRows.length > 0) add(b.insert(emergencyAccesses).values(emergencyRows));
  add(b.insert(notes).values(
    world.notes.map((n, i) => ({ id: n.id, municipalityId: n.municipalityId, childId: n.childId, owningUnitId: n.unitId, category: n.category, title: `Anteckning ${i}`, body: 'Text.', authorId: n.authorId })),
  ));
  if (world.reports.length > 0) {
    add(b.insert(reportsOfConcern).values(
      world.reports.map((r) => ({
        id: r.id,
        municipalityId: r.municipalityId,
        childId: r.childId,
        personnummer: randomPersonnummer(),
        reporterId: r.reporterId,
        reporterUnitId: r.reporterUnitId,
        description: 'Oro för barnet.',
      })),
    ));
  }
  if (world.concerns.length > 0) {
    add(b.insert(concerns).values(
      world.concerns.map((c) => ({
        id: c.id,
        municipalityId: c.municipalityId,
        childId: c.childId,
        owningUnitId: c.unitId,
        raisedBy: c.raisedBy,
        source: 'professional' as const,
        urgency: 'normal' as const,
        whatIsGettingInTheWay: 'Oro för barnet.',
        needsOthers: false,
        recipientStaffId: c.recipientStaffId,
        recipientKind: c.recipientStaffId ? ('named_person' as const) : null,
      })),
    ));
  }

  return parts;
}

export async function insertWorld(db: Db, world: World, at: AccessTime): Promise<void> {
  await db.execute(insertWorldSql(db, world, at));
}

// ── What the rules should see, computed from the model ───────────────────────

/** The child's access facts at `at`, computed in JS from the model (not by the loader under test). */
export function expectedFacts(world: World, child: WChild, at: AccessTime): ChildAccessFacts {
  const unitById = new Map(world.units.map((u) => [u.id, u]));
  return {
    childId: child.id,
    municipalityId: child.municipalityId,
    protectedIdentity: child.protectedIdentity,
    // From the window table (end date inclusive), not from date arithmetic like the SQL's.
    currentEnrollmentUnitIds: [...new Set(child.enrollments.filter((e) => e.current).map((e) => e.unitId))],
    namedPersonStaffId: child.namedPerson?.status === 'assigned' ? child.namedPerson.staffId : null,
    teamMembers: child.team
      .filter((t) => !t.removed)
      .map((t) => ({ staffId: t.staffId, unitId: t.unitId, agencyType: unitById.get(t.unitId)!.agencyType })),
    activeConsents: child.consents.filter((k) => consentState(k, at.today) === 'active'),
    emergencyAccessStaffIds: [...new Set(child.emergency.filter((e) => e.expiresAt.getTime() > at.now.getTime()).map((e) => e.staffId))],
  };
}

/** The actor as `loadActor` builds it: the roles that are valid today, with their unit's agency and organisation. */
export function modelActor(world: World, s: WStaff): Actor {
  const unitById = new Map(world.units.map((u) => [u.id, u]));
  const roles: ActorRole[] = s.roles
    .filter((r) => !r.ended)
    .map((r) => {
      const u = unitById.get(r.unitId)!;
      return {
        role: r.role,
        unitId: u.id,
        unitName: u.name,
        agencyType: u.agencyType,
        organisationId: u.organisationId,
        municipalityId: u.municipalityId,
        canSeeProtected: r.canSeeProtected,
      };
    });
  return {
    staffId: s.id,
    username: s.username,
    givenName: 'Person',
    familyName: 'Prop',
    title: null,
    roles,
    primaryUnitId: roles[0]?.unitId ?? null,
  };
}

export function noteRecordFacts(world: World, note: WNote): RecordFacts {
  const u = world.units.find((x) => x.id === note.unitId)!;
  return {
    kind: 'note',
    childId: note.childId,
    owningUnitId: u.id,
    owningAgencyType: u.agencyType,
    owningOrganisationId: u.organisationId,
    category: note.category,
  };
}

/** The record facts of a report of concern about a registered child (owned by the reporter's unit). */
export function reportRecordFacts(world: World, report: WReport): RecordFacts {
  const u = world.units.find((x) => x.id === report.reporterUnitId) ?? world.units[0]!;
  return {
    kind: 'report_of_concern',
    childId: report.childId!,
    owningUnitId: u.id,
    owningAgencyType: u.agencyType,
    owningOrganisationId: u.organisationId,
    category: 'concern',
  };
}

/** The record facts of a concern (owned by the raiser's unit; sent to its recipient). */
export function concernRecordFacts(world: World, concern: WConcern): RecordFacts {
  const u = world.units.find((x) => x.id === concern.unitId)!;
  return {
    kind: 'concern',
    childId: concern.childId,
    owningUnitId: u.id,
    owningAgencyType: u.agencyType,
    owningOrganisationId: u.organisationId,
    category: 'concern',
    recipientStaffId: concern.recipientStaffId,
    raisedByStaffId: concern.raisedBy,
  };
}

/** A readable one-line description of a world, for failure messages. */
export function describeWorld(world: World): string {
  const unitName = (id: string | null) => {
    const i = world.units.findIndex((u) => u.id === id);
    return i < 0 ? 'none' : `u${i}:${world.units[i]!.agencyType}@org${world.organisations.findIndex((o) => o.id === world.units[i]!.organisationId)}`;
  };
  const staffName = (id: string | null) => (id === null ? 'none' : `s${world.staff.findIndex((s) => s.id === id)}`);
  const lines = [
    `units: ${world.units.map((u) => unitName(u.id)).join(', ')}`,
    ...world.staff.map((s, i) => `s${i}: ${s.roles.map((r) => `${r.role}@${unitName(r.unitId)}${r.canSeeProtected ? '+protected' : ''}${r.ended ? '(ended)' : ''}`).join(', ')}`),
    ...world.children.map((c, i) =>
      [
        `c${i}${c.protectedIdentity ? ' (protected)' : ''} mun${world.municipalityIds.indexOf(c.municipalityId)}:`,
        `enrolled [${c.enrollments.map((e) => `${unitName(e.unitId)} ${e.startDate}..${e.endDate ?? ''}`).join('; ')}]`,
        `np ${c.namedPerson ? `${c.namedPerson.status} ${staffName(c.namedPerson.staffId)}` : 'none'}`,
        `team [${c.team.map((t) => `${staffName(t.staffId)}@${unitName(t.unitId)}${t.removed ? ' removed' : ''}`).join('; ')}]`,
        `consents [${c.consents
          .map(
            (k) =>
              `${k.withdrawnAt ? 'withdrawn ' : ''}${k.validFrom}..${k.validTo} to {${k.recipientUnitIds.map(unitName).join(',')}|${k.recipientAgencyTypes.join(',')}} cat {${k.categories.join(',')}} child ${k.childConsentRequired ? 'required' : 'optional'}/${k.childDecision} unreachable ${k.unreachableGuardians}${k.unreachableResolved ? ' resolved' : ''}`,
          )
          .join('; ')}]`,
        `emergency [${c.emergency.map((e) => `${staffName(e.staffId)} until ${e.expiresAt.toISOString()}`).join('; ')}]`,
      ].join(' '),
    ),
    ...world.notes.map((n, i) => `n${i}: c${world.children.findIndex((c) => c.id === n.childId)} ${n.category}@${unitName(n.unitId)}`),
    ...world.reports.map(
      (r, i) => `r${i}: report of concern ${r.childId ? `about c${world.children.findIndex((c) => c.id === r.childId)}` : 'about an unregistered child'} to mun${world.municipalityIds.indexOf(r.municipalityId)} by ${staffName(r.reporterId)}`,
    ),
    ...world.concerns.map(
      (c, i) => `k${i}: concern about c${world.children.findIndex((x) => x.id === c.childId)} owned by ${unitName(c.unitId)} raised by ${staffName(c.raisedBy)} sent to ${staffName(c.recipientStaffId)}`,
    ),
  ];
  return lines.join('\n');
}
