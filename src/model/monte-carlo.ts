// The seeded Monte Carlo: one set of draws per (geography, central values, count, seed) — parameters
// from their ranges, trend shocks from the pooled spreads, base values from their measurement ranges —
// and every consumer of it (bands and P(meet), per-draw samples for attribution, goal seek's chance
// constraint, the back-test's paths). The draws and each draw's current-trends path do not depend on
// the levers, so they are kept for the last set while a lever moves: only the scenario run repeats.
import { PK, POOLED_COUNT, runPath, SHOCK_LENGTH, SHOCK_PACE, SHOCK_PRICE, TARGET_YEAR, type EngineGeography } from './engine.ts';
import { INDICATORS, INDICATOR_COUNT, IX, type IndicatorId } from './registry/indicators.ts';
import { LEVER_COUNT } from './registry/levers.ts';
import { PARAMETERS, PARAMETER_COUNT, PX } from './registry/parameters.ts';
import { mulberry32, normalPair, triangular } from './random.ts';
import { threshold, TARGET_RULES } from './targets.ts';
import { trendInvestment } from './cost-trend.ts';

export interface Bands {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
  pMeet: Float64Array;
  /**
   * Each lever's total cost to the target year, then the scenario total, then what current trends imply
   * (cost-trend.ts), then the scenario total with it (LEVER_COUNT + 3 each).
   */
  costP10: Float64Array;
  costP50: Float64Array;
  costP90: Float64Array;
}

/** The q-quantile of a sorted array (linear interpolation at q·(n − 1)). */
export function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const BINS = 64;
const binCount = new Int32Array(BINS + 1);
const binStart = new Int32Array(BINS + 1);
const binFill = new Int32Array(BINS);
const binWanted = new Uint8Array(BINS);
let binTmp = new Float64Array(1024);

/**
 * The 10th, 50th and 90th percentiles of one column into out[0..2], each exactly as `quantile` gives it
 * on the sorted column, in linear time: values are counted into equal-width bins between their minimum
 * and maximum (a monotone map, so every rank stays in order), and only the bins that hold the wanted
 * ranks are gathered and sorted. Columns with NaN are sorted whole. `col` may be reordered.
 */
export function bandQuantiles(col: Float64Array, out: Float64Array): void {
  const n = col.length;
  let min = Infinity, max = -Infinity, nan = false;
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) nan = true;
  }
  if (n === 0 || nan || !(max - min < Infinity)) {
    col.sort();
    out[0] = n ? quantile(col, 0.1) : Number.NaN;
    out[1] = n ? quantile(col, 0.5) : Number.NaN;
    out[2] = n ? quantile(col, 0.9) : Number.NaN;
    return;
  }
  if (min === max) {
    out[0] = out[1] = out[2] = min;
    return;
  }
  const scale = BINS / (max - min);
  binCount.fill(0);
  for (let i = 0; i < n; i++) {
    const b = ((col[i]! - min) * scale) | 0;
    binCount[b < BINS ? b : BINS - 1]!++;
  }
  for (let b = 0, acc = 0; b <= BINS; b++) {
    binStart[b] = acc;
    acc += binCount[b]!;
  }
  // the bins of ranks lo and lo + 1 of each quantile
  binWanted.fill(0);
  const ranks = QUANTILE_RANKS(n);
  for (let j = 0; j < ranks.length; j++) {
    const r = ranks[j]!;
    let b = 0;
    while (binStart[b + 1]! <= r) b++;
    binWanted[b] = 1;
  }
  if (binTmp.length < n) binTmp = new Float64Array(n);
  binFill.fill(0);
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    let b = ((v - min) * scale) | 0;
    if (b >= BINS) b = BINS - 1;
    if (binWanted[b]) binTmp[binStart[b]! + binFill[b]!++] = v;
  }
  for (let b = 0; b < BINS; b++) if (binWanted[b] && binCount[b]! > 1) binTmp.subarray(binStart[b]!, binStart[b + 1]!).sort();
  // binTmp now holds, at every wanted rank, the value a full sort would put there
  for (let j = 0; j < 3; j++) {
    const pos = BAND_QUANTILES[j]! * (n - 1);
    const lo = Math.floor(pos);
    const vLo = binTmp[lo]!;
    out[j] = pos === lo || lo + 1 >= n ? vLo : vLo + (binTmp[lo + 1]! - vLo) * (pos - lo);
  }
}

