// Projection requests: validation, geography compilation (cached), the central run, the seeded
// Monte Carlo, costs and the 2030 scorecard. The one entry point used by the worker, tests and CLI.
import { compileGeography, type BaselineInfo, type CompiledGeography } from './compile.ts';
import { COMMON_BASE_YEAR, geographyExists, getCustomGeography, getGeography } from './catalogue.ts';
import { leverSchedule, PK, POOLED_COUNT, runPath, SHOCK_LENGTH, SHOCK_PACE, SHOCK_PRICE, TARGET_YEAR, type EngineGeography } from './engine.ts';
import { ModelInputError } from './errors.ts';
import type { CustomGeographyDef } from './geography.ts';
import { INDICATORS, INDICATOR_COUNT, IX, type IndicatorId } from './registry/indicators.ts';
import { LEVERS, LEVER_COUNT, isLeverId, type LeverId } from './registry/levers.ts';
import { PARAMETERS, PARAMETER_COUNT, PX, isParameterId, type ParameterId } from './registry/parameters.ts';
import { mulberry32, normalPair, triangular } from './random.ts';
import { distance, meets, TARGET_RULES } from './targets.ts';
import { checksum } from './checksum.ts';
import { aggregateAffordability, priceTable, type AggregateAffordability, type PriceTable } from './aggregate-affordability.ts';
import { attributeCosts, type CostAttribution } from './cost-attribution.ts';
import { COST_PRICE_YEAR } from './cost-money.ts';
import { MODEL_VERSION } from './constants.ts';

import { DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS } from './constants.ts';

export { DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS };

export interface LeverSetting {
  value: number;
  start?: number;
}

export interface ProjectionRequest {
  geography: string | CustomGeographyDef;
  levers?: Partial<Record<LeverId, LeverSetting | number>>;
  overrides?: Partial<Record<ParameterId, number>>;
  draws?: number;
  seed?: number;
  /** Run the Monte Carlo (bands and probabilities). Default true. */
  uncertainty?: boolean;
}

export type Status = 'met' | 'on-track' | 'off-track';

export interface IndicatorResult {
  id: IndicatorId;
  target: string;
  name: string;
  short: string;
  unit: string;
  direction: 'higher' | 'lower';
  target2030: number;
  rule: '>=' | '<=' | 'band';
  band?: readonly [number, number];
  targetSource: string;
  targetKind: 'sourced' | 'assumption';
  baselineSource: BaselineInfo;
  calibration?: string;
  history: Array<{ year: number; value: number }>;
  /** Current trends: every lever at its default. */
  baseline: number[];
  /** Central run with the scenario's levers. */
  scenario: number[];
  p10?: number[];
  p50?: number[];
  p90?: number[];
  pMeet?: number;
  metCentral: boolean;
  metTrend: boolean;
  status: Status;
  /**
   * World and regions, target 1.2 only: the share of the population in economies whose basket costs
   * less than 2% of GNI p.c. in 2030 (each economy on its own trend), which decides "met" (only at
   * 100%). `pMeet` is then the share of draws in which every economy is below.
   */
  aggregate?: { rule: string; share2030: number; shareTrend2030: number; economiesAbove: number; economiesAboveTrend: number; economies: number; withoutPopulation: number };
  /** True when the scenario's assumption overrides change this indicator's projected path. */
  affectedByOverrides: boolean;
}

export interface ProjectionResult {
  model: { version: string };
  geography: { id: string; name: string; kind: string; region?: string; population: number | null };
  baseYear: number;
  targetYear: number;
  years: number[];
  indicators: IndicatorResult[];
  cost: {
    /** False when the geography has no population figure: every cost is then NaN (null in JSON). */
    available: boolean;
    note?: string;
    totalUsd: number;
    byLever: Record<LeverId, number>;
    annual: Record<LeverId, number[]>;
    perYear: number[];
    /** Constant USD of this year; present values at the base year at `discountRatePct`. */
    priceYear: number;
    discountRatePct: number;
  } & Partial<CostAttribution>;
  levers: Record<LeverId, { value: number; start: number }>;
  overrides: Partial<Record<ParameterId, number>>;
  draws: number;
  seed: number;
  uncertainty: boolean;
  inputChecksum: string;
}

const compiledCache = new Map<string, CompiledGeography>();

