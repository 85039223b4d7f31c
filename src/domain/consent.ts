/**
 * Consent: what lets information cross between agencies. Pure rules; the SQL
 * twin is `db/queries/access.ts` (`activeConsentSql`).
 *
 * A consent is given for one child by every guardian with custody (a guardian
 * who cannot be reached is recorded with the reason, and the consent then does
 * not apply until a decision is recorded), with the child's own view always
 * recorded and the child's own consent required from the profile's age. Its
 * scope says which units or agency types may receive, which categories, for
 * which purposes, and for how long. Withdrawal by any party ends it for everyone
 * on the very next request.
 */
import type { AgencyType, LocalizedText } from './types.ts';

/** Information categories that records carry. */
export const INFORMATION_CATEGORIES = [
  'concern',
  'wellbeing',
  'plan',
  'school',
  'health',
  'social',
  'police',
  'meeting',
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

/** Each category in words, as a list reads it ("skola, välbefinnande"): consent summaries and exports. */
export const CATEGORY_NAMES: Record<InformationCategory, LocalizedText> = {
  concern: { sv: 'oro', en: 'concerns' },
  wellbeing: { sv: 'välbefinnande', en: 'wellbeing' },
  plan: { sv: 'barnets plan', en: "child's plan" },
  school: { sv: 'skola', en: 'school' },
  health: { sv: 'hälsa', en: 'health' },
  social: { sv: 'socialt', en: 'social' },
  police: { sv: 'polis', en: 'police' },
  meeting: { sv: 'möten', en: 'meetings' },
};

/** Purposes a consent can be given for. */
export const CONSENT_PURPOSES = ['team_meeting', 'childs_plan', 'information_sharing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const DEFAULT_CONSENT_MONTHS = 12;

export type ConsentScope = {
  recipientUnitIds: readonly string[];
  recipientAgencyTypes: readonly AgencyType[];
  categories: readonly InformationCategory[];
  purposes: readonly ConsentPurpose[];
};

export type ConsentFacts = ConsentScope & {
  id: string;
  childId: string;
  /** First and last day of validity (inclusive), YYYY-MM-DD. */
  validFrom: string;
  validTo: string;
  /** Set when any party withdrew; ends the consent for everyone. */
  withdrawnAt: Date | null;
  /** The child's own consent is required (age ≥ the profile's consent age, or a maturity assessment). */
  childConsentRequired: boolean;
  childDecision: 'given' | 'declined' | 'not_asked';
  /** Guardians recorded as unreachable; the consent waits for a decision while any are. */
  unreachableGuardians: number;
  /** A recorded decision that lets the consent apply despite an unreachable guardian. */
  unreachableResolved: boolean;
};

export type ConsentState = 'active' | 'pending' | 'not_yet_valid' | 'expired' | 'withdrawn';

/** The state of a consent at `now` (local date `today`). */
export function consentState(consent: ConsentFacts, today: string): ConsentState {
  if (consent.withdrawnAt) return 'withdrawn';
  if (today < consent.validFrom) return 'not_yet_valid';
  if (today > consent.validTo) return 'expired';
  if (consent.childConsentRequired && consent.childDecision !== 'given') return 'pending';
  if (consent.unreachableGuardians > 0 && !consent.unreachableResolved) return 'pending';
  return 'active';
}

/** The consent lets a recipient (by unit or by agency) receive information of a category. */
export function consentCovers(
  consent: ConsentScope,
  recipient: { unitId: string; agencyType: AgencyType },
  category: InformationCategory,
): boolean {
  const recipientCovered =
    consent.recipientUnitIds.includes(recipient.unitId) || consent.recipientAgencyTypes.includes(recipient.agencyType);
  return recipientCovered && consent.categories.includes(category);
}

/** The consent lets a recipient take part at all (any category): used to join a team. */
export function consentCoversRecipient(consent: ConsentScope, recipient: { unitId: string; agencyType: AgencyType }): boolean {
  return consent.recipientUnitIds.includes(recipient.unitId) || consent.recipientAgencyTypes.includes(recipient.agencyType);
}

/** Whether the child's own consent is required, from the child's age and the profile's consent age. */
export function childConsentRequired(childAge: number, consentAge: number, maturityAssessed = false): boolean {
  return maturityAssessed || childAge >= consentAge;
}
