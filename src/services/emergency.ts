/**
 * Emergency access ("break the glass", rule 6): a professional who works with
 * children states a reason and gets read access to one child for a few hours –
 * protected identity included, since emergencies override. Reads under it carry
 * the basis `emergency` (see `canReadBasicRecord`). Every grant waits for a
 * manager of the child's municipality to review it as justified or not.
 */
import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { uuidArray } from '../db/queries/access.ts';
import { emergencyAccesses } from '../db/schema/index.ts';
import { type Actor, childFacingUnitIds, isManagerIn } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { parsePersonnummer, personnummerErrorMessage } from '../domain/personnummer.ts';
import { recordAuditEvent } from './audit.ts';
import { refuse, runUseCase } from './use-case.ts';

export const DEFAULT_EMERGENCY_HOURS = 4;
export const MAX_EMERGENCY_HOURS = 24;

export type EmergencyGrant = { id: string; childId: string; expiresAt: string };

export type EmergencyReviewOutcome = 'justified' | 'not_justified';

export type EmergencyAccessView = {
  id: string;
  childId: string;
  staff: { id: string; name: string; title: string | null };
  unit: { id: string; name: string } | null;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  active: boolean;
  review: { outcome: EmergencyReviewOutcome; comment: string | null; reviewedBy: string | null; reviewedAt: string } | null;
};

const iso = (value: Date | string) => new Date(value).toISOString();

/** Grants the actor time-limited access to the child with this personal identity number. */
export async function grantEmergencyAccess(options: {
  db: Db;
  actor: Actor;
  input: { personnummer: string; reason: string; hours?: number };
}): Promise<EmergencyGrant> {
  const { db, actor, input } = options;
  const parsed = parsePersonnummer(input.personnummer);
  if (!parsed.ok) throw new AppError('invalid_personnummer', { message: personnummerErrorMessage(parsed.reason) });
  const hours = input.hours ?? DEFAULT_EMERGENCY_HOURS;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_EMERGENCY_HOURS) {
    throw new AppError('validation_failed', {
      message: { sv: 'Ange 1–24 timmar.', en: 'Give 1–24 hours.' },
      details: { field: 'hours' },
    });
  }
  return runUseCase(db, async (tx) => {
    const [child] = await queryRows<{ id: string; municipality_id: string }>(
      tx,
      sql`SELECT id, municipality_id FROM children WHERE personnummer = ${parsed.value.normalized}`,
    );
    const units = childFacingUnitIds(actor);
    if (!child || units.length === 0) {
      await recordAuditEvent(tx, {
        actor,
        action: 'emergency_access.grant',
        outcome: 'denied',
        childId: child?.id ?? null,
        municipalityId: child?.municipality_id ?? null,
        resourceType: 'emergency_access',
        details: { found: Boolean(child), childFacingRole: units.length > 0 },
      });
      // Without a child-facing role the answer is the same for every number, so it reveals nothing.
      return refuse(new AppError(units.length === 0 ? 'forbidden' : 'not_found'));
    }
    const unitId = actor.primaryUnitId && units.includes(actor.primaryUnitId) ? actor.primaryUnitId : units[0]!;
    const [created] = await queryRows<{ id: string; expires_at: Date | string }>(
      tx,
      sql`INSERT INTO emergency_accesses (municipality_id, child_id, staff_id, unit_id, reason, expires_at)
          VALUES (${child.municipality_id}::uuid, ${child.id}::uuid, ${actor.staffId}::uuid, ${unitId}::uuid,
                  ${input.reason.trim()}, now() + make_interval(hours => ${hours}::int))
          RETURNING id, expires_at`,
    );
    await recordAuditEvent(tx, {
      actor,
      action: 'emergency_access.grant',
      outcome: 'allowed',
      childId: child.id,
      municipalityId: child.municipality_id,
      resourceType: 'emergency_access',
      resourceId: created!.id,
      purpose: 'emergency',
      details: { basis: 'emergency', hours, expiresAt: iso(created!.expires_at) },
    });
    return { id: created!.id, childId: child.id, expiresAt: iso(created!.expires_at) };
  });
}

/** Municipalities where the actor is a manager. */
function managedMunicipalities(actor: Actor): string[] {
  return [...new Set(actor.roles.filter((r) => r.role === 'manager').map((r) => r.municipalityId))];
}

type GrantRow = {
  id: string;
  municipality_id: string;
  child_id: string;
  staff_id: string;
  staff_name: string;
  staff_title: string | null;
  unit_id: string | null;
  unit_name: string | null;
  reason: string;
  granted_at: Date | string;
  expires_at: Date | string;
  active: boolean;
  review_outcome: EmergencyReviewOutcome | null;
  review_comment: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | string | null;
};

