/**
 * Concerns (oro / signal / förfrågan): any professional who notices that a
 * child is not doing well – or a child or guardian who asks for support,
 * recorded by a professional – answers the five questions and sends the
 * concern to the child's named person. The named person acknowledges it and
 * records what happens. Pure rules: the questions, the lifecycle, the
 * first-response deadlines. Who may read and act is in `access.ts`.
 *
 * Lifecycle (status is derived from the actions, stored for lists):
 *
 *   new ──acknowledged──────────────────────────▶ acknowledged
 *   new | acknowledged | in_progress
 *       ──handled_in_agency | information_gathered
 *         | coordinated_support | mandatory_report──▶ in_progress
 *   new | acknowledged | in_progress ──closed───▶ closed (final)
 *
 * The first action of any kind is the first response: it sets both
 * `acknowledgedAt` and `firstResponseAt`. Nothing follows `closed`.
 */
import type { LocalizedText } from './types.ts';

/** Who asked: a professional who noticed, or the child or a guardian asking for support. */
export const CONCERN_SOURCES = ['professional', 'child', 'guardian'] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

/** How soon the named person must respond, most urgent first. */
export const CONCERN_URGENCIES = ['immediate', 'high', 'normal', 'low'] as const;
export type ConcernUrgency = (typeof CONCERN_URGENCIES)[number];

