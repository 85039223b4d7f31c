import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../services/audit.ts';
import { LocalizedTextSchema, WrittenReason } from './common.schema.ts';

/** A whole local day (YYYY-MM-DD) or an ISO instant with offset (2026-11-23T10:00:00Z). */
const DateOrInstant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe('YYYY-MM-DD (the whole day, local time) or an ISO 8601 instant');

/** The first instant after a date-or-instant bound, for comparing `from` with `to`. */
const endOf = (value: string) => Date.parse(value) + (/^\d{4}-\d{2}-\d{2}$/.test(value) ? 24 * 60 * 60 * 1000 : 1);

const Period = z.object({ from: DateOrInstant.optional(), to: DateOrInstant.optional() });

/** `from` must not come after `to`. */
const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) < endOf(q.to);
const periodIssue = { message: '`from` must not be after `to`', path: ['to'] };

export const AuditSearchQuery = Period.extend({
  childId: z.uuid().optional(),
  actor: z.uuid().optional().describe('The professional who acted (staff id)'),
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(100).optional(),
}).refine(inOrder, periodIssue);

export const AccessExtractQuery = Period.refine(inOrder, periodIssue);

export const ReviewQueueQuery = z.object({
  sample: z.coerce.number().int().min(1).max(100).default(20),
});

export const SeqParams = z.object({ seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const SelectedAs = z.enum(['flagged', 'sample']);

export const ReviewEventBody = z.object({ comment: WrittenReason, selectedAs: SelectedAs });

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const AuditEventView = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actor: Ref.nullable().describe('null for system jobs'),
  unit: Ref.nullable(),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied']),
  childId: z.uuid().nullable().describe('The child by id only – never a name'),
  childCount: z.number().int().nullable().describe('For list events: how many children the answer contained'),
  purpose: z.string().nullable(),
  basis: z.string().nullable().describe('The basis the access rested on, e.g. emergency'),
  reviewed: z.boolean(),
  review: z
    .object({ comment: z.string(), selectedAs: SelectedAs, reviewedAt: z.string(), reviewer: Ref })
    .nullable(),
});

export const AuditSearchResponse = z.object({ items: z.array(AuditEventView), nextCursor: z.string().nullable() });

export const ReviewQueueItem = AuditEventView.extend({ selectedAs: SelectedAs });

export const ReviewQueueResponse = z.object({
  items: z.array(ReviewQueueItem),
  moreFlagged: z.boolean().describe('More flagged events wait than one answer holds'),
});

export const ReviewResponse = z.object({ event: ReviewQueueItem });

export const VerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAtSeq: z.number().int().optional(),
  problem: z.enum(['content_changed', 'link_broken']).optional(),
});

export const AccessExtractResponse = z.object({
  childId: z.uuid(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(
    z.object({
      occurredAt: z.string().describe('The first access in that hour'),
      unitName: z.string().nullable(),
      action: LocalizedTextSchema,
      outcome: z.literal('allowed'),
      count: z.number().int(),
    }),
  ),
  truncated: z.boolean(),
});
