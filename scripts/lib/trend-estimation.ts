// Build-time estimation of the pooled-trend tables the model reads (src/model/data/generated/
// trend-priors.json): for every vantage year, each peer group's prior rate, the out-of-sample error
// spreads by horizon that the Monte Carlo draws, the price-change priors and the coherence margins.
// Every table for vantage year V uses only observations up to V, so a back-test from V is honest.
import type { Point } from '../../src/model/calibrate.ts';
import {
  bandLogit,
  fitRateModels,
  logit,
  ownSlope,
  pooledRate,
  POOLED,
  projectShare,
  screenSeries,
  type PooledId,
  type RateCase,
  type RateModel,
} from '../../src/model/trends.ts';
import type { EconomyHistory, IncomeGroup } from './economies.ts';

export const GROUPS = ['low', 'lower-middle', 'upper-middle', 'high', 'all'] as const;
export type GroupKey = (typeof GROUPS)[number];
export const FIRST_VANTAGE = 2005;
export const LAST_VANTAGE = 2025;
/** Longest horizon (years after the last observation) whose errors are tabulated. */
export const MAX_HORIZON = 10;

export interface SpreadTable {
  /** Logit-space sd of the level and of the rate shocks (the spread at horizon h is about level + h·rate). */
  level: number;
  rate: number;
  /**
   * Lower side: the sd of the shocks that move the path down (a split normal). Equal to level and rate
   * where the band is symmetric (households, World and regions).
   */
  levelLow: number;
  rateLow: number;
  /** Correlation of the level and rate shocks. */
  correlation: number;
  /** Empirical quantiles of logit errors (actual − forecast) by horizon 1…MAX_HORIZON; null where too few. */
  byHorizon: Array<{ h: number; n: number; q10: number; q50: number; q90: number } | null>;
}

export interface PricePrior {
  /** Median yearly log change of the basket price (negative = falling). */
  median: number;
  low: number;
  high: number;
  n: number;
}

