/**
 * Who is the child's named person today, and when it is handed over.
 *
 * `deriveNamedPerson` reads the model profile's chain: the applicable stage is
 * the last one for which the child has an enrollment current today of one of
 * the stage's kinds, within the stage's age window. The named person is a
 * holder of the stage's role at that unit, picked deterministically so that
 * children spread over the holders.
 *
 * `decideHandover` compares that with the current assignment and says what to
 * record: keep, assign (with the reason) or end. Deciding again after the
 * decision is applied gives `keep` (idempotent), so a daily job may run it any
 * number of times.
 */
import { ageInYears } from './age.ts';
import { addDays, daysBetween } from './dates.ts';
import type { ModelProfile, NamedPersonStage } from './profiles/schema.ts';
import type { EnrollmentKind, NamedPersonReason, StaffRole } from './types.ts';

/** `endDate` is inclusive; `null` means the enrollment is still open. */
export type EnrollmentFact = { unitId: string; kind: EnrollmentKind; startDate: string; endDate: string | null };

export type ChainInput = {
  childId: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM-DD */
  today: string;
  /** May include past and future enrollments; only those current on `today` count. */
  enrollments: EnrollmentFact[];
  /** Staff ids holding `role` at `unitId`, sorted. */
  candidates: (unitId: string, role: StaffRole) => readonly string[];
  /**
   * The child's current assignment, if any. When it is at the derived stage and
   * unit and its staff member still holds the role there, it is kept: no churn
   * when colleagues join or leave the unit. Without it, the spread pick is used.
   */
  current?: CurrentAssignment | null;
};

export type DerivedNamedPerson =
  | { kind: 'assigned'; stageKey: string; role: StaffRole; unitId: string; staffId: string }
  | { kind: 'none'; why: 'too_old' | 'no_stage' | 'no_staff'; stageKey?: string; unitId?: string };

export type CurrentAssignment = {
  status: 'assigned' | 'declined';
  stageKey: string | null;
  unitId: string | null;
  staffId: string | null;
  reason: NamedPersonReason;
};

export type HandoverDecision =
  | { action: 'keep' }
  | { action: 'assign'; reason: NamedPersonReason; derived: Extract<DerivedNamedPerson, { kind: 'assigned' }> }
  | { action: 'end'; reason: 'no_longer_needed' };

/** Under this many days old, a first assignment is recorded as `birth`. */
export const NEWBORN_DAYS = 28;

/** 32-bit FNV-1a over the UTF-16 code units: stable across runs and platforms. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function isCurrentEnrollment(enrollment: EnrollmentFact, today: string): boolean {
  return enrollment.startDate <= today && (enrollment.endDate === null || enrollment.endDate >= today);
}

/** Whether the child's age on `today` is inside the stage's age window. */
export function stageAgeWindowHolds(stage: NamedPersonStage, birthDate: string, today: string): boolean {
  if (stage.fromAgeDays !== undefined && daysBetween(birthDate, today) < stage.fromAgeDays) return false;
  if (stage.untilAgeYears !== undefined && ageInYears(birthDate, today) >= stage.untilAgeYears) return false;
  return true;
}

/** The current enrollment that puts the child in `stage`: the most recently started (ties: lowest unit id). */
function stageEnrollment(stage: NamedPersonStage, enrollments: readonly EnrollmentFact[], today: string) {
  let best: EnrollmentFact | undefined;
  for (const enrollment of enrollments) {
    if (!isCurrentEnrollment(enrollment, today) || !stage.enrollmentKinds.includes(enrollment.kind)) continue;
    if (
      best === undefined ||
      enrollment.startDate > best.startDate ||
      (enrollment.startDate === best.startDate && enrollment.unitId < best.unitId)
    ) {
      best = enrollment;
    }
  }
  return best;
}

type ApplicableStage = { index: number; stage: NamedPersonStage; enrollment: EnrollmentFact };

function applicableStage(
  profile: ModelProfile,
  birthDate: string,
  today: string,
  enrollments: readonly EnrollmentFact[],
): ApplicableStage | undefined {
  const chain = profile.namedPersonChain;
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const stage = chain[index]!;
    if (!stageAgeWindowHolds(stage, birthDate, today)) continue;
    const enrollment = stageEnrollment(stage, enrollments, today);
    if (enrollment) return { index, stage, enrollment };
  }
  return undefined;
}