/** Resolves and compiles the request's geography (cached by id; custom ones by content). */
export async function prepareGeography(geography: ProjectionRequest['geography']): Promise<CompiledGeography> {
  if (typeof geography === 'string') {
    if (!geographyExists(geography)) throw new ModelInputError('geography', 'a known geography id (see --geography list)', geography);
    const hit = compiledCache.get(geography);
    if (hit) return hit;
    const compiled = compileGeography(await getGeography(geography), COMMON_BASE_YEAR);
    compiledCache.set(geography, compiled);
    return compiled;
  }
  const key = `custom:${checksum(geography)}`;
  const hit = compiledCache.get(key);
  if (hit) return hit;
  if (!geographyExists(geography.inheritFrom)) {
    throw new ModelInputError('geography.inheritFrom', 'a known geography id', geography.inheritFrom);
  }
  const compiled = compileGeography(await getCustomGeography(geography), COMMON_BASE_YEAR);
  if (compiledCache.size > 64) compiledCache.clear();
  compiledCache.set(key, compiled);
  return compiled;
}

export interface ValidInputs {
  values: Float64Array;
  starts: Int32Array;
  params: Float64Array;
  overrides: Partial<Record<ParameterId, number>>;
  draws: number;
  seed: number;
  uncertainty: boolean;
}

function finite(path: string, v: unknown, expected: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ModelInputError(path, expected, v);
  return v;
}

/** Checks lever values, start years, overrides, draws and seed; throws a ModelInputError naming the field. */
export function validateInputs(req: ProjectionRequest, baseYear: number): ValidInputs {
  const values = Float64Array.from(LEVERS, (l) => l.default);
  const starts = new Int32Array(LEVER_COUNT).fill(baseYear + 1);
  if (req.levers !== undefined && (typeof req.levers !== 'object' || req.levers === null || Array.isArray(req.levers))) {
    throw new ModelInputError('levers', 'an object of lever settings', req.levers);
  }
  for (const [id, setting] of Object.entries(req.levers ?? {})) {
    if (!isLeverId(id)) throw new ModelInputError(`levers.${id}`, `a known lever id (${LEVERS.map((l) => l.id).join(', ')})`);
    const def = LEVERS.find((l) => l.id === id)!;
    const i = LEVERS.indexOf(def);
    const s = typeof setting === 'number' ? { value: setting } : setting;
    if (typeof s !== 'object' || s === null) throw new ModelInputError(`levers.${id}`, 'a number or {value, start}', setting);
    const v = finite(`levers.${id}.value`, s.value, `a number from ${def.min} to ${def.max} (${def.unit})`);
    if (v < def.min || v > def.max) throw new ModelInputError(`levers.${id}.value`, `a number from ${def.min} to ${def.max} (${def.unit})`, v);
    values[i] = v;
    if (s.start !== undefined) {
      const st = finite(`levers.${id}.start`, s.start, `a whole year from ${baseYear + 1} to ${TARGET_YEAR}`);
      if (!Number.isInteger(st) || st < baseYear + 1 || st > TARGET_YEAR) {
        throw new ModelInputError(`levers.${id}.start`, `a whole year from ${baseYear + 1} to ${TARGET_YEAR}`, st);
      }
      starts[i] = st;
    }
  }
  const params = Float64Array.from(PARAMETERS, (p) => p.central);
  const overrides: Partial<Record<ParameterId, number>> = {};
  if (req.overrides !== undefined && (typeof req.overrides !== 'object' || req.overrides === null || Array.isArray(req.overrides))) {
    throw new ModelInputError('overrides', 'an object of parameter values', req.overrides);
  }
  for (const [id, value] of Object.entries(req.overrides ?? {})) {
    if (!isParameterId(id)) throw new ModelInputError(`overrides.${id}`, 'a known parameter id (see --assume list)');
    const def = PARAMETERS[PX[id]]!;
    const v = finite(`overrides.${id}`, value, `a number from ${def.low} to ${def.high} (${def.unit})`);
    if (v < def.low || v > def.high) throw new ModelInputError(`overrides.${id}`, `a number from ${def.low} to ${def.high} (${def.unit})`, v);
    params[PX[id]] = v;
    overrides[id] = v;
  }
  const draws = req.draws ?? DEFAULT_DRAWS;
  if (!Number.isInteger(draws) || draws < 10 || draws > MAX_DRAWS) throw new ModelInputError('draws', `a whole number from 10 to ${MAX_DRAWS}`, draws);
  const seed = req.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new ModelInputError('seed', 'a whole number from 0 to 4294967295', seed);
  return { values, starts, params, overrides, draws, seed, uncertainty: req.uncertainty ?? true };
}

