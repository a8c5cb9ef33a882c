// The search problem: one geography, parameter set, start years, locked levers, budget and goal set
// with preallocated buffers, evaluated at lever grid positions; and building it from a request.
import { leverSchedule, runPath, TARGET_YEAR, type EngineGeography } from '../engine.ts';
import { ModelInputError } from '../errors.ts';
import type { CompiledGeography } from '../compile.ts';
import { prepareGeography, validateInputs, type ProjectionRequest, type ProjectionResult } from '../project.ts';
import { INDICATORS, INDICATOR_COUNT } from '../registry/indicators.ts';
import { LEVERS, LEVER_COUNT, LX, isLeverId, type LeverId } from '../registry/levers.ts';
import type { LeverSettings } from './types.ts';

export const STEPS_UP = [1, 2, 4, 8] as const;
/** Smallest summed normalised shortfall reduction worth paying for. */
export const MIN_GAIN = 1e-9;

export interface Sol {
  n: Int32Array;
  cost: number;
  short: number;
}

export interface GoalSpec {
  idx: number;
  sign: number;
  thr: number;
}

/** One geography, parameter set, start years, locked values and goal set, with preallocated buffers. */
export class Problem {
  readonly g: EngineGeography;
  readonly Y: number;
  readonly t30: number;
  readonly params: Float64Array;
  readonly starts: Int32Array;
  readonly values: Float64Array;
  readonly unlocked: number[];
  readonly nmax = new Int32Array(LEVER_COUNT);
  readonly levAt: Float64Array<ArrayBuffer>;
  readonly trend: Float64Array;
  readonly scen: Float64Array;
  readonly costs: Float64Array;
  budget: number;
  active: number[] = [];
  idx = new Int32Array(0);
  sign = new Float64Array(0);
  thr = new Float64Array(0);
  scale = new Float64Array(0);
  cost = 0;
  short = 0;
  evals = 0;
  moves = 0;

  constructor(g: EngineGeography, params: Float64Array, values: Float64Array, starts: Int32Array, locked: ReadonlySet<number>, budget: number) {
    this.g = g;
    this.Y = g.years;
    this.t30 = TARGET_YEAR - g.baseYear;
    this.params = params;
    this.starts = starts;
    this.values = Float64Array.from(values);
    this.budget = budget;
    this.unlocked = [];
    LEVERS.forEach((l, li) => {
      this.nmax[li] = Math.floor((l.max - l.min) / l.step + 1e-9);
      if (!locked.has(li)) this.unlocked.push(li);
    });
    this.levAt = new Float64Array(LEVER_COUNT * this.Y);
    this.trend = new Float64Array(INDICATOR_COUNT * this.Y);
    this.scen = new Float64Array(INDICATOR_COUNT * this.Y);
    this.costs = new Float64Array(LEVER_COUNT * this.Y);
    leverSchedule(g.baseYear, this.Y, new Float64Array(LEVER_COUNT), starts, this.levAt);
    runPath(g, params, this.levAt, this.trend, null, null);
  }

  /** Sets the goals; normalisation scales are each goal's gap with every unlocked lever at its minimum. */
  setGoals(goals: readonly GoalSpec[]): void {
    this.idx = Int32Array.from(goals, (x) => x.idx);
    this.sign = Float64Array.from(goals, (x) => x.sign);
    this.thr = Float64Array.from(goals, (x) => x.thr);
    this.scale = new Float64Array(goals.length).fill(1);
    const zero = new Int32Array(LEVER_COUNT);
    this.evaluate(zero);
    goals.forEach((x, j) => {
      const def = INDICATORS[x.idx]!;
      const gap = x.sign * (x.thr - this.goalValue(j));
      this.scale[j] = gap > 0 ? gap : 0.01 * (def.bounds[1] - def.bounds[0]);
    });
    this.findActive();
  }

  /** Unlocked levers that move at least one goal (with the others at their minimum or at their maximum). */
  private findActive(): void {
    const n = new Int32Array(LEVER_COUNT);
    const vals = new Float64Array(this.idx.length);
    const active = new Set<number>();
    for (const fill of [0, 1]) {
      for (const l of this.unlocked) n[l] = fill ? this.nmax[l]! : 0;
      for (const l of this.unlocked) {
        const keep = n[l]!;
        n[l] = 0;
        this.evaluate(n);
        for (let j = 0; j < vals.length; j++) vals[j] = this.goalValue(j);
        n[l] = this.nmax[l]!;
        this.evaluate(n);
        for (let j = 0; j < vals.length; j++) if (Math.abs(this.goalValue(j) - vals[j]!) > 1e-12 * Math.max(1, Math.abs(vals[j]!))) active.add(l);
        n[l] = keep;
      }
    }
    this.active = this.unlocked.filter((l) => active.has(l));
  }

  leverValue(l: number, steps: number): number {
    const def = LEVERS[l]!;
    return Math.min(def.max, def.min + steps * def.step);
  }

  /** Grid position at or above a value (so a snapped setting is never weaker). */
  stepsAtOrAbove(l: number, value: number): number {
    const def = LEVERS[l]!;
    return Math.max(0, Math.min(this.nmax[l]!, Math.ceil((value - def.min) / def.step - 1e-9)));
  }

