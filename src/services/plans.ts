/**
 * The child's plan: started, saved as versions (never overwritten: a save over
 * a newer version is a 409 with what changed), activated, reviewed and closed;
 * the lead professional; the intervention catalogue; the work lists. Every
 * read is decided by `domain/access` (lists through `recordReadableSql`), every
 * write by `canEditPlan` / `planActionUnits`, and all of it audited in the
 * same transaction.
 */
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows, type Tx } from '../db/client.ts';
import { type AccessTime, protectedIdentityVisibleSql, recordReadableSql, uuidArray } from '../db/queries/access.ts';
import { interventions, leadProfessionals, planReviews, plans, planVersions } from '../db/schema/index.ts';
import {
  type Actor,
  canAppointLeadProfessional,
  canEditPlan,
  canReadBasicRecord,
  canReadRecord,
  canSeeProtectedIdentity,
  canStartPlan,
  childFacingUnitIds,
  planActionUnits,
  type RecordFacts,
} from '../domain/access.ts';
import { consentCoversRecipient, consentState } from '../domain/consent.ts';
import { AppError } from '../domain/errors.ts';
import {
  activationProblems,
  agenciesWithActions,
  assertTransition,
  diffPlanContent,
  firstChangeOutsideOwnActions,
  isSip,
  mergeOwnActionUpdates,
  needsLeadProfessional,
  overdueActions,
  type PlanChange,
  type PlanContent,
  type PlanStatus,
  validatePlanContent,
} from '../domain/plan.ts';
import type { ModelProfile } from '../domain/profiles/schema.ts';
import type { PlanDocument, PlanDocumentPerson } from '../domain/plan-document.ts';
import { type AgencyType, CHILD_FACING_ROLES, type OrganisationKind } from '../domain/types.ts';
import { accessTimeNow, type ChildAccess, loadChildAccess } from './access-facts.ts';
import { profileOfMunicipality } from './assessments.ts';
import { recordAuditEvent } from './audit.ts';
import { today as todayIn } from './clock.ts';
import { childFacingRoleAt, notWorkingWithChildrenThere, readableChild } from './records.ts';
import { refuse, runUseCase } from './use-case.ts';


// ── Shared lookups ──────────────────────────────────────────────────────────

export type UnitInfo = {
  id: string;
  name: string;
  agencyType: AgencyType;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
};

async function unitInfo(db: Queryable, unitIds: readonly string[]): Promise<Map<string, UnitInfo>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string; agency_type: AgencyType; organisation_id: string; org_name: string; org_kind: OrganisationKind }>(
    db,
    sql`SELECT u.id, u.name, u.agency_type, u.organisation_id, o.name AS org_name, o.kind AS org_kind
          FROM units u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ANY(${uuidArray(ids)})`,
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, agencyType: r.agency_type, organisationId: r.organisation_id, organisationName: r.org_name, organisationKind: r.org_kind }]),
  );
}

export type LeadProfessional = { staffId: string; name: string; title: string | null; unitId: string; unitName: string; agencyType: AgencyType; phone: string | null; email: string | null; since: string };

type LeadRow = { id: string; staff_id: string; name: string; title: string | null; unit_id: string; unit_name: string; agency_type: AgencyType; phone: string | null; email: string | null; appointed_at: Date; ended_at: Date | null; reason: string | null; appointed_by_name: string };

const leadSelect = sql`SELECT l.id, l.staff_id, s.given_name || ' ' || s.family_name AS name, s.title, l.unit_id, u.name AS unit_name, u.agency_type,
       coalesce(s.phone, u.phone) AS phone, s.email, l.appointed_at, l.ended_at, l.reason,
       a.given_name || ' ' || a.family_name AS appointed_by_name
  FROM lead_professionals l JOIN staff s ON s.id = l.staff_id JOIN units u ON u.id = l.unit_id JOIN staff a ON a.id = l.appointed_by`;

const presentLead = (r: LeadRow): LeadProfessional => ({
  staffId: r.staff_id,
  name: r.name,
  title: r.title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  agencyType: r.agency_type,
  phone: r.phone,
  email: r.email,
  since: new Date(r.appointed_at).toISOString(),
});

/** The child's current lead professional, or null. */
export async function currentLeadProfessional(db: Queryable, childId: string): Promise<LeadProfessional | null> {
  const [row] = await queryRows<LeadRow>(db, sql`${leadSelect} WHERE l.child_id = ${childId}::uuid AND l.ended_at IS NULL`);
  return row ? presentLead(row) : null;
}

// ── Lead professional ───────────────────────────────────────────────────────

export async function leadProfessionalHistory(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'lead_professional.read');
    if ('error' in child) return child;
    const rows = await queryRows<LeadRow>(tx, sql`${leadSelect} WHERE l.child_id = ${childId}::uuid ORDER BY l.appointed_at DESC, l.id`);
    await recordAuditEvent(tx, { actor, action: 'lead_professional.read', outcome: 'allowed', childId, municipalityId: child.row.municipality_id });
    const current = rows.find((r) => r.ended_at === null);
    return {
      canAppoint: canAppointLeadProfessional(actor, child.facts, current?.staff_id ?? null).allowed,
      current: current ? presentLead(current) : null,
      history: rows.map((r) => ({
        ...presentLead(r),
        until: r.ended_at ? new Date(r.ended_at).toISOString() : null,
        reason: r.reason,
        appointedBy: r.appointed_by_name,
      })),
    };
  });
}

/**
 * Appoints (or changes) the lead professional: a current team member whose
 * agency an active consent covers, or the named person. The previous one's
 * period ends; history is kept.
 */
export async function appointLeadProfessional(options: { db: Db; actor: Actor; childId: string; staffId: string; unitId: string; reason?: string | null }) {
  const { db, actor, childId, staffId, unitId } = options;
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'lead_professional.appoint');
    if ('error' in child) return child;
    const municipalityId = child.row.municipality_id;
    await tx.execute(sql`SELECT id FROM children WHERE id = ${childId}::uuid FOR UPDATE`);
    const current = await currentLeadProfessional(tx, childId);
    if (!canAppointLeadProfessional(actor, child.facts, current?.staffId ?? null).allowed) {
      await recordAuditEvent(tx, { actor, action: 'lead_professional.appoint', outcome: 'denied', childId, municipalityId });
      return refuse(new AppError('forbidden'));
    }
    const member = child.facts.teamMembers.find((m) => m.staffId === staffId && m.unitId === unitId);
    const isNp = child.facts.namedPersonStaffId === staffId;
    const covered = member ? child.facts.activeConsents.some((c) => consentCoversRecipient(c, member)) : false;
    if (!isNp && !covered) {
      await recordAuditEvent(tx, { actor, action: 'lead_professional.appoint', outcome: 'denied', childId, municipalityId, details: { reason: member ? 'consent_missing' : 'not_in_team', staffId } });
      return refuse(
        member
          ? new AppError('consent_missing', {
              message: {
                sv: 'Inget aktivt samtycke omfattar den personens verksamhet längre. Be vårdnadshavarna om samtycke först.',
                en: "No active consent covers that person's agency any longer. Ask the guardians for consent first.",
              },
            })
          : new AppError('validation_failed', {
              message: {
                sv: 'Stödsamordnaren ska vara barnkontakten eller någon i barnets team. Lägg till personen i teamet först.',
                en: "The lead professional must be the named person or someone in the child's team. Add them to the team first.",
              },
              details: { field: 'staffId' },
            }),
      );
    }
    if (!(await childFacingRoleAt(tx, staffId, unitId, child.at.today))) return refuse(notWorkingWithChildrenThere('unitId'));
    if (current?.staffId === staffId && current.unitId === unitId) {
      return refuse(new AppError('conflict', { message: { sv: 'Personen är redan barnets stödsamordnare.', en: "That person is already the child's lead professional." } }));
    }
    await tx.execute(sql`UPDATE lead_professionals SET ended_at = now() WHERE child_id = ${childId}::uuid AND ended_at IS NULL`);
    const [created] = await tx
      .insert(leadProfessionals)
      .values({ municipalityId, childId, staffId, unitId, reason: options.reason?.trim() || null, appointedBy: actor.staffId })
      .returning({ id: leadProfessionals.id });
    await recordAuditEvent(tx, {
      actor,
      action: 'lead_professional.appoint',
      outcome: 'allowed',
      childId,
      municipalityId,
      resourceType: 'lead_professional',
      resourceId: created!.id,
      details: { staffId, unitId, previousStaffId: current?.staffId ?? null },
    });
    return (await currentLeadProfessional(tx, childId))!;
  });
}