function q(sorted: readonly number[], p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const upTo = (pts: readonly Point[] | undefined, year: number): Point[] => (pts ?? []).filter((p) => p.year <= year);

/** Years after an origin over which the realised rate is measured (at most; up to the vantage year). */
const REALISED_SPAN = 5;

/**
 * The training cases of the rate models at vantage V: for every origin year O from V − 12 to V − 2 and
 * every economy with a point up to O within a year of O (its own rate only with three points or more), its level and own rate
 * at O and the logit rate it realised from its last point to its latest observation within five years
 * (and by V), at least two years later. Only data up to V are used.
 */
export function rateCases(economies: readonly EconomyHistory[], id: PooledId, V: number): RateCase[] {
  const cases: RateCase[] = [];
  for (let O = Math.max(FIRST_VANTAGE - 10, V - 12); O <= V - 2; O++) {
    for (const e of economies) {
      const all = e.history[id] ?? [];
      const s = screenSeries(upTo(all, O), { jumps: id !== 'coverage4g' });
      const last = s.points.at(-1);
      if (!last || s.points.length < 1 || last.year < O - 1) continue;
      const end = all.filter((p) => p.year > O && p.year <= Math.min(O + REALISED_SPAN, V)).at(-1);
      if (!end || end.year - last.year < 2) continue;
      const own = ownSlope(s.points);
      cases.push({
        level: last.value,
        own: Number.isFinite(own.slope) && own.points >= 3 ? own.slope : Number.NaN,
        realised: (logit(end.value) - logit(last.value)) / (end.year - last.year),
        group: e.income,
      });
    }
  }
  return cases;
}

/** Rate models of every peer group for one indicator at vantage V, or null with too few cases. */
export function groupPriors(economies: readonly EconomyHistory[], id: PooledId, V: number): Record<GroupKey, RateModel> | null {
  return fitRateModels(rateCases(economies, id, V), GROUPS.filter((g) => g !== 'all')) as Record<GroupKey, RateModel> | null;
}

/** The model an economy's forecast uses: its income group's, or the pooled one. */
export function priorFor(priors: Record<GroupKey, RateModel>, income: IncomeGroup | null): RateModel {
  return priors[income ?? 'all'];
}

/** Forecast of a share series from its points up to the vantage year: level of the last screened point, pooled rate. */
export function forecastFrom(points: readonly Point[], model: RateModel, id?: PooledId): ((year: number) => number) | null {
  const s = screenSeries(points, { jumps: id !== 'coverage4g' });
  const last = s.points.at(-1);
  if (!last) return null;
  const { slope } = pooledRate(ownSlope(s.points), model, last.value);
  return (year: number) => projectShare(last.value, slope, year - last.year);
}

/**
 * Out-of-sample logit errors of the pooled forecast by horizon, from rolling origins before V whose
 * outcomes are known by V; then the level and rate spreads fitted to them.
 */
export function errorSpreads(
  economies: readonly EconomyHistory[],
  id: PooledId,
  V: number,
  priorsAt: (O: number) => Record<GroupKey, RateModel> | null,
  rule: SpreadRule = 'symmetric',
  band: readonly [number, number] = [0, Infinity],
): SpreadTable | null {
  const errs: number[][] = Array.from({ length: MAX_HORIZON + 1 }, () => []);
  for (let O = Math.max(FIRST_VANTAGE, V - 12); O < V; O++) {
    const priors = priorsAt(O);
    if (!priors) continue;
    for (const e of economies) {
      const pts = upTo(e.history[id], O);
      const last = pts.at(-1);
      if (pts.length < 2 || !last || last.year < O - 3) continue;
      const f = forecastFrom(pts, priorFor(priors, e.income), id);
      if (!f) continue;
      const lastPoint = screenSeries(pts, { jumps: id !== 'coverage4g' }).points.at(-1)!;
      if (lastPoint.value < band[0] || lastPoint.value >= band[1]) continue;
      const lastYear = lastPoint.year;
      for (const p of e.history[id] ?? []) {
        if (p.year <= O || p.year > V) continue;
        const h = p.year - lastYear;
        if (h < 1 || h > MAX_HORIZON) continue;
        // a realised 100 is measured to FULL_SHARE, the edge a band must reach to cover it (not to LO's 99.8)
        errs[h]!.push(bandLogit(p.value) - bandLogit(f(p.year)));
      }
    }
  }
  const byHorizon: SpreadTable['byHorizon'] = [];
  const up: SpreadRow[] = [], down: SpreadRow[] = [];
  const z90 = 1.2815515655446004;
  for (let h = 1; h <= MAX_HORIZON; h++) {
    const e = errs[h]!.sort((a, b) => a - b);
    if (e.length < MIN_ERRORS) {
      byHorizon.push(null);
      continue;
    }
    const row = { h, n: e.length, q10: q(e, 0.1), q50: q(e, 0.5), q90: q(e, 0.9) };
    byHorizon.push(row);
    if (rule === 'split') {
      // The band's edges are the errors' own 10th and 90th percentiles around the forecast: a lean the
      // past showed moves the band, and a side that erred little stays narrow (4G near full coverage).
      up.push({ h, s: Math.max(0, row.q90) / z90, n: e.length });
      down.push({ h, s: Math.max(0, -row.q10) / z90, n: e.length });
    } else {
      // Symmetric, centred on the forecast, so a bias the past showed widens it: with `envelope` (World
      // and regions, whose errors lean one way, and households) to the larger side of the 10th–90th
      // percentile around zero.
      const s = rule === 'envelope' ? Math.max(row.q90, -row.q10, (row.q90 - row.q10) / 2) / z90 : ((row.q90 - row.q10) / 2 + Math.abs(row.q50)) / z90;
      up.push({ h, s, n: e.length });
      down.push({ h, s, n: e.length });
    }
  }
  if (up.length < 2) return null;
  const hi = fitSpread(up), lo = fitSpread(down);
  return { level: hi.level, rate: hi.rate, levelLow: lo.level, rateLow: lo.rate, correlation: CORRELATION, byHorizon };
}

/** How a band is set from the out-of-sample errors: see errorSpreads. */
export type SpreadRule = 'symmetric' | 'envelope' | 'split';

/** Fewest errors at a horizon for its quantiles to count. */
const MIN_ERRORS = 10;

export interface SpreadRow { h: number; s: number; n: number }

/**
 * Level and rate spreads whose simulated quantiles match the errors' own: the Monte Carlo draws a level
 * shock and a rate shock correlated at ρ = CORRELATION, so its offset at horizon h has the spread
 * s_h = √(level² + 2ρ·level·rate·h + rate²·h²). Fitted by weighted least squares of that curve on the
 * errors' s_h (weights: the errors at each horizon), level and rate ≥ 0: a grid over the rate, the best
 * level for each by golden-section search, then finer grids around the best. (A straight line in h, the
 * former fit, is the same curve only at ρ = 1; with ρ = 0.9 it left the simulated p10–p90 up to 2.5%
 * narrower than the fitted one.)
 */
export function fitSpread(rows: readonly SpreadRow[]): { level: number; rate: number } {
  const rho = CORRELATION;
  const loss = (l: number, r: number) => rows.reduce((a, x) => a + x.n * (Math.sqrt(l * l + 2 * rho * l * r * x.h + r * r * x.h * x.h) - x.s) ** 2, 0);
  const top = Math.max(1e-9, ...rows.map((x) => x.s));
  const bestLevel = (r: number): number => {
    let a = 0, b = top;
    const g = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 60; i++) {
      const c = b - g * (b - a), d = a + g * (b - a);
      if (loss(c, r) <= loss(d, r)) b = d; else a = c;
    }
    return (a + b) / 2;
  };
  let best = { level: bestLevel(0), rate: 0 };
  let bestLoss = loss(best.level, 0);
  let lo = 0, hi = top;
  for (let pass = 0; pass < 3; pass++) {
    const step = (hi - lo) / 100;
    for (let k = 0; k <= 100; k++) {
      const r = lo + k * step;
      const l = bestLevel(r);
      const v = loss(l, r);
      if (v < bestLoss) (bestLoss = v), (best = { level: l, rate: r });
    }
    lo = Math.max(0, best.rate - step);
    hi = best.rate + step;
  }
  return best;
}

