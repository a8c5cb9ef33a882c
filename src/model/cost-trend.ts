// What current trends themselves would cost at the model's own unit costs. Lever costs (the Budget,
// goal seek) are the public cost of what levers add above current trends, and current trends come
// free; costings of a whole goal, such as ITU's Connecting Humanity (2020), price every person
// connected, including those the market's own growth connects. This figure is the like-for-like
// complement: the network that the coverage trend builds (new sites, backhaul, backbone, satellite,
// running costs) and the capacity for the users the use trend adds, base year to 2030, in constant
// USD of COST_PRICE_YEAR at the same discount rate. Nobody pays it in the scenario; it is reported
// beside the lever costs (docs/MODEL-costs.md, "Comparison with the published costings").
import { discountFactor } from './cost-money.ts';
import { capacityUsd, rolloutCapex, type RolloutCapex } from './cost-network.ts';
import { runPath, type EngineGeography } from './engine.ts';
import { INDICATOR_COUNT, IX } from './registry/indicators.ts';
import { LEVER_COUNT, LX } from './registry/levers.ts';
import { PX } from './registry/parameters.ts';

export interface TrendInvestment {
  /** New sites with backhaul and backbone, satellite, and running costs on them, for the coverage trend. */
  networkUsd: number;
  /** Capacity for the users the use trend adds above the base year. */
  capacityUsd: number;
  totalUsd: number;
  /** People the coverage trend covers and the use trend brings online, base year to `toYear`. */
  peopleCovered: number;
  usersAdded: number;
  toYear: number;
}

const SCRATCH: RolloutCapex = { sites: 0, sitesUsd: 0, satelliteUsd: 0 };

/**
 * Sites, backhaul, backbone, satellite and running costs for every rise of a path's 4G coverage, from the
 * base year to year index `t30`, discounted like lever costs.
 */
export function networkInvestment(g: EngineGeography, p: Float64Array, path: Float64Array, t30: number): number {
  // once per Monte Carlo draw: plain loops, no closures
  const Y = g.years, pop = g.population, rate = p[PX.discountRate]!;
  const o = IX.coverage4g * Y;
  let built = 0, networkUsd = 0;
  for (let t = 1; t <= t30; t++) {
    // running costs on what was built in earlier years, then this year's build
    let net = built * p[PX.siteOpexShare]!;
    const add = path[o + t]! - path[o + t - 1]!;
    if (add > 0) {
      const cx = rolloutCapex(path[o + t - 1]!, add, path[o]!, pop, p, SCRATCH);
      built += cx.sitesUsd + cx.satelliteUsd;
      net += cx.sitesUsd + cx.satelliteUsd;
    }
    networkUsd += net * discountFactor(rate, t);
  }
  return networkUsd;
}

/**
 * What the rollout lever and current trends would both pay for: the lever covers part of the gap that
 * the coverage trend would also have covered by the target year, so adding the lever's network cost to
 * the trend's counts those sites twice. The overlap is the trend's network plus the lever's own network
 * cost (sites and their running costs, capacity excluded) minus the network along the scenario's coverage
 * path, each priced the same way; 0 without the lever. Subtracted from `lever total + current trends`
 * to give the whole investment (`cost.withTrendsUsd`, goal seek's `costWithTrendsUsd`).
 */
export function networkOverlap(g: EngineGeography, p: Float64Array, levAt: Float64Array, trend: Float64Array, t30: number): number {
  const Y = g.years;
  let any = false;
  for (let t = 1; t <= t30 && !any; t++) any = levAt[LX.networkRollout * Y + t]! > 0;
  if (!any) return 0;
  // without a trend reference the engine charges no capacity, so the rollout's cost line is its network alone;
  // the coverage path does not depend on it
  const path = new Float64Array(INDICATOR_COUNT * Y);
  const costs = new Float64Array(LEVER_COUNT * Y);
  runPath(g, p, levAt, path, costs, null);
  let lever = 0;
  for (let t = 1; t <= t30; t++) lever += costs[LX.networkRollout * Y + t]!;
  return Math.max(0, networkInvestment(g, p, trend, t30) + lever - networkInvestment(g, p, path, t30));
}

/** The investment current trends imply from the base year to year index `t30` (central parameters). */
export function trendInvestment(g: EngineGeography, p: Float64Array, trend: Float64Array, t30: number): TrendInvestment {
  const Y = g.years, pop = g.population, rate = p[PX.discountRate]!;
  const oC = IX.coverage4g * Y, oU = IX.internetUse * Y;
  const networkUsd = networkInvestment(g, p, trend, t30);
  let capUsd = 0;
  for (let t = 1; t <= t30; t++) capUsd += capacityUsd(trend[oU + t]! - trend[oU]!, pop, p) * discountFactor(rate, t);
  return {
    networkUsd,
    capacityUsd: capUsd,
    totalUsd: networkUsd + capUsd,
    peopleCovered: (Math.max(0, trend[oC + t30]! - trend[oC]!) / 100) * pop,
    usersAdded: (Math.max(0, trend[oU + t30]! - trend[oU]!) / 100) * pop,
    toYear: g.baseYear + t30,
  };
}

/** Current trends' own cost, the sites counted twice, and the whole investment with levers costing `leverUsd`. */
export interface WholeInvestment {
  currentTrends: TrendInvestment;
  overlapUsd: number;
  withTrendsUsd: number;
}

/**
 * All investment to year index `t30`, whoever pays: the levers' cost plus what current trends imply,
 * less the sites both would pay for (networkOverlap). The one formula behind `cost.withTrendsUsd` and
 * goal seek's `costWithTrendsUsd`.
 */
export function wholeInvestment(g: EngineGeography, p: Float64Array, levAt: Float64Array, trend: Float64Array, t30: number, leverUsd: number): WholeInvestment {
  const currentTrends = trendInvestment(g, p, trend, t30);
  const overlapUsd = Number.isFinite(g.population) ? networkOverlap(g, p, levAt, trend, t30) : 0;
  return { currentTrends, overlapUsd, withTrendsUsd: leverUsd + currentTrends.totalUsd - overlapUsd };
}
