// What a scenario's money buys, lever by lever, so that Budget cannot mislead: each lever's marginal
// cost per point on the indicators it moves (its cost ÷ what the scenario loses without it, all else
// equal), the targeted subsidy's cost per additional user, p10–p90 of each lever's cost and of the
// total from the Monte Carlo, and the cost as a share of GNI.
import type { CompiledGeography } from './compile.ts';
import { runPath, TARGET_YEAR } from './engine.ts';
import { INDICATOR_BY_ID, INDICATOR_COUNT, IX, type IndicatorId } from './registry/indicators.ts';
import { LEVERS, LEVER_COUNT, LX, type LeverId } from './registry/levers.ts';
import type { Bands } from './monte-carlo.ts';
import type { ValidInputs } from './project.ts';

export interface CostBand {
  p10: number;
  p50: number;
  p90: number;
}

export interface MarginalCost {
  indicator: IndicatorId;
  /** Points (or ratio units) of the indicator in 2030 that the scenario loses without this lever. */
  gain: number;
  /** The lever's cost to 2030 ÷ gain. */
  usdPerPoint: number;
}

export interface CostAttribution {
  /**
   * p10–p90 of each lever's cost and of the total, from the Monte Carlo (absent without it); also of
   * what current trends imply (`cost.currentTrends`) and of the total with it (`cost.withTrends`).
   */
  bands: { byLever: Record<LeverId, CostBand>; total: CostBand; currentTrends: CostBand; withTrends: CostBand };
  /** Per lever with a cost: its marginal cost per point on each indicator it moves. */
  marginal: Partial<Record<LeverId, MarginalCost[]>>;
  /** The targeted subsidy: people online in 2030 because of it, and its cost per such person. */
  affordability: { additionalUsers2030: number; costPerAdditionalUserUsd: number | null } | null;
  /** GNI from ITU's basket in USD and as % of GNI p.c.: cost per year as a share of it. */
  gni: { gniPerCapitaUsd: number; gniUsd: number; shareOfGniPerYearPct: number; note: string } | null;
}

/** Builds the attribution for a central run (`scen` with costs `byLever`, `trend` its current trends). */
export function attributeCosts(
  compiled: CompiledGeography, inputs: ValidInputs, levAt: Float64Array, trend: Float64Array, scen: Float64Array,
  byLever: Record<LeverId, number>, totalUsd: number, bands: Bands | null,
): Partial<CostAttribution> {
  const g = compiled.engine;
  const Y = g.years;
  const t30 = TARGET_YEAR - g.baseYear;
  const out: Partial<CostAttribution> = {};
  if (bands) {
    const band = (c: number): CostBand => ({ p10: bands.costP10[c]!, p50: bands.costP50[c]!, p90: bands.costP90[c]! });
    const by = {} as Record<LeverId, CostBand>;
    LEVERS.forEach((l, li) => (by[l.id] = band(li)));
    out.bands = { byLever: by, total: band(LEVER_COUNT), currentTrends: band(LEVER_COUNT + 1), withTrends: band(LEVER_COUNT + 2) };
  }
  const without = new Float64Array(INDICATOR_COUNT * Y);
  const lev = new Float64Array(levAt.length);
  const marginal: Partial<Record<LeverId, MarginalCost[]>> = {};
  let affordability: CostAttribution['affordability'] = null;
  LEVERS.forEach((l, li) => {
    const cost = byLever[l.id];
    if (!(cost > 0)) return;
    lev.set(levAt);
    lev.fill(0, li * Y, (li + 1) * Y);
    runPath(g, inputs.params, lev, without, null, trend);
    const rows: MarginalCost[] = [];
    for (const id of l.moves) {
      const def = INDICATOR_BY_ID[id];
      const i = IX[id];
      const gain = (def.direction === 'lower' ? -1 : 1) * (scen[i * Y + t30]! - without[i * Y + t30]!);
      if (gain > (def.unit === 'ratio' ? 0.0005 : 0.01)) rows.push({ indicator: id, gain, usdPerPoint: cost / gain });
    }
    marginal[l.id] = rows;
    if (li === LX.affordabilitySubsidy && Number.isFinite(g.population)) {
      const added = ((scen[IX.internetUse * Y + t30]! - without[IX.internetUse * Y + t30]!) / 100) * g.population;
      affordability = { additionalUsers2030: added, costPerAdditionalUserUsd: added > 0 ? cost / added : null };
    }
  });
  out.marginal = marginal;
  out.affordability = affordability;
  const p0 = g.base[IX.mbbPrice]!;
  if (Number.isFinite(g.population) && p0 > 0 && g.priceUsdMonth > 0) {
    const gniPc = (g.priceUsdMonth * 12 * 100) / p0;
    const gni = gniPc * g.population;
    const kind = compiled.geography.kind;
    out.gni = {
      gniPerCapitaUsd: gniPc,
      gniUsd: gni,
      shareOfGniPerYearPct: (100 * totalUsd) / t30 / gni,
      note: `GNI per capita follows from ITU's entry basket in USD (${g.priceUsdMonth.toFixed(2)} a month) and as a share of monthly GNI per capita (${p0.toFixed(2)}%): ${gniPc.toFixed(0)} USD a year, held at its base-year level${kind === 'world' || kind === 'region' ? '; for World and regions both figures are medians of economies, so this is a rough scale, not a published GNI' : ''}.`,
    };
  } else {
    out.gni = null;
  }
  return out;
}
