// Goal seek and the cost / achievement trade-off curve. Works directly on the engine: one candidate
// setting = leverSchedule + one runPath (current trends do not depend on the levers, so they are run
// once) + summing costs to 2030, about a microsecond. Levers move on their registry step grid; start
// years stay as the request gives them; locked levers keep their values.
//
// Search (every phase accepts only lexicographic improvements: first a smaller summed normalised
// shortfall, then, at equal shortfall, a lower cost; nothing over the budget is ever accepted):
//   1. greedy: from the request with every unlocked lever at its minimum, repeatedly add the move
//      (one lever up 1, 2, 4 or 8 steps) with the best shortfall reduction per added USD;
//   2. descent: from every unlocked lever at its maximum, repeatedly take the move (one lever down
//      1–8 steps) that keeps the shortfall and saves the most USD per unit of surplus used up;
//   3. refine each start (also the request's own settings and any caller-supplied candidates, such as
//      presets): lower single levers step by step, swaps (one lever down k steps, another up as
//      little as restores the goals) and ruin-and-repair (one lever or a pair dropped to zero, or
//      halved, then greedy again), until nothing improves.
// The cheapest result wins. Levers whose movement changes no goal are never raised.
import { leverSchedule, runPath, TARGET_YEAR, type EngineGeography } from './engine.ts';
import { ModelInputError } from './errors.ts';
import type { CompiledGeography } from './compile.ts';
import { DEFAULT_SEED, drawSet, prepareGeography, validateInputs, type DrawSet, type LeverSetting, type ProjectionRequest } from './project.ts';
import { INDICATORS, INDICATOR_BY_ID, INDICATOR_COUNT, IX, isIndicatorId, type IndicatorId } from './registry/indicators.ts';
import { LEVERS, LEVER_COUNT, LX, isLeverId, type LeverId } from './registry/levers.ts';
import { PARAMETER_COUNT } from './registry/parameters.ts';
import { TARGET_RULES, UNIVERSAL_TOLERANCE, threshold } from './targets.ts';
import { outOfReachReason } from './reach-explain.ts';

// ---- public types ---------------------------------------------------------------------------------

export type GoalOp = '>=' | '<=';

/** A 2030 goal: `indicator op level`, e.g. internetUse >= 90. */
export interface Goal {
  indicator: IndicatorId;
  op: GoalOp;
  level: number;
}

type LeverSettings = Partial<Record<LeverId, LeverSetting | number>>;

export interface SeekRequest {
  /** Identifies the search for cancelSeek(id). */
  id?: string;
  geography: ProjectionRequest['geography'];
  /** The current scenario: values (starting point and locked values) and start years (kept). */
  levers?: LeverSettings;
  overrides?: ProjectionRequest['overrides'];
  goals: Goal[];
  /** Ceiling on the total cost from the base year + 1 to 2030, in USD. */
  budgetUsd?: number;
  /** Levers held at the request's values. */
  locked?: LeverId[];
  /** Required probability (0.5–0.99) of meeting each goal across the Monte Carlo; default: central run only. */
  confidence?: number;
  /** Monte Carlo seed and draws for the confidence check (defaults: the model's seed, 300 draws). */
  seed?: number;
  draws?: number;
  /**
   * Further lever settings to refine from (for instance the preset scenarios): the result is never
   * dearer than any of them that meets the goals within the budget. Their start years are ignored
   * (the request's apply); locked levers keep the request's values.
   */
  candidates?: LeverSettings[];
}

export type SeekPhase = 'greedy' | 'refine' | 'confidence';

export interface SeekProgress {
  phase: SeekPhase;
  /** Share of the work done, 0–1, never decreasing within one search. */
  fraction: number;
  /** Cost of the best setting found so far that meets every goal (null while none does). */
  bestCost: number | null;
}

export interface GoalResult {
  indicator: IndicatorId;
  op: GoalOp;
  level: number;
  /** The value the goal is judged against: the level, except that ">= 100" on a 0–100 indicator counts as met at 99.5 (as the scorecard's universal targets do). */
  threshold: number;
  value2030: number;
  /** How far the 2030 value is beyond the threshold (negative: short of it), in the indicator's unit. */
  exceededBy: number;
  /** Met in the central run and, with a required confidence, with at least that probability. */
  met: boolean;
  metCentral: boolean;
  /** Share of Monte Carlo draws meeting the goal (only with a required confidence). */
  pMeet?: number;
  /**
   * For an unmet goal: the best 2030 value of this indicator alone found within the budget (the other
   * goals ignored): pursued from every unlocked lever at its minimum, and never below the value at the
   * returned settings; without a budget, never less than the value with every unlocked lever at its maximum.
   */
  bestReachable?: number;
  /** Cost of the cheapest settings found that reach bestReachable (within 0.05 of a unit). */
  bestReachableCostUsd?: number;
  /** Why the goal stays out of reach by 2030, in terms a planner can check (see reach-explain.ts). */
  reason?: string;
}