const grantSelect = sql`SELECT ea.id, ea.municipality_id, ea.child_id, ea.staff_id,
       s.given_name || ' ' || s.family_name AS staff_name, s.title AS staff_title,
       ea.unit_id, u.name AS unit_name, ea.reason, ea.granted_at, ea.expires_at, ea.expires_at > now() AS active,
       ea.review_outcome, ea.review_comment, rb.given_name || ' ' || rb.family_name AS reviewed_by_name, ea.reviewed_at
  FROM emergency_accesses ea
  JOIN staff s ON s.id = ea.staff_id
  LEFT JOIN units u ON u.id = ea.unit_id
  LEFT JOIN staff rb ON rb.id = ea.reviewed_by`;

function presentGrant(r: GrantRow): EmergencyAccessView {
  return {
    id: r.id,
    childId: r.child_id,
    staff: { id: r.staff_id, name: r.staff_name, title: r.staff_title },
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
    reason: r.reason,
    grantedAt: iso(r.granted_at),
    expiresAt: iso(r.expires_at),
    active: r.active,
    review:
      r.review_outcome && r.reviewed_at
        ? { outcome: r.review_outcome, comment: r.review_comment, reviewedBy: r.reviewed_by_name, reviewedAt: iso(r.reviewed_at) }
        : null,
  };
}

/**
 * The review list for managers: emergency accesses to children of their
 * municipalities, oldest unreviewed first (reviewed ones newest first).
 * Child ids only – a manager reads child records only through rules 1–7.
 */
export async function listEmergencyAccesses(options: {
  db: Db;
  actor: Actor;
  reviewed?: boolean;
  limit?: number;
}): Promise<{ items: EmergencyAccessView[] }> {
  const { db, actor } = options;
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 200);
  const municipalities = managedMunicipalities(actor);
  return runUseCase(db, async (tx) => {
    if (municipalities.length === 0) {
      await recordAuditEvent(tx, {
        actor,
        action: 'emergency_access.review',
        outcome: 'denied',
        resourceType: 'emergency_access',
        details: { list: true },
      });
      return refuse(new AppError('forbidden'));
    }
    const reviewed =
      options.reviewed === undefined ? sql`TRUE` : options.reviewed ? sql`ea.reviewed_at IS NOT NULL` : sql`ea.reviewed_at IS NULL`;
    const rows = await queryRows<GrantRow>(
      tx,
      sql`${grantSelect}
           WHERE ea.municipality_id = ANY(${uuidArray(municipalities)}) AND ${reviewed}
           ORDER BY (ea.reviewed_at IS NULL) DESC,
                    CASE WHEN ea.reviewed_at IS NULL THEN ea.granted_at END ASC,
                    ea.granted_at DESC, ea.id
           LIMIT ${limit}`,
    );
    // The list shows child ids and reasons: a read of child data, logged with every child it returned.
    await recordAuditEvent(tx, {
      actor,
      action: 'emergency_access.review',
      outcome: 'allowed',
      childIds: rows.map((r) => r.child_id),
      resourceType: 'emergency_access',
      details: { list: true, reviewed: options.reviewed ?? null, grantIds: rows.map((r) => r.id) },
    });
    return { items: rows.map(presentGrant) };
  });
}

/** A manager of the child's municipality records whether the emergency access was justified. Once. */
export async function reviewEmergencyAccess(options: {
  db: Db;
  actor: Actor;
  grantId: string;
  input: { outcome: EmergencyReviewOutcome; comment: string };
}): Promise<EmergencyAccessView> {
  const { db, actor, grantId, input } = options;
  return runUseCase(db, async (tx) => {
    const [grant] = await queryRows<{ municipality_id: string; child_id: string; reviewed_at: Date | null }>(
      tx,
      sql`SELECT municipality_id, child_id, reviewed_at FROM emergency_accesses WHERE id = ${grantId}::uuid FOR UPDATE`,
    );
    if (!grant || !isManagerIn(actor, grant.municipality_id)) {
      await recordAuditEvent(tx, {
        actor,
        action: 'emergency_access.review',
        outcome: 'denied',
        childId: grant?.child_id ?? null,
        municipalityId: grant?.municipality_id ?? null,
        resourceType: 'emergency_access',
        resourceId: grantId,
      });
      return refuse(new AppError('not_found'));
    }
    if (grant.reviewed_at) {
      return refuse(
        new AppError('conflict', {
          message: { sv: 'Nödåtkomsten är redan granskad.', en: 'The emergency access has already been reviewed.' },
        }),
      );
    }
    await tx
      .update(emergencyAccesses)
      .set({ reviewOutcome: input.outcome, reviewComment: input.comment.trim(), reviewedBy: actor.staffId, reviewedAt: new Date() })
      .where(eq(emergencyAccesses.id, grantId));
    const [row] = await queryRows<GrantRow>(tx, sql`${grantSelect} WHERE ea.id = ${grantId}::uuid`);
    await recordAuditEvent(tx, {
      actor,
      action: 'emergency_access.review',
      outcome: 'allowed',
      childId: grant.child_id,
      municipalityId: grant.municipality_id,
      resourceType: 'emergency_access',
      resourceId: grantId,
      details: { outcome: input.outcome },
    });
    return presentGrant(row!);
  });
}
