/** Plain data the wellbeing pictures draw. Names are already in the interface language. */

export const RATERS = ['professional', 'child', 'guardians'] as const;
/** Who gave a rating. */
export type Rater = (typeof RATERS)[number];

export type WheelIndicator = { key: string; name: string; childStatement?: string | null };

export type WheelScale = { min: number; max: number; labels?: { value: number; label: string }[] };

/** One indicator's ratings; a missing rater is undefined or null. */
export type WheelRating = { indicator: string } & Partial<Record<Rater, number | null>>;

export function ratingOf(ratings: readonly WheelRating[], indicator: string, rater: Rater): number | null {
  const value = ratings.find((r) => r.indicator === indicator)?.[rater];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The raters with at least one score; the professional always. */
export function ratersPresent(ratings: readonly WheelRating[]): Rater[] {
  return RATERS.filter((rater) => rater === 'professional' || ratings.some((r) => typeof r[rater] === 'number'));
}

/** An id usable inside url(#…) and aria-labelledby. */
export function safeId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '');
}
