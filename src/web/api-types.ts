/**
 * Response and request shapes of the Samsyn JSON API (/api), as the web app
 * uses them. One source of truth: every shape is derived from the server's zod
 * schemas (src/http/routes/*.schema.ts) or the domain vocabulary (src/domain),
 * never copied. Imports from there are `import type` only – erased by the
 * bundler, so no server code reaches the browser (src/web/no-server-imports.test.ts).
 *
 * Requests are `z.input` (what the client may send: defaulted fields are
 * optional); responses are `z.output` (what the server sends).
 *
 * The few value lists the forms iterate over are written out here, because the
 * web app may not import server modules at runtime; `satisfies typeof …` makes
 * the compiler refuse any list that differs from the domain's, order included.
 */
import type { z } from 'zod';
import type * as concernsDomain from '../domain/concerns.ts';
import type * as consentDomain from '../domain/consent.ts';
import type * as planDomain from '../domain/plan.ts';
import type * as vocabulary from '../domain/types.ts';
import type * as wellbeingDomain from '../domain/wellbeing.ts';
import type * as assessments from '../http/routes/assessments.schema.ts';
import type * as audit from '../http/routes/audit.schema.ts';
import type * as auth from '../http/routes/auth.schema.ts';
import type * as children from '../http/routes/children.schema.ts';
import type * as common from '../http/routes/common.schema.ts';
import type * as concerns from '../http/routes/concerns.schema.ts';
import type * as consents from '../http/routes/consents.schema.ts';
import type * as emergency from '../http/routes/emergency.schema.ts';
import type * as plans from '../http/routes/plans.schema.ts';
import type * as reports from '../http/routes/reports.schema.ts';

/** What the server sends. */
type Out<T extends z.ZodType> = z.output<T>;
/** What the client may send. */
type In<T extends z.ZodType> = z.input<T>;

/** Text in both interface languages. */
export type LocalizedText = vocabulary.LocalizedText;

export type ApiErrorBody = Out<typeof common.ErrorResponse>;

export type Health = Out<typeof common.HealthResponse>;

// ── Auth (src/http/routes/auth.schema.ts) ───────────────────────────────────

export type MeResponse = Out<typeof auth.MeResponse>;
export type Me = MeResponse['user'];
export type MeRole = Me['roles'][number];
export type LoginRequest = In<typeof auth.LoginBody>;

// ── Children and named person (src/http/routes/children.schema.ts) ──────────

export type NamedPersonBrief = Out<typeof children.NamedPersonBrief>;
export type NamedPersonStatus = NamedPersonBrief['status'];
export type NamedPersonDetail = Out<typeof children.NamedPersonDetail>;

export type ChildSummary = Out<typeof children.ChildSummary>;
export type ChildListResponse = Out<typeof children.ChildListResponse>;

export type ChildDetail = Out<typeof children.ChildDetail>;
export type ChildResponse = Out<typeof children.ChildResponse>;
export type Guardian = ChildDetail['guardians'][number];
export type Enrollment = ChildDetail['enrollments'][number];
export type EnrollmentKind = vocabulary.EnrollmentKind;
export type ModelProfileBrief = ChildDetail['modelProfile'];

export type NamedPersonReason = vocabulary.NamedPersonReason;
export type NamedPersonHistoryResponse = Out<typeof children.NamedPersonHistoryResponse>;
export type NamedPersonHistoryItem = NamedPersonHistoryResponse['items'][number];

export type ChangeNamedPersonRequest = In<typeof children.AssignNamedPersonBody>;
export type NamedPersonResponse = Out<typeof children.NamedPersonResponse>;

export type StaffListResponse = Out<typeof children.StaffListResponse>;
/** One professional at one unit (a person who works at two units is two rows). */
export type StaffCandidate = StaffListResponse['items'][number];
/** `named_person` (default): who can be the named person; `team`: anyone who works with children. */
export type StaffScope = Out<typeof children.StaffQuery>['scope'];

export type LookupResponse = Out<typeof children.LookupResponse>;
export type LookupContact = NonNullable<LookupResponse['contact']>;

// ── Consent, team, notes (src/http/routes/consents.schema.ts) ───────────────

