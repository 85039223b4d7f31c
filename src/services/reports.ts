/**
 * Reports of concern (orosanmälan, SoL 14 kap. 1 §). Any professional files one
 * by personal identity number, without consent and without seeing the child; it
 * goes to the social-services intake of the child's municipality. The reporter
 * gets a receipt and later only whether it was received; the intake reads the
 * whole report (rule 5); anyone else gets "not found". Filing gives the reporter
 * no access to the child. Report content never enters the audit trail.
 */
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows } from '../db/client.ts';
import { reportReadableSql } from '../db/queries/access.ts';
import { reportsOfConcern } from '../db/schema/index.ts';
import { type Actor, hasEmergencyAccess, isMandatoryReportRecipient } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { formatPersonnummer, parsePersonnummer, personnummerErrorMessage } from '../domain/personnummer.ts';
import { accessTimeNow, loadChildAccess } from './access-facts.ts';
import { recordAuditEvent } from './audit.ts';
import { MAX_PAGE_SIZE } from './children.ts';
import { type Refusal, refuse, runUseCase } from './use-case.ts';

export type ReportStatus = 'sent' | 'received';

/** What the reporter gets back on filing: nothing about the child. */
export type ReportReceipt = { id: string; createdAt: string; municipalityName: string };

/** What the reporter sees later: only whether the intake has received it. */
export type ReportStatusView = { id: string; createdAt: string; status: ReportStatus; receivedAt: string | null };

/** What the intake reads. */
export type ReportView = ReportStatusView & {
  childId: string | null;
  personnummer: string;
  description: string;
  immediateDanger: boolean;
  municipalityId: string;
  municipalityName: string;
  reporter: { name: string; title: string | null; unitName: string | null };
  receivedBy: string | null;
};

type ReportRow = {
  id: string;
  municipality_id: string;
  municipality_name: string;
  child_id: string | null;
  personnummer: string;
  reporter_id: string;
  reporter_name: string;
  reporter_title: string | null;
  reporter_unit_name: string | null;
  description: string;
  immediate_danger: boolean;
  created_at: Date | string;
  received_at: Date | string | null;
  received_by_name: string | null;
};

const reportSelect = sql`SELECT r.id, r.municipality_id, m.name AS municipality_name, r.child_id, r.personnummer,
       r.reporter_id, s.given_name || ' ' || s.family_name AS reporter_name, s.title AS reporter_title,
       u.name AS reporter_unit_name, r.description, r.immediate_danger, r.created_at, r.received_at,
       rb.given_name || ' ' || rb.family_name AS received_by_name
  FROM reports_of_concern r
  JOIN organisations m ON m.id = r.municipality_id
  JOIN staff s ON s.id = r.reporter_id
  LEFT JOIN units u ON u.id = r.reporter_unit_id
  LEFT JOIN staff rb ON rb.id = r.received_by`;

const iso = (value: Date | string) => new Date(value).toISOString();

function presentStatus(r: ReportRow): ReportStatusView {
  return {
    id: r.id,
    createdAt: iso(r.created_at),
    status: r.received_at ? 'received' : 'sent',
    receivedAt: r.received_at ? iso(r.received_at) : null,
  };
}

function presentReport(r: ReportRow): ReportView {
  return {
    ...presentStatus(r),
    childId: r.child_id,
    personnummer: formatPersonnummer(r.personnummer),
    description: r.description,
    immediateDanger: r.immediate_danger,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    reporter: { name: r.reporter_name, title: r.reporter_title, unitName: r.reporter_unit_name },
    receivedBy: r.received_by_name,
  };
}

/**
 * May the actor read the whole report? The intake of the report's municipality
 * (rule 5), or a professional with emergency access to the child (rule 6) –
 * the same rules as `reportReadableSql`.
 */
async function reportReadBasis(tx: Queryable, actor: Actor, r: ReportRow): Promise<'mandatory_report' | 'emergency' | null> {
  if (isMandatoryReportRecipient(actor, r.municipality_id)) return 'mandatory_report';
  if (r.child_id) {
    const child = await loadChildAccess(tx, r.child_id);
    if (child && hasEmergencyAccess(actor, child.facts)) return 'emergency';
  }
  return null;
}

// ── Filing ──────────────────────────────────────────────────────────────────

