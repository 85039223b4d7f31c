/**
 * The concerns API contract (zod; the OpenAPI document is generated from it).
 * A concern is read in one of two views, told apart by `view`:
 * - `full`: for those the access rules let read it (the named person it was
 *   sent to, the owning unit's staff who can see the child, a team member whose
 *   consent covers `concern`, emergency access);
 * - `status`: for the professional who raised it but may not see the child –
 *   what they wrote and where it stands, never what others recorded.
 */
import { z } from 'zod';
import {
  CONCERN_ACTION_KINDS,
  CONCERN_HISTORY_KINDS,
  CONCERN_SOURCES,
  CONCERN_STATUSES,
  CONCERN_URGENCIES,
  NOTE_REQUIRED_FOR,
  SHARING_BASES,
  STATED_SHARING_BASES,
} from '../../domain/concerns.ts';
import { LocalizedTextSchema } from './common.schema.ts';

export const ConcernSource = z.enum(CONCERN_SOURCES).describe('professional: noticed by the one raising; child / guardian: they asked for support');
export const ConcernUrgency = z
  .enum(CONCERN_URGENCIES)
  .describe('First response due: immediate 4 hours, high 1 working day, normal 5 working days, low 10 working days');
export const ConcernStatus = z.enum(CONCERN_STATUSES);
export const ConcernActionKind = z.enum(CONCERN_ACTION_KINDS);

const shortAnswer = z.string().trim().max(4000);

/** The five questions; only the first must be answered, the others may be left empty (""). */
export const FiveAnswers = z.object({
  whatIsGettingInTheWay: shortAnswer.min(3).describe("1. What is getting in the way of this child or young person's wellbeing?"),
  haveAllInformation: shortAnswer.default('').describe('2. Do I have all the information I need to help this child or young person?'),
  whatCanIDoNow: shortAnswer.default('').describe('3. What can I do now that is needed and appropriate to help this child or young person?'),
  whatCanMyAgencyDo: shortAnswer.default('').describe('4. What can my agency or organisation do now to help this child or young person?'),
  whatHelpFromOthers: shortAnswer.default('').describe('5. What additional help, if any, may be needed from others?'),
});

export const RaiseConcernBody = z
  .object({
    childId: z.uuid().optional().describe('A child you can see; or give personnummer instead'),
    personnummer: z.string().trim().min(1).max(20).optional().describe('For a child you cannot see (10 or 12 digits)'),
    source: ConcernSource.default('professional'),
    sourceNote: z
      .string()
      .trim()
      .max(500)
      .optional()
      .describe('Who asked and how, e.g. "the mother, by phone"; required when source is child or guardian'),
    urgency: ConcernUrgency.default('normal'),
    indicators: z
      .array(z.string().trim().min(1).max(50))
      .max(20)
      .default([])
      .describe("Wellbeing indicator keys of the child's model profile that the concern touches (unknown key → 422 unknown_indicator)"),
    answers: FiveAnswers,
    needsOthers: z.boolean().describe('Question 5: is help from others (another agency) needed?'),
    sharingBasis: z
      .object({
        kind: z.enum(STATED_SHARING_BASES),
        reference: z.string().trim().min(3).max(500).describe('The reason (emergency) or the statute'),
      })
      .optional()
      .describe(
        'Only when the named person works in another agency and neither the family asked nor an active consent covers `concern` for them; otherwise 422 consent_missing',
      ),
  })
  .superRefine((body, ctx) => {
    if ((body.childId === undefined) === (body.personnummer === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['childId'], message: 'Give either childId or personnummer, not both.' });
    }
    if (body.source !== 'professional' && !body.sourceNote) {
      ctx.addIssue({ code: 'custom', path: ['sourceNote'], message: 'Say who asked for support.' });
    }
    if (new Set(body.indicators).size !== body.indicators.length) {
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'An indicator is named more than once.' });
    }
  });
export type RaiseConcernBody = z.infer<typeof RaiseConcernBody>;

export const ConcernActionBody = z
  .object({
    kind: ConcernActionKind,
    note: z.string().trim().max(4000).optional().describe('Required for handled_in_agency (what was done) and closed (the reason)'),
    reportOfConcernId: z.uuid().optional().describe('mandatory_report: link a report of concern you already filed for this child'),
    report: z
      .object({
        description: z.string().trim().min(10).max(20_000),
        immediateDanger: z.boolean().optional(),
      })
      .optional()
      .describe('mandatory_report: file a new report of concern to social services now (same transaction)'),
  })
  .superRefine((body, ctx) => {
    if (NOTE_REQUIRED_FOR.includes(body.kind) && (!body.note || body.note.length < 3)) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: body.kind === 'closed' ? 'Give the reason for closing.' : 'Say what was done.',
      });
    }
    if (body.kind === 'mandatory_report') {
      if ((body.reportOfConcernId === undefined) === (body.report === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['report'], message: 'Give either report (to file one now) or reportOfConcernId.' });
      }
    } else if (body.reportOfConcernId !== undefined || body.report !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'report and reportOfConcernId belong to kind mandatory_report.' });
    }
  });
export type ConcernActionBody = z.infer<typeof ConcernActionBody>;