export const CONCERN_STATUSES = ['new', 'acknowledged', 'in_progress', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** What the named person records. */
export const CONCERN_ACTION_KINDS = [
  /** Seen and taken on. */
  'acknowledged',
  /** Handled within the named person's own agency; the note says what was done. */
  'handled_in_agency',
  /** More information gathered (question 2). */
  'information_gathered',
  /** Consent sought and coordinated support started (question 5). */
  'coordinated_support',
  /** A report of concern made to social services (orosanmälan); links to that report. */
  'mandatory_report',
  /** Closed; the note gives the reason. */
  'closed',
] as const;
export type ConcernActionKind = (typeof CONCERN_ACTION_KINDS)[number];

/**
 * A concern's history: the actions above, and `forwarded` – written by the
 * system (or by whoever changed the named person) when the child's named
 * person changes and an open concern moves from the old one to the new one.
 * Never recorded through the actions endpoint; changes no status.
 */
export const CONCERN_HISTORY_KINDS = [...CONCERN_ACTION_KINDS, 'forwarded'] as const;
export type ConcernHistoryKind = (typeof CONCERN_HISTORY_KINDS)[number];

/**
 * Why a concern may go to a named person in another agency (ACCESS.md, Writes:
 * sending information to another agency requires a sharing basis):
 * - `own_agency`: the recipient works in the raiser's own agency (same agency type and organisation) – nothing crosses;
 * - `family_request`: the child or a guardian asked for support themselves;
 * - `consent`: an active consent lets the recipient's unit or agency receive `concern`;
 * - `emergency`, `crime_prevention`, `other_statute`: stated by the raiser, with the reason or statute.
 */
export const SHARING_BASES = ['own_agency', 'family_request', 'consent', 'emergency', 'crime_prevention', 'other_statute'] as const;
export type SharingBasis = (typeof SHARING_BASES)[number];
/** The bases a raiser states by hand (the others the system finds itself). */
export const STATED_SHARING_BASES = ['emergency', 'crime_prevention', 'other_statute'] as const satisfies readonly SharingBasis[];

/** Action kinds whose note is required (what was done; why it was closed). */
export const NOTE_REQUIRED_FOR: readonly ConcernActionKind[] = ['handled_in_agency', 'closed'];

/** The five questions' keys in the API, in GIRFEC order. */
export const FIVE_QUESTION_KEYS = [
  'whatIsGettingInTheWay',
  'haveAllInformation',
  'whatCanIDoNow',
  'whatCanMyAgencyDo',
  'whatHelpFromOthers',
] as const;
export type FiveQuestionKey = (typeof FIVE_QUESTION_KEYS)[number];
export type FiveAnswers = Record<FiveQuestionKey, string>;

/**
 * The five questions, exact GIRFEC wording (gov.scot practice statement on the
 * child's plan); the Swedish is the project's translation (ours).
 */
export const FIVE_QUESTIONS: Record<FiveQuestionKey, LocalizedText> = {
  whatIsGettingInTheWay: {
    en: "What is getting in the way of this child or young person's wellbeing?",
    sv: 'Vad står i vägen för det här barnets eller den ungas välbefinnande?',
  },
  haveAllInformation: {
    en: 'Do I have all the information I need to help this child or young person?',
    sv: 'Har jag all information jag behöver för att hjälpa det här barnet eller den unga?',
  },
  whatCanIDoNow: {
    en: 'What can I do now that is needed and appropriate to help this child or young person?',
    sv: 'Vad kan jag göra nu som behövs och är lämpligt för att hjälpa det här barnet eller den unga?',
  },
  whatCanMyAgencyDo: {
    en: 'What can my agency or organisation do now to help this child or young person?',
    sv: 'Vad kan min verksamhet eller organisation göra nu för att hjälpa det här barnet eller den unga?',
  },
  whatHelpFromOthers: {
    en: 'What additional help, if any, may be needed from others?',
    sv: 'Vilken ytterligare hjälp, om någon, kan behövas från andra?',
  },
};

// ── Lifecycle ───────────────────────────────────────────────────────────────

export type TransitionResult =
  | { ok: true; status: ConcernStatus; firstResponse: boolean }
  | { ok: false; reason: 'closed' | 'already_acknowledged' };

/** The status after recording `kind` on a concern that is `status`, or why it is refused. */
export function applyConcernAction(status: ConcernStatus, kind: ConcernActionKind): TransitionResult {
  if (status === 'closed') return { ok: false, reason: 'closed' };
  const firstResponse = status === 'new';
  if (kind === 'acknowledged') {
    return status === 'new' ? { ok: true, status: 'acknowledged', firstResponse } : { ok: false, reason: 'already_acknowledged' };
  }
  if (kind === 'closed') return { ok: true, status: 'closed', firstResponse };
  return { ok: true, status: 'in_progress', firstResponse };
}

/** The actions possible next on a concern that is `status` (for the one it was sent to). */
export function possibleConcernActions(status: ConcernStatus): ConcernActionKind[] {
  return CONCERN_ACTION_KINDS.filter((kind) => applyConcernAction(status, kind).ok);
}

// ── First-response deadlines ────────────────────────────────────────────────

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Time allowed until the first response, per urgency: `immediate` 4 hours
 * (clock time, weekends included); `high` 1 working day; `normal` 5 working
 * days; `low` 10 working days. A working day is Monday–Friday by the UTC date;
 * public holidays are not counted (yet).
 */
export const FIRST_RESPONSE_DEADLINES: Record<ConcernUrgency, { hours: number } | { workingDays: number }> = {
  immediate: { hours: 4 },
  high: { workingDays: 1 },
  normal: { workingDays: 5 },
  low: { workingDays: 10 },
};

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** When the first response is due for a concern raised at `raisedAt`. */
export function firstResponseDueAt(raisedAt: Date, urgency: ConcernUrgency): Date {
  const rule = FIRST_RESPONSE_DEADLINES[urgency];
  if ('hours' in rule) return new Date(raisedAt.getTime() + rule.hours * HOUR_MS);
  let due = raisedAt.getTime();
  for (let i = 0; i < rule.workingDays; i++) {
    due += DAY_MS;
    while (isWeekend(new Date(due))) due += DAY_MS;
  }
  return new Date(due);
}

/** Overdue: no first response yet and the deadline has passed. */
export function isConcernOverdue(
  concern: { raisedAt: Date; urgency: ConcernUrgency; firstResponseAt: Date | null },
  now: Date,
): boolean {
  return concern.firstResponseAt === null && now.getTime() > firstResponseDueAt(concern.raisedAt, concern.urgency).getTime();
}

/** Sort rank for the inbox: most urgent first (0). */
export function urgencyRank(urgency: ConcernUrgency): number {
  return CONCERN_URGENCIES.indexOf(urgency);
}

// ── Following the named person ──────────────────────────────────────────────

type AgencyOf = { agencyType: string; organisationId: string };

/**
 * When the child's named person changes, may an open concern sent to the old
 * one move to the new one, and on which basis? The basis it was sent on must
 * still hold for the new recipient (ACCESS.md, Writes): the family's own
 * request and a basis the raiser stated go with the concern; `own_agency` and
 * `consent` hold only if the new named person is in the raising agency, or an
 * active consent (`coveringConsentId`) lets their unit or agency receive
 * `concern`. Null: it stays with the old recipient, who can still act on it.
 */
export function forwardingBasis(
  concern: { sharingBasis: SharingBasis | null; owning: AgencyOf },
  to: AgencyOf,
  coveringConsentId: string | null,
): { basis: SharingBasis; reference: string | null } | 'keep_reference' | null {
  if (concern.owning.agencyType === to.agencyType && concern.owning.organisationId === to.organisationId) {
    return { basis: 'own_agency', reference: null };
  }
  if (concern.sharingBasis !== null && concern.sharingBasis !== 'own_agency' && concern.sharingBasis !== 'consent') {
    return 'keep_reference';
  }
  return coveringConsentId ? { basis: 'consent', reference: coveringConsentId } : null;
}
