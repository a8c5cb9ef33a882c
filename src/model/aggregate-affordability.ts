// Target 1.2 for World and a region, as the target means it: the share of the population living in
// economies whose entry basket costs less than 2% of GNI per capita in 2030, each economy's price
// projected on its own trend (its own base-year price and fitted decline, as when it is projected
// alone) with the scenario's cut. Met only when every economy is below (100%). An economy's own 1.2
// stays its own price. The economies' compact price table is built once per aggregate (cached).
import { figureUpTo, pointsUpTo } from './calibrate.ts';
import { priceRegion, priceTrend } from './price-trend.ts';
import { COMMON_BASE_YEAR, getCountry } from './catalogue.ts';
import type { ResolvedGeography } from './geography.ts';
import { COUNTRY_INDEX, isAggregateId } from './geography-ids.ts';
import { AFFORDABLE_PCT } from './cost-affordability.ts';
import { INDICATOR_BY_ID } from './registry/indicators.ts';
import { PX } from './registry/parameters.ts';

/** The economies of one aggregate that have a population: base price (% of GNI p.c.) and trend decline. */
export interface PriceTable {
  ids: string[];
  population: Float64Array;
  price0: Float64Array;
  /** Yearly decline (share of the price lost a year; negative: rising) from the pooled price trend. */
  decline: Float64Array;
  /** Economies left out for want of a population figure. */
  withoutPopulation: number;
}

const tables = new Map<string, Promise<PriceTable>>();

/** The price table of World or a region (null for an economy or a custom geography). */
export function priceTable(id: string): Promise<PriceTable> | null {
  if (!isAggregateId(id)) return null;
  let hit = tables.get(id);
  if (!hit) {
    hit = build(id);
    tables.set(id, hit);
  }
  return hit;
}

async function build(id: string): Promise<PriceTable> {
  const members = COUNTRY_INDEX.filter((c) => id === 'world' || c.region === id);
  const ids: string[] = [];
  const pop: number[] = [], p0: number[] = [], dec: number[] = [];
  let without = 0;
  for (const c of members) {
    const geo = await getCountry(c.id);
    if (!geo.population) {
      without++;
      continue;
    }
    const { price, decline } = basePrice(geo, COMMON_BASE_YEAR);
    ids.push(c.id);
    pop.push(geo.population.value);
    p0.push(price);
    dec.push(decline);
  }
  return { ids, population: Float64Array.from(pop), price0: Float64Array.from(p0), decline: Float64Array.from(dec), withoutPopulation: without };
}

/**
 * An economy's entry-basket price at the base year and its yearly decline, exactly as compile.ts
 * derives them for the mbbPrice indicator (the same priceTrend; a test compares the two), without
 * compiling the other fourteen indicators: building World's table stays cheap.
 */
export function basePrice(geo: ResolvedGeography, baseYear: number): { price: number; decline: number } {
  const fact = geo.indicators.mbbPrice;
  const pts = pointsUpTo(geo.history.mbbPrice?.values, baseYear);
  const start = figureUpTo(fact, pts, baseYear) ?? { value: fact.value, year: baseYear };
  let value = start.value;
  const year = start.year;
  const { logRate } = priceTrend(pts, baseYear, priceRegion(geo));
  if (year < baseYear) value = value * Math.exp(logRate * (baseYear - year));
  const [lo, hi] = INDICATOR_BY_ID.mbbPrice.bounds;
  return { price: Math.min(hi, Math.max(lo, value)), decline: 1 - Math.exp(logRate) };
}

export interface AggregateAffordability {
  /** % of the counted population in economies below 2% of GNI p.c. in the target year. */
  share: number;
  economiesAbove: number;
  economies: number;
  withoutPopulation: number;
}

/**
 * Evaluates target 1.2 for an aggregate after `t` years: each economy's price falls at its own rate
 * (× the trend-pace multiplier) and the scenario's `cut` (0–1) applies to all of them.
 */
export function aggregateAffordability(tab: PriceTable, p: Float64Array, t: number, cut: number): AggregateAffordability {
  const m = p[PX.trendRateMultiplier]!;
  let below = 0, total = 0, above = 0;
  const n = tab.population.length;
  for (let i = 0; i < n; i++) {
    const d = tab.decline[i]!;
    const price = tab.price0[i]! * Math.pow(1 - d * m, t) * (1 - cut);
    total += tab.population[i]!;
    if (price < AFFORDABLE_PCT) below += tab.population[i]!;
    else above++;
  }
  return { share: total > 0 ? (100 * below) / total : 0, economiesAbove: above, economies: n, withoutPopulation: tab.withoutPopulation };
}