export const ListConcernsQuery = z.object({
  status: z
    .enum([...CONCERN_STATUSES, 'open'])
    .optional()
    .describe('open = every status but closed'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: the concerns you raised; otherwise your inbox (concerns sent to you, and others you may read)'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListConcernsQuery = z.infer<typeof ListConcernsQuery>;

// ── Views ───────────────────────────────────────────────────────────────────

const Indicator = z.object({ key: z.string(), name: LocalizedTextSchema });

/** The one the concern was sent to: the child's named person, or – if none – the named-person role at the enrolling unit. */
export const ConcernRecipient = z.object({
  staffId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  unitName: z.string().nullable(),
  phone: z.string().nullable(),
  kind: z.enum(['named_person', 'enrolling_unit']).describe('named_person: the child’s named person; enrolling_unit: no named person, so the named-person role holder where the child is enrolled'),
});

const Timeline = {
  id: z.uuid(),
  status: ConcernStatus,
  urgency: ConcernUrgency,
  source: ConcernSource,
  sourceNote: z.string().nullable(),
  answers: z.object({
    whatIsGettingInTheWay: z.string(),
    haveAllInformation: z.string(),
    whatCanIDoNow: z.string(),
    whatCanMyAgencyDo: z.string(),
    whatHelpFromOthers: z.string(),
  }),
  needsOthers: z.boolean(),
  indicators: z.array(Indicator),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable().describe('The first action of any kind; time to first response = firstResponseAt − raisedAt'),
  closedAt: z.string().nullable(),
  firstResponseDueAt: z.string(),
  overdue: z.boolean().describe('No first response yet and firstResponseDueAt has passed'),
  /** null when no one could be found, or withheld (protected identity) – see recipientWithheld. */
  recipient: ConcernRecipient.nullable().describe(
    'null also when no one could be found: then the social-services intake of the child’s municipality reads and acts on it',
  ),
  recipientWithheld: z.boolean().describe('The child has protected identity: who received it (and so where the child is) is not shown'),
  sharingBasis: z.enum(SHARING_BASES).nullable().describe('Why it could go to the recipient (null when there is no recipient)'),
};

export const ConcernActionView = z.object({
  id: z.uuid(),
  kind: z
    .enum(CONCERN_HISTORY_KINDS)
    .describe('An action the recipient recorded, or forwarded: the child’s named person changed and the open concern moved to the new one'),
  note: z.string().nullable(),
  reportOfConcernId: z.uuid().nullable(),
  forwarded: z
    .object({ fromStaffId: z.uuid().nullable(), toStaffId: z.uuid().nullable() })
    .nullable()
    .describe('forwarded: the recipient before and after'),
  actor: z
    .object({ staffId: z.uuid(), name: z.string() })
    .nullable()
    .describe('null: the system (the daily handover job)'),
  at: z.string(),
});

export const ConcernView = z
  .object({
    view: z.literal('full'),
    ...Timeline,
    child: z.object({
      id: z.uuid(),
      personnummer: z.string(),
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      masked: z.boolean().describe('Protected identity: name hidden from this reader'),
    }),
    municipalityId: z.uuid(),
    raisedBy: z.object({
      staffId: z.uuid(),
      name: z.string(),
      title: z.string().nullable(),
      unitId: z.uuid(),
      unitName: z.string(),
    }),
    actions: z.array(ConcernActionView),
    allowedActions: z.array(ConcernActionKind).describe('What you may record next (empty unless the concern was sent to you)'),
  })
  .describe('The whole concern');

export const ConcernStatusView = z
  .object({
    view: z.literal('status'),
    ...Timeline,
    personnummer: z.string().describe('As you entered it'),
  })
  .describe('For the one who raised it without seeing the child: what they wrote and where it stands');

export const ConcernResponse = z.discriminatedUnion('view', [ConcernView, ConcernStatusView]);

export const RaiseConcernResponse = z.object({
  concern: ConcernResponse,
  receipt: z.object({
    id: z.uuid(),
    raisedAt: z.string(),
    firstResponseDueAt: z.string(),
    recipient: ConcernRecipient.nullable(),
    recipientWithheld: z.boolean(),
    message: LocalizedTextSchema.describe('Where the concern went and when a response is due (sv, en)'),
  }),
});

export const ConcernListResponse = z.object({ items: z.array(ConcernResponse), nextCursor: z.string().nullable() });

export const ConcernFormQuery = z
  .object({
    childId: z
      .uuid()
      .optional()
      .describe("A child you can see: the indicators of the child's profile. Any other id is answered as if none was given."),
  })
  .strict()
  .describe('A personal identity number is refused here (it would land in logs): POST it in the body instead');
export type ConcernFormQuery = z.infer<typeof ConcernFormQuery>;

export const ConcernFormBody = z.object({
  childId: z.uuid().optional().describe('As in the GET query'),
  personnummer: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .describe('In the body, never in a URL (it would land in logs). Indicators of the child’s profile only if you can see the child'),
});
export type ConcernFormBody = z.infer<typeof ConcernFormBody>;

export const ConcernFormResponse = z.object({
  questions: z.array(z.object({ key: z.string(), text: LocalizedTextSchema })),
  urgencies: z.array(z.object({ key: ConcernUrgency, firstResponse: LocalizedTextSchema })),
  sources: z.array(ConcernSource),
  indicators: z
    .array(z.object({ key: z.string(), name: LocalizedTextSchema, description: LocalizedTextSchema }))
    .describe("The wellbeing indicators of the child's model profile (for a child you can see), else of your municipality's"),
  indicatorsFrom: z
    .enum(['child', 'your_municipality'])
    .describe(
      "child: the child's own profile. your_municipality: no child was given, or it is one you cannot see – whether it exists is not revealed; when raising, keys of either profile are accepted",
    ),
});
