/**
 * The plan editor's working copy: a draft with plain strings for the form,
 * turned into the API's content on save; kept in this browser (localStorage,
 * per user and plan) while the user types, so a reload or a dropped
 * connection in the meeting loses nothing; and merged field by field with a
 * version someone else saved meanwhile ("load their version and reapply my
 * text"). Pure apart from the storage helpers.
 */
import type { ActionStatus, PlanAction, PlanContent, PlanNeed, ResponsibleBody } from '../api-types.ts';

export type ActionDraft = {
  id: string;
  interventionId: string | null;
  description: string;
  responsibleUnitId: string;
  responsibleStaffId: string | null;
  startDate: string;
  dueDate: string;
  status: ActionStatus;
  comment: string;
};

export type NeedDraft = {
  id: string;
  indicator: string;
  need: string;
  desiredOutcome: string;
  evidence: string;
  actions: ActionDraft[];
};

/** A view (the child's, the guardians'): what they said – or, when `missing`, why it could not be recorded. */
export type ViewDraft = { missing: boolean; text: string; reasonMissing: string; agreement: PlanContent['childView']['agreement'] };

export type PlanDraft = {
  reason: string;
  assessmentSummary: string;
  assessmentId: string | null;
  needs: NeedDraft[];
  childView: ViewDraft;
  guardiansView: ViewDraft;
  disagreements: string;
  overallResponsibility: ResponsibleBody | null;
  otherMeasures: string;
  reviewDate: string;
};

