// The search phases, as generators (each `yield` is a point where the driver may pause): greedy
// ascent, descent from the top, local refinement (single lowering, swaps, ruin and repair), the
// multi-start solve, and the best value one goal can reach alone.
import { INDICATOR_BY_ID, IX } from '../registry/indicators.ts';
import { LEVERS, LEVER_COUNT } from '../registry/levers.ts';
import { outOfReachWhy, type ReachReason } from '../reach-explain.ts';
import { goalThreshold } from './goals.ts';
import type { Search } from './driver.ts';
import { MIN_GAIN, STEPS_UP, better, feasibleCost, type Problem, type Sol } from './problem.ts';
import type { Goal, SeekPhase } from './types.ts';

/** Greedy: add the move with the best shortfall reduction per USD until the goals are met or nothing helps. */
export function* greedy(P: Problem, start: Sol, phase: SeekPhase, f0: number, f1: number): Search<Sol> {
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
export function* refine(P: Problem, start: Sol, f0: number, f1: number): Search<Sol> {
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
export function* solve(P: Problem, extraStarts: readonly Int32Array[], f0: number, f1: number): Search<Sol> {
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

/**
 * The best 2030 value of one goal's indicator pursued alone within the budget: greedy from every
 * unlocked lever at its minimum (and, without a budget, every unlocked lever at its maximum); then
 * the cheapest settings found that reach that value (to within 0.05 of a unit), so a maxed-out plan
 * is not reported when a cheaper one gets as far; and the reason the goal stays out of reach.
 */
export function* bestReachable(P: Problem, goal: Goal): Search<{ value: number; cost: number; why: ReachReason }> {
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
  const why = outOfReachWhy(goal.indicator, P.scen.subarray(i * P.Y, (i + 1) * P.Y), P.g.baseYear, goalThreshold(goal), sign, P.params, P.unlocked.map((l) => LEVERS[l]!.id));
  Object.assign(P, saved);
  return { value, cost, why };
}