// ---- Monte Carlo ----------------------------------------------------------------------------------

export interface Bands {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
  pMeet: Float64Array;
  /** Each lever's total cost to the target year, then the scenario total (LEVER_COUNT + 1 each). */
  costP10: Float64Array;
  costP50: Float64Array;
  costP90: Float64Array;
}

let sampleBuf = new Float64Array(0);

/** The q-quantile of a sorted array (linear interpolation at q·(n − 1)). */
function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Rearranges a[lo..hi] so that a[k] holds the value a full sort would put there (quickselect). */
function selectKth(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const x = a[lo]!, y = a[(lo + hi) >> 1]!, z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The q-quantile (linear interpolation at q·(n − 1), as on a sorted array) by selection, in O(n).
 * `from` is the first index still unordered: entries before it are known to be at most the result, so
 * ascending quantiles of one column can reuse the partition.
 */
export function selectQuantile(a: Float64Array, q: number, from: number): number {
  const n = a.length;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  selectKth(a, lo, Math.min(from, lo), n - 1);
  const vLo = a[lo]!;
  if (lo + 1 >= n || pos === lo) return vLo;
  let vHi = Infinity;
  for (let i = lo + 1; i < n; i++) if (a[i]! < vHi) vHi = a[i]!;
  return vLo + (vHi - vLo) * (pos - lo);
}

/** Stride of one draw's trend inputs: the trend shock (engine.ts SHOCK_* layout), then the base values. */
function drawStride(): number {
  return SHOCK_LENGTH + INDICATOR_COUNT;
}

/**
 * Each draw's trend inputs (draws × drawStride, draw-major), from a stream of its own so parameter
 * draws stay as they were: for every pooled indicator a level and a rate shock in logit space, jointly
 * normal with the spreads and correlation its out-of-sample errors show; the price's log-rate shock;
 * the pace multiplier at its
 * central value; and each base value drawn from its stated measurement range where it has one.
 */
export function drawTrendInputs(g: EngineGeography, central: Float64Array, draws: number, seed: number): Float64Array {
  const stride = drawStride();
  const out = new Float64Array(draws * stride);
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
    const o = d * stride;
    for (let k = 0; k < POOLED_COUNT; k++) {
      normalPair(rand, pair);
      z1[k] = pair[0]!;
      z2[k] = pair[1]!;
    }
    // households' shocks lean on Internet use's by the correlation of their out-of-sample errors
    z1[kH] = rUH * z1[kU]! + restUH * z1[kH]!;
    z2[kH] = rUH * z2[kU]! + restUH * z2[kH]!;
    for (let k = 0; k < POOLED_COUNT; k++) {
      out[o + k] = f.spreadLevel[k]! * z1[k]!;
      out[o + POOLED_COUNT + k] = f.spreadRate[k]! * (rho * z1[k]! + rest * z2[k]!);
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

/** A geography whose base values are one draw's (a reusable scratch copy). */
function drawnGeography(g: EngineGeography, scratch: EngineGeography, inputs: Float64Array, d: number): EngineGeography {
  const o = d * drawStride() + SHOCK_LENGTH;
  scratch.base.set(inputs.subarray(o, o + INDICATOR_COUNT));
  return scratch;
}

function scratchOf(g: EngineGeography): EngineGeography {
  return { ...g, base: new Float64Array(g.base) };
}

/**
 * The Monte Carlo's draws as one object, for callers that run paths themselves (goal seek's chance
 * constraint): each draw's parameters, base values and trend shock, the same sequence monteCarlo uses.
 */
export interface DrawSet {
  draws: number;
  params: Float64Array;
  /** Runs draw d's path: runPath with that draw's parameters, base values and trend shock. */
  run(d: number, levAt: Float64Array, out: Float64Array, costs: Float64Array | null, trendRef: Float64Array | null): void;
}

export function drawSet(g: EngineGeography, central: Float64Array, draws: number, seed: number): DrawSet {
  const params = drawParameters(central, draws, seed);
  const inputs = drawTrendInputs(g, central, draws, seed);
  const stride = drawStride();
  const gd = scratchOf(g);
  return {
    draws,
    params,
    run(d, levAt, out, costs, trendRef) {
      runPath(drawnGeography(g, gd, inputs, d), params.subarray(d * PARAMETER_COUNT, (d + 1) * PARAMETER_COUNT), levAt, out, costs, trendRef, inputs.subarray(d * stride, d * stride + SHOCK_LENGTH));
    },
  };
}

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
  const p = new Float64Array(PARAMETER_COUNT);
  const trend = new Float64Array(cell);
  const scen = new Float64Array(cell);
  const rand = mulberry32(seed);
  const lows = Float64Array.from(PARAMETERS, (d, k) => (isFixed(d) ? central[k]! : d.low));
  const highs = Float64Array.from(PARAMETERS, (d, k) => (isFixed(d) ? central[k]! : d.high));
  const t30 = TARGET_YEAR - g.baseYear;
  const meetCount = new Float64Array(INDICATOR_COUNT);
  const rules = INDICATORS.map((d) => TARGET_RULES[d.id]);
  const inputs = drawTrendInputs(g, central, draws, seed);
  const stride = drawStride();
  const gd = scratchOf(g);
  const NC = LEVER_COUNT + 1;
  const costs = new Float64Array(LEVER_COUNT * Y);
  const costDraws = new Float64Array(draws * NC);
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < PARAMETER_COUNT; k++) p[k] = triangular(rand(), lows[k]!, central[k]!, highs[k]!);
    const shock = inputs.subarray(d * stride, d * stride + SHOCK_LENGTH);
    const gx = drawnGeography(g, gd, inputs, d);
    runPath(gx, p, ZERO_LEVERS(Y), trend, null, null, shock);
    runPath(gx, p, levAt, scen, costs, trend, shock);
    // stored cell-major, so each cell's draws are contiguous for the quantiles below
    for (let c = 0; c < cell; c++) sampleBuf[c * draws + d] = scen[c]!;
    for (let i = 0; i < INDICATOR_COUNT; i++) if (meets(rules[i]!, scen[i * Y + t30]!)) meetCount[i]!++;
    let total = 0;
    for (let l = 0; l < LEVER_COUNT; l++) {
      let sum = 0;
      for (let t = 1; t <= t30; t++) sum += costs[l * Y + t]!;
      costDraws[l * draws + d] = sum;
      total += sum;
    }
    costDraws[LEVER_COUNT * draws + d] = total;
  }
  const costP10 = new Float64Array(NC), costP50 = new Float64Array(NC), costP90 = new Float64Array(NC);
  for (let c = 0; c < NC; c++) {
    const col = costDraws.subarray(c * draws, (c + 1) * draws).sort();
    costP10[c] = quantile(col, 0.1);
    costP50[c] = quantile(col, 0.5);
    costP90[c] = quantile(col, 0.9);
  }
  const p10 = new Float64Array(cell);
  const p50 = new Float64Array(cell);
  const p90 = new Float64Array(cell);
  for (let c = 0; c < cell; c++) {
    const col = sampleBuf.subarray(c * draws, (c + 1) * draws);
    p10[c] = selectQuantile(col, 0.1, 0);
    p50[c] = selectQuantile(col, 0.5, Math.floor(0.1 * (draws - 1)) + 1);
    p90[c] = selectQuantile(col, 0.9, Math.floor(0.5 * (draws - 1)) + 1);
  }
  const pMeet = meetCount.map((n) => n / draws);
  return { p10, p50, p90, pMeet, costP10, costP50, costP90 };
}