  /** Runs the engine for the unlocked levers at grid positions `n`; sets cost and short. */
  evaluate(n: Int32Array): void {
    const { g, Y, t30 } = this;
    for (const l of this.unlocked) this.values[l] = this.leverValue(l, n[l]!);
    leverSchedule(g.baseYear, Y, this.values, this.starts, this.levAt);
    runPath(g, this.params, this.levAt, this.scen, this.costs, this.trend);
    // summed lever by lever, as the projection's cost total is, so the two agree exactly
    let total = 0;
    for (let l = 0; l < LEVER_COUNT; l++) {
      let s = 0;
      for (let t = 1; t <= t30; t++) s += this.costs[l * Y + t]!;
      total += s;
    }
    this.cost = total;
    let short = 0;
    for (let j = 0; j < this.idx.length; j++) {
      const gap = this.sign[j]! * (this.thr[j]! - this.scen[this.idx[j]! * Y + t30]!);
      if (gap > 0) short += gap / this.scale[j]!;
    }
    this.short = short;
    this.evals++;
  }

  goalValue(j: number): number {
    return this.scen[this.idx[j]! * this.Y + this.t30]!;
  }

  value2030(indicator: number): number {
    return this.scen[indicator * this.Y + this.t30]!;
  }

  /** Summed normalised surplus beyond the thresholds, each goal's capped at 1 (a far-exceeded goal is not binding). */
  surplus(): number {
    let s = 0;
    for (let j = 0; j < this.idx.length; j++) {
      const over = this.sign[j]! * (this.scen[this.idx[j]! * this.Y + this.t30]! - this.thr[j]!);
      if (over > 0) s += Math.min(1, over / this.scale[j]!);
    }
    return s;
  }

  sol(n: Int32Array): Sol {
    this.evaluate(n);
    return { n: Int32Array.from(n), cost: this.cost, short: this.short };
  }
}

/** Lexicographic order: smaller shortfall, then (at no larger shortfall) lower cost. */
export function better(aShort: number, aCost: number, b: Sol): boolean {
  if (aShort < b.short - MIN_GAIN) return true;
  return aShort <= b.short && aCost < b.cost - 1e-9 * Math.max(1, Math.abs(b.cost));
}

export function feasibleCost(s: Sol): number | null {
  return s.short === 0 ? s.cost : null;
}

// ---- request handling -----------------------------------------------------------------------------

export interface Prepared {
  compiled: CompiledGeography;
  P: Problem;
  values: Float64Array;
  starts: Int32Array;
  lockedSet: Set<number>;
}

function checkLocked(locked: unknown): Set<number> {
  const set = new Set<number>();
  if (locked === undefined) return set;
  if (!Array.isArray(locked)) throw new ModelInputError('locked', 'an array of lever ids', locked);
  locked.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || !isLeverId(id)) throw new ModelInputError(`locked[${i}]`, `a known lever id (${LEVERS.map((l) => l.id).join(', ')})`, id);
    set.add(LX[id]);
  });
  return set;
}

function checkBudget(budget: unknown): number {
  if (budget === undefined) return Number.POSITIVE_INFINITY;
  if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0) throw new ModelInputError('budgetUsd', 'a non-negative number of USD', budget);
  return budget;
}

/** Checks the locked levers and budget, compiles the geography and builds the problem. */
export async function prepare(req: { geography: ProjectionRequest['geography']; levers?: LeverSettings; overrides?: ProjectionRequest['overrides']; locked?: LeverId[]; budgetUsd?: number }): Promise<Prepared> {
  if (typeof req !== 'object' || req === null) throw new ModelInputError('request', 'an object');
  const lockedSet = checkLocked(req.locked);
  const budget = checkBudget(req.budgetUsd);
  const compiled = await prepareGeography(req.geography);
  const pr: ProjectionRequest = { geography: req.geography, uncertainty: false };
  if (req.levers !== undefined) pr.levers = req.levers;
  if (req.overrides !== undefined) pr.overrides = req.overrides;
  const inputs = validateInputs(pr, compiled.engine.baseYear);
  if (!Number.isFinite(compiled.engine.population)) {
    throw new ModelInputError('geography', `a geography with a population figure (${compiled.geography.name} has none, so no setting can be costed)`);
  }
  const P = new Problem(compiled.engine, inputs.params, inputs.values, inputs.starts, lockedSet, budget);
  return { compiled, P, values: inputs.values, starts: inputs.starts, lockedSet };
}

export function leverRecord(values: Float64Array, starts: Int32Array): ProjectionResult['levers'] {
  const out = {} as ProjectionResult['levers'];
  LEVERS.forEach((l, li) => (out[l.id] = { value: values[li]!, start: starts[li]! }));
  return out;
}

/** Grid positions of a lever-value array (rounded up), for the unlocked levers. */
export function positions(P: Problem, values: ArrayLike<number>): Int32Array {
  const n = new Int32Array(LEVER_COUNT);
  for (const l of P.unlocked) n[l] = P.stepsAtOrAbove(l, values[l]!);
  return n;
}
