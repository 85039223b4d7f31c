/**
 * The wellbeing assessment, pure: the profile's wheel (SHANARRI or
 * Behovskompassen) decides the indicators and the scale; My World Triangle
 * gathers strengths and challenges under 21 headings; the resilience matrix
 * places facts in four quadrants and the child at one position on two axes;
 * ORS/SRS and the child versions are optional instruments the profile turns on.
 * Validation here throws `AppError`s (422) that name what is wrong.
 */
import { AppError } from './errors.ts';
import {
  INSTRUMENT_ITEM_MAX,
  INSTRUMENT_ITEM_MIN,
  INSTRUMENTS,
  type InstrumentKey,
} from './instruments.ts';
import type { ModelProfile } from './profiles/schema.ts';
import type { LocalizedText } from './types.ts';

export type WellbeingTool = ModelProfile['wellbeing'];

// ── My World Triangle ───────────────────────────────────────────────────────

export const TRIANGLE_SIDES = ['grow_and_develop', 'care_from_adults', 'wider_world'] as const;
export type TriangleSide = (typeof TRIANGLE_SIDES)[number];

export const TRIANGLE_SIDE_NAMES: Readonly<Record<TriangleSide, LocalizedText>> = {
  grow_and_develop: { sv: 'Hur jag växer och utvecklas', en: 'How I grow and develop' },
  care_from_adults: { sv: 'Vad jag behöver från dem som tar hand om mig', en: 'What I need from people who look after me' },
  wider_world: { sv: 'Min omvärld', en: 'My wider world' },
};

/**
 * The 21 headings, 7 per side, in the guidance's order. English is the
 * GIRFEC practice guidance's wording (DOMAIN.md); Swedish is ours.
 */
export const TRIANGLE_HEADINGS = [
  { key: 'being_healthy', side: 'grow_and_develop', name: { sv: 'Att vara frisk', en: 'being healthy' } },
  { key: 'learning_and_achieving', side: 'grow_and_develop', name: { sv: 'Att lära och lyckas', en: 'learning and achieving' } },
  { key: 'communicating', side: 'grow_and_develop', name: { sv: 'Att kunna kommunicera', en: 'being able to communicate' } },
  { key: 'confidence', side: 'grow_and_develop', name: { sv: 'Tilltro till den jag är', en: 'confidence in who I am' } },
  { key: 'learning_responsibility', side: 'grow_and_develop', name: { sv: 'Att lära mig ta ansvar', en: 'learning to be responsible' } },
  { key: 'becoming_independent', side: 'grow_and_develop', name: { sv: 'Att bli självständig och ta hand om mig själv', en: 'becoming independent, looking after myself' } },
  { key: 'family_and_friends', side: 'grow_and_develop', name: { sv: 'Att ha roligt med familj och vänner', en: 'enjoying family and friends' } },
  { key: 'everyday_care', side: 'care_from_adults', name: { sv: 'Omsorg och hjälp i vardagen', en: 'everyday care and help' } },
  { key: 'keeping_safe', side: 'care_from_adults', name: { sv: 'Att hålla mig trygg och säker', en: 'keeping me safe' } },
  { key: 'being_there', side: 'care_from_adults', name: { sv: 'Att finnas där för mig', en: 'being there for me' } },
  { key: 'play_and_fun', side: 'care_from_adults', name: { sv: 'Lek, uppmuntran och roliga saker', en: 'play, encouragement and fun' } },
  { key: 'guidance', side: 'care_from_adults', name: { sv: 'Vägledning och stöd att göra rätt val', en: 'guidance, supporting me to make the right choices' } },
  { key: 'knowing_what_happens', side: 'care_from_adults', name: { sv: 'Att veta vad som ska hända och när', en: 'knowing what is going to happen and when' } },
  { key: 'family_background', side: 'care_from_adults', name: { sv: 'Förståelse för min familjs bakgrund och tro', en: "understanding my family's background and beliefs" } },
  { key: 'support_network', side: 'wider_world', name: { sv: 'Stöd från familj, vänner och andra', en: 'support from family, friends and other people' } },
  { key: 'school', side: 'wider_world', name: { sv: 'Skolan', en: 'school' } },
  { key: 'local_resources', side: 'wider_world', name: { sv: 'Resurser där jag bor', en: 'local resources' } },
  { key: 'belonging', side: 'wider_world', name: { sv: 'Tillhörighet', en: 'belonging' } },
  { key: 'enough_money', side: 'wider_world', name: { sv: 'Tillräckligt med pengar', en: 'enough money' } },
  { key: 'housing', side: 'wider_world', name: { sv: 'Ett bra och tryggt boende', en: 'comfortable and safe housing' } },
  { key: 'work_opportunities', side: 'wider_world', name: { sv: 'Arbetsmöjligheter för min familj', en: 'work opportunities for my family' } },
] as const satisfies readonly { key: string; side: TriangleSide; name: LocalizedText }[];

