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

export function invLogit(z: number): number {
  return 100 / (1 + Math.exp(-z));
}

/** Why a point was left out of the fit, as the app shows it. */
export interface ScreenNote {
  year: number;
  kind: 'break' | 'outlier';
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
 * last break (a jump no diffusion explains, or a fall). Each dropped point is explained.
 */
export function screenSeries(points: readonly Point[]): Screened {
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
        notes.push({ year: p.year, kind: 'outlier', reason: `${p.value.toFixed(1)} is off the line of ${a.year} and ${c.year}` });
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
      notes.push({ year: b.year, kind: 'break', reason: `falls from ${a.value.toFixed(1)} (${a.year}) to ${b.value.toFixed(1)}: a change of source or method` });
      start = j;
    } else if (rise > SCREEN.jumpPerYear && b.value - a.value > 3) {
      notes.push({ year: b.year, kind: 'break', reason: `jumps from ${a.value.toFixed(1)} (${a.year}) to ${b.value.toFixed(1)}, faster than diffusion explains` });
      start = j;
    }
  }
  return { points: kept.slice(start), notes };
}

export interface OwnFit {
  /** Logit-space slope per year, or NaN with fewer than two points. */
  slope: number;
  /** Sampling variance of the slope (with a floor for smooth interpolated series). */
  variance: number;
  points: number;
  from: number;
  to: number;
}

/** Residual sd floor (logit) so a perfectly smooth estimated series does not claim certainty. */
const RESID_FLOOR = 0.4;

/** Ordinary least-squares slope of logit(value) on year over the last `span` years of the points. */
export function ownSlope(points: readonly Point[], span = 8): OwnFit {
  const last = points.at(-1);
  const pts = last ? points.filter((p) => p.year > last.year - span) : [];
  const n = pts.length;
  const first = pts[0];
  if (n < 2 || !first || !last || last.year === first.year) return { slope: Number.NaN, variance: Infinity, points: n, from: first?.year ?? 0, to: last?.year ?? 0 };
  let mx = 0, mz = 0;
  const zs = pts.map((p) => logit(p.value));
  pts.forEach((p, i) => { mx += p.year; mz += zs[i]!; });
  mx /= n; mz /= n;
  let sxy = 0, sxx = 0;
  pts.forEach((p, i) => { sxy += (p.year - mx) * (zs[i]! - mz); sxx += (p.year - mx) ** 2; });
  const slope = sxy / sxx;
  let sse = 0;
  pts.forEach((p, i) => { const r = zs[i]! - (mz + slope * (p.year - mx)); sse += r * r; });
  const s2 = n > 2 ? Math.max(sse / (n - 2), RESID_FLOOR ** 2) : (2 * RESID_FLOOR) ** 2;
  return { slope, variance: s2 / sxx, points: n, from: first.year, to: last.year };
}

/** A peer group's pooled rate: slope = a + b · logit(level), with between-economy spread tau. */
export interface GroupPrior {
  a: number;
  b: number;
  tau: number;
  /** Economies the prior was estimated from. */
  n: number;
  /** Bounds of the slopes observed in the group (the pooled rate never leaves them). */
  min: number;
  max: number;
}

/** Shrinks an economy's own slope toward its group's: precision-weighted (empirical Bayes). */
export function pooledSlope(own: OwnFit, prior: GroupPrior, level: number): { slope: number; weight: number } {
  const priorSlope = prior.a + prior.b * logit(level);
  const w = Number.isFinite(own.slope) && own.points >= 3 ? (1 / own.variance) / (1 / own.variance + 1 / (prior.tau * prior.tau)) : 0;
  const raw = w * (Number.isFinite(own.slope) ? own.slope : 0) + (1 - w) * priorSlope;
  return { slope: Math.min(prior.max, Math.max(prior.min, raw)), weight: w };
}

/** Damping of the logit slope per year of horizon (a damped trend, as forecasters use for diffusion). */
export const DAMPING = 0.93;

/** Logit offset after h years at slope s with damping: s · (1 + φ + … + φ^(h−1)). */
export function dampedSum(slope: number, h: number, phi = DAMPING): number {
  if (h <= 0) return 0;
  return phi === 1 ? slope * h : (slope * (1 - Math.pow(phi, h))) / (1 - phi);
}

/** Projects a level (share) forward h years at a logit slope with damping. */
export function projectShare(level: number, slope: number, h: number, phi = DAMPING): number {
  return invLogit(logit(level) + dampedSum(slope, h, phi));
}

/** One economy's contribution to its group's prior. */
export interface PriorSample {
  level: number;
  slope: number;
  variance: number;
}

function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function lineFit(xs: readonly number[], ys: readonly number[]): { a: number; b: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

/**
 * Estimates a group's prior from its economies' own slopes: a line of slope on logit(level) (diffusion
 * slows as it saturates), refitted once without points beyond 2.5 robust sd, and the between-economy
 * spread net of sampling noise.
 */
export function estimatePrior(samples: readonly PriorSample[]): GroupPrior {
  const xs = samples.map((s) => logit(s.level));
  const ys = samples.map((s) => s.slope);
  let { a, b } = lineFit(xs, ys);
  const resid = ys.map((y, i) => y - (a + b * xs[i]!));
  const mad = quantileOf([...resid].map(Math.abs).sort((p, q) => p - q), 0.5) * 1.4826;
  const keep = resid.map((r) => Math.abs(r) <= 2.5 * Math.max(mad, 1e-6));
  const kx = xs.filter((_, i) => keep[i]);
  const ky = ys.filter((_, i) => keep[i]);
  if (kx.length >= 5) ({ a, b } = lineFit(kx, ky));
  const r2 = ky.map((y, i) => (y - (a + b * kx[i]!)) ** 2);
  const varResid = r2.reduce((s, v) => s + v, 0) / Math.max(1, r2.length - 2);
  const meanSampling = samples.filter((_, i) => keep[i]).reduce((s, p) => s + p.variance, 0) / Math.max(1, kx.length);
  const tau = Math.sqrt(Math.max(varResid - meanSampling, 0.03 ** 2));
  const sorted = [...ys].sort((p, q) => p - q);
  return { a, b, tau, n: samples.length, min: Math.max(0, quantileOf(sorted, 0.02)), max: quantileOf(sorted, 0.98) };
}

/** Points per year a nowcast may climb without its own history having climbed as fast. */
export const NOWCAST_MAX_RISE = 5;

/**
 * The fastest rise (points a year) between consecutive points of a series' last `span` years, or 0.
 */
export function fastestRise(points: readonly Point[], span = 5): number {
  const last = points.at(-1);
  if (!last) return 0;
  let best = 0;
  for (let j = 1; j < points.length; j++) {
    const a = points[j - 1]!, b = points[j]!;
    if (b.year <= last.year - span) continue;
    best = Math.max(best, (b.value - a.value) / (b.year - a.year));
  }
  return best;
}
