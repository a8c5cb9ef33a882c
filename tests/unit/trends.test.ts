// Pooled current trends: series screening explains what it drops, short series borrow their peers'
// rate (no trend rests on two or three points), nowcasts are flagged stale with wider bands, the
// indicators stay coherent, every band has width, and the published tables match what the script makes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { project, type CustomGeographyDef } from '../../src/model/index.ts';
import { estimatePrior, invLogit, logit, ownSlope, pooledSlope, screenSeries, type GroupPrior } from '../../src/model/trends.ts';
import { approach, logitStep } from '../../src/model/engine.ts';
import { buildTrendPriors } from '../../scripts/lib/trend-priors-build.ts';

const pts = (o: Record<number, number>) => Object.entries(o).map(([y, v]) => ({ year: Number(y), value: v }));
const PRIOR: GroupPrior = { a: 0.2, b: 0, tau: 0.03, n: 40, min: 0.02, max: 0.6 };

describe('screenSeries', () => {
  it('keeps only the segment after a jump no diffusion explains, and says why (Angola households, 2019 → 2020)', () => {
    const s = screenSeries(pts({ 2015: 14.7, 2016: 11.3, 2018: 6.7, 2019: 8.0, 2020: 35.4, 2021: 42.6, 2022: 45.5, 2023: 48.4 }));
    expect(s.points.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023]);
    const brk = s.notes.find((n) => n.kind === 'break' && n.year === 2020);
    expect(brk?.reason).toMatch(/jumps from 8\.0 \(2019\) to 35\.4/);
  });

  it('treats a fall of more than 4 points as a break (adoption does not fall)', () => {
    const s = screenSeries(pts({ 2014: 30, 2015: 32, 2016: 20, 2017: 22, 2018: 24 }));
    expect(s.points[0]!.year).toBe(2016);
    expect(s.notes[0]).toMatchObject({ year: 2016, kind: 'break' });
  });

  it('drops an isolated spike whose next point comes back, and keeps a step that stays (Congo households 2019 → 2021)', () => {
    const spike = screenSeries(pts({ 2016: 20, 2017: 22, 2018: 45, 2019: 24, 2020: 26 }));
    expect(spike.points.map((p) => p.year)).toEqual([2016, 2017, 2019, 2020]);
    expect(spike.notes).toEqual([expect.objectContaining({ year: 2018, kind: 'outlier' })]);
    const step = screenSeries(pts({ 2018: 4.0, 2019: 4.5, 2021: 38.5, 2022: 38.3, 2023: 44.4 }));
    expect(step.notes.map((n) => n.kind)).toEqual(['break']);
    expect(step.points.map((p) => p.year)).toEqual([2021, 2022, 2023]);
  });

  it('leaves a smooth diffusion series untouched', () => {
    const smooth = Array.from({ length: 12 }, (_, i) => ({ year: 2010 + i, value: invLogit(-3 + 0.35 * i) }));
    expect(screenSeries(smooth)).toEqual({ points: smooth, notes: [] });
  });
});

describe('pooledSlope', () => {
  it('gives a two- or three-point series almost no weight: its trend is its peers’', () => {
    for (const n of [2, 3]) {
      const own = ownSlope(Array.from({ length: n }, (_, i) => ({ year: 2020 + i, value: invLogit(-1 + 0.9 * i) })));
      const { slope, weight } = pooledSlope(own, PRIOR, 30);
      expect(weight, `${n} points`).toBeLessThan(0.05);
      expect(Math.abs(slope - 0.2), `${n} points`).toBeLessThan(0.05);
    }
  });

  it('weighs a long, clean series more than a short or noisy one, and lands between own and peer rates', () => {
    const line = (n: number, noise: number) => Array.from({ length: n }, (_, i) => ({ year: 2016 + i, value: invLogit(-2 + 0.5 * i + (i % 2 ? noise : -noise)) }));
    const long = pooledSlope(ownSlope(line(8, 0)), PRIOR, 40);
    const short = pooledSlope(ownSlope(line(4, 0)), PRIOR, 40);
    const noisy = pooledSlope(ownSlope(line(8, 0.6)), PRIOR, 40);
    expect(long.weight).toBeGreaterThan(short.weight);
    expect(long.weight).toBeGreaterThan(noisy.weight);
    expect(long.slope).toBeGreaterThan(0.2);
    expect(long.slope).toBeLessThan(0.5);
  });

  it('never leaves the range of rates the peer group has shown', () => {
    const steep = ownSlope(Array.from({ length: 8 }, (_, i) => ({ year: 2016 + i, value: invLogit(-4 + 2 * i) })));
    expect(pooledSlope(steep, { ...PRIOR, tau: 10 }, 10).slope).toBe(PRIOR.max);
  });

  it('estimatePrior recovers a level-dependent rate from samples built on it', () => {
    const samples = Array.from({ length: 40 }, (_, i) => {
      const level = 5 + i * 2.2;
      return { level, slope: 0.3 - 0.05 * logit(level), variance: 0.001 };
    });
    const p = estimatePrior(samples);
    expect(p.a).toBeCloseTo(0.3, 6);
    expect(p.b).toBeCloseTo(-0.05, 6);
  });
});

