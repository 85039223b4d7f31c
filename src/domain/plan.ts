/**
 * The child's plan (barnets plan; SIP when social services and health care
 * both help): content, lifecycle and the readable diff between versions.
 * Pure – no I/O. The content follows the Child's Plan (Scotland) Order 2016
 * schedule and the SIP's statutory content (DOMAIN.md, "Exact content").
 *
 * A plan is a record of information category `plan` owned by the unit of the
 * professional who started it; `domain/access` decides who reads it, and
 * `canEditPlan` / `canUpdateAction` below who writes what (ACCESS.md, Writes:
 * the lead professional and the named person edit the plan; each team member
 * updates the actions their own unit is responsible for).
 */
import { z } from 'zod';
import { AppError } from './errors.ts';
import type { AgencyType } from './types.ts';

export const PLAN_STATUSES = ['draft', 'active', 'under_review', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The moves a plan can make; anything else is a 409 that says where the plan stands. */
export const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['active', 'closed'],
  active: ['under_review', 'closed'],
  under_review: ['active', 'closed'],
  closed: [],
};

export const ACTION_STATUSES = ['planned', 'ongoing', 'done', 'not_done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What a review records for one action. */
export const REVIEWED_ACTION_STATUSES = ['done', 'ongoing', 'not_done'] as const;

/** Which body (huvudman) holds overall responsibility for a SIP. */
export const RESPONSIBLE_BODIES = ['municipality', 'region'] as const;

const dateString = z.iso.date({ error: 'Write the date as YYYY-MM-DD.' });
const text = (max: number) => z.string().trim().max(max).refine((s) => !s.includes('\u0000'), 'Text may not contain NUL characters.');
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'Write something here.'));
/** Client-made ids keep actions and needs recognisable across versions (diff, reviews). */
const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'An id is 1–40 letters, digits, - or _.');

export const PlanActionSchema = z.strictObject({
  id: itemId,
  /** From the intervention catalogue, or null for free text. */
  interventionId: z.uuid().nullable().default(null),
  description: requiredText(2000),
  responsibleUnitId: z.uuid(),
  responsibleStaffId: z.uuid().nullable().default(null),
  startDate: dateString,
  dueDate: dateString,
  status: z.enum(ACTION_STATUSES).default('planned'),
  /** The latest review comment on the action. */
  comment: text(2000).nullable().default(null),
});

export const PlanNeedSchema = z.strictObject({
  id: itemId,
  /** A wellbeing indicator key of the child's profile (validated by the service). */
  indicator: z.string().min(1).max(60),
  need: requiredText(2000),
  desiredOutcome: requiredText(2000),
  /** How achievement will be evidenced ("how we will see progress"). */
  evidence: requiredText(2000),
  actions: z.array(PlanActionSchema).max(30),
});

/**
 * Whether they accept the plan. Accepting a child's plan is voluntary
 * (DOMAIN.md): the answer is recorded, never required, and a plan the family
 * does not accept can still be written down with their view.
 */
export const PLAN_AGREEMENTS = ['agreed', 'agreed_with_reservations', 'not_agreed'] as const;
export type PlanAgreement = (typeof PLAN_AGREEMENTS)[number];

/** A view (child's or guardians'): what they said, or why it could not be recorded, and whether they accept the plan. */
export const PlanViewSchema = z.strictObject({
  text: text(4000).nullable().default(null),
  reasonMissing: text(1000).nullable().default(null),
  agreement: z.enum(PLAN_AGREEMENTS).nullable().default(null),
});

export const PlanContentSchema = z.strictObject({
  /** Why the plan exists: summary of wellbeing needs and the action taken so far. */
  reason: requiredText(4000),
  /** Assessment summary and conclusions (may point at the assessment). */
  assessmentSummary: text(4000).nullable().default(null),
  assessmentId: z.uuid().nullable().default(null),
  needs: z.array(PlanNeedSchema).max(20),
  childView: PlanViewSchema,
  guardiansView: PlanViewSchema,
  disagreements: text(4000).nullable().default(null),
  /** SIP: the body with overall responsibility, and measures others (outside the plan's agencies) take. */
  overallResponsibility: z.enum(RESPONSIBLE_BODIES).nullable().default(null),
  otherMeasures: text(4000).nullable().default(null),
  reviewDate: dateString,
});

export type PlanAction = z.infer<typeof PlanActionSchema>;
export type PlanNeed = z.infer<typeof PlanNeedSchema>;
export type PlanContent = z.infer<typeof PlanContentSchema>;
export type PlanContentInput = z.input<typeof PlanContentSchema>;

