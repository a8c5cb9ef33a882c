// Plain-language text for results: chart names (text equivalents), statuses and provenance, in the active
// language (src/i18n/runtime.ts). The model returns codes and figures; the words are chosen here, so the
// CLI keeps its English and the UI speaks the catalogue's language.
import type { BaselineInfo, BaselineStatus, IndicatorId, IndicatorResult, ModelText, ScreenNote, Status } from '../model/index.ts';
import { INDICATOR_BY_ID } from '../model/registry/indicators.ts';
import { geographyName } from '../lib/geography-name.ts';
import { formatNumber, formatWithUnit } from '../lib/format.ts';
import { distance, threshold, TARGET_RULES, UNIVERSAL_TOLERANCE } from '../model/targets.ts';
import { formatList } from '../i18n/intl.ts';
import { activeLocale, t } from '../i18n/runtime.ts';
import { keys } from '../i18n/keys.ts';

const STATUS_ICON: Record<Status, string> = { met: '✓', 'on-track': '↗', 'off-track': '✗' };
const statusEntry = (s: Status) => ({
  icon: STATUS_ICON[s],
  get label() {
    return t(keys.status(s));
  },
});
/** Each status's icon and word (the word read from the catalogue when it is used). */
export const STATUS_TEXT: Readonly<Record<Status, { readonly label: string; readonly icon: string }>> = {
  met: statusEntry('met'),
  'on-track': statusEntry('on-track'),
  'off-track': statusEntry('off-track'),
};

const PROVENANCE_IDS: readonly BaselineStatus[] = ['sourced', 'derived', 'nowcast', 'regional-estimate', 'assumption', 'user'];
/** Each baseline marker's word, letter and meaning (baseline.status.*, baseline.letter.*, baseline.explain.*). */
export const PROVENANCE_TEXT: Readonly<Record<BaselineStatus, { readonly label: string; readonly short: string; readonly explain: string }>> = Object.fromEntries(
  PROVENANCE_IDS.map((id) => [
    id,
    {
      get label() {
        return t(`baseline.status.${id}`);
      },
      get short() {
        return t(`baseline.letter.${id}`);
      },
      get explain() {
        return t(`baseline.explain.${id}`);
      },
    },
  ]),
) as Record<BaselineStatus, { label: string; short: string; explain: string }>;

/** An indicator's short name, full name or unit in the active language. */
export const indicatorShort = (id: IndicatorId): string => t(keys.indicator(id, 'short'));
export const indicatorName = (id: IndicatorId): string => t(keys.indicator(id, 'name'));
export const indicatorUnit = (id: IndicatorId): string => t(keys.indicator(id, 'unit'));

/** A listed geography's name in the active language (lib/geography-name.ts), from its id and data name. */
export function geographyLabel(id: string, name: string): string {
  return geographyName({ id, name });
}

/** A value followed by its unit in words: "86% of individuals", "0.93 (ratio)". */
export function valueInWords(v: number | undefined, id: IndicatorId): string {
  const def = INDICATOR_BY_ID[id];
  const text = formatWithUnit(v, def.unit, def.digits);
  const unit = indicatorUnit(id);
  if (def.unit.startsWith('%') && unit.startsWith('%')) return `${text}${unit.slice(1)}`;
  return `${text} (${unit})`;
}

export function targetText(ind: IndicatorResult): string {
  const digits = INDICATOR_BY_ID[ind.id].digits;
  if (ind.rule === 'band' && ind.band) return `${formatWithUnit(ind.band[0], ind.unit, digits)}–${formatWithUnit(ind.band[1], ind.unit, digits)}`;
  return `${ind.rule === '<=' ? '≤ ' : ind.rule === '>=' && ind.target2030 !== 100 ? '≥ ' : ''}${formatWithUnit(ind.target2030, ind.unit, digits)}`;
}

/** The figures of a chart's text equivalent without the name: "86% in 2030 under this scenario; target 100%". */
export function chartCaption(ind: IndicatorResult, yearIndex: number): string {
  const digits = INDICATOR_BY_ID[ind.id].digits;
  const value = formatWithUnit(ind.scenario[yearIndex], ind.unit, digits);
  const target = targetText(ind);
  return ind.unit.startsWith('%') ? t('chart.caption', { value, target }) : t('chart.captionUnit', { value, unit: indicatorUnit(ind.id), target });
}

/** The text equivalent of a chart: "Internet use: 86% in 2030 under this scenario; target 100%". */
export function chartName(ind: IndicatorResult, yearIndex: number): string {
  return `${indicatorShort(ind.id)}: ${chartCaption(ind, yearIndex)}`;
}

