// Each slide's chosen charts (one or two indicators), kept in this browser by scenario ref, so a
// scenario added to the deck again shows the charts it showed last time.
import { isIndicatorId, type IndicatorId } from '../model/registry/indicators.ts';

const CHARTS_KEY = 'pathways-2030-present-charts';

export function readChartChoices(): Record<string, IndicatorId[]> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(CHARTS_KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return {};
    const out: Record<string, IndicatorId[]> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (!Array.isArray(v)) continue;
      const ids = v.filter((x): x is IndicatorId => typeof x === 'string' && isIndicatorId(x)).slice(0, 2);
      if (ids.length) out[k] = ids;
    }
    return out;
  } catch {
    return {};
  }
}

export function writeChartChoices(choices: Record<string, IndicatorId[]>): void {
  try {
    localStorage.setItem(CHARTS_KEY, JSON.stringify(choices));
  } catch {
    /* storage full or blocked: the choice lasts for this presentation only */
  }
}
