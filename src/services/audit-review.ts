/**
 * Using the audit trail: verifying the chain, searching it, the systematic
 * review (flagged events and a random sample), and the family's access extract
 * ("who accessed my child's data – unit and time").
 *
 * Log reviewers see who, what, when and which child (by id) – never record
 * content and never a child's name: events hold no content by design, and these
 * queries join staff and units only, never `children`. Every use is itself
 * audited. Reviewing writes `audit_reviews` and never touches `audit_events`, so
 * the hash chain stays intact.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { uuidArray } from '../db/queries/access.ts';
import { auditReviews } from '../db/schema/index.ts';
import { type Actor, canReadBasicRecord, canVerifyAuditTrail, isLogReviewer, isNamedPerson } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import type { LocalizedText } from '../domain/types.ts';
import { loadChildAccess } from './access-facts.ts';
import { type AuditAction, type ChainVerification, recordAuditEvent, verifyAuditChain } from './audit.ts';
import { timeZone } from './clock.ts';
import { refuse, runUseCase } from './use-case.ts';

/** The deployment's time zone: a date filter means that local day. Same default as `clock.ts`. */

export const MAX_AUDIT_PAGE = 100;
/** Flagged events returned by one review-queue request (oldest first, so none is left behind). */
export const MAX_FLAGGED = 200;
/** The window the random sample is drawn from. */
export const SAMPLE_WINDOW_DAYS = 30;
/** Rows (unit × hour × action) in one access extract. */
export const MAX_EXTRACT_ROWS = 2_000;

// ── Presenting events ────────────────────────────────────────────────────────

export type AuditEventView = {
  seq: number;
  occurredAt: string;
  actor: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
  action: string;
  outcome: 'allowed' | 'denied';
  /** The one child the event is about; list events carry `childCount` instead. */
  childId: string | null;
  /** For list events: how many children the answer contained. */
  childCount: number | null;
  purpose: string | null;
  /** The sharing basis the access rested on (e.g. `emergency`), when recorded. */
  basis: string | null;
  reviewed: boolean;
  review: { comment: string; selectedAs: 'flagged' | 'sample'; reviewedAt: string; reviewer: { id: string; name: string } } | null;
};

type EventRow = {
  seq: string;
  occurred_at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  actor_unit_id: string | null;
  unit_name: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  child_id: string | null;
  child_count: number | null;
  purpose: string | null;
  basis: string | null;
  review_comment: string | null;
  review_selected_as: 'flagged' | 'sample' | null;
  reviewed_at: Date | string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
};

/** Columns of an event `e` for reviewers: no details beyond the basis, no child data. */
const EVENT_COLUMNS = sql`e.seq::text AS seq, e.occurred_at, e.actor_id,
       s.given_name || ' ' || s.family_name AS actor_name, e.actor_unit_id, u.name AS unit_name,
       e.action, e.outcome, e.child_id, cardinality(e.child_ids) AS child_count, e.purpose,
       e.details->>'basis' AS basis,
       r.comment AS review_comment, r.selected_as AS review_selected_as, r.reviewed_at, r.reviewer_id,
       rs.given_name || ' ' || rs.family_name AS reviewer_name`;

const EVENT_JOINS = sql`LEFT JOIN staff s ON s.id = e.actor_id
       LEFT JOIN units u ON u.id = e.actor_unit_id
       LEFT JOIN audit_reviews r ON r.event_seq = e.seq
       LEFT JOIN staff rs ON rs.id = r.reviewer_id`;

const iso = (value: Date | string) => new Date(value).toISOString();

function presentEvent(row: EventRow): AuditEventView {
  return {
    seq: Number(row.seq),
    occurredAt: iso(row.occurred_at),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    unit: row.actor_unit_id ? { id: row.actor_unit_id, name: row.unit_name ?? '' } : null,
    action: row.action,
    outcome: row.outcome,
    childId: row.child_id,
    childCount: row.child_count,
    purpose: row.purpose,
    basis: row.basis,
    reviewed: row.review_comment !== null,
    review:
      row.review_comment !== null && row.review_selected_as && row.reviewed_at && row.reviewer_id
        ? {
            comment: row.review_comment,
            selectedAs: row.review_selected_as,
            reviewedAt: iso(row.reviewed_at),
            reviewer: { id: row.reviewer_id, name: row.reviewer_name ?? '' },
          }
        : null,
  };
}

