// Plain-language text and small chart helpers for the Reach targets panel, the trade-off curve and
// the tornado. Registries and types only: no model code.
import type { IndicatorId, TradeoffResult, TornadoBar, TornadoResult } from '../model/index.ts';
import { INDICATOR_BY_ID } from '../model/registry/indicators.ts';
import { PARAMETER_BY_ID, type ParameterId } from '../model/registry/parameters.ts';
import { LEVER_BY_ID, type LeverId } from '../model/registry/levers.ts';
import { formatNumber, formatSignificant, formatUsd, formatValue, formatWithUnit } from '../lib/format.ts';
import { leverCompact } from './library-text.ts';

/** A value of an indicator in its unit: "81.5%", "0.982", "115.2". */
export function indicatorValue(id: IndicatorId, value: number | undefined): string {
  const def = INDICATOR_BY_ID[id];
  return formatWithUnit(value, def.unit, def.digits);
}

/** The word for a difference in the indicator's unit: "percentage points", "points". */
export function deltaUnit(id: IndicatorId): string {
  const unit = INDICATOR_BY_ID[id].unit;
  if (unit.startsWith('%')) return 'percentage points';
  if (unit === 'ratio') return '';
  return 'points';
}

/** A difference in the indicator's unit, unsigned: "11.5 percentage points", "0.020". */
export function deltaText(id: IndicatorId, delta: number): string {
  const def = INDICATOR_BY_ID[id];
  const digits = def.unit.startsWith('%') ? Math.min(def.digits, 1) : def.digits;
  const u = deltaUnit(id);
  return `${formatValue(Math.abs(delta), digits)}${u ? ` ${u}` : ''}`;
}

/** A signed difference, compact: "+5.6 pts", "−0.020". */
export function swingText(id: IndicatorId, delta: number): string {
  const def = INDICATOR_BY_ID[id];
  const digits = def.unit.startsWith('%') ? Math.min(def.digits, 1) : def.digits;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  const u = deltaUnit(id) ? ' pts' : '';
  return `${sign}${formatValue(Math.abs(delta), digits)}${u}`;
}

/** A lever's value with a short unit ("13%", "USD 2"). */
export function leverValue(id: LeverId, value: number): string {
  return leverCompact(LEVER_BY_ID[id], value);
}

/** A tornado bar's setting (lever value or parameter value) with its unit. */
export function settingText(bar: TornadoBar, value: number): string {
  if (bar.kind === 'lever') return leverValue(bar.id as LeverId, value);
  const p = PARAMETER_BY_ID[bar.id as ParameterId];
  const n = formatSignificant(value, 4);
  return `${n} ${p.unit}`;
}

/** A tornado factor with its kind in words: "Network rollout (lever)". */
export function factorName(bar: TornadoBar): string {
  return `${bar.label} (${bar.kind === 'lever' ? 'lever' : 'uncertain parameter'})`;
}

/** The curve's text equivalent: "Internet use 2030 vs cost: 81.5% at USD 0 … 88.4% at USD 2.82 tn; current scenario 81.5% at USD 0". */
export function tradeoffName(t: TradeoffResult): string {
  const short = INDICATOR_BY_ID[t.indicator].short;
  const first = t.points[0];
  const last = t.points.at(-1);
  const at = (v: number, c: number) => `${indicatorValue(t.indicator, v)} at ${formatUsd(c)}`;
  const curve = first && last ? `${at(first.value2030, first.costUsd)} … ${at(last.value2030, last.costUsd)}` : 'no points';
  return `${short} 2030 vs cost: ${curve}; current scenario ${at(t.current.value2030, t.current.costUsd)}`;
}

/** The tornado's text equivalent: the scenario value and the three largest swings. */
export function tornadoName(t: TornadoResult, shown: readonly TornadoBar[]): string {
  const short = INDICATOR_BY_ID[t.indicator].short;
  const top = shown.slice(0, 3).map((b) => `${factorName(b)} ${swingText(t.indicator, b.swing)}`);
  return `What moves ${short} in 2030: scenario value ${indicatorValue(t.indicator, t.baseValue2030)}; largest swings ${top.length ? top.join(', ') : 'none'}`;
}

/** Strength of a correlation in words. */
export function strengthWord(r: number): string {
  const a = Math.abs(r);
  if (a >= 0.5) return 'strong';
  if (a >= 0.3) return 'moderate';
  if (a >= 0.1) return 'weak';
  return 'negligible';
}

/** "When it is higher, Internet use in 2030 tends to be higher (better)." */
export function correlationWords(indicator: IndicatorId, r: number): string {
  const def = INDICATOR_BY_ID[indicator];
  if (Math.abs(r) < 1e-9) return `It does not move ${def.short} in 2030.`;
  const up = r > 0;
  const better = def.direction === 'higher' ? up : !up;
  return `When it is higher, ${def.short} in 2030 tends to be ${up ? 'higher' : 'lower'} (${better ? 'better' : 'worse'}).`;
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
