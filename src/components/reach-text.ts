// Plain-language text and small chart helpers for the Reach targets panel, the trade-off curve and
// the tornado. Registries and types only: no model code.
import type { IndicatorId, ReachReason, TradeoffResult, TornadoBar, TornadoResult } from '../model/index.ts';
import { INDICATOR_BY_ID } from '../model/registry/indicators.ts';
import type { ParameterId } from '../model/registry/parameters.ts';
import { LEVER_BY_ID, type LeverId } from '../model/registry/levers.ts';
import { END_YEAR, TARGET_YEAR } from '../model/constants.ts';
import { formatNumber, formatSignificant, formatUsd, formatValue, formatWithUnit } from '../lib/format.ts';
import { t } from '../i18n/runtime.ts';
import { keys } from '../i18n/keys.ts';
import { paramText } from '../i18n/param-keys.ts';
import { leverCompact } from './library-text.ts';

/** An indicator's short name in the active language: "Internet use". */
export function indicatorShort(id: IndicatorId): string {
  return t(keys.indicator(id, 'short'));
}

/** A value of an indicator in its unit: "81.5%", "0.982", "115.2". */
export function indicatorValue(id: IndicatorId, value: number | undefined): string {
  const def = INDICATOR_BY_ID[id];
  return formatWithUnit(value, def.unit, def.digits);
}

/** The kind of a difference in the indicator's unit: percentage points, points, or none (a ratio). */
function deltaUnit(id: IndicatorId): 'pp' | 'points' | 'none' {
  const unit = INDICATOR_BY_ID[id].unit;
  if (unit.startsWith('%')) return 'pp';
  if (unit === 'ratio') return 'none';
  return 'points';
}

/** A difference in the indicator's unit, unsigned: "11.5 percentage points", "0.020". */
export function deltaText(id: IndicatorId, delta: number): string {
  const def = INDICATOR_BY_ID[id];
  const digits = def.unit.startsWith('%') ? Math.min(def.digits, 1) : def.digits;
  return t('reach.delta', { value: formatValue(Math.abs(delta), digits), unit: deltaUnit(id) });
}

/** A signed difference, compact: "+5.6 pts", "−0.020". */
export function swingText(id: IndicatorId, delta: number): string {
  const def = INDICATOR_BY_ID[id];
  const digits = def.unit.startsWith('%') ? Math.min(def.digits, 1) : def.digits;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  return t('reach.swing', { sign, value: formatValue(Math.abs(delta), digits), unit: deltaUnit(id) === 'none' ? 'none' : 'pts' });
}

/** A lever's value with a short unit ("13%", "USD 2"). */
export function leverValue(id: LeverId, value: number): string {
  return leverCompact(LEVER_BY_ID[id], value);
}

/** A tornado bar's setting (lever value or parameter value) with its unit. */
export function settingText(bar: TornadoBar, value: number): string {
  if (bar.kind === 'lever') return leverValue(bar.id as LeverId, value);
  return `${formatSignificant(value, 4)} ${paramText(bar.id as ParameterId, 'unit')}`;
}

/** A tornado factor's name in the active language: "Network rollout". */
export function factorLabel(bar: { kind: 'lever' | 'parameter'; id: string }): string {
  return bar.kind === 'lever' ? t(keys.lever(bar.id as LeverId, 'label')) : paramText(bar.id as ParameterId, 'label');
}

/** A tornado factor with its kind in words: "Network rollout (lever)". */
export function factorName(bar: TornadoBar): string {
  return t('reach.factor', { name: factorLabel(bar), kind: bar.kind === 'lever' ? 'lever' : 'parameter' });
}

/** The curve's text equivalent: "Internet use 2030 vs cost: 81.5% at USD 0 … 88.4% at USD 2.82 tn; current scenario 81.5% at USD 0". */
export function tradeoffName(r: TradeoffResult): string {
  const first = r.points[0];
  const last = r.points.at(-1);
  const at = (v: number, c: number) => t('tradeoff.at', { value: indicatorValue(r.indicator, v), cost: formatUsd(c) });
  const curve = first && last ? `${at(first.value2030, first.costUsd)} … ${at(last.value2030, last.costUsd)}` : t('tradeoff.noPoints');
  return t('tradeoff.name', { indicator: indicatorShort(r.indicator), curve, current: at(r.current.value2030, r.current.costUsd) });
}