const BAND_QUANTILES = [0.1, 0.5, 0.9] as const;
const rankCache = new Map<number, Int32Array>();
/** Ranks lo and lo + 1 of each band quantile for a column of n values. */
function QUANTILE_RANKS(n: number): Int32Array {
  let r = rankCache.get(n);
  if (!r) {
    r = Int32Array.from(BAND_QUANTILES.flatMap((q) => [Math.floor(q * (n - 1)), Math.min(n - 1, Math.floor(q * (n - 1)) + 1)]));
    rankCache.set(n, r);
  }
  return r;
}

/** Stride of one draw's trend inputs: the trend shock (engine.ts SHOCK_* layout), then the base values. */
const STRIDE = SHOCK_LENGTH + INDICATOR_COUNT;

/** A policy choice (the discount rate) is held at its value in every draw, not drawn. */
function isFixed(def: (typeof PARAMETERS)[number]): boolean {
  return 'fixed' in def && def.fixed === true;
}

const zeroCache = new Map<number, Float64Array>();
/** A lever schedule with every lever off (current trends), shared per horizon length. */
export function zeroLevers(years: number): Float64Array {
  let z = zeroCache.get(years);
  if (!z) {
    z = new Float64Array(LEVER_COUNT * years);
    zeroCache.set(years, z);
  }
  return z;
}

/**
 * The Monte Carlo's parameter draws (draws × PARAMETER_COUNT, draw-major): each parameter from a
 * triangular distribution on its range with the mode at the central (or overridden) value.
 */
export function drawParameters(central: Float64Array, draws: number, seed: number): Float64Array {
  const out = new Float64Array(draws * PARAMETER_COUNT);
  const rand = mulberry32(seed);
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < PARAMETER_COUNT; k++) {
      const def = PARAMETERS[k]!;
      out[d * PARAMETER_COUNT + k] = isFixed(def) ? (rand(), central[k]!) : triangular(rand(), def.low, central[k]!, def.high);
    }
  }
  return out;
}

/**
 * Each draw's trend inputs (draws × STRIDE, draw-major), from a stream of its own so parameter draws
 * stay as they were: for every pooled indicator a level and a rate shock in logit space, jointly normal
 * with the spreads and correlation its out-of-sample errors show (each a split normal: a downward shock
 * takes the lower side's spread); the price's log-rate shock; the pace
 * multiplier at its central value; and each base value drawn from its stated measurement range where
 * it has one.
 */
export function drawTrendInputs(g: EngineGeography, central: Float64Array, draws: number, seed: number): Float64Array {
  const out = new Float64Array(draws * STRIDE);
  const rand = mulberry32((seed ^ 0x5bd1e995) >>> 0);
  const f = g.fits;
  const rho = f.spreadCorrelation;
  const rest = Math.sqrt(Math.max(0, 1 - rho * rho));
  const pair = new Float64Array(2);
  const z1 = new Float64Array(POOLED_COUNT);
  const z2 = new Float64Array(POOLED_COUNT);
  const kU = PK.internetUse, kH = PK.households;
  const rUH = f.useHouseholdsCorrelation;
  const restUH = Math.sqrt(Math.max(0, 1 - rUH * rUH));
  for (let d = 0; d < draws; d++) {
    const o = d * STRIDE;
    for (let k = 0; k < POOLED_COUNT; k++) {
      normalPair(rand, pair);
      z1[k] = pair[0]!;
      z2[k] = pair[1]!;
    }
    // households' shocks lean on Internet use's by the correlation of their out-of-sample errors
    z1[kH] = rUH * z1[kU]! + restUH * z1[kH]!;
    z2[kH] = rUH * z2[kU]! + restUH * z2[kH]!;
    // split normal: a draw whose level shock moves the path down takes the lower side's spreads for both
    // its level and its rate shock (correlated at ρ, they mostly share a sign), so each side's quantiles
    // are those its errors were fitted to
    for (let k = 0; k < POOLED_COUNT; k++) {
      const down = z1[k]! < 0;
      out[o + k] = (down ? f.spreadLevelLow[k]! : f.spreadLevel[k]!) * z1[k]!;
      out[o + POOLED_COUNT + k] = (down ? f.spreadRateLow[k]! : f.spreadRate[k]!) * (rho * z1[k]! + rest * z2[k]!);
    }
    normalPair(rand, pair);
    out[o + SHOCK_PRICE] = f.priceSpread * pair[0]!;
    out[o + SHOCK_PACE] = central[PX.trendRateMultiplier]!;
    for (let i = 0; i < INDICATOR_COUNT; i++) {
      const lo = g.baseLow[i]!, hi = g.baseHigh[i]!;
      out[o + SHOCK_LENGTH + i] = Number.isNaN(lo) ? g.base[i]! : triangular(rand(), lo, g.base[i]!, hi);
    }
  }
  return out;
}

