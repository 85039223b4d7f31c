/**
 * The named person: derived from the model profile's chain, the child's age and
 * enrollments; every change is a history row. Handovers are applied by a daily
 * job (idempotent); professionals can assign by hand or record that the family
 * declined; anyone signed in can look up a child's named-person contact.
 */
import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows } from '../db/client.ts';
import { enrollmentCurrentSql } from '../db/queries/access.ts';
import {
  type Actor,
  NAMED_PERSON_ROLES,
  canAssignNamedPerson,
  canLookUpNamedPerson,
  canSeeProtectedIdentity,
} from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import {
  type CurrentAssignment,
  type DerivedNamedPerson,
  type EnrollmentFact,
  decideHandover,
  deriveNamedPerson,
} from '../domain/named-person.ts';
import { parsePersonnummer, personnummerErrorMessage } from '../domain/personnummer.ts';
import type { ModelProfile } from '../domain/profiles/schema.ts';
import { CHILD_FACING_ROLES, type LocalizedText, type NamedPersonReason, type StaffRole } from '../domain/types.ts';
import { loadChildAccess } from './access-facts.ts';
import { recordAuditEvent } from './audit.ts';
import { type NamedPersonDetail, loadReadableChild, namedPersonDetail } from './children.ts';
import { type NamedPersonChange, forwardOpenConcerns } from './concerns.ts';
import { today as todayInZone } from './clock.ts';
import { loadProfile, loadProfilesByMunicipality } from './profiles.ts';
import { refuse, runUseCase } from './use-case.ts';

/** The title of a named person, from the profile stage that made the assignment. */
export function namedPersonTitle(profile: ModelProfile, stageKey: string | null): LocalizedText {
  const stage = stageKey ? profile.namedPersonChain.find((s) => s.key === stageKey) : undefined;
  return stage?.title ?? profile.namedPersonTitle;
}

// ── The handover job ────────────────────────────────────────────────────────

