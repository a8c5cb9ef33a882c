// Every geography the catalogue lists projects with default levers: finite values within bounds,
// usage within coverage, non-decreasing adoption on current trends. Missing figures are borrowed from
// the region and flagged; resolved facts match ITU's country series.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SOFT_WIDTH } from '../../src/model/engine.ts';
import { fileURLToPath } from 'node:url';
import {
  AGGREGATE_IDS,
  INDICATORS,
  REGION_IDS,
  listGeographies,
  prepareGeography,
  project,
  type IndicatorId,
  type ProjectionResult,
} from '../../src/model/index.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COUNTRY_DIR = path.join(REPO, 'src/model/data/generated/countries');
// The repository's own copy of the ITU DataHub extract (data/sources/), so this check always runs.
const COUNTRY_CSV = path.join(REPO, 'data/sources/itu-country-series.csv');
const TOL = 1e-9;

const ADOPTION: readonly IndicatorId[] = ['coverage4g', 'internetUse', 'mobileOwnership', 'households', 'schools', 'cyberPreparedness', 'businesses', 'basicSkills'];


const all = listGeographies();
const DEF = Object.fromEntries(INDICATORS.map((d) => [d.id, d])) as Record<IndicatorId, (typeof INDICATORS)[number]>;

function ind(r: ProjectionResult, id: IndicatorId) {
  const i = r.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
}

describe('the catalogue', () => {
  it('lists World, the six regions and about 236 economies, with unique ids and known regions', () => {
    const ids = all.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, AGGREGATE_IDS.length)).toEqual([...AGGREGATE_IDS]);
    const economies = all.filter((g) => g.kind === 'country');
    expect(economies.length).toBeGreaterThanOrEqual(200);
    for (const e of economies) expect(REGION_IDS as readonly string[], e.id).toContain(e.region);
  });
});

