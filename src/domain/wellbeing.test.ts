import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { INSTRUMENTS, instrumentCutoff, scoreInstrument } from './instruments.ts';
import { BACKA_BARNET_PROFILE, BUILT_IN_PROFILES, GIRFEC_PROFILE, parseModelProfile, TSI_PROFILE } from './profiles/index.ts';
import {
  matrixAreaOf,
  meanRating,
  TRIANGLE_HEADINGS,
  TRIANGLE_SIDES,
  validateInstrumentResults,
  validateRatings,
} from './wellbeing.ts';

/** Runs `work` and returns the AppError it throws (fails the test if it does not throw one). */
function appErrorOf(work: () => void): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const everyone = { child: true, guardianIds: ['g1'] };

describe('the wheel is driven by the profile', () => {
  it('accepts every whole number on the profile scale, from each rater', () => {
    for (const value of [1, 2, 3, 4, 5]) {
      expect(() =>
        validateRatings(TSI_PROFILE.wellbeing, [{ indicator: 'safe', professional: value, child: value, guardians: value }], everyone),
      ).not.toThrow();
    }
  });

  it('refuses a rating outside the scale with 422 naming the indicator (Swedish and English)', () => {
    const error = appErrorOf(() => validateRatings(TSI_PROFILE.wellbeing, [{ indicator: 'healthy', professional: 6 }], everyone));
    expect(error.code).toBe('rating_out_of_scale');
    expect(error.status).toBe(422);
    expect(error.userMessage.sv).toContain('Hälsosam');
    expect(error.userMessage.en).toContain('Healthy');
    expect(error.userMessage.en).toContain('1–5');
    expect(error.details).toMatchObject({ indicator: 'healthy', rater: 'professional', value: 6 });
    // Edges just outside, and fractions.
    for (const value of [0, 5.5, -1]) {
      expect(appErrorOf(() => validateRatings(TSI_PROFILE.wellbeing, [{ indicator: 'safe', child: value }], everyone)).code).toBe(
        'rating_out_of_scale',
      );
    }
  });

  it("uses Behovskompassen's needs for Backa barnet: the child's statement is the indicator, SHANARRI keys are unknown", () => {
    const tool = BACKA_BARNET_PROFILE.wellbeing;
    expect(tool.tool).toBe('behovskompassen');
    expect(() => validateRatings(tool, [{ indicator: 'belonging', child: 5 }], everyone)).not.toThrow();
    const error = appErrorOf(() => validateRatings(tool, [{ indicator: 'safe', child: 3 }], everyone));
    expect(error.code).toBe('unknown_indicator');
    expect(error.userMessage.en).toContain('"safe"');
    const outside = appErrorOf(() => validateRatings(tool, [{ indicator: 'belonging', child: 0 }], everyone));
    expect(outside.userMessage.sv).toContain('Tillhörighet');
  });

  it('follows a profile with another scale (0–10)', () => {
    const json = structuredClone(TSI_PROFILE) as unknown as { key: string; wellbeing: { scale: unknown } };
    json.key = 'ten-point';
    json.wellbeing.scale = { min: 0, max: 10 };
    const parsed = parseModelProfile(json);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(() => validateRatings(parsed.profile.wellbeing, [{ indicator: 'safe', professional: 0 }, { indicator: 'active', professional: 10 }], everyone)).not.toThrow();
    expect(appErrorOf(() => validateRatings(parsed.profile.wellbeing, [{ indicator: 'safe', professional: 11 }], everyone)).userMessage.en).toContain('0–10');
  });

  it('records the child’s own rating only when the child took part, the guardians’ only when one did', () => {
    const noOne = { child: false, guardianIds: [] };
    expect(() => validateRatings(TSI_PROFILE.wellbeing, [{ indicator: 'safe', professional: 2 }], noOne)).not.toThrow();
    expect(appErrorOf(() => validateRatings(TSI_PROFILE.wellbeing, [{ indicator: 'safe', child: 2 }], noOne)).code).toBe('rating_without_participant');
    expect(appErrorOf(() => validateRatings(TSI_PROFILE.wellbeing, [{ indicator: 'safe', guardians: 2 }], noOne)).code).toBe('rating_without_participant');
  });

  it('refuses the same indicator twice', () => {
    const error = appErrorOf(() => validateRatings(TSI_PROFILE.wellbeing, [{ indicator: 'safe' }, { indicator: 'safe' }], everyone));
    expect(error.code).toBe('validation_failed');
    expect(error.userMessage.en).toContain('Safe');
  });

  it('gives every built-in scale anchor labels in both languages; GIRFEC keeps SHANARRI in English first', () => {
    for (const profile of BUILT_IN_PROFILES) {
      expect(profile.version).toBeGreaterThanOrEqual(2);
      expect(profile.wellbeing.scale.labels?.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
      expect(profile.instruments).toEqual([]);
    }
    expect(GIRFEC_PROFILE.defaultLanguage).toBe('en');
    expect(GIRFEC_PROFILE.wellbeing.tool).toBe('shanarri');
  });

  it('averages the professional ratings', () => {
    expect(meanRating([{ indicator: 'a', professional: 2 }, { indicator: 'b', professional: 3 }, { indicator: 'c', child: 5 }])).toBe(2.5);
    expect(meanRating([])).toBeNull();
  });
});

describe('profile instruments', () => {
  it('validates the instruments list', () => {
    const json = structuredClone(TSI_PROFILE) as unknown as Record<string, unknown>;
    json.instruments = ['ors', 'srs'];
    expect(parseModelProfile(json).ok).toBe(true);
    json.instruments = ['ors', 'phq9'];
    const unknown = parseModelProfile(json);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]).toMatch(/^instruments\[1\]: Unknown instrument "phq9"/);
    json.instruments = ['ors', 'ors'];
    expect(parseModelProfile(json).ok).toBe(false);
    delete json.instruments;
    const stored = parseModelProfile(json);
    expect(stored.ok && stored.profile.instruments).toEqual([]);
  });

  it('refuses an instrument the profile has not turned on, and scores outside 0–10', () => {
    const ors = { instrument: 'ors' as const, respondent: 'child' as const, scores: { individually: 5, interpersonally: 5, socially: 5, overall: 5 } };
    expect(appErrorOf(() => validateInstrumentResults([], [ors])).code).toBe('instrument_not_enabled');
    expect(() => validateInstrumentResults(['ors'], [ors])).not.toThrow();
    expect(() => validateInstrumentResults(['ors'], [{ ...ors, scores: { individually: 0, interpersonally: 10, socially: 9.9, overall: 0.1 } }])).not.toThrow();
    for (const bad of [10.1, -0.1, 11, 4.25]) {
      const error = appErrorOf(() => validateInstrumentResults(['ors'], [{ ...ors, scores: { ...ors.scores, socially: bad } }]));
      expect(error.code).toBe('instrument_score_out_of_range');
      expect(error.status).toBe(422);
      expect(error.userMessage.en).toContain('Socially');
    }
    expect(appErrorOf(() => validateInstrumentResults(['ors'], [{ ...ors, scores: { individually: 5, interpersonally: 5, socially: 5 } }])).code).toBe(
      'validation_failed',
    );
  });
});