/** Kinds of agency (src/domain/types.ts). */
export const AGENCY_TYPES = [
  'maternity_care',
  'child_health_care',
  'preschool',
  'school',
  'upper_secondary',
  'pupil_health',
  'social_services',
  'primary_care',
  'child_psychiatry',
  'dental_care',
  'police',
  'leisure',
  'civil_society',
] as const satisfies typeof vocabulary.AGENCY_TYPES;
export type AgencyType = vocabulary.AgencyType;

/** Information categories that records carry (src/domain/consent.ts). */
export const INFORMATION_CATEGORIES = [
  'concern',
  'wellbeing',
  'plan',
  'school',
  'health',
  'social',
  'police',
  'meeting',
] as const satisfies typeof consentDomain.INFORMATION_CATEGORIES;
export type InformationCategory = consentDomain.InformationCategory;

/** Purposes a consent can be given for (src/domain/consent.ts). */
export const CONSENT_PURPOSES = ['team_meeting', 'childs_plan', 'information_sharing'] as const satisfies typeof consentDomain.CONSENT_PURPOSES;
export type ConsentPurpose = consentDomain.ConsentPurpose;

export type Consent = Out<typeof consents.ConsentView>;
export type ConsentState = Consent['state'];
export type ConsentForm = Consent['form'];
export type ChildDecision = Consent['childDecision'];
export type ConsentRecipient = Consent['recipients'][number];
export type ConsentParty = Consent['parties'][number];
export type GuardianDecision = ConsentParty['decision'];

export type ConsentListResponse = Out<typeof consents.ConsentListResponse>;
export type RecordConsentRequest = In<typeof consents.RecordConsentBody>;
export type WithdrawConsentRequest = In<typeof consents.WithdrawConsentBody>;

export type CreatedResponse = Out<typeof consents.CreatedResponse>;
export type WithdrawConsentResponse = Out<typeof consents.WithdrawConsentResponse>;

export type TeamListResponse = Out<typeof consents.TeamListResponse>;
export type TeamMember = TeamListResponse['items'][number];
export type AddTeamMemberRequest = In<typeof consents.AddTeamMemberBody>;
export type RemoveTeamMemberResponse = Out<typeof consents.RemoveTeamMemberResponse>;

export type Note = Out<typeof consents.NoteView>;
export type NoteListResponse = Out<typeof consents.NoteListResponse>;
export type CreateNoteRequest = In<typeof consents.CreateNoteBody>;

// ── Audit review (src/http/routes/audit.schema.ts) ──────────────────────────

export type AuditEvent = Out<typeof audit.AuditEventView>;
export type AuditRef = NonNullable<AuditEvent['actor']>;
export type SelectedAs = Out<typeof audit.SelectedAs>;

export type ReviewQueueItem = Out<typeof audit.ReviewQueueItem>;
export type ReviewQueueResponse = Out<typeof audit.ReviewQueueResponse>;
export type ReviewEventRequest = In<typeof audit.ReviewEventBody>;
export type ReviewEventResponse = Out<typeof audit.ReviewResponse>;

// ── Emergency access (src/http/routes/emergency.schema.ts) ──────────────────

/** hours: 1–24, default 4; reason: at least 10 characters. */
export type EmergencyAccessRequest = In<typeof emergency.GrantEmergencyBody>;
/** The grant: open the child with GET /api/children/:childId until expiresAt. */
export type EmergencyAccessGrant = Out<typeof emergency.EmergencyGrantResponse>;
export type EmergencyAccess = Out<typeof emergency.EmergencyAccessView>;
export type EmergencyAccessListResponse = Out<typeof emergency.EmergencyListResponse>;
export type EmergencyReviewRequest = In<typeof emergency.ReviewEmergencyBody>;
export type EmergencyReviewOutcome = EmergencyReviewRequest['outcome'];

// ── Reports of concern (src/http/routes/reports.schema.ts) ──────────────────

export type FileReportRequest = In<typeof reports.FileReportBody>;
/** The receipt: which municipality's intake the report went to – never anything about the child. */
export type ReportReceipt = Out<typeof reports.ReportReceipt>;
/** What the reporter sees. */
export type ReportStatus = Out<typeof reports.ReportStatusView>;
/** The whole report, for the social-services intake of its municipality. */
export type Report = Out<typeof reports.ReportView>;
export type ReportListResponse = Out<typeof reports.ReportListResponse>;