/** Draw sets up to this size also keep every draw's current-trends path (draws × 15 × years doubles). */
const KEEP_TRENDS_UP_TO = 5000;

/**
 * The Monte Carlo's draws as one object, for every consumer: each draw's parameters, base values and
 * trend shock, and its current-trends path (run once, then reused).
 */
export interface DrawSet {
  draws: number;
  params: Float64Array;
  /** Runs draw d's path: runPath with that draw's parameters, base values and trend shock. */
  run(d: number, levAt: Float64Array, out: Float64Array, costs: Float64Array | null, trendRef: Float64Array | null): void;
  /** Draw d's current-trends path (all levers off), indicator-major like runPath's output. */
  trend(d: number): Float64Array;
  /** What draw d's current trends imply to year index t30 at its unit costs (cost-trend.ts; kept per draw). */
  trendCost(d: number, t30: number): number;
}

class Draws implements DrawSet {
  readonly params: Float64Array;
  private readonly inputs: Float64Array;
  private readonly paramViews: Float64Array[];
  private readonly shockViews: Float64Array[];
  private readonly trends: Float64Array | null;
  private readonly trendViews: Float64Array[];
  private readonly done: Uint8Array;
  private readonly trendCosts: Float64Array;
  private readonly scratch: EngineGeography;
  private readonly spare: Float64Array;
  readonly central: Float64Array;
  readonly base: Float64Array;

  constructor(
    readonly g: EngineGeography,
    central: Float64Array,
    readonly draws: number,
    readonly seed: number,
  ) {
    this.central = Float64Array.from(central);
    this.base = Float64Array.from(g.base);
    this.params = drawParameters(central, draws, seed);
    this.inputs = drawTrendInputs(g, central, draws, seed);
    this.scratch = { ...g, base: new Float64Array(g.base) };
    const cell = INDICATOR_COUNT * g.years;
    this.paramViews = Array.from({ length: draws }, (_, d) => this.params.subarray(d * PARAMETER_COUNT, (d + 1) * PARAMETER_COUNT));
    this.shockViews = Array.from({ length: draws }, (_, d) => this.inputs.subarray(d * STRIDE, d * STRIDE + SHOCK_LENGTH));
    this.trends = draws <= KEEP_TRENDS_UP_TO ? new Float64Array(draws * cell) : null;
    this.trendViews = this.trends ? Array.from({ length: draws }, (_, d) => this.trends!.subarray(d * cell, (d + 1) * cell)) : [];
    this.done = new Uint8Array(draws);
    this.trendCosts = new Float64Array(draws).fill(Number.NaN);
    this.spare = new Float64Array(cell);
  }

  /** Whether this set is the one for these inputs (the geography, its base values and the central values unchanged). */
  matches(g: EngineGeography, central: Float64Array, draws: number, seed: number): boolean {
    if (g !== this.g || draws !== this.draws || seed !== this.seed) return false;
    for (let k = 0; k < central.length; k++) if (central[k] !== this.central[k]) return false;
    for (let i = 0; i < this.base.length; i++) if (g.base[i] !== this.base[i]) return false;
    return true;
  }