/** A policy choice (the discount rate) is held at its value in every draw, not drawn. */
function isFixed(def: (typeof PARAMETERS)[number]): boolean {
  return 'fixed' in def && def.fixed === true;
}


const zeroCache = new Map<number, Float64Array>();
function ZERO_LEVERS(years: number): Float64Array {
  let z = zeroCache.get(years);
  if (!z) {
    z = new Float64Array(LEVER_COUNT * years);
    zeroCache.set(years, z);
  }
  return z;
}

/**
 * The Monte Carlo's parameter draws (draws × PARAMETER_COUNT, draw-major): the same sequence
 * monteCarlo uses for the same central values and seed.
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
  const cell = INDICATOR_COUNT * Y;
  const set = drawSet(g, central, draws, seed);
  const values2030 = new Float64Array(draws * INDICATOR_COUNT);
  const trend = new Float64Array(cell);
  const scen = new Float64Array(cell);
  const t30 = TARGET_YEAR - g.baseYear;
  for (let d = 0; d < draws; d++) {
    set.run(d, ZERO_LEVERS(Y), trend, null, null);
    set.run(d, levAt, scen, null, trend);
    for (let i = 0; i < INDICATOR_COUNT; i++) values2030[d * INDICATOR_COUNT + i] = scen[i * Y + t30]!;
  }
  return { draws, params: set.params, values2030 };
}

// ---- assembling a result --------------------------------------------------------------------------

/** Runs a validated request on a compiled geography. Synchronous and pure. */
export function projectCompiled(compiled: CompiledGeography, inputs: ValidInputs, req: ProjectionRequest, prices: PriceTable | null = null): ProjectionResult {
  const g = compiled.engine;
  const Y = g.years;
  const cell = INDICATOR_COUNT * Y;
  const levAt = leverSchedule(g.baseYear, Y, inputs.values, inputs.starts);
  const trend = new Float64Array(cell);
  const scen = new Float64Array(cell);
  const costs = new Float64Array(LEVER_COUNT * Y);
  runPath(g, inputs.params, ZERO_LEVERS(Y), trend, null, null);
  runPath(g, inputs.params, levAt, scen, costs, trend);
  const bands = inputs.uncertainty ? monteCarlo(g, inputs.params, levAt, inputs.draws, inputs.seed) : null;

  const years = Array.from({ length: Y }, (_, t) => g.baseYear + t);
  const t30 = TARGET_YEAR - g.baseYear;
  const byLever = {} as Record<LeverId, number>;
  const annual = {} as Record<LeverId, number[]>;
  const perYear = new Array<number>(Y).fill(0);
  let totalUsd = 0;
  LEVERS.forEach((l, li) => {
    const row = Array.from(costs.subarray(li * Y, (li + 1) * Y));
    annual[l.id] = row;
    let sum = 0;
    for (let t = 1; t <= t30; t++) sum += row[t]!;
    byLever[l.id] = sum;
    totalUsd += sum;
    row.forEach((c, t) => (perYear[t] = perYear[t]! + c));
  });

  // Which indicators the overrides actually move: the same run with every parameter at its central
  // value, compared path by path (exact by construction, and cheap: two more engine runs).
  let untouched: Float64Array | null = null;
  if (Object.keys(inputs.overrides).length > 0) {
    const central = Float64Array.from(PARAMETERS, (p) => p.central);
    const t0 = new Float64Array(cell);
    untouched = new Float64Array(cell);
    runPath(g, central, ZERO_LEVERS(Y), t0, null, null);
    runPath(g, central, levAt, untouched, null, t0);
  }
  const indicators: IndicatorResult[] = INDICATORS.map((def) => {
    const i = IX[def.id];
    const rule = TARGET_RULES[def.id];
    const slice = (a: Float64Array) => Array.from(a.subarray(i * Y, (i + 1) * Y));
    const baseline = slice(trend);
    const scenario = slice(scen);
    const v30 = scenario[t30]!;
    const b30 = baseline[t30]!;
    const metCentral = meets(rule, v30);
    const d0 = distance(rule, scenario[0]!);
    const d30 = distance(rule, v30);
    const status: Status = metCentral ? 'met' : d0 > 0 && 1 - d30 / d0 >= 0.8 ? 'on-track' : 'off-track';
    const r: IndicatorResult = {
      id: def.id,
      target: def.target,
      name: def.name,
      short: def.short,
      unit: def.unit,
      direction: def.direction,
      target2030: rule.target2030,
      rule: rule.rule,
      targetSource: rule.source,
      targetKind: rule.kind,
      baselineSource: compiled.baseline[def.id],
      history: (compiled.history[def.id] ?? []).map((pt) => ({ year: pt.year, value: pt.value })),
      baseline,
      scenario,
      metCentral,
      metTrend: meets(rule, b30),
      status,
      affectedByOverrides: untouched !== null && scenario.some((v, t) => Math.abs(v - untouched![i * Y + t]!) > 1e-9 * Math.max(1, Math.abs(v))),
    };
    if (rule.band) r.band = rule.band;
    const cal = compiled.calibration[def.id];
    if (cal) r.calibration = cal;
    if (bands) {
      r.p10 = slice(bands.p10);
      r.p50 = slice(bands.p50);
      r.p90 = slice(bands.p90);
      r.pMeet = bands.pMeet[i]!;
    }
    if (prices && def.id === 'mbbPrice') applyAggregateAffordability(r, prices, inputs, levAt[LX_AFF * Y + t30]! / 100, t30);
    return r;
  });

  const geo = compiled.geography;
  const levers = {} as Record<LeverId, { value: number; start: number }>;
  LEVERS.forEach((l, li) => (levers[l.id] = { value: inputs.values[li]!, start: inputs.starts[li]! }));
  const result: ProjectionResult = {
    model: { version: MODEL_VERSION },
    geography: { id: geo.id, name: geo.name, kind: geo.kind, population: geo.population?.value ?? null },
    baseYear: g.baseYear,
    targetYear: TARGET_YEAR,
    years,
    indicators,
    cost: geo.population
      ? { available: true, totalUsd, byLever, annual, perYear, priceYear: COST_PRICE_YEAR, discountRatePct: inputs.params[PX.discountRate]!, ...attributeCosts(compiled, inputs, levAt, trend, scen, byLever, totalUsd, bands) }
      : { available: false, note: `No population figure for ${geo.name}: costs cannot be computed. Create a custom geography from it with a population to cost a scenario.`, totalUsd, byLever, annual, perYear, priceYear: COST_PRICE_YEAR, discountRatePct: inputs.params[PX.discountRate]! },
    levers,
    overrides: inputs.overrides,
    draws: inputs.uncertainty ? inputs.draws : 0,
    seed: inputs.seed,
    uncertainty: inputs.uncertainty,
    inputChecksum: checksum(req),
  };
  if (geo.region !== undefined) result.geography.region = geo.region;
  return result;
}