/** Checks that the plan's own ids are unique and dates run forwards; throws a 422 naming the field. */
export function validatePlanContent(content: PlanContent, indicatorKeys: readonly string[]): void {
  const fail = (field: string, sv: string, en: string) => {
    throw new AppError('validation_failed', { message: { sv, en }, details: { field } });
  };
  const seen = new Set<string>();
  content.needs.forEach((need, n) => {
    if (!indicatorKeys.includes(need.indicator)) {
      fail(`needs.${n}.indicator`, `Behov ${n + 1}: indikatorn "${need.indicator}" finns inte i barnets modell.`, `Need ${n + 1}: the indicator "${need.indicator}" is not in the child's model.`);
    }
    for (const id of [need.id, ...need.actions.map((a) => a.id)]) {
      if (seen.has(id)) fail(`needs.${n}`, `Id "${id}" används två gånger i planen.`, `The id "${id}" is used twice in the plan.`);
      seen.add(id);
    }
    need.actions.forEach((action, a) => {
      if (action.dueDate < action.startDate) {
        fail(`needs.${n}.actions.${a}.dueDate`, `Behov ${n + 1}, insats ${a + 1}: slutdatum före startdatum.`, `Need ${n + 1}, action ${a + 1}: the due date is before the start date.`);
      }
    });
  });
}

/** The agencies with actions in the plan (agency type of each responsible unit). */
export function agenciesWithActions(content: PlanContent, agencyOf: (unitId: string) => AgencyType | undefined): AgencyType[] {
  const agencies = new Set<AgencyType>();
  for (const need of content.needs) {
    for (const action of need.actions) {
      const agency = agencyOf(action.responsibleUnitId);
      if (agency) agencies.add(agency);
    }
  }
  return [...agencies].sort();
}

/** A plan with actions from more than one agency needs a lead professional before it is active. */
export function needsLeadProfessional(agencies: readonly AgencyType[]): boolean {
  return agencies.length > 1;
}

/** Health-care agencies: a plan with these and social services is a SIP (HSL 16 kap. 4 §, SoL 2 kap. 7 §). */
const HEALTH_CARE: readonly AgencyType[] = ['child_health_care', 'maternity_care', 'primary_care', 'child_psychiatry'];
export function isSip(agencies: readonly AgencyType[]): boolean {
  return agencies.includes('social_services') && agencies.some((a) => HEALTH_CARE.includes(a));
}

export type ActivationProblem = { field: string; sv: string; en: string };

/**
 * What stops a plan from being activated: at least one need with an action;
 * the child's and the guardians' views (or the reason why not); a lead
 * professional when more than one agency acts; for a SIP the body with overall
 * responsibility; a review date not in the past.
 */
export function activationProblems(input: {
  content: PlanContent;
  agencies: readonly AgencyType[];
  hasLeadProfessional: boolean;
  today: string;
}): ActivationProblem[] {
  const { content, agencies, hasLeadProfessional, today } = input;
  const problems: ActivationProblem[] = [];
  if (!content.needs.some((n) => n.actions.length > 0)) {
    problems.push({ field: 'needs', sv: 'Planen behöver minst ett behov med en insats.', en: 'The plan needs at least one need with an action.' });
  }
  const viewMissing = (v: PlanContent['childView']) => !v.text && !v.reasonMissing;
  if (viewMissing(content.childView)) {
    problems.push({ field: 'childView', sv: 'Skriv barnets egen syn – eller varför den inte kunde tas med.', en: "Write the child's own view – or why it could not be included." });
  }
  if (viewMissing(content.guardiansView)) {
    problems.push({ field: 'guardiansView', sv: 'Skriv vårdnadshavarnas syn – eller varför den inte kunde tas med.', en: "Write the guardians' view – or why it could not be included." });
  }
  if (needsLeadProfessional(agencies) && !hasLeadProfessional) {
    problems.push({
      field: 'leadProfessional',
      sv: 'Flera verksamheter har insatser i planen: utse en stödsamordnare innan planen börjar gälla.',
      en: 'More than one agency has actions in the plan: appoint a lead professional before the plan is activated.',
    });
  }
  if (isSip(agencies) && !content.overallResponsibility) {
    problems.push({ field: 'overallResponsibility', sv: 'Ange vilken huvudman som har det övergripande ansvaret (SIP).', en: 'State which body holds overall responsibility (SIP).' });
  }
  if (content.reviewDate < today) {
    problems.push({ field: 'reviewDate', sv: 'Datum för uppföljning har redan passerat.', en: 'The review date has already passed.' });
  }
  return problems;
}

/** Throws 409 when the plan cannot move from `from` to `to`. */
export function assertTransition(from: PlanStatus, to: PlanStatus): void {
  if (!PLAN_TRANSITIONS[from].includes(to)) {
    throw new AppError('conflict', {
      message: {
        sv: `Planen har status "${STATUS_LABELS[from].sv}" och kan inte bli "${STATUS_LABELS[to].sv}".`,
        en: `The plan is "${STATUS_LABELS[from].en}" and cannot become "${STATUS_LABELS[to].en}".`,
      },
      details: { status: from, requested: to },
    });
  }
}

