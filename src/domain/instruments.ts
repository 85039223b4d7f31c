/**
 * Optional outcome instruments a model profile can turn on: the Outcome and
 * Session Rating Scales (ORS/SRS) and their child versions (CORS/CSRS). Each
 * has four 0–10 scales and a total of 0–40. These are licensed instruments, so
 * no built-in profile turns them on; an organisation with a licence stores a
 * profile version with `instruments: ['ors', 'srs', …]`.
 *
 * Cut-offs (DOMAIN.md "ORS / SRS"): ORS clinical cut-off 28 for ages 13–17 and
 * 25 for adults; a change of 5 or more is reliable; an SRS total of 36 or less
 * flags the alliance. For CORS (ages 6–12) DOMAIN.md gives no figure; we use
 * the published child norm of 32 (Duncan et al. 2006), and CSRS flags the
 * alliance at 36 or less like SRS. English labels are DOMAIN.md's, Swedish ours.
 */
import type { LocalizedText } from './types.ts';

export const INSTRUMENT_KEYS = ['ors', 'srs', 'cors', 'csrs'] as const;
export type InstrumentKey = (typeof INSTRUMENT_KEYS)[number];

/** `outcome`: how the respondent is doing (low = distress); `session`: how the session went (the alliance). */
export type InstrumentKind = 'outcome' | 'session';

/** A cut-off that applies to respondents aged `fromAge`–`toAge` (inclusive; `toAge` null = no upper limit). */
export type InstrumentCutoff = { fromAge: number; toAge: number | null; value: number };

export type InstrumentDefinition = {
  key: InstrumentKey;
  name: LocalizedText;
  kind: InstrumentKind;
  /** The ages the version is made for (inclusive; null = adults without upper limit). */
  ages: { from: number; to: number | null };
  /** Each scale is 0–10; marks are read to one decimal. */
  items: readonly { key: string; label: LocalizedText }[];
  /**
   * Outcome: a total *below* the cut-off is in the clinical range.
   * Session: a total *at or below* the cut-off flags the alliance.
   */
  cutoffs: readonly InstrumentCutoff[];
};

export const INSTRUMENT_ITEM_MIN = 0;
export const INSTRUMENT_ITEM_MAX = 10;
/** A change of the total by at least this much between two scorings is reliable (ORS). */
export const RELIABLE_CHANGE = 5;

export const INSTRUMENTS: Readonly<Record<InstrumentKey, InstrumentDefinition>> = {
  ors: {
    key: 'ors',
    name: { sv: 'ORS – skattning av hur det går', en: 'ORS – Outcome Rating Scale' },
    kind: 'outcome',
    ages: { from: 13, to: null },
    items: [
      { key: 'individually', label: { sv: 'Individuellt', en: 'Individually' } },
      { key: 'interpersonally', label: { sv: 'Nära relationer', en: 'Interpersonally' } },
      { key: 'socially', label: { sv: 'Socialt', en: 'Socially' } },
      { key: 'overall', label: { sv: 'Överlag', en: 'Overall' } },
    ],
    cutoffs: [
      { fromAge: 13, toAge: 17, value: 28 },
      { fromAge: 18, toAge: null, value: 25 },
    ],
  },
  srs: {
    key: 'srs',
    name: { sv: 'SRS – skattning av samtalet', en: 'SRS – Session Rating Scale' },
    kind: 'session',
    ages: { from: 13, to: null },
    items: [
      { key: 'relationship', label: { sv: 'Relation', en: 'Relationship' } },
      { key: 'goals_and_topics', label: { sv: 'Mål och ämnen', en: 'Goals and topics' } },
      { key: 'approach', label: { sv: 'Arbetssätt', en: 'Approach' } },
      { key: 'overall', label: { sv: 'Överlag', en: 'Overall' } },
    ],
    cutoffs: [{ fromAge: 0, toAge: null, value: 36 }],
  },
  cors: {
    key: 'cors',
    name: { sv: 'CORS – barnets skattning av hur det går', en: 'CORS – Child Outcome Rating Scale' },
    kind: 'outcome',
    ages: { from: 6, to: 12 },
    items: [
      { key: 'me', label: { sv: 'Jag', en: 'Me' } },
      { key: 'family', label: { sv: 'Familjen', en: 'Family' } },
      { key: 'school', label: { sv: 'Skolan', en: 'School' } },
      { key: 'everything', label: { sv: 'Allt', en: 'Everything' } },
    ],
    cutoffs: [{ fromAge: 6, toAge: 12, value: 32 }],
  },
  csrs: {
    key: 'csrs',
    name: { sv: 'CSRS – barnets skattning av samtalet', en: 'CSRS – Child Session Rating Scale' },
    kind: 'session',
    ages: { from: 6, to: 12 },
    items: [
      { key: 'listening', label: { sv: 'Lyssnade', en: 'Listening' } },
      { key: 'goals', label: { sv: 'Mål', en: 'Goals' } },
      { key: 'approach', label: { sv: 'Sättet', en: 'Approach' } },
      { key: 'overall', label: { sv: 'Överlag', en: 'Overall' } },
    ],
    cutoffs: [{ fromAge: 0, toAge: null, value: 36 }],
  },
};

/** An adult respondent (a guardian) is counted as this age when a cut-off is chosen. */
export const ADULT_AGE = 18;

/** The cut-off for a respondent of `age`, or null when the instrument has no norm for that age. */
export function instrumentCutoff(key: InstrumentKey, age: number): number | null {
  const found = INSTRUMENTS[key].cutoffs.find((c) => age >= c.fromAge && (c.toAge === null || age <= c.toAge));
  return found?.value ?? null;
}

/** Sum of the four scales, to one decimal (avoids 0.1 + 0.2 noise). */
export function instrumentTotal(scores: Readonly<Record<string, number>>): number {
  return Math.round(Object.values(scores).reduce((sum, v) => sum + v, 0) * 10) / 10;
}

export type InstrumentScoring = {
  total: number;
  cutoff: number | null;
  /** Outcome instruments: total below the cut-off (clinical range). Null without a cut-off or for session instruments. */
  belowClinicalCutoff: boolean | null;
  /** Session instruments: total at or below the cut-off – talk about the alliance. Null for outcome instruments. */
  allianceFlag: boolean | null;
  /** Total minus the previous total of the same instrument and respondent; null without a previous scoring. */
  change: number | null;
  /** Outcome instruments: |change| ≥ 5; null without a previous scoring or for session instruments. */
  reliableChange: 'improved' | 'deteriorated' | 'none' | null;
};

/** Totals, cut-off and change of one instrument result. */
export function scoreInstrument(
  key: InstrumentKey,
  scores: Readonly<Record<string, number>>,
  respondentAge: number,
  previousTotal: number | null = null,
): InstrumentScoring {
  const { kind } = INSTRUMENTS[key];
  const total = instrumentTotal(scores);
  const cutoff = instrumentCutoff(key, respondentAge);
  const change = previousTotal === null ? null : Math.round((total - previousTotal) * 10) / 10;
  return {
    total,
    cutoff,
    belowClinicalCutoff: kind === 'outcome' && cutoff !== null ? total < cutoff : null,
    allianceFlag: kind === 'session' && cutoff !== null ? total <= cutoff : null,
    change,
    reliableChange:
      kind !== 'outcome' || change === null
        ? null
        : change >= RELIABLE_CHANGE
          ? 'improved'
          : change <= -RELIABLE_CHANGE
            ? 'deteriorated'
            : 'none',
  };
}
