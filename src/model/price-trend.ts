// The current trend of the entry-basket price (target 1.2): the basket series' own log change, shrunk
// toward its ITU region's median change by the number of points, bounded by the changes economies have
// shown. One function, used by compile.ts for a geography and by aggregate-affordability.ts for every
// economy of World or a region, so both give the same price.
import type { Point } from './calibrate.ts';
import type { ResolvedGeography } from './geography.ts';
import { pricePrior, type PricePrior } from './trend-tables.ts';

/** Price points an economy's own rate needs before it outweighs its region's median change. */
export const PRICE_SHRINK_POINTS = 10;

export interface PriceTrend {
  /** Yearly log change (negative: falling). */
  logRate: number;
  /** The economy's own least-squares log change, or NaN with fewer than two positive points. */
  own: number;
  /** Weight of the own change: (n − 1) / (n − 1 + PRICE_SHRINK_POINTS). */
  weight: number;
  points: number;
  prior: PricePrior & { scope: string };
  /** Sd of the yearly log change drawn in the Monte Carlo. */
  spread: number;
}

/** The ITU region whose median price change a geography's price trend shrinks toward (none for the World). */
export function priceRegion(geo: ResolvedGeography): string | undefined {
  if (geo.kind === 'region') return geo.id;
  if (geo.kind === 'custom') return geo.peers?.region;
  return geo.region;
}

export function priceTrend(pts: readonly Point[], baseYear: number, region: string | undefined): PriceTrend {
  const prior = pricePrior(baseYear, region);
  const usable = pts.filter((p) => p.value > 0);
  let own = Number.NaN;
  if (usable.length >= 2) {
    const n = usable.length;
    const mx = usable.reduce((s, p) => s + p.year, 0) / n;
    const my = usable.reduce((s, p) => s + Math.log(p.value), 0) / n;
    let sxy = 0, sxx = 0;
    for (const p of usable) {
      sxy += (p.year - mx) * (Math.log(p.value) - my);
      sxx += (p.year - mx) ** 2;
    }
    own = sxx > 0 ? sxy / sxx : Number.NaN;
  }
  const weight = Number.isFinite(own) ? (usable.length - 1) / (usable.length - 1 + PRICE_SHRINK_POINTS) : 0;
  const logRate = Math.min(prior.high, Math.max(prior.low, weight * (Number.isFinite(own) ? own : 0) + (1 - weight) * prior.median));
  // how far the pooled change may be off: the spread of economies' changes (their 5th–95th
  // percentiles as ±1.645 sd), narrowed as the economy's own points carry more weight
  const spread = ((prior.high - prior.low) / (2 * 1.6449)) * Math.sqrt(1 - weight);
  return { logRate, own, weight, points: usable.length, prior, spread };
}