/** Derives the named person the profile gives the child on `input.today`. */
export function deriveNamedPerson(profile: ModelProfile, input: ChainInput): DerivedNamedPerson {
  const { birthDate, today } = input;
  // Not yet born (e.g. registered during pregnancy): no stage applies yet.
  if (today < birthDate) return { kind: 'none', why: 'no_stage' };
  if (ageInYears(birthDate, today) >= profile.endsAtAgeYears) return { kind: 'none', why: 'too_old' };

  const found = applicableStage(profile, birthDate, today, input.enrollments);
  if (!found) return { kind: 'none', why: 'no_stage' };
  const { stage, enrollment } = found;
  const unitId = enrollment.unitId;

  const candidates = input.candidates(unitId, stage.role);
  if (candidates.length === 0) return { kind: 'none', why: 'no_staff', stageKey: stage.key, unitId };

  const current = input.current;
  const staffId =
    current?.status === 'assigned' &&
    current.stageKey === stage.key &&
    current.unitId === unitId &&
    current.staffId !== null &&
    candidates.includes(current.staffId)
      ? current.staffId
      : candidates[stableHash(input.childId) % candidates.length]!;

  return { kind: 'assigned', stageKey: stage.key, role: stage.role, unitId, staffId };
}

/**
 * Why the named person moves from the current stage to `derived`: by age when
 * the current stage's age window has closed, or when the new stage is a later
 * one that only opened by age (its enrollment was already there when the
 * child reached the stage's `fromAgeDays`); otherwise by a change of enrollment.
 */
function handoverReason(
  profile: ModelProfile,
  current: CurrentAssignment,
  derived: Extract<DerivedNamedPerson, { kind: 'assigned' }>,
  ctx: { birthDate: string; today: string; enrollments: EnrollmentFact[] },
): 'age_transition' | 'enrollment_change' {
  const chain = profile.namedPersonChain;
  const currentIndex = chain.findIndex((stage) => stage.key === current.stageKey);
  const newIndex = chain.findIndex((stage) => stage.key === derived.stageKey);
  const currentStage = chain[currentIndex];
  const newStage = chain[newIndex];

  if (currentStage && !stageAgeWindowHolds(currentStage, ctx.birthDate, ctx.today)) return 'age_transition';

  if (currentStage && newStage && newIndex > currentIndex && newStage.fromAgeDays !== undefined) {
    const opensOn = addDays(ctx.birthDate, newStage.fromAgeDays);
    const enrollment = stageEnrollment(newStage, ctx.enrollments, ctx.today);
    if (enrollment && enrollment.unitId === derived.unitId && enrollment.startDate < opensOn) return 'age_transition';
  }
  return 'enrollment_change';
}

/**
 * Decides what to record, given the current assignment (or `null`) and what
 * `deriveNamedPerson` gives today.
 *
 * - No assignment yet: assign (`birth` under 28 days old, else `registration`).
 * - Declined: always keep – the family's choice stands until someone records otherwise.
 * - Too old: end an assignment with `no_longer_needed`.
 * - Nobody to hand over to (no stage or no staff): keep the current named person.
 * - Manual: keep while the derived stage and unit are the manual one's.
 * - Same stage, unit and staff: keep. Otherwise assign (`age_transition` or `enrollment_change`).
 */
export function decideHandover(
  profile: ModelProfile,
  current: CurrentAssignment | null,
  derived: DerivedNamedPerson,
  ctx: { birthDate: string; today: string; enrollments: EnrollmentFact[] },
): HandoverDecision {
  if (current === null) {
    if (derived.kind !== 'assigned') return { action: 'keep' };
    const reason = daysBetween(ctx.birthDate, ctx.today) < NEWBORN_DAYS ? 'birth' : 'registration';
    return { action: 'assign', reason, derived };
  }

  if (current.status === 'declined') return { action: 'keep' };

  if (derived.kind === 'none') {
    return derived.why === 'too_old' ? { action: 'end', reason: 'no_longer_needed' } : { action: 'keep' };
  }

  const sameStageAndUnit = derived.stageKey === current.stageKey && derived.unitId === current.unitId;
  if (current.reason === 'manual' && sameStageAndUnit) return { action: 'keep' };
  if (sameStageAndUnit && derived.staffId === current.staffId) return { action: 'keep' };

  return { action: 'assign', reason: handoverReason(profile, current, derived, ctx), derived };
}
