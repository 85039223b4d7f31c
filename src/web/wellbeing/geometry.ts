/** SVG geometry for the wheel: annulus sectors, polar points. Angles in degrees, 0 = up, clockwise. */

export type Point = { x: number; y: number };

export function polar(radius: number, angleDegrees: number, centre: Point = { x: 0, y: 0 }): Point {
  const radians = ((angleDegrees - 90) * Math.PI) / 180;
  return { x: round(centre.x + radius * Math.cos(radians)), y: round(centre.y + radius * Math.sin(radians)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The path of a ring sector between two radii and two angles. */
export function sectorPath(inner: number, outer: number, start: number, end: number): string {
  const large = end - start > 180 ? 1 : 0;
  const a = polar(outer, start);
  const b = polar(outer, end);
  const c = polar(inner, end);
  const d = polar(inner, start);
  if (inner <= 0) return `M0 0 L${a.x} ${a.y} A${outer} ${outer} 0 ${large} 1 ${b.x} ${b.y} Z`;
  return `M${a.x} ${a.y} A${outer} ${outer} 0 ${large} 1 ${b.x} ${b.y} L${c.x} ${c.y} A${inner} ${inner} 0 ${large} 0 ${d.x} ${d.y} Z`;
}
