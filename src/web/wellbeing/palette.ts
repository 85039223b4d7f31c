/**
 * Colours for scores. A viridis-like sequential palette (dark violet → blue →
 * green → yellow): it changes in lightness as well as hue, so it stays ordered
 * for people with red–green or blue–yellow colour blindness and in greyscale
 * print. Colour is never the only carrier: every drawn score also prints its
 * number.
 */

/** Viridis at 0, 0.1 … 1 (matplotlib's values, rounded). */
const VIRIDIS = [
  '#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c',
  '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725',
] as const;

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The palette colour at t ∈ [0, 1]. */
export function paletteColour(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (VIRIDIS.length - 1);
  const low = Math.floor(position);
  const high = Math.min(VIRIDIS.length - 1, low + 1);
  const f = position - low;
  const a = hexToRgb(VIRIDIS[low]!);
  const b = hexToRgb(VIRIDIS[high]!);
  return rgbToHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

export type Scale = { min: number; max: number };

/**
 * The fill for a score on the profile's scale. The lowest score (most worry)
 * is the darkest, the highest the lightest. A scale of 1–5 uses five evenly
 * spaced colours from the palette (not its extreme ends, so both ends keep
 * readable text).
 */
export function scoreColour(score: number, scale: Scale): string {
  const span = scale.max - scale.min;
  const t = span > 0 ? (score - scale.min) / span : 0;
  return paletteColour(0.08 + 0.88 * t);
}

function luminance(hex: string): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = hexToRgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white text, whichever reads better on the fill. */
export function textColourOn(fill: string): '#000000' | '#ffffff' {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/** Every whole score of a scale, lowest first. */
export function scaleValues(scale: Scale): number[] {
  const values: number[] = [];
  for (let v = Math.ceil(scale.min); v <= scale.max; v++) values.push(v);
  return values;
}
