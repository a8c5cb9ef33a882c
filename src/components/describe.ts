// Plain-language text for results: chart names (text equivalents), statuses and provenance.
import type { BaselineStatus, IndicatorResult, Status } from '../model/index.ts';
import { INDICATOR_BY_ID } from '../model/registry/indicators.ts';
import { formatWithUnit } from '../lib/format.ts';
import { distance, threshold, TARGET_RULES, UNIVERSAL_TOLERANCE } from '../model/targets.ts';

export const STATUS_TEXT: Record<Status, { label: string; icon: string }> = {
  met: { label: 'Met', icon: '✓' },
  'on-track': { label: 'On track', icon: '↗' },
  'off-track': { label: 'Off track', icon: '✗' },
};

export const PROVENANCE_TEXT: Record<BaselineStatus, { label: string; short: string; explain: string }> = {
  sourced: { label: 'Sourced', short: 'S', explain: 'published figure for this geography' },
  derived: { label: 'Derived', short: 'D', explain: 'computed from published figures (ratio or median)' },
  nowcast: { label: 'Nowcast', short: 'N', explain: 'latest figure carried forward to the base year along its trend' },
  'regional-estimate': { label: 'Regional estimate', short: 'R', explain: 'no figure for this geography: its region’s value is used' },
  assumption: { label: 'Assumption', short: 'A', explain: 'no published figure: an explicit assumption with a range' },
  user: { label: 'Entered', short: 'U', explain: 'entered by the user for a custom geography' },
};

export function targetText(ind: IndicatorResult): string {
  const digits = INDICATOR_BY_ID[ind.id].digits;
  if (ind.rule === 'band' && ind.band) return `${formatWithUnit(ind.band[0], ind.unit, digits)}–${formatWithUnit(ind.band[1], ind.unit, digits)}`;
  return `${ind.rule === '<=' ? '≤ ' : ind.rule === '>=' && ind.target2030 !== 100 ? '≥ ' : ''}${formatWithUnit(ind.target2030, ind.unit, digits)}`;
}

/** The text equivalent of a chart: "Internet use: 86% in 2030 under this scenario; target 100%". */
export function chartName(ind: IndicatorResult, yearIndex: number): string {
  const digits = INDICATOR_BY_ID[ind.id].digits;
  const unit = ind.unit.startsWith('%') ? '' : ` (${ind.unit})`;
  return `${ind.short}: ${formatWithUnit(ind.scenario[yearIndex], ind.unit, digits)}${unit} in 2030 under this scenario; target ${targetText(ind)}`;
}

/**
 * The rule that decided an indicator's status, in words, with this scenario's figures: the threshold
 * (99.5% for universal targets), the 2030 value, and for a target not met how much of the distance from
 * the base year it closes (on track from 80%). `siblings` is the number of indicators of its target.
 */
export function metRule(ind: IndicatorResult, t30: number, siblings: number): string {
  const rule = TARGET_RULES[ind.id];
  const digits = INDICATOR_BY_ID[ind.id].digits;
  const f = (v: number | undefined) => `${formatWithUnit(v, ind.unit, digits)}${ind.unit.startsWith('%') ? ind.unit.slice(1) : ` (${ind.unit})`}`;
  const v30 = ind.scenario[t30];
  const v0 = ind.scenario[0];
  const all = siblings > 1 ? ` Target ${ind.target} is met only when all its ${siblings} indicators are.` : '';
  if (ind.aggregate) {
    const a = ind.aggregate;
    return `Judged as the target means it: ${a.rule}. This scenario, 2030: ${a.share2030.toFixed(1)}% of people in economies below 2%, ${a.economiesAbove} of ${a.economies} economies above, so ${STATUS_TEXT[ind.status].label.toLowerCase()}.${all}`;
  }
  const t = threshold(rule);
  const goal =
    rule.rule === 'band' && rule.band
      ? `between ${f(rule.band[0])} and ${f(rule.band[1])}`
      : rule.rule === '<='
        ? `at most ${f(rule.target2030)}`
        : t !== rule.target2030
          ? `at least ${f(t)} (the target is ${f(rule.target2030)}; universal targets count as met ${UNIVERSAL_TOLERANCE} points short of 100%, because ITU publishes whole per cent and a diffusion path only approaches 100% asymptotically)`
          : `at least ${f(t)}`;
  let text = `Met when the 2030 value is ${goal}. This scenario: ${f(v30)} in 2030, so ${STATUS_TEXT[ind.status].label.toLowerCase()}.`;
  if (ind.status !== 'met' && v0 !== undefined && v30 !== undefined) {
    const d0 = distance(rule, v0);
    const closed = d0 > 0 ? Math.max(0, Math.min(100, 100 * (1 - distance(rule, v30) / d0))) : 0;
    text += ` From ${f(v0)} in the base year it closes ${closed.toFixed(0)}% of the distance to the target; on track needs at least 80%.`;
  }
  return text + all;
}
