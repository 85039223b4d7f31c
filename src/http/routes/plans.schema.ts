/**
 * The child's plan API contract: the lead professional, the intervention
 * catalogue, plans with versions, status changes, reviews, work lists and
 * exports. Plan content is `PlanContentSchema` from `domain/plan.ts` (checked
 * here, 400); checks against the child's profile and the database (indicator,
 * units, persons, interventions) are made by the service and answered 422
 * `invalid_plan` naming the field.
 */
import { z } from 'zod';
import { ACTION_STATUSES, PLAN_STATUSES, PlanContentSchema, REVIEWED_ACTION_STATUSES } from '../../domain/plan.ts';
import { AGENCY_TYPES } from '../../domain/types.ts';

const IsoDate = z.iso.date();
const Agency = z.enum(AGENCY_TYPES);
const Localized = z.object({ sv: z.string(), en: z.string() });

// ── Lead professional ───────────────────────────────────────────────────────

export const LeadProfessionalView = z.object({
  staffId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  agencyType: Agency,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  since: z.string(),
});

export const LeadProfessionalHistoryResponse = z.object({
  /** Whether you may appoint or change the lead professional. */
  canAppoint: z.boolean(),
  current: LeadProfessionalView.nullable(),
  history: z.array(LeadProfessionalView.extend({ until: z.string().nullable(), reason: z.string().nullable(), appointedBy: z.string() })),
});

export const AppointLeadProfessionalBody = z.object({
  staffId: z.uuid(),
  /** The unit the lead professional acts for (their unit in the child's team). */
  unitId: z.uuid(),
  reason: z.string().trim().max(1000).nullable().optional(),
});

// ── Intervention catalogue ──────────────────────────────────────────────────

export const InterventionView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  agencyType: Agency,
  title: z.string(),
  description: z.string(),
  active: z.boolean(),
});

export const InterventionListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  unitId: z.uuid().optional(),
  includeInactive: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const InterventionListResponse = z.object({ items: z.array(InterventionView) });

export const CreateInterventionBody = z.object({
  unitId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(2000),
});

export const UpdateInterventionBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().min(1).max(2000).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field.');

// ── Plans ───────────────────────────────────────────────────────────────────

export { PlanContentSchema };

export const CreatePlanBody = z.object({
  content: PlanContentSchema,
  /** The concern the plan grows from, if any. */
  concernId: z.uuid().nullable().optional(),
});

export const SavePlanBody = z.object({
  /** The version the edit started from; a newer version on the server → 409 `version_conflict` with what changed. */
  baseVersion: z.number().int().min(1),
  content: PlanContentSchema,
});

export const PlanStatusBody = z.object({
  baseVersion: z.number().int().min(1),
  status: z.enum(['active', 'under_review', 'closed']),
  /** Required when closing: why (e.g. needs met, back to universal support with the named person). */
  reason: z.string().trim().max(2000).nullable().optional(),
});

export const PlanReviewBody = z.object({
  baseVersion: z.number().int().min(1),
  /** The assessment made at the review (the wheel scored again). */
  assessmentId: z.uuid(),
  /** Every action in the plan, marked. */
  actions: z.array(z.object({ actionId: z.string().min(1).max(40), status: z.enum(REVIEWED_ACTION_STATUSES), comment: z.string().trim().min(1, 'Write a comment for each action.').max(2000) })).max(600),
  outcome: z.enum(['continue', 'revise', 'close']),
  comment: z.string().trim().max(4000).nullable().optional(),
  nextReviewDate: IsoDate.nullable().optional(),
});

const ProblemView = z.object({ field: z.string(), sv: z.string(), en: z.string() });

