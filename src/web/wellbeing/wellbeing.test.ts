/**
 * The wellbeing pictures, rendered to static HTML: the wheel has one segment
 * per indicator and one ring per rater, colours follow the score on the
 * profile's scale, every score is there as text; the trend and the matrix
 * place what they are given where a reader expects it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n/index.ts';
import { IndicatorTrend } from './IndicatorTrend.tsx';
import { contrastRatio, scoreColour, textColourOn } from './palette.ts';
import { matrixPoint, quadrantOf, ResilienceMatrixPlot } from './ResilienceMatrixPlot.tsx';
import type { WheelIndicator, WheelRating } from './types.ts';
import { WellbeingWheel } from './WellbeingWheel.tsx';

const SHANARRI: WheelIndicator[] = [
  ['safe', 'Trygg'],
  ['healthy', 'Hälsosam'],
  ['achieving', 'Presterande'],
  ['nurtured', 'Omvårdad'],
  ['active', 'Aktiv'],
  ['respected', 'Respekterad'],
  ['responsible', 'Ansvarstagande'],
  ['included', 'Inkluderad'],
].map(([key, name]) => ({ key: key!, name: name! }));

const SCALE = { min: 1, max: 5 };

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

beforeAll(async () => {
  await i18n.changeLanguage('sv');
});

describe('WellbeingWheel', () => {
  const ratings: WheelRating[] = SHANARRI.map((indicator, i) => ({
    indicator: indicator.key,
    professional: (i % 5) + 1,
    child: i === 0 ? 2 : i === 3 ? null : 4,
  }));
  const html = renderToStaticMarkup(createElement(WellbeingWheel, { indicators: SHANARRI, scale: SCALE, ratings, title: 'Hjulet 2026-05-12' }));

  it('draws one segment per indicator, with a ring for the professional and one for the child', () => {
    expect(html).toContain('data-segments="8"');
    expect(count(html, /class="wellbeing-wheel__segment"/g)).toBe(8);
    expect(count(html, /data-rater="professional" data-score=/g)).toBe(8);
    expect(count(html, /data-rater="child" data-score=/g)).toBe(8);
    expect(html).not.toContain('data-rater="guardians"');
  });

  it('draws as many segments as the profile has indicators', () => {
    const five = SHANARRI.slice(0, 5);
    const out = renderToStaticMarkup(createElement(WellbeingWheel, { indicators: five, scale: SCALE, ratings: [] }));
    expect(count(out, /class="wellbeing-wheel__segment"/g)).toBe(5);
  });

  it('colours each cell by its score on the scale: the same score the same colour, a higher score lighter', () => {
    const fills = [...html.matchAll(/data-rater="professional" data-score="(\d)"><path [^>]*data-fill="(#[0-9a-f]{6})"/g)].map((m) => ({
      score: Number(m[1]),
      fill: m[2]!,
    }));
    expect(fills).toHaveLength(8);
    for (const { score, fill } of fills) expect(fill).toBe(scoreColour(score, SCALE));
    const distinct = new Set(fills.map((f) => f.fill));
    expect(distinct.size).toBe(5);
    // Lighter (more contrast with black) as the score rises: order survives greyscale and colour blindness.
    const contrastWithBlack = [1, 2, 3, 4, 5].map((s) => contrastRatio(scoreColour(s, SCALE), '#000000'));
    for (let i = 1; i < contrastWithBlack.length; i++) expect(contrastWithBlack[i]!).toBeGreaterThan(contrastWithBlack[i - 1]!);
  });

  it('scales colours to the profile: the top of a 0–10 scale has the colour of the top of 1–5', () => {
    expect(scoreColour(10, { min: 0, max: 10 })).toBe(scoreColour(5, SCALE));
    expect(scoreColour(0, { min: 0, max: 10 })).toBe(scoreColour(1, SCALE));
  });

  it('prints every score as a number in a readable colour, and marks a missing score', () => {
    for (let s = 1; s <= 5; s++) {
      const fill = scoreColour(s, SCALE);
      expect(contrastRatio(fill, textColourOn(fill)), `score ${s}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(html).toMatch(/data-rater="child" data-score=""><path [^>]*fill="url\(#/);
    expect(html).toContain('>–</text>');
  });

  it('is an image with a title and a description holding all values, and a table of the same numbers', () => {
    const svg = /<svg role="img" aria-labelledby="([^"]+) ([^"]+)"/.exec(html);
    expect(svg).not.toBeNull();
    expect(html).toContain(`<title id="${svg![1]}">Hjulet 2026-05-12</title>`);
    const desc = new RegExp(`<desc id="${svg![2]}">([^<]*)</desc>`).exec(html)?.[1] ?? '';
    expect(desc).toContain('Personal: Trygg 1, Hälsosam 2, Presterande 3, Omvårdad 4, Aktiv 5');
    expect(desc).toContain('Barnet: Trygg 2, Hälsosam 4, Presterande 4, Omvårdad ej bedömt');
    expect(html).toContain('<caption class="wellbeing-wheel__caption">Hjulet 2026-05-12 som tabell</caption>');
    expect(count(html, /<th scope="row"/g)).toBe(8);
    expect(html).toMatch(/<th scope="row"[^>]*>Omvårdad<\/th><td data-rater="professional"[^>]*>4<\/td><td data-rater="child"[^>]*>ej bedömt<\/td>/);
  });

  it('adds the guardians’ ring when they rated, with the child’s "I"-statement in the table', () => {
    const out = renderToStaticMarkup(
      createElement(WellbeingWheel, {
        indicators: [{ key: 'trygghet', name: 'Trygghet', childStatement: 'jag känner mig trygg' }],
        scale: SCALE,
        ratings: [{ indicator: 'trygghet', professional: 3, child: 4, guardians: 5 }],
      }),
    );
    expect(out).toContain('data-rater="guardians" data-score="5"');
    expect(out).toContain('Yttersta ringen');
    expect(out).toContain('”jag känner mig trygg”');
  });

  it('speaks English when the interface does', async () => {
    await i18n.changeLanguage('en');
    const out = renderToStaticMarkup(createElement(WellbeingWheel, { indicators: SHANARRI, scale: SCALE, ratings }));
    await i18n.changeLanguage('sv');
    expect(out).toContain('Wellbeing wheel');
    expect(out).toContain('Professional: Trygg 1');
    expect(out).toContain('not rated');
  });
});

describe('IndicatorTrend', () => {
  const points = [
    { date: '2025-09-01', label: '2025-09-01', professional: 2, child: 1 },
    { date: '2026-01-15', label: '2026-01-15', professional: 3, child: null },
    { date: '2026-05-12', label: '2026-05-12', professional: 4, child: 4 },
  ];
  const html = renderToStaticMarkup(createElement(IndicatorTrend, { name: 'Trygg', scale: SCALE, points }));

  it('draws a line per rater, with a marker at each score – higher scores higher up', () => {
    expect(html).toContain('data-rater="professional"');
    expect(html).toContain('data-rater="child"');
    const professional = html.slice(html.indexOf('data-rater="professional"'), html.indexOf('data-rater="child"'));
    const ys = [...professional.matchAll(/<g data-score="(\d)"><circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(ys.map(([s]) => s)).toEqual([2, 3, 4]);
    expect(ys[0]![1]).toBeGreaterThan(ys[1]![1]);
    expect(ys[1]![1]).toBeGreaterThan(ys[2]![1]);
    // The child's series uses squares and a dashed line – not colour alone.
    expect(html).toMatch(/data-rater="child"[^>]*><polyline[^>]*stroke-dasharray="6 4"/);
    expect(html).toMatch(/data-rater="child"[\s\S]*<rect /);
  });

  it('has a table of the same values', () => {
    expect(html).toContain('<caption>Trygg över tid</caption>');
    expect(html).toMatch(/<th scope="row"[^>]*>2026-01-15<\/th><td[^>]*>3<\/td><td[^>]*>ej bedömt<\/td>/);
    expect(html).toContain('Personal: 2025-09-01 2, 2026-01-15 3, 2026-05-12 4.');
  });
});

describe('ResilienceMatrixPlot', () => {
  it('finds the quadrant of a position, and nothing on an axis', () => {
    expect(quadrantOf({ x: 2, y: 3 })).toBe('resilience_protective_environment');
    expect(quadrantOf({ x: -2, y: 3 })).toBe('vulnerability_protective_environment');
    expect(quadrantOf({ x: 2, y: -3 })).toBe('resilience_adversity');
    expect(quadrantOf({ x: -2, y: -3 })).toBe('vulnerability_adversity');
    expect(quadrantOf({ x: 0, y: 3 })).toBeNull();
    expect(quadrantOf({ x: 4, y: 2 }, { min: 1, max: 5 })).toBe('resilience_adversity');
  });

  it('places resilience to the right and a protective environment at the top', () => {
    const centre = matrixPoint({ x: 0, y: 0 });
    const good = matrixPoint({ x: 5, y: 5 });
    const bad = matrixPoint({ x: -5, y: -5 });
    expect(good.cx).toBeGreaterThan(centre.cx);
    expect(good.cy).toBeLessThan(centre.cy);
    expect(bad.cx).toBeLessThan(centre.cx);
    expect(bad.cy).toBeGreaterThan(centre.cy);
    // Out of range is kept on the plot.
    expect(matrixPoint({ x: 9, y: 9 })).toEqual(good);
  });

  it('draws the dot, marks its quadrant and says where it is in words', () => {
    const html = renderToStaticMarkup(
      createElement(ResilienceMatrixPlot, {
        position: { x: -2, y: -1 },
        facts: { resilience: ['Har en nära vän'], adversity: ['Pappa är sjuk'] },
      }),
    );
    const { cx, cy } = matrixPoint({ x: -2, y: -1 });
    expect(html).toContain(`data-cx="${cx}" data-cy="${cy}"`);
    expect(count(html, /data-quadrant=/g)).toBe(4);
    expect(html).toContain('data-quadrant="vulnerability_adversity" data-current="true"');
    expect(html).toContain('Det är i rutan ”Sårbarhet och motgångar”.');
    expect(html).toContain('Har en nära vän');
    expect(html).toContain('data-factor="adversity"');
    expect(html).not.toContain('data-factor="vulnerability"');
  });

  it('says so when no position is set, and draws no dot', () => {
    const html = renderToStaticMarkup(createElement(ResilienceMatrixPlot, {}));
    expect(html).toContain('Barnets läge är inte bedömt.');
    expect(html).not.toContain('resilience-matrix__position');
  });
});
