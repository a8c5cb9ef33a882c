// Confidence: the Monte Carlo draws at a setting (Chance), and the rounds that tighten the goals
// until the setting meets each of them with the required probability.
import { drawSet, quantile, type DrawSet } from '../monte-carlo.ts';
import { INDICATORS, INDICATOR_COUNT } from '../registry/indicators.ts';
import type { Search } from './driver.ts';
import { greedy, refine } from './phases.ts';
import type { GoalSpec, Problem, Sol } from './problem.ts';

/** The Monte Carlo's draws (with their current-trends runs), to judge settings across them. */
export class Chance {
  readonly draws: number;
  private readonly set: DrawSet;
  private readonly scen: Float64Array;
  /** Goal values per draw (nGoals × draws, goal-major). */
  vals = new Float64Array(0);

  constructor(P: Problem, draws: number, seed: number) {
    this.draws = draws;
    // the projection's own draws: parameters, base values, trend shocks and current-trends runs
    this.set = drawSet(P.g, P.params, draws, seed);
    this.scen = new Float64Array(INDICATOR_COUNT * P.Y);
  }

  /** Runs every draw at grid positions `n` and stores the goal values. */
  run(P: Problem, n: Int32Array): void {
    P.evaluate(n); // builds P.levAt
    const G = P.idx.length;
    if (this.vals.length !== G * this.draws) this.vals = new Float64Array(G * this.draws);
    for (let d = 0; d < this.draws; d++) {
      this.set.run(d, P.levAt, this.scen, null, this.set.trend(d));
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
    return quantile(col, sign > 0 ? 1 - conf : conf);
  }
}

/**
 * Tighten each goal short of the confidence by the gap between its central value and its
 * (1 − confidence) quantile, and search again from the current setting; up to 4 rounds. The
 * answer is the cheapest round that meets every goal with the confidence, else the round that
 * comes closest while still meeting every goal centrally. Returns the setting, the rounds searched
 * and the draws (to judge the final setting with).
 */
export function* confidenceRounds(P: Problem, specs: readonly GoalSpec[], start: Sol, conf: number, draws: number, seed: number): Search<{ best: Sol; rounds: number; chance: Chance }> {
  let best = start;
  let rounds = 0;
  const mc = new Chance(P, draws, seed);
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
  return { best, rounds, chance: mc };
}