// ── Intervention catalogue ──────────────────────────────────────────────────

export type InterventionView = { id: string; unitId: string; unitName: string; agencyType: AgencyType; title: string; description: string; active: boolean };

type InterventionRow = { id: string; unit_id: string; unit_name: string; agency_type: AgencyType; title: string; description: string; active: boolean };

const presentIntervention = (r: InterventionRow): InterventionView => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  agencyType: r.agency_type,
  title: r.title,
  description: r.description,
  active: r.active,
});

/** The catalogue of the actor's collaboration area(s), searchable by words in the title, description or unit. */
export async function listInterventions(options: { db: Db; actor: Actor; search?: string; unitId?: string; includeInactive?: boolean; limit?: number }) {
  const { db, actor } = options;
  const words = (options.search ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  const wordFilters = words.map(
    (w) => sql`AND (lower(i.title) LIKE ${`%${w}%`} OR lower(i.description) LIKE ${`%${w}%`} OR lower(u.name) LIKE ${`%${w}%`})`,
  );
  const myUnits = [...new Set(actor.roles.map((r) => r.unitId))];
  const rows = await queryRows<InterventionRow>(
    db,
    sql`SELECT i.id, i.unit_id, u.name AS unit_name, u.agency_type, i.title, i.description, i.active
          FROM interventions i JOIN units u ON u.id = i.unit_id JOIN organisations o ON o.id = u.organisation_id
         WHERE o.area_id IN (SELECT o2.area_id FROM units u2 JOIN organisations o2 ON o2.id = u2.organisation_id
                                            WHERE u2.id = ANY(${uuidArray(myUnits)}))
           ${options.includeInactive ? sql`` : sql`AND i.active`}
           ${options.unitId ? sql`AND i.unit_id = ${options.unitId}::uuid` : sql``}
           ${sql.join(wordFilters, sql` `)}
         ORDER BY u.name, i.title, i.id LIMIT ${Math.min(options.limit ?? 50, 200)}`,
  );
  return { items: rows.map(presentIntervention) };
}

async function assertWorksAtUnit(db: Queryable, actor: Actor, unitId: string) {
  if (!actor.roles.some((r) => r.unitId === unitId && (CHILD_FACING_ROLES.includes(r.role) || r.role === 'manager'))) {
    throw new AppError('forbidden', { message: { sv: 'Du kan bara ändra vad din egen enhet erbjuder.', en: 'You can only change what your own unit offers.' } });
  }
  const [unit] = await queryRows<{ id: string }>(db, sql`SELECT id FROM units WHERE id = ${unitId}::uuid`);
  if (!unit) throw new AppError('not_found');
}

export async function createIntervention(options: { db: Db; actor: Actor; input: { unitId: string; title: string; description: string } }) {
  const { db, actor, input } = options;
  return runUseCase(db, async (tx) => {
    await assertWorksAtUnit(tx, actor, input.unitId);
    const [created] = await tx
      .insert(interventions)
      .values({ unitId: input.unitId, title: input.title.trim(), description: input.description.trim(), createdBy: actor.staffId })
      .returning({ id: interventions.id });
    await recordAuditEvent(tx, { actor, action: 'intervention.create', outcome: 'allowed', resourceType: 'intervention', resourceId: created!.id, details: { unitId: input.unitId } });
    return (await interventionById(tx, created!.id))!;
  });
}

export async function updateIntervention(options: { db: Db; actor: Actor; interventionId: string; input: { title?: string; description?: string; active?: boolean } }) {
  const { db, actor, interventionId, input } = options;
  return runUseCase(db, async (tx) => {
    const existing = await interventionById(tx, interventionId);
    if (!existing) throw new AppError('not_found');
    await assertWorksAtUnit(tx, actor, existing.unitId);
    await tx.execute(
      sql`UPDATE interventions SET title = ${input.title?.trim() ?? existing.title}, description = ${input.description?.trim() ?? existing.description},
                 active = ${input.active ?? existing.active} WHERE id = ${interventionId}::uuid`,
    );
    await recordAuditEvent(tx, { actor, action: 'intervention.update', outcome: 'allowed', resourceType: 'intervention', resourceId: interventionId, details: { fields: Object.keys(input) } });
    return (await interventionById(tx, interventionId))!;
  });
}

async function interventionById(db: Queryable, id: string): Promise<InterventionView | null> {
  const [row] = await queryRows<InterventionRow>(
    db,
    sql`SELECT i.id, i.unit_id, u.name AS unit_name, u.agency_type, i.title, i.description, i.active
          FROM interventions i JOIN units u ON u.id = i.unit_id WHERE i.id = ${id}::uuid`,
  );
  return row ? presentIntervention(row) : null;
}

// ── Plans: loading and presenting ───────────────────────────────────────────

type PlanRow = {
  id: string;
  municipality_id: string;
  child_id: string;
  owning_unit_id: string;
  unit_name: string;
  agency_type: AgencyType;
  organisation_id: string;
  category: 'plan';
  status: PlanStatus;
  version: number;
  content: PlanContent;
  review_date: string;
  concern_id: string | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  activated_at: Date | null;
  closed_at: Date | null;
  closed_reason: string | null;
};

const planSelect = sql`SELECT p.id, p.municipality_id, p.child_id, p.owning_unit_id, u.name AS unit_name, u.agency_type, u.organisation_id,
       p.category, p.status, p.version, p.content, p.review_date::text AS review_date, p.concern_id,
       s.given_name || ' ' || s.family_name AS created_by_name, p.created_at, p.updated_at, p.activated_at, p.closed_at, p.closed_reason
  FROM plans p JOIN units u ON u.id = p.owning_unit_id JOIN staff s ON s.id = p.created_by`;

const planFacts = (r: PlanRow): RecordFacts => ({
  kind: 'plan',
  childId: r.child_id,
  owningUnitId: r.owning_unit_id,
  owningAgencyType: r.agency_type,
  owningOrganisationId: r.organisation_id,
  category: 'plan',
});

type LoadedPlan = { row: PlanRow; child: ChildAccess; at: AccessTime; lead: LeadProfessional | null };

/** Loads a plan the actor may read, locking it when `forUpdate`; records a denial and refuses with 404 otherwise. */
async function readablePlan(tx: Tx, actor: Actor, planId: string, action: 'plan.read' | 'plan.save' | 'plan.status' | 'plan.review' | 'plan.export', forUpdate = false) {
  const at = accessTimeNow();
  if (forUpdate) await tx.execute(sql`SELECT id FROM plans WHERE id = ${planId}::uuid FOR UPDATE`);
  const [row] = await queryRows<PlanRow>(tx, sql`${planSelect} WHERE p.id = ${planId}::uuid`);
  const child = row ? await loadChildAccess(tx, row.child_id, at) : null;
  if (!row || !child || !canReadRecord(actor, child.facts, planFacts(row)).allowed) {
    await recordAuditEvent(tx, { actor, action, outcome: 'denied', childId: row?.child_id ?? null, municipalityId: row?.municipality_id ?? null, resourceType: 'plan', resourceId: planId });
    return refuse(new AppError('not_found'));
  }
  const lead = await currentLeadProfessional(tx, row.child_id);
  return { row, child, at, lead } satisfies LoadedPlan;
}

/** What the actor may do with the plan. */
function permissionsFor(actor: Actor, loaded: LoadedPlan) {
  const facts = planFacts(loaded.row);
  const edit = canEditPlan(actor, loaded.child.facts, facts, loaded.lead?.staffId ?? null).allowed;
  const actionUnits = planActionUnits(actor, loaded.child.facts, facts);
  const closed = loaded.row.status === 'closed';
  return {
    canEdit: edit && !closed,
    /** Units whose actions the actor may mark (status, comment). */
    actionUnitIds: closed ? [] : actionUnits,
    canChangeStatus: edit && !closed,
    canReview: edit && (loaded.row.status === 'active' || loaded.row.status === 'under_review'),
  };
}

async function presentPlan(tx: Tx, actor: Actor, loaded: LoadedPlan) {
  const { row, child, at, lead } = loaded;
  const content = row.content;
  const unitIds = content.needs.flatMap((n) => n.actions.map((a) => a.responsibleUnitId));
  const units = await unitInfo(tx, [...unitIds, row.owning_unit_id]);
  const staffIds = content.needs.flatMap((n) => n.actions.map((a) => a.responsibleStaffId).filter((x): x is string => !!x));
  const staffNames = await namesOf(tx, staffIds);
  const interventionIds = content.needs.flatMap((n) => n.actions.map((a) => a.interventionId).filter((x): x is string => !!x));
  const interventionTitles = new Map(
    (await queryRows<{ id: string; title: string }>(tx, sql`SELECT id, title FROM interventions WHERE id = ANY(${uuidArray(interventionIds)})`)).map((r) => [r.id, r.title]),
  );
  const agencies = agenciesWithActions(content, (id) => units.get(id)?.agencyType);
  const identityVisible = canSeeProtectedIdentity(actor, child.facts);
  const profile = await profileOfMunicipality(tx, row.municipality_id);
  // Decisions from meeting minutes linked to the plan – those the actor may read (minutes are records of their own).
  const minutes = await queryRows<{ id: string; meeting_id: string; starts_at: Date; title: string; decisions: string[]; unit_name: string }>(
    tx,
    sql`SELECT mm.id, mm.meeting_id, m.starts_at, m.title, mm.decisions, u.name AS unit_name
          FROM meeting_minutes mm JOIN meetings m ON m.id = mm.meeting_id JOIN units u ON u.id = mm.owning_unit_id
         WHERE mm.plan_id = ${row.id}::uuid AND ${recordReadableSql(actor, 'mm', at)}
         ORDER BY m.starts_at DESC, mm.id LIMIT 50`,
  );
  if (minutes.length > 0) {
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.minutes_read',
      outcome: 'allowed',
      childId: row.child_id,
      municipalityId: row.municipality_id,
      details: { minutesIds: minutes.map((m) => m.id), viaPlan: row.id },
    });
  }
  return {
    id: row.id,
    childId: row.child_id,
    child: {
      id: row.child_id,
      givenName: identityVisible ? child.row.given_name : null,
      familyName: identityVisible ? child.row.family_name : null,
      birthDate: child.row.birth_date,
      masked: !identityVisible,
    },
    status: row.status,
    version: row.version,
    content,
    reviewDate: row.review_date,
    reviewOverdue: (row.status === 'active' || row.status === 'under_review') && row.review_date < at.today,
    owningUnit: { id: row.owning_unit_id, name: row.unit_name },
    createdBy: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    activatedAt: row.activated_at ? new Date(row.activated_at).toISOString() : null,
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    closedReason: row.closed_reason,
    concernId: row.concern_id,
    leadProfessional: lead,
    agencies,
    needsLeadProfessional: needsLeadProfessional(agencies),
    isSip: isSip(agencies),
    activationProblems: row.status === 'draft' || row.status === 'under_review'
      ? activationProblems({ content, agencies, hasLeadProfessional: lead !== null, today: at.today })
      : [],
    overdueActionIds: overdueActions(content, at.today).map((a) => a.id),
    names: {
      units: Object.fromEntries([...units.values()].map((u) => [u.id, u.name])),
      staff: Object.fromEntries(staffNames),
      interventions: Object.fromEntries(interventionTitles),
    },
    /** The wellbeing indicators of the child's model, for naming the needs. */
    indicators: profile.wellbeing.indicators.map((i) => ({ key: i.key, name: i.name, childStatement: i.childStatement ?? null })),
    /** Decisions taken in meetings about the child that flow into this plan (minutes you may read). */
    meetingDecisions: minutes.map((m) => ({
      minutesId: m.id,
      meetingId: m.meeting_id,
      meetingTitle: m.title,
      meetingStartsAt: new Date(m.starts_at).toISOString(),
      unitName: m.unit_name,
      decisions: m.decisions,
    })),
    permissions: permissionsFor(actor, loaded),
  };
}

