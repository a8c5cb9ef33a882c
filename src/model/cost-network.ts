// Network rollout cost, built bottom-up the way ITU's Connecting Humanity (2020) costs universal
// coverage: new sites for the people covered (fewer people per site as coverage reaches remoter
// places), a backhaul link and a share of backbone fibre per site, satellite access for the last
// few per cent, running costs on everything built, and network capacity, per user and year, for each user brought
// online above current trends.
// All in constant USD of COST_PRICE_YEAR (cost-money.ts). Pure functions of the parameter vector.
import { PX } from './registry/parameters.ts';

/** People a new terrestrial site covers when the uncovered share is `gap` (% of population). */
export function peoplePerSite(gap: number, gap0: number, p: Float64Array): number {
  const g = Math.max(gap, 0.05);
  return p[PX.peoplePerSite]! * Math.pow(Math.min(g / gap0, 1), p[PX.remoteCostExponent]!);
}

/** All-in capex of one new site: equipment and civil works, backhaul, and its share of backbone fibre. */
export function siteAllInUsd(p: Float64Array): number {
  return p[PX.siteCapexUsd]! + p[PX.backhaulPerSiteUsd]! + p[PX.backboneKmPerSite]! * p[PX.fibreUsdPerKm]!;
}

/** Capex split of covering `add` points of population from coverage `from`, base coverage c0. */
export interface RolloutCapex {
  sites: number;
  sitesUsd: number;
  satelliteUsd: number;
}

/**
 * Capex of covering the band [from, from + add] (% of population) in a population of `pop`: the part
 * above 100 − satelliteGapPct is served by satellite at a cost per person; the rest by new sites,
 * counted at the people per site of the band's midpoint (the gap shrinks as the band is covered).
 */
export function rolloutCapex(from: number, add: number, c0: number, pop: number, p: Float64Array, out: RolloutCapex): RolloutCapex {
  const satStart = 100 - p[PX.satelliteGapPct]!;
  const to = from + add;
  const terr = Math.max(0, Math.min(to, satStart) - from);
  const sat = add - terr;
  const gap0 = Math.max(100 - c0, 0.5);
  const mid = 100 - (from + terr / 2);
  const sites = terr > 0 ? ((terr / 100) * pop) / peoplePerSite(Math.max(mid, 100 - satStart), gap0, p) : 0;
  out.sites = sites;
  out.sitesUsd = sites * siteAllInUsd(p);
  out.satelliteUsd = ((sat / 100) * pop) * p[PX.satelliteCostPerPerson]!;
  return out;
}

/** One year's network capacity for `users` points of population kept online above current trends. */
export function capacityUsd(users: number, pop: number, p: Float64Array): number {
  return users > 0 ? (users / 100) * pop * p[PX.capacityUsdPerUser]! : 0;
}

/**
 * Cost per person newly covered when coverage stands at c (terrestrial sites with backhaul and
 * backbone; satellite in the last satelliteGapPct): for charts and the written comparison.
 */
export function costPerPersonCovered(c: number, c0: number, p: Float64Array): number {
  const satStart = 100 - p[PX.satelliteGapPct]!;
  if (c >= satStart) return p[PX.satelliteCostPerPerson]!;
  const gap0 = Math.max(100 - c0, 0.5);
  return siteAllInUsd(p) / peoplePerSite(100 - c, gap0, p);
}