// ── Filters ─────────────────────────────────────────────────────────────────

/** A date (YYYY-MM-DD, a whole local day) or an ISO instant with offset. */
export type DateOrInstant = string;

const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `occurred_at` on or after `from`: a date means from the start of that local day. */
function fromSql(column: SQL, from: DateOrInstant): SQL {
  return isDateOnly(from)
    ? sql`${column} >= ((${from}::date)::timestamp AT TIME ZONE ${timeZone()})`
    : sql`${column} >= ${from}::timestamptz`;
}

/** `occurred_at` up to `to`: a date includes the whole of that local day. */
function toSql(column: SQL, to: DateOrInstant): SQL {
  return isDateOnly(to)
    ? sql`${column} < ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone()})`
    : sql`${column} <= ${to}::timestamptz`;
}

/** The event `e` concerns the child: as its one child, or among the children a list returned. */
function concernsChildSql(childId: string): SQL {
  return sql`(e.child_id = ${childId}::uuid OR e.child_ids @> ${uuidArray([childId])})`;
}

/** The cursor is the last event's sequence number. */
function encodeCursor(seq: number): string {
  return Buffer.from(`a1:${seq}`).toString('base64url');
}

function decodeCursor(raw: string): number {
  const match = /^a1:(\d{1,15})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!match) throw new AppError('invalid_cursor');
  return Number(match[1]);
}

// ── Verify ──────────────────────────────────────────────────────────────────

/**
 * Walks the whole chain and reports the first broken link. Runs outside the
 * audited transaction (a long read must not hold the chain lock); the result is
 * then recorded as an `audit.verify` event.
 */
export async function verifyAuditTrail(options: { db: Db; actor: Actor }): Promise<ChainVerification> {
  const { db, actor } = options;
  if (!canVerifyAuditTrail(actor)) {
    return runUseCase<never>(db, async (tx) => {
      await recordAuditEvent(tx, { actor, action: 'audit.verify', outcome: 'denied' });
      return refuse(new AppError('forbidden'));
    });
  }
  const result = await verifyAuditChain(db);
  await runUseCase(db, async (tx) => {
    await recordAuditEvent(tx, { actor, action: 'audit.verify', outcome: 'allowed', details: { ...result } });
  });
  return result;
}

// ── Search ──────────────────────────────────────────────────────────────────

export type AuditSearchFilters = {
  childId?: string;
  /** The professional who acted. */
  actorId?: string;
  action?: AuditAction;
  outcome?: 'allowed' | 'denied';
  from?: DateOrInstant;
  to?: DateOrInstant;
  limit?: number;
  cursor?: string;
};

/** Refuses anyone but a log reviewer, recording the refusal. */
async function refuseUnlessLogReviewer(db: Db, actor: Actor, action: AuditAction): Promise<void> {
  if (isLogReviewer(actor)) return;
  await runUseCase<never>(db, async (tx) => {
    await recordAuditEvent(tx, { actor, action, outcome: 'denied' });
    return refuse(new AppError('forbidden'));
  });
}

