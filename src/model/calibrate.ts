// Calibration helpers on (year, value) points: windows of a series, the gap-closing rate of the
// indicators without pooled trends, and the linear trend the back-test compares with. The pooled
// adoption trends live in trends.ts.

export interface Point {
  year: number;
  value: number;
}

/** The points of a year → value record up to (and including) lastYear, sorted by year. */
export function pointsUpTo(values: Readonly<Record<string, number>> | undefined, lastYear: number): Point[] {
  if (!values) return [];
  return Object.entries(values)
    .map(([y, v]) => ({ year: Number(y), value: v }))
    .filter((p) => Number.isFinite(p.year) && Number.isFinite(p.value) && p.year <= lastYear)
    .sort((a, b) => a.year - b.year);
}

/** The last `span` years of points (by calendar year, not count). */
export function lastYears(points: readonly Point[], span: number): Point[] {
  const last = points.at(-1);
  if (!last) return [];
  return points.filter((p) => p.year > last.year - span);
}

/** Fraction of the gap to `ceiling` closed per year between the first and last point of the window. */
export function fitGapClosing(points: readonly Point[], span = 8, ceiling = 100): number | null {
  const pts = lastYears(points, span);
  const first = pts[0];
  const last = pts.at(-1);
  if (!first || !last || last.year - first.year < 2) return null;
  const g0 = ceiling - first.value;
  const g1 = ceiling - last.value;
  if (g0 <= 0.5 || g1 <= 0) return null;
  const rate = 1 - Math.pow(g1 / g0, 1 / (last.year - first.year));
  return Math.min(0.5, Math.max(0, rate));
}

/** Ordinary least-squares line through the points of the window; returns value at `year`. */
export function linearTrend(points: readonly Point[], span = 10): ((year: number) => number) | null {
  const pts = lastYears(points, span);
  if (pts.length < 2) return null;
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p.year, 0) / n;
  const my = pts.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) * (p.year - mx);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return (year: number) => my + slope * (year - mx);
}

/** Steps a gap-closing rule forward. */
export function stepGap(value: number, fromYear: number, toYear: number, rate: number, ceiling = 100): number {
  let x = value;
  for (let y = fromYear; y < toYear; y++) x += rate * (ceiling - x);
  return x;
}

/**
 * The figure a baseline starts from: the fact itself, or, when the fact is dated after the base year (a
 * back-test, an early base year), the series' last point at or before it; null when there is none.
 */
export function figureUpTo(fact: { value: number; year: number }, pts: readonly Point[], baseYear: number): Point | null {
  if (fact.year <= baseYear) return { year: fact.year, value: fact.value };
  const last = pts.at(-1);
  return last ? { year: last.year, value: last.value } : null;
}
