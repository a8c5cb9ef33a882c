// Pooled current trends for adoption indicators (Internet use, households, phone ownership, 4G
// coverage): series screening, an economy's own logit-linear rate shrunk toward its peer group's rate,
// and the empirical error spreads that the Monte Carlo draws. Pure functions of (year, value) points.

import type { Point } from './calibrate.ts';

/** The adoption indicators whose current trends are pooled across economies. */
export const POOLED = ['internetUse', 'households', 'mobileOwnership', 'coverage4g'] as const;
export type PooledId = (typeof POOLED)[number];

/** Shares are moved into logit space inside (LO, 100 − LO) so 0% and 100% stay finite. */
const LO = 0.2;

export function logit(x: number): number {
  const v = x < LO ? LO : x > 100 - LO ? 100 - LO : x;
  return Math.log(v / (100 - v));
}

/**
 * A share at or above this counts as full (100): a logit band approaches 100 but never reaches it, so a
 * band "reaches 100" when its edge is at least this. The back-test scores a realised 100 as inside only
 * then (src/cli/backtest.ts), and the band's calibration measures errors to the same edge.
 */
export const FULL_SHARE = 99.95;

/** Logit for band errors: shares bounded at FULL_SHARE and 100 − FULL_SHARE (not LO), so a realised 100 is an error that reaches it. */
export function bandLogit(x: number): number {
  const v = x < 100 - FULL_SHARE ? 100 - FULL_SHARE : x > FULL_SHARE ? FULL_SHARE : x;
  return Math.log(v / (100 - v));
}

export function invLogit(z: number): number {
  return 100 / (1 + Math.exp(-z));
}

/**
 * Why a point was left out of the fit. `reason` is the English the CLI prints; the app words it in its
 * own language from `code` and the figures: an outlier (`value` off the line of `beforeYear` and
 * `afterYear`), or a break where the series falls or jumps from `beforeValue` (`beforeYear`) to `value`.
 */
export interface ScreenNote {
  year: number;
  kind: 'break' | 'outlier';
  code: 'outlier' | 'fall' | 'jump';
  value: number;
  beforeYear: number;
  beforeValue?: number;
  afterYear?: number;
  reason: string;
}

export interface Screened {
  /** The consistent segment the trend is fitted on (the latest one), outliers removed. */
  points: Point[];
  notes: ScreenNote[];
}

/** Thresholds of the screening rule (documented in docs/MODEL.md, "Series screening"). */
export const SCREEN = {
  /** A rise faster than this many logit units a year (about 20% → 40% in one year) is a break. */
  jumpPerYear: 0.9,
  /** A fall of more than this many points between two observations is a break (adoption does not fall). */
  fallPoints: 4,
  /** A single point this far (logit) off the line of its neighbours, with the next point coming back, is an outlier. */
  spike: 0.6,
} as const;

/**
 * Screens a share series (sorted by year): drops isolated spikes, then keeps the segment after the
 * last break (a jump no diffusion explains, or a fall). Each dropped point is explained. Coverage
 * passes `jumps: false`: a network rollout is a jump, not a change of method.
 */
export function screenSeries(points: readonly Point[], opts: { jumps?: boolean } = {}): Screened {
  const jumps = opts.jumps ?? true;
  const notes: ScreenNote[] = [];
  // 1. outliers: an interior point off the line of its two neighbours, in the opposite direction of both steps
  const kept: Point[] = [];
  for (let j = 0; j < points.length; j++) {
    const p = points[j]!;
    const a = points[j - 1];
    const c = points[j + 1];
    if (a && c) {
      const za = logit(a.value), zb = logit(p.value), zc = logit(c.value);
      const interp = za + ((zc - za) * (p.year - a.year)) / (c.year - a.year);
      const off = zb - interp;
      // a spike returns: the next point comes back at least halfway toward the one before
      if (Math.abs(off) > SCREEN.spike && Math.sign(zb - za) === -Math.sign(zc - zb) && Math.abs(zc - za) < 0.5 * Math.abs(zb - za)) {
        notes.push({ year: p.year, kind: 'outlier', code: 'outlier', value: p.value, beforeYear: a.year, afterYear: c.year, reason: `${p.value.toFixed(1)} is off the line of ${a.year} and ${c.year}` });
        continue;
      }
    }
    kept.push(p);
  }
  // 2. breaks: the fit uses only the segment after the last one
  let start = 0;
  for (let j = 1; j < kept.length; j++) {
    const a = kept[j - 1]!, b = kept[j]!;
    const dy = b.year - a.year;
    const rise = (logit(b.value) - logit(a.value)) / dy;
    if (a.value - b.value > SCREEN.fallPoints) {
      notes.push({ year: b.year, kind: 'break', code: 'fall', value: b.value, beforeYear: a.year, beforeValue: a.value, reason: `falls from ${a.value.toFixed(1)} (${a.year}) to ${b.value.toFixed(1)}: a change of source or method` });
      start = j;
    } else if (jumps && rise > SCREEN.jumpPerYear && b.value - a.value > 3) {
      notes.push({ year: b.year, kind: 'break', code: 'jump', value: b.value, beforeYear: a.year, beforeValue: a.value, reason: `jumps from ${a.value.toFixed(1)} (${a.year}) to ${b.value.toFixed(1)}, faster than diffusion explains` });
      start = j;
    }
  }
  return { points: kept.slice(start), notes };
}