describe('every geography projects with default levers', () => {
  it('without error; every value finite and within bounds; use ≤ coverage + margin; e-gov ≤ capable pool (use, skills); adoption never decreases on current trends', async () => {
    const problems: string[] = [];
    for (const g of all) {
      let r: ProjectionResult;
      try {
        r = await project({ geography: g.id, uncertainty: false });
      } catch (e) {
        problems.push(`${g.id}: threw ${(e as Error).message}`);
        continue;
      }
      const compiled = await prepareGeography(g.id);
      if (!(compiled.engine.fits.useOverCoverage > 0)) problems.push(`${g.id}: no use-over-coverage margin`);
      for (const i of r.indicators) {
        const [lo, hi] = DEF[i.id].bounds;
        for (const [t, v] of i.baseline.entries()) {
          if (!Number.isFinite(v) || v < lo || v > hi) problems.push(`${g.id} ${i.id} ${r.years[t]}: ${v} outside [${lo}, ${hi}]`);
          if (v !== i.scenario[t]) problems.push(`${g.id} ${i.id} ${r.years[t]}: scenario ≠ baseline with default levers`);
        }
        if (!Number.isFinite(i.baselineSource.value)) problems.push(`${g.id} ${i.id}: base value ${i.baselineSource.value}`);
      }
      const U = ind(r, 'internetUse').baseline;
      const C = ind(r, 'coverage4g').baseline;
      const K = ind(r, 'basicSkills').baseline;
      const E = ind(r, 'egovUse').baseline;
      U.forEach((u, t) => {
        const c3 = Number.isNaN(compiled.engine.coverage3g) ? 0 : compiled.engine.coverage3g;
        const margin = Math.max(compiled.engine.fits.useOverCoverage, U[0]! - Math.max(C[0]!, c3) + 3 * SOFT_WIDTH);
        if (u > Math.max(Math.max(C[t]!, c3) + margin, U[0]!) + TOL) problems.push(`${g.id} ${r.years[t]}: use ${u} > coverage ${Math.max(C[t]!, c3)} + margin ${margin}`);
        // e-government draws on capable users: (use + min(use, skills)) / 2, within use and skills-weighted use
        if (E[t]! > (u + Math.min(u, K[t]!)) / 2 + TOL) problems.push(`${g.id} ${r.years[t]}: e-gov ${E[t]} > capable pool of (${u} + min(${u}, ${K[t]})) / 2`);
      });
      // households may fall only where they start above Internet use plus the observed margin
      // (inconsistent data, narrowed to the margin by 2030, with a warning on the baseline)
      const H = ind(r, 'households');
      const t30 = r.years.indexOf(2030);
      if (H.baseline[t30]! - U[t30]! > 25) problems.push(`${g.id}: households ${H.baseline[t30]} exceed use ${U[t30]} by more than 25 points in 2030`);
      for (const id of ADOPTION) {
        if (id === 'households' && H.baselineSource.warning?.includes('narrows')) continue;
        const b = ind(r, id).baseline;
        for (let t = 1; t < b.length; t++) {
          if (b[t]! < b[t - 1]! - TOL) problems.push(`${g.id} ${id}: ${b[t - 1]} (${r.years[t - 1]}) → ${b[t]} (${r.years[t]})`);
        }
      }
      // no population figure: costs are unavailable (NaN), and the result says so
      if (r.geography.population === null) expect(r.cost.available, g.id).toBe(false);
      else expect(r.cost.totalUsd, g.id).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});

describe('missing figures are borrowed from the region and flagged', () => {
  type RawCountry = { indicators: Record<string, unknown> };
  const lacking: Array<{ id: string; region: string; own: string[] }> = [];
  for (const region of REGION_IDS) {
    const file = path.join(COUNTRY_DIR, `${region}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, RawCountry>;
    const id = Object.keys(data)
      .sort()
      .find((k) => !('mobileOwnership' in data[k]!.indicators));
    if (id) lacking.push({ id, region, own: Object.keys(data[id]!.indicators) });
  }

  it('the data has economies without a mobile-ownership figure (so the checks below run)', () => {
    expect(lacking.length).toBeGreaterThanOrEqual(3);
  });

  for (const { id, region, own } of lacking) {
    it(`${id} (no mobileOwnership figure): the value is ${region}'s, marked regional-estimate and inheritedFrom ${region}`, async () => {
      const r = await project({ geography: id, uncertainty: false });
      const reg = await project({ geography: region, uncertainty: false });
      expect(r.geography.region).toBe(region);
      const src = ind(r, 'mobileOwnership').baselineSource;
      const regSrc = ind(reg, 'mobileOwnership').baselineSource;
      expect(src.fact.kind).toBe('regional-estimate');
      expect(src.fact.inheritedFrom).toBe(region);
      // a borrowed figure stays labelled as an estimate even when it is carried forward
      expect(src.status).toBe('regional-estimate');
      if (src.nowcastFrom !== undefined) expect(src.nowcastFrom).toBe(src.fact.year);
      // scaled by the economy's own Internet use relative to the region's, when it has one
      const ownUse = ind(r, 'internetUse').baselineSource.fact;
      const regUse = ind(reg, 'internetUse').baselineSource.fact;
      const expected = ownUse.inheritedFrom ? regSrc.fact.value : Math.min(100, regSrc.fact.value * (ownUse.value / regUse.value));
      expect(src.fact.value).toBeCloseTo(expected, 1);
      expect(src.fact.year).toBe(regSrc.fact.year);
      // every figure the economy has stays its own; every other one is borrowed and says so
      for (const i of r.indicators) {
        if (own.includes(i.id)) expect(i.baselineSource.fact.inheritedFrom, i.id).toBeUndefined();
        else expect(i.baselineSource.fact.inheritedFrom, i.id).toBeDefined();
      }
    });
  }
});

describe('resolved facts match ITU country series (latest value)', () => {
  const SERIES: Record<string, IndicatorId> = { i99H: 'internetUse', xHH6_IDI: 'households', i271GA: 'coverage4g' };
  /** One economy per ITU region. */
  const SPOT: Record<string, string> = { KEN: 'africa', BRA: 'americas', EGY: 'arab-states', IDN: 'asia-pacific', KAZ: 'cis', DEU: 'europe' };

  async function expectFacts(expected: Record<string, Partial<Record<IndicatorId, { value: number; year: number }>>>) {
    for (const [iso, facts] of Object.entries(expected)) {
      const r = await project({ geography: iso, uncertainty: false });
      expect(r.geography.region, iso).toBe(SPOT[iso]);
      for (const [id, want] of Object.entries(facts) as Array<[IndicatorId, { value: number; year: number }]>) {
        const fact = ind(r, id).baselineSource.fact;
        expect(fact.inheritedFrom, `${iso} ${id}`).toBeUndefined();
        expect(fact.year, `${iso} ${id} year`).toBe(want.year);
        expect(Math.abs(fact.value - want.value), `${iso} ${id}: ${fact.value} vs ${want.value}`).toBeLessThan(1e-6);
      }
    }
  }

  it('six economies (one per region): internetUse, households, coverage4g equal the CSV latest values (i99H, xHH6_IDI, i271GA)', async () => {
    expect(existsSync(COUNTRY_CSV), 'data/sources/itu-country-series.csv is part of the repository').toBe(true);
    const text = readFileSync(COUNTRY_CSV, 'utf8');
    const latest: Record<string, Partial<Record<IndicatorId, { value: number; year: number }>>> = {};
    for (const iso of Object.keys(SPOT)) latest[iso] = {};
    const rows = parseCsv(text);
    const head = rows[0]!;
    const col = (name: string) => {
      const k = head.indexOf(name);
      if (k < 0) throw new Error(`CSV lacks column ${name}`);
      return k;
    };
    const cCode = col('series_code'), cIso = col('iso3'), cYear = col('year'), cValue = col('value');
    for (const row of rows.slice(1)) {
      const id = SERIES[row[cCode] ?? ''];
      const iso = row[cIso] ?? '';
      if (!id || !(iso in SPOT)) continue;
      const year = Number(row[cYear]);
      const value = Number(row[cValue]);
      if (!Number.isFinite(year) || !Number.isFinite(value) || row[cValue] === '') continue;
      const cur = latest[iso]![id];
      if (!cur || year > cur.year) latest[iso]![id] = { value, year };
    }
    for (const iso of Object.keys(SPOT)) expect(Object.keys(latest[iso]!).length, iso).toBe(3);
    await expectFacts(latest);
  });
});

/** Parses CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const field = /(?:"((?:[^"]|"")*)"|([^,"\r\n]*))(,|\r?\n|$)/y;
  let at = 0;
  while (at < text.length) {
    field.lastIndex = at;
    const m = field.exec(text);
    if (!m) throw new Error(`CSV syntax error at offset ${at}`);
    row.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
    at = field.lastIndex;
    if (m[3] !== ',') {
      rows.push(row);
      row = [];
      if (m[3] === '') break;
    }
  }
  return rows;
}
