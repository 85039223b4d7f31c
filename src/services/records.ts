/**
 * The team around a child (minimal: who is in it, on which consent) and the
 * generic record of child information (notes). Every read is decided by
 * `domain/access` – lists through `recordReadableSql` – and audited.
 */
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows } from '../db/client.ts';
import { recordReadableSql } from '../db/queries/access.ts';
import { notes, teamMembers } from '../db/schema/index.ts';
import {
  type Actor,
  canManageTeam,
  canReadBasicRecord,
  canReadRecord,
  canWriteRecord,
  childFacingUnitIds,
  type RecordFacts,
} from '../domain/access.ts';
import { consentCoversRecipient, type InformationCategory } from '../domain/consent.ts';
import { AppError } from '../domain/errors.ts';
import { type AgencyType, CHILD_FACING_ROLES } from '../domain/types.ts';
import { accessTimeNow, loadChildAccess } from './access-facts.ts';
import { type AuditAction, recordAuditEvent } from './audit.ts';
import { refuse, runUseCase } from './use-case.ts';

const CHILD_FACING_ROLE_LIST = `{${CHILD_FACING_ROLES.join(',')}}`;

/** Loads the child and checks the basic-record rule; records a denial and refuses with 404 otherwise. */
export async function readableChild(tx: Parameters<Parameters<Db['transaction']>[0]>[0], actor: Actor, childId: string, action: AuditAction) {
  const at = accessTimeNow();
  const child = await loadChildAccess(tx, childId, at);
  if (!child || !canReadBasicRecord(actor, child.facts).allowed) {
    await recordAuditEvent(tx, { actor, action, outcome: 'denied', childId: child ? childId : null, municipalityId: child?.row.municipality_id ?? null });
    return refuse(new AppError('not_found'));
  }
  return { ...child, at };
}

/**
 * The unit's agency and name when the professional (an active account)
 * currently holds a role that works with children there; otherwise null.
 * Joining a child's team, leading it, or sitting in a standing team needs this.
 */
export async function childFacingRoleAt(db: Queryable, staffId: string, unitId: string, today: string): Promise<{ agencyType: AgencyType; unitName: string } | null> {
  const [row] = await queryRows<{ agency_type: AgencyType; unit_name: string }>(
    db,
    sql`SELECT u.agency_type, u.name AS unit_name FROM staff_roles r JOIN units u ON u.id = r.unit_id JOIN staff s ON s.id = r.staff_id
         WHERE r.staff_id = ${staffId}::uuid AND r.unit_id = ${unitId}::uuid AND s.active
           AND r.role = ANY(${CHILD_FACING_ROLE_LIST}::staff_role[])
           AND r.valid_from <= ${today}::date AND (r.valid_to IS NULL OR r.valid_to >= ${today}::date)
         LIMIT 1`,
  );
  return row ? { agencyType: row.agency_type, unitName: row.unit_name } : null;
}

export const notWorkingWithChildrenThere = (field: string) =>
  new AppError('validation_failed', {
    message: { sv: 'Personen arbetar inte med barn på den enheten.', en: 'That person does not work with children at that unit.' },
    details: { field },
  });

// ── Team ────────────────────────────────────────────────────────────────────

export async function listTeam(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'team.read');
    if ('error' in child) return child;
    const rows = await queryRows<{ id: string; staff_id: string; name: string; title: string | null; unit_id: string; unit_name: string; agency_type: AgencyType; added_at: Date }>(
      tx,
      sql`SELECT tm.id, tm.staff_id, s.given_name || ' ' || s.family_name AS name, s.title, tm.unit_id, u.name AS unit_name,
                 u.agency_type, tm.added_at
            FROM team_members tm JOIN staff s ON s.id = tm.staff_id JOIN units u ON u.id = tm.unit_id
           WHERE tm.child_id = ${childId}::uuid AND tm.removed_at IS NULL ORDER BY tm.added_at`,
    );
    await recordAuditEvent(tx, { actor, action: 'team.read', outcome: 'allowed', childId, municipalityId: child.row.municipality_id });
    return {
      items: rows.map((r) => ({
        id: r.id,
        staffId: r.staff_id,
        name: r.name,
        title: r.title,
        unitId: r.unit_id,
        unitName: r.unit_name,
        agencyType: r.agency_type,
        addedAt: new Date(r.added_at).toISOString(),
        // Whether an active consent still covers this member (withdrawal shows at once).
        covered: child.facts.activeConsents.some((c) => consentCoversRecipient(c, { unitId: r.unit_id, agencyType: r.agency_type })),
      })),
    };
  });
}

