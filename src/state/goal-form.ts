// The goal-seek form as data and text: one goal row per target (its main indicator), budget units,
// parsing numbers as planners type them, the message for each invalid field, and a goal in words.
// Pure functions: the Analysis class (analysis.svelte.ts) holds the form's state.
import type { Goal, IndicatorId, ProjectionResult } from '../model/index.ts';
import { INDICATOR_BY_ID, TARGETS, type IndicatorDef } from '../model/registry/indicators.ts';
import { formatNumber } from '../lib/format.ts';
import { t } from '../i18n/runtime.ts';
import { keys } from '../i18n/keys.ts';

/** Each Strategic Plan target's main indicator (the TARGETS registry's `main`), one goal row each. */
export const GOAL_INDICATORS: readonly IndicatorDef[] = TARGETS.map((t) => INDICATOR_BY_ID[t.main]);

export interface GoalRow {
  indicator: IndicatorId;
  checked: boolean;
  /** The level as typed. */
  level: string;
}

export type BudgetUnit = 'million' | 'billion' | 'trillion';
/** The budget's units; each is worded by the catalogue key `reach.form.unit.<id>` ("billion USD"). */
export const BUDGET_UNITS: ReadonlyArray<{ id: BudgetUnit; factor: number }> = [
  { id: 'million', factor: 1e6 },
  { id: 'billion', factor: 1e9 },
  { id: 'trillion', factor: 1e12 },
];

/** '>=' for higher-is-better indicators, '<=' for lower-is-better ones. */
export function goalOp(indicator: IndicatorId): Goal['op'] {
  return INDICATOR_BY_ID[indicator].direction === 'lower' ? '<=' : '>=';
}

/**
 * A number as a planner types it: "90", "2.5", "1,200", "90 %"; NaN when it is not one. Where the
 * active locale writes a decimal comma (fr, ru, es), "2,5" and "1 200,5" are read with it; a point
 * still reads as a decimal point there ("82.5", as the defaults are filled in).
 */
export function parseNumber(text: string): number {
  const raw = text.trim().replace(/%$/, '');
  const comma = raw.includes(',') && formatNumber(1.5, 1, 1).includes(',');
  const n = comma ? raw.replace(/[\s._\u00a0\u202f]/g, '').replace(',', '.') : raw.replace(/[\s,_\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n)) return Number.NaN;
  return Number(n);
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
  const [lo, hi] = INDICATOR_BY_ID[indicator].bounds;
  const v = parseNumber(text);
  const values = { indicator: t(keys.indicator(indicator, 'short')), low: formatNumber(lo), high: formatNumber(hi), unit: t(keys.indicator(indicator, 'unit')), text: text.trim() };
  if (text.trim() === '') return t('reach.form.err.levelEmpty', values);
  if (!Number.isFinite(v)) return t('reach.form.err.levelNaN', { ...values, text });
  if (v < lo || v > hi) return t('reach.form.err.levelRange', values);
  return '';
}

export function budgetError(text: string): string {
  if (text.trim() === '') return '';
  const v = parseNumber(text);
  if (!Number.isFinite(v)) return t('reach.form.err.budgetNaN', { text });
  if (v < 0) return t('reach.form.err.budgetNegative');
  return '';
}

export function confidenceError(text: string): string {
  const v = parseNumber(text);
  if (text.trim() === '' || !Number.isFinite(v)) return t('reach.form.err.confidence');
  if (v < 50 || v > 99) return t('reach.form.err.confidenceRange', { text: text.trim() });
  return '';
}

/** "Internet use ≥ 90%", "Mobile-broadband price ≤ 2%", "Gender parity ≥ 0.98". */
export function goalText(g: Goal): string {
  const def = INDICATOR_BY_ID[g.indicator];
  const unit = def.unit.startsWith('%') ? '%' : '';
  return `${t(keys.indicator(g.indicator, 'short'))} ${g.op === '<=' ? '≤' : '≥'} ${formatNumber(g.level, 6)}${unit}`;
}