/** Staff ids by unit and role, sorted – the candidates a chain stage picks from. */
async function loadCandidates(db: Queryable, on: string): Promise<Candidates> {
  const rows = await queryRows<{ unit_id: string; role: StaffRole; staff_id: string }>(
    db,
    sql`SELECT r.unit_id, r.role, r.staff_id FROM staff_roles r JOIN staff s ON s.id = r.staff_id
         WHERE s.active AND r.role = ANY(${`{${NAMED_PERSON_ROLES.join(',')}}`}::staff_role[])
           AND r.valid_from <= ${on}::date AND (r.valid_to IS NULL OR r.valid_to >= ${on}::date)
         ORDER BY r.staff_id`,
  );
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.unit_id}|${r.role}`;
    const list = map.get(key) ?? [];
    if (!list.includes(r.staff_id)) list.push(r.staff_id);
    map.set(key, list);
  }
  return (unitId: string, role: StaffRole): readonly string[] => map.get(`${unitId}|${role}`) ?? [];
}

type BatchChild = {
  id: string;
  municipality_id: string;
  birth_date: string;
  enrollments: { unitId: string; kind: EnrollmentFact['kind']; startDate: string; endDate: string | null }[] | null;
  current: {
    id: string;
    status: 'assigned' | 'declined';
    stageKey: string | null;
    unitId: string | null;
    staffId: string | null;
    reason: NamedPersonReason;
  } | null;
};

function batchQuery(on: string, where: SQL, limit: number): SQL {
  return sql`SELECT c.id, c.municipality_id, c.birth_date::text AS birth_date,
           (SELECT json_agg(json_build_object('unitId', e.unit_id, 'kind', e.kind,
                    'startDate', e.start_date::text, 'endDate', e.end_date::text))
              FROM enrollments e WHERE e.child_id = c.id AND ${enrollmentCurrentSql('e', on)}) AS enrollments,
           (SELECT json_build_object('id', n.id, 'status', n.status, 'stageKey', n.stage_key,
                    'unitId', coalesce(n.stage_unit_id, n.unit_id),
                    'staffId', n.staff_id, 'reason', n.reason)
              FROM named_person_assignments n WHERE n.child_id = c.id AND n.valid_to IS NULL) AS current
      FROM children c WHERE ${where} ORDER BY c.id LIMIT ${limit}`;
}

type Change = { child: BatchChild; reason: NamedPersonReason; derived: DerivedNamedPerson | null };

type Candidates = (unitId: string, role: StaffRole) => readonly string[];

function decide(profile: ModelProfile, child: BatchChild, on: string, candidates: Candidates): Change | null {
  const enrollments: EnrollmentFact[] = child.enrollments ?? [];
  const current: CurrentAssignment | null = child.current;
  const derived = deriveNamedPerson(profile, {
    childId: child.id,
    birthDate: child.birth_date,
    today: on,
    enrollments,
    candidates,
    current,
  });
  const decision = decideHandover(profile, current, derived, { birthDate: child.birth_date, today: on, enrollments });
  if (decision.action === 'keep') return null;
  if (decision.action === 'end') return { child, reason: decision.reason, derived: null };
  return { child, reason: decision.reason, derived: decision.derived };
}

/**
 * Ends current assignments and inserts the new ones for a set of changes, in
 * one statement each; open concerns sent to an old named person follow to the
 * new one (a change to no one leaves them where they are).
 */
async function applyChanges(tx: Queryable, changes: Change[], actorId: string | null): Promise<void> {
  if (changes.length === 0) return;
  const concernMoves: NamedPersonChange[] = changes.flatMap((c) =>
    c.child.current?.status === 'assigned' && c.child.current.staffId && c.derived?.kind === 'assigned'
      ? [{ childId: c.child.id, fromStaffId: c.child.current.staffId, toStaffId: c.derived.staffId, toUnitId: c.derived.unitId }]
      : [],
  );
  const ending = changes.filter((c) => c.child.current).map((c) => c.child.current!.id);
  if (ending.length > 0) {
    await tx.execute(
      sql`UPDATE named_person_assignments SET valid_to = now() WHERE id = ANY(${`{${ending.join(',')}}`}::uuid[])`,
    );
  }
  const rows = changes
    .filter((c) => c.derived?.kind === 'assigned')
    .map((c) => {
      const d = c.derived as Extract<DerivedNamedPerson, { kind: 'assigned' }>;
      return {
        id: randomUUID(),
        municipality_id: c.child.municipality_id,
        child_id: c.child.id,
        staff_id: d.staffId,
        unit_id: d.unitId,
        stage_key: d.stageKey,
        stage_unit_id: d.unitId,
        reason: c.reason,
      };
    });
  if (rows.length > 0) {
    await tx.execute(sql`
      INSERT INTO named_person_assignments
             (id, municipality_id, child_id, status, staff_id, unit_id, stage_key, stage_unit_id, reason, created_by)
      SELECT r.id, r.municipality_id, r.child_id, 'assigned', r.staff_id, r.unit_id, r.stage_key, r.stage_unit_id,
             r.reason::named_person_reason, ${actorId}::uuid
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
          AS r(id uuid, municipality_id uuid, child_id uuid, staff_id uuid, unit_id uuid, stage_key text,
               stage_unit_id uuid, reason text)`);
  }
  // The daily job is the system: no actor.
  await forwardOpenConcerns(tx, concernMoves, null);
}

/**
 * Applies every due handover (birth, age transitions, enrollment changes, ageing
 * out) for all children. Idempotent: a second run on the same day changes nothing.
 */
export async function applyDueHandovers(options: {
  db: Queryable;
  today?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ examined: number; changed: number }> {
  const { db } = options;
  const on = options.today ?? todayInZone();
  const batchSize = options.batchSize ?? 5_000;
  const profiles = await loadProfilesByMunicipality(db);
  const candidates = await loadCandidates(db, on);
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM children`);
  let examined = 0;
  let changed = 0;
  let afterId: string | null = null;
  for (;;) {
    const where: SQL = afterId ? sql`c.id > ${afterId}::uuid` : sql`TRUE`;
    const batch: BatchChild[] = await queryRows<BatchChild>(db, batchQuery(on, where, batchSize));
    if (batch.length === 0) break;
    const changes = batch
      .map((child) => decide(profileFor(profiles, child.municipality_id), child, on, candidates))
      .filter((c): c is Change => c !== null);
    if (changes.length > 0) {
      await db.transaction(async (tx) => {
        await applyChanges(tx, changes, null);
        await recordAuditEvent(tx, {
          actor: null,
          action: 'named_person.handover',
          outcome: 'allowed',
          childIds: changes.map((c) => c.child.id),
          details: { on, reasons: countBy(changes.map((c) => c.reason)) },
        });
      });
    }
    examined += batch.length;
    changed += changes.length;
    afterId = batch[batch.length - 1]!.id;
    options.onProgress?.(examined, total);
  }
  return { examined, changed };
}

