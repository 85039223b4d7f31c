/**
 * Simple pictures for the wellbeing indicators in the child-friendly plan,
 * drawn as vector shapes with pdf-lib (no image files): a shield for safe, an
 * apple for healthy, a star for achieving, a heart for nurtured/care, a ball
 * for active/leisure, a speech bubble for respected, a growing plant for
 * responsible, three friends for included/belonging, and a sun for any other
 * indicator. SHANARRI and Behovskompassen keys share pictures where they mean
 * the same thing.
 *
 * Shapes are written in a 100 × 100 box with y pointing down (SVG style);
 * pdf-lib's `drawSvgPath` maps them onto the page.
 */
import { LineCapStyle, type PDFPage, rgb, type RGB } from 'pdf-lib';

export type PictureKind = 'shield' | 'apple' | 'star' | 'heart' | 'ball' | 'speech' | 'plant' | 'friends' | 'sun';

/** Indicator key (SHANARRI and Behovskompassen) → picture. */
const PICTURE_BY_INDICATOR: Record<string, PictureKind> = {
  safe: 'shield',
  safety: 'shield',
  healthy: 'apple',
  health: 'apple',
  achieving: 'star',
  development: 'star',
  nurtured: 'heart',
  care: 'heart',
  active: 'ball',
  leisure: 'ball',
  respected: 'speech',
  respect: 'speech',
  responsible: 'plant',
  responsibility: 'plant',
  included: 'friends',
  belonging: 'friends',
};

export function pictureFor(indicatorKey: string): PictureKind {
  return PICTURE_BY_INDICATOR[indicatorKey] ?? 'sun';
}

const WHITE = rgb(1, 1, 1);

/** Background colour of each picture's round badge, and the colour of the shape. */
const PALETTE: Record<PictureKind, { background: RGB; shape: RGB }> = {
  shield: { background: rgb(0.87, 0.93, 0.99), shape: rgb(0.16, 0.42, 0.75) },
  apple: { background: rgb(0.9, 0.97, 0.88), shape: rgb(0.3, 0.65, 0.25) },
  star: { background: rgb(1, 0.96, 0.84), shape: rgb(0.95, 0.7, 0.1) },
  heart: { background: rgb(0.99, 0.9, 0.91), shape: rgb(0.86, 0.2, 0.3) },
  ball: { background: rgb(1, 0.93, 0.86), shape: rgb(0.93, 0.5, 0.13) },
  speech: { background: rgb(0.94, 0.9, 0.99), shape: rgb(0.5, 0.3, 0.78) },
  plant: { background: rgb(0.9, 0.97, 0.93), shape: rgb(0.2, 0.58, 0.38) },
  friends: { background: rgb(0.87, 0.96, 0.97), shape: rgb(0.1, 0.55, 0.6) },
  sun: { background: rgb(1, 0.97, 0.86), shape: rgb(0.96, 0.66, 0.08) },
};

/**
 * Draws the picture in a square of `size` points whose top-left corner is at
 * (`x`, `top`) on the page.
 */
export function drawPicture(page: PDFPage, kind: PictureKind, x: number, top: number, size: number): void {
  const s = size / 100;
  const { background, shape } = PALETTE[kind];
  /** A point of the 100 × 100 box on the page. */
  const at = (px: number, py: number) => ({ x: x + px * s, y: top - py * s });
  const fill = (path: string, color: RGB) => page.drawSvgPath(path, { x, y: top, scale: s, color });
  const stroke = (path: string, color: RGB, width: number) =>
    page.drawSvgPath(path, { x, y: top, scale: s, borderColor: color, borderWidth: width, borderLineCap: LineCapStyle.Round });
  const circle = (cx: number, cy: number, r: number, color: RGB) => page.drawCircle({ ...at(cx, cy), size: r * s, color });

  circle(50, 50, 50, background);

  switch (kind) {
    case 'shield':
      fill('M50 14 L80 24 L80 48 C80 68 67 80 50 88 C33 80 20 68 20 48 L20 24 Z', shape);
      stroke('M36 50 L46 60 L65 39', WHITE, 7);
      break;
    case 'apple':
      fill('M50 36 C40 28 20 30 20 54 C20 74 34 88 44 87 C47 86 53 86 56 87 C66 88 80 74 80 54 C80 30 60 28 50 36 Z', shape);
      stroke('M50 36 C50 28 52 22 56 16', rgb(0.45, 0.3, 0.15), 5);
      fill('M55 24 C60 14 72 13 77 16 C72 25 62 28 55 24 Z', rgb(0.2, 0.5, 0.18));
      break;
    case 'star': {
      const points: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const r = i % 2 === 0 ? 38 : 16;
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        points.push(`${(50 + r * Math.cos(angle)).toFixed(2)} ${(53 + r * Math.sin(angle)).toFixed(2)}`);
      }
      fill(`M${points.join(' L')} Z`, shape);
      break;
    }
    case 'heart':
      fill('M50 84 C26 66 16 54 16 38 C16 26 25 18 36 18 C43 18 47 22 50 28 C53 22 57 18 64 18 C75 18 84 26 84 38 C84 54 74 66 50 84 Z', shape);
      break;
    case 'ball':
      circle(50, 50, 34, shape);
      stroke('M50 16 L50 84', WHITE, 3.5);
      stroke('M16 50 L84 50', WHITE, 3.5);
      stroke('M27 25 C37 38 37 62 27 75', WHITE, 3.5);
      stroke('M73 25 C63 38 63 62 73 75', WHITE, 3.5);
      break;
    case 'speech':
      fill('M20 22 Q20 16 26 16 L74 16 Q80 16 80 22 L80 58 Q80 64 74 64 L46 64 L30 80 L33 64 L26 64 Q20 64 20 58 Z', shape);
      circle(36, 40, 5, WHITE);
      circle(50, 40, 5, WHITE);
      circle(64, 40, 5, WHITE);
      break;
    case 'plant':
      fill('M32 64 L68 64 L63 86 L37 86 Z', rgb(0.72, 0.42, 0.25));
      stroke('M50 64 L50 32', shape, 5);
      fill('M50 50 C38 50 28 44 25 32 C38 31 48 38 50 50 Z', shape);
      fill('M50 40 C62 40 72 33 75 21 C62 20 52 27 50 40 Z', shape);
      break;
    case 'friends':
      circle(28, 40, 8, shape);
      circle(72, 40, 8, shape);
      fill('M14 76 C14 54 42 54 42 76 Z', shape);
      fill('M58 76 C58 54 86 54 86 76 Z', shape);
      circle(50, 33, 10, rgb(0.05, 0.4, 0.45));
      fill('M33 80 C33 50 67 50 67 80 Z', rgb(0.05, 0.4, 0.45));
      break;
    case 'sun':
      for (let i = 0; i < 8; i += 1) {
        const angle = (i * Math.PI) / 4;
        const from = { x: 50 + 27 * Math.cos(angle), y: 50 + 27 * Math.sin(angle) };
        const to = { x: 50 + 38 * Math.cos(angle), y: 50 + 38 * Math.sin(angle) };
        stroke(`M${from.x.toFixed(2)} ${from.y.toFixed(2)} L${to.x.toFixed(2)} ${to.y.toFixed(2)}`, shape, 5);
      }
      circle(50, 50, 20, shape);
      break;
  }
}
