// Builds the text of src/model/data/generated/trend-priors.json: every vantage year's group priors,
// error spreads, price priors and coherence margins, rounded so the file is byte-stable.
import { bestCoverage, readAggregates, readEconomies, readIncomeGroups } from './economies.ts';
import {
  errorCorrelation,
  errorSpreads,
  FIRST_VANTAGE,
  groupPriors,
  GROUPS,
  LAST_VANTAGE,
  pairedMargin,
  POOLED,
  pricePriors,
  type GroupKey,
  type SpreadTable,
} from './trend-estimation.ts';
import type { PooledId, RateModel } from '../../src/model/trends.ts';
import { SPREAD_LEVEL_BANDS, USE_BANDS } from '../../src/model/trends.ts';

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The two sides of a spread as the model reads them. */
const sides = (s: SpreadTable) => ({ level: s.level, rate: s.rate, levelLow: s.levelLow, rateLow: s.rateLow });

function roundDeep(v: unknown): unknown {
  if (typeof v === 'number') return r4(v);
  if (Array.isArray(v)) return v.map(roundDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]));
  return v;
}

/** The JSON text of the trend-priors table (deterministic). */
export function buildTrendPriors(): string {
  const economies = readEconomies();
  const aggregates = readAggregates();
  // use is bounded by the better of 3G-or-better and 4G coverage: pair use with that series
  const withBest = economies.map((e) => ({ ...e, history: { ...e.history, coverageBest: bestCoverage(e) } }));
  const indicators: Record<string, unknown> = {};
  const caches = new Map<PooledId, Map<number, Record<GroupKey, RateModel> | null>>();
  const modelsAt = (id: PooledId, O: number) => {
    let cache = caches.get(id);
    if (!cache) caches.set(id, (cache = new Map()));
    if (!cache.has(O)) cache.set(O, groupPriors(economies, id, O));
    return cache.get(O)!;
  };
  for (const id of POOLED) {
    const priorsAt = (O: number) => modelsAt(id, O);
    const byYear: Record<string, unknown> = {};
    for (let V = FIRST_VANTAGE; V <= LAST_VANTAGE; V++) {
      const priors = priorsAt(V);
      // Households' path is also pulled toward use plus its margin (a coherence step the fitted forecast
      // lacks), so their realised errors run wider than the fit's: their band takes the larger side
      // around zero, symmetric. The others take the errors' own 10th and 90th percentiles (a split
      // normal), by the level the economy's last point had reached.
      const rule = id === 'households' ? 'envelope' : 'split';
      const spread = errorSpreads(economies, id, V, priorsAt, rule);
      if (!priors || !spread) continue;
      const byLevel = rule === 'split'
        ? SPREAD_LEVEL_BANDS.slice(0, -1).map((lo, j) => {
          const s = errorSpreads(economies, id, V, priorsAt, rule, [lo, SPREAD_LEVEL_BANDS[j + 1]!]) ?? spread;
          return { from: lo, ...sides(s) };
        })
        : undefined;
      // World and regions average many economies: their own out-of-sample errors are far smaller.
      const agg = errorSpreads(aggregates, id, V, priorsAt, 'envelope');
      // The horizon table documents the fit (docs/VALIDATION.md); the model needs only the spreads.
      byYear[V] = {
        groups: Object.fromEntries(GROUPS.map((g) => [g, { ...priors[g] }])),
        spread: { ...sides(spread), correlation: spread.correlation, ...(byLevel ? { byLevel } : {}) },
        ...(agg ? { aggregateSpread: { ...sides(agg), correlation: agg.correlation } } : {}),
      };
    }
    indicators[id] = byYear;
  }
  // Each table keeps only the vantage years where it can be estimated; the model takes the nearest.
  const price: Record<string, unknown> = {};
  const margins: Record<string, Record<string, number>> = { householdsOverUse: {}, useOverCoverage: {}, useOverOwnership: {} };
  const byUse: Record<string, number[]> = {};
  const pairs = { householdsOverUse: ['households', 'internetUse'], useOverCoverage: ['internetUse', 'coverageBest'], useOverOwnership: ['internetUse', 'mobileOwnership'] } as const;
  for (let V = FIRST_VANTAGE; V <= LAST_VANTAGE; V++) {
    const pp = pricePriors(economies, V);
    if (pp.all) price[V] = pp;
    for (const [k, [a, b]] of Object.entries(pairs)) {
      const m = pairedMargin(withBest, a, b, V);
      if (m !== null) margins[k]![V] = m;
    }
    // households over use by use's level: far smaller where few people are online or nearly all are;
    // never wider than the overall margin (the middle bands' tails are a few inconsistent surveys)
    const overall = margins.householdsOverUse![V];
    if (overall !== undefined) {
      byUse[V] = USE_BANDS.slice(0, -1).map((lo, j) => Math.min(overall, pairedMargin(economies, 'households', 'internetUse', V, (u) => u >= lo && u < USE_BANDS[j + 1]!) ?? overall));
    }
  }
  // Internet use and households err together (same surveys, same drivers): their shocks are correlated
  const correlation: Record<string, number> = {};
  for (let V = FIRST_VANTAGE; V <= LAST_VANTAGE; V++) {
    const r = errorCorrelation(economies, 'internetUse', 'households', V, modelsAt);
    if (r !== null) correlation[V] = r;
  }
  const income = Object.fromEntries([...readIncomeGroups()].sort(([a], [b]) => a.localeCompare(b)));
  const doc = {
    about:
      'Pooled current-trend tables for Pathways 2030, made by `npm run data:priors` from the ITU DataHub series in src/model/data/generated/countries and the World Bank FY2025 income groups (data/sources/wb-income-groups-fy2025.csv, CC BY 4.0). Each vantage year uses only observations up to that year. Logit-space rates per year; see docs/MODEL.md, "Current trends".',
    income,
    indicators: roundDeep(indicators),
    price: roundDeep(price),
    margins: roundDeep({ ...margins, householdsOverUseByUse: byUse }),
    useHouseholdsCorrelation: roundDeep(correlation),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}
