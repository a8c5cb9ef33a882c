// Reader and transform for ITU's regional aggregates (itu-regional-aggregates.csv): World and the six
// ITU regions, one edition per indicator (the primary edition, else the newest that has it for all
// seven), ratios computed within one edition and year.
import {
  GENERATED_BY,
  GEOGRAPHY_NAMES,
  COUNTRY_CSV,
  ITU_EDITIONS_NEWEST_FIRST,
  PRIMARY_EDITION,
  RATIO_DECIMALS,
  REGIONAL_CSV,
  REGION_FALLBACK,
  REGION_GROUPS,
  REGION_RATIOS,
  REGION_SIMPLE,
} from './constants.ts';
import { DataBuildError, latestYear, parseValue, parseYear, readTable, roundTo, valuesRecord } from './csv.ts';
import type { Fact, GeographyId, RegionGeography, RegionIndicatorId, RegionsFile, Series } from './shapes.ts';

interface RegionalRow {
  value: number;
  flag: string;
  file: string;
  sheet: string;
}
type RegionalIndex = Map<string, Map<number, RegionalRow>>; // key: edition|indicator|breakdown|group

const regionalKey = (edition: string, indicator: string, breakdown: string, group: string) =>
  `${edition}|${indicator}|${breakdown}|${group}`;

function indexRegional(text: string): RegionalIndex {
  const f = REGIONAL_CSV;
  const cols = ['edition', 'indicator', 'breakdown', 'group', 'group_type', 'year', 'value', 'estimate_flag', 'source_file', 'sheet'];
  const out: RegionalIndex = new Map();
  for (const r of readTable(text, f, cols)) {
    const key = regionalKey(r.get('edition'), r.get('indicator'), r.get('breakdown'), r.get('group'));
    const year = parseYear(r.get('year'), f, r.line);
    const row: RegionalRow = {
      value: parseValue(r.get('value'), f, r.line),
      flag: r.get('estimate_flag').trim(),
      file: r.get('source_file').trim(),
      sheet: r.get('sheet').trim(),
    };
    let byYear = out.get(key);
    if (!byYear) out.set(key, (byYear = new Map()));
    const prev = byYear.get(year);
    if (prev && prev.value !== row.value) {
      throw new DataBuildError(`${f}: line ${r.line}: ${key} ${year} given twice with different values`);
    }
    if (!prev) byYear.set(year, row);
  }
  return out;
}

/** "Nov 2024 (FF2024)" -> "Nov 2024 edition, FF2024". */
function editionLabel(edition: string): string {
  const m = /^(.*?) \((.*)\)$/.exec(edition);
  return m ? `${m[1]} edition, ${m[2]}` : `${edition} edition`;
}
function regionalCitation(edition: string, rows: Iterable<RegionalRow>): string {
  const where = [...new Set([...rows].map((r) => `${r.file}, sheet "${r.sheet}"`))].sort();
  return `ITU, Key ICT indicators for the world and special regions (${editionLabel(edition)}), ${where.join('; ')}`;
}

function simpleRegional(edition: string, indicator: string, breakdown: string, series: Map<number, RegionalRow>) {
  const year = latestYear(series);
  const last = series.get(year)!;
  const fact: Fact = { value: last.value, year, kind: 'sourced', source: regionalCitation(edition, [last]) };
  if (last.flag) fact.note = `ITU estimate flag: ${last.flag}`;
  const hist: Series = {
    edition,
    source: `${regionalCitation(edition, series.values())}; ${indicator} (${breakdown})`,
    values: valuesRecord([...series].map(([y, r]) => [y, r.value])),
  };
  return { fact, hist };
}