export type PlanView = Awaited<ReturnType<typeof presentPlan>>;

async function namesOf(db: Queryable, staffIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(staffIds)];
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(db, sql`SELECT id, given_name || ' ' || family_name AS name FROM staff WHERE id = ANY(${uuidArray(ids)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Validates content against the child's profile and the database: indicators,
 * ids, dates, responsible units (must exist, in the collaboration area),
 * responsible persons (must work at that unit) and catalogue interventions.
 */
async function checkContent(tx: Queryable, content: PlanContent, profile: ModelProfile): Promise<void> {
  try {
    validatePlanContent(content, profile.wellbeing.indicators.map((i) => i.key));
  } catch (e) {
    if (e instanceof AppError) throw new AppError('invalid_plan', { message: e.userMessage, details: e.details });
    throw e;
  }
  const actions = content.needs.flatMap((n, ni) => n.actions.map((a, ai) => ({ a, path: `needs.${ni}.actions.${ai}` })));
  const units = await unitInfo(tx, actions.map(({ a }) => a.responsibleUnitId));
  for (const { a, path } of actions) {
    if (!units.has(a.responsibleUnitId)) {
      throw new AppError('invalid_plan', { message: { sv: 'Den ansvariga enheten finns inte.', en: 'The responsible unit does not exist.' }, details: { field: `${path}.responsibleUnitId` } });
    }
  }
  const people = actions.filter(({ a }) => a.responsibleStaffId);
  if (people.length > 0) {
    const rows = await queryRows<{ staff_id: string; unit_id: string }>(
      tx,
      sql`SELECT DISTINCT staff_id, unit_id FROM staff_roles WHERE staff_id = ANY(${uuidArray(people.map(({ a }) => a.responsibleStaffId!))})`,
    );
    const works = new Set(rows.map((r) => `${r.staff_id}|${r.unit_id}`));
    for (const { a, path } of people) {
      if (!works.has(`${a.responsibleStaffId}|${a.responsibleUnitId}`)) {
        throw new AppError('invalid_plan', { message: { sv: 'Den ansvariga personen arbetar inte på den ansvariga enheten.', en: 'The responsible person does not work at the responsible unit.' }, details: { field: `${path}.responsibleStaffId` } });
      }
    }
  }
  const catalogue = actions.filter(({ a }) => a.interventionId);
  if (catalogue.length > 0) {
    const rows = await queryRows<{ id: string }>(tx, sql`SELECT id FROM interventions WHERE id = ANY(${uuidArray(catalogue.map(({ a }) => a.interventionId!))})`);
    const known = new Set(rows.map((r) => r.id));
    for (const { a, path } of catalogue) {
      if (!known.has(a.interventionId!)) {
        throw new AppError('invalid_plan', { message: { sv: 'Insatsen finns inte i katalogen.', en: 'The intervention is not in the catalogue.' }, details: { field: `${path}.interventionId` } });
      }
    }
  }
}

async function writeVersion(tx: Tx, input: { row: PlanRow; version: number; status: PlanStatus; content: PlanContent; changes: PlanChange[]; event: string; actor: Actor; extra?: ReturnType<typeof sql> }) {
  const { row, version, status, content, changes, event, actor } = input;
  await tx.insert(planVersions).values({ planId: row.id, version, municipalityId: row.municipality_id, status, content, changes, event, savedBy: actor.staffId });
  await tx.execute(
    sql`UPDATE plans SET version = ${version}, status = ${status}, content = ${JSON.stringify(content)}::jsonb, review_date = ${content.reviewDate}::date,
               updated_at = now() ${input.extra ?? sql``}
         WHERE id = ${row.id}::uuid`,
  );
}

async function reloadPresent(tx: Tx, actor: Actor, planId: string) {
  const loaded = await readablePlan(tx, actor, planId, 'plan.read');
  if ('error' in loaded) throw loaded.error;
  return presentPlan(tx, actor, loaded);
}

// ── Plans: use cases ────────────────────────────────────────────────────────

/** Starts a child's plan as a draft (version 1). */
export async function createPlan(options: { db: Db; actor: Actor; childId: string; input: { content: PlanContent; concernId?: string | null } }) {
  const { db, actor, childId, input } = options;
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'plan.create');
    if ('error' in child) return child;
    const municipalityId = child.row.municipality_id;
    const lead = await currentLeadProfessional(tx, childId);
    const start = canStartPlan(actor, child.facts, lead?.staffId ?? null);
    if (!start.allowed) {
      await recordAuditEvent(tx, { actor, action: 'plan.create', outcome: 'denied', childId, municipalityId });
      return refuse(
        new AppError('forbidden', {
          message: {
            sv: 'Barnets plan startas av barnkontakten, stödsamordnaren eller socialtjänsten.',
            en: "The child's plan is started by the named person, the lead professional or social services.",
          },
        }),
      );
    }
    const [open] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM plans WHERE child_id = ${childId}::uuid AND status <> 'closed' LIMIT 1`);
    if (open) {
      return refuse(
        new AppError('conflict', {
          message: { sv: 'Barnet har redan en plan som inte är avslutad. Arbeta vidare i den.', en: 'The child already has a plan that is not closed. Keep working in that one.' },
          details: { planId: open.id },
        }),
      );
    }
    const profile = await profileOfMunicipality(tx, municipalityId);
    await checkContent(tx, input.content, profile);
    if (input.concernId) {
      const [concern] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM concerns WHERE id = ${input.concernId}::uuid AND child_id = ${childId}::uuid`);
      if (!concern) {
        return refuse(new AppError('invalid_plan', { message: { sv: 'Oron gäller inte det här barnet.', en: 'The concern is not about this child.' }, details: { field: 'concernId' } }));
      }
    }
    const own = childFacingUnitIds(actor);
    const owningUnitId =
      (lead?.staffId === actor.staffId ? lead.unitId : undefined) ??
      own.find((u) => child.facts.currentEnrollmentUnitIds.includes(u)) ??
      child.facts.teamMembers.find((m) => m.staffId === actor.staffId)?.unitId ??
      own[0];
    if (!owningUnitId) return refuse(new AppError('forbidden'));
    const [created] = await tx
      .insert(plans)
      .values({ municipalityId, childId, owningUnitId, status: 'draft', version: 1, content: input.content, reviewDate: input.content.reviewDate, concernId: input.concernId ?? null, createdBy: actor.staffId })
      .returning({ id: plans.id });
    await tx.insert(planVersions).values({ planId: created!.id, version: 1, municipalityId, status: 'draft', content: input.content, changes: [], event: 'created', savedBy: actor.staffId });
    await recordAuditEvent(tx, { actor, action: 'plan.create', outcome: 'allowed', childId, municipalityId, resourceType: 'plan', resourceId: created!.id, details: { basis: start.basis, version: 1 } });
    return reloadPresent(tx, actor, created!.id);
  });
}

/** The child's plans the actor may read (scoped in SQL by the same rules), newest first. */
export async function listPlans(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const child = await loadChildAccess(tx, childId, at);
    if (!child) {
      await recordAuditEvent(tx, { actor, action: 'plan.list', outcome: 'denied', resourceType: 'child', resourceId: childId });
      return refuse(new AppError('not_found'));
    }
    const rows = await queryRows<PlanRow>(
      tx,
      sql`${planSelect} WHERE p.child_id = ${childId}::uuid AND ${recordReadableSql(actor, 'p', at)} ORDER BY p.created_at DESC, p.id`,
    );
    if (rows.length === 0 && !canReadBasicRecord(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'plan.list', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('not_found'));
    }
    const lead = await currentLeadProfessional(tx, childId);
    await recordAuditEvent(tx, { actor, action: 'plan.list', outcome: 'allowed', childId, municipalityId: child.row.municipality_id, details: { planIds: rows.map((r) => r.id) } });
    return {
      leadProfessional: lead,
      canStart: canStartPlan(actor, child.facts, lead?.staffId ?? null).allowed && !rows.some((r) => r.status !== 'closed'),
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        version: r.version,
        reviewDate: r.review_date,
        reviewOverdue: (r.status === 'active' || r.status === 'under_review') && r.review_date < at.today,
        reason: r.content.reason,
        needs: r.content.needs.length,
        actions: r.content.needs.reduce((n, x) => n + x.actions.length, 0),
        hasChildView: Boolean(r.content.childView.text),
        owningUnitName: r.unit_name,
        updatedAt: new Date(r.updated_at).toISOString(),
        closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
        closedReason: r.closed_reason,
      })),
    };
  });
}

/** One plan (its newest version), with what the actor may do with it. */
export async function getPlan(options: { db: Db; actor: Actor; planId: string }) {
  const { db, actor, planId } = options;
  return runUseCase(db, async (tx) => {
    const loaded = await readablePlan(tx, actor, planId, 'plan.read');
    if ('error' in loaded) return loaded;
    await recordAuditEvent(tx, { actor, action: 'plan.read', outcome: 'allowed', childId: loaded.row.child_id, municipalityId: loaded.row.municipality_id, resourceType: 'plan', resourceId: planId, details: { version: loaded.row.version } });
    return presentPlan(tx, actor, loaded);
  });
}

/** Every version of the plan with what changed in it (newest first). */
export async function listPlanVersions(options: { db: Db; actor: Actor; planId: string }) {
  const { db, actor, planId } = options;
  return runUseCase(db, async (tx) => {
    const loaded = await readablePlan(tx, actor, planId, 'plan.read');
    if ('error' in loaded) return loaded;
    const rows = await queryRows<{ version: number; status: PlanStatus; event: string; changes: PlanChange[]; saved_by: string; saved_at: Date }>(
      tx,
      sql`SELECT v.version, v.status, v.event, v.changes, s.given_name || ' ' || s.family_name AS saved_by, v.saved_at
            FROM plan_versions v JOIN staff s ON s.id = v.saved_by WHERE v.plan_id = ${planId}::uuid ORDER BY v.version DESC`,
    );
    await recordAuditEvent(tx, { actor, action: 'plan.read', outcome: 'allowed', childId: loaded.row.child_id, municipalityId: loaded.row.municipality_id, resourceType: 'plan', resourceId: planId, details: { versions: true } });
    return {
      items: rows.map((r) => ({ version: r.version, status: r.status, event: r.event, changes: r.changes, savedBy: r.saved_by, savedAt: new Date(r.saved_at).toISOString() })),
    };
  });
}

async function versionContent(tx: Queryable, planId: string, version: number): Promise<PlanContent | null> {
  const [row] = await queryRows<{ content: PlanContent }>(tx, sql`SELECT content FROM plan_versions WHERE plan_id = ${planId}::uuid AND version = ${version}`);
  return row?.content ?? null;
}

/**
 * A team member's save on an older version that only marks their own actions:
 * the same marks on the current version (`mergeOwnActionUpdates`), or null
 * when it is not stale or someone else touched those actions since.
 */
async function mergeStaleActionUpdate(tx: Tx, loaded: LoadedPlan, baseVersion: number, mine: PlanContent, ownUnitIds: readonly string[]) {
  if (baseVersion >= loaded.row.version || ownUnitIds.length === 0) return null;
  const base = await versionContent(tx, loaded.row.id, baseVersion);
  return base ? mergeOwnActionUpdates(base, loaded.row.content, mine, ownUnitIds) : null;
}

/** Refuses a write based on an older version: 409 with what the others changed since. */
async function refuseIfStale(tx: Tx, actor: Actor, loaded: LoadedPlan, baseVersion: number, action: 'plan.save' | 'plan.status' | 'plan.review') {
  if (baseVersion === loaded.row.version) return null;
  const base = baseVersion < loaded.row.version ? await versionContent(tx, loaded.row.id, baseVersion) : null;
  const changes = base ? diffPlanContent(base, loaded.row.content) : [];
  const editors = await queryRows<{ name: string }>(
    tx,
    sql`SELECT DISTINCT s.given_name || ' ' || s.family_name AS name FROM plan_versions v JOIN staff s ON s.id = v.saved_by
         WHERE v.plan_id = ${loaded.row.id}::uuid AND v.version > ${baseVersion}`,
  );
  await recordAuditEvent(tx, { actor, action, outcome: 'denied', childId: loaded.row.child_id, municipalityId: loaded.row.municipality_id, resourceType: 'plan', resourceId: loaded.row.id, details: { reason: 'version_conflict', baseVersion, currentVersion: loaded.row.version } });
  return refuse(
    new AppError('version_conflict', {
      details: { currentVersion: loaded.row.version, yourVersion: baseVersion, changedBy: editors.map((e) => e.name), changes },
    }),
  );
}

/**
 * Saves the plan as a new version. The lead professional and the named person
 * change anything; other team members only the status and comment of actions
 * their own unit is responsible for. A save based on an older version is a 409
 * with what changed – unless it is a team member's marking of their own actions
 * that nobody else has touched since, which is carried over onto the current
 * version. A save that changes nothing writes nothing.
 */
export async function savePlan(options: { db: Db; actor: Actor; planId: string; baseVersion: number; content: PlanContent }) {
  const { db, actor, planId, baseVersion } = options;
  let content = options.content;
  return runUseCase(db, async (tx) => {
    const loaded = await readablePlan(tx, actor, planId, 'plan.save', true);
    if ('error' in loaded) return loaded;
    const { row } = loaded;
    const audit = { actor, childId: row.child_id, municipalityId: row.municipality_id, resourceType: 'plan' as const, resourceId: planId };
    const permissions = permissionsFor(actor, loaded);
    // A team member's own action update on an older version is carried over when nobody else touched it.
    const merged = permissions.canEdit ? null : await mergeStaleActionUpdate(tx, loaded, baseVersion, content, permissions.actionUnitIds);
    if (merged) content = merged;
    else {
      const stale = await refuseIfStale(tx, actor, loaded, baseVersion, 'plan.save');
      if (stale) return stale;
    }
    if (row.status === 'closed') {
      return refuse(new AppError('conflict', { message: { sv: 'Planen är avslutad och kan inte ändras.', en: 'The plan is closed and cannot be changed.' } }));
    }
    const changes = diffPlanContent(row.content, content);
    if (!permissions.canEdit) {
      const outside = firstChangeOutsideOwnActions(row.content, content, permissions.actionUnitIds);
      if (outside !== null) {
        await recordAuditEvent(tx, { ...audit, action: 'plan.save', outcome: 'denied', details: { reason: 'not_editor', path: outside } });
        return refuse(
          new AppError('forbidden', {
            message: {
              sv: 'Planen ändras av stödsamordnaren och barnkontakten. Du kan uppdatera status och kommentar för de insatser din enhet ansvarar för.',
              en: 'The plan is changed by the lead professional and the named person. You can update the status and comment of the actions your unit is responsible for.',
            },
            details: { path: outside },
          }),
        );
      }
    }
    if (changes.length === 0) return presentPlan(tx, actor, loaded);
    const profile = await profileOfMunicipality(tx, row.municipality_id);
    await checkContent(tx, content, profile);
    const version = row.version + 1;
    await writeVersion(tx, { row, version, status: row.status, content, changes, event: permissions.canEdit ? 'saved' : 'actions_updated', actor });
    await recordAuditEvent(tx, {
      ...audit,
      action: permissions.canEdit ? 'plan.save' : 'plan.action_update',
      outcome: 'allowed',
      details: { version, changed: changes.map((c) => c.path), ...(merged ? { mergedFrom: baseVersion } : {}) },
    });
    return reloadPresent(tx, actor, planId);
  });
}

/**
 * Moves the plan: draft → active (every activation check must pass, 422
 * `plan_not_ready` listing what is missing), active → under review, any open
 * plan → closed (with the reason; the child steps back to universal support
 * with the named person). Under review → active goes through a review.
 */
export async function changePlanStatus(options: { db: Db; actor: Actor; planId: string; baseVersion: number; status: 'active' | 'under_review' | 'closed'; reason?: string | null }) {
  const { db, actor, planId, baseVersion, status } = options;
  return runUseCase(db, async (tx) => {
    const loaded = await readablePlan(tx, actor, planId, 'plan.status', true);
    if ('error' in loaded) return loaded;
    const { row, child, at, lead } = loaded;
    const audit = { actor, childId: row.child_id, municipalityId: row.municipality_id, resourceType: 'plan' as const, resourceId: planId };
    if (!permissionsFor(actor, loaded).canChangeStatus && row.status !== 'closed') {
      await recordAuditEvent(tx, { ...audit, action: 'plan.status', outcome: 'denied', details: { requested: status } });
      return refuse(new AppError('forbidden', { message: { sv: 'Planens status ändras av stödsamordnaren eller barnkontakten.', en: "The plan's status is changed by the lead professional or the named person." } }));
    }
    const stale = await refuseIfStale(tx, actor, loaded, baseVersion, 'plan.status');
    if (stale) return stale;
    assertTransition(row.status, status);
    const reason = options.reason?.trim() || null;
    if (status === 'active') {
      const units = await unitInfo(tx, row.content.needs.flatMap((n) => n.actions.map((a) => a.responsibleUnitId)));
      const agencies = agenciesWithActions(row.content, (id) => units.get(id)?.agencyType);
      const problems = activationProblems({ content: row.content, agencies, hasLeadProfessional: lead !== null, today: at.today });
      if (problems.length > 0) {
        await recordAuditEvent(tx, { ...audit, action: 'plan.status', outcome: 'denied', details: { requested: status, problems: problems.map((p) => p.field) } });
        return refuse(
          new AppError('plan_not_ready', {
            message: {
              sv: `Planen kan inte börja gälla ännu: ${problems.map((p) => p.sv).join(' ')}`,
              en: `The plan cannot be activated yet: ${problems.map((p) => p.en).join(' ')}`,
            },
            details: { problems },
          }),
        );
      }
    }
    if (status === 'closed' && !reason) {
      return refuse(new AppError('validation_failed', { message: { sv: 'Skriv varför planen avslutas.', en: 'Write why the plan is closed.' }, details: { field: 'reason' } }));
    }
    const version = row.version + 1;
    const event = status === 'active' ? 'activated' : status === 'under_review' ? 'review_started' : 'closed';
    const extra =
      status === 'active'
        ? sql`, activated_at = coalesce(activated_at, now())`
        : status === 'closed'
          ? sql`, closed_at = now(), closed_reason = ${reason}`
          : sql``;
    await writeVersion(tx, { row, version, status, content: row.content, changes: [], event, actor, extra });
    await recordAuditEvent(tx, { ...audit, action: 'plan.status', outcome: 'allowed', details: { from: row.status, to: status, version, namedPersonResumes: status === 'closed' ? child.facts.namedPersonStaffId : undefined } });
    return reloadPresent(tx, actor, planId);
  });
}

export type ReviewInput = {
  baseVersion: number;
  assessmentId: string;
  actions: { actionId: string; status: 'done' | 'ongoing' | 'not_done'; comment: string }[];
  outcome: 'continue' | 'revise' | 'close';
  comment?: string | null;
  nextReviewDate?: string | null;
};

/**
 * A review: the wheel has been scored again (an assessment of the child made
 * since the plan took effect), each action is marked done / ongoing / not done
 * with a comment, and the plan continues (next review date), goes back for
 * revision (under review, edited, then activated again) or closes.
 */
export async function reviewPlan(options: { db: Db; actor: Actor; planId: string; input: ReviewInput }) {
  const { db, actor, planId, input } = options;
  return runUseCase(db, async (tx) => {
    const loaded = await readablePlan(tx, actor, planId, 'plan.review', true);
    if ('error' in loaded) return loaded;
    const { row, at } = loaded;
    const audit = { actor, childId: row.child_id, municipalityId: row.municipality_id, resourceType: 'plan' as const, resourceId: planId };
    if (!permissionsFor(actor, loaded).canReview) {
      if (row.status !== 'active' && row.status !== 'under_review') {
        return refuse(new AppError('conflict', { message: { sv: 'Bara en plan som gäller kan följas upp.', en: 'Only an active plan can be reviewed.' }, details: { status: row.status } }));
      }
      await recordAuditEvent(tx, { ...audit, action: 'plan.review', outcome: 'denied' });
      return refuse(new AppError('forbidden', { message: { sv: 'Uppföljningen görs av stödsamordnaren eller barnkontakten.', en: 'The review is recorded by the lead professional or the named person.' } }));
    }
    const stale = await refuseIfStale(tx, actor, loaded, input.baseVersion, 'plan.review');
    if (stale) return stale;
    const invalid = (field: string, sv: string, en: string) => refuse(new AppError('validation_failed', { message: { sv, en }, details: { field } }));
    const [assessment] = await queryRows<{ child_id: string; assessed_on: string }>(
      tx,
      sql`SELECT child_id, assessed_on::text AS assessed_on FROM assessments WHERE id = ${input.assessmentId}::uuid`,
    );
    const since = row.activated_at ? todayIn(new Date(row.activated_at)) : row.created_at ? todayIn(new Date(row.created_at)) : at.today;
    if (!assessment || assessment.child_id !== row.child_id || assessment.assessed_on < since) {
      return invalid(
        'assessmentId',
        'Skatta välbefinnandehjulet igen vid uppföljningen: bedömningen ska gälla barnet och vara gjord efter att planen började gälla.',
        'Score the wellbeing wheel again at the review: the assessment must be of this child and made after the plan took effect.',
      );
    }
    const allActions = row.content.needs.flatMap((n) => n.actions);
    const marks = new Map(input.actions.map((a) => [a.actionId, a]));
    const unmarked = allActions.filter((a) => !marks.has(a.id));
    if (unmarked.length > 0) {
      return invalid('actions', `Markera varje insats: ${unmarked.map((a) => a.description).join(', ')}.`, `Mark every action: ${unmarked.map((a) => a.description).join(', ')}.`);
    }
    const unknown = input.actions.find((m) => !allActions.some((a) => a.id === m.actionId));
    if (unknown) return invalid('actions', `Insatsen ${unknown.actionId} finns inte i planen.`, `The action ${unknown.actionId} is not in the plan.`);
    if (input.outcome !== 'close' && !input.nextReviewDate) {
      return invalid('nextReviewDate', 'Ange datum för nästa uppföljning.', 'Give the date of the next review.');
    }
    if (input.nextReviewDate && input.nextReviewDate < at.today) {
      return invalid('nextReviewDate', 'Nästa uppföljning kan inte ligga i det förflutna.', 'The next review cannot be in the past.');
    }
    if (input.outcome === 'close' && !input.comment?.trim()) {
      return invalid('comment', 'Skriv varför planen avslutas.', 'Write why the plan is closed.');
    }
    const content: PlanContent = {
      ...row.content,
      reviewDate: input.nextReviewDate ?? row.content.reviewDate,
      needs: row.content.needs.map((n) => ({
        ...n,
        actions: n.actions.map((a) => {
          const m = marks.get(a.id)!;
          return { ...a, status: m.status, comment: m.comment.trim() || null };
        }),
      })),
    };
    const status: PlanStatus = input.outcome === 'close' ? 'closed' : input.outcome === 'revise' ? 'under_review' : 'active';
    const version = row.version + 1;
    const changes = diffPlanContent(row.content, content);
    const extra = status === 'closed' ? sql`, closed_at = now(), closed_reason = ${input.comment!.trim()}` : sql``;
    await writeVersion(tx, { row, version, status, content, changes, event: `reviewed_${input.outcome}`, actor, extra });
    const [review] = await tx
      .insert(planReviews)
      .values({
        municipalityId: row.municipality_id,
        planId,
        childId: row.child_id,
        planVersion: version,
        assessmentId: input.assessmentId,
        actions: input.actions.map((a) => ({ actionId: a.actionId, status: a.status, comment: a.comment.trim() || null })),
        outcome: input.outcome,
        comment: input.comment?.trim() || null,
        nextReviewDate: input.nextReviewDate ?? null,
        reviewedBy: actor.staffId,
      })
      .returning({ id: planReviews.id });
    await recordAuditEvent(tx, { ...audit, action: 'plan.review', outcome: 'allowed', details: { reviewId: review!.id, outcome: input.outcome, version, assessmentId: input.assessmentId } });
    return reloadPresent(tx, actor, planId);
  });
}

export async function listPlanReviews(db: Queryable, planId: string) {
  const rows = await queryRows<{ id: string; outcome: 'continue' | 'revise' | 'close'; comment: string | null; next_review_date: string | null; reviewed_at: Date; reviewed_by: string; plan_version: number; assessment_id: string }>(
    db,
    sql`SELECT r.id, r.outcome, r.comment, r.next_review_date::text AS next_review_date, r.reviewed_at, s.given_name || ' ' || s.family_name AS reviewed_by,
               r.plan_version, r.assessment_id
          FROM plan_reviews r JOIN staff s ON s.id = r.reviewed_by WHERE r.plan_id = ${planId}::uuid ORDER BY r.reviewed_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    outcome: r.outcome,
    comment: r.comment,
    nextReviewDate: r.next_review_date,
    reviewedAt: new Date(r.reviewed_at).toISOString(),
    reviewedBy: r.reviewed_by,
    planVersion: r.plan_version,
    assessmentId: r.assessment_id,
  }));
}