function profileFor(profiles: Map<string, ModelProfile>, municipalityId: string): ModelProfile {
  const profile = profiles.get(municipalityId);
  if (!profile) throw new Error(`No model profile for municipality ${municipalityId}`);
  return profile;
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Applies the handover rules to one child inside the caller's transaction (e.g. on registration). */
export async function applyHandoverForChild(tx: Queryable, childId: string, on = todayInZone()): Promise<void> {
  const [child] = await queryRows<BatchChild>(tx, batchQuery(on, sql`c.id = ${childId}::uuid`, 1));
  if (!child) return;
  const profiles = await loadProfilesByMunicipality(tx);
  const change = decide(profileFor(profiles, child.municipality_id), child, on, await loadCandidates(tx, on));
  if (change) await applyChanges(tx, [change], null);
}

/** Children under the profile's end age with no current named person (declined counts as handled). */
/**
 * `samsyn check`: children under 18 with no current named person (declined
 * counts as having an answer). A system path run by an operator: the children
 * it lists are written to the audit trail as `named_person.check`.
 */
export async function listChildrenWithoutNamedPerson(db: Db, limit = 1_000) {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; personnummer: string; municipality_id: string }>(
      tx,
      sql`SELECT c.id, c.personnummer, c.municipality_id FROM children c
           WHERE c.birth_date > (CURRENT_DATE - INTERVAL '18 years')
             AND NOT EXISTS (SELECT 1 FROM named_person_assignments n WHERE n.child_id = c.id AND n.valid_to IS NULL)
           ORDER BY c.id LIMIT ${limit}`,
    );
    await recordAuditEvent(tx, {
      actor: null,
      action: 'named_person.check',
      outcome: 'allowed',
      childIds: rows.map((r) => r.id),
      purpose: 'samsyn check: children without a named person',
    });
    return rows;
  });
}

// ── History, manual assignment, lookup ──────────────────────────────────────