export function buildRegions(text: string): RegionsFile {
  const idx = indexRegional(text);
  const get = (edition: string, indicator: string, breakdown: string, group: string) =>
    idx.get(regionalKey(edition, indicator, breakdown, group));
  const need = (edition: string, indicator: string, breakdown: string, group: string) => {
    const s = get(edition, indicator, breakdown, group);
    if (!s || s.size === 0) {
      throw new DataBuildError(`${REGIONAL_CSV}: no rows for ${edition} / ${indicator} / ${breakdown} / ${group}`);
    }
    return s;
  };

  const editions: Partial<Record<RegionIndicatorId, string>> = {};
  const geographies = {} as Record<GeographyId, RegionGeography>;
  for (const [id] of REGION_GROUPS) {
    geographies[id] = { id, name: GEOGRAPHY_NAMES[id], members: 0, economies: 0, indicators: {}, history: {} };
  }

  for (const [ind, indicator, breakdown] of REGION_SIMPLE) {
    editions[ind] = PRIMARY_EDITION;
    for (const [id, group] of REGION_GROUPS) {
      const { fact, hist } = simpleRegional(PRIMARY_EDITION, indicator, breakdown, need(PRIMARY_EDITION, indicator, breakdown, group));
      geographies[id].indicators[ind] = fact;
      geographies[id].history[ind] = hist;
    }
  }

  // 3G-or-better coverage: not an indicator, the soft bound on Internet use (with 4G coverage)
  for (const [id, group] of REGION_GROUPS) {
    const { hist } = simpleRegional(PRIMARY_EDITION, 'cov_3g_pct', 'Total', need(PRIMARY_EDITION, 'cov_3g_pct', 'Total', group));
    geographies[id].auxiliary = { coverage3g: hist };
  }

  for (const [ind, indicator, numBreakdown, denBreakdown] of REGION_RATIOS) {
    editions[ind] = PRIMARY_EDITION;
    for (const [id, group] of REGION_GROUPS) {
      const num = need(PRIMARY_EDITION, indicator, numBreakdown, group);
      const den = need(PRIMARY_EDITION, indicator, denBreakdown, group);
      const ratios = new Map<number, number>();
      const used: RegionalRow[] = [];
      for (const [y, n] of num) {
        const d = den.get(y);
        if (d && d.value > 0) {
          ratios.set(y, roundTo(n.value / d.value, RATIO_DECIMALS));
          used.push(n, d);
        }
      }
      if (ratios.size === 0) {
        throw new DataBuildError(`${REGIONAL_CSV}: no common year for ${indicator} ${numBreakdown} / ${denBreakdown}, ${group}`);
      }
      const year = latestYear(ratios);
      const n = num.get(year)!;
      const d = den.get(year)!;
      const flags = [n.flag, d.flag].filter(Boolean);
      const formula = `${indicator} "${numBreakdown}" / "${denBreakdown}"`;
      geographies[id].indicators[ind] = {
        value: ratios.get(year)!,
        year,
        kind: 'derived',
        source: regionalCitation(PRIMARY_EDITION, [n, d]),
        note:
          `Computed as ${formula} (${n.value} / ${d.value}), both series from the same edition ` +
          `(${PRIMARY_EDITION}) and year (${year}).` +
          (flags.length ? ` ITU estimate flag: ${flags.join(', ')}` : ''),
      };
      geographies[id].history[ind] = {
        edition: PRIMARY_EDITION,
        source: `Derived, ${formula} of the same edition and year, rounded to ${RATIO_DECIMALS} decimals; ${regionalCitation(PRIMARY_EDITION, used)}`,
        values: valuesRecord(ratios),
      };
    }
  }

  for (const [ind, indicator, breakdown] of REGION_FALLBACK) {
    const edition = ITU_EDITIONS_NEWEST_FIRST.find((e) =>
      REGION_GROUPS.every(([, group]) => (get(e, indicator, breakdown, group)?.size ?? 0) > 0),
    );
    if (!edition) throw new DataBuildError(`${REGIONAL_CSV}: no ITU edition has ${indicator} (${breakdown}) for all seven geographies`);
    editions[ind] = edition;
    for (const [id, group] of REGION_GROUPS) {
      const { fact, hist } = simpleRegional(edition, indicator, breakdown, need(edition, indicator, breakdown, group));
      fact.note = [fact.note, `Not in the ${PRIMARY_EDITION} edition; whole series from the ${edition} edition.`]
        .filter(Boolean)
        .join(' ');
      geographies[id].indicators[ind] = fact;
      geographies[id].history[ind] = hist;
    }
  }

  return { editions, generatedBy: GENERATED_BY, generatedFrom: [COUNTRY_CSV, REGIONAL_CSV].sort(), geographies };
}