/** The plan's reviews, newest first. */
export async function listPlanReviewsFor(options: { db: Db; actor: Actor; planId: string }) {
  const { db, actor, planId } = options;
  return runUseCase(db, async (tx) => {
    const loaded = await readablePlan(tx, actor, planId, 'plan.read');
    if ('error' in loaded) return loaded;
    await recordAuditEvent(tx, { actor, action: 'plan.read', outcome: 'allowed', childId: loaded.row.child_id, municipalityId: loaded.row.municipality_id, resourceType: 'plan', resourceId: planId, details: { reviews: true } });
    return { items: await listPlanReviews(tx, planId) };
  });
}

// ── Work lists ──────────────────────────────────────────────────────────────

/**
 * What needs the actor in plans: reviews due or overdue where they are the
 * lead professional or the named person, and overdue actions their units are
 * responsible for – only in plans they may read.
 */
export async function planWorkList(options: { db: Db; actor: Actor; withinDays?: number }) {
  const { db, actor } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const horizon = new Date(`${at.today}T12:00:00Z`);
    horizon.setUTCDate(horizon.getUTCDate() + (options.withinDays ?? 14));
    const until = horizon.toISOString().slice(0, 10);
    const units = childFacingUnitIds(actor);
    const rows = await queryRows<PlanRow & { identity_visible: boolean; given_name: string; family_name: string; lead_staff_id: string | null; np_staff_id: string | null }>(
      tx,
      sql`SELECT q.*, c.given_name, c.family_name, ${protectedIdentityVisibleSql(actor, 'c')} AS identity_visible,
                 (SELECT l.staff_id FROM lead_professionals l WHERE l.child_id = q.child_id AND l.ended_at IS NULL) AS lead_staff_id,
                 (SELECT n.staff_id FROM named_person_assignments n WHERE n.child_id = q.child_id AND n.valid_to IS NULL AND n.status = 'assigned') AS np_staff_id
            FROM (${planSelect} WHERE p.status IN ('active', 'under_review') AND ${recordReadableSql(actor, 'p', at)}) q
            JOIN children c ON c.id = q.child_id
           WHERE EXISTS (SELECT 1 FROM lead_professionals l WHERE l.child_id = q.child_id AND l.ended_at IS NULL AND l.staff_id = ${actor.staffId}::uuid)
              OR EXISTS (SELECT 1 FROM named_person_assignments n WHERE n.child_id = q.child_id AND n.valid_to IS NULL AND n.status = 'assigned' AND n.staff_id = ${actor.staffId}::uuid)
              OR EXISTS (SELECT 1 FROM jsonb_array_elements(q.content->'needs') nd, jsonb_array_elements(nd->'actions') ac
                          WHERE (ac->>'responsibleUnitId')::uuid = ANY(${uuidArray(units)}))
           ORDER BY q.review_date, q.id
           LIMIT 500`,
    );
    const items: {
      planId: string;
      childId: string;
      child: { givenName: string | null; familyName: string | null; masked: boolean };
      kind: 'review_overdue' | 'review_due' | 'action_overdue';
      date: string;
      actionId: string | null;
      description: string | null;
      role: 'lead_professional' | 'named_person' | 'responsible_unit';
    }[] = [];
    for (const r of rows) {
      const role = r.lead_staff_id === actor.staffId ? 'lead_professional' : r.np_staff_id === actor.staffId ? 'named_person' : 'responsible_unit';
      const child = { givenName: r.identity_visible ? r.given_name : null, familyName: r.identity_visible ? r.family_name : null, masked: !r.identity_visible };
      if (role !== 'responsible_unit' && r.review_date <= until) {
        items.push({ planId: r.id, childId: r.child_id, child, kind: r.review_date < at.today ? 'review_overdue' : 'review_due', date: r.review_date, actionId: null, description: null, role });
      }
      for (const a of overdueActions(r.content, at.today)) {
        if (role === 'responsible_unit' && !units.includes(a.responsibleUnitId)) continue;
        items.push({ planId: r.id, childId: r.child_id, child, kind: 'action_overdue', date: a.dueDate, actionId: a.id, description: a.description, role });
      }
    }
    items.sort((a, b) => a.date.localeCompare(b.date) || a.planId.localeCompare(b.planId));
    await recordAuditEvent(tx, { actor, action: 'plan.list', outcome: 'allowed', details: { workList: true, planIds: rows.map((r) => r.id), childIds: [...new Set(rows.map((r) => r.child_id))] } });
    return { today: at.today, items };
  });
}