/** The tornado's text equivalent: the scenario value and the three largest swings. */
export function tornadoName(r: TornadoResult, shown: readonly TornadoBar[]): string {
  const top = shown.slice(0, 3).map((b) => `${factorName(b)} ${swingText(r.indicator, b.swing)}`);
  return t('tornado.name', { indicator: indicatorShort(r.indicator), value: indicatorValue(r.indicator, r.baseValue2030), swings: top.length ? top.join(', ') : t('tornado.noSwings') });
}

/** Strength of a correlation, as a code the messages word: strong, moderate, weak or negligible. */
export function strengthWord(r: number): 'strong' | 'moderate' | 'weak' | 'negligible' {
  const a = Math.abs(r);
  if (a >= 0.5) return 'strong';
  if (a >= 0.3) return 'moderate';
  if (a >= 0.1) return 'weak';
  return 'negligible';
}

/** "When it is higher, Internet use in 2030 tends to be higher (better)." */
export function correlationWords(indicator: IndicatorId, r: number): string {
  const def = INDICATOR_BY_ID[indicator];
  if (Math.abs(r) < 1e-9) return t('tornado.noMove', { indicator: indicatorShort(indicator) });
  const up = r > 0;
  const better = def.direction === 'higher' ? up : !up;
  return t('tornado.correlation', { indicator: indicatorShort(indicator), up: up ? 'higher' : 'lower', better: better ? 'better' : 'worse' });
}

/** About five round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi - lo < 1e-12) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm >= 5 ? 10 : norm >= 2 ? 5 : norm >= 1 ? 2 : 1) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** Tick labels in the indicator's unit, without decimals when every tick is a whole number. */
export function tickLabel(id: IndicatorId, value: number, ticks: readonly number[]): string {
  const def = INDICATOR_BY_ID[id];
  const whole = ticks.every((t) => Math.abs(t - Math.round(t)) < 1e-9);
  const digits = whole ? 0 : def.unit.startsWith('%') ? 1 : def.digits;
  return `${formatValue(value, digits)}${def.unit.startsWith('%') ? '%' : ''}`;
}

/** A goal level as a planner wrote it: "100%", "2%", "0.98", "82.5%". */
export function levelText(id: IndicatorId, level: number): string {
  const def = INDICATOR_BY_ID[id];
  return `${formatNumber(level, def.digits)}${def.unit.startsWith('%') ? '%' : ''}`;
}

/**
 * Why a goal stays out of reach, in the active language, from the model's code and values (the
 * command line words the same code in English: model/reach-explain.ts reachReasonText).
 */
export function reachReasonWords(r: ReachReason): string {
  const def = INDICATOR_BY_ID[r.indicator];
  const digits = Math.max(1, def.digits);
  const v = (x: number) => formatWithUnit(x, def.unit, digits);
  const lim = r.limit;
  const lever = lim.kind === 'lever' || lim.kind === 'locked' ? lim.lever : null;
  const leverLabel = lever ? t(keys.lever(lever, 'label')) : '';
  return t('reach.why', {
    indicator: indicatorShort(r.indicator),
    value: v(r.value2030),
    targetYear: String(TARGET_YEAR),
    reached: r.year !== null ? 'yes' : 'no',
    goal: v(r.goal),
    year: String(r.year ?? ''),
    end: v(r.endValue),
    endYear: String(END_YEAR),
    limit: lim.kind,
    lever: lim.kind === 'lever' ? leverLabel.toLocaleLowerCase() : leverLabel,
    max: lim.kind === 'lever' ? formatNumber(lim.max) : '',
    unit: lever ? t(keys.lever(lever, 'unit')) : '',
    points: lim.kind === 'useGain' ? formatNumber(lim.pointsPerYear) : '',
  });
}
