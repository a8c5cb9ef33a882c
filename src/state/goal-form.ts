// The goal-seek form as data and text: one goal row per target (its main indicator), budget units,
// parsing numbers as planners type them, the message for each invalid field, and a goal in words.
// Pure functions: the Analysis class (analysis.svelte.ts) holds the form's state.
import type { Goal, IndicatorId, ProjectionResult } from '../model/index.ts';
import { INDICATOR_BY_ID, TARGETS, type IndicatorDef } from '../model/registry/indicators.ts';
import { formatNumber } from '../lib/format.ts';

/** Each Strategic Plan target's main indicator (the TARGETS registry's `main`), one goal row each. */
export const GOAL_INDICATORS: readonly IndicatorDef[] = TARGETS.map((t) => INDICATOR_BY_ID[t.main]);

export interface GoalRow {
  indicator: IndicatorId;
  checked: boolean;
  /** The level as typed. */
  level: string;
}

export type BudgetUnit = 'million' | 'billion' | 'trillion';
export const BUDGET_UNITS: ReadonlyArray<{ id: BudgetUnit; label: string; factor: number }> = [
  { id: 'million', label: 'million USD', factor: 1e6 },
  { id: 'billion', label: 'billion USD', factor: 1e9 },
  { id: 'trillion', label: 'trillion USD', factor: 1e12 },
];

/** '>=' for higher-is-better indicators, '<=' for lower-is-better ones. */
export function goalOp(indicator: IndicatorId): Goal['op'] {
  return INDICATOR_BY_ID[indicator].direction === 'lower' ? '<=' : '>=';
}

/** A number as a planner types it: "90", "2.5", "1,200", "90 %"; NaN when it is not one. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/[\s,_\u00a0\u202f]/g, '').replace(/%$/, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

/** The level a target sets for an indicator (the nearer end of a band), from a projection. */
export function targetLevel(result: ProjectionResult | null, indicator: IndicatorId): number | null {
  const ind = result?.indicators.find((i) => i.id === indicator);
  if (!ind) return null;
  if (ind.rule === 'band' && ind.band) return ind.direction === 'lower' ? ind.band[1] : ind.band[0];
  return ind.target2030;
}

/** The message for a goal level, or '' when it is valid. */
export function goalLevelError(indicator: IndicatorId, text: string): string {
  const def = INDICATOR_BY_ID[indicator];
  const [lo, hi] = def.bounds;
  const v = parseNumber(text);
  if (text.trim() === '') return `Enter a level for ${def.short} (${lo} to ${hi}, ${def.unit}).`;
  if (!Number.isFinite(v)) return `${def.short}: “${text}” is not a number. Enter a level from ${lo} to ${hi} (${def.unit}).`;
  if (v < lo || v > hi) return `${def.short}: enter a level from ${lo} to ${hi} (${def.unit}); ${text.trim()} is outside that range.`;
  return '';
}

export function budgetError(text: string): string {
  if (text.trim() === '') return '';
  const v = parseNumber(text);
  if (!Number.isFinite(v)) return `Budget: “${text}” is not a number. Enter an amount, or leave it empty for no ceiling.`;
  if (v < 0) return 'Budget: enter an amount of zero or more, or leave it empty for no ceiling.';
  return '';
}

export function confidenceError(text: string): string {
  const v = parseNumber(text);
  if (text.trim() === '' || !Number.isFinite(v)) return 'Confidence: enter a percentage from 50 to 99.';
  if (v < 50 || v > 99) return `Confidence: enter a percentage from 50 to 99; ${text.trim()} is outside that range.`;
  return '';
}

/** "Internet use ≥ 90%", "Mobile-broadband price ≤ 2%", "Gender parity ≥ 0.98". */
export function goalText(g: Goal): string {
  const def = INDICATOR_BY_ID[g.indicator];
  const unit = def.unit.startsWith('%') ? '%' : '';
  return `${def.short} ${g.op === '<=' ? '≤' : '≥'} ${formatNumber(g.level, 6)}${unit}`;
}