/** Adds a professional to the child's team; only when an active consent covers their unit or agency. */
export async function addTeamMember(options: { db: Db; actor: Actor; childId: string; staffId: string; unitId: string }) {
  const { db, actor, childId, staffId, unitId } = options;
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'team.add_member');
    if ('error' in child) return child;
    if (!canManageTeam(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'team.add_member', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('forbidden'));
    }
    const member = await childFacingRoleAt(tx, staffId, unitId, child.at.today);
    if (!member) return refuse(notWorkingWithChildrenThere('staffId'));
    const covered = child.facts.activeConsents.some((c) => consentCoversRecipient(c, { unitId, agencyType: member.agencyType }));
    if (!covered) {
      await recordAuditEvent(tx, { actor, action: 'team.add_member', outcome: 'denied', childId, municipalityId: child.row.municipality_id, details: { reason: 'consent_missing', agencyType: member.agencyType } });
      return refuse(
        new AppError('consent_missing', {
          message: {
            sv: `Det finns inget aktivt samtycke som låter ${member.unitName} (${member.agencyType}) ingå i barnets team. Be vårdnadshavarna om samtycke först.`,
            en: `No active consent lets ${member.unitName} (${member.agencyType}) join the child's team. Ask the guardians for consent first.`,
          },
          details: { unitId, agencyType: member.agencyType },
        }),
      );
    }
    const [existing] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM team_members WHERE child_id = ${childId}::uuid AND staff_id = ${staffId}::uuid AND unit_id = ${unitId}::uuid AND removed_at IS NULL`,
    );
    if (existing) return refuse(new AppError('conflict', { message: { sv: 'Personen ingår redan i teamet.', en: 'The person is already in the team.' } }));
    const [created] = await tx
      .insert(teamMembers)
      .values({ municipalityId: child.row.municipality_id, childId, staffId, unitId, addedBy: actor.staffId })
      .returning({ id: teamMembers.id });
    await recordAuditEvent(tx, { actor, action: 'team.add_member', outcome: 'allowed', childId, municipalityId: child.row.municipality_id, resourceType: 'team_member', resourceId: created!.id, details: { staffId, unitId } });
    return { id: created!.id };
  });
}

export async function removeTeamMember(options: { db: Db; actor: Actor; childId: string; memberId: string }) {
  const { db, actor, childId, memberId } = options;
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'team.remove_member');
    if ('error' in child) return child;
    if (!canManageTeam(actor, child.facts).allowed) return refuse(new AppError('forbidden'));
    const [removed] = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE team_members SET removed_at = now() WHERE id = ${memberId}::uuid AND child_id = ${childId}::uuid AND removed_at IS NULL RETURNING id`,
    );
    if (!removed) return refuse(new AppError('not_found'));
    await recordAuditEvent(tx, { actor, action: 'team.remove_member', outcome: 'allowed', childId, municipalityId: child.row.municipality_id, resourceType: 'team_member', resourceId: memberId });
    return { id: memberId, removed: true as const };
  });
}

// ── Notes: the generic record ───────────────────────────────────────────────

export type NoteView = {
  id: string;
  childId: string;
  category: InformationCategory;
  title: string;
  body: string;
  owningUnitId: string;
  owningUnitName: string;
  author: string;
  createdAt: string;
};

type NoteRow = {
  id: string;
  child_id: string;
  municipality_id: string;
  category: InformationCategory;
  title: string;
  body: string;
  owning_unit_id: string;
  unit_name: string;
  agency_type: AgencyType;
  organisation_id: string;
  author: string;
  created_at: Date;
};

const noteSelect = sql`SELECT n.id, n.child_id, n.municipality_id, n.category, n.title, n.body, n.owning_unit_id,
       u.name AS unit_name, u.agency_type, u.organisation_id, s.given_name || ' ' || s.family_name AS author, n.created_at
  FROM notes n JOIN units u ON u.id = n.owning_unit_id JOIN staff s ON s.id = n.author_id`;

