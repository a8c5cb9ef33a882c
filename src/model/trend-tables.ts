// Reads the pooled-trend tables (data/generated/trend-priors.json, made by `npm run data:priors`):
// peer-group priors, Monte Carlo spreads, price priors and coherence margins for a vantage year.
import table from './data/generated/trend-priors.json';
import type { PooledId, RateModel } from './trends.ts';

export type PeerGroup = 'low' | 'lower-middle' | 'upper-middle' | 'high' | 'all';

export interface Spread {
  /** Logit sd of the level and rate shocks that move the path up … */
  level: number;
  rate: number;
  /** … and down (a split normal; equal to level and rate where the band is symmetric). */
  levelLow: number;
  rateLow: number;
  correlation: number;
}

/** The spread of economies whose last point lies at or above `from` (%), up to the next band's. */
interface LevelSpread {
  from: number;
  level: number;
  rate: number;
  levelLow: number;
  rateLow: number;
}

export interface PricePrior {
  median: number;
  low: number;
  high: number;
  n: number;
}

interface Table {
  income: Record<string, Exclude<PeerGroup, 'all'>>;
  indicators: Record<PooledId, Record<string, { groups: Record<PeerGroup, RateModel>; spread: Spread & { byLevel?: LevelSpread[] }; aggregateSpread?: Spread }>>;
  price: Record<string, Record<string, PricePrior>>;
  margins: Record<'householdsOverUse' | 'useOverCoverage' | 'useOverOwnership', Record<string, number>> & { householdsOverUseByUse: Record<string, number[]> };
  useHouseholdsCorrelation: Record<string, number>;
}

const T = table as unknown as Table;

export const PEER_GROUP_NAMES: Record<PeerGroup, string> = {
  low: 'low-income economies',
  'lower-middle': 'lower-middle-income economies',
  'upper-middle': 'upper-middle-income economies',
  high: 'high-income economies',
  all: 'all economies',
};

/** World Bank FY2025 income group of an economy (ISO3), or "all" where it has none. */
export function peerGroupOf(iso3: string): PeerGroup {
  return T.income[iso3] ?? 'all';
}

/**
 * The nearest vantage year with a table for this indicator: the latest at or before `year`, else the
 * first one (then the table is younger than the vantage, which docs/MODEL.md states as a limitation).
 */
function nearest<R>(rows: Record<string, R>, year: number): { year: number; row: R } {
  const years = Object.keys(rows).map(Number).sort((a, b) => a - b);
  let pick = years[0]!;
  for (const y of years) if (y <= year) pick = y;
  return { year: pick, row: rows[String(pick)]! };
}

/**
 * The group prior and spread for an indicator at a vantage (base) year. An economy takes the spread of
 * economies whose last point lay in the same level band as `level` (its last figure), where the table
 * has one; an aggregate (World, a region) the spread of the aggregates' own errors where there were
 * enough to estimate it.
 */
export function pooledTable(id: PooledId, vantage: number, group: PeerGroup, aggregate = false, level = Number.NaN): { prior: RateModel; spread: Spread; vantage: number; spreadOf: 'economies' | 'aggregates' } {
  const { year, row } = nearest(T.indicators[id], vantage);
  if (aggregate) {
    const rows = Object.fromEntries(Object.entries(T.indicators[id]).filter(([, r]) => r.aggregateSpread));
    if (Object.keys(rows).length > 0) {
      const agg = nearest(rows, vantage).row.aggregateSpread!;
      return { prior: row.groups[group], spread: agg, vantage: year, spreadOf: 'aggregates' };
    }
  }
  // an economy's spread is that of economies whose last point was at its level, where estimated
  const { byLevel, ...all } = row.spread;
  let band: LevelSpread | undefined;
  if (byLevel && Number.isFinite(level)) for (const b of byLevel) if (level >= b.from) band = b;
  const spread: Spread = band ? { level: band.level, rate: band.rate, levelLow: band.levelLow, rateLow: band.rateLow, correlation: all.correlation } : all;
  return { prior: row.groups[group], spread, vantage: year, spreadOf: 'economies' };
}

/** Price-change prior of a region (or of all economies) at a vantage year. */
export function pricePrior(vantage: number, region: string | undefined): PricePrior & { scope: string } {
  const { row } = nearest(T.price, vantage);
  const own = region ? row[region] : undefined;
  if (own) return { ...own, scope: region! };
  return { ...row.all!, scope: 'all' };
}

/** Coherence margins (points) at a vantage year: the 99th percentile of each paired difference. */
export function coherenceMargins(vantage: number): { householdsOverUse: number; householdsOverUseByUse: Float64Array; useOverCoverage: number; useOverOwnership: number } {
  const m = T.margins;
  return {
    householdsOverUse: nearest(m.householdsOverUse, vantage).row,
    householdsOverUseByUse: Float64Array.from(nearest(m.householdsOverUseByUse, vantage).row),
    useOverCoverage: nearest(m.useOverCoverage, vantage).row,
    useOverOwnership: nearest(m.useOverOwnership, vantage).row,
  };
}

/** Correlation of the Internet-use and household trend shocks at a vantage year (their out-of-sample errors'). */
export function useHouseholdsCorrelation(vantage: number): number {
  return nearest(T.useHouseholdsCorrelation, vantage).row;
}