describe('engine helpers', () => {
  it('logitStep moves logit(x) by exactly the rate', () => {
    for (const x of [1, 20, 50, 97]) expect(logit(logitStep(x, Math.exp(-0.3))) - logit(x)).toBeCloseTo(0.3, 9);
  });

  it('approach adds the whole step far from the bound, less near it, never passes it, never goes down', () => {
    expect(approach(20, 3, 90)).toBeCloseTo(3 + 20 - (3 * 3) / (2 * 70), 2);
    expect(approach(88, 3, 90)).toBeLessThan(90);
    expect(approach(88, 3, 90)).toBeGreaterThan(88);
    expect(approach(95, 3, 90)).toBe(95);
    expect(approach(50, -1, 90)).toBe(50);
  });
});

function custom(id: string, history: Record<string, number>, baseYear = 2025): CustomGeographyDef {
  return { id, name: id, inheritFrom: 'KEN', baseYear, indicators: { internetUse: { history } } };
}

describe('nowcasts', () => {
  it('flags a figure more than three years old as stale and widens its base-year band with its age', async () => {
    const fresh = await project({ geography: custom('fresh', { 2018: 20, 2020: 25, 2022: 31, 2024: 37 }), draws: 400 });
    const old = await project({ geography: custom('old', { 2012: 8, 2014: 11, 2016: 15, 2018: 20 }), draws: 400 });
    const f = fresh.indicators.find((i) => i.id === 'internetUse')!;
    const o = old.indicators.find((i) => i.id === 'internetUse')!;
    expect(f.baselineSource.stale).toBeFalsy();
    expect(o.baselineSource.stale).toBe(true);
    expect(o.baselineSource.nowcastMethod).toMatch(/stale: the latest figure is 7 years old/);
    const width = (i: typeof f, t: number) => logit(i.p90![t]!) - logit(i.p10![t]!);
    expect(width(o, 0)).toBeGreaterThan(2 * width(f, 0));
  });

  it('never climbs faster than 5 points a year unless the series itself did', async () => {
    const r = await project({ geography: custom('slow', { 2016: 10, 2017: 11, 2018: 12, 2019: 13, 2020: 14, 2021: 15 }), uncertainty: false });
    const u = r.indicators.find((i) => i.id === 'internetUse')!;
    expect((u.baseline[0]! - 15) / 4).toBeLessThanOrEqual(5 + 1e-9);
  });

  it('describes the calibration: its own rate, its weight and its peer group', async () => {
    const r = await project({ geography: 'KEN', uncertainty: false });
    const u = r.indicators.find((i) => i.id === 'internetUse')!;
    expect(u.calibration).toMatch(/pooled logit trend: rate 0\.\d+ a year, own rate .* weighted \d+%, shrunk toward lower-middle-income economies/);
  });
});

describe('every economy, current trends', () => {
  it('households never exceed Internet use by more than 25 points in 2030, and every pooled indicator has a band of non-zero width', async () => {
    const ids = ['UGA', 'BDI', 'TKL', 'ERI', 'PSE', 'BHS', 'PRI', 'TKM', 'NER', 'SOM', 'IDN', 'TCD', 'NGA', 'world', 'africa'];
    for (const id of ids) {
      const r = await project({ geography: id, draws: 300 });
      const t30 = r.years.indexOf(2030);
      const get = (k: string) => r.indicators.find((i) => i.id === k)!;
      expect(get('households').baseline[t30]! - get('internetUse').baseline[t30]!, id).toBeLessThanOrEqual(25);
      for (const k of ['internetUse', 'households', 'mobileOwnership', 'coverage4g', 'mbbPrice']) {
        const i = get(k);
        expect(i.p90![t30]! - i.p10![t30]!, `${id} ${k}`).toBeGreaterThan(0);
      }
    }
  });

  it('a flat 4G history no longer freezes Internet use (Indonesia given its history to 2015 only)', async () => {
    const r = await project({
      geography: { id: 'idn-2015', name: 'Indonesia to 2015', inheritFrom: 'IDN', baseYear: 2015, indicators: { coverage4g: { history: { 2013: 0, 2014: 0, 2015: 0 } } } },
      uncertainty: false,
    });
    const u = r.indicators.find((i) => i.id === 'internetUse')!;
    expect(u.baseline[8]! - u.baseline[0]!).toBeGreaterThan(15);
  });
});

describe('trend-priors.json', () => {
  it('is exactly what `npm run data:priors` makes from the repository data (no drift)', () => {
    const committed = readFileSync(new URL('../../src/model/data/generated/trend-priors.json', import.meta.url), 'utf8');
    expect(buildTrendPriors()).toBe(committed);
  });
});