  /** The geography with draw d's base values (one reusable copy). */
  private geography(d: number): EngineGeography {
    const o = d * STRIDE + SHOCK_LENGTH;
    const b = this.scratch.base;
    for (let i = 0; i < INDICATOR_COUNT; i++) b[i] = this.inputs[o + i]!;
    return this.scratch;
  }

  run(d: number, levAt: Float64Array, out: Float64Array, costs: Float64Array | null, trendRef: Float64Array | null): void {
    runPath(this.geography(d), this.paramViews[d]!, levAt, out, costs, trendRef, this.shockViews[d]!);
  }

  trend(d: number): Float64Array {
    if (!this.trends) {
      this.run(d, zeroLevers(this.g.years), this.spare, null, null);
      return this.spare;
    }
    const view = this.trendViews[d]!;
    if (!this.done[d]) {
      this.run(d, zeroLevers(this.g.years), view, null, null);
      this.done[d] = 1;
    }
    return view;
  }

  trendCost(d: number, t30: number): number {
    const known = this.trendCosts[d]!;
    if (!Number.isNaN(known)) return known;
    const cost = trendInvestment(this.g, this.paramViews[d]!, this.trend(d), t30).totalUsd;
    this.trendCosts[d] = cost;
    return cost;
  }
}

// The last draw set: a lever drag repeats the same geography, central values and seed.
let lastSet: Draws | null = null;

/** The draw set for these inputs: the last one when they are unchanged, else a new one. */
export function drawSet(g: EngineGeography, central: Float64Array, draws: number, seed: number): DrawSet {
  if (lastSet?.matches(g, central, draws, seed)) return lastSet;
  lastSet = new Draws(g, central, draws, seed);
  return lastSet;
}

/** Whether every lever is off in every year (the scenario is then current trends itself). */
function allOff(levAt: Float64Array): boolean {
  for (let i = 0; i < levAt.length; i++) if (levAt[i] !== 0) return false;
  return true;
}

let sampleBuf = new Float64Array(0);

/**
 * Seeded Monte Carlo: every parameter drawn from a triangular distribution on its range with the mode
 * at the central (or overridden) value, and every trend from its pooled spreads (drawTrendInputs);
 * returns p10/p50/p90 per indicator and year (indicator-major) and the share of draws meeting each
 * 2030 target.
 */
