// Reads the repository's generated economy data and the World Bank income groups, for the scripts
// that pool trends across economies (trend-priors build, back-test). Reads only inside the repository.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Point } from '../../src/model/calibrate.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface EconomyHistory {
  id: string;
  name: string;
  region: string;
  income: IncomeGroup | null;
  history: Partial<Record<string, Point[]>>;
}

export type IncomeGroup = 'low' | 'lower-middle' | 'upper-middle' | 'high';

const INCOME: Record<string, IncomeGroup> = {
  'Low income': 'low',
  'Lower middle income': 'lower-middle',
  'Upper middle income': 'upper-middle',
  'High income': 'high',
};

/** ISO3 → World Bank FY2025 income group (ITU's KSO is the World Bank's XKX). */
export function readIncomeGroups(): Map<string, IncomeGroup> {
  const text = readFileSync(`${ROOT}data/sources/wb-income-groups-fy2025.csv`, 'utf8');
  const out = new Map<string, IncomeGroup>();
  const lines = text.trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    // economy names may hold quoted commas; the ISO3 is the first field and the group the fourth from the end
    const iso = line.slice(0, 3);
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    const group = INCOME[fields[3] ?? ''];
    if (group) out.set(iso === 'XKX' ? 'KSO' : iso, group);
  }
  return out;
}

/** Every economy's history series from src/model/data/generated/countries/*.json. */
export function readEconomies(): EconomyHistory[] {
  const dir = `${ROOT}src/model/data/generated/countries/`;
  const income = readIncomeGroups();
  const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as Array<{ id: string; name: string; region: string }>;
  const regionOf = new Map(index.map((e) => [e.id, e.region]));
  const out: EconomyHistory[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()) {
    const data = JSON.parse(readFileSync(dir + file, 'utf8')) as Record<string, { id: string; name: string; history?: Record<string, { values: Record<string, number> }>; auxiliary?: Record<string, { values: Record<string, number> }> }>;
    for (const [id, e] of Object.entries(data)) {
      const history: EconomyHistory['history'] = {};
      for (const [ind, s] of Object.entries({ ...(e.history ?? {}), ...(e.auxiliary ?? {}) })) {
        history[ind] = Object.entries(s.values)
          .map(([y, v]) => ({ year: Number(y), value: v }))
          .filter((p) => Number.isFinite(p.value))
          .sort((a, b) => a.year - b.year);
      }
      out.push({ id, name: e.name, region: regionOf.get(id) ?? 'unknown', income: income.get(id) ?? null, history });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** World and ITU's six regions as history series (src/model/data/generated/regions.json), for the aggregate spreads. */
export function readAggregates(): EconomyHistory[] {
  const file = JSON.parse(readFileSync(`${ROOT}src/model/data/generated/regions.json`, 'utf8')) as { geographies: Record<string, { id: string; name: string; history?: Record<string, { values: Record<string, number> }>; auxiliary?: Record<string, { values: Record<string, number> }> }> };
  return Object.entries(file.geographies).map(([id, g]) => {
    const history: EconomyHistory['history'] = {};
    for (const [ind, s] of Object.entries({ ...(g.history ?? {}), ...(g.auxiliary ?? {}) })) {
      history[ind] = Object.entries(s.values).map(([y, v]) => ({ year: Number(y), value: v })).sort((a, b) => a.year - b.year);
    }
    return { id, name: g.name, region: id, income: null, history };
  });
}

/** The better of 3G-or-better and 4G coverage in each year either is known (the coverage that bounds use). */
export function bestCoverage(e: EconomyHistory): Point[] {
  const by = new Map<number, number>();
  for (const k of ['coverage3g', 'coverage4g']) for (const p of e.history[k] ?? []) by.set(p.year, Math.max(by.get(p.year) ?? 0, p.value));
  return [...by].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}
