/**
 * The audit trail. Every read and write of child data, allowed or denied, is
 * recorded here in the same transaction as the work. Events form a hash chain:
 * each `hash` covers the event's content and the previous event's hash, so an
 * edited or deleted row breaks the chain and `verifyAuditChain` finds it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import type { Actor } from '../domain/access.ts';

/** Audit actions: one list, so reviewers can filter on stable names. */
export const AUDIT_ACTIONS = [
  /** A list or search of children; `childIds` holds every child returned. */
  'child.list',
  /** The basic record of one child was read. */
  'child.read',
  /** A child was registered. */
  'child.register',
  /** The named-person history of a child was read. */
  'named_person.history.read',
  /** A named person was assigned by hand, or the family's decline recorded. */
  'named_person.assign',
  /** Due handovers applied by the system job; `childIds` holds the children changed. */
  'named_person.handover',
  /** `samsyn check` (an operator, no actor): `childIds` holds the children it listed as having no named person. */
  'named_person.check',
  /** "Who is the named person for this personal identity number?" */
  'named_person.lookup',
  /** Login, good or bad (no child data, but security relevant). */
  'auth.login',
  /** A consent was recorded, read, or withdrawn (whole or one party). */
  'consent.record',
  'consent.list',
  'consent.withdraw',
  /** The team around a child: read, member added or removed. */
  'team.read',
  'team.add_member',
  'team.remove_member',
  /** Generic records of child information (notes). */
  'note.create',
  'note.list',
  'note.read',
  /** Wellbeing assessments (wheel, triangle, matrix, instruments): recorded, listed for a child (`assessmentIds`), read. */
  'assessment.create',
  'assessment.list',
  'assessment.read',
  /** Concerns (five questions → named person): raised, listed (`concernIds`), read (full or the raiser's status view), an action recorded. */
  'concern.create',
  'concern.list',
  'concern.read',
  'concern.action',
  /** The raise-a-concern form asked for a child's indicators (allowed: the child's profile; denied: answered with the actor's own). */
  'concern.form',
  /** The named person changed: open concerns sent to the old one moved to the new one (`concernIds`; actor null for the daily job). */
  'concern.forward',
  /** Reports of concern (orosanmälan): filed, listed by intake, read, received. */
  'report_of_concern.file',
  'report_of_concern.list',
  'report_of_concern.read',
  'report_of_concern.receive',
  /** Emergency access ("break the glass"): granted, listed for review, reviewed. Reads under it carry basis `emergency`. */
  'emergency_access.grant',
  'emergency_access.review',
  /** De-identified consultations: created, linked to a child once consent exists. */
  'consultation.create',
  'consultation.link',
  /** The lead professional (stödsamordnare): appointed or changed (history kept); the history read. */
  'lead_professional.appoint',
  'lead_professional.read',
  /** The intervention catalogue (not child data; writes audited as changes to what units offer). */
  'intervention.create',
  'intervention.update',
  /** The child's plan: created, listed (`planIds`), read (a version, the versions, the diff), saved (a new version), status changed, reviewed, an action updated by its unit, exported (`format`). */
  'plan.create',
  'plan.list',
  'plan.read',
  'plan.save',
  'plan.status',
  'plan.review',
  'plan.action_update',
  'plan.export',
  /** Standing teams and meetings: agenda points with a child (consent), family invitations, attendance, minutes per child; the iCalendar feed (no child data in it). */
  'standing_team.create',
  'standing_team.member',
  'meeting.create',
  'meeting.cancel',
  'meeting.read',
  'meeting.agenda_add',
  'meeting.invite_family',
  'meeting.attendance',
  'meeting.minutes_write',
  'meeting.minutes_read',
  'calendar.feed',
  /** The audit trail itself: searched, reviewed, verified; a family's access extract. */
  'audit.search',
  'audit.review',
  'audit.verify',
  'audit.extract',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEventInput = {
  actor: Actor | null;
  action: AuditAction;
  outcome: 'allowed' | 'denied';
  municipalityId?: string | null;
  childId?: string | null;
  childIds?: string[] | null;
  resourceType?: string | null;
  resourceId?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown> | null;
};

export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 727_275;

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type HashedFields = {
  occurredAt: Date;
  actorId: string | null;
  actorUnitId: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  municipalityId: string | null;
  childId: string | null;
  childIds: string[] | null;
  resourceType: string | null;
  resourceId: string | null;
  purpose: string | null;
  details: unknown;
};

/** The event's hashed content: its fields in a fixed order, as canonical JSON. */
function eventContent(fields: HashedFields): string {
  return canonicalJson([
    fields.occurredAt.toISOString(),
    fields.actorId,
    fields.actorUnitId,
    fields.action,
    fields.outcome,
    fields.municipalityId,
    fields.childId,
    fields.childIds,
    fields.resourceType,
    fields.resourceId,
    fields.purpose,
    fields.details ?? null,
  ]);
}

/** SHA-256 over the previous hash, a newline and the event's content (hex). `recordAuditEvent` computes the same in SQL. */
export function hashEvent(fields: HashedFields, prevHash: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(eventContent(fields)).digest('hex');
}

const benchmarkBypass = new AsyncLocalStorage<true>();

/**
 * UNSAFE – for the audit-overhead benchmark only (bench/server.ts): runs `work`
 * with audit writes skipped, so the same request can be timed with and without
 * its audit event. Nothing under src/ may call it (a test enforces this).
 */
export function unsafeWithoutAuditForBenchmark<T>(work: () => Promise<T>): Promise<T> {
  return benchmarkBypass.run(true, work);
}

/**
 * Appends one event to the chain. Call it inside the transaction that does the
 * work: the event commits or rolls back with it. The chain lock is held until
 * that transaction ends, so call it as the last step.
 */
export async function recordAuditEvent(tx: Queryable, input: AuditEventInput): Promise<void> {
  if (benchmarkBypass.getStore()) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const fields: HashedFields = {
    occurredAt: new Date(),
    actorId: input.actor?.staffId ?? null,
    actorUnitId: input.actor?.primaryUnitId ?? null,
    action: input.action,
    outcome: input.outcome,
    municipalityId: input.municipalityId ?? null,
    childId: input.childId ?? null,
    childIds: input.childIds ?? null,
    resourceType: input.resourceType ?? null,
    resourceId: input.resourceId ?? null,
    purpose: input.purpose ?? null,
    details: input.details ?? null,
  };
  // One statement after the lock: it reads the newest hash under a snapshot taken after the lock was granted
  // (READ COMMITTED takes one per statement), so it always sees the event the previous holder committed.
  // The hash is the same SHA-256 that `hashEvent` computes – verify recomputes it in JS.
  const prev = sql`coalesce((SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1), ${GENESIS_HASH})`;
  await tx.insert(auditEvents).values({
    ...fields,
    details: fields.details as Record<string, unknown> | null,
    prevHash: prev,
    hash: sql`encode(sha256(convert_to(${prev} || E'\n' || ${eventContent(fields)}, 'UTF8')), 'hex')`,
  });
}

export type ChainVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: number; problem: 'content_changed' | 'link_broken' };

/** Walks the whole chain in order and reports the first broken link. */
export async function verifyAuditChain(db: Queryable, batchSize = 5_000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, afterSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, brokenAtSeq: row.seq, problem: 'link_broken' };
      if (hashEvent(row, row.prevHash) !== row.hash) {
        return { ok: false, checked, brokenAtSeq: row.seq, problem: 'content_changed' };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
  }
}