/** A point the trend fit left out, in words: "break in 2017: falls from 40.0 (2016) to 31.0: …". */
export function screeningText(n: ScreenNote): string {
  // rounded first as the model's English rounds it (toFixed), so both name the same figure
  const v = (x: number) => formatNumber(Number(x.toFixed(1)), 1, 1);
  const what =
    n.code === 'outlier'
      ? t('baseline.screen.outlier', { value: v(n.value), before: String(n.beforeYear), after: String(n.afterYear ?? '') })
      : t(n.code === 'fall' ? 'baseline.screen.fall' : 'baseline.screen.jump', { from: v(n.beforeValue ?? NaN), fromYear: String(n.beforeYear), to: v(n.value) });
  return t(n.kind === 'break' ? 'baseline.screen.breakIn' : 'baseline.screen.outlierIn', { year: String(n.year), what });
}

/** "break in 2017" / "outlier in 2012", for short lists. */
export function screeningShort(n: ScreenNote): string {
  return t(n.kind === 'break' ? 'baseline.screen.breakYear' : 'baseline.screen.outlierYear', { year: String(n.year) });
}

/** One of the model's coded sentences in the active language (baseline.model.*): figures formatted here. */
function modelStep(s: ModelText, list?: string): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(s.values ?? {})) {
    if (k === 'group') values[k] = t(`baseline.peer.${v}`);
    else if (k === 'region') values[k] = geographyLabel(String(v), String(v));
    else values[k] = typeof v === 'number' && !['points', 'n', 'max', 'age'].includes(k) ? formatNumber(v, 3) : v;
  }
  if (list !== undefined) values['list'] = list;
  return t(`baseline.model.${s.code}`, values);
}

/** Coded steps joined in order (each carries its own leading punctuation); "fitted after" notes become one list. */
export function modelText(steps: readonly ModelText[]): string {
  const fitted = steps.filter((s) => s.code === 'calibration.fittedAfter');
  const list = formatList(activeLocale(), fitted.map((s) => screeningShort({ kind: s.values?.['kind'] === 'outlier' ? 'outlier' : 'break', year: Number(s.values?.['year']) } as ScreenNote)));
  return [...steps.filter((s) => s.code !== 'calibration.fittedAfter').map((s) => modelStep(s)), ...(fitted.length ? [modelStep(fitted[0]!, list)] : [])].join('');
}

/** How a baseline was carried to the base year, in words (falls back to the model's English). */
export const nowcastText = (b: BaselineInfo): string => (b.nowcastSteps ? modelText(b.nowcastSteps) : (b.nowcastMethod ?? ''));
/** A baseline's caution, in words. */
export const warningText = (b: BaselineInfo): string => (b.warningText ? modelStep(b.warningText) : (b.warning ?? ''));
/** The series edition; "(series of …)" worded here when it is another geography's. */
export const editionText = (b: BaselineInfo): string =>
  b.editionSeriesOf ? t('baseline.model.editionSeriesOf', b.editionSeriesOf) : (b.edition ?? '');
/** How current trends were calibrated, in words. */
export const calibrationText = (ind: IndicatorResult): string => (ind.calibrationText ? modelText(ind.calibrationText) : (ind.calibration ?? ''));

/**
 * The rule that decided an indicator's status, in words, with this scenario's figures: the threshold
 * (99.5% for universal targets), the 2030 value, and for a target not met how much of the distance from
 * the base year it closes (on track from 80%). `siblings` is the number of indicators of its target.
 */
export function metRule(ind: IndicatorResult, t30: number, siblings: number): string {
  const rule = TARGET_RULES[ind.id];
  const f = (v: number | undefined) => valueInWords(v, ind.id);
  const v30 = ind.scenario[t30];
  const v0 = ind.scenario[0];
  const status = STATUS_TEXT[ind.status].label.toLowerCase();
  const all = siblings > 1 ? ` ${t('scorecard.rule.allIndicators', { target: ind.target, n: siblings })}` : '';
  if (ind.aggregate) {
    const a = ind.aggregate;
    return `${t('scorecard.rule.aggregate', { rule: t('scorecard.aggregateRule'), share: formatNumber(a.share2030, 1, 1), above: a.economiesAbove, economies: a.economies, status })}${all}`;
  }
  const th = threshold(rule);
  const goal =
    rule.rule === 'band' && rule.band
      ? t('scorecard.rule.between', { lo: f(rule.band[0]), hi: f(rule.band[1]) })
      : rule.rule === '<='
        ? t('scorecard.rule.atMost', { value: f(rule.target2030) })
        : th !== rule.target2030
          ? t('scorecard.rule.atLeastUniversal', { value: f(th), target: f(rule.target2030), tolerance: formatNumber(UNIVERSAL_TOLERANCE) })
          : t('scorecard.rule.atLeast', { value: f(th) });
  let text = t('scorecard.rule.metWhen', { goal, value: f(v30), status });
  if (ind.status !== 'met' && v0 !== undefined && v30 !== undefined) {
    const d0 = distance(rule, v0);
    const closed = d0 > 0 ? Math.max(0, Math.min(100, 100 * (1 - distance(rule, v30) / d0))) : 0;
    text += ` ${t('scorecard.rule.closes', { from: f(v0), closed: formatNumber(closed, 0) })}`;
  }
  return text + all;
}