// ── Exports ─────────────────────────────────────────────────────────────────

/**
 * Builds the export document of a readable plan (masked by the reader's right
 * to see a protected identity), records the export in the audit trail, and
 * hands the document to `render` inside the same transaction.
 */
export async function exportPlan<T>(options: { db: Db; actor: Actor; planId: string; format: string; render: (doc: PlanDocument) => Promise<T> | T }) {
  const { db, actor, planId, format, render } = options;
  return runUseCase(db, async (tx) => {
    const loaded = await readablePlan(tx, actor, planId, 'plan.export');
    if ('error' in loaded) return loaded;
    const doc = await buildPlanDocument(tx, actor, loaded);
    await recordAuditEvent(tx, { actor, action: 'plan.export', outcome: 'allowed', childId: loaded.row.child_id, municipalityId: loaded.row.municipality_id, resourceType: 'plan', resourceId: planId, details: { format, version: loaded.row.version } });
    return render(doc);
  });
}

async function person(db: Queryable, staffId: string, unitId: string | null): Promise<PlanDocumentPerson | null> {
  const [r] = await queryRows<{ name: string; title: string | null; unit_id: string; unit_name: string; agency_type: AgencyType; phone: string | null; email: string | null }>(
    db,
    sql`SELECT s.given_name || ' ' || s.family_name AS name, s.title, u.id AS unit_id, u.name AS unit_name, u.agency_type, coalesce(s.phone, u.phone) AS phone, s.email
          FROM staff s JOIN units u ON u.id = ${unitId ? sql`${unitId}::uuid` : sql`(SELECT r.unit_id FROM staff_roles r WHERE r.staff_id = s.id ORDER BY r.valid_from LIMIT 1)`}
         WHERE s.id = ${staffId}::uuid`,
  );
  return r ? { staffId, name: r.name, title: r.title, unitId: r.unit_id, unitName: r.unit_name, agencyType: r.agency_type, phone: r.phone, email: r.email } : null;
}

