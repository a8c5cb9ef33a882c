// Geography records and their resolution: one path builds World, regions, countries and custom
// geographies alike — own facts first, then the inherited geography's facts flagged as estimates.
import { INDICATORS, INDICATOR_BY_ID, type IndicatorId } from './registry/indicators.ts';

export type FactKind = 'sourced' | 'derived' | 'assumption' | 'regional-estimate' | 'user';

export interface Fact {
  value: number;
  year: number;
  kind: FactKind | 'sourced';
  source: string;
  note?: string;
  range?: readonly [number, number] | number[];
  reason?: string;
}

export interface Series {
  edition: string;
  source: string;
  values: Readonly<Record<string, number>>;
}

/** A geography as data: what the data files (or a user) say about it. */
export interface GeographyRecord {
  id: string;
  name: string;
  kind: 'world' | 'region' | 'country' | 'custom';
  region?: string;
  population?: Fact;
  priceUsdMonth?: Fact;
  /** Countries whose cybersecurity capabilities count (1 for a country). */
  members?: number;
  indicators: Partial<Record<IndicatorId, Fact>>;
  history: Partial<Record<IndicatorId, Series>>;
  /** 3G-or-better coverage: not an indicator, the soft bound on Internet use together with 4G coverage. */
  coverage3g?: Series;
  /** Base year of the projection; the common base year when absent. */
  baseYear?: number;
}

/** Where a resolved baseline fact came from. */
export interface ResolvedFact extends Fact {
  /** Set when the geography did not have the figure and took it from another one. */
  inheritedFrom?: string;
  /**
   * Set when the figure was borrowed and scaled by Internet use: the lender's value per point of its
   * use, so the engine can keep the ratio where the scaled value rounds to 0 (an economy with no users).
   */
  perUse?: number;
}

export interface ResolvedGeography {
  id: string;
  name: string;
  kind: GeographyRecord['kind'];
  region?: string;
  baseYear?: number;
  /** Null when no figure exists: costs cannot be computed (an economy never borrows its region's). */
  population: ResolvedFact | null;
  priceUsdMonth: ResolvedFact;
  members: number;
  indicators: Record<IndicatorId, ResolvedFact>;
  history: Partial<Record<IndicatorId, Series & { inheritedFrom?: string }>>;
  /** 3G-or-better coverage series, own or the fallback's (then marked inherited). */
  coverage3g?: Series & { inheritedFrom?: string };
  /** A custom geography's peers for pooled trends: the geography it inherits from, and that one's ITU region. */
  peers?: { id: string; kind: GeographyRecord['kind']; region?: string };
}

/** A user's custom geography, as the CLI and scenario files give it. */
export interface CustomGeographyDef {
  id: string;
  name: string;
  inheritFrom: string;
  baseYear?: number;
  population?: number;
  indicators?: Partial<Record<IndicatorId, { value?: number; year?: number; history?: Record<string, number> }>>;
}

/**
 * Adoption indicators that an economy borrows from its region are scaled by the economy's own
 * Internet use relative to the region's: a country at half its region's use is not given the
 * region's household access, skills or e-government use as they stand.
 */
export const SCALED_WITH_USE: readonly IndicatorId[] = ['households', 'mobileOwnership', 'basicSkills', 'egovUse'];

/**
 * Fills a geography's missing facts from `fallback` (its region, or the geography a custom one
 * inherits from), flagging each borrowed fact. Throws when neither has a figure.
 */