export function monteCarlo(g: EngineGeography, central: Float64Array, levAt: Float64Array, draws: number, seed: number): Bands {
  const Y = g.years;
  const cell = INDICATOR_COUNT * Y;
  if (sampleBuf.length < draws * cell) sampleBuf = new Float64Array(draws * cell);
  const set = drawSet(g, central, draws, seed);
  const scen = new Float64Array(cell);
  const t30 = TARGET_YEAR - g.baseYear;
  const meetCount = new Float64Array(INDICATOR_COUNT);
  const rules = INDICATORS.map((d) => TARGET_RULES[d.id]);
  // met at the target year: at or above the threshold (">="), at or below it ("<="), inside the band
  const lo = Float64Array.from(rules, (r) => (r.rule === 'band' && r.band ? r.band[0] : r.rule === '<=' ? -Infinity : threshold(r)));
  const hi = Float64Array.from(rules, (r) => (r.rule === 'band' && r.band ? r.band[1] : r.rule === '<=' ? r.target2030 : Infinity));
  const NC = LEVER_COUNT + 3;
  const TREND = LEVER_COUNT + 1;
  const costs = new Float64Array(LEVER_COUNT * Y);
  const costDraws = new Float64Array(draws * NC);
  const off = allOff(levAt);
  for (let d = 0; d < draws; d++) {
    const trend = set.trend(d);
    // with every lever off the scenario is the trend path, and costs nothing
    const path = off ? trend : scen;
    if (!off) set.run(d, levAt, scen, costs, trend);
    sampleBuf.set(path, d * cell);
    for (let i = 0; i < INDICATOR_COUNT; i++) {
      const v = path[i * Y + t30]!;
      if (v >= lo[i]! && v <= hi[i]!) meetCount[i]!++;
    }
    let total = 0;
    for (let l = 0; !off && l < LEVER_COUNT; l++) {
      let sum = 0;
      for (let t = 1; t <= t30; t++) sum += costs[l * Y + t]!;
      costDraws[l * draws + d] = sum;
      total += sum;
    }
    const trendCost = set.trendCost(d, t30);
    costDraws[LEVER_COUNT * draws + d] = total;
    costDraws[TREND * draws + d] = trendCost;
    costDraws[(TREND + 1) * draws + d] = total + trendCost;
  }
  const costP10 = new Float64Array(NC), costP50 = new Float64Array(NC), costP90 = new Float64Array(NC);
  const c3 = new Float64Array(3);
  for (let c = 0; c < NC; c++) {
    bandQuantiles(costDraws.subarray(c * draws, (c + 1) * draws), c3);
    costP10[c] = c3[0]!;
    costP50[c] = c3[1]!;
    costP90[c] = c3[2]!;
  }
  const p10 = new Float64Array(cell);
  const p50 = new Float64Array(cell);
  const p90 = new Float64Array(cell);
  // each cell's draws, gathered eight cells at a time (one cache line of each draw's row per block)
  const BLOCK = 8;
  const q3 = new Float64Array(3);
  const cols = new Float64Array(BLOCK * draws);
  for (let c0 = 0; c0 < cell; c0 += BLOCK) {
    const w = Math.min(BLOCK, cell - c0);
    for (let d = 0; d < draws; d++) {
      const o = d * cell + c0;
      for (let k = 0; k < w; k++) cols[k * draws + d] = sampleBuf[o + k]!;
    }
    for (let k = 0; k < w; k++) {
      bandQuantiles(cols.subarray(k * draws, (k + 1) * draws), q3);
      p10[c0 + k] = q3[0]!;
      p50[c0 + k] = q3[1]!;
      p90[c0 + k] = q3[2]!;
    }
  }
  const pMeet = meetCount.map((n) => n / draws);
  return { p10, p50, p90, pMeet, costP10, costP50, costP90 };
}

export interface MonteCarloSamples {
  draws: number;
  /** Each draw's parameter values (draws × PARAMETER_COUNT, draw-major, registry order). */
  params: Float64Array;
  /** Each draw's 2030 scenario values (draws × INDICATOR_COUNT, draw-major, IX order). */
  values2030: Float64Array;
}

/** Per-draw inputs and 2030 outputs of the Monte Carlo (same draws as monteCarlo), for attribution and chance constraints. */
export function monteCarloSamples(g: EngineGeography, central: Float64Array, levAt: Float64Array, draws: number, seed: number): MonteCarloSamples {
  const Y = g.years;
  const set = drawSet(g, central, draws, seed);
  const values2030 = new Float64Array(draws * INDICATOR_COUNT);
  const scen = new Float64Array(INDICATOR_COUNT * Y);
  const t30 = TARGET_YEAR - g.baseYear;
  const off = allOff(levAt);
  for (let d = 0; d < draws; d++) {
    const trend = set.trend(d);
    if (!off) set.run(d, levAt, scen, null, trend);
    const path = off ? trend : scen;
    for (let i = 0; i < INDICATOR_COUNT; i++) values2030[d * INDICATOR_COUNT + i] = path[i * Y + t30]!;
  }
  return { draws, params: set.params, values2030 };
}

/**
 * Every draw's current-trends path of one indicator (draws × years, draw-major), from the same draws as
 * monteCarlo: what a back-test needs to score the probability of held-back events.
 */
export function monteCarloPaths(g: EngineGeography, central: Float64Array, draws: number, seed: number, indicator: IndicatorId): Float64Array {
  const Y = g.years;
  const set = drawSet(g, central, draws, seed);
  const out = new Float64Array(draws * Y);
  const i = IX[indicator];
  for (let d = 0; d < draws; d++) out.set(set.trend(d).subarray(i * Y, (i + 1) * Y), d * Y);
  return out;
}