export type TriangleHeadingKey = (typeof TRIANGLE_HEADINGS)[number]['key'];
export const TRIANGLE_HEADING_KEYS = TRIANGLE_HEADINGS.map((h) => h.key) as [TriangleHeadingKey, ...TriangleHeadingKey[]];

export const TRIANGLE_ENTRY_KINDS = ['strength', 'challenge'] as const;
export type TriangleEntry = { heading: TriangleHeadingKey; kind: (typeof TRIANGLE_ENTRY_KINDS)[number]; text: string };

// ── Resilience matrix ───────────────────────────────────────────────────────

/** Where a gathered fact is placed: the child's own qualities (x) or their environment (y). */
export const MATRIX_QUADRANTS = ['resilience', 'vulnerability', 'protective_environment', 'adversity'] as const;
export type MatrixQuadrant = (typeof MATRIX_QUADRANTS)[number];

export const MATRIX_QUADRANT_NAMES: Readonly<Record<MatrixQuadrant, LocalizedText>> = {
  resilience: { sv: 'Motståndskraft', en: 'Resilience' },
  vulnerability: { sv: 'Sårbarhet', en: 'Vulnerability' },
  protective_environment: { sv: 'Skyddande miljö', en: 'Protective environment' },
  adversity: { sv: 'Motgångar', en: 'Adversity' },
};

/**
 * Each axis runs from −5 to +5: x from vulnerability (−5) to resilience (+5),
 * y from adversity (−5) to protective environment (+5). 0 is the middle.
 */
export const MATRIX_AXIS_MIN = -5;
export const MATRIX_AXIS_MAX = 5;
export type MatrixPosition = { x: number; y: number };

/** The four areas of the plot, named by the pole of each axis the position leans to. */
export const MATRIX_AREAS = [
  'resilience_protective_environment',
  'resilience_adversity',
  'vulnerability_protective_environment',
  'vulnerability_adversity',
] as const;
export type MatrixArea = (typeof MATRIX_AREAS)[number];

/**
 * The area of the plot a position lies in, or null on an axis (x or y exactly
 * 0: the analysis has not leaned either way). `vulnerability_adversity` is the
 * area of greatest concern.
 */
export function matrixAreaOf(position: MatrixPosition): MatrixArea | null {
  for (const v of [position.x, position.y]) {
    if (!Number.isFinite(v) || v < MATRIX_AXIS_MIN || v > MATRIX_AXIS_MAX) {
      throw new RangeError(`A matrix coordinate must be from ${MATRIX_AXIS_MIN} to ${MATRIX_AXIS_MAX}, got ${v}`);
    }
  }
  if (position.x === 0 || position.y === 0) return null;
  const child = position.x > 0 ? 'resilience' : 'vulnerability';
  const environment = position.y > 0 ? 'protective_environment' : 'adversity';
  return `${child}_${environment}`;
}

// ── Wheel ratings ───────────────────────────────────────────────────────────

export type IndicatorRating = {
  indicator: string;
  professional?: number | null;
  child?: number | null;
  guardians?: number | null;
  note?: string | null;
};

export type Participants = { child: boolean; guardianIds: readonly string[] };

export type InstrumentResultInput = {
  instrument: InstrumentKey;
  respondent: 'child' | 'guardian';
  scores: Readonly<Record<string, number>>;
};

const RATERS = ['professional', 'child', 'guardians'] as const;
const RATER_NAMES: Record<(typeof RATERS)[number], LocalizedText> = {
  professional: { sv: 'yrkespersonens', en: "the professional's" },
  child: { sv: 'barnets', en: "the child's" },
  guardians: { sv: 'vårdnadshavarnas', en: "the guardians'" },
};