export interface SeekResult {
  levers: Record<LeverId, { value: number; start: number }>;
  /** Levers whose value differs from the request's. */
  changed: LeverId[];
  costUsd: number;
  budgetUsd: number | null;
  /** False only when the locked levers alone cost more than the budget. */
  withinBudget: boolean;
  goals: GoalResult[];
  feasible: boolean;
  infeasible: IndicatorId[];
  /** Accepted search moves. */
  iterations: number;
  /** Candidate settings evaluated. */
  evaluations: number;
  ms: number;
  confidence?: { level: number; draws: number; seed: number; rounds: number };
}

export interface TradeoffRequest {
  id?: string;
  geography: ProjectionRequest['geography'];
  levers?: LeverSettings;
  overrides?: ProjectionRequest['overrides'];
  indicator: IndicatorId;
  /** Budget levels, 2–50 (default 10). */
  points?: number;
  locked?: LeverId[];
}

export interface TradeoffPoint {
  budgetUsd: number;
  costUsd: number;
  value2030: number;
  levers: Record<LeverId, { value: number; start: number }>;
}

export interface TradeoffResult {
  indicator: IndicatorId;
  direction: 'higher' | 'lower';
  /** The level whose cheapest cost set the top budget: the target, or 99% of the largest reachable gain when the target is out of reach. */
  topLevel: number;
  topReason: 'target' | 'max-gain';
  points: TradeoffPoint[];
  current: { costUsd: number; value2030: number };
  ms: number;
}

/** Thrown (and rejected with) when cancelSeek stops a search; `name` is 'SeekCancelled'. */
export class SeekCancelled extends Error {
  constructor(id: string) {
    super(`search ${id} was cancelled`);
    this.name = 'SeekCancelled';
  }
}

// ---- target ids and thresholds --------------------------------------------------------------------

/** Each Strategic Plan target's main indicator (what "1.7>=90" means). */
export const TARGET_MAIN_INDICATOR: Readonly<Record<string, IndicatorId>> = {
  '1.1': 'coverage4g', '1.2': 'mbbPrice', '1.3': 'households', '1.4': 'mobileOwnership', '1.5': 'schools',
  '1.6': 'cyberPreparedness', '1.7': 'internetUse', '2.1': 'genderParity', '2.2': 'basicSkills',
  '2.3': 'businesses', '2.4': 'egovUse', '2.5': 'ewasteRecycling',
};

/** An indicator id, or a target id ("1.7") mapped to its main indicator; null when neither. */
export function resolveIndicator(text: string): IndicatorId | null {
  if (isIndicatorId(text)) return text;
  return TARGET_MAIN_INDICATOR[text] ?? null;
}

/**
 * The value a goal is judged against. A level of 100 with ">=" on an indicator bounded at 100 is a
 * universal target and counts as met at 99.5, exactly as `meets` judges the scorecard's targets.
 */
export function goalThreshold(goal: Goal): number {
  const hi = INDICATOR_BY_ID[goal.indicator].bounds[1];
  return goal.op === '>=' && goal.level === 100 && hi === 100 ? 100 - UNIVERSAL_TOLERANCE : goal.level;
}

// ---- timing, yielding and cancellation ------------------------------------------------------------

interface TimerHost {
  setTimeout(cb: () => void, ms: number): unknown;
  performance?: { now(): number };
}
const host = globalThis as unknown as TimerHost;
const now = (): number => (host.performance ? host.performance.now() : Date.now());
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => host.setTimeout(resolve, 0));
const SLICE_MS = 20;

interface Token {
  cancelled: boolean;
}
const running = new Map<string, Token>();

/** Cancels the running search (goal seek or trade-off curve) with this id; false if none is running. */
export function cancelSeek(id: string): boolean {
  const t = running.get(id);
  if (!t) return false;
  t.cancelled = true;
  return true;
}

interface Checkpoint {
  phase: SeekPhase;
  fraction: number;
  bestCost: number | null;
}

type Search<T> = Generator<Checkpoint, T, void>;

/** Calls a progress callback; a failing (or rejecting, when proxied) callback never stops the search. */
function notify(onProgress: ((p: SeekProgress) => unknown) | undefined, p: SeekProgress): void {
  if (!onProgress) return;
  try {
    const r = onProgress(p);
    if (r instanceof Promise) r.catch(() => undefined);
  } catch {
    // ignored
  }
}

/**
 * Runs a search, yielding to the event loop every ~20 ms so a cancel can arrive, and reporting
 * progress at each pause and phase change (fractions never decrease); ends with fraction 1.
 */
async function drive<T>(gen: Search<T>, token: Token, id: string, onProgress: ((p: SeekProgress) => unknown) | undefined, final: (r: T) => Checkpoint): Promise<T> {
  let last = now();
  let fraction = 0;
  let phase: SeekPhase | null = null;
  const report = (c: Checkpoint): void => {
    fraction = Math.max(fraction, Math.min(1, c.fraction));
    notify(onProgress, { phase: c.phase, fraction, bestCost: c.bestCost });
  };
  for (;;) {
    const r = gen.next();
    if (r.done) {
      const c = final(r.value);
      report({ ...c, phase: phase ?? c.phase, fraction: 1 });
      return r.value;
    }
    const c = r.value;
    const t = now();
    if (c.phase !== phase || t - last >= SLICE_MS) {
      phase = c.phase;
      report(c);
      if (t - last >= SLICE_MS) {
        await yieldToEventLoop();
        last = now();
        if (token.cancelled) throw new SeekCancelled(id);
      }
    }
  }
}