export type FileReportInput = {
  personnummer: string;
  description: string;
  immediateDanger?: boolean;
  /** Required only when the personal identity number is not registered here. */
  municipalityId?: string;
};

/**
 * Files a report of concern. Never refused because the reporter cannot see the
 * child; never gives the reporter access to the child.
 */
export async function fileReportOfConcern(options: { db: Db; actor: Actor; input: FileReportInput }): Promise<ReportReceipt> {
  const { db, actor, input } = options;
  if (actor.roles.length === 0) throw new AppError('forbidden');
  const parsed = parsePersonnummer(input.personnummer);
  if (!parsed.ok) throw new AppError('invalid_personnummer', { message: personnummerErrorMessage(parsed.reason) });
  return runUseCase(db, (tx) => fileReportInTransaction(tx, actor, { ...input, personnummer: parsed.value.normalized }));
}

/**
 * Files a report of concern inside the caller's transaction (used by the use
 * case above, and by a concern's `mandatory_report` action). `personnummer`
 * must already be valid and normalised.
 */
export async function fileReportInTransaction(tx: Queryable, actor: Actor, input: FileReportInput): Promise<ReportReceipt | Refusal> {
  const [child] = await queryRows<{ id: string; municipality_id: string }>(
    tx,
    sql`SELECT id, municipality_id FROM children WHERE personnummer = ${input.personnummer}`,
  );
  let municipalityId: string;
  if (child) {
    // The child's own municipality, whatever the reporter named.
    municipalityId = child.municipality_id;
  } else {
    if (!input.municipalityId) return refuse(new AppError('municipality_required', { details: { field: 'municipalityId' } }));
    const [known] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM organisations WHERE id = ${input.municipalityId}::uuid AND kind = 'municipality'`,
    );
    if (!known) {
      return refuse(
        new AppError('validation_failed', {
          message: { sv: 'Kommunen finns inte.', en: 'The municipality does not exist.' },
          details: { field: 'municipalityId' },
        }),
      );
    }
    municipalityId = known.id;
  }
  const [created] = await tx
    .insert(reportsOfConcern)
    .values({
      municipalityId,
      childId: child?.id ?? null,
      personnummer: input.personnummer,
      reporterId: actor.staffId,
      reporterUnitId: actor.primaryUnitId,
      description: input.description.trim(),
      immediateDanger: input.immediateDanger ?? false,
    })
    .returning({ id: reportsOfConcern.id, createdAt: reportsOfConcern.createdAt });
  const [municipality] = await queryRows<{ name: string }>(tx, sql`SELECT name FROM organisations WHERE id = ${municipalityId}::uuid`);
  await recordAuditEvent(tx, {
    actor,
    action: 'report_of_concern.file',
    outcome: 'allowed',
    childId: child?.id ?? null,
    municipalityId,
    resourceType: 'report_of_concern',
    resourceId: created!.id,
    purpose: 'mandatory_report',
    // Never the description: the trail says that a report was made, not what it says.
    details: { immediateDanger: input.immediateDanger ?? false, registered: Boolean(child) },
  });
  return { id: created!.id, createdAt: iso(created!.createdAt), municipalityName: municipality!.name };
}

// ── Reading one ─────────────────────────────────────────────────────────────

/** The whole report for the intake (or emergency access), the status for the reporter, 404 for anyone else. */
export async function getReportOfConcern(options: { db: Db; actor: Actor; reportId: string }): Promise<ReportView | ReportStatusView> {
  const { db, actor, reportId } = options;
  return runUseCase(db, async (tx) => {
    const [row] = await queryRows<ReportRow>(tx, sql`${reportSelect} WHERE r.id = ${reportId}::uuid`);
    const basis = row ? await reportReadBasis(tx, actor, row) : null;
    const isReporter = row?.reporter_id === actor.staffId;
    if (!row || (!basis && !isReporter)) {
      await recordAuditEvent(tx, {
        actor,
        action: 'report_of_concern.read',
        outcome: 'denied',
        childId: row?.child_id ?? null,
        municipalityId: row?.municipality_id ?? null,
        resourceType: 'report_of_concern',
        resourceId: reportId,
      });
      return refuse(new AppError('not_found'));
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'report_of_concern.read',
      outcome: 'allowed',
      childId: row.child_id,
      municipalityId: row.municipality_id,
      resourceType: 'report_of_concern',
      resourceId: reportId,
      details: { basis: basis ?? 'reporter_status' },
    });
    return basis ? presentReport(row) : presentStatus(row);
  });
}

// ── The intake inbox, and the reporter's own ───────────────────────────────

function encodeCursor(id: string): string {
  return Buffer.from(`r1:${id}`).toString('base64url');
}

function decodeCursor(raw: string): string {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const match = /^r1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(text);
  if (!match) throw new AppError('invalid_cursor');
  return match[1]!;
}

/**
 * Reports the actor may read (scoped in SQL by `reportReadableSql`), newest
 * first; with `mine`, the reports the actor filed – status only.
 */
export async function listReportsOfConcern(options: {
  db: Db;
  actor: Actor;
  status?: ReportStatus;
  mine?: boolean;
  limit?: number;
  cursor?: string;
}): Promise<{ items: (ReportView | ReportStatusView)[]; nextCursor: string | null }> {
  const { db, actor } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), MAX_PAGE_SIZE);
  const cursorId = options.cursor ? decodeCursor(options.cursor) : null;
  const mine = options.mine ?? false;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const scope = mine ? sql`r.reporter_id = ${actor.staffId}::uuid` : reportReadableSql(actor, 'r', at);
    const status =
      options.status === 'sent' ? sql`r.received_at IS NULL` : options.status === 'received' ? sql`r.received_at IS NOT NULL` : sql`TRUE`;
    const after = cursorId
      ? sql`(r.created_at, r.id) < (SELECT rc.created_at, rc.id FROM reports_of_concern rc WHERE rc.id = ${cursorId}::uuid)`
      : sql`TRUE`;
    const rows = await queryRows<ReportRow>(
      tx,
      sql`${reportSelect} WHERE ${scope} AND ${status} AND ${after} ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit + 1}`,
    );
    const page = rows.slice(0, limit);
    await recordAuditEvent(tx, {
      actor,
      action: 'report_of_concern.list',
      outcome: 'allowed',
      // The reporter's own list shows no child data, so it names no children.
      childIds: mine ? null : page.flatMap((r) => (r.child_id ? [r.child_id] : [])),
      resourceType: 'report_of_concern',
      details: { mine, status: options.status ?? null, reportIds: page.map((r) => r.id), page: cursorId ? 'next' : 'first' },
    });
    const last = page[page.length - 1];
    return {
      items: page.map((r) => (mine ? presentStatus(r) : presentReport(r))),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    };
  });
}

// ── Receiving ───────────────────────────────────────────────────────────────

/** The intake marks a report as received. Idempotent: the first receipt stands. 404 for anyone but the intake. */
export async function receiveReportOfConcern(options: { db: Db; actor: Actor; reportId: string }): Promise<ReportView> {
  const { db, actor, reportId } = options;
  return runUseCase(db, async (tx) => {
    const [found] = await queryRows<{ municipality_id: string; child_id: string | null; received_at: Date | null }>(
      tx,
      sql`SELECT municipality_id, child_id, received_at FROM reports_of_concern WHERE id = ${reportId}::uuid FOR UPDATE`,
    );
    if (!found || !isMandatoryReportRecipient(actor, found.municipality_id)) {
      await recordAuditEvent(tx, {
        actor,
        action: 'report_of_concern.receive',
        outcome: 'denied',
        childId: found?.child_id ?? null,
        municipalityId: found?.municipality_id ?? null,
        resourceType: 'report_of_concern',
        resourceId: reportId,
      });
      return refuse(new AppError('not_found'));
    }
    const alreadyReceived = found.received_at !== null;
    if (!alreadyReceived) {
      await tx.execute(
        sql`UPDATE reports_of_concern SET received_at = now(), received_by = ${actor.staffId}::uuid WHERE id = ${reportId}::uuid`,
      );
    }
    const [row] = await queryRows<ReportRow>(tx, sql`${reportSelect} WHERE r.id = ${reportId}::uuid`);
    await recordAuditEvent(tx, {
      actor,
      action: 'report_of_concern.receive',
      outcome: 'allowed',
      childId: found.child_id,
      municipalityId: found.municipality_id,
      resourceType: 'report_of_concern',
      resourceId: reportId,
      details: { basis: 'mandatory_report', alreadyReceived },
    });
    return presentReport(row!);
  });
}
