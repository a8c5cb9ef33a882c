// Engine invariants that hold for every scenario: values stay within their registry bounds, Internet
// use stays within the observed margin over 4G coverage (never frozen by it), e-government use stays
// within the capable pool of use and skills, and every lever responds monotonically (in its value and
// in its start year).
import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_IDS,
  INDICATORS,
  LEVERS,
  PARAMETERS,
  leverSchedule,
  prepareGeography,
  project,
  runPath,
  type EngineGeography,
  type IndicatorId,
  type LeverDef,
  type LeverId,
  type ProjectionResult,
} from '../../src/model/index.ts';
import { IX } from '../../src/model/registry/indicators.ts';
import { mulberry32 } from '../../src/model/random.ts';
import { SOFT_WIDTH } from '../../src/model/engine.ts';

/** Economies from every region, with low and high coverage, missing data and a zero-use baseline (PRK). */
// CUB, HTI and VIR hit the coverage cap: they once showed a bigger lever lowering Internet use.
const SAMPLE_ECONOMIES = ['NER', 'TCD', 'KEN', 'IND', 'BRA', 'DEU', 'USA', 'YEM', 'KGZ', 'PRK', 'ISL', 'CUB', 'HTI', 'VIR', 'AUS'] as const;
const GEOS: readonly string[] = [...AGGREGATE_IDS, ...SAMPLE_ECONOMIES];
const TOL = 1e-9;
const MAX_LEVERS = Object.fromEntries(LEVERS.map((l) => [l.id, l.max])) as Record<LeverId, number>;
const RATIOS = new Set<IndicatorId>(['genderParity', 'urbanRuralRatio', 'youthRatio']);
const DEF = Object.fromEntries(INDICATORS.map((d) => [d.id, d])) as Record<IndicatorId, (typeof INDICATORS)[number]>;

const isShare = (d: (typeof INDICATORS)[number]): boolean => d.unit.startsWith('%') || d.id === 'schools' || d.id === 'cyberPreparedness';

function series(r: ProjectionResult, id: IndicatorId, which: 'baseline' | 'scenario'): number[] {
  const ind = r.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(`no indicator ${id}`);
  return ind[which];
}

/** True when `after` is worse than `before` in the indicator's good direction (ratios: farther from 1). */
function worse(id: IndicatorId, before: number, after: number): boolean {
  if (RATIOS.has(id)) return Math.abs(after - 1) > Math.abs(before - 1) + TOL;
  return DEF[id].direction === 'higher' ? after < before - TOL : after > before + TOL;
}

async function run(geography: string, levers: Record<string, number | { value: number; start?: number }> = {}): Promise<ProjectionResult> {
  return project({ geography, levers, uncertainty: false });
}

describe('bounds', () => {
  it('the share indicators are exactly those with bounds [0, 100] (guards the share list used below)', () => {
    for (const d of INDICATORS) {
      if (isShare(d)) expect(d.bounds, d.id).toEqual([0, 100]);
    }
    expect(INDICATORS.filter(isShare).length).toBeGreaterThanOrEqual(10);
  });

  for (const geo of GEOS) {
    it(`${geo}: every value is finite, shares stay in [0, 100] and all values within registry bounds (default and max levers)`, async () => {
      for (const levers of [{}, MAX_LEVERS]) {
        const r = await run(geo, levers);
        for (const ind of r.indicators) {
          const d = DEF[ind.id];
          const [lo, hi] = isShare(d) ? [Math.max(0, d.bounds[0]), Math.min(100, d.bounds[1])] : d.bounds;
          for (const arr of [ind.baseline, ind.scenario]) {
            expect(arr).toHaveLength(r.years.length);
            for (const v of arr) {
              expect(Number.isFinite(v), `${geo} ${ind.id} ${v}`).toBe(true);
              expect(v, `${geo} ${ind.id}`).toBeGreaterThanOrEqual(lo);
              expect(v, `${geo} ${ind.id}`).toBeLessThanOrEqual(hi);
            }
          }
        }
      }
    });
  }
});

