// Sensitivity of one indicator's 2030 value: the tornado (each lever swung from its minimum to its
// maximum, each uncertain parameter from the low to the high end of its range, everything else at
// the scenario's settings) and the attribution of the Monte Carlo spread to parameters (Pearson
// correlation between each parameter's draws and the 2030 value across the draws).
import type { CompiledGeography } from './compile.ts';
import { leverSchedule, runPath, TARGET_YEAR } from './engine.ts';
import { ModelInputError } from './errors.ts';
import { monteCarloSamples } from './monte-carlo.ts';
import { prepareGeography, validateInputs, type ProjectionRequest, type ValidInputs } from './project.ts';
import { INDICATORS, INDICATOR_COUNT, IX, isIndicatorId, type IndicatorId } from './registry/indicators.ts';
import { LEVERS, LEVER_COUNT, type LeverId } from './registry/levers.ts';
import { PARAMETERS, PARAMETER_COUNT, type ParameterId } from './registry/parameters.ts';

export interface SensitivityRequest {
  geography: ProjectionRequest['geography'];
  /** The scenario's lever settings (values and start years). */
  levers?: ProjectionRequest['levers'];
  overrides?: ProjectionRequest['overrides'];
  indicator: IndicatorId;
}

export interface TornadoBar {
  kind: 'lever' | 'parameter';
  id: LeverId | ParameterId;
  label: string;
  /** The lever's minimum or the parameter's low value, and the indicator's 2030 value there. */
  low: { setting: number; value2030: number };
  /** The lever's maximum or the parameter's high value, and the indicator's 2030 value there. */
  high: { setting: number; value2030: number };
  /** high.value2030 − low.value2030 (signed, in the indicator's unit). */
  swing: number;
}

export interface TornadoResult {
  indicator: IndicatorId;
  /** The scenario's central 2030 value. */
  baseValue2030: number;
  /** Every lever and parameter, largest |swing| first. */
  bars: TornadoBar[];
}

export interface AttributionRequest extends SensitivityRequest {
  /** Monte Carlo draws (default 1,000) and seed (default the model's). */
  draws?: number;
  seed?: number;
}

export interface AttributionEntry {
  parameterId: ParameterId;
  label: string;
  /** Pearson correlation between the parameter's draws and the indicator's 2030 value, in [−1, 1] (0 when either does not vary). */
  correlation: number;
}

async function prepare(req: AttributionRequest, uncertainty: boolean): Promise<{ compiled: CompiledGeography; inputs: ValidInputs; idx: number }> {
  if (typeof req !== 'object' || req === null) throw new ModelInputError('request', 'an object');
  if (typeof req.indicator !== 'string' || !isIndicatorId(req.indicator)) {
    throw new ModelInputError('indicator', `a known indicator id (${INDICATORS.map((d) => d.id).join(', ')})`, req.indicator);
  }
  const compiled = await prepareGeography(req.geography);
  const pr: ProjectionRequest = { geography: req.geography, uncertainty };
  if (req.levers !== undefined) pr.levers = req.levers;
  if (req.overrides !== undefined) pr.overrides = req.overrides;
  if (req.draws !== undefined) pr.draws = req.draws;
  if (req.seed !== undefined) pr.seed = req.seed;
  const inputs = validateInputs(pr, compiled.engine.baseYear);
  return { compiled, inputs, idx: IX[req.indicator] };
}

