// Plain-language text for results: chart names (text equivalents), statuses and provenance.
import type { BaselineStatus, IndicatorResult, Status } from '../model/index.ts';
import { INDICATOR_BY_ID } from '../model/registry/indicators.ts';
import { formatWithUnit } from '../lib/format.ts';

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