const LX_AFF = LEVERS.findIndex((l) => l.id === 'affordabilitySubsidy');

/**
 * Target 1.2 for World or a region: judged on the share of the population in economies below 2% of
 * GNI p.c. (met only at 100%), not on the aggregate's median price; pMeet counts the draws in which
 * every economy is below (same parameter draws as the Monte Carlo).
 */
function applyAggregateAffordability(r: IndicatorResult, prices: PriceTable, inputs: ValidInputs, cut: number, t30: number): void {
  const scen: AggregateAffordability = aggregateAffordability(prices, inputs.params, t30, cut);
  const trend = aggregateAffordability(prices, inputs.params, t30, 0);
  r.aggregate = {
    rule: 'share of the population in economies whose entry basket costs less than 2% of GNI per capita in 2030 (each economy on its own price trend); met only at 100%',
    share2030: scen.share, shareTrend2030: trend.share, economiesAbove: scen.economiesAbove, economiesAboveTrend: trend.economiesAbove,
    economies: scen.economies, withoutPopulation: scen.withoutPopulation,
  };
  r.metCentral = scen.economiesAbove === 0 && scen.economies > 0;
  r.metTrend = trend.economiesAbove === 0 && trend.economies > 0;
  r.status = r.metCentral ? 'met' : 'off-track';
  if (r.pMeet !== undefined) {
    const all = drawParameters(inputs.params, inputs.draws, inputs.seed);
    let k = 0;
    for (let d = 0; d < inputs.draws; d++) {
      if (aggregateAffordability(prices, all.subarray(d * PARAMETER_COUNT, (d + 1) * PARAMETER_COUNT), t30, cut).economiesAbove === 0) k++;
    }
    r.pMeet = k / inputs.draws;
  }
}

/** Validates and projects a request end to end. */
export async function project(req: ProjectionRequest): Promise<ProjectionResult> {
  if (typeof req !== 'object' || req === null) throw new ModelInputError('request', 'an object');
  const compiled = await prepareGeography(req.geography);
  const inputs = validateInputs(req, compiled.engine.baseYear);
  const prices = typeof req.geography === 'string' ? await priceTable(req.geography) : null;
  return projectCompiled(compiled, inputs, req, prices);
}

/**
 * Every draw's current-trends path of one indicator (draws × years, draw-major), from the same draws as
 * monteCarlo: what a back-test needs to score the probability of held-back events.
 */
export function monteCarloPaths(g: EngineGeography, central: Float64Array, draws: number, seed: number, indicator: IndicatorId): Float64Array {
  const Y = g.years;
  const set = drawSet(g, central, draws, seed);
  const out = new Float64Array(draws * Y);
  const trend = new Float64Array(INDICATOR_COUNT * Y);
  const i = IX[indicator];
  for (let d = 0; d < draws; d++) {
    set.run(d, ZERO_LEVERS(Y), trend, null, null);
    out.set(trend.subarray(i * Y, (i + 1) * Y), d * Y);
  }
  return out;
}