/** Checks the ratings against the profile's wheel; throws a 422 naming the first indicator that is wrong. */
export function validateRatings(tool: WellbeingTool, ratings: readonly IndicatorRating[], participants: Participants): void {
  const { min, max } = tool.scale;
  const seen = new Set<string>();
  for (const rating of ratings) {
    const indicator = tool.indicators.find((i) => i.key === rating.indicator);
    if (!indicator) {
      const known = tool.indicators.map((i) => i.key).join(', ');
      throw new AppError('unknown_indicator', {
        message: {
          sv: `Indikatorn "${rating.indicator}" finns inte i verktyget. Använd: ${known}.`,
          en: `The indicator "${rating.indicator}" is not part of the tool. Use: ${known}.`,
        },
        details: { indicator: rating.indicator, known: tool.indicators.map((i) => i.key) },
      });
    }
    if (seen.has(indicator.key)) {
      throw new AppError('validation_failed', {
        message: {
          sv: `Indikatorn ${indicator.name.sv} är skattad mer än en gång.`,
          en: `The indicator ${indicator.name.en} is rated more than once.`,
        },
        details: { indicator: indicator.key },
      });
    }
    seen.add(indicator.key);
    for (const rater of RATERS) {
      const value = rating[rater];
      if (value === undefined || value === null) continue;
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new AppError('rating_out_of_scale', {
          message: {
            sv: `${capitalize(RATER_NAMES[rater].sv)} skattning av ${indicator.name.sv} (${value}) ligger utanför skalan ${min}–${max}. Ange ett heltal från ${min} till ${max}.`,
            en: `${capitalize(RATER_NAMES[rater].en)} rating of ${indicator.name.en} (${value}) is outside the scale ${min}–${max}. Use a whole number from ${min} to ${max}.`,
          },
          details: { indicator: indicator.key, rater, value, min, max },
        });
      }
    }
    if (rating.child != null && !participants.child) {
      throw new AppError('rating_without_participant', {
        message: {
          sv: `Barnets egen skattning av ${indicator.name.sv} kräver att barnet deltog. Markera att barnet deltog eller ta bort skattningen.`,
          en: `The child's own rating of ${indicator.name.en} requires that the child took part. Mark the child as taking part or remove the rating.`,
        },
        details: { indicator: indicator.key, rater: 'child' },
      });
    }
    if (rating.guardians != null && participants.guardianIds.length === 0) {
      throw new AppError('rating_without_participant', {
        message: {
          sv: `Vårdnadshavarnas skattning av ${indicator.name.sv} kräver att någon vårdnadshavare deltog.`,
          en: `The guardians' rating of ${indicator.name.en} requires that a guardian took part.`,
        },
        details: { indicator: indicator.key, rater: 'guardians' },
      });
    }
  }
}

/** Checks instrument results against the profile's instruments and the 0–10 scales; throws 422 naming the scale. */
export function validateInstrumentResults(enabled: readonly InstrumentKey[], results: readonly InstrumentResultInput[]): void {
  for (const result of results) {
    const definition = INSTRUMENTS[result.instrument];
    if (!enabled.includes(result.instrument)) {
      throw new AppError('instrument_not_enabled', {
        message: {
          sv: `Instrumentet ${definition.name.sv} är inte påslaget i barnets modellprofil.`,
          en: `The instrument ${definition.name.en} is not turned on in the child's model profile.`,
        },
        details: { instrument: result.instrument, enabled },
      });
    }
    const expected = definition.items.map((i) => i.key);
    const given = Object.keys(result.scores);
    const missing = expected.filter((k) => !given.includes(k));
    const unknown = given.filter((k) => !expected.includes(k));
    if (missing.length > 0 || unknown.length > 0) {
      throw new AppError('validation_failed', {
        message: {
          sv: `${definition.name.sv} behöver exakt skalorna ${expected.join(', ')}.`,
          en: `${definition.name.en} needs exactly the scales ${expected.join(', ')}.`,
        },
        details: { instrument: result.instrument, missing, unknown },
      });
    }
    for (const item of definition.items) {
      const value = result.scores[item.key]!;
      const tenths = value * 10;
      if (!Number.isFinite(value) || value < INSTRUMENT_ITEM_MIN || value > INSTRUMENT_ITEM_MAX || Math.abs(tenths - Math.round(tenths)) > 1e-9) {
        throw new AppError('instrument_score_out_of_range', {
          message: {
            sv: `${definition.name.sv}: skalan ${item.label.sv} (${value}) ska vara från ${INSTRUMENT_ITEM_MIN} till ${INSTRUMENT_ITEM_MAX}, med högst en decimal.`,
            en: `${definition.name.en}: the scale ${item.label.en} (${value}) must be from ${INSTRUMENT_ITEM_MIN} to ${INSTRUMENT_ITEM_MAX}, with at most one decimal.`,
          },
          details: { instrument: result.instrument, item: item.key, value },
        });
      }
    }
  }
}

/** Mean of the professional's ratings (null when none), for a one-number summary. */
export function meanRating(ratings: readonly IndicatorRating[], rater: (typeof RATERS)[number] = 'professional'): number | null {
  const values = ratings.map((r) => r[rater]).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