async function buildPlanDocument(tx: Tx, actor: Actor, loaded: LoadedPlan): Promise<PlanDocument> {
  const { row, child, lead } = loaded;
  const content = row.content;
  const visible = canSeeProtectedIdentity(actor, child.facts);
  const profile = await profileOfMunicipality(tx, row.municipality_id);
  const indicators = new Map(profile.wellbeing.indicators.map((i) => [i.key, i]));
  const actions = content.needs.flatMap((n) => n.actions);
  const units = await unitInfo(tx, actions.map((a) => a.responsibleUnitId));
  const staffNames = await namesOf(tx, actions.map((a) => a.responsibleStaffId).filter((x): x is string => !!x));
  const interventionTitles = new Map(
    (await queryRows<{ id: string; title: string }>(tx, sql`SELECT id, title FROM interventions WHERE id = ANY(${uuidArray(actions.map((a) => a.interventionId).filter((x): x is string => !!x))})`)).map((r) => [r.id, r.title]),
  );
  const agencies = agenciesWithActions(content, (id) => units.get(id)?.agencyType);
  const guardians = await queryRows<{ id: string; given_name: string; family_name: string; phone: string | null }>(
    tx,
    sql`SELECT g.id, g.given_name, g.family_name, g.phone FROM guardianships gs JOIN guardians g ON g.id = gs.guardian_id
         WHERE gs.child_id = ${row.child_id}::uuid ORDER BY g.family_name, g.given_name`,
  );
  const [np] = await queryRows<{ staff_id: string; unit_id: string | null }>(
    tx,
    sql`SELECT staff_id, unit_id FROM named_person_assignments WHERE child_id = ${row.child_id}::uuid AND valid_to IS NULL AND status = 'assigned'`,
  );
  const team = await queryRows<{ staff_id: string; unit_id: string }>(
    tx,
    sql`SELECT staff_id, unit_id FROM team_members WHERE child_id = ${row.child_id}::uuid AND removed_at IS NULL ORDER BY added_at`,
  );
  const teamPeople = (await Promise.all(team.map((m) => person(tx, m.staff_id, m.unit_id)))).filter((p): p is PlanDocumentPerson => p !== null);
  const namedPerson = np ? await person(tx, np.staff_id, np.unit_id) : null;
  // Under protected identity the named person's unit would point at where the child is.
  if (namedPerson && !visible) namedPerson.unitName = '';
  const leadPerson = lead ? await person(tx, lead.staffId, lead.unitId) : null;
  const [assessment] = content.assessmentId
    ? await queryRows<{ id: string; assessed_on: string; ratings: { indicator: string; professional: number | null; child: number | null; guardians: number | null; note: string | null }[]; child_took_part: boolean }>(
        tx,
        sql`SELECT id, assessed_on::text AS assessed_on, ratings, child_took_part FROM assessments WHERE id = ${content.assessmentId}::uuid AND child_id = ${row.child_id}::uuid`,
      )
    : [];
  const consents = await queryRows<{ id: string; valid_from: string; valid_to: string; categories: string[]; purposes: string[]; recipient_agency_types: AgencyType[]; unit_names: string[] | null; guardian_ids: string[] | null; form: 'written' | 'oral'; recorded_at: Date }>(
    tx,
    sql`SELECT k.id, k.valid_from::text AS valid_from, k.valid_to::text AS valid_to, k.categories::text[] AS categories, k.purposes,
               k.recipient_agency_types::text[] AS recipient_agency_types,
               (SELECT array_agg(u.name ORDER BY u.name) FROM units u WHERE u.id = ANY(k.recipient_unit_ids)) AS unit_names,
               (SELECT array_agg(p.guardian_id) FROM consent_parties p WHERE p.consent_id = k.id AND p.decision = 'given') AS guardian_ids,
               k.form, k.recorded_at
          FROM consents k WHERE k.id = ANY(${uuidArray(child.consents.filter((k) => consentState(k, loaded.at.today) === 'active').map((k) => k.id))})`,
  );
  const reviews = await listPlanReviews(tx, row.id);
  const orgName = (kind: 'municipality' | 'region') => [...units.values()].find((u) => u.organisationKind === kind)?.organisationName ?? null;
  const [area] = await queryRows<{ name: string; kind: string }>(
    tx,
    sql`SELECT name, kind FROM organisations WHERE id = ${row.municipality_id}::uuid`,
  );
  const addressParts = [child.row.address, [child.row.postal_code, child.row.city].filter(Boolean).join(' ')].filter(Boolean);
  return {
    planId: row.id,
    version: row.version,
    status: row.status,
    preparedOn: todayIn(new Date(row.updated_at)),
    activatedOn: row.activated_at ? todayIn(new Date(row.activated_at)) : null,
    generatedTestData: child.row.is_test_data,
    child: {
      id: row.child_id,
      name: visible ? `${child.row.given_name} ${child.row.family_name}` : null,
      givenName: visible ? child.row.given_name : null,
      dateOfBirth: child.row.birth_date,
      personnummer: visible ? child.row.personnummer : null,
      address: visible && addressParts.length > 0 ? addressParts.join(', ') : null,
      protectedIdentity: child.row.protected_identity,
    },
    guardians: guardians.map((g) => ({ id: g.id, name: visible ? `${g.given_name} ${g.family_name}` : null, phone: visible ? g.phone : null })),
    namedPerson,
    leadProfessional: leadPerson,
    team: teamPeople,
    profile: { key: profile.key, name: profile.name, tool: profile.wellbeing.tool, scaleMin: profile.wellbeing.scale.min, scaleMax: profile.wellbeing.scale.max },
    content: {
      ...content,
      needs: content.needs.map((n) => ({
        ...n,
        indicatorName: indicators.get(n.indicator)?.name ?? { sv: n.indicator, en: n.indicator },
        indicatorChildStatement: indicators.get(n.indicator)?.childStatement ?? null,
        actions: n.actions.map((a) => {
          const u = units.get(a.responsibleUnitId);
          return {
            ...a,
            responsibleUnitName: u?.name ?? '',
            responsibleAgencyType: u?.agencyType ?? null,
            responsibleOrganisationName: u?.organisationName ?? '',
            responsibleOrganisationKind: u?.organisationKind ?? 'municipality',
            responsibleStaffName: a.responsibleStaffId ? (staffNames.get(a.responsibleStaffId) ?? null) : null,
            interventionTitle: a.interventionId ? (interventionTitles.get(a.interventionId) ?? null) : null,
          };
        }),
      })),
    },
    overallResponsibilityName: content.overallResponsibility
      ? (orgName(content.overallResponsibility) ?? (content.overallResponsibility === 'municipality' ? (area?.name ?? null) : null))
      : null,
    isSip: isSip(agencies),
    assessment: assessment
      ? {
          id: assessment.id,
          assessedOn: assessment.assessed_on,
          childTookPart: assessment.child_took_part,
          ratings: assessment.ratings.map((r) => ({ ...r, indicatorName: indicators.get(r.indicator)?.name ?? { sv: r.indicator, en: r.indicator } })),
        }
      : null,
    consents: consents.map((k) => ({
      id: k.id,
      validFrom: k.valid_from,
      validTo: k.valid_to,
      categories: k.categories,
      purposes: k.purposes,
      recipientAgencyTypes: k.recipient_agency_types,
      recipientUnitNames: k.unit_names ?? [],
      guardianIds: k.guardian_ids ?? [],
      form: k.form,
      recordedAt: new Date(k.recorded_at).toISOString(),
    })),
    reviews: reviews.map((r) => ({ reviewedOn: todayIn(new Date(r.reviewedAt)), outcome: r.outcome, comment: r.comment })),
  };
}

