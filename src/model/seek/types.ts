// Goal seek and trade-off curve: the public request, progress and result types, and the error a
// cancelled search rejects with.
import type { LeverSetting, ProjectionRequest, ProjectionResult } from '../project.ts';
import type { IndicatorId } from '../registry/indicators.ts';
import type { LeverId } from '../registry/levers.ts';
import type { ReachReason } from '../reach-explain.ts';

export type GoalOp = '>=' | '<=';

/** A 2030 goal: `indicator op level`, e.g. internetUse >= 90. */
export interface Goal {
  indicator: IndicatorId;
  op: GoalOp;
  level: number;
}


/** Lever values (or value and start year) keyed by lever id, as a projection request takes them. */
export type LeverSettings = Partial<Record<LeverId, LeverSetting | number>>;

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
  /** Why the goal stays out of reach by 2030, in terms a planner can check, in English (see reach-explain.ts). */
  reason?: string;
  /** The same reason as a code and its values, for the UI to word in the reader's language. */
  why?: ReachReason;
}

export interface SeekResult {
  levers: ProjectionResult['levers'];
  /** Levers whose value differs from the request's. */
  changed: LeverId[];
  /** What the levers cost above current trends (the public cost the budget limits). */
  costUsd: number;
  /**
   * What current trends themselves imply at the same unit costs (cost-trend.ts), and the whole
   * investment with the plan, whoever pays (the two, less the sites both would pay for: networkOverlap).
   */
  currentTrendsUsd: number;
  costWithTrendsUsd: number;
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
  levers: ProjectionResult['levers'];
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
