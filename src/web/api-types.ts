/**
 * Response and request shapes of the Samsyn JSON API (/api), as the web app
 * uses them. They mirror the server's zod schemas in src/http/routes/*.schema.ts.
 */

/** Text in both interface languages. */
export type LocalizedText = { sv: string; en: string };

export type ApiErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

export type Health = { status: 'ok'; database: 'embedded' | 'postgresql' };

export type MeRole = {
  role: string;
  roleTitle: LocalizedText;
  unitId: string;
  unitName: string;
  agencyType: string;
};

export type Me = {
  id: string;
  username: string;
  givenName: string;
  familyName: string;
  title: string | null;
  roles: MeRole[];
};

export type MeResponse = { user: Me };
export type LoginRequest = { username: string; password: string };

export type NamedPersonStatus = 'assigned' | 'declined' | 'none';

export type NamedPersonBrief = {
  status: NamedPersonStatus;
  name?: string;
  title?: LocalizedText;
  unitName?: string | null;
};

export type NamedPersonDetail = NamedPersonBrief & {
  staffId?: string;
  phone?: string | null;
  email?: string | null;
  /** ISO date-time the current assignment started. */
  since?: string;
  /** Reason code, see {@link NamedPersonReason}. */
  reason?: string;
  note?: string | null;
};

export type ChildSummary = {
  id: string;
  /** "YYYYMMDD-NNNN" */
  personnummer: string;
  /** null when masked (protected identity) */
  givenName: string | null;
  familyName: string | null;
  masked: boolean;
  birthDate: string;
  age: number;
  isTestData: boolean;
  namedPerson: NamedPersonBrief;
};

export type ChildListResponse = { items: ChildSummary[]; nextCursor: string | null };

export type Guardian = {
  id: string;
  givenName: string | null;
  familyName: string | null;
  phone: string | null;
  email: string | null;
  custody: boolean;
  relationship: string;
};

export type EnrollmentKind =
  | 'maternity_care'
  | 'child_health_listing'
  | 'preschool'
  | 'preschool_class'
  | 'school_class'
  | 'upper_secondary';

export type Enrollment = {
  id: string;
  unitId: string | null;
  unitName: string | null;
  agencyType: string;
  kind: EnrollmentKind | (string & {});
  groupName: string | null;
  startDate: string;
  endDate: string | null;
  current: boolean;
};

export type ModelProfileBrief = { key: string; name: LocalizedText; namedPersonTitle: LocalizedText };

export type ChildDetail = Omit<ChildSummary, 'namedPerson'> & {
  address: string | null;
  postalCode: string | null;
  city: string | null;
  protectedIdentity: boolean;
  municipalityName: string;
  modelProfile: ModelProfileBrief;
  guardians: Guardian[];
  enrollments: Enrollment[];
  namedPerson: NamedPersonDetail;
};

export type ChildResponse = { child: ChildDetail };

export type NamedPersonReason =
  | 'birth'
  | 'registration'
  | 'age_transition'
  | 'enrollment_change'
  | 'manual'
  | 'declined'
  | 'no_longer_needed';

export type NamedPersonHistoryItem = {
  id: string;
  status: NamedPersonStatus;
  name: string | null;
  title: LocalizedText | null;
  unitName: string | null;
  stageKey: string | null;
  reason: NamedPersonReason | (string & {});
  note: string | null;
  validFrom: string;
  validTo: string | null;
  createdBy: string | null;
};

export type NamedPersonHistoryResponse = { items: NamedPersonHistoryItem[] };

export type ChangeNamedPersonRequest =
  | { action: 'assign'; staffId: string; reason: string }
  | { action: 'decline'; reason: string };

export type NamedPersonResponse = { namedPerson: NamedPersonDetail };

/** One professional at one unit (a person who works at two units is two rows). */
export type StaffCandidate = {
  id: string;
  name: string;
  title: string | null;
  unitId: string;
  unitName: string;
  agencyType: AgencyType | (string & {});
  roleTitle: LocalizedText;
};