// ── Concerns (src/http/routes/concerns.schema.ts, src/domain/concerns.ts) ───

/** professional: noticed by the one raising it; child / guardian: they asked for support. */
export const CONCERN_SOURCES = ['professional', 'child', 'guardian'] as const satisfies typeof concernsDomain.CONCERN_SOURCES;
export type ConcernSource = concernsDomain.ConcernSource;

/** Most urgent first. First response due: immediate 4 hours, high 1 working day, normal 5, low 10. */
export const CONCERN_URGENCIES = ['immediate', 'high', 'normal', 'low'] as const satisfies typeof concernsDomain.CONCERN_URGENCIES;
export type ConcernUrgency = concernsDomain.ConcernUrgency;

export type ConcernStatus = concernsDomain.ConcernStatus;
export type ConcernActionKind = concernsDomain.ConcernActionKind;

/** Action kinds whose note is required (what was done; why it was closed). */
export const NOTE_REQUIRED_FOR: typeof concernsDomain.NOTE_REQUIRED_FOR = ['handled_in_agency', 'closed'];

/** The five questions in GIRFEC order. */
export const FIVE_QUESTION_KEYS = [
  'whatIsGettingInTheWay',
  'haveAllInformation',
  'whatCanIDoNow',
  'whatCanMyAgencyDo',
  'whatHelpFromOthers',
] as const satisfies typeof concernsDomain.FIVE_QUESTION_KEYS;
export type FiveQuestionKey = concernsDomain.FiveQuestionKey;
export type FiveAnswers = concernsDomain.FiveAnswers;

/** Why a concern may go to a named person in another agency. */
export type SharingBasis = concernsDomain.SharingBasis;
/** The bases the one raising states by hand. */
export const STATED_SHARING_BASES = [
  'emergency',
  'crime_prevention',
  'other_statute',
] as const satisfies typeof concernsDomain.STATED_SHARING_BASES;
export type StatedSharingBasis = (typeof concernsDomain.STATED_SHARING_BASES)[number];

export type RaiseConcernRequest = In<typeof concerns.RaiseConcernBody>;
export type ConcernRecipient = Out<typeof concerns.ConcernRecipient>;
/** An action the recipient recorded, or `forwarded` by the system when the named person changed. */
export type ConcernAction = Out<typeof concerns.ConcernActionView>;
/** The whole concern, for those the access rules let read it. */
export type ConcernFull = Out<typeof concerns.ConcernView>;
/** For the one who raised it without seeing the child. */
export type ConcernStatusOnly = Out<typeof concerns.ConcernStatusView>;
export type Concern = Out<typeof concerns.ConcernResponse>;

export type RaiseConcernResponse = Out<typeof concerns.RaiseConcernResponse>;
export type ConcernReceipt = RaiseConcernResponse['receipt'];
export type ConcernListResponse = Out<typeof concerns.ConcernListResponse>;
export type ConcernActionRequest = In<typeof concerns.ConcernActionBody>;
export type ConcernFormResponse = Out<typeof concerns.ConcernFormResponse>;

// ── Wellbeing assessments (src/http/routes/assessments.schema.ts) ───────────

export type TriangleSide = wellbeingDomain.TriangleSide;
export type TriangleHeadingKey = wellbeingDomain.TriangleHeadingKey;
export type TriangleEntryKind = (typeof wellbeingDomain.TRIANGLE_ENTRY_KINDS)[number];

/** Where a gathered fact is placed. */
export const MATRIX_QUADRANTS = [
  'resilience',
  'vulnerability',
  'protective_environment',
  'adversity',
] as const satisfies typeof wellbeingDomain.MATRIX_QUADRANTS;
export type MatrixQuadrant = wellbeingDomain.MatrixQuadrant;
export type MatrixArea = wellbeingDomain.MatrixArea;
/** x: vulnerability (−5) ↔ resilience (+5); y: adversity (−5) ↔ protective environment (+5). */
export type MatrixPosition = wellbeingDomain.MatrixPosition;

export type IndicatorRatingInput = In<typeof assessments.IndicatorRatingInput>;
export type CreateAssessmentRequest = In<typeof assessments.CreateAssessmentBody>;

