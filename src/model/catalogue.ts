// The geography catalogue: World and ITU's six regions (bundled), every economy (loaded lazily by
// region), and custom geographies — all resolved through resolveGeography().
import regionsFile from './data/generated/regions.json';
import curated from './data/curated/baselines.json';
import {
  customRecord,
  resolveGeography,
  type CustomGeographyDef,
  type Fact,
  type GeographyRecord,
  type ResolvedGeography,
  type Series,
} from './geography.ts';
import { isIndicatorId, type IndicatorId } from './registry/indicators.ts';

import { COMMON_BASE_YEAR } from './constants.ts';

export { COMMON_BASE_YEAR };

import { AGGREGATE_IDS, COUNTRY_INDEX, REGION_IDS, geographyExists, isAggregateId, isCountryId, type AggregateId, type RegionId } from './geography-ids.ts';

export { AGGREGATE_IDS, REGION_IDS, geographyExists, isAggregateId, isCountryId };
export type { AggregateId, RegionId };

export interface GeographyListing {
  id: string;
  name: string;
  kind: 'world' | 'region' | 'country';
  region?: RegionId;
}

interface RawGeo {
  id: string;
  name: string;
  region?: string;
  population?: Fact;
  priceUsdMonth?: Fact;
  members?: number;
  indicators: Record<string, Fact>;
  history?: Record<string, Series>;
  auxiliary?: { coverage3g?: Series };
}

function toRecord(raw: RawGeo, kind: GeographyRecord['kind']): GeographyRecord {
  const indicators: GeographyRecord['indicators'] = {};
  const history: GeographyRecord['history'] = {};
  for (const [id, fact] of Object.entries(raw.indicators)) if (isIndicatorId(id)) indicators[id] = fact;
  for (const [id, series] of Object.entries(raw.history ?? {})) if (isIndicatorId(id)) history[id] = series;
  const rec: GeographyRecord = { id: raw.id, name: raw.name, kind, indicators, history };
  if (raw.region !== undefined) rec.region = raw.region;
  if (raw.population) rec.population = raw.population;
  if (raw.priceUsdMonth) rec.priceUsdMonth = raw.priceUsdMonth;
  if (raw.members !== undefined) rec.members = raw.members;
  if (raw.auxiliary?.coverage3g) rec.coverage3g = raw.auxiliary.coverage3g;
  return rec;
}

const generated = (regionsFile as unknown as { geographies: Record<string, RawGeo> }).geographies;
const curatedGeos = (curated as unknown as { geographies: Record<string, Record<string, Fact>> }).geographies;

/** An aggregate's record: ITU's regional series, then the curated facts for indicators ITU lacks. */
function aggregateRecord(id: AggregateId): GeographyRecord {
  const raw = generated[id];
  if (!raw) throw new Error(`No generated data for ${id}`);
  const rec = toRecord(raw, id === 'world' ? 'world' : 'region');
  for (const [key, fact] of Object.entries(curatedGeos[id] ?? {})) {
    if (!isIndicatorId(key)) continue;
    const existing = rec.indicators[key];
    // A published (sourced) figure beats a median we derived ourselves; otherwise ITU series first.
    if (!existing || (existing.kind === 'derived' && fact.kind === 'sourced')) {
      rec.indicators[key] = fact;
      delete rec.history[key];
    }
  }
  return rec;
}

const aggregateCache = new Map<string, ResolvedGeography>();

/** World or an ITU region, resolved (World fills any gap a region has). */
export function getAggregate(id: AggregateId): ResolvedGeography {
  const hit = aggregateCache.get(id);
  if (hit) return hit;
  const fallback = id === 'world' ? null : getAggregate('world');
  const resolved = resolveGeography(aggregateRecord(id), fallback);
  aggregateCache.set(id, resolved);
  return resolved;
}

const index = COUNTRY_INDEX;
const countryById = new Map(index.map((c) => [c.id, c]));

/** Every selectable geography: World, the six regions, then economies by name. */
export function listGeographies(): GeographyListing[] {
  const list: GeographyListing[] = AGGREGATE_IDS.map((id) => ({
    id,
    name: getAggregate(id).name,
    kind: id === 'world' ? 'world' : 'region',
  }));
  for (const c of [...index].sort((a, b) => a.name.localeCompare(b.name))) {
    list.push({ id: c.id, name: c.name, kind: 'country', region: c.region });
  }
  return list;
}


const regionLoaders: Record<RegionId, () => Promise<{ default: unknown }>> = {
  africa: () => import('./data/generated/countries/africa.json'),
  americas: () => import('./data/generated/countries/americas.json'),
  'arab-states': () => import('./data/generated/countries/arab-states.json'),
  'asia-pacific': () => import('./data/generated/countries/asia-pacific.json'),
  cis: () => import('./data/generated/countries/cis.json'),
  europe: () => import('./data/generated/countries/europe.json'),
};
const regionFiles = new Map<RegionId, Promise<Record<string, RawGeo>>>();
const countryCache = new Map<string, ResolvedGeography>();

/** Loads (once) the file of one region's economies. */
function loadRegionFile(region: RegionId): Promise<Record<string, RawGeo>> {
  let p = regionFiles.get(region);
  if (!p) {
    p = regionLoaders[region]().then((m) => m.default as Record<string, RawGeo>);
    // A failed load (network down) is not remembered: the next request tries again.
    p.catch(() => regionFiles.delete(region));
    regionFiles.set(region, p);
  }
  return p;
}

/** One economy, with its region filling every indicator ITU does not publish for it. */
export async function getCountry(id: string): Promise<ResolvedGeography> {
  const hit = countryCache.get(id);
  if (hit) return hit;
  const entry = countryById.get(id);
  if (!entry) throw new Error(`Unknown geography "${id}"`);
  const file = await loadRegionFile(entry.region);
  const raw = file[id];
  if (!raw) throw new Error(`No data for economy "${id}" in the ${entry.region} file`);
  const rec = toRecord(raw, 'country');
  rec.members = 1;
  const resolved = resolveGeography(rec, getAggregate(entry.region));
  countryCache.set(id, resolved);
  return resolved;
}

/** Any geography by id: World, a region, or an ISO3 economy. */
export async function getGeography(id: string): Promise<ResolvedGeography> {
  if (isAggregateId(id)) return getAggregate(id);
  return getCountry(id);
}

/** A custom geography on top of the geography it inherits from (which may itself be an economy). */
export async function getCustomGeography(def: CustomGeographyDef): Promise<ResolvedGeography> {
  const base = await getGeography(def.inheritFrom);
  const resolved = resolveGeography(customRecord(def, COMMON_BASE_YEAR), base);
  const region = base.kind === 'region' ? base.id : base.region;
  resolved.peers = region === undefined ? { id: base.id, kind: base.kind } : { id: base.id, kind: base.kind, region };
  return resolved;
}


export type { IndicatorId };
