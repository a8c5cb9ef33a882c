// Goals: which indicator a target id means, the threshold a goal is judged against, and checking
// the goals of a request.
import { ModelInputError } from '../errors.ts';
import { INDICATORS, INDICATOR_BY_ID, IX, TARGET_MAIN_INDICATOR, isIndicatorId, type IndicatorId } from '../registry/indicators.ts';
import { UNIVERSAL_TOLERANCE } from '../targets.ts';
import type { GoalSpec } from './problem.ts';
import type { Goal } from './types.ts';

/** Each Strategic Plan target's main indicator (what "1.7>=90" means), from the TARGETS registry. */
export { TARGET_MAIN_INDICATOR };

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

/** Checks a request's goals; errors name the goal and field. */
export function checkGoals(goals: unknown): Goal[] {
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

/** Goals as the problem judges them: indicator position, direction and threshold. */
export function goalSpecs(goals: readonly Goal[]): GoalSpec[] {
  return goals.map((g) => ({ idx: IX[g.indicator], sign: g.op === '>=' ? 1 : -1, thr: goalThreshold(g) }));
}
