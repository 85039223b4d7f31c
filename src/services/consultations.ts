/**
 * De-identified consultations: a professional describes a situation without
 * identifying the child (an age band, never a name or identity number), asks a
 * question and records the advice. Only once the guardians have consented can
 * the consultation be linked to the child – and only by someone who may read
 * the child's basic record.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { uuidArray } from '../db/queries/access.ts';
import { consultations } from '../db/schema/index.ts';
import { type Actor, canReadBasicRecord } from '../domain/access.ts';
import { type ConsentPurpose, consentState } from '../domain/consent.ts';
import { AppError } from '../domain/errors.ts';
import { accessTimeNow, loadChildAccess } from './access-facts.ts';
import { recordAuditEvent } from './audit.ts';
import { MAX_PAGE_SIZE } from './children.ts';
import { refuse, runUseCase } from './use-case.ts';

export const AGE_BANDS = ['0-2', '3-5', '6-9', '10-12', '13-15', '16-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Consent purposes that let a consultation be tied to the child. */
export const LINKING_PURPOSES: readonly ConsentPurpose[] = ['team_meeting', 'information_sharing'];

/**
 * Something that looks like a Swedish personal identity number: 10 or 12
 * digits, with or without a dash (or `+`, or a space) before the last four.
 */
const PERSONNUMMER_LIKE = /(?<!\d)(?:\d{6}|\d{8})[-+ ]?\d{4}(?!\d)/;

export function looksIdentifying(text: string): boolean {
  return PERSONNUMMER_LIKE.test(text);
}

function requireDeidentified(fields: Record<string, string>): void {
  const offending = Object.entries(fields)
    .filter(([, text]) => looksIdentifying(text))
    .map(([field]) => field);
  if (offending.length > 0) throw new AppError('not_deidentified', { details: { fields: offending } });
}

export type ConsultationView = {
  id: string;
  unitId: string;
  unitName: string;
  ageBand: AgeBand;
  situation: string;
  question: string;
  advice: string | null;
  createdBy: string;
  createdAt: string;
  /** Whether it has been linked to a child (which child is shown on the child's page, not here). */
  linked: boolean;
  linkedAt: string | null;
};

type ConsultationRow = {
  id: string;
  municipality_id: string;
  unit_id: string;
  unit_name: string;
  age_band: AgeBand;
  situation: string;
  question: string;
  advice: string | null;
  created_by_name: string;
  created_at: Date | string;
  child_id: string | null;
  linked_at: Date | string | null;
};

const consultationSelect = sql`SELECT k.id, k.municipality_id, k.unit_id, u.name AS unit_name, k.age_band, k.situation,
       k.question, k.advice, s.given_name || ' ' || s.family_name AS created_by_name, k.created_at, k.child_id, k.linked_at
  FROM consultations k JOIN units u ON u.id = k.unit_id JOIN staff s ON s.id = k.created_by`;

const iso = (value: Date | string) => new Date(value).toISOString();

function present(r: ConsultationRow): ConsultationView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    ageBand: r.age_band,
    situation: r.situation,
    question: r.question,
    advice: r.advice,
    createdBy: r.created_by_name,
    createdAt: iso(r.created_at),
    linked: r.child_id !== null,
    linkedAt: r.linked_at ? iso(r.linked_at) : null,
  };
}

/** Units where the actor holds any role: the consultations they may see and work on. */
function actorUnitIds(actor: Actor): string[] {
  return [...new Set(actor.roles.map((r) => r.unitId))];
}

function notFoundUnlessOwnUnit(actor: Actor, row: ConsultationRow | undefined): row is ConsultationRow {
  return Boolean(row && actorUnitIds(actor).includes(row.unit_id));
}

export async function createConsultation(options: {
  db: Db;
  actor: Actor;
  input: { unitId: string; ageBand: AgeBand; situation: string; question: string };
}): Promise<ConsultationView> {
  const { db, actor, input } = options;
  if (!actorUnitIds(actor).includes(input.unitId)) {
    throw new AppError('validation_failed', {
      message: { sv: 'Välj en av dina egna enheter.', en: 'Choose one of your own units.' },
      details: { field: 'unitId' },
    });
  }
  requireDeidentified({ situation: input.situation, question: input.question });
  return runUseCase(db, async (tx) => {
    const [unit] = await queryRows<{ municipality_id: string }>(tx, sql`SELECT municipality_id FROM units WHERE id = ${input.unitId}::uuid`);
    const [created] = await tx
      .insert(consultations)
      .values({
        municipalityId: unit!.municipality_id,
        unitId: input.unitId,
        ageBand: input.ageBand,
        situation: input.situation.trim(),
        question: input.question.trim(),
        createdBy: actor.staffId,
      })
      .returning({ id: consultations.id });
    const [row] = await queryRows<ConsultationRow>(tx, sql`${consultationSelect} WHERE k.id = ${created!.id}::uuid`);
    await recordAuditEvent(tx, {
      actor,
      action: 'consultation.create',
      outcome: 'allowed',
      municipalityId: unit!.municipality_id,
      resourceType: 'consultation',
      resourceId: created!.id,
      details: { unitId: input.unitId, ageBand: input.ageBand },
    });
    return present(row!);
  });
}