export interface OwnFit {
  /** Logit-space slope per year, or NaN with fewer than two points. */
  slope: number;
  points: number;
  from: number;
  to: number;
}

/** Ordinary least-squares slope of logit(value) on year over the last `span` years of the points. */
export function ownSlope(points: readonly Point[], span = 8): OwnFit {
  const last = points.at(-1);
  const pts = last ? points.filter((p) => p.year > last.year - span) : [];
  const n = pts.length;
  const first = pts[0];
  if (n < 2 || !first || !last || last.year === first.year) return { slope: Number.NaN, points: n, from: first?.year ?? 0, to: last?.year ?? 0 };
  let mx = 0, mz = 0;
  const zs = pts.map((p) => logit(p.value));
  pts.forEach((p, i) => { mx += p.year; mz += zs[i]!; });
  mx /= n; mz /= n;
  let sxy = 0, sxx = 0;
  pts.forEach((p, i) => { sxy += (p.year - mx) * (zs[i]! - mz); sxx += (p.year - mx) ** 2; });
  return { slope: sxy / sxx, points: n, from: first.year, to: last.year };
}

/**
 * A peer group's rate model, fitted out of sample (`npm run data:priors`): the logit rate economies went
 * on to show over the next years, regressed on the level they had reached and on their own recent rate.
 * The coefficient on the own rate is how much an economy's own trend is worth beyond its peers'; it is
 * estimated, not assumed.
 */
export interface RateModel {
  /** With an own rate (three points or more): rate = intercept + level · logit(x) + own · own rate. */
  full: { intercept: number; level: number; own: number };
  /** Without one: rate = intercept + level · logit(x). */
  short: { intercept: number; level: number };
  /** Training cases (economy × origin year). */
  n: number;
  /** 2nd–98th percentile of the realised rates: a pooled rate never leaves them. */
  min: number;
  max: number;
}

/** The pooled rate of an economy: its peer group's rate model at its level, with its own rate where it has one. */
export function pooledRate(own: OwnFit, m: RateModel, level: number): { slope: number; usesOwn: boolean } {
  const z = logit(level);
  const usesOwn = Number.isFinite(own.slope) && own.points >= 3;
  const raw = usesOwn ? m.full.intercept + m.full.level * z + m.full.own * own.slope : m.short.intercept + m.short.level * z;
  return { slope: Math.min(m.max, Math.max(Math.max(0, m.min), raw)), usesOwn };
}

/** One training case: the level and own rate at an origin, the rate realised after it, and the peer group. */
export interface RateCase {
  level: number;
  /** NaN when the series had fewer than three points. */
  own: number;
  realised: number;
  group: string | null;
}

/**
 * Solves a small (weighted) least-squares problem with a light ridge (columns of X in rows). Exported
 * for `scripts/trend-variants.ts`, which measures the alternatives docs/MODEL.md lists.
 */
