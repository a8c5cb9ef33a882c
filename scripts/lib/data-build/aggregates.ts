// Regional aggregates of the country data: member and economy counts, summed derived populations and
// median prices per geography (never an ITU-published figure; each says how it was made).
import { isItuMemberState } from '../../itu-regions.ts';
import { COUNTRY_SERIES, GENERATED_BY, MEDIAN_DECIMALS, POPULATION_PAIRS, PRICE_BASKET_NOTE, PRICE_USD_SERIES, REGION_GROUPS } from './constants.ts';
import { roundTo } from './csv.ts';
import type { CountryGeography, Fact, RegionsFile, SeriesMeta } from './shapes.ts';

/** Median of a non-empty list (mean of the middle two for an even count), rounded to MEDIAN_DECIMALS. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const m = v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return roundTo(m, MEDIAN_DECIMALS);
}

/** The most common value; a tie goes to the largest (the most recent year). */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, n] of counts) {
    const bn = counts.get(best)!;
    if (n > bn || (n === bn && v > best)) best = v;
  }
  return best;
}

/**
 * Sum of the economies' derived populations, each at its own latest derived year; economies without a figure are
 * left out (and counted in the note). Year: the most common year among the economies summed.
 */
export function sumPopulation(economies: readonly CountryGeography[]): Fact | undefined {
  const facts = economies.flatMap((c) => (c.population ? [c.population] : []));
  if (facts.length === 0) return undefined;
  const years = facts.map((f) => f.year);
  const omitted = economies.length - facts.length;
  return {
    value: facts.reduce((a, f) => a + f.value, 0),
    year: mostCommon(years),
    kind: 'derived',
    source:
      'ITU DataHub, series ' +
      POPULATION_PAIRS.map(([count, per100]) => `${count} and ${per100}`).join(', ') +
      ` (derived per economy, summed by ${GENERATED_BY})`,
    note:
      `sum of ${facts.length} economies' derived populations (ITU subscriptions ÷ per-100 series), ` +
      `${omitted} economies without a figure omitted; years ${Math.min(...years)}–${Math.max(...years)}`,
  };
}

/**
 * Median over the economies' latest values of one series, for the latest year any of them has; economies whose
 * latest value is older are left out (and counted in the note), so the median never mixes years.
 */
export function medianOfLatest(
  economies: readonly CountryGeography[],
  pick: (c: CountryGeography) => Fact | undefined,
  describe: { code: string; what: string; meta: SeriesMeta },
): Fact | undefined {
  const facts = economies.flatMap((c) => {
    const f = pick(c);
    return f ? [f] : [];
  });
  if (facts.length === 0) return undefined;
  const year = Math.max(...facts.map((f) => f.year));
  const inYear = facts.filter((f) => f.year === year);
  const older = facts.length - inYear.length;
  const { code, what, meta } = describe;
  return {
    value: median(inYear.map((f) => f.value)),
    year,
    kind: 'derived',
    source: `ITU DataHub, series ${code}: ${meta.name} (${meta.unit}); median by ${GENERATED_BY}`,
    note:
      `median of ${inYear.length} economies, ITU DataHub 5 GB data-only basket${what}, latest year ${year}; ` +
      `not an ITU-published aggregate. All economies in the geography with a ${year} value count, territories ` +
      `included` +
      (older > 0 ? `; ${older} ${older === 1 ? 'economy' : 'economies'} with only older values left out` : '') +
      `. ${PRICE_BASKET_NOTE}`,
  };
}

export function addCountryAggregates(regions: RegionsFile, countries: readonly CountryGeography[], meta: Map<string, SeriesMeta>): void {
  for (const [id] of REGION_GROUPS) {
    const economies = id === 'world' ? countries : countries.filter((c) => c.region === id);
    const geo = regions.geographies[id];
    geo.economies = economies.length;
    geo.members = economies.filter((c) => isItuMemberState(c.id)).length;
    const population = sumPopulation(economies);
    if (population) geo.population = population;
    const usd = medianOfLatest(economies, (c) => c.priceUsdMonth, {
      code: PRICE_USD_SERIES,
      what: ' (USD per month)',
      meta: meta.get(PRICE_USD_SERIES)!,
    });
    if (usd) geo.priceUsdMonth = usd;
    const gni = medianOfLatest(economies, (c) => c.indicators.mbbPrice, {
      code: COUNTRY_SERIES.mbbPrice,
      what: '',
      meta: meta.get(COUNTRY_SERIES.mbbPrice)!,
    });
    if (gni) geo.indicators.mbbPrice = gni;
  }
}