/** 3G-or-better coverage held at its latest figure (0 when unknown). */
const c3 = (g: EngineGeography): number => (Number.isNaN(g.coverage3g) ? 0 : g.coverage3g);

/** The soft bound's margin of use over the better of 4G and 3G coverage: the observed margin, or the base-year excess plus room. */
function useMargin(g: EngineGeography): number {
  return Math.max(g.fits.useOverCoverage, g.base[IX.internetUse]! - Math.max(g.base[IX.coverage4g]!, c3(g)) + 3 * SOFT_WIDTH);
}

describe('usage stays within the observed margin over the better of 4G and 3G coverage', () => {
  for (const geo of GEOS) {
    it(`${geo}: Internet use ≤ max(4G, 3G coverage) + margin, and e-government ≤ (use + min(use, skills)) / 2, every year (default and max levers)`, async () => {
      const g = (await prepareGeography(geo)).engine;
      const margin = useMargin(g);
      for (const levers of [{}, MAX_LEVERS]) {
        const r = await run(geo, levers);
        for (const which of ['baseline', 'scenario'] as const) {
          const U = series(r, 'internetUse', which);
          const C = series(r, 'coverage4g', which);
          const K = series(r, 'basicSkills', which);
          const E = series(r, 'egovUse', which);
          U.forEach((u, t) => {
            expect(u, `${geo} ${which} ${r.years[t]}`).toBeLessThanOrEqual(Math.max(Math.max(C[t]!, c3(g)) + margin, U[0]!) + TOL);
            expect(E[t]!, `${geo} ${which} ${r.years[t]}`).toBeLessThanOrEqual((u + Math.min(u, K[t]!)) / 2 + TOL);
          });
        }
      }
    });
  }

  it('current trends never freeze: Internet use rises every year wherever it is below 99% (the bound slows it, never stops it)', async () => {
    for (const geo of GEOS) {
      const r = await run(geo, {});
      const U = series(r, 'internetUse', 'baseline');
      for (let t = 1; t < U.length; t++) if (U[t - 1]! < 99) expect(U[t]!, `${geo} ${r.years[t]}`).toBeGreaterThan(U[t - 1]!);
    }
  });

  it('random parameters (within their ranges), lever values and start years never break bounds, the coverage cap, the e-government bound or cost sign', async () => {
    const rand = mulberry32(2030);
    const violations: string[] = [];
    for (const geo of GEOS) {
      const g = (await prepareGeography(geo)).engine;
      const Y = g.years;
      for (let k = 0; k < 12; k++) {
        const p = Float64Array.from(PARAMETERS, (d) => d.low + rand() * (d.high - d.low));
        const values = LEVERS.map((l) => (rand() < 0.2 ? l.max : rand() * l.max));
        const starts = LEVERS.map(() => g.baseYear + 1 + Math.floor(rand() * 5));
        const lev = leverSchedule(g.baseYear, Y, values, starts);
        const trend = new Float64Array(INDICATORS.length * Y);
        const scen = new Float64Array(INDICATORS.length * Y);
        const costs = new Float64Array(LEVERS.length * Y);
        runPath(g, p, new Float64Array(LEVERS.length * Y), trend, null, null);
        runPath(g, p, lev, scen, costs, trend);
        for (const out of [trend, scen]) {
          INDICATORS.forEach((d, i) => {
            for (let t = 0; t < Y; t++) {
              const v = out[i * Y + t]!;
              if (!(v >= d.bounds[0] && v <= d.bounds[1])) violations.push(`${geo} draw ${k} ${d.id} t=${t}: ${v} outside bounds`);
            }
          });
          for (let t = 0; t < Y; t++) {
            const U = out[IX.internetUse * Y + t]!;
            const C = out[IX.coverage4g * Y + t]!;
            const K = out[IX.basicSkills * Y + t]!;
            const E = out[IX.egovUse * Y + t]!;
            if (U > Math.max(Math.max(C, c3(g)) + useMargin(g), out[IX.internetUse * Y]!) + TOL) violations.push(`${geo} draw ${k} t=${t}: use ${U} > coverage ${C} + ${useMargin(g)}`);
            if (E > (U + Math.min(U, K)) / 2 + TOL) violations.push(`${geo} draw ${k} t=${t}: e-gov ${E} > (${U} + min(${U}, ${K})) / 2`);
          }
        }
        for (const c of costs) if (!(Number.isFinite(c) && c >= 0)) violations.push(`${geo} draw ${k}: cost ${c}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe('monotone response to each lever', () => {
  // Raising a lever (0 → mid → max) never makes any indicator in its `moves` list worse, in any year,
  // and never lowers its own cost or the total cost.
  for (const lever of LEVERS) {
    it(`${lever.id}: raising it never worsens an indicator it moves (any year) nor lowers its cost`, async () => {
      const values = [0, lever.max / 2, lever.max];
      for (const geo of GEOS) {
        const results: ProjectionResult[] = [];
        for (const v of values) results.push(await run(geo, { [lever.id]: v }));
        for (let k = 1; k < results.length; k++) {
          const a = results[k - 1]!;
          const b = results[k]!;
          for (const id of lever.moves as readonly IndicatorId[]) {
            const before = series(a, id, 'scenario');
            const after = series(b, id, 'scenario');
            before.forEach((x, t) => {
              expect(worse(id, x, after[t]!), `${geo} ${id} ${a.years[t]}: ${lever.id}=${values[k - 1]} → ${values[k]} moved ${x} → ${after[t]}`).toBe(false);
            });
          }
          expect(b.cost.byLever[lever.id], `${geo} cost`).toBeGreaterThanOrEqual(a.cost.byLever[lever.id] - TOL);
          expect(b.cost.totalUsd, `${geo} total cost`).toBeGreaterThanOrEqual(a.cost.totalUsd - TOL);
        }
      }
    });
  }

  it('every lever at its max changes at least one indicator of its moves list in World', async () => {
    const zero = await run('world');
    for (const lever of LEVERS) {
      const r = await run('world', { [lever.id]: lever.max });
      const moved = (lever.moves as readonly IndicatorId[]).filter((id) => {
        const a = series(zero, id, 'scenario');
        return series(r, id, 'scenario').some((v, t) => Math.abs(v - a[t]!) > TOL);
      });
      expect(moved.length, lever.id).toBeGreaterThan(0);
    }
  });

  // Every lever, affordability included (a one-off lift that diffusion then "ate" once made a late
  // start look better; lever-added users are now a stock on top of organic diffusion).
  for (const lever of LEVERS as readonly LeverDef[]) {
    it(`${lever.id}: a later start (2028) never gives a better 2030 value than starting at base+1, nor costs more`, async () => {
      for (const geo of GEOS) {
        const base = (await prepareGeography(geo)).engine.baseYear;
        const early = await run(geo, { [lever.id]: { value: lever.max, start: base + 1 } });
        const late = await run(geo, { [lever.id]: { value: lever.max, start: 2028 } });
        const t30 = 2030 - base;
        for (const id of lever.moves as readonly IndicatorId[]) {
          const e = series(early, id, 'scenario')[t30]!;
          const l = series(late, id, 'scenario')[t30]!;
          // the late start must not be better than the early one: i.e. early is not worse than late
          expect(worse(id, l, e), `${geo} ${id}: start ${base + 1} → ${e}, start 2028 → ${l}`).toBe(false);
        }
        expect(late.cost.byLever[lever.id], `${geo} cost`).toBeLessThanOrEqual(early.cost.byLever[lever.id] + TOL);
      }
    });
  }
});
