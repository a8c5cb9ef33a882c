// Goal seek: the cheapest lever settings found that meet every goal within the budget (method in
// index.ts), optionally with a required probability across the Monte Carlo.
import { DEFAULT_SEED, validateInputs, type ProjectionRequest } from '../project.ts';
import { ModelInputError } from '../errors.ts';
import { LEVERS } from '../registry/levers.ts';
import { confidenceRounds, type Chance } from './confidence.ts';
import { now, withCancellation, type Search } from './driver.ts';
import { checkGoals, goalSpecs } from './goals.ts';
import { bestReachable, solve } from './phases.ts';
import { reachReasonText } from '../reach-explain.ts';
import { wholeInvestment } from '../cost-trend.ts';
import { leverSchedule } from '../engine.ts';
import { leverRecord, positions, prepare, type Prepared } from './problem.ts';
import type { Goal, GoalResult, SeekProgress, SeekRequest, SeekResult } from './types.ts';

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
  if (conf !== undefined) ({ best, rounds, chance } = yield* confidenceRounds(P, specs, best, conf, draws, seed));

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
    r.why = b.why;
    r.reason = reachReasonText(b.why);
  }
  const changed = LEVERS.filter((_, li) => outValues[li] !== values[li]).map((l) => l.id);
  const planAt = new Float64Array(LEVERS.length * P.Y);
  leverSchedule(P.g.baseYear, P.Y, outValues, starts, planAt);
  const whole = wholeInvestment(P.g, P.params, planAt, P.trend, P.t30, final.cost);
  const result: SeekResult = {
    levers: leverRecord(outValues, starts),
    changed,
    costUsd: final.cost,
    currentTrendsUsd: whole.currentTrends.totalUsd,
    costWithTrendsUsd: whole.withTrendsUsd,
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
  return withCancellation(req.id, async (run) => {
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
    run.checkCancelled();
    const result = await run.drive(seekSearch(prep, req, goals, t0), onProgress, (r) => ({ phase: 'refine', fraction: 1, bestCost: r.feasible ? r.costUsd : null }));
    result.ms = now() - t0;
    return result;
  });
}