describe('ORS/SRS totals and cut-offs', () => {
  const ors = (a: number, b: number, c: number, d: number) => ({ individually: a, interpersonally: b, socially: c, overall: d });

  it('adds the four 0–10 scales to a total of 0–40', () => {
    expect(scoreInstrument('ors', ors(0, 0, 0, 0), 30).total).toBe(0);
    expect(scoreInstrument('ors', ors(10, 10, 10, 10), 30).total).toBe(40);
    expect(scoreInstrument('ors', ors(0.1, 0.2, 0.3, 0.4), 30).total).toBe(1);
  });

  it('uses 28 for ages 13–17 and 25 for adults; below the cut-off is the clinical range', () => {
    expect(instrumentCutoff('ors', 12)).toBeNull();
    expect(instrumentCutoff('ors', 13)).toBe(28);
    expect(instrumentCutoff('ors', 17)).toBe(28);
    expect(instrumentCutoff('ors', 18)).toBe(25);
    expect(scoreInstrument('ors', ors(7, 7, 7, 6.9), 15)).toMatchObject({ total: 27.9, cutoff: 28, belowClinicalCutoff: true });
    expect(scoreInstrument('ors', ors(7, 7, 7, 7), 15)).toMatchObject({ total: 28, belowClinicalCutoff: false });
    expect(scoreInstrument('ors', ors(6, 6, 6, 6.9), 40)).toMatchObject({ total: 24.9, cutoff: 25, belowClinicalCutoff: true });
    expect(scoreInstrument('ors', ors(6, 6, 6, 7), 40)).toMatchObject({ total: 25, belowClinicalCutoff: false });
    expect(scoreInstrument('ors', ors(1, 1, 1, 1), 10)).toMatchObject({ cutoff: null, belowClinicalCutoff: null });
  });

  it('calls a change of 5 or more reliable, either way', () => {
    expect(scoreInstrument('ors', ors(5, 5, 5, 5), 15, 15).reliableChange).toBe('improved');
    expect(scoreInstrument('ors', ors(5, 5, 5, 4.9), 15, 15)).toMatchObject({ change: 4.9, reliableChange: 'none' });
    expect(scoreInstrument('ors', ors(2, 2, 3, 3), 15, 15)).toMatchObject({ change: -5, reliableChange: 'deteriorated' });
    expect(scoreInstrument('ors', ors(2, 2, 3, 3), 15)).toMatchObject({ change: null, reliableChange: null });
  });

  it('flags the alliance at an SRS total of 36 or less', () => {
    const srs = (v: number) => ({ relationship: 9, goals_and_topics: 9, approach: 9, overall: v });
    expect(scoreInstrument('srs', srs(9), 30)).toMatchObject({ total: 36, allianceFlag: true, belowClinicalCutoff: null, reliableChange: null });
    expect(scoreInstrument('srs', srs(9.1), 30)).toMatchObject({ total: 36.1, allianceFlag: false });
  });

  it('has child versions for ages 6–12 with their own scales and cut-offs', () => {
    expect(INSTRUMENTS.cors.items.map((i) => i.label.en)).toEqual(['Me', 'Family', 'School', 'Everything']);
    expect(INSTRUMENTS.csrs.items.map((i) => i.label.en)).toEqual(['Listening', 'Goals', 'Approach', 'Overall']);
    expect(INSTRUMENTS.srs.items.map((i) => i.label.en)).toEqual(['Relationship', 'Goals and topics', 'Approach', 'Overall']);
    expect(INSTRUMENTS.ors.items.map((i) => i.label.en)).toEqual(['Individually', 'Interpersonally', 'Socially', 'Overall']);
    const cors = (v: number) => ({ me: 8, family: 8, school: 8, everything: v });
    expect(scoreInstrument('cors', cors(7.9), 9)).toMatchObject({ total: 31.9, cutoff: 32, belowClinicalCutoff: true });
    expect(scoreInstrument('cors', cors(8), 9)).toMatchObject({ total: 32, belowClinicalCutoff: false });
    expect(instrumentCutoff('cors', 13)).toBeNull();
    const csrs = { listening: 9, goals: 9, approach: 9, overall: 9 };
    expect(scoreInstrument('csrs', csrs, 8).allianceFlag).toBe(true);
  });
});