export function leastSquares(X: readonly number[][], y: readonly number[], ridge: number, w?: readonly number[]): number[] {
  const k = X[0]?.length ?? 0;
  const A = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const b = new Array<number>(k).fill(0);
  X.forEach((r, i) => {
    const wi = w ? w[i]! : 1;
    for (let p = 0; p < k; p++) {
      b[p]! += wi * r[p]! * y[i]!;
      for (let q = 0; q < k; q++) A[p]![q]! += wi * r[p]! * r[q]!;
    }
  });
  for (let p = 1; p < k; p++) A[p]![p]! += ridge; // the intercept is not shrunk
  for (let i = 0; i < k; i++) {
    let piv = i;
    for (let j = i + 1; j < k; j++) if (Math.abs(A[j]![i]!) > Math.abs(A[piv]![i]!)) piv = j;
    [A[i], A[piv]] = [A[piv]!, A[i]!];
    [b[i], b[piv]] = [b[piv]!, b[i]!];
    for (let j = i + 1; j < k; j++) {
      const f = A[j]![i]! / A[i]![i]!;
      for (let c = i; c < k; c++) A[j]![c]! -= f * A[i]![c]!;
      b[j]! -= f * b[i]!;
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let acc = b[i]!;
    for (let c = i + 1; c < k; c++) acc -= A[i]![c]! * x[c]!;
    x[i] = acc / A[i]![i]!;
  }
  return x;
}

function q(sorted: readonly number[], p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Fits the rate models of every peer group at once: shared coefficients on level and own rate, an
 * intercept per group (groups with fewer than `minCases` cases share the pooled intercept), and a pooled
 * model for "all". Returns null with fewer than 30 cases.
 */
export function fitRateModels(cases: readonly RateCase[], groups: readonly string[], minCases = 30): Record<string, RateModel> | null {
  if (cases.length < 30) return null;
  const counted = groups.filter((g) => cases.filter((c) => c.group === g).length >= minCases);
  const dummies = (c: RateCase) => counted.map((g) => (c.group === g ? 1 : 0));
  const withOwn = cases.filter((c) => Number.isFinite(c.own));
  const ridge = 1e-6; // numerical only
  const fit = (rows: readonly RateCase[], useOwn: boolean, useGroups: boolean) =>
    leastSquares(rows.map((c) => [1, logit(c.level), ...(useOwn ? [c.own] : []), ...(useGroups ? dummies(c) : [])]), rows.map((c) => c.realised), ridge);
  const sorted = cases.map((c) => c.realised).sort((a, b) => a - b);
  const min = q(sorted, 0.02), max = q(sorted, 0.98);
  // An own rate that would count negatively (fast recent growth projected slower than no information)
  // is not used: the model then rests on level and group alone, which is what the data support.
  const positive = (c: number[] | null) => (c && c[2]! > 0 ? c : null);
  const fullG = withOwn.length >= 30 ? positive(fit(withOwn, true, true)) : null;
  const shortG = fit(cases, false, true);
  const fullA = withOwn.length >= 30 ? positive(fit(withOwn, true, false)) : null;
  const shortA = fit(cases, false, false);
  const model = (g: string | null): RateModel => {
    const j = g === null ? -1 : counted.indexOf(g);
    const full = g === null || j < 0 ? fullA : fullG;
    const short = g === null || j < 0 ? shortA : shortG;
    const fi = full ? full[0]! + (j >= 0 ? full[3 + j]! : 0) : Number.NaN;
    const si = short[0]! + (j >= 0 ? short[2 + j]! : 0);
    return {
      full: full ? { intercept: fi, level: full[1]!, own: full[2]! } : { intercept: si, level: short[1]!, own: 0 },
      short: { intercept: si, level: short[1]! },
      n: g === null ? cases.length : cases.filter((c) => c.group === g).length,
      min,
      max,
    };
  };
  const out: Record<string, RateModel> = { all: model(null) };
  for (const g of groups) out[g] = model(g);
  return out;
}

/** Projects a share forward h years at a logit rate (no damping: damped variants did worse out of sample). */
export function projectShare(level: number, slope: number, h: number): number {
  return invLogit(logit(level) + slope * h);
}

/**
 * Edges of the level bands (%) by which the Monte Carlo spreads of Internet use, ownership and 4G
 * coverage are estimated: a series near full coverage errs far less on its lower side than one still
 * rolling out (docs/MODEL.md, "Uncertainty").
 */
export const SPREAD_LEVEL_BANDS = [0, 50, 90, 100.0001] as const;

/** Edges of the Internet-use bands (%) over which households' margin over use is estimated. */
export const USE_BANDS = [0, 10, 30, 50, 70, 100.0001] as const;

/**
 * Households' margin over use at use level `u`: the band margins (99th percentile of households − use
 * among observations in each band) joined linearly between band midpoints, flat beyond the outer ones.
 */
export function marginAtUse(byBand: ArrayLike<number>, u: number): number {
  // called every year of every run: no closure per call (the band midpoints are computed once)
  const n = byBand.length;
  if (u <= USE_BAND_MIDS[0]!) return byBand[0]!;
  for (let j = 0; j < n - 1; j++) {
    const a = USE_BAND_MIDS[j]!, b = USE_BAND_MIDS[j + 1]!;
    if (u <= b) return byBand[j]! + ((byBand[j + 1]! - byBand[j]!) * (u - a)) / (b - a);
  }
  return byBand[n - 1]!;
}

/** Midpoints of the use bands (the last capped at 100), where marginAtUse's values sit. */
const USE_BAND_MIDS = Float64Array.from(USE_BANDS.slice(0, -1), (lo, j) => (lo + Math.min(100, USE_BANDS[j + 1]!)) / 2);

/** Points per year a nowcast may climb without its own history having climbed as fast. */
export const NOWCAST_MAX_RISE = 5;

/**
 * The pace (points a year) of a series' last `span` years: the least-squares slope in points, so one
 * jump does not stand for a trend. 0 with fewer than two points.
 */
export function fastestRise(points: readonly Point[], span = 5): number {
  const last = points.at(-1);
  if (!last) return 0;
  const w = points.filter((p) => p.year > last.year - span);
  if (w.length < 2) return 0;
  const mx = w.reduce((a, p) => a + p.year, 0) / w.length;
  const my = w.reduce((a, p) => a + p.value, 0) / w.length;
  let sxy = 0, sxx = 0;
  for (const p of w) { sxy += (p.year - mx) * (p.value - my); sxx += (p.year - mx) ** 2; }
  return sxx > 0 ? Math.max(0, sxy / sxx) : 0;
}
