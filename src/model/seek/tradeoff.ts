// The cost / achievement trade-off curve of one indicator.
import { ModelInputError } from '../errors.ts';
import { INDICATORS, INDICATOR_BY_ID, IX, isIndicatorId } from '../registry/indicators.ts';
import { LEVERS, LEVER_COUNT } from '../registry/levers.ts';
import { TARGET_RULES, threshold } from '../targets.ts';
import { now, withCancellation, type Search } from './driver.ts';
import { greedy, refine, solve } from './phases.ts';
import { Problem, leverRecord, prepare, type Prepared } from './problem.ts';
import type { SeekProgress, TradeoffPoint, TradeoffRequest, TradeoffResult } from './types.ts';

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
  return withCancellation(req.id, async (run) => {
    const prep = await prepare(req);
    run.checkCancelled();
    // the current point must be the scenario exactly as given
    const current = currentPoint(prep, IX[req.indicator]);
    const r = await run.drive(tradeoffSearch(prep, req, points, current, t0), onProgress, (x) => ({ phase: 'refine', fraction: 1, bestCost: x.points.at(-1)?.costUsd ?? null }));
    r.ms = now() - t0;
    return r;
  });
}

function currentPoint(prep: Prepared, idx: number): { costUsd: number; value2030: number } {
  const { P, values, starts } = prep;
  const all = new Set<number>(LEVERS.map((_, i) => i));
  const Q = new Problem(P.g, P.params, values, starts, all, Number.POSITIVE_INFINITY);
  Q.evaluate(new Int32Array(LEVER_COUNT));
  return { costUsd: Q.cost, value2030: Q.value2030(idx) };
}