// ---- the evaluator --------------------------------------------------------------------------------

const STEPS_UP = [1, 2, 4, 8] as const;
/** Smallest summed normalised shortfall reduction worth paying for. */
const MIN_GAIN = 1e-9;

interface Sol {
  n: Int32Array;
  cost: number;
  short: number;
}

interface GoalSpec {
  idx: number;
  sign: number;
  thr: number;
}

/** One geography, parameter set, start years, locked values and goal set, with preallocated buffers. */
class Problem {
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
function better(aShort: number, aCost: number, b: Sol): boolean {
  if (aShort < b.short - MIN_GAIN) return true;
  return aShort <= b.short && aCost < b.cost - 1e-9 * Math.max(1, Math.abs(b.cost));
}

function feasibleCost(s: Sol): number | null {
  return s.short === 0 ? s.cost : null;
}

// ---- search phases (generators: each `yield` is a point where the driver may pause) ---------------

/** Greedy: add the move with the best shortfall reduction per USD until the goals are met or nothing helps. */
function* greedy(P: Problem, start: Sol, phase: SeekPhase, f0: number, f1: number): Search<Sol> {
  const n = Int32Array.from(start.n);
  let cur = start;
  const short0 = Math.max(start.short, 1e-12);
  while (cur.short > 0) {
    let bestL = -1, bestM = 0, bestScore = -1, bestGain = 0, bestCost = 0, bestShort = 0;
    for (const l of P.active) {
      const n0 = n[l]!;
      for (const k of STEPS_UP) {
        const m = Math.min(P.nmax[l]!, n0 + k);
        if (m === n0) break;
        n[l] = m;
        P.evaluate(n);
        n[l] = n0;
        if (P.cost <= P.budget) {
          const gain = cur.short - P.short;
          if (gain > MIN_GAIN) {
            const dc = P.cost - cur.cost;
            const score = dc <= 0 ? Number.POSITIVE_INFINITY : gain / dc;
            if (score > bestScore || (score === bestScore && gain > bestGain)) {
              bestL = l; bestM = m; bestScore = score; bestGain = gain; bestCost = P.cost; bestShort = P.short;
            }
          }
        }
        if (m === P.nmax[l]) break;
      }
    }
    if (bestL < 0) break;
    n[bestL] = bestM;
    cur = { n: Int32Array.from(n), cost: bestCost, short: bestShort };
    P.moves++;
    yield { phase, fraction: f0 + (f1 - f0) * (1 - cur.short / short0), bestCost: feasibleCost(cur) };
  }
  return cur;
}

/** Descent from a high setting: take the decrement that keeps the shortfall and saves most per unit of surplus used. */
function* descend(P: Problem, start: Sol, phase: SeekPhase, f0: number, f1: number): Search<Sol> {
  const n = Int32Array.from(start.n);
  let cur = start;
  P.evaluate(n);
  let curSurplus = P.surplus();
  let total0 = 0;
  for (const l of P.active) total0 += n[l]!;
  while (true) {
    let bestL = -1, bestM = 0, bestScore = -1, bestSaved = 0, bestCost = 0, bestShort = 0, bestSurplus = 0;
    for (const l of P.active) {
      const n0 = n[l]!;
      for (const k of STEPS_UP) {
        const m = Math.max(0, n0 - k);
        if (m === n0) break;
        n[l] = m;
        P.evaluate(n);
        n[l] = n0;
        if (P.short <= cur.short) {
          const saved = cur.cost - P.cost;
          if (saved > 0) {
            const s = P.surplus();
            const lost = curSurplus - s;
            const score = lost <= 1e-15 ? Number.POSITIVE_INFINITY : saved / lost;
            if (score > bestScore || (score === bestScore && saved > bestSaved)) {
              bestL = l; bestM = m; bestScore = score; bestSaved = saved; bestCost = P.cost; bestShort = P.short; bestSurplus = s;
            }
          }
        }
        if (m === 0) break;
      }
    }
    if (bestL < 0) break;
    n[bestL] = bestM;
    cur = { n: Int32Array.from(n), cost: bestCost, short: bestShort };
    curSurplus = bestSurplus;
    P.moves++;
    let left = 0;
    for (const l of P.active) left += n[l]!;
    yield { phase, fraction: f0 + (f1 - f0) * (1 - left / Math.max(1, total0)), bestCost: feasibleCost(cur) };
  }
  return cur;
}

/** Lowers single levers step by step while that is an improvement. */
function lowerSingles(P: Problem, start: Sol): Sol {
  const n = Int32Array.from(start.n);
  let cur = start;
  for (const l of P.active) {
    while (n[l]! > 0) {
      n[l]!--;
      P.evaluate(n);
      if (P.cost <= P.budget && better(P.short, P.cost, cur)) {
        cur = { n: Int32Array.from(n), cost: P.cost, short: P.short };
        P.moves++;
      } else {
        n[l]!++;
        break;
      }
    }
  }
  return cur;
}

/** Swaps: one lever down k steps, another up as little as restores the goals; takes the best per lever. */
function swaps(P: Problem, start: Sol): Sol {
  let cur = start;
  for (const a of P.active) {
    if (cur.n[a]! === 0) continue;
    let best: Sol | null = null;
    const n = Int32Array.from(cur.n);
    const na = n[a]!;
    for (const k of STEPS_UP) {
      const ma = Math.max(0, na - k);
      n[a] = ma;
      P.evaluate(n);
      if (P.cost <= P.budget && better(P.short, P.cost, best ?? cur)) best = { n: Int32Array.from(n), cost: P.cost, short: P.short };
      for (const b of P.active) {
        if (b === a) continue;
        const nb = n[b]!;
        for (let m = nb + 1; m <= P.nmax[b]!; m++) {
          n[b] = m;
          P.evaluate(n);
          if (P.cost > P.budget) break;
          if (cur.short === 0 && P.cost >= (best ?? cur).cost) break;
          if (better(P.short, P.cost, best ?? cur)) {
            best = { n: Int32Array.from(n), cost: P.cost, short: P.short };
            break;
          }
        }
        n[b] = nb;
      }
      if (ma === 0) break;
    }
    n[a] = na;
    if (best) {
      cur = best;
      P.moves++;
    }
  }
  return cur;
}

/** Ruin and repair: drop one lever (or a pair) to zero or halve it, then greedy and lowering again. */
function* ruins(P: Problem, start: Sol, pairs: boolean, f: number): Search<Sol> {
  let cur = start;
  const trial = (n: Int32Array): Search<void> => (function* () {
    const s = P.sol(n);
    if (s.cost > P.budget) return;
    let r = yield* greedy(P, s, 'refine', f, f);
    r = lowerSingles(P, r);
    if (better(r.short, r.cost, cur)) {
      cur = r;
      P.moves++;
    }
  })();
  for (const a of P.active) {
    if (cur.n[a]! === 0) continue;
    for (const to of [0, cur.n[a]! >> 1]) {
      if (to === cur.n[a]) continue;
      const n = Int32Array.from(cur.n);
      n[a] = to;
      yield* trial(n);
    }
    yield { phase: 'refine', fraction: f, bestCost: feasibleCost(cur) };
  }
  if (pairs) {
    const on = P.active.filter((l) => cur.n[l]! > 0);
    for (let i = 0; i < on.length; i++) {
      for (let j = i + 1; j < on.length; j++) {
        const n = Int32Array.from(cur.n);
        n[on[i]!] = 0;
        n[on[j]!] = 0;
        yield* trial(n);
      }
      yield { phase: 'refine', fraction: f, bestCost: feasibleCost(cur) };
    }
  }
  return cur;
}

/** Local refinement until no move improves (bounded passes). */
function* refine(P: Problem, start: Sol, f0: number, f1: number): Search<Sol> {
  let cur = lowerSingles(P, start);
  const PASSES = 8;
  for (let pass = 0; pass < PASSES; pass++) {
    const before = cur;
    cur = lowerSingles(P, swaps(P, cur));
    cur = yield* ruins(P, cur, pass === 0 || before !== cur, f0 + ((f1 - f0) * (pass + 0.5)) / PASSES);
    cur = lowerSingles(P, cur);
    yield { phase: 'refine', fraction: f0 + ((f1 - f0) * (pass + 1)) / PASSES, bestCost: feasibleCost(cur) };
    if (!better(cur.short, cur.cost, before)) break;
  }
  return cur;
}

/** The full search from several starts; returns the best setting. */
function* solve(P: Problem, extraStarts: readonly Int32Array[], f0: number, f1: number): Search<Sol> {
  const span = f1 - f0;
  const zero = new Int32Array(LEVER_COUNT);
  const minSol = P.sol(zero);
  if (minSol.cost > P.budget) return minSol; // the locked levers alone break the budget
  const starts: Sol[] = [];
  starts.push(yield* greedy(P, minSol, 'greedy', f0, f0 + 0.3 * span));
  const top = Int32Array.from(zero);
  for (const l of P.active) top[l] = P.nmax[l]!;
  const down = yield* descend(P, P.sol(top), 'greedy', f0 + 0.3 * span, f0 + 0.4 * span);
  if (down.cost <= P.budget) starts.push(down);
  for (const n of extraStarts) {
    const s = P.sol(n);
    if (s.cost <= P.budget) starts.push(s);
  }
  let best: Sol | null = null;
  const each = (0.6 * span) / starts.length;
  for (let i = 0; i < starts.length; i++) {
    const from = f0 + 0.4 * span + i * each;
    const r = yield* refine(P, starts[i]!, from, from + each);
    if (!best || better(r.short, r.cost, best)) best = r;
  }
  return best!;
}

// ---- request handling -----------------------------------------------------------------------------

interface Prepared {
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

async function prepare(req: { geography: ProjectionRequest['geography']; levers?: LeverSettings; overrides?: ProjectionRequest['overrides']; locked?: LeverId[]; budgetUsd?: number }): Promise<Prepared> {
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

function checkGoals(goals: unknown): Goal[] {
  if (!Array.isArray(goals) || goals.length === 0 || goals.length > 30) throw new ModelInputError('goals', 'an array of 1 to 30 goals {indicator, op, level}', goals);
  return goals.map((g: unknown, i) => {
    if (typeof g !== 'object' || g === null) throw new ModelInputError(`goals[${i}]`, 'a goal {indicator, op, level}', g);
    const { indicator, op, level } = g as Record<string, unknown>;
    if (typeof indicator !== 'string' || !isIndicatorId(indicator)) {
      throw new ModelInputError(`goals[${i}].indicator`, `a known indicator id (${INDICATORS.map((d) => d.id).join(', ')})`, indicator);
    }
    if (op !== '>=' && op !== '<=') throw new ModelInputError(`goals[${i}].op`, '">=" or "<="', op);
    const [lo, hi] = INDICATOR_BY_ID[indicator].bounds;
    if (typeof level !== 'number' || !Number.isFinite(level) || level < lo || level > hi) {
      throw new ModelInputError(`goals[${i}].level`, `a number from ${lo} to ${hi} (${INDICATOR_BY_ID[indicator].unit})`, level);
    }
    return { indicator, op, level };
  });
}

function goalSpecs(goals: readonly Goal[]): GoalSpec[] {
  return goals.map((g) => ({ idx: IX[g.indicator], sign: g.op === '>=' ? 1 : -1, thr: goalThreshold(g) }));
}

function leverRecord(values: Float64Array, starts: Int32Array): Record<LeverId, { value: number; start: number }> {
  const out = {} as Record<LeverId, { value: number; start: number }>;
  LEVERS.forEach((l, li) => (out[l.id] = { value: values[li]!, start: starts[li]! }));
  return out;
}

/** Grid positions of a lever-value array (rounded up), for the unlocked levers. */
function positions(P: Problem, values: ArrayLike<number>): Int32Array {
  const n = new Int32Array(LEVER_COUNT);
  for (const l of P.unlocked) n[l] = P.stepsAtOrAbove(l, values[l]!);
  return n;
}

/**
 * The best 2030 value of one goal's indicator pursued alone within the budget: greedy from every
 * unlocked lever at its minimum (and, without a budget, every unlocked lever at its maximum); then
 * the cheapest settings found that reach that value (to within 0.05 of a unit), so a maxed-out plan
 * is not reported when a cheaper one gets as far; and the reason the goal stays out of reach.
 */
function* bestReachable(P: Problem, goal: Goal): Search<{ value: number; cost: number; reason: string }> {
  const saved = { idx: P.idx, sign: P.sign, thr: P.thr, scale: P.scale, active: P.active };
  const [lo, hi] = INDICATOR_BY_ID[goal.indicator].bounds;
  const sign = goal.op === '>=' ? 1 : -1;
  P.setGoals([{ idx: IX[goal.indicator], sign, thr: sign > 0 ? hi : lo }]);
  const r = yield* greedy(P, P.sol(new Int32Array(LEVER_COUNT)), 'refine', 0.95, 0.95);
  P.evaluate(r.n);
  let value = P.goalValue(0), cost = P.cost;
  if (!Number.isFinite(P.budget)) {
    const top = new Int32Array(LEVER_COUNT);
    for (const l of P.unlocked) top[l] = P.nmax[l]!;
    P.evaluate(top);
    if (sign * (P.goalValue(0) - value) > 0) {
      value = P.goalValue(0);
      cost = P.cost;
    }
  }
  // the cheapest plan that gets as far: the best level (less a small tolerance) as the goal
  P.setGoals([{ idx: IX[goal.indicator], sign, thr: value - sign * 0.05 }]);
  const cheap = yield* refine(P, yield* greedy(P, P.sol(new Int32Array(LEVER_COUNT)), 'refine', 0.95, 0.97), 0.97, 0.99);
  P.evaluate(cheap.n);
  if (cheap.short === 0 && cheap.cost < cost && cheap.cost <= P.budget) {
    cost = cheap.cost;
    value = P.goalValue(0);
  }
  const top = new Int32Array(LEVER_COUNT);
  for (const l of P.unlocked) top[l] = P.nmax[l]!;
  P.evaluate(top);
  const i = IX[goal.indicator];
  const reason = outOfReachReason(goal.indicator, P.scen.subarray(i * P.Y, (i + 1) * P.Y), P.g.baseYear, goalThreshold(goal), sign, P.params, P.unlocked.map((l) => LEVERS[l]!.id));
  Object.assign(P, saved);
  return { value, cost, reason };
}

// ---- confidence (Monte Carlo at the solution) -----------------------------------------------------

class Chance {
  readonly draws: number;
  private readonly set: DrawSet;
  private readonly trends: Float64Array[];
  private readonly scen: Float64Array;
  /** Goal values per draw (nGoals × draws, goal-major). */
  vals = new Float64Array(0);

  constructor(P: Problem, draws: number, seed: number) {
    this.draws = draws;
    // the projection's own draws: parameters, base values and trend shocks
    this.set = drawSet(P.g, P.params, draws, seed);
    const cell = INDICATOR_COUNT * P.Y;
    const zero = new Float64Array(LEVER_COUNT * P.Y);
    this.trends = [];
    for (let d = 0; d < draws; d++) {
      const t = new Float64Array(cell);
      this.set.run(d, zero, t, null, null);
      this.trends.push(t);
    }
    this.scen = new Float64Array(cell);
  }

  /** Runs every draw at grid positions `n` and stores the goal values. */
  run(P: Problem, n: Int32Array): void {
    P.evaluate(n); // builds P.levAt
    const G = P.idx.length;
    if (this.vals.length !== G * this.draws) this.vals = new Float64Array(G * this.draws);
    for (let d = 0; d < this.draws; d++) {
      this.set.run(d, P.levAt, this.scen, null, this.trends[d]!);
      for (let j = 0; j < G; j++) this.vals[j * this.draws + d] = this.scen[P.idx[j]! * P.Y + P.t30]!;
    }
    P.evaluate(n); // leave P's central outputs at n
  }

  pMeet(j: number, sign: number, thr: number): number {
    let k = 0;
    for (let d = 0; d < this.draws; d++) if (sign * (this.vals[j * this.draws + d]! - thr) >= 0) k++;
    return k / this.draws;
  }

  /** The value the goal's indicator exceeds (">=") or stays under ("<=") in a share `conf` of draws. */
  guaranteed(j: number, sign: number, conf: number): number {
    const col = this.vals.slice(j * this.draws, (j + 1) * this.draws).sort();
    const q = sign > 0 ? 1 - conf : conf;
    const pos = q * (col.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(col.length - 1, lo + 1);
    return col[lo]! + (col[hi]! - col[lo]!) * (pos - lo);
  }
}

// ---- the search as a generator ---------------------------------------------------------------------

function* seekSearch(prep: Prepared, req: SeekRequest, goals: Goal[], t0: number): Search<SeekResult> {
  const { P, values, starts } = prep;
  const specs = goalSpecs(goals);
  P.setGoals(specs);
  const extra: Int32Array[] = [positions(P, values)];
  (req.candidates ?? []).forEach((c, i) => {
    const pr: ProjectionRequest = { geography: 'world', levers: c, uncertainty: false };
    let v: Float64Array;
    try {
      v = validateInputs(pr, P.g.baseYear).values;
    } catch (e) {
      if (e instanceof ModelInputError) throw new ModelInputError(`candidates[${i}].${e.path}`, e.expected);
      throw e;
    }
    extra.push(positions(P, v));
  });
  const conf = req.confidence;
  let best = yield* solve(P, extra, 0, conf === undefined ? 0.95 : 0.7);

  let rounds = 0;
  let chance: Chance | null = null;
  const draws = req.draws ?? 300;
  const seed = req.seed ?? DEFAULT_SEED;
  if (conf !== undefined) {
    // Tighten each goal short of the confidence by the gap between its central value and its
    // (1 − confidence) quantile, and search again from the current setting; up to 4 rounds. The
    // answer is the cheapest round that meets every goal with the confidence, else the round that
    // comes closest while still meeting every goal centrally.
    const mc = new Chance(P, draws, seed);
    chance = mc;
    const thr = specs.map((s) => s.thr);
    interface Tried { sol: Sol; central: boolean; worst: number }
    const tried: Tried[] = [];
    const assess = (sol: Sol): Tried => {
      P.setGoals(specs);
      mc.run(P, sol.n);
      let worst = Number.POSITIVE_INFINITY;
      specs.forEach((s, j) => (worst = Math.min(worst, mc.pMeet(j, s.sign, s.thr) - conf)));
      return { sol, central: P.short === 0, worst };
    };
    let cur = best;
    for (;;) {
      const t = assess(cur);
      tried.push(t);
      if ((t.central && t.worst >= 0) || rounds === 4) break;
      // P is now evaluated at cur with the original goals, and mc holds the draws at cur
      const next = specs.map((s, j) => {
        const prev = thr[j]!;
        if (mc.pMeet(j, s.sign, s.thr) >= conf) return { ...s, thr: prev };
        const gap = Math.max(0, s.sign * (P.goalValue(j) - mc.guaranteed(j, s.sign, conf)));
        const [lo, hi] = INDICATORS[s.idx]!.bounds;
        // never looser than the last round, and always a little tighter
        let level = s.thr + s.sign * gap;
        if (s.sign * (level - prev) <= 0) level = prev + s.sign * Math.max(gap * 0.25, 1e-6 * (hi - lo));
        thr[j] = Math.min(hi, Math.max(lo, level));
        return { ...s, thr: thr[j]! };
      });
      rounds++;
      const f = 0.7 + (0.25 * (rounds - 1)) / 4;
      yield { phase: 'confidence', fraction: f, bestCost: null };
      P.setGoals(next);
      const grown = yield* greedy(P, P.sol(cur.n), 'confidence', f, f + 0.02);
      cur = yield* refine(P, grown, f + 0.02, f + 0.25 / 4);
    }
    const ok = tried.filter((t) => t.central && t.worst >= 0).sort((x, y) => x.sol.cost - y.sol.cost);
    const central = tried.filter((t) => t.central).sort((x, y) => y.worst - x.worst || x.sol.cost - y.sol.cost);
    best = (ok[0] ?? central[0] ?? tried[0]!).sol;
    P.setGoals(specs);
    if (ok[0]) {
      // tightening by the whole gap overshoots: lower each lever (dearest first) as far as the
      // confidence still holds, by bisection on its steps
      const meetsAll = (n: Int32Array): boolean => {
        mc.run(P, n);
        return P.short === 0 && P.cost <= P.budget && specs.every((s, j) => mc.pMeet(j, s.sign, s.thr) >= conf);
      };
      const n = Int32Array.from(best.n);
      const order = P.active.filter((l) => n[l]! > 0).map((l) => {
        const keep = n[l]!;
        n[l] = 0;
        P.evaluate(n);
        n[l] = keep;
        return { l, saving: best.cost - P.cost };
      }).sort((x, y) => y.saving - x.saving);
      for (const { l } of order) {
        let lo = 0, hi = n[l]!; // hi is known to hold
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          n[l] = mid;
          if (meetsAll(n)) hi = mid;
          else lo = mid + 1;
        }
        n[l] = hi;
        yield { phase: 'confidence', fraction: 0.96, bestCost: null };
      }
      P.evaluate(n);
      if (P.cost < best.cost) {
        best = { n, cost: P.cost, short: P.short };
        P.moves++;
      }
    }
  }

  // assemble
  P.evaluate(best.n);
  const final = { n: best.n, cost: P.cost, short: P.short };
  const goalValues = specs.map((_, j) => P.goalValue(j));
  if (chance) chance.run(P, best.n);
  const outValues = Float64Array.from(P.values);
  const withinBudget = final.cost <= P.budget;
  const results: GoalResult[] = goals.map((g, j) => {
    const s = specs[j]!;
    const v = goalValues[j]!;
    const metCentral = s.sign * (v - s.thr) >= 0;
    const r: GoalResult = { indicator: g.indicator, op: g.op, level: g.level, threshold: s.thr, value2030: v, exceededBy: s.sign * (v - s.thr), met: metCentral && withinBudget, metCentral };
    if (chance && conf !== undefined) {
      r.pMeet = chance.pMeet(j, s.sign, s.thr);
      r.met = r.met && r.pMeet >= conf;
    }
    return r;
  });
  for (let j = 0; j < results.length; j++) {
    const r = results[j]!;
    if (r.metCentral) continue;
    const b = yield* bestReachable(P, goals[j]!);
    const sign = specs[j]!.sign;
    r.bestReachable = sign * (b.value - r.value2030) > 0 ? b.value : r.value2030;
    r.bestReachableCostUsd = sign * (b.value - r.value2030) > 0 ? b.cost : final.cost;
    r.reason = b.reason;
  }
  const changed = LEVERS.filter((_, li) => outValues[li] !== values[li]).map((l) => l.id);
  const result: SeekResult = {
    levers: leverRecord(outValues, starts),
    changed,
    costUsd: final.cost,
    budgetUsd: Number.isFinite(P.budget) ? P.budget : null,
    withinBudget,
    goals: results,
    feasible: results.every((r) => r.met),
    infeasible: results.filter((r) => !r.met).map((r) => r.indicator),
    iterations: P.moves,
    evaluations: P.evals,
    ms: now() - t0,
  };
  if (conf !== undefined) result.confidence = { level: conf, draws, seed, rounds };
  return result;
}

/**
 * Goal seek: the cheapest lever settings found that meet every goal within the budget (see the file
 * header for the method). Yields to the event loop every ~20 ms; `cancelSeek(request.id)` makes it
 * reject with a SeekCancelled error.
 */
export async function seekGoals(req: SeekRequest, onProgress?: (p: SeekProgress) => unknown): Promise<SeekResult> {
  const t0 = now();
  if (typeof req !== 'object' || req === null) throw new ModelInputError('request', 'an object');
  const id = req.id ?? '';
  const token: Token = { cancelled: false };
  if (req.id !== undefined) {
    if (typeof req.id !== 'string') throw new ModelInputError('id', 'a string', req.id);
    running.set(id, token);
  }
  try {
    const goals = checkGoals(req.goals);
    if (req.confidence !== undefined && (typeof req.confidence !== 'number' || !(req.confidence >= 0.5 && req.confidence <= 0.99))) {
      throw new ModelInputError('confidence', 'a probability from 0.5 to 0.99', req.confidence);
    }
    if (req.draws !== undefined && (!Number.isInteger(req.draws) || req.draws < 50 || req.draws > 5000)) {
      throw new ModelInputError('draws', 'a whole number from 50 to 5000', req.draws);
    }
    if (req.seed !== undefined && (!Number.isInteger(req.seed) || req.seed < 0 || req.seed > 0xffffffff)) {
      throw new ModelInputError('seed', 'a whole number from 0 to 4294967295', req.seed);
    }
    if (req.candidates !== undefined && !Array.isArray(req.candidates)) throw new ModelInputError('candidates', 'an array of lever settings', req.candidates);
    const prep = await prepare(req);
    if (token.cancelled) throw new SeekCancelled(id);
    const result = await drive(seekSearch(prep, req, goals, t0), token, id, onProgress, (r) => ({ phase: 'refine', fraction: 1, bestCost: r.feasible ? r.costUsd : null }));
    result.ms = now() - t0;
    return result;
  } finally {
    if (req.id !== undefined && running.get(id) === token) running.delete(id);
  }
}

// ---- trade-off curve ------------------------------------------------------------------------------

function* tradeoffSearch(prep: Prepared, req: TradeoffRequest, points: number, current: TradeoffResult['current'], t0: number): Search<TradeoffResult> {
  const { P, starts } = prep;
  const ind = req.indicator;
  const def = INDICATOR_BY_ID[ind];
  const sign = def.direction === 'higher' ? 1 : -1;
  const [lo, hi] = def.bounds;
  const idx = IX[ind];

  const zero = new Int32Array(LEVER_COUNT);
  P.evaluate(zero);
  const v0 = P.value2030(idx);
  const cost0 = P.cost;
  const top = new Int32Array(LEVER_COUNT);
  for (const l of P.unlocked) top[l] = P.nmax[l]!;
  P.evaluate(top);
  const vMax = P.value2030(idx);

  // the top budget: cheapest cost of the target, or of 99% of the largest gain
  const rule = TARGET_RULES[ind];
  const targetThr = rule.rule === 'band' && rule.band ? (sign > 0 ? rule.band[0] : rule.band[1]) : threshold(rule);
  const targetFits = (rule.rule === '>=' && sign > 0) || (rule.rule === '<=' && sign < 0) || rule.rule === 'band';
  let topLevel: number;
  let topReason: TradeoffResult['topReason'];
  if (targetFits && sign * (vMax - targetThr) >= 0 && sign * (targetThr - v0) > 0) {
    topLevel = targetThr;
    topReason = 'target';
  } else {
    topLevel = v0 + 0.99 * (vMax - v0);
    topReason = 'max-gain';
  }
  P.setGoals([{ idx, sign, thr: topLevel }]);
  const budgetSaved = P.budget;
  const cheapest = yield* solve(P, [], 0, 0.4);
  const costTop = cheapest.short === 0 ? cheapest.cost : cost0;

  // maximise the indicator under each budget, warm-starting from the previous point
  P.setGoals([{ idx, sign, thr: sign > 0 ? hi : lo }]);
  const out: TradeoffPoint[] = [];
  let from = P.sol(zero);
  for (let k = 0; k < points; k++) {
    const budget = cost0 + ((costTop - cost0) * k) / (points - 1);
    P.budget = budget * (1 + 1e-12);
    let s = P.sol(from.n);
    s = yield* greedy(P, s, 'refine', 0.4 + (0.6 * k) / points, 0.4 + (0.6 * (k + 0.5)) / points);
    s = yield* refine(P, s, 0.4 + (0.6 * (k + 0.5)) / points, 0.4 + (0.6 * (k + 1)) / points);
    if (k === points - 1 && cheapest.short === 0 && sign * (P.value2030(idx) - topLevel) < 0) {
      // never below the level whose cost set this budget
      s = cheapest;
    }
    P.evaluate(s.n);
    out.push({ budgetUsd: budget, costUsd: P.cost, value2030: P.value2030(idx), levers: leverRecord(Float64Array.from(P.values), starts) });
    from = s;
  }
  P.budget = budgetSaved;
  return { indicator: ind, direction: def.direction, topLevel, topReason, points: out, current, ms: now() - t0 };
}

/**
 * Trade-off curve: cost against the achievable 2030 level of one indicator, over `points` budget
 * levels from the cost with every unlocked lever at its minimum to the cheapest cost of reaching the
 * target (or 99% of the largest reachable gain when the target is out of reach). Each point maximises
 * the indicator within its budget (greedy + refinement, warm-started from the previous point).
 */
export async function tradeoffCurve(req: TradeoffRequest, onProgress?: (p: SeekProgress) => unknown): Promise<TradeoffResult> {
  const t0 = now();
  if (typeof req !== 'object' || req === null) throw new ModelInputError('request', 'an object');
  if (typeof req.indicator !== 'string' || !isIndicatorId(req.indicator)) {
    throw new ModelInputError('indicator', `a known indicator id (${INDICATORS.map((d) => d.id).join(', ')})`, req.indicator);
  }
  const points = req.points ?? 10;
  if (!Number.isInteger(points) || points < 2 || points > 50) throw new ModelInputError('points', 'a whole number from 2 to 50', points);
  const id = req.id ?? '';
  const token: Token = { cancelled: false };
  if (req.id !== undefined) {
    if (typeof req.id !== 'string') throw new ModelInputError('id', 'a string', req.id);
    running.set(id, token);
  }
  try {
    const prep = await prepare(req);
    if (token.cancelled) throw new SeekCancelled(id);
    // the current point must be the scenario exactly as given
    const current = currentPoint(prep, IX[req.indicator]);
    const r = await drive(tradeoffSearch(prep, req, points, current, t0), token, id, onProgress, (x) => ({ phase: 'refine', fraction: 1, bestCost: x.points.at(-1)?.costUsd ?? null }));
    r.ms = now() - t0;
    return r;
  } finally {
    if (req.id !== undefined && running.get(id) === token) running.delete(id);
  }
}

function currentPoint(prep: Prepared, idx: number): { costUsd: number; value2030: number } {
  const { P, values, starts } = prep;
  const all = new Set<number>(LEVERS.map((_, i) => i));
  const Q = new Problem(P.g, P.params, values, starts, all, Number.POSITIVE_INFINITY);
  Q.evaluate(new Int32Array(LEVER_COUNT));
  return { costUsd: Q.cost, value2030: Q.value2030(idx) };
}
