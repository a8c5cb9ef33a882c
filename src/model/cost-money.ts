// One currency, one year: every cost in the model is in constant US dollars of COST_PRICE_YEAR.
// Published unit costs of other years are converted with the US GDP implicit price deflator (a sourced
// series, data/curated/us-gdp-deflator.json), and scenario costs are present values at the base year at
// the (editable) discount rate.
import deflatorFile from './data/curated/us-gdp-deflator.json';

/** The price year of every USD figure the model reports. */
export const COST_PRICE_YEAR = 2024;

/**
 * US GDP implicit price deflator, annual, 2017 = 100: BEA NIPA Table 1.1.9 line 1, FRED series
 * A191RD3A086NBEA (source id `bea-gdp-deflator`), copied from data/sources/us-gdp-deflator.csv, whose
 * README gives the vintage and licence. Keyed by year.
 */
export const US_GDP_DEFLATOR: Readonly<Record<number, number>> = Object.freeze(
  Object.fromEntries(Object.entries(deflatorFile.values).map(([year, value]) => [Number(year), value])),
);

/** Source id (sources.json) of the deflator series. */
export const DEFLATOR_SOURCE_ID = deflatorFile.source;

/** Factor that turns USD of `year` into USD of COST_PRICE_YEAR. Throws for a year the series lacks. */
export function toConstantUsdFactor(year: number): number {
  const from = US_GDP_DEFLATOR[year];
  const to = US_GDP_DEFLATOR[COST_PRICE_YEAR];
  if (to === undefined) throw new RangeError(`no US GDP deflator for the price year ${COST_PRICE_YEAR}`);
  if (from === undefined) {
    const years = Object.keys(US_GDP_DEFLATOR);
    throw new RangeError(`no US GDP deflator for ${year} (the sourced series covers ${years[0]}–${years[years.length - 1]})`);
  }
  return to / from;
}

/** Discount factor of year t after the base year at `ratePct` % a year: 1 / (1 + r)^t. */
export function discountFactor(ratePct: number, t: number): number {
  return ratePct === 0 ? 1 : Math.pow(1 + ratePct / 100, -t);
}
