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
//
// The folder: types.ts (requests, results), goals.ts (target ids, thresholds), driver.ts (slices,
// progress, cancellation), problem.ts (the evaluator and building it from a request), phases.ts
// (the search phases), confidence.ts (Monte Carlo rounds), goal-seek.ts and tradeoff.ts (the two
// entry points).
export { cancelSeek } from './driver.ts';
export { goalThreshold, resolveIndicator, TARGET_MAIN_INDICATOR } from './goals.ts';
export { seekGoals } from './goal-seek.ts';
export { tradeoffCurve } from './tradeoff.ts';
export { SeekCancelled } from './types.ts';
export type { Goal, GoalOp, GoalResult, SeekPhase, SeekProgress, SeekRequest, SeekResult, TradeoffPoint, TradeoffRequest, TradeoffResult } from './types.ts';