/** Audit events, newest first, keyset-paginated on `seq`. Log reviewers only. */
export async function searchAuditEvents(options: {
  db: Db;
  actor: Actor;
  filters: AuditSearchFilters;
}): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const { db, actor, filters } = options;
  await refuseUnlessLogReviewer(db, actor, 'audit.search');
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), MAX_AUDIT_PAGE);
  const beforeSeq = filters.cursor ? decodeCursor(filters.cursor) : null;

  const where: SQL[] = [];
  if (filters.childId) where.push(concernsChildSql(filters.childId));
  if (filters.actorId) where.push(sql`e.actor_id = ${filters.actorId}::uuid`);
  if (filters.action) where.push(sql`e.action = ${filters.action}`);
  if (filters.outcome) where.push(sql`e.outcome = ${filters.outcome}`);
  if (filters.from) where.push(fromSql(sql`e.occurred_at`, filters.from));
  if (filters.to) where.push(toSql(sql`e.occurred_at`, filters.to));
  if (beforeSeq !== null) where.push(sql`e.seq < ${beforeSeq}`);

  return runUseCase(db, async (tx) => {
    const rows = await queryRows<EventRow>(
      tx,
      sql`SELECT ${EVENT_COLUMNS}
            FROM audit_events e ${EVENT_JOINS}
           WHERE ${where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`}
           ORDER BY e.seq DESC
           LIMIT ${limit + 1}`,
    );
    const page = rows.slice(0, limit).map(presentEvent);
    await recordAuditEvent(tx, {
      actor,
      action: 'audit.search',
      outcome: 'allowed',
      details: {
        childId: filters.childId ?? null,
        actorId: filters.actorId ?? null,
        action: filters.action ?? null,
        outcome: filters.outcome ?? null,
        from: filters.from ?? null,
        to: filters.to ?? null,
        limit,
        page: beforeSeq === null ? 'first' : 'next',
        returned: page.length,
      },
    });
    const last = page[page.length - 1];
    return { items: page, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
  });
}

// ── Systematic review ───────────────────────────────────────────────────────

/** Events that every review must look at: denials on a child, and anything done under emergency access. */
const FLAGGED_SQL = sql`((e.outcome = 'denied' AND (e.child_id IS NOT NULL OR cardinality(e.child_ids) > 0))
       OR e.details->>'basis' = 'emergency'
       OR e.action = 'emergency_access.grant')`;

const NOT_REVIEWED_SQL = sql`NOT EXISTS (SELECT 1 FROM audit_reviews ar WHERE ar.event_seq = e.seq)`;

export type ReviewQueueItem = AuditEventView & { selectedAs: 'flagged' | 'sample' };

/**
 * The review queue: (a) flagged events not yet reviewed, oldest first; (b) a
 * random sample of not-yet-reviewed allowed events on children by
 * professionals in the last 30 days. A reviewer's own actions are left out –
 * someone else reviews them.
 */
export async function getReviewQueue(options: {
  db: Db;
  actor: Actor;
  sample?: number;
}): Promise<{ items: ReviewQueueItem[]; moreFlagged: boolean }> {
  const { db, actor } = options;
  await refuseUnlessLogReviewer(db, actor, 'audit.search');
  const sample = Math.min(Math.max(options.sample ?? 20, 1), 100);
  const since = new Date(Date.now() - SAMPLE_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const notOwn = sql`e.actor_id IS DISTINCT FROM ${actor.staffId}::uuid`;

  return runUseCase(db, async (tx) => {
    const flagged = await queryRows<EventRow>(
      tx,
      sql`SELECT ${EVENT_COLUMNS}
            FROM audit_events e ${EVENT_JOINS}
           WHERE ${FLAGGED_SQL} AND ${NOT_REVIEWED_SQL} AND ${notOwn}
           ORDER BY e.seq ASC
           LIMIT ${MAX_FLAGGED + 1}`,
    );
    // ORDER BY random() over a bounded window: the sort keeps only `sample` rows in memory.
    const sampled = await queryRows<EventRow>(
      tx,
      sql`SELECT * FROM (
            SELECT ${EVENT_COLUMNS}
              FROM audit_events e ${EVENT_JOINS}
             WHERE e.occurred_at >= ${since.toISOString()}::timestamptz
               AND e.outcome = 'allowed' AND e.actor_id IS NOT NULL
               AND (e.child_id IS NOT NULL OR cardinality(e.child_ids) > 0)
               AND e.action NOT LIKE 'audit.%'
               AND NOT ${FLAGGED_SQL} AND ${NOT_REVIEWED_SQL} AND ${notOwn}
             ORDER BY random()
             LIMIT ${sample}) picked
          ORDER BY picked.seq::bigint`,
    );
    const items: ReviewQueueItem[] = [
      ...flagged.slice(0, MAX_FLAGGED).map((r) => ({ ...presentEvent(r), selectedAs: 'flagged' as const })),
      ...sampled.map((r) => ({ ...presentEvent(r), selectedAs: 'sample' as const })),
    ];
    await recordAuditEvent(tx, {
      actor,
      action: 'audit.search',
      outcome: 'allowed',
      details: { view: 'review_queue', sample, flagged: Math.min(flagged.length, MAX_FLAGGED), sampled: sampled.length },
    });
    return { items, moreFlagged: flagged.length > MAX_FLAGGED };
  });
}

/**
 * Records a log reviewer's review of one event. Once per event (409 after);
 * never one's own action. `audit_events` is not touched.
 */
export async function reviewAuditEvent(options: {
  db: Db;
  actor: Actor;
  seq: number;
  comment: string;
  selectedAs: 'flagged' | 'sample';
}): Promise<ReviewQueueItem> {
  const { db, actor, seq, selectedAs } = options;
  await refuseUnlessLogReviewer(db, actor, 'audit.review');
  const comment = options.comment.trim();
  return runUseCase(db, async (tx) => {
    const [event] = await queryRows<{ actor_id: string | null }>(tx, sql`SELECT actor_id FROM audit_events WHERE seq = ${seq}`);
    if (!event) return refuse(new AppError('not_found'));
    if (event.actor_id === actor.staffId) {
      await recordAuditEvent(tx, {
        actor,
        action: 'audit.review',
        outcome: 'denied',
        resourceType: 'audit_event',
        resourceId: String(seq),
        details: { reason: 'own_action' },
      });
      return refuse(
        new AppError('forbidden', {
          message: { sv: 'Du kan inte granska dina egna åtgärder.', en: 'You cannot review your own actions.' },
        }),
      );
    }
    const inserted = await tx
      .insert(auditReviews)
      .values({ eventSeq: seq, reviewerId: actor.staffId, selectedAs, comment })
      .onConflictDoNothing()
      .returning({ eventSeq: auditReviews.eventSeq });
    if (inserted.length === 0) {
      return refuse(
        new AppError('conflict', {
          message: { sv: 'Händelsen är redan granskad.', en: 'This event has already been reviewed.' },
        }),
      );
    }
    const [row] = await queryRows<EventRow>(tx, sql`SELECT ${EVENT_COLUMNS} FROM audit_events e ${EVENT_JOINS} WHERE e.seq = ${seq}`);
    await recordAuditEvent(tx, {
      actor,
      action: 'audit.review',
      outcome: 'allowed',
      resourceType: 'audit_event',
      resourceId: String(seq),
      details: { selectedAs },
    });
    return { ...presentEvent(row!), selectedAs };
  });
}

// ── The family's access extract ─────────────────────────────────────────────

/** Plain-language names of actions, for the family. */
export const ACTION_LABELS = {
  'child.list': { sv: 'Såg barnet i en lista eller sökning', en: 'Saw the child in a list or search' },
  'child.read': { sv: 'Öppnade barnets grunduppgifter', en: "Opened the child's basic details" },
  'child.register': { sv: 'Registrerade barnet', en: 'Registered the child' },
  'named_person.history.read': { sv: 'Läste vem som varit barnets kontaktperson', en: "Read who has been the child's named person" },
  'named_person.assign': { sv: 'Ändrade barnets kontaktperson', en: "Changed the child's named person" },
  'named_person.handover': { sv: 'Barnets kontaktperson byttes automatiskt', en: "The child's named person changed automatically" },
  'named_person.check': { sv: 'Kontroll av barn utan kontaktperson', en: 'Check for children without a named person' },
  'named_person.lookup': { sv: 'Frågade vem som är barnets kontaktperson', en: "Asked who the child's named person is" },
  'auth.login': { sv: 'Loggade in', en: 'Signed in' },
  'consent.record': { sv: 'Registrerade ett samtycke', en: 'Recorded a consent' },
  'consent.list': { sv: 'Läste barnets samtycken', en: "Read the child's consents" },
  'consent.withdraw': { sv: 'Registrerade att ett samtycke återkallades', en: 'Recorded that a consent was withdrawn' },
  'team.read': { sv: 'Läste vilka som finns i barnets nätverk', en: "Read who is in the child's team" },
  'team.add_member': { sv: 'Lade till någon i barnets nätverk', en: "Added someone to the child's team" },
  'team.remove_member': { sv: 'Tog bort någon från barnets nätverk', en: "Removed someone from the child's team" },
  'note.create': { sv: 'Skrev en anteckning', en: 'Wrote a note' },
  'note.list': { sv: 'Såg listan över anteckningar', en: 'Saw the list of notes' },
  'note.read': { sv: 'Läste en anteckning', en: 'Read a note' },
  'concern.create': { sv: 'Lämnade en oro om barnet till barnkontakten', en: "Raised a concern about the child with the named person" },
  'concern.list': { sv: 'Såg oro om barnet i en lista', en: 'Saw concerns about the child in a list' },
  'concern.read': { sv: 'Läste en oro om barnet', en: 'Read a concern about the child' },
  'concern.action': { sv: 'Registrerade vad som görs med en oro', en: 'Recorded what is done about a concern' },
  'concern.form': { sv: 'Hämtade välbefinnandeindikatorerna för barnet till en ny oro', en: "Fetched the child's wellbeing indicators for a new concern" },
  'concern.forward': { sv: 'En oro om barnet flyttades till den nya barnkontakten', en: "A concern about the child moved to the new named person" },
  'assessment.create': { sv: 'Gjorde en bedömning av barnets välbefinnande', en: "Recorded an assessment of the child's wellbeing" },
  'assessment.list': { sv: 'Såg bedömningar av barnets välbefinnande', en: "Saw assessments of the child's wellbeing" },
  'assessment.read': { sv: 'Läste en bedömning av barnets välbefinnande', en: "Read an assessment of the child's wellbeing" },
  'report_of_concern.file': { sv: 'Gjorde en orosanmälan till socialtjänsten', en: 'Made a report of concern to social services' },
  'report_of_concern.list': { sv: 'Såg orosanmälningar i en lista', en: 'Saw reports of concern in a list' },
  'report_of_concern.read': { sv: 'Läste en orosanmälan', en: 'Read a report of concern' },
  'report_of_concern.receive': { sv: 'Tog emot en orosanmälan', en: 'Received a report of concern' },
  'emergency_access.grant': { sv: 'Fick nödåtkomst till barnets uppgifter', en: "Was given emergency access to the child's information" },
  'emergency_access.review': { sv: 'Granskade en nödåtkomst', en: 'Reviewed an emergency access' },
  'consultation.create': { sv: 'Startade en konsultation', en: 'Started a consultation' },
  'consultation.link': { sv: 'Kopplade en konsultation till barnet', en: 'Linked a consultation to the child' },
  'lead_professional.appoint': { sv: 'Utsåg barnets stödsamordnare', en: "Appointed the child's lead professional" },
  'lead_professional.read': { sv: 'Läste vem som varit barnets stödsamordnare', en: "Read who has been the child's lead professional" },
  'intervention.create': { sv: 'Lade till en insats i katalogen', en: 'Added an intervention to the catalogue' },
  'intervention.update': { sv: 'Ändrade en insats i katalogen', en: 'Changed an intervention in the catalogue' },
  'plan.create': { sv: 'Påbörjade barnets plan', en: "Started the child's plan" },
  'plan.list': { sv: 'Såg barnets planer i en lista', en: "Saw the child's plans in a list" },
  'plan.read': { sv: 'Läste barnets plan', en: "Read the child's plan" },
  'plan.save': { sv: 'Ändrade barnets plan', en: "Changed the child's plan" },
  'plan.status': { sv: 'Ändrade status på barnets plan', en: "Changed the status of the child's plan" },
  'plan.review': { sv: 'Följde upp barnets plan', en: "Reviewed the child's plan" },
  'plan.action_update': { sv: 'Uppdaterade en insats i barnets plan', en: "Updated an action in the child's plan" },
  'plan.export': { sv: 'Skrev ut eller exporterade barnets plan', en: "Printed or exported the child's plan" },
  'standing_team.create': { sv: 'Skapade ett barnteam', en: 'Created a standing team' },
  'standing_team.member': { sv: 'Ändrade vilka som ingår i ett barnteam', en: 'Changed who is in a standing team' },
  'meeting.create': { sv: 'Planerade ett möte', en: 'Scheduled a meeting' },
  'meeting.cancel': { sv: 'Ställde in ett möte', en: 'Cancelled a meeting' },
  'meeting.read': { sv: 'Öppnade ett möte där barnet fanns på dagordningen', en: 'Opened a meeting with the child on the agenda' },
  'meeting.agenda_add': { sv: 'Satte upp barnet på ett mötes dagordning', en: "Put the child on a meeting's agenda" },
  'meeting.invite_family': { sv: 'Bjöd in familjen till mötet om barnet', en: 'Invited the family to the meeting about the child' },
  'meeting.attendance': { sv: 'Registrerade vilka som var med på mötet', en: 'Recorded who attended the meeting' },
  'meeting.minutes_write': { sv: 'Skrev minnesanteckningar om barnet från ett möte', en: 'Wrote minutes about the child from a meeting' },
  'meeting.minutes_read': { sv: 'Läste minnesanteckningar om barnet från ett möte', en: 'Read minutes about the child from a meeting' },
  'calendar.feed': { sv: 'Kalendern hämtade mötestider', en: 'The calendar fetched meeting times' },
  'audit.search': { sv: 'Sökte i loggen', en: 'Searched the access log' },
  'audit.review': { sv: 'Granskade loggen', en: 'Reviewed the access log' },
  'audit.verify': { sv: 'Kontrollerade loggen', en: 'Checked the access log' },
  'audit.extract': { sv: 'Tog fram ett utdrag över vem som tagit del av barnets uppgifter', en: "Made an extract of who accessed the child's information" },
} as const satisfies Record<AuditAction, LocalizedText>;

export function actionLabel(action: string): LocalizedText {
  return (ACTION_LABELS as Record<string, LocalizedText>)[action] ?? { sv: action, en: action };
}

export type AccessExtractItem = {
  /** The first access in that hour. */
  occurredAt: string;
  unitName: string | null;
  action: LocalizedText;
  outcome: 'allowed';
  /** Accesses of that kind by that unit in that hour. */
  count: number;
};

/**
 * Who accessed the child's data: unit and time (no professional's name), one
 * row per unit, action and hour. Allowed accesses by professionals only, list
 * appearances included. For a log reviewer, or the child's named person to hand
 * to the family; a professional who cannot see the child gets 404, one who can
 * gets 403.
 */
export async function getAccessExtract(options: {
  db: Db;
  actor: Actor;
  childId: string;
  from?: DateOrInstant;
  to?: DateOrInstant;
}): Promise<{ childId: string; from: string | null; to: string | null; items: AccessExtractItem[]; truncated: boolean }> {
  const { db, actor, childId } = options;
  return runUseCase(db, async (tx) => {
    const child = await loadChildAccess(tx, childId);
    const basis = !child ? null : isLogReviewer(actor) ? 'log_reviewer' : isNamedPerson(actor, child.facts) ? 'named_person' : null;
    if (!child || !basis) {
      const seesChild = child ? canReadBasicRecord(actor, child.facts).allowed : false;
      await recordAuditEvent(tx, {
        actor,
        action: 'audit.extract',
        outcome: 'denied',
        childId: child ? childId : null,
        municipalityId: child?.row.municipality_id ?? null,
        resourceType: 'child',
        resourceId: childId,
      });
      return refuse(new AppError(seesChild ? 'forbidden' : 'not_found'));
    }
    const where: SQL[] = [sql`e.outcome = 'allowed'`, sql`e.actor_id IS NOT NULL`, concernsChildSql(childId)];
    if (options.from) where.push(fromSql(sql`e.occurred_at`, options.from));
    if (options.to) where.push(toSql(sql`e.occurred_at`, options.to));
    const rows = await queryRows<{ occurred_at: Date | string; unit_name: string | null; action: string; count: number }>(
      tx,
      sql`SELECT min(e.occurred_at) AS occurred_at, u.name AS unit_name, e.action, count(*)::int AS count
            FROM audit_events e LEFT JOIN units u ON u.id = e.actor_unit_id
           WHERE ${sql.join(where, sql` AND `)}
           GROUP BY e.actor_unit_id, u.name, e.action, date_trunc('hour', e.occurred_at)
           ORDER BY min(e.occurred_at) DESC, u.name, e.action
           LIMIT ${MAX_EXTRACT_ROWS + 1}`,
    );
    const items = rows.slice(0, MAX_EXTRACT_ROWS).map(
      (r): AccessExtractItem => ({
        occurredAt: iso(r.occurred_at),
        unitName: r.unit_name,
        action: actionLabel(r.action),
        outcome: 'allowed',
        count: r.count,
      }),
    );
    await recordAuditEvent(tx, {
      actor,
      action: 'audit.extract',
      outcome: 'allowed',
      childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'child',
      resourceId: childId,
      details: { basis, from: options.from ?? null, to: options.to ?? null, rows: items.length },
    });
    return { childId, from: options.from ?? null, to: options.to ?? null, items, truncated: rows.length > MAX_EXTRACT_ROWS };
  });
}
