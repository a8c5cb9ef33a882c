// Calibration of current trends to history: logistic diffusion fits for adoption indicators, and
// gap-closing and log-linear rates for the others. Pure functions of (year, value) points.

export interface Point {
  year: number;
  value: number;
}

export interface LogisticFit {
  r: number;
  K: number;
  /** Root-mean-square error of the fitted path against the points used, in the series' unit. */
  rmse: number;
  points: number;
  from: number;
  to: number;
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

/** Simulates x(t+1) = x + r·x·(1 − x/K) from the first point and returns the SSE at the points. */
function logisticSse(points: readonly Point[], r: number, K: number): number {
  const first = points[0];
  if (!first) return Infinity;
  let x = first.value;
  let year = first.year;
  let sse = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point;
    while (year < p.year) {
      x += r * x * (1 - x / K);
      year++;
    }
    const d = x - p.value;
    sse += d * d;
  }
  return sse;
}

/**
 * Fits the rate of a discrete logistic with a given ceiling K to a share series (0–100), over the
 * last `span` years, by a fine grid then halving refinement. The ceiling is structural (set by
 * enabling conditions), not fitted: free-ceiling fits on early diffusion data are notoriously
 * unidentified and under-project (the back-test shows it). Needs three points spanning three years.
 */
export function fitLogistic(points: readonly Point[], K: number, span = 10): LogisticFit | null {
  const pts = lastYears(points, span);
  const first = pts[0];
  const last = pts.at(-1);
  if (!first || !last || pts.length < 3 || last.year - first.year < 3 || first.value <= 0) return null;
  const ceiling = Math.min(100, Math.max(K, Math.max(...pts.map((p) => p.value)) + 0.5));
  let best = { r: 0.1, sse: Infinity };
  for (let r = 0.005; r <= 1.0001; r += 0.005) {
    const sse = logisticSse(pts, r, ceiling);
    if (sse < best.sse) best = { r, sse };
  }
  let step = 0.0025;
  for (let it = 0; it < 20; it++) {
    let improved = false;
    for (const dr of [step, -step]) {
      const r = Math.min(1, Math.max(0.001, best.r + dr));
      const sse = logisticSse(pts, r, ceiling);
      if (sse < best.sse) {
        best = { r, sse };
        improved = true;
      }
    }
    if (!improved) step /= 2;
  }
  return {
    r: best.r,
    K: ceiling,
    rmse: Math.sqrt(best.sse / Math.max(1, pts.length - 1)),
    points: pts.length,
    from: first.year,
    to: last.year,
  };
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

/** Geometric rate of decline per year (positive = falling) between the first and last point. */
export function fitDecline(points: readonly Point[], span = 6): number | null {
  const pts = lastYears(points, span);
  const first = pts[0];
  const last = pts.at(-1);
  if (!first || !last || last.year - first.year < 2 || first.value <= 0 || last.value <= 0) return null;
  const rate = 1 - Math.pow(last.value / first.value, 1 / (last.year - first.year));
  return Math.min(0.3, Math.max(-0.05, rate));
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

/** Steps a logistic forward from (year, value) to targetYear. */
export function stepLogistic(value: number, fromYear: number, toYear: number, r: number, K: number): number {
  let x = value;
  for (let y = fromYear; y < toYear; y++) x += r * x * (1 - x / K);
  return x;
}

/** Steps a gap-closing rule forward. */
export function stepGap(value: number, fromYear: number, toYear: number, rate: number, ceiling = 100): number {
  let x = value;
  for (let y = fromYear; y < toYear; y++) x += rate * (ceiling - x);
  return x;
}
