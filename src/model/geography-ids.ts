// Which geography ids exist: World, ITU's six regions and every economy in the country index. Light
// enough for the main thread (the index is ids and names only); the data themselves load in the worker.
import countryIndex from './data/generated/countries/index.json';
import { REGION_IDS, REGION_NAMES, type RegionId } from './regions.ts';

export { REGION_IDS, type RegionId };
export const AGGREGATE_IDS = ['world', ...REGION_IDS] as const;
export type AggregateId = (typeof AGGREGATE_IDS)[number];

export interface CountryIndexEntry {
  id: string;
  name: string;
  region: RegionId;
}

export const COUNTRY_INDEX = countryIndex as unknown as readonly CountryIndexEntry[];

/** The names of World and ITU's six regions (ITU's own spelling). */
export const AGGREGATE_NAMES: Readonly<Record<AggregateId, string>> = {
  world: 'World',
  ...REGION_NAMES,
};

/** A listed geography's name from the light index (World, an ITU region, an economy), before the worker's list arrives. */
export function geographyIndexName(id: string): string | undefined {
  return isAggregateId(id) ? AGGREGATE_NAMES[id] : COUNTRY_INDEX.find((c) => c.id === id)?.name;
}
const countryIds = new Set(COUNTRY_INDEX.map((c) => c.id));

export function isAggregateId(id: string): id is AggregateId {
  return (AGGREGATE_IDS as readonly string[]).includes(id);
}

export function isCountryId(id: string): boolean {
  return countryIds.has(id);
}

export function geographyExists(id: string): boolean {
  return isAggregateId(id) || countryIds.has(id);
}