export async function getNamedPersonHistory(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const child = await loadReadableChild(tx, actor, childId, 'named_person.history.read');
    if ('error' in child) return child;
    const profile = await profileOfMunicipality(tx, child.row.municipality_id);
    const rows = await queryRows<{
      id: string;
      status: 'assigned' | 'declined';
      stage_key: string | null;
      reason: string;
      note: string | null;
      valid_from: Date;
      valid_to: Date | null;
      given_name: string | null;
      family_name: string | null;
      unit_name: string | null;
      by_given: string | null;
      by_family: string | null;
    }>(
      tx,
      sql`SELECT n.id, n.status, n.stage_key, n.reason, n.note, n.valid_from, n.valid_to,
                 s.given_name, s.family_name, u.name AS unit_name, b.given_name AS by_given, b.family_name AS by_family
            FROM named_person_assignments n
            LEFT JOIN staff s ON s.id = n.staff_id
            LEFT JOIN units u ON u.id = n.unit_id
            LEFT JOIN staff b ON b.id = n.created_by
           WHERE n.child_id = ${childId}::uuid
           ORDER BY n.valid_from DESC, n.created_at DESC`,
    );
    await recordAuditEvent(tx, {
      actor,
      action: 'named_person.history.read',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'named_person_history',
      resourceId: childId,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        name: r.status === 'assigned' ? `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim() : null,
        title: r.status === 'assigned' ? namedPersonTitle(profile, r.stage_key) : null,
        unitName: child.identityVisible ? r.unit_name : null,
        stageKey: r.stage_key,
        reason: r.reason,
        note: r.note,
        validFrom: new Date(r.valid_from).toISOString(),
        validTo: r.valid_to ? new Date(r.valid_to).toISOString() : null,
        createdBy: r.by_given ? `${r.by_given} ${r.by_family ?? ''}`.trim() : null,
      })),
    };
  });
}

async function profileOfMunicipality(db: Queryable, municipalityId: string): Promise<ModelProfile> {
  const [m] = await queryRows<{ model_profile_key: string | null }>(
    db,
    sql`SELECT model_profile_key FROM organisations WHERE id = ${municipalityId}::uuid`,
  );
  return loadProfile(db, m?.model_profile_key);
}

export type AssignNamedPersonInput = { action: 'assign'; staffId: string; reason: string } | { action: 'decline'; reason: string };

/**
 * Assigns the named person by hand (with a written reason) or records that the
 * family declined. The previous assignment ends at the same instant.
 */
export async function assignNamedPerson(options: {
  db: Db;
  actor: Actor;
  childId: string;
  input: AssignNamedPersonInput;
}): Promise<NamedPersonDetail> {
  const { db, actor, childId, input } = options;
  return runUseCase(db, async (tx) => {
    const child = await loadReadableChild(tx, actor, childId, 'child.read');
    if ('error' in child) return child;
    const permission = canAssignNamedPerson(actor, child.facts);
    if (!permission.allowed) {
      await recordAuditEvent(tx, {
        actor,
        action: 'named_person.assign',
        outcome: 'denied',
        childId,
        municipalityId: child.row.municipality_id,
        resourceType: 'named_person',
      });
      return refuse(new AppError('forbidden'));
    }
    const on = todayInZone();
    const profile = await profileOfMunicipality(tx, child.row.municipality_id);
    // Lock the child's current assignment so two concurrent changes cannot both end it.
    const [current] = await queryRows<{ id: string; status: 'assigned' | 'declined'; staff_id: string | null }>(
      tx,
      sql`SELECT id, status, staff_id FROM named_person_assignments WHERE child_id = ${childId}::uuid AND valid_to IS NULL FOR UPDATE`,
    );

    type Row = { status: 'assigned' | 'declined'; staffId: string | null; unitId: string | null; stageKey: string | null; stageUnitId: string | null };
    let row: Row;
    if (input.action === 'assign') {
      const roles = await queryRows<{ unit_id: string; role: StaffRole }>(
        tx,
        sql`SELECT r.unit_id, r.role FROM staff_roles r JOIN staff s ON s.id = r.staff_id
             WHERE r.staff_id = ${input.staffId}::uuid AND s.active
               AND r.role = ANY(${`{${NAMED_PERSON_ROLES.join(',')}}`}::staff_role[])
               AND r.valid_from <= ${on}::date AND (r.valid_to IS NULL OR r.valid_to >= ${on}::date)`,
      );
      if (roles.length === 0) return refuse(new AppError('invalid_named_person'));
      const chosen = roles.find((r) => child.facts.currentEnrollmentUnitIds.includes(r.unit_id)) ?? roles[0]!;
      // Record the stage the chain gives today, so the daily job keeps this choice until the stage or school changes.
      const [facts] = await queryRows<BatchChild>(tx, batchQuery(on, sql`c.id = ${childId}::uuid`, 1));
      const derived = deriveNamedPerson(profile, {
        childId,
        birthDate: child.row.birth_date,
        today: on,
        enrollments: facts?.enrollments ?? [],
        candidates: await loadCandidates(tx, on),
      });
      row = {
        status: 'assigned',
        staffId: input.staffId,
        unitId: chosen.unit_id,
        stageKey: derived.kind === 'assigned' ? derived.stageKey : (derived.stageKey ?? null),
        stageUnitId: derived.kind === 'assigned' ? derived.unitId : (derived.unitId ?? chosen.unit_id),
      };
    } else {
      row = { status: 'declined', staffId: null, unitId: null, stageKey: null, stageUnitId: null };
    }
    if (current) {
      await tx.execute(sql`UPDATE named_person_assignments SET valid_to = now() WHERE id = ${current.id}::uuid`);
    }
    await tx.execute(sql`
      INSERT INTO named_person_assignments
             (municipality_id, child_id, status, staff_id, unit_id, stage_key, stage_unit_id, reason, note, created_by)
      VALUES (${child.row.municipality_id}::uuid, ${childId}::uuid, ${row.status}, ${row.staffId}::uuid, ${row.unitId}::uuid,
              ${row.stageKey}, ${row.stageUnitId}::uuid, ${input.action === 'assign' ? 'manual' : 'declined'}::named_person_reason,
              ${input.reason.trim()}, ${actor.staffId}::uuid)`);
    await recordAuditEvent(tx, {
      actor,
      action: 'named_person.assign',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'named_person',
      details: { action: input.action, staffId: row.staffId },
    });
    // Open concerns sent to the previous named person follow the new one; after a decline they stay.
    if (current?.status === 'assigned' && current.staff_id && row.status === 'assigned' && row.staffId && row.unitId) {
      await forwardOpenConcerns(tx, [{ childId, fromStaffId: current.staff_id, toStaffId: row.staffId, toUnitId: row.unitId }], actor);
    }
    return namedPersonDetail(tx, childId, profile, child.identityVisible);
  });
}

export type NamedPersonContact = {
  status: 'assigned' | 'declined' | 'none';
  contact: { name: string; title: LocalizedText; unitName: string | null; phone: string | null } | null;
};

/**
 * "Who is the named person for this personal identity number?" – any signed-in
 * professional may ask and gets only the contact. A child with protected
 * identity is found only by those allowed to see it.
 */
export async function lookUpNamedPerson(options: { db: Db; actor: Actor; personnummer: string }): Promise<NamedPersonContact> {
  const { db, actor } = options;
  if (!canLookUpNamedPerson(actor)) throw new AppError('forbidden');
  const parsed = parsePersonnummer(options.personnummer);
  if (!parsed.ok) throw new AppError('invalid_personnummer', { message: personnummerErrorMessage(parsed.reason) });
  return runUseCase(db, async (tx) => {
    const [found] = await queryRows<{ id: string; municipality_id: string; protected_identity: boolean }>(
      tx,
      sql`SELECT id, municipality_id, protected_identity FROM children WHERE personnummer = ${parsed.value.normalized}`,
    );
    const facts = found ? (await loadChildAccess(tx, found.id))?.facts : null;
    if (!found || !facts || !canSeeProtectedIdentity(actor, facts)) {
      await recordAuditEvent(tx, {
        actor,
        action: 'named_person.lookup',
        outcome: 'denied',
        childId: found?.id ?? null,
        municipalityId: found?.municipality_id ?? null,
        details: { found: Boolean(found) },
      });
      return refuse(new AppError('not_found'));
    }
    const profile = await profileOfMunicipality(tx, found.municipality_id);
    const detail = await namedPersonDetail(tx, found.id, profile, true);
    await recordAuditEvent(tx, {
      actor,
      action: 'named_person.lookup',
      outcome: 'allowed',
      childId: found.id,
      municipalityId: found.municipality_id,
      resourceType: 'named_person',
    });
    return {
      status: detail.status,
      contact:
        detail.status === 'assigned'
          ? { name: detail.name ?? '', title: detail.title ?? profile.namedPersonTitle, unitName: detail.unitName ?? null, phone: detail.phone ?? null }
          : null,
    };
  });
}

/**
 * Professionals for a picker: by default those who can hold the named-person
 * function; with `scope: 'team'` anyone who works with children (for the team).
 * One row per role held, so the caller gets the unit to pick with the person.
 */
export async function searchStaff(options: { db: Db; actor: Actor; search?: string; limit?: number; scope?: 'named_person' | 'team' }) {
  const { db, search } = options;
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 50);
  const on = todayInZone();
  const roles = options.scope === 'team' ? CHILD_FACING_ROLES : NAMED_PERSON_ROLES;
  const text = search?.trim().toLowerCase() ?? '';
  const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const rows = await queryRows<{ id: string; given_name: string; family_name: string; title: string | null; unit_id: string; unit_name: string; agency_type: string; role: StaffRole }>(
    db,
    sql`SELECT s.id, s.given_name, s.family_name, s.title, u.id AS unit_id, u.name AS unit_name, u.agency_type, r.role
          FROM staff s JOIN staff_roles r ON r.staff_id = s.id JOIN units u ON u.id = r.unit_id
         WHERE s.active AND r.role = ANY(${`{${roles.join(',')}}`}::staff_role[])
           AND r.valid_from <= ${on}::date AND (r.valid_to IS NULL OR r.valid_to >= ${on}::date)
           AND (${text} = '' OR lower(s.given_name || ' ' || s.family_name) LIKE ${like} OR lower(u.name) LIKE ${like})
         ORDER BY s.family_name, s.given_name, s.id, u.name
         LIMIT ${limit}`,
  );
  const profile = await loadProfile(db, null);
  return rows.map((r) => ({
    id: r.id,
    name: `${r.given_name} ${r.family_name}`,
    title: r.title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    agencyType: r.agency_type,
    roleTitle: profile.roleTitles[r.role] ?? { sv: r.role, en: r.role },
  }));
}