/** `named_person` (default): who can be the named person; `team`: anyone who works with children. */
export type StaffScope = 'named_person' | 'team';

export type StaffListResponse = { items: StaffCandidate[] };

export type LookupContact = { name: string; title: LocalizedText; unitName: string | null; phone: string | null };
export type LookupResponse = { status: NamedPersonStatus; contact: LookupContact | null };

// ── Consent, team, notes (src/http/routes/consents.schema.ts) ───────────────

/** Kinds of agency (src/domain/types.ts AGENCY_TYPES). */
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
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** Information categories that records carry (src/domain/consent.ts). */
export const INFORMATION_CATEGORIES = ['concern', 'wellbeing', 'plan', 'school', 'health', 'social', 'police', 'meeting'] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

/** Purposes a consent can be given for. */
export const CONSENT_PURPOSES = ['team_meeting', 'childs_plan', 'information_sharing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export type ConsentState = 'active' | 'pending' | 'not_yet_valid' | 'expired' | 'withdrawn';
export type ConsentForm = 'written' | 'oral';
export type ChildDecision = 'given' | 'declined' | 'not_asked';
export type GuardianDecision = 'given' | 'unreachable';

export type ConsentRecipient = { unitId: string | null; unitName: string | null; agencyType: AgencyType | (string & {}) | null };

export type ConsentParty = {
  guardianId: string;
  /** null when the child has protected identity and the reader may not see names */
  name: string | null;
  decision: GuardianDecision;
  reason: string | null;
  withdrawnAt: string | null;
};

export type Consent = {
  id: string;
  state: ConsentState;
  recipients: ConsentRecipient[];
  categories: (InformationCategory | (string & {}))[];
  purposes: (ConsentPurpose | (string & {}))[];
  /** YYYY-MM-DD, inclusive */
  validFrom: string;
  validTo: string;
  form: ConsentForm;
  childView: string;
  childAge: number;
  childConsentRequired: boolean;
  childDecision: ChildDecision;
  parties: ConsentParty[];
  unreachableResolution: string | null;
  /** Name of the professional who recorded it */
  recordedBy: string;
  recordedAt: string;
  withdrawnAt: string | null;
  /** "guardian:<guardianId>", "child" or "decision" */
  withdrawnBy: string | null;
  withdrawalNote: string | null;
  /** "Delas med: polisen (skola) till 2027-11-22 – samtycke från båda vårdnadshavarna" */
  summary: LocalizedText;
};

export type ConsentListResponse = { items: Consent[] };

export type RecordConsentRequest = {
  guardians: { guardianId: string; decision: GuardianDecision; reason?: string | null }[];
  recipientUnitIds?: string[];
  recipientAgencyTypes?: AgencyType[];
  categories: InformationCategory[];
  purposes: ConsentPurpose[];
  validFrom?: string;
  validTo?: string;
  form: ConsentForm;
  childView: string;
  childDecision: ChildDecision;
  maturityAssessed?: boolean;
  unreachableResolution?: string | null;
};

export type WithdrawConsentRequest = {
  party: { guardianId: string } | { child: true } | { recordedDecision: true };
  note: string;
};

export type CreatedResponse = { id: string };
export type WithdrawConsentResponse = { id: string; withdrawn: true };

export type TeamMember = {
  id: string;
  staffId: string;
  name: string;
  title: string | null;
  unitId: string;
  unitName: string;
  agencyType: AgencyType | (string & {});
  addedAt: string;
  /** An active consent still covers the member's unit or agency. */
  covered: boolean;
};

export type TeamListResponse = { items: TeamMember[] };
export type AddTeamMemberRequest = { staffId: string; unitId: string };
export type RemoveTeamMemberResponse = { id: string; removed: true };

export type Note = {
  id: string;
  childId: string;
  category: InformationCategory | (string & {});
  title: string;
  body: string;
  owningUnitId: string;
  owningUnitName: string;
  author: string;
  createdAt: string;
};

export type NoteListResponse = { items: Note[] };
export type CreateNoteRequest = { category: InformationCategory; title: string; body: string; owningUnitId?: string };

// ── Audit review (src/http/routes/audit.schema.ts) ──────────────────────────

export type AuditRef = { id: string; name: string };
export type SelectedAs = 'flagged' | 'sample';

export type AuditEvent = {
  seq: number;
  occurredAt: string;
  /** null for system jobs */
  actor: AuditRef | null;
  unit: AuditRef | null;
  action: string;
  outcome: 'allowed' | 'denied';
  /** The child by id only – never a name */
  childId: string | null;
  childCount: number | null;
  purpose: string | null;
  /** The basis the access rested on, e.g. emergency */
  basis: string | null;
  reviewed: boolean;
  review: { comment: string; selectedAs: SelectedAs; reviewedAt: string; reviewer: AuditRef } | null;
};

export type ReviewQueueItem = AuditEvent & { selectedAs: SelectedAs };
export type ReviewQueueResponse = { items: ReviewQueueItem[]; moreFlagged: boolean };
export type ReviewEventRequest = { comment: string; selectedAs: SelectedAs };
export type ReviewEventResponse = { event: ReviewQueueItem };

// ── Emergency access (src/http/routes/emergency.schema.ts) ──────────────────

/** hours: 1–24, default 4; reason: at least 10 characters. */
export type EmergencyAccessRequest = { personnummer: string; reason: string; hours?: number };

/** The grant: open the child with GET /api/children/:childId until expiresAt. */
export type EmergencyAccessGrant = { id: string; childId: string; expiresAt: string };

export type EmergencyReviewOutcome = 'justified' | 'not_justified';

export type EmergencyAccess = {
  id: string;
  childId: string;
  staff: { id: string; name: string; title: string | null };
  unit: AuditRef | null;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  /** The access has not expired yet. */
  active: boolean;
  review: { outcome: EmergencyReviewOutcome; comment: string | null; reviewedBy: string | null; reviewedAt: string } | null;
};

export type EmergencyAccessListResponse = { items: EmergencyAccess[] };
export type EmergencyReviewRequest = { outcome: EmergencyReviewOutcome; comment: string };

// ── Reports of concern (src/http/routes/reports.schema.ts) ──────────────────

export type FileReportRequest = {
  personnummer: string;
  description: string;
  immediateDanger?: boolean;
  /** Required only when the personal identity number is not registered here. */
  municipalityId?: string;
};

/** The receipt: which municipality's intake the report went to – never anything about the child. */
export type ReportReceipt = { id: string; createdAt: string; municipalityName: string };

/** What the reporter sees. */
export type ReportStatus = { id: string; createdAt: string; status: 'sent' | 'received'; receivedAt: string | null };

/** The whole report, for the social-services intake of its municipality. */
export type Report = ReportStatus & {
  childId: string | null;
  personnummer: string;
  description: string;
  immediateDanger: boolean;
  municipalityId: string;
  municipalityName: string;
  reporter: { name: string; title: string | null; unitName: string | null };
  receivedBy: string | null;
};

export type ReportListResponse = { items: (Report | ReportStatus)[]; nextCursor: string | null };

// ── Concerns (src/http/routes/concerns.schema.ts) ───────────────────────────

/** professional: noticed by the one raising it; child / guardian: they asked for support. */
export const CONCERN_SOURCES = ['professional', 'child', 'guardian'] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

/** Most urgent first. First response due: immediate 4 hours, high 1 working day, normal 5, low 10. */
export const CONCERN_URGENCIES = ['immediate', 'high', 'normal', 'low'] as const;
export type ConcernUrgency = (typeof CONCERN_URGENCIES)[number];

export const CONCERN_STATUSES = ['new', 'acknowledged', 'in_progress', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const CONCERN_ACTION_KINDS = [
  'acknowledged',
  'handled_in_agency',
  'information_gathered',
  'coordinated_support',
  'mandatory_report',
  'closed',
] as const;
export type ConcernActionKind = (typeof CONCERN_ACTION_KINDS)[number];

/** Action kinds whose note is required (what was done; why it was closed). */
export const NOTE_REQUIRED_FOR: readonly ConcernActionKind[] = ['handled_in_agency', 'closed'];

/** The five questions in GIRFEC order. */
export const FIVE_QUESTION_KEYS = [
  'whatIsGettingInTheWay',
  'haveAllInformation',
  'whatCanIDoNow',
  'whatCanMyAgencyDo',
  'whatHelpFromOthers',
] as const;
export type FiveQuestionKey = (typeof FIVE_QUESTION_KEYS)[number];
export type FiveAnswers = Record<FiveQuestionKey, string>;

export type RaiseConcernRequest = {
  childId?: string;
  personnummer?: string;
  source: ConcernSource;
  /** Required when source is child or guardian. */
  sourceNote?: string;
  urgency: ConcernUrgency;
  indicators: string[];
  /** Only the first must be answered (at least 3 characters). */
  answers: FiveAnswers;
  /** Question 5: is help from others needed? */
  needsOthers: boolean;
  /** Only when the named person is in another agency and neither the family asked nor a consent covers it (else 422 consent_missing). */
  sharingBasis?: { kind: StatedSharingBasis; reference: string };
};

/** Why a concern may go to a named person in another agency. */
export type SharingBasis = 'own_agency' | 'family_request' | 'consent' | 'emergency' | 'crime_prevention' | 'other_statute';
/** The bases the one raising states by hand. */
export const STATED_SHARING_BASES = ['emergency', 'crime_prevention', 'other_statute'] as const;
export type StatedSharingBasis = (typeof STATED_SHARING_BASES)[number];

export type ConcernRecipient = {
  staffId: string;
  name: string;
  title: string | null;
  unitName: string | null;
  phone: string | null;
  kind: 'named_person' | 'enrolling_unit';
};

type ConcernTimeline = {
  id: string;
  status: ConcernStatus;
  urgency: ConcernUrgency;
  source: ConcernSource;
  sourceNote: string | null;
  answers: FiveAnswers;
  needsOthers: boolean;
  indicators: { key: string; name: LocalizedText }[];
  raisedAt: string;
  acknowledgedAt: string | null;
  firstResponseAt: string | null;
  closedAt: string | null;
  firstResponseDueAt: string;
  /** No first response yet and the deadline has passed. */
  overdue: boolean;
  recipient: ConcernRecipient | null;
  /** Protected identity: who received it is not shown. */
  recipientWithheld: boolean;
  /** Why it could go to the recipient (null when there is no recipient). */
  sharingBasis: SharingBasis | null;
};

export type ConcernAction = {
  id: string;
  kind: ConcernActionKind;
  note: string | null;
  reportOfConcernId: string | null;
  actor: { staffId: string; name: string };
  at: string;
};

/** The whole concern, for those the access rules let read it. */
export type ConcernFull = ConcernTimeline & {
  view: 'full';
  child: { id: string; personnummer: string; givenName: string | null; familyName: string | null; masked: boolean };
  municipalityId: string;
  raisedBy: { staffId: string; name: string; title: string | null; unitId: string; unitName: string };
  actions: ConcernAction[];
  /** What the reader may record next (empty unless it was sent to them). */
  allowedActions: ConcernActionKind[];
};

/** For the one who raised it without seeing the child. */
export type ConcernStatusOnly = ConcernTimeline & { view: 'status'; personnummer: string };

export type Concern = ConcernFull | ConcernStatusOnly;

export type ConcernReceipt = {
  id: string;
  raisedAt: string;
  firstResponseDueAt: string;
  recipient: ConcernRecipient | null;
  recipientWithheld: boolean;
  message: LocalizedText;
};

export type RaiseConcernResponse = { concern: Concern; receipt: ConcernReceipt };
export type ConcernListResponse = { items: Concern[]; nextCursor: string | null };

export type ConcernActionRequest = {
  kind: ConcernActionKind;
  note?: string;
  reportOfConcernId?: string;
  report?: { description: string; immediateDanger?: boolean };
};

export type ConcernFormResponse = {
  questions: { key: FiveQuestionKey | (string & {}); text: LocalizedText }[];
  urgencies: { key: ConcernUrgency; firstResponse: LocalizedText }[];
  sources: ConcernSource[];
  indicators: { key: string; name: LocalizedText; description: LocalizedText }[];
};

// ── Wellbeing assessments (src/http/routes/assessments.schema.ts) ───────────

export const TRIANGLE_SIDES = ['grow_and_develop', 'care_from_adults', 'wider_world'] as const;
export type TriangleSide = (typeof TRIANGLE_SIDES)[number];
export type TriangleEntryKind = 'strength' | 'challenge';

/** Where a gathered fact is placed. */
export const MATRIX_QUADRANTS = ['resilience', 'vulnerability', 'protective_environment', 'adversity'] as const;
export type MatrixQuadrant = (typeof MATRIX_QUADRANTS)[number];
export type MatrixArea =
  | 'resilience_protective_environment'
  | 'resilience_adversity'
  | 'vulnerability_protective_environment'
  | 'vulnerability_adversity';

/** x: vulnerability (−5) ↔ resilience (+5); y: adversity (−5) ↔ protective environment (+5). */
export type MatrixPosition = { x: number; y: number };

export type IndicatorRatingInput = {
  indicator: string;
  professional?: number | null;
  child?: number | null;
  guardians?: number | null;
  note?: string | null;
};

export type CreateAssessmentRequest = {
  assessedOn?: string;
  owningUnitId?: string;
  participants: { child: boolean; guardianIds: string[]; professionals: { name: string; role?: string | null }[] };
  ratings: IndicatorRatingInput[];
  childView?: string | null;
  summary?: string | null;
  triangle: { heading: string; kind: TriangleEntryKind; text: string }[];
  matrix: { facts: { quadrant: MatrixQuadrant; text: string }[]; position: MatrixPosition | null } | null;
  concernId?: string | null;
};

export type ToolDefinition = {
  profileKey: string;
  profileVersion: number;
  tool: 'shanarri' | 'behovskompassen';
  scale: { min: number; max: number; labels: { value: number; label: LocalizedText }[] };
  indicators: { key: string; name: LocalizedText; description: LocalizedText; childStatement: LocalizedText | null }[];
  instruments: {
    key: string;
    name: LocalizedText;
    kind: 'outcome' | 'session';
    items: { key: string; label: LocalizedText }[];
    itemMin: number;
    itemMax: number;
  }[];
  triangle: {
    sides: { key: TriangleSide; name: LocalizedText }[];
    headings: { key: string; side: TriangleSide; name: LocalizedText }[];
  };
  matrix: { axisMin: number; axisMax: number; quadrants: { key: MatrixQuadrant; name: LocalizedText }[] };
};

export type Assessment = {
  id: string;
  childId: string;
  assessedOn: string;
  profileKey: string;
  profileVersion: number;
  tool: 'shanarri' | 'behovskompassen';
  category: 'wellbeing';
  participants: {
    child: boolean;
    guardians: { guardianId: string; name: string | null }[];
    professionals: { name: string; role: string | null }[];
  };
  ratings: { indicator: string; professional: number | null; child: number | null; guardians: number | null; note: string | null }[];
  professionalMean: number | null;
  childView: string | null;
  summary: string | null;
  triangle: { heading: string; side: TriangleSide; kind: TriangleEntryKind; text: string }[];
  matrix: { facts: { quadrant: MatrixQuadrant; text: string }[]; position: MatrixPosition | null; area: MatrixArea | null };
  concernId: string | null;
  owningUnitId: string;
  owningUnitName: string;
  author: string;
  createdAt: string;
};

export type AssessmentTrendPoint = {
  assessmentId: string;
  assessedOn: string;
  professional: number | null;
  child: number | null;
  guardians: number | null;
};

export type AssessmentListResponse = {
  /** The wheel of the child's current profile. */
  tool: ToolDefinition;
  /** Newest first. */
  items: Assessment[];
  /** Indicator key → points, oldest first. */
  trend: Record<string, AssessmentTrendPoint[]>;
};

export type AssessmentResponse = Assessment & { toolDefinition: ToolDefinition };