export const STATUS_LABELS: Record<PlanStatus, { sv: string; en: string }> = {
  draft: { sv: 'utkast', en: 'draft' },
  active: { sv: 'gäller', en: 'active' },
  under_review: { sv: 'följs upp', en: 'under review' },
  closed: { sv: 'avslutad', en: 'closed' },
};

// ── Diff ─────────────────────────────────────────────────────────────────────

export type PlanChange = {
  /** Where: `reason`, `needs.<needId>.desiredOutcome`, `needs.<needId>.actions.<actionId>.dueDate`, … */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
  /** A sentence a person reads ("Need 'Sleep': desired outcome changed"). */
  label: { sv: string; en: string };
};

const FIELD_LABELS: Record<string, { sv: string; en: string }> = {
  reason: { sv: 'Varför planen finns', en: 'Why the plan exists' },
  assessmentSummary: { sv: 'Sammanfattning av bedömningen', en: 'Assessment summary' },
  assessmentId: { sv: 'Kopplad bedömning', en: 'Linked assessment' },
  disagreements: { sv: 'Oenighet', en: 'Disagreements' },
  overallResponsibility: { sv: 'Huvudman med övergripande ansvar', en: 'Body with overall responsibility' },
  otherMeasures: { sv: 'Åtgärder av andra', en: 'Measures by others' },
  reviewDate: { sv: 'Datum för uppföljning', en: 'Review date' },
  'childView.text': { sv: 'Barnets syn', en: "The child's view" },
  'childView.reasonMissing': { sv: 'Varför barnets syn saknas', en: "Why the child's view is missing" },
  'guardiansView.text': { sv: 'Vårdnadshavarnas syn', en: "The guardians' view" },
  'guardiansView.reasonMissing': { sv: 'Varför vårdnadshavarnas syn saknas', en: "Why the guardians' view is missing" },
  'childView.agreement': { sv: 'Barnets svar på planen', en: "The child's answer to the plan" },
  'guardiansView.agreement': { sv: 'Vårdnadshavarnas svar på planen', en: "The guardians' answer to the plan" },
  indicator: { sv: 'indikator', en: 'indicator' },
  need: { sv: 'behov', en: 'need' },
  desiredOutcome: { sv: 'önskat resultat', en: 'desired outcome' },
  evidence: { sv: 'hur vi ser framsteg', en: 'how progress will be seen' },
  interventionId: { sv: 'insats från katalogen', en: 'catalogue intervention' },
  description: { sv: 'beskrivning', en: 'description' },
  responsibleUnitId: { sv: 'ansvarig enhet', en: 'responsible unit' },
  responsibleStaffId: { sv: 'ansvarig person', en: 'responsible person' },
  startDate: { sv: 'startdatum', en: 'start date' },
  dueDate: { sv: 'klart senast', en: 'due date' },
  status: { sv: 'status', en: 'status' },
  comment: { sv: 'kommentar', en: 'comment' },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/** What changed from `before` to `after`, field by field; needs and actions matched by id. */
export function diffPlanContent(before: PlanContent, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of ['reason', 'assessmentSummary', 'assessmentId', 'disagreements', 'overallResponsibility', 'otherMeasures', 'reviewDate'] as const) {
    if (!same(before[field], after[field])) {
      changes.push({ path: field, kind: 'changed', before: before[field], after: after[field], label: FIELD_LABELS[field]! });
    }
  }
  for (const view of ['childView', 'guardiansView'] as const) {
    for (const part of ['text', 'reasonMissing', 'agreement'] as const) {
      if (!same(before[view][part], after[view][part])) {
        changes.push({ path: `${view}.${part}`, kind: 'changed', before: before[view][part], after: after[view][part], label: FIELD_LABELS[`${view}.${part}`]! });
      }
    }
  }
  const beforeNeeds = new Map(before.needs.map((n) => [n.id, n]));
  const afterNeeds = new Map(after.needs.map((n) => [n.id, n]));
  for (const [id, need] of beforeNeeds) {
    if (!afterNeeds.has(id)) {
      changes.push({ path: `needs.${id}`, kind: 'removed', before: need, after: null, label: { sv: `Behov borttaget: ${short(need.need)}`, en: `Need removed: ${short(need.need)}` } });
    }
  }
  for (const [id, need] of afterNeeds) {
    const old = beforeNeeds.get(id);
    if (!old) {
      changes.push({ path: `needs.${id}`, kind: 'added', before: null, after: need, label: { sv: `Nytt behov: ${short(need.need)}`, en: `New need: ${short(need.need)}` } });
      continue;
    }
    for (const field of ['indicator', 'need', 'desiredOutcome', 'evidence'] as const) {
      if (!same(old[field], need[field])) {
        const l = FIELD_LABELS[field]!;
        changes.push({ path: `needs.${id}.${field}`, kind: 'changed', before: old[field], after: need[field], label: { sv: `Behov "${short(need.need)}": ${l.sv} ändrat`, en: `Need "${short(need.need)}": ${l.en} changed` } });
      }
    }
    const oldActions = new Map(old.actions.map((a) => [a.id, a]));
    const newActions = new Map(need.actions.map((a) => [a.id, a]));
    for (const [aid, action] of oldActions) {
      if (!newActions.has(aid)) {
        changes.push({ path: `needs.${id}.actions.${aid}`, kind: 'removed', before: action, after: null, label: { sv: `Insats borttagen: ${short(action.description)}`, en: `Action removed: ${short(action.description)}` } });
      }
    }
    for (const [aid, action] of newActions) {
      const prev = oldActions.get(aid);
      if (!prev) {
        changes.push({ path: `needs.${id}.actions.${aid}`, kind: 'added', before: null, after: action, label: { sv: `Ny insats: ${short(action.description)}`, en: `New action: ${short(action.description)}` } });
        continue;
      }
      for (const field of ['interventionId', 'description', 'responsibleUnitId', 'responsibleStaffId', 'startDate', 'dueDate', 'status', 'comment'] as const) {
        if (!same(prev[field], action[field])) {
          const l = FIELD_LABELS[field]!;
          changes.push({ path: `needs.${id}.actions.${aid}.${field}`, kind: 'changed', before: prev[field], after: action[field], label: { sv: `Insats "${short(action.description)}": ${l.sv} ändrad`, en: `Action "${short(action.description)}": ${l.en} changed` } });
        }
      }
    }
  }
  return changes;
}