/** Correlation of the level and rate shocks: a constant near one, since spreads grow about linearly with horizon (not estimated). */
export const CORRELATION = 0.9;

/** Median yearly log change of the basket price among a region's economies (each from its own points up to V). */
export function pricePriors(economies: readonly EconomyHistory[], V: number): Record<string, PricePrior> {
  const by = new Map<string, number[]>();
  for (const e of economies) {
    const pts = upTo(e.history.mbbPrice, V).filter((p) => p.value > 0);
    const first = pts[0], last = pts.at(-1);
    if (!first || !last || last.year === first.year) continue;
    const rate = Math.log(last.value / first.value) / (last.year - first.year);
    by.set(e.region, [...(by.get(e.region) ?? []), rate]);
    by.set('all', [...(by.get('all') ?? []), rate]);
  }
  const out: Record<string, PricePrior> = {};
  for (const [k, v] of by) {
    if (v.length < 5) continue;
    const s = v.sort((a, b) => a - b);
    out[k] = { median: q(s, 0.5), low: q(s, 0.05), high: q(s, 0.95), n: s.length };
  }
  return out;
}

/**
 * The 99th percentile of paired differences a − b in all years up to V (coherence bounds between
 * indicators), optionally only where b's value passes `where`. Null with fewer than 30 pairs.
 */
export function pairedMargin(economies: readonly EconomyHistory[], a: string, b: string, V: number, where: (bValue: number) => boolean = () => true): number | null {
  const d: number[] = [];
  for (const e of economies) {
    const B = new Map((e.history[b] ?? []).map((p) => [p.year, p.value]));
    for (const p of e.history[a] ?? []) {
      const other = B.get(p.year);
      if (other !== undefined && p.year <= V && where(other)) d.push(p.value - other);
    }
  }
  if (d.length < 30) return null;
  return q(d.sort((x, y) => x - y), 0.99);
}

export { POOLED };

/**
 * Correlation of the out-of-sample logit errors of two pooled indicators in the same economy and year
 * (rolling origins before V, outcomes by V): how far their Monte Carlo shocks move together.
 */
export function errorCorrelation(economies: readonly EconomyHistory[], a: PooledId, b: PooledId, V: number, priorsAt: (id: PooledId, O: number) => Record<GroupKey, RateModel> | null): number | null {
  const xs: number[] = [], ys: number[] = [];
  for (let O = Math.max(FIRST_VANTAGE, V - 12); O < V; O++) {
    const pa = priorsAt(a, O), pb = priorsAt(b, O);
    if (!pa || !pb) continue;
    for (const e of economies) {
      const A = upTo(e.history[a], O), B = upTo(e.history[b], O);
      if (A.length < 2 || B.length < 2) continue;
      const fa = forecastFrom(A, priorFor(pa, e.income), a), fb = forecastFrom(B, priorFor(pb, e.income), b);
      if (!fa || !fb) continue;
      const other = new Map((e.history[b] ?? []).map((p) => [p.year, p.value]));
      for (const p of e.history[a] ?? []) {
        const v = other.get(p.year);
        if (p.year <= O || p.year > V || v === undefined) continue;
        xs.push(logit(p.value) - logit(fa(p.year)));
        ys.push(logit(v) - logit(fb(p.year)));
      }
    }
  }
  if (xs.length < 50) return null;
  const n = xs.length, mx = xs.reduce((s, x) => s + x, 0) / n, my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; syy += (ys[i]! - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}