const presentNote = (r: NoteRow): NoteView => ({
  id: r.id,
  childId: r.child_id,
  category: r.category,
  title: r.title,
  body: r.body,
  owningUnitId: r.owning_unit_id,
  owningUnitName: r.unit_name,
  author: r.author,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Writes a note owned by one of the actor's units (default: a unit where the child is enrolled). */
export async function createNote(options: {
  db: Db;
  actor: Actor;
  childId: string;
  input: { category: InformationCategory; title: string; body: string; owningUnitId?: string };
}) {
  const { db, actor, childId, input } = options;
  return runUseCase(db, async (tx) => {
    const child = await readableChild(tx, actor, childId, 'note.create');
    if ('error' in child) return child;
    const ownUnits = childFacingUnitIds(actor);
    const owningUnitId =
      input.owningUnitId ??
      ownUnits.find((u) => child.facts.currentEnrollmentUnitIds.includes(u)) ??
      child.facts.teamMembers.find((m) => m.staffId === actor.staffId)?.unitId ??
      ownUnits[0];
    if (!owningUnitId || !canWriteRecord(actor, child.facts, owningUnitId).allowed) {
      await recordAuditEvent(tx, { actor, action: 'note.create', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('forbidden'));
    }
    const [created] = await tx
      .insert(notes)
      .values({ municipalityId: child.row.municipality_id, childId, owningUnitId, category: input.category, title: input.title.trim(), body: input.body.trim(), authorId: actor.staffId })
      .returning({ id: notes.id });
    await recordAuditEvent(tx, { actor, action: 'note.create', outcome: 'allowed', childId, municipalityId: child.row.municipality_id, resourceType: 'note', resourceId: created!.id, details: { category: input.category } });
    return { id: created!.id };
  });
}

/** The notes on a child that the actor may read (scoped in SQL by the same rules). */
export async function listNotes(options: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const child = await loadChildAccess(tx, childId, at);
    if (!child) {
      await recordAuditEvent(tx, { actor, action: 'note.list', outcome: 'denied', resourceType: 'child', resourceId: childId });
      return refuse(new AppError('not_found'));
    }
    const rows = await queryRows<NoteRow>(
      tx,
      sql`${noteSelect} WHERE n.child_id = ${childId}::uuid AND ${recordReadableSql(actor, 'n', at)} ORDER BY n.created_at DESC, n.id`,
    );
    if (rows.length === 0 && !canReadBasicRecord(actor, child.facts).allowed) {
      await recordAuditEvent(tx, { actor, action: 'note.list', outcome: 'denied', childId, municipalityId: child.row.municipality_id });
      return refuse(new AppError('not_found'));
    }
    await recordAuditEvent(tx, { actor, action: 'note.list', outcome: 'allowed', childId, municipalityId: child.row.municipality_id, details: { noteIds: rows.map((r) => r.id) } });
    return { items: rows.map(presentNote) };
  });
}

/** One note, if the actor may read it; otherwise 404 – and the denial is in the audit trail. */
export async function getNote(options: { db: Db; actor: Actor; noteId: string }) {
  const { db, actor, noteId } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const [row] = await queryRows<NoteRow>(tx, sql`${noteSelect} WHERE n.id = ${noteId}::uuid`);
    const child = row ? await loadChildAccess(tx, row.child_id, at) : null;
    const record: RecordFacts | null = row
      ? { kind: 'note', childId: row.child_id, owningUnitId: row.owning_unit_id, owningAgencyType: row.agency_type, owningOrganisationId: row.organisation_id, category: row.category }
      : null;
    const decision = row && child && record ? canReadRecord(actor, child.facts, record) : ({ allowed: false } as const);
    if (!row || !decision.allowed) {
      await recordAuditEvent(tx, { actor, action: 'note.read', outcome: 'denied', childId: row?.child_id ?? null, municipalityId: row?.municipality_id ?? null, resourceType: 'note', resourceId: noteId, details: { category: row?.category ?? null } });
      return refuse(new AppError('not_found'));
    }
    await recordAuditEvent(tx, { actor, action: 'note.read', outcome: 'allowed', childId: row.child_id, municipalityId: row.municipality_id, resourceType: 'note', resourceId: noteId, details: { basis: decision.basis, category: row.category } });
    return presentNote(row);
  });
}