/** Consultations of the actor's units, newest first. */
export async function listConsultations(options: { db: Db; actor: Actor; limit?: number; cursor?: string }) {
  const { db, actor } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), MAX_PAGE_SIZE);
  const cursorId = options.cursor ? decodeCursor(options.cursor) : null;
  const after = cursorId
    ? sql`(k.created_at, k.id) < (SELECT kc.created_at, kc.id FROM consultations kc WHERE kc.id = ${cursorId}::uuid)`
    : sql`TRUE`;
  const rows = await queryRows<ConsultationRow>(
    db,
    sql`${consultationSelect} WHERE k.unit_id = ANY(${uuidArray(actorUnitIds(actor))}) AND ${after}
         ORDER BY k.created_at DESC, k.id DESC LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(present), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

function encodeCursor(id: string): string {
  return Buffer.from(`k1:${id}`).toString('base64url');
}

function decodeCursor(raw: string): string {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const match = /^k1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(text);
  if (!match) throw new AppError('invalid_cursor');
  return match[1]!;
}

/** Records the advice given; staff of the consultation's unit only (404 for others). */
export async function recordAdvice(options: { db: Db; actor: Actor; consultationId: string; advice: string }): Promise<ConsultationView> {
  const { db, actor, consultationId } = options;
  requireDeidentified({ advice: options.advice });
  return runUseCase(db, async (tx) => {
    const [row] = await queryRows<ConsultationRow>(tx, sql`${consultationSelect} WHERE k.id = ${consultationId}::uuid FOR UPDATE OF k`);
    if (!notFoundUnlessOwnUnit(actor, row)) return refuse(new AppError('not_found'));
    await tx.execute(sql`UPDATE consultations SET advice = ${options.advice.trim()} WHERE id = ${consultationId}::uuid`);
    return present({ ...row, advice: options.advice.trim() });
  });
}

/**
 * Links the consultation to a child. Allowed only for someone who may read the
 * child's basic record, with an active consent for that child whose purposes
 * include a team meeting or information sharing; otherwise `consent_missing`.
 */
export async function linkConsultation(options: {
  db: Db;
  actor: Actor;
  consultationId: string;
  input: { childId: string; consentId: string };
}): Promise<ConsultationView & { childId: string; consentId: string }> {
  const { db, actor, consultationId, input } = options;
  return runUseCase(db, async (tx) => {
    const at = accessTimeNow();
    const [row] = await queryRows<ConsultationRow>(tx, sql`${consultationSelect} WHERE k.id = ${consultationId}::uuid FOR UPDATE OF k`);
    const child = await loadChildAccess(tx, input.childId, at);
    const readable = child ? canReadBasicRecord(actor, child.facts) : ({ allowed: false } as const);
    if (!notFoundUnlessOwnUnit(actor, row) || !child || !readable.allowed) {
      await recordAuditEvent(tx, {
        actor,
        action: 'consultation.link',
        outcome: 'denied',
        childId: child ? input.childId : null,
        municipalityId: child?.row.municipality_id ?? null,
        resourceType: 'consultation',
        resourceId: consultationId,
      });
      return refuse(new AppError('not_found'));
    }
    if (row.child_id) {
      return refuse(
        new AppError('conflict', {
          message: { sv: 'Konsultationen är redan kopplad till ett barn.', en: 'The consultation is already linked to a child.' },
        }),
      );
    }
    const consent = child.consents.find((k) => k.id === input.consentId);
    const covers =
      consent !== undefined && consentState(consent, at.today) === 'active' && consent.purposes.some((p) => LINKING_PURPOSES.includes(p));
    if (!covers) {
      await recordAuditEvent(tx, {
        actor,
        action: 'consultation.link',
        outcome: 'denied',
        childId: input.childId,
        municipalityId: child.row.municipality_id,
        resourceType: 'consultation',
        resourceId: consultationId,
        details: { reason: 'consent_missing', consentId: input.consentId, consentState: consent ? consentState(consent, at.today) : 'not_for_child' },
      });
      return refuse(
        new AppError('consent_missing', {
          message: {
            sv: 'Konsultationen kan kopplas till barnet först när vårdnadshavarna har lämnat ett aktivt samtycke för barnet som gäller teammöte eller informationsdelning.',
            en: "The consultation can be linked to the child only with an active consent for this child that covers a team meeting or information sharing.",
          },
          details: { consentId: input.consentId, requiredPurposes: LINKING_PURPOSES },
        }),
      );
    }
    await tx.execute(
      sql`UPDATE consultations SET child_id = ${input.childId}::uuid, consent_id = ${input.consentId}::uuid,
                 linked_at = now(), linked_by = ${actor.staffId}::uuid
           WHERE id = ${consultationId}::uuid`,
    );
    const [linked] = await queryRows<ConsultationRow>(tx, sql`${consultationSelect} WHERE k.id = ${consultationId}::uuid`);
    await recordAuditEvent(tx, {
      actor,
      action: 'consultation.link',
      outcome: 'allowed',
      childId: input.childId,
      municipalityId: child.row.municipality_id,
      resourceType: 'consultation',
      resourceId: consultationId,
      purpose: 'consent',
      details: { basis: 'consent', consentId: input.consentId, readBasis: readable.basis },
    });
    return { ...present(linked!), childId: input.childId, consentId: input.consentId };
  });
}