export const PlanView = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  child: z.object({ id: z.uuid(), givenName: z.string().nullable(), familyName: z.string().nullable(), birthDate: z.string(), masked: z.boolean() }),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  content: PlanContentSchema,
  reviewDate: z.string(),
  reviewOverdue: z.boolean(),
  owningUnit: z.object({ id: z.uuid(), name: z.string() }),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  activatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  concernId: z.uuid().nullable(),
  leadProfessional: LeadProfessionalView.nullable(),
  agencies: z.array(Agency),
  needsLeadProfessional: z.boolean(),
  isSip: z.boolean(),
  activationProblems: z.array(ProblemView),
  overdueActionIds: z.array(z.string()),
  names: z.object({ units: z.record(z.string(), z.string()), staff: z.record(z.string(), z.string()), interventions: z.record(z.string(), z.string()) }),
  indicators: z.array(z.object({ key: z.string(), name: Localized, childStatement: Localized.nullable() })),
  meetingDecisions: z.array(
    z.object({ minutesId: z.uuid(), meetingId: z.uuid(), meetingTitle: z.string(), meetingStartsAt: z.string(), unitName: z.string(), decisions: z.array(z.string()) }),
  ),
  permissions: z.object({ canEdit: z.boolean(), actionUnitIds: z.array(z.uuid()), canChangeStatus: z.boolean(), canReview: z.boolean() }),
});

export const PlanListResponse = z.object({
  leadProfessional: LeadProfessionalView.nullable(),
  canStart: z.boolean(),
  items: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(PLAN_STATUSES),
      version: z.number().int(),
      reviewDate: z.string(),
      reviewOverdue: z.boolean(),
      reason: z.string(),
      needs: z.number().int(),
      actions: z.number().int(),
      hasChildView: z.boolean(),
      owningUnitName: z.string(),
      updatedAt: z.string(),
      closedAt: z.string().nullable(),
      closedReason: z.string().nullable(),
    }),
  ),
});

export const PlanChangeView = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
  label: Localized,
});

export const PlanVersionsResponse = z.object({
  items: z.array(z.object({ version: z.number().int(), status: z.enum(PLAN_STATUSES), event: z.string(), changes: z.array(PlanChangeView), savedBy: z.string(), savedAt: z.string() })),
});

export const PlanReviewsResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      outcome: z.enum(['continue', 'revise', 'close']),
      comment: z.string().nullable(),
      nextReviewDate: z.string().nullable(),
      reviewedAt: z.string(),
      reviewedBy: z.string(),
      planVersion: z.number().int(),
      assessmentId: z.uuid(),
    }),
  ),
});

export const WorkListQuery = z.object({ withinDays: z.coerce.number().int().min(0).max(90).optional() });

export const PlanWorkListResponse = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      planId: z.uuid(),
      childId: z.uuid(),
      child: z.object({ givenName: z.string().nullable(), familyName: z.string().nullable(), masked: z.boolean() }),
      kind: z.enum(['review_overdue', 'review_due', 'action_overdue']),
      date: z.string(),
      actionId: z.string().nullable(),
      description: z.string().nullable(),
      role: z.enum(['lead_professional', 'named_person', 'responsible_unit']),
    }),
  ),
});

export const ExportQuery = z.object({
  lang: z.enum(['sv', 'en']).default('sv'),
  /** `family`: the plan in plain language; `child`: child-friendly with pictures; `sip`: the SIP. */
  variant: z.enum(['family', 'child', 'sip']).default('family'),
});

export const ActionStatus = z.enum(ACTION_STATUSES);

export type PlanViewJson = z.infer<typeof PlanView>;
export type PlanListJson = z.infer<typeof PlanListResponse>;
export type PlanVersionsJson = z.infer<typeof PlanVersionsResponse>;
export type PlanWorkListJson = z.infer<typeof PlanWorkListResponse>;
export type InterventionJson = z.infer<typeof InterventionView>;
export type LeadProfessionalHistoryJson = z.infer<typeof LeadProfessionalHistoryResponse>;
export type PlanReviewsJson = z.infer<typeof PlanReviewsResponse>;