export function resolveGeography(own: GeographyRecord, fallback: ResolvedGeography | null): ResolvedGeography {
  const indicators = {} as Record<IndicatorId, ResolvedFact>;
  const history: ResolvedGeography['history'] = {};
  for (const def of INDICATORS) {
    const id = def.id;
    const fact = own.indicators[id];
    if (fact) {
      indicators[id] = fact;
      const h = own.history[id];
      if (h) history[id] = h;
      continue;
    }
    const inherited = fallback?.indicators[id];
    if (!inherited) throw new Error(`Geography "${own.id}" has no value for ${id} and nothing to inherit it from`);
    const ownUse = own.indicators.internetUse;
    const theirUse = fallback?.indicators.internetUse;
    if (own.kind === 'country' && SCALED_WITH_USE.includes(id) && ownUse && theirUse && theirUse.value > 0 && !inherited.inheritedFrom) {
      indicators[id] = { ...scaleBorrowed(inherited, fallback!, ownUse.value / theirUse.value, id), perUse: inherited.value / theirUse.value };
    } else {
      indicators[id] = borrow(inherited, fallback);
    }
    const h = fallback?.history[id];
    if (h) history[id] = { ...h, inheritedFrom: h.inheritedFrom ?? fallback.id };
  }
  // A population is never borrowed from a region (it would cost an island as a continent); a custom
  // geography takes the population of the geography it copies, if that has one.
  const population = own.population ?? (own.kind === 'custom' && fallback ? fallback.population : null);
  const price = own.priceUsdMonth ?? (fallback ? borrow(fallback.priceUsdMonth, fallback) : undefined);
  if (!price) throw new Error(`Geography "${own.id}" has no price in USD and nothing to inherit it from`);
  const resolved: ResolvedGeography = {
    id: own.id,
    name: own.name,
    kind: own.kind,
    population,
    priceUsdMonth: price,
    members: own.members ?? (own.kind === 'country' ? 1 : (fallback?.members ?? 1)),
    indicators,
    history,
  };
  if (own.region !== undefined) resolved.region = own.region;
  if (own.baseYear !== undefined) resolved.baseYear = own.baseYear;
  const c3 = own.coverage3g ?? (fallback?.coverage3g ? { ...fallback.coverage3g, inheritedFrom: fallback.coverage3g.inheritedFrom ?? fallback.id } : undefined);
  if (c3) resolved.coverage3g = c3;
  return resolved;
}

function scaleBorrowed(fact: ResolvedFact, from: ResolvedGeography, ratio: number, id: IndicatorId): ResolvedFact {
  const [lo, hi] = INDICATOR_BY_ID[id].bounds;
  const scale = (v: number) => Math.round(Math.min(hi, Math.max(lo, v * ratio)) * 100) / 100;
  const out: ResolvedFact = {
    ...fact,
    value: scale(fact.value),
    kind: fact.kind === 'assumption' ? 'assumption' : 'regional-estimate',
    inheritedFrom: from.id,
    note: `${from.name} value ${fact.value} scaled by this economy's Internet use relative to ${from.name}'s (×${ratio.toFixed(2)}): no figure for this economy${fact.note ? `; ${fact.note}` : ''}`,
  };
  if (fact.range) out.range = [scale(fact.range[0]!), scale(fact.range[1]!)];
  return out;
}

function borrow(fact: ResolvedFact, from: ResolvedGeography | null): ResolvedFact {
  if (fact.inheritedFrom || !from) return fact;
  return {
    ...fact,
    kind: fact.kind === 'assumption' ? 'assumption' : 'regional-estimate',
    inheritedFrom: from.id,
    note: `${from.name} value used: no figure for this geography${fact.note ? `; ${fact.note}` : ''}`,
  };
}

/** Turns a custom-geography definition into a record whose missing facts the inherited one fills. */
export function customRecord(def: CustomGeographyDef, commonBaseYear: number): GeographyRecord {
  const indicators: GeographyRecord['indicators'] = {};
  const history: GeographyRecord['history'] = {};
  for (const [id, entry] of Object.entries(def.indicators ?? {}) as [IndicatorId, NonNullable<CustomGeographyDef['indicators']>[IndicatorId]][]) {
    if (!entry) continue;
    const hist = entry.history;
    if (hist && Object.keys(hist).length > 0) {
      history[id] = { edition: 'user-supplied', source: `custom geography "${def.name}"`, values: hist };
    }
    let value = entry.value;
    let year = entry.year;
    if (value === undefined && hist) {
      // No explicit value: the latest history point up to the base year is the baseline.
      const base = def.baseYear ?? commonBaseYear;
      const years = Object.keys(hist).map(Number).filter((y) => y <= base).sort((a, b) => a - b);
      const last = years.at(-1);
      if (last !== undefined) {
        value = hist[String(last)];
        year = last;
      }
    }
    if (value === undefined) continue;
    indicators[id] = {
      value,
      year: year ?? def.baseYear ?? commonBaseYear,
      kind: 'user',
      source: `entered for custom geography "${def.name}"`,
    };
  }
  const record: GeographyRecord = { id: def.id, name: def.name, kind: 'custom', indicators, history };
  if (def.population !== undefined) {
    record.population = { value: def.population, year: def.baseYear ?? commonBaseYear, kind: 'user', source: `entered for custom geography "${def.name}"` };
  }
  if (def.baseYear !== undefined) record.baseYear = def.baseYear;
  return record;
}
