// Reader and transform for the ITU DataHub country extract (itu-country-series.csv): one geography per
// economy with its ITU region, latest facts with ITU's per-value sources, history, the 3G bound, the
// USD price and a population derived from subscriptions.
import { ITU_REGIONS, REGION_BY_GEOGRAPHY, REGION_BY_GEOGRAPHY_NOTE, type ItuRegionId } from '../../itu-regions.ts';
import { COUNTRY_CSV, COUNTRY_EDITION, COUNTRY_SERIES, COVERAGE_3G_SERIES, POPULATION_PAIRS, PRICE_USD_SERIES } from './constants.ts';
import { DataBuildError, latestYear, parseValue, parseYear, readTable, squish, valuesRecord } from './csv.ts';
import type { CountryGeography, CountryIndicatorId, Fact, SeriesMeta } from './shapes.ts';

interface CountryRow {
  value: number;
  note: string;
  source: string;
}

export function regionOf(iso3: string): { region: ItuRegionId; byGeography: boolean } | undefined {
  const listed = ITU_REGIONS[iso3];
  if (listed) return { region: listed, byGeography: false };
  const geo = (REGION_BY_GEOGRAPHY as Record<string, ItuRegionId>)[iso3];
  if (geo) return { region: geo, byGeography: true };
  return undefined;
}

export function buildCountries(text: string): { countries: CountryGeography[]; meta: Map<string, SeriesMeta> } {
  const f = COUNTRY_CSV;
  const cols = ['series_code', 'series_name', 'unit', 'iso3', 'economy', 'year', 'value', 'note', 'source'];
  const data = new Map<string, Map<string, Map<number, CountryRow>>>(); // iso3 -> code -> year -> row
  const names = new Map<string, Set<string>>();
  const meta = new Map<string, SeriesMeta>();
  for (const r of readTable(text, f, cols)) {
    const iso3 = r.get('iso3').trim();
    const code = r.get('series_code').trim();
    if (!/^[A-Z]{3}$/.test(iso3)) throw new DataBuildError(`${f}: line ${r.line}: bad iso3 "${iso3}"`);
    if (!code) throw new DataBuildError(`${f}: line ${r.line}: empty series_code`);
    const year = parseYear(r.get('year'), f, r.line);
    const row: CountryRow = {
      value: parseValue(r.get('value'), f, r.line),
      note: squish(r.get('note')),
      source: squish(r.get('source')),
    };
    if (!meta.has(code)) meta.set(code, { name: r.get('series_name').trim(), unit: r.get('unit').trim() });
    let nameSet = names.get(iso3);
    if (!nameSet) names.set(iso3, (nameSet = new Set()));
    if (r.get('economy').trim()) nameSet.add(r.get('economy').trim());
    let byCode = data.get(iso3);
    if (!byCode) data.set(iso3, (byCode = new Map()));
    let byYear = byCode.get(code);
    if (!byYear) byCode.set(code, (byYear = new Map()));
    const prev = byYear.get(year);
    if (prev && prev.value !== row.value) {
      throw new DataBuildError(`${f}: line ${r.line}: ${code} ${iso3} ${year} given twice with different values`);
    }
    if (!prev) byYear.set(year, row);
  }
  const unmapped = [...data.keys()].filter((iso3) => !regionOf(iso3)).sort();
  if (unmapped.length > 0) {
    throw new DataBuildError(
      `${f}: no ITU region for ${unmapped.join(', ')}; add ${unmapped.length === 1 ? 'it' : 'them'} to scripts/itu-regions.ts`,
    );
  }

  for (const code of [...Object.values(COUNTRY_SERIES), PRICE_USD_SERIES, COVERAGE_3G_SERIES, ...POPULATION_PAIRS.flatMap(([a, b]) => [a, b])]) {
    if (!meta.has(code)) throw new DataBuildError(`${f}: no rows for series ${code}`);
  }
  const out: CountryGeography[] = [];
  for (const iso3 of [...data.keys()].sort()) {
    const byCode = data.get(iso3)!;
    const { region, byGeography } = regionOf(iso3)!;
    const name = [...(names.get(iso3) ?? [])].sort()[0] ?? iso3;
    const geo: CountryGeography = { id: iso3, name, region, indicators: {}, history: {} };
    if (byGeography) geo.regionNote = REGION_BY_GEOGRAPHY_NOTE;

    for (const [ind, code] of Object.entries(COUNTRY_SERIES) as [CountryIndicatorId, string][]) {
      const series = byCode.get(code);
      if (!series || series.size === 0) continue;
      geo.indicators[ind] = latestCountryFact(code, series);
      const m = meta.get(code)!;
      geo.history[ind] = {
        edition: COUNTRY_EDITION,
        source: `ITU DataHub, series ${code}: ${m.name} (${m.unit}); per-year sources as given by ITU`,
        values: valuesRecord([...series].map(([y, r]) => [y, r.value])),
      };
    }

    const cov3g = byCode.get(COVERAGE_3G_SERIES);
    if (cov3g && cov3g.size > 0) {
      const m = meta.get(COVERAGE_3G_SERIES)!;
      geo.auxiliary = {
        coverage3g: {
          edition: COUNTRY_EDITION,
          source: `ITU DataHub, series ${COVERAGE_3G_SERIES}: ${m.name} (${m.unit}); per-year sources as given by ITU`,
          values: valuesRecord([...cov3g].map(([y, r]) => [y, r.value])),
        },
      };
    }

    const usd = byCode.get(PRICE_USD_SERIES);
    if (usd && usd.size > 0) geo.priceUsdMonth = latestCountryFact(PRICE_USD_SERIES, usd);

    const population = derivePopulation(byCode);
    if (population) geo.population = population;
    out.push(geo);
  }
  return { countries: out, meta };
}

/** Latest value of a DataHub series, with ITU's per-value source and note. */
function latestCountryFact(code: string, series: Map<number, CountryRow>): Fact {
  const year = latestYear(series);
  const last = series.get(year)!;
  const fact: Fact = {
    value: last.value,
    year,
    kind: 'sourced',
    source: last.source ? `${last.source} (ITU DataHub, series ${code})` : `ITU DataHub, series ${code} (no per-value source given)`,
  };
  if (last.note) fact.note = last.note;
  return fact;
}

function derivePopulation(byCode: Map<string, Map<number, CountryRow>>): Fact | undefined {
  let best: { year: number; per100: number; fact: Fact } | undefined;
  for (const [countCode, per100Code, what] of POPULATION_PAIRS) {
    const counts = byCode.get(countCode);
    const per100 = byCode.get(per100Code);
    if (!counts || !per100) continue;
    for (const [year, c] of counts) {
      const p = per100.get(year);
      if (!p || !(c.value > 0) || !(p.value > 0)) continue;
      // Latest year wins; in a tie, the larger per-100 figure (smaller rounding error in the division).
      if (best && (year < best.year || (year === best.year && p.value <= best.per100))) continue;
      const value = Math.round((c.value / p.value) * 100);
      best = {
        year,
        per100: p.value,
        fact: {
          value,
          year,
          kind: 'derived',
          source: `ITU DataHub, series ${countCode} and ${per100Code} (derived)`,
          note:
            `Population derived as ${countCode} / ${per100Code} * 100 (${what}: ${c.value} / ${p.value} per 100 inhabitants), ` +
            `${year}, the latest year with both; rounded to whole people.`,
        },
      };
    }
  }
  return best?.fact;
}