describe('My World Triangle', () => {
  it('has 21 headings, seven on each side, with unique keys and the guidance’s English wording', () => {
    expect(TRIANGLE_HEADINGS).toHaveLength(21);
    for (const side of TRIANGLE_SIDES) expect(TRIANGLE_HEADINGS.filter((h) => h.side === side)).toHaveLength(7);
    expect(new Set(TRIANGLE_HEADINGS.map((h) => h.key)).size).toBe(21);
    // DOMAIN.md "My World Triangle", word for word and in order.
    expect(TRIANGLE_SIDES.map((side) => TRIANGLE_HEADINGS.filter((h) => h.side === side).map((h) => h.name.en).join('; '))).toEqual([
      'being healthy; learning and achieving; being able to communicate; confidence in who I am; learning to be responsible; becoming independent, looking after myself; enjoying family and friends',
      "everyday care and help; keeping me safe; being there for me; play, encouragement and fun; guidance, supporting me to make the right choices; knowing what is going to happen and when; understanding my family's background and beliefs",
      'support from family, friends and other people; school; local resources; belonging; enough money; comfortable and safe housing; work opportunities for my family',
    ]);
    expect(TRIANGLE_HEADINGS.every((h) => h.name.sv.length > 0)).toBe(true);
  });
});

describe('the resilience matrix position', () => {
  it('names the area of the plot by the pole each axis leans to', () => {
    expect(matrixAreaOf({ x: 3, y: 2 })).toBe('resilience_protective_environment');
    expect(matrixAreaOf({ x: 3, y: -2 })).toBe('resilience_adversity');
    expect(matrixAreaOf({ x: -0.5, y: 4 })).toBe('vulnerability_protective_environment');
    expect(matrixAreaOf({ x: -5, y: -5 })).toBe('vulnerability_adversity');
    expect(matrixAreaOf({ x: 5, y: 5 })).toBe('resilience_protective_environment');
  });

  it('returns null on an axis, and refuses positions outside −5..5', () => {
    expect(matrixAreaOf({ x: 0, y: 3 })).toBeNull();
    expect(matrixAreaOf({ x: -2, y: 0 })).toBeNull();
    expect(() => matrixAreaOf({ x: 5.1, y: 0 })).toThrow(RangeError);
    expect(() => matrixAreaOf({ x: 0, y: Number.NaN })).toThrow(RangeError);
  });
});
