// Projection requests: validation, geography compilation (cached), the central run, the seeded
// Monte Carlo, costs and the 2030 scorecard. The one entry point used by the worker, tests and CLI.
import { compileGeography, type BaselineInfo, type CompiledGeography, type ModelText } from './compile.ts';
import { COMMON_BASE_YEAR, geographyExists, getCustomGeography, getGeography } from './catalogue.ts';
import { leverSchedule, runPath, TARGET_YEAR, type EngineGeography } from './engine.ts';
import { drawSet, monteCarlo, zeroLevers } from './monte-carlo.ts';
import { ModelInputError } from './errors.ts';
import type { CustomGeographyDef } from './geography.ts';
import { INDICATORS, INDICATOR_COUNT, IX, type IndicatorId } from './registry/indicators.ts';
import { LEVERS, LEVER_COUNT, isLeverId, type LeverId } from './registry/levers.ts';
import { PARAMETERS, PARAMETER_COUNT, PX, isParameterId, type ParameterId } from './registry/parameters.ts';
import { distance, meets, TARGET_RULES } from './targets.ts';
import { checksum } from './checksum.ts';
import { aggregateAffordability, priceTable, type AggregateAffordability, type PriceTable } from './aggregate-affordability.ts';
import { attributeCosts, type CostAttribution } from './cost-attribution.ts';
import { COST_PRICE_YEAR } from './cost-money.ts';
import { wholeInvestment, type TrendInvestment } from './cost-trend.ts';
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
  /** `calibration` as codes and figures, for the app to word in its language. */
  calibrationText?: ModelText[];
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
    /** What current trends themselves imply at the same unit costs (not a lever cost; cost-trend.ts). */
    currentTrends?: TrendInvestment;
    /**
     * The whole investment to the target year, whoever pays: current trends' plus the levers'
     * (`totalUsd + currentTrends.totalUsd`), the figure comparable with ITU's costings of a goal.
     */
    withTrendsUsd?: number;
    /** Network sites both the rollout lever and current trends would pay for, taken out of `withTrendsUsd` (cost-trend.ts). */
    networkOverlapUsd?: number;
  } & Partial<CostAttribution>;
  levers: Record<LeverId, { value: number; start: number }>;
  overrides: Partial<Record<ParameterId, number>>;
  draws: number;
  seed: number;
  uncertainty: boolean;
  inputChecksum: string;
}

/** The whole-investment band without the sites counted twice (each draw's overlap taken as the central one). */
function withOverlap(a: Partial<CostAttribution>, overlap: number): Partial<CostAttribution> {
  if (!a.bands || overlap === 0) return a;
  const w = a.bands.withTrends;
  return { ...a, bands: { ...a.bands, withTrends: { p10: w.p10 - overlap, p50: w.p50 - overlap, p90: w.p90 - overlap } } };
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
  runPath(g, inputs.params, zeroLevers(Y), trend, null, null);
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
    runPath(g, central, zeroLevers(Y), t0, null, null);
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
    const calText = compiled.calibrationText[def.id];
    if (calText) r.calibrationText = calText;
    if (bands) {
      r.p10 = slice(bands.p10);
      r.p50 = slice(bands.p50);
      r.p90 = slice(bands.p90);
      r.pMeet = bands.pMeet[i]!;
    }
    if (prices && def.id === 'mbbPrice') applyAggregateAffordability(r, prices, inputs, levAt[LX_AFF * Y + t30]! / 100, t30, g);
    return r;
  });

  const geo = compiled.geography;
  const whole = wholeInvestment(g, inputs.params, levAt, trend, t30, totalUsd);
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
      ? { available: true, totalUsd, byLever, annual, perYear, priceYear: COST_PRICE_YEAR, discountRatePct: inputs.params[PX.discountRate]!, currentTrends: whole.currentTrends, withTrendsUsd: whole.withTrendsUsd, networkOverlapUsd: whole.overlapUsd, ...withOverlap(attributeCosts(compiled, inputs, levAt, trend, scen, byLever, totalUsd, bands), whole.overlapUsd) }
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
function applyAggregateAffordability(r: IndicatorResult, prices: PriceTable, inputs: ValidInputs, cut: number, t30: number, g: EngineGeography): void {
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
    // the Monte Carlo's own parameter draws (its kept set: not drawn again)
    const all = drawSet(g, inputs.params, inputs.draws, inputs.seed).params;
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