/** Tornado on a compiled geography and validated inputs (synchronous). */
export function tornadoCompiled(compiled: CompiledGeography, inputs: ValidInputs, indicator: IndicatorId): TornadoResult {
  const g = compiled.engine;
  const Y = g.years;
  const t30 = TARGET_YEAR - g.baseYear;
  const idx = IX[indicator];
  const cell = INDICATOR_COUNT * Y;
  const trend = new Float64Array(cell);
  const scen = new Float64Array(cell);
  const zero = new Float64Array(LEVER_COUNT * Y);
  const levAt = new Float64Array(LEVER_COUNT * Y);
  const values = Float64Array.from(inputs.values);
  const run = (params: Float64Array, lev: Float64Array, freshTrend: boolean): number => {
    if (freshTrend) runPath(g, params, zero, trend, null, null);
    runPath(g, params, lev, scen, null, trend);
    return scen[idx * Y + t30]!;
  };
  leverSchedule(g.baseYear, Y, values, inputs.starts, levAt);
  const baseValue2030 = run(inputs.params, levAt, true);

  const bars: TornadoBar[] = [];
  // levers: min → max, the others at the scenario's settings (current trends do not depend on levers)
  LEVERS.forEach((l, li) => {
    values[li] = l.min;
    leverSchedule(g.baseYear, Y, values, inputs.starts, levAt);
    const lo = run(inputs.params, levAt, false);
    values[li] = l.max;
    leverSchedule(g.baseYear, Y, values, inputs.starts, levAt);
    const hi = run(inputs.params, levAt, false);
    values[li] = inputs.values[li]!;
    bars.push({ kind: 'lever', id: l.id, label: l.label, low: { setting: l.min, value2030: lo }, high: { setting: l.max, value2030: hi }, swing: hi - lo });
  });
  // parameters: low → high with the levers at the scenario's settings (trends rerun: they depend on parameters)
  leverSchedule(g.baseYear, Y, values, inputs.starts, levAt);
  const params = Float64Array.from(inputs.params);
  PARAMETERS.forEach((p, k) => {
    params[k] = p.low;
    const lo = run(params, levAt, true);
    params[k] = p.high;
    const hi = run(params, levAt, true);
    params[k] = inputs.params[k]!;
    bars.push({ kind: 'parameter', id: p.id, label: p.label, low: { setting: p.low, value2030: lo }, high: { setting: p.high, value2030: hi }, swing: hi - lo });
  });
  bars.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
  return { indicator, baseValue2030, bars };
}

/** Attribution on a compiled geography and validated inputs (synchronous). */
export function attributionCompiled(compiled: CompiledGeography, inputs: ValidInputs, indicator: IndicatorId): AttributionEntry[] {
  const g = compiled.engine;
  const levAt = leverSchedule(g.baseYear, g.years, inputs.values, inputs.starts);
  const s = monteCarloSamples(g, inputs.params, levAt, inputs.draws, inputs.seed);
  const n = s.draws;
  const idx = IX[indicator];
  let my = 0;
  for (let d = 0; d < n; d++) my += s.values2030[d * INDICATOR_COUNT + idx]!;
  my /= n;
  let syy = 0;
  for (let d = 0; d < n; d++) syy += (s.values2030[d * INDICATOR_COUNT + idx]! - my) ** 2;
  const out: AttributionEntry[] = PARAMETERS.map((p, k) => {
    let mx = 0;
    for (let d = 0; d < n; d++) mx += s.params[d * PARAMETER_COUNT + k]!;
    mx /= n;
    let sxx = 0, sxy = 0;
    for (let d = 0; d < n; d++) {
      const dx = s.params[d * PARAMETER_COUNT + k]! - mx;
      sxx += dx * dx;
      sxy += dx * (s.values2030[d * INDICATOR_COUNT + idx]! - my);
    }
    // relative guards: a constant input or output (up to rounding) has no correlation
    const r = sxx > 1e-24 * Math.max(1, mx * mx) * n && syy > 1e-24 * Math.max(1, my * my) * n ? sxy / Math.sqrt(sxx * syy) : 0;
    return { parameterId: p.id, label: p.label, correlation: Math.max(-1, Math.min(1, r)) };
  });
  out.sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
  return out;
}

/**
 * Tornado for one indicator: every lever swung from its minimum to its maximum and every uncertain
 * parameter from the low to the high end of its range, the rest at the scenario's settings; bars
 * sorted by the size of the swing of the 2030 value.
 */
export async function tornado(req: SensitivityRequest): Promise<TornadoResult> {
  const { compiled, inputs } = await prepare(req, false);
  return tornadoCompiled(compiled, inputs, req.indicator);
}

/**
 * Which uncertainty matters most: the Pearson correlation between each parameter's Monte Carlo
 * draws and the indicator's 2030 value (the same seeded draws as the projection's bands), sorted by
 * absolute size.
 */
export async function attribution(req: AttributionRequest): Promise<AttributionEntry[]> {
  const { compiled, inputs } = await prepare(req, true);
  return attributionCompiled(compiled, inputs, req.indicator);
}