let counter = 0;
/** An id the server accepts for a need or an action (1–40 of A–Z a–z 0–9 _ -), unique in this browser. */
export function newItemId(prefix: 'n' | 'a'): string {
  counter = (counter + 1) % 1_000_000;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** "YYYY-MM-DD" `days` after `from` (a date string, or today in local time). */
export function addDays(days: number, from?: string): string {
  const base = from ? new Date(`${from}T12:00:00`) : new Date();
  base.setDate(base.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${base.getFullYear()}-${pad(base.getMonth() + 1)}-${pad(base.getDate())}`;
}

export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(new Date(`${s}T12:00:00Z`).getTime());

export function emptyAction(defaults: { unitId?: string; startDate: string; dueDate: string }): ActionDraft {
  return {
    id: newItemId('a'),
    interventionId: null,
    description: '',
    responsibleUnitId: defaults.unitId ?? '',
    responsibleStaffId: null,
    startDate: defaults.startDate,
    dueDate: defaults.dueDate,
    status: 'planned',
    comment: '',
  };
}

export function emptyNeed(indicator = ''): NeedDraft {
  return { id: newItemId('n'), indicator, need: '', desiredOutcome: '', evidence: '', actions: [] };
}

/** A new plan: one empty need, the review in six weeks. */
export function emptyDraft(today: string): PlanDraft {
  return {
    reason: '',
    assessmentSummary: '',
    assessmentId: null,
    needs: [emptyNeed()],
    childView: { missing: false, text: '', reasonMissing: '', agreement: null },
    guardiansView: { missing: false, text: '', reasonMissing: '', agreement: null },
    disagreements: '',
    overallResponsibility: null,
    otherMeasures: '',
    reviewDate: addDays(42, today),
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function viewToContent(v: ViewDraft): PlanContent['childView'] {
  const agreement = v.agreement ?? null;
  return v.missing ? { text: null, reasonMissing: orNull(v.reasonMissing), agreement } : { text: orNull(v.text), reasonMissing: null, agreement };
}

function viewFromContent(v: PlanContent['childView']): ViewDraft {
  // Versions saved before the answer to the plan was recorded have no `agreement`.
  return { missing: !v.text && Boolean(v.reasonMissing), text: v.text ?? '', reasonMissing: v.reasonMissing ?? '', agreement: v.agreement ?? null };
}

/** What the API gets: trimmed text, empty text as null. */
export function toContent(draft: PlanDraft): PlanContent {
  return {
    reason: draft.reason.trim(),
    assessmentSummary: orNull(draft.assessmentSummary),
    assessmentId: draft.assessmentId,
    needs: draft.needs.map(
      (n): PlanNeed => ({
        id: n.id,
        indicator: n.indicator,
        need: n.need.trim(),
        desiredOutcome: n.desiredOutcome.trim(),
        evidence: n.evidence.trim(),
        actions: n.actions.map(
          (a): PlanAction => ({
            id: a.id,
            interventionId: a.interventionId,
            description: a.description.trim(),
            responsibleUnitId: a.responsibleUnitId,
            responsibleStaffId: a.responsibleStaffId,
            startDate: a.startDate,
            dueDate: a.dueDate,
            status: a.status,
            comment: orNull(a.comment),
          }),
        ),
      }),
    ),
    childView: viewToContent(draft.childView),
    guardiansView: viewToContent(draft.guardiansView),
    disagreements: orNull(draft.disagreements),
    overallResponsibility: draft.overallResponsibility,
    otherMeasures: orNull(draft.otherMeasures),
    reviewDate: draft.reviewDate,
  };
}

export function fromContent(content: PlanContent): PlanDraft {
  return {
    reason: content.reason,
    assessmentSummary: content.assessmentSummary ?? '',
    assessmentId: content.assessmentId,
    needs: content.needs.map((n) => ({
      id: n.id,
      indicator: n.indicator,
      need: n.need,
      desiredOutcome: n.desiredOutcome,
      evidence: n.evidence,
      actions: n.actions.map((a) => ({
        id: a.id,
        interventionId: a.interventionId,
        description: a.description,
        responsibleUnitId: a.responsibleUnitId,
        responsibleStaffId: a.responsibleStaffId,
        startDate: a.startDate,
        dueDate: a.dueDate,
        status: a.status,
        comment: a.comment ?? '',
      })),
    })),
    childView: viewFromContent(content.childView),
    guardiansView: viewFromContent(content.guardiansView),
    disagreements: content.disagreements ?? '',
    overallResponsibility: content.overallResponsibility,
    otherMeasures: content.otherMeasures ?? '',
    reviewDate: content.reviewDate,
  };
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Does the draft say something other than `content`? */
export function differsFrom(draft: PlanDraft, content: PlanContent | null): boolean {
  return content === null ? true : !sameValue(toContent(draft), content);
}

// ── Field ids (the error summary links to them) ────────────────────────────

export const fieldId = {
  reason: 'plan-reason',
  assessmentSummary: 'plan-assessmentSummary',
  needs: 'plan-needs',
  need: (needId: string, field: 'indicator' | 'need' | 'desiredOutcome' | 'evidence') => `plan-need-${needId}-${field}`,
  action: (actionId: string, field: 'description' | 'responsibleUnitId' | 'startDate' | 'dueDate') => `plan-action-${actionId}-${field}`,
  childView: 'plan-childView',
  guardiansView: 'plan-guardiansView',
  overallResponsibility: 'plan-overallResponsibility',
  reviewDate: 'plan-reviewDate',
};

/** Where a field the API names ("needs.0.actions.1.dueDate", "childView", …) is in the form. */
export function fieldIdForApiPath(path: string, draft: PlanDraft): string {
  const action = /^needs\.(\d+)\.actions\.(\d+)(?:\.(\w+))?/.exec(path);
  if (action) {
    const a = draft.needs[Number(action[1])]?.actions[Number(action[2])];
    const field = action[3] === 'startDate' || action[3] === 'dueDate' || action[3] === 'responsibleUnitId' ? action[3] : 'description';
    return a ? fieldId.action(a.id, field) : fieldId.needs;
  }
  const need = /^needs\.(\d+)(?:\.(\w+))?/.exec(path);
  if (need) {
    const n = draft.needs[Number(need[1])];
    const field = need[2] === 'indicator' || need[2] === 'desiredOutcome' || need[2] === 'evidence' ? need[2] : 'need';
    return n ? fieldId.need(n.id, field) : fieldId.needs;
  }
  const top = path.split('.')[0] ?? '';
  if (top === 'needs') return fieldId.needs;
  if (top in fieldId && typeof fieldId[top as keyof typeof fieldId] === 'string') return fieldId[top as 'reason'];
  return '';
}

export type DraftProblem = { target: string; key: DraftProblemKey; n?: number; a?: number };
export type DraftProblemKey =
  | 'reason'
  | 'indicator'
  | 'need'
  | 'desiredOutcome'
  | 'evidence'
  | 'description'
  | 'responsibleUnit'
  | 'startDate'
  | 'dueDate'
  | 'dueBeforeStart'
  | 'reviewDate';

/** What must be filled in before the plan can be saved at all (the API refuses otherwise). */
export function checkDraft(draft: PlanDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.reason.trim()) problems.push({ target: fieldId.reason, key: 'reason' });
  draft.needs.forEach((need, i) => {
    const n = i + 1;
    if (!need.indicator) problems.push({ target: fieldId.need(need.id, 'indicator'), key: 'indicator', n });
    if (!need.need.trim()) problems.push({ target: fieldId.need(need.id, 'need'), key: 'need', n });
    if (!need.desiredOutcome.trim()) problems.push({ target: fieldId.need(need.id, 'desiredOutcome'), key: 'desiredOutcome', n });
    if (!need.evidence.trim()) problems.push({ target: fieldId.need(need.id, 'evidence'), key: 'evidence', n });
    need.actions.forEach((action, j) => {
      const a = j + 1;
      if (!action.description.trim()) problems.push({ target: fieldId.action(action.id, 'description'), key: 'description', n, a });
      if (!action.responsibleUnitId) problems.push({ target: fieldId.action(action.id, 'responsibleUnitId'), key: 'responsibleUnit', n, a });
      if (!isIsoDate(action.startDate)) problems.push({ target: fieldId.action(action.id, 'startDate'), key: 'startDate', n, a });
      if (!isIsoDate(action.dueDate)) problems.push({ target: fieldId.action(action.id, 'dueDate'), key: 'dueDate', n, a });
      else if (isIsoDate(action.startDate) && action.dueDate < action.startDate)
        problems.push({ target: fieldId.action(action.id, 'dueDate'), key: 'dueBeforeStart', n, a });
    });
  });
  if (!isIsoDate(draft.reviewDate)) problems.push({ target: fieldId.reviewDate, key: 'reviewDate' });
  return problems;
}

// ── Merge: their version plus my changes ────────────────────────────────────

const TOP_FIELDS = ['reason', 'assessmentSummary', 'assessmentId', 'disagreements', 'overallResponsibility', 'otherMeasures', 'reviewDate'] as const;
const NEED_FIELDS = ['indicator', 'need', 'desiredOutcome', 'evidence'] as const;
const ACTION_FIELDS = ['interventionId', 'description', 'responsibleUnitId', 'responsibleStaffId', 'startDate', 'dueDate', 'status', 'comment'] as const;

export type MergeResult = {
  content: PlanContent;
  /** Paths (as the API's changes name them) both sides changed differently; my change was kept. */
  bothChanged: string[];
};

/**
 * Three-way merge by field: start from `theirs` (the newest saved version) and
 * reapply every field I changed since `base` (the version I started from).
 * Needs and actions are matched by id; one I added is kept, one I removed is
 * removed unless they changed it meanwhile. Where both changed the same field
 * my text wins, and the path is reported so the user can look at it.
 */
export function mergeContent(base: PlanContent, mine: PlanContent, theirs: PlanContent): MergeResult {
  const bothChanged: string[] = [];
  const pick = <T>(path: string, b: T, m: T, t: T): T => {
    if (sameValue(m, b)) return t;
    if (!sameValue(t, b) && !sameValue(t, m)) bothChanged.push(path);
    return m;
  };

  const merged = { ...theirs } as PlanContent;
  for (const field of TOP_FIELDS) {
    (merged as Record<string, unknown>)[field] = pick(field, base[field], mine[field], theirs[field]);
  }
  for (const view of ['childView', 'guardiansView'] as const) {
    merged[view] = {
      text: pick(`${view}.text`, base[view].text, mine[view].text, theirs[view].text),
      reasonMissing: pick(`${view}.reasonMissing`, base[view].reasonMissing, mine[view].reasonMissing, theirs[view].reasonMissing),
      agreement: pick(`${view}.agreement`, base[view].agreement ?? null, mine[view].agreement ?? null, theirs[view].agreement ?? null),
    };
  }

  function mergeList<T extends { id: string }>(prefix: string, b: readonly T[], m: readonly T[], t: readonly T[], item: (path: string, b: T, m: T, t: T) => T): T[] {
    const inBase = new Map(b.map((x) => [x.id, x]));
    const inMine = new Map(m.map((x) => [x.id, x]));
    const inTheirs = new Map(t.map((x) => [x.id, x]));
    const out: T[] = [];
    for (const theirsItem of t) {
      const path = `${prefix}.${theirsItem.id}`;
      const baseItem = inBase.get(theirsItem.id);
      const mineItem = inMine.get(theirsItem.id);
      if (mineItem && baseItem) out.push(item(path, baseItem, mineItem, theirsItem));
      else if (mineItem) out.push(theirsItem);
      else if (baseItem) {
        // I removed it; keep it only if they changed it meanwhile.
        if (!sameValue(baseItem, theirsItem)) {
          bothChanged.push(path);
          out.push(theirsItem);
        }
      } else out.push(theirsItem);
    }
    for (const mineItem of m) {
      if (inTheirs.has(mineItem.id)) continue;
      const baseItem = inBase.get(mineItem.id);
      if (!baseItem) {
        out.push(mineItem); // I added it.
      } else if (!sameValue(baseItem, mineItem)) {
        // They removed it, but I changed it: keep mine.
        bothChanged.push(`${prefix}.${mineItem.id}`);
        out.push(mineItem);
      }
    }
    return out;
  }

  const mergeAction = (path: string, b: PlanAction, m: PlanAction, t: PlanAction): PlanAction => {
    const out = { ...t };
    for (const field of ACTION_FIELDS) (out as Record<string, unknown>)[field] = pick(`${path}.${field}`, b[field], m[field], t[field]);
    return out;
  };
  const mergeNeed = (path: string, b: PlanNeed, m: PlanNeed, t: PlanNeed): PlanNeed => {
    const out = { ...t };
    for (const field of NEED_FIELDS) out[field] = pick(`${path}.${field}`, b[field], m[field], t[field]);
    out.actions = mergeList(`${path}.actions`, b.actions, m.actions, t.actions, mergeAction);
    return out;
  };
  merged.needs = mergeList('needs', base.needs, mine.needs, theirs.needs, mergeNeed);
  return { content: merged, bothChanged };
}

/** The value at an API change path (`reason`, `childView.text`, `needs.<id>.actions.<id>.dueDate`, …), or undefined. */
export function valueAtPath(content: PlanContent, path: string): unknown {
  const parts = path.split('.');
  if (parts[0] === 'needs') {
    const need = content.needs.find((n) => n.id === parts[1]);
    if (!need || parts.length === 2) return need;
    if (parts[2] === 'actions') {
      const action = need.actions.find((a) => a.id === parts[3]);
      if (!action || parts.length === 4) return action;
      return (action as Record<string, unknown>)[parts[4] ?? ''];
    }
    return (need as Record<string, unknown>)[parts[2] ?? ''];
  }
  let value: unknown = content;
  for (const part of parts) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

// ── Storage ─────────────────────────────────────────────────────────────────

const PREFIX = 'samsyn.plan-';

export type StoredDraft = {
  /** The version the draft started from (null: a plan not yet created). */
  baseVersion: number | null;
  /** That version's content, for merging with a newer one. */
  base: PlanContent | null;
  draft: PlanDraft;
  savedAt: string;
};

/** One key per user and plan (or per user and child for a plan not yet created). */
export const draftKey = (userId: string, target: { planId: string } | { childId: string }) =>
  'planId' in target ? `${PREFIX}draft.${userId}.${target.planId}` : `${PREFIX}draft.${userId}.new.${target.childId}`;

export const reviewDraftKey = (userId: string, planId: string) => `${PREFIX}review.${userId}.${planId}`;

export function loadStored<T>(key: string): T | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function store(key: string, value: unknown): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage may be full or unavailable; the draft then lasts for this page only.
  }
}

/** Children's data must not stay on a shared tablet: signing out removes every plan and review draft. */
export function clearPlanDrafts(): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** A path inside the app that is safe to go back to (no other origin, no protocol tricks). */
export function safeReturnPath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return value;
}