/** The actions whose responsible unit is not one of `unitIds` – what a team member may not change. */
export function actionsOutside(content: PlanContent, unitIds: readonly string[]): Map<string, PlanAction> {
  const outside = new Map<string, PlanAction>();
  for (const need of content.needs) for (const a of need.actions) if (!unitIds.includes(a.responsibleUnitId)) outside.set(a.id, a);
  return outside;
}

/** The path of a field a team member may change: the status or comment of an action. */
const OWN_ACTION_FIELD = /^needs\.([^.]+)\.actions\.([^.]+)\.(status|comment)$/;

/**
 * A team member (not lead, not named person) may change only the status and
 * comment of actions their own unit is responsible for. Returns the first path
 * that breaks this, or null.
 */
export function firstChangeOutsideOwnActions(before: PlanContent, after: PlanContent, ownUnitIds: readonly string[]): string | null {
  for (const change of diffPlanContent(before, after)) {
    const m = OWN_ACTION_FIELD.exec(change.path);
    if (!m) return change.path;
    const action = before.needs.find((n) => n.id === m[1])?.actions.find((a) => a.id === m[2]);
    if (!action || !ownUnitIds.includes(action.responsibleUnitId)) return change.path;
  }
  return null;
}

/**
 * A team member's update of their own actions, made on an older version
 * (`base`), carried over onto the current one – so that two people marking
 * their own actions in the same meeting do not stop each other. It merges only
 * when nobody else has touched those fields, those actions or their needs
 * since `base`, and each action is still their unit's; otherwise null (the
 * caller answers 409 with the diff, as for any stale save).
 */
export function mergeOwnActionUpdates(base: PlanContent, current: PlanContent, mine: PlanContent, ownUnitIds: readonly string[]): PlanContent | null {
  const theirs = new Set(diffPlanContent(base, current).map((c) => c.path));
  const merged = structuredClone(current);
  for (const change of diffPlanContent(base, mine)) {
    const m = OWN_ACTION_FIELD.exec(change.path);
    if (!m) return null;
    const [, needId, actionId, field] = m as unknown as [string, string, string, 'status' | 'comment'];
    const actionPath = `needs.${needId}.actions.${actionId}`;
    if (theirs.has(`needs.${needId}`) || theirs.has(actionPath) || theirs.has(`${actionPath}.${field}`) || theirs.has(`${actionPath}.responsibleUnitId`)) return null;
    const action = merged.needs.find((n) => n.id === needId)?.actions.find((a) => a.id === actionId);
    if (!action || !ownUnitIds.includes(action.responsibleUnitId)) return null;
    if (field === 'status') action.status = change.after as PlanAction['status'];
    else action.comment = change.after as string | null;
  }
  return merged;
}

/** Actions due before `today` and not done: for the work lists. */
export function overdueActions(content: PlanContent, today: string): PlanAction[] {
  return content.needs.flatMap((n) => n.actions.filter((a) => a.dueDate < today && a.status !== 'done' && a.status !== 'not_done'));
}
