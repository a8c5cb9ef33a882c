// One currency, one year: every cost in the model is in constant US dollars of COST_PRICE_YEAR.
// Published unit costs of other years are converted with the US GDP implicit price deflator, and
// scenario costs are present values at the base year at the (editable) discount rate.

/** The price year of every USD figure the model reports. */
export const COST_PRICE_YEAR = 2024;

/**
 * US GDP implicit price deflator, annual, 2017 = 100 (BEA NIPA Table 1.1.9, line 1; also World Bank
 * WDI NY.GDP.DEFL.ZS for the United States). Values entered from the published series and rounded to
 * 0.1; not re-read in this session, so treated as accurate to about ±1% (source id: bea-gdp-deflator).
 */
export const US_GDP_DEFLATOR: Readonly<Record<number, number>> = {
  2015: 98.2, 2016: 99.2, 2017: 100, 2018: 102.3, 2019: 104.0, 2020: 105.4, 2021: 110.2, 2022: 118.0,
  2023: 122.3, 2024: 125.2,
};

/** Factor that turns USD of `year` into USD of COST_PRICE_YEAR. Throws for a year outside the table. */
export function toConstantUsdFactor(year: number): number {
  const from = US_GDP_DEFLATOR[year];
  const to = US_GDP_DEFLATOR[COST_PRICE_YEAR]!;
  if (from === undefined) throw new RangeError(`no US GDP deflator for ${year} (have ${Object.keys(US_GDP_DEFLATOR).join(', ')})`);
  return to / from;
}

/** Discount factor of year t after the base year at `ratePct` % a year: 1 / (1 + r)^t. */
export function discountFactor(ratePct: number, t: number): number {
  return ratePct === 0 ? 1 : Math.pow(1 + ratePct / 100, -t);
}