export type ToolDefinition = Out<typeof assessments.ToolDefinition>;
export type Assessment = Out<typeof assessments.AssessmentView>;
export type AssessmentTrendPoint = Out<typeof assessments.TrendPoint>;
/** tool: the wheel of the child's current profile; items newest first; trend: indicator key → points, oldest first. */
export type AssessmentListResponse = Out<typeof assessments.AssessmentListResponse>;
export type AssessmentResponse = Out<typeof assessments.AssessmentResponse>;

// ── The child's plan (src/http/routes/plans.schema.ts, src/domain/plan.ts) ──

/** draft → active → under_review → active … → closed. */
export const PLAN_STATUSES = ['draft', 'active', 'under_review', 'closed'] as const satisfies typeof planDomain.PLAN_STATUSES;
export type PlanStatus = planDomain.PlanStatus;
export const ACTION_STATUSES = ['planned', 'ongoing', 'done', 'not_done'] as const satisfies typeof planDomain.ACTION_STATUSES;
export type ActionStatus = planDomain.ActionStatus;
/** What a review records for each action. */
export const REVIEWED_ACTION_STATUSES = ['done', 'ongoing', 'not_done'] as const satisfies typeof planDomain.REVIEWED_ACTION_STATUSES;
export type ReviewedActionStatus = (typeof REVIEWED_ACTION_STATUSES)[number];
/** The body (huvudman) with overall responsibility for a SIP. */
export const RESPONSIBLE_BODIES = ['municipality', 'region'] as const satisfies typeof planDomain.RESPONSIBLE_BODIES;
export const PLAN_AGREEMENTS = ['agreed', 'agreed_with_reservations', 'not_agreed'] as const satisfies typeof planDomain.PLAN_AGREEMENTS;
export type PlanAgreement = (typeof PLAN_AGREEMENTS)[number];
export type ResponsibleBody = (typeof RESPONSIBLE_BODIES)[number];

export type LeadProfessional = Out<typeof plans.LeadProfessionalView>;
export type LeadProfessionalHistoryResponse = Out<typeof plans.LeadProfessionalHistoryResponse>;
export type LeadProfessionalHistoryItem = LeadProfessionalHistoryResponse['history'][number];
export type AppointLeadProfessionalRequest = In<typeof plans.AppointLeadProfessionalBody>;

export type Intervention = Out<typeof plans.InterventionView>;
export type InterventionListResponse = Out<typeof plans.InterventionListResponse>;
export type CreateInterventionRequest = In<typeof plans.CreateInterventionBody>;
export type UpdateInterventionRequest = In<typeof plans.UpdateInterventionBody>;

/** The plan's content as the server stores and sends it (every field present). */
export type PlanContent = Out<typeof plans.PlanContentSchema>;
export type PlanNeed = PlanContent['needs'][number];
export type PlanAction = PlanNeed['actions'][number];
export type PlanPersonView = PlanContent['childView'];

export type Plan = Out<typeof plans.PlanView>;
export type PlanPermissions = Plan['permissions'];
export type PlanActivationProblem = Plan['activationProblems'][number];
export type PlanListResponse = Out<typeof plans.PlanListResponse>;
export type PlanListItem = PlanListResponse['items'][number];
export type PlanChange = Out<typeof plans.PlanChangeView>;
export type PlanVersionsResponse = Out<typeof plans.PlanVersionsResponse>;
export type PlanVersion = PlanVersionsResponse['items'][number];
export type PlanReviewsResponse = Out<typeof plans.PlanReviewsResponse>;
export type PlanWorkListResponse = Out<typeof plans.PlanWorkListResponse>;
export type PlanWorkItem = PlanWorkListResponse['items'][number];

export type CreatePlanRequest = In<typeof plans.CreatePlanBody>;
export type SavePlanRequest = In<typeof plans.SavePlanBody>;
export type PlanStatusRequest = In<typeof plans.PlanStatusBody>;
export type PlanReviewRequest = In<typeof plans.PlanReviewBody>;
export type PlanReviewOutcome = PlanReviewRequest['outcome'];
/** `family`: plain language; `child`: child-friendly; `sip`: the SIP. */
export type PlanExportVariant = Out<typeof plans.ExportQuery>['variant'];
