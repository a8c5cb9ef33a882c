// Pooled current trends: series screening explains what it drops, short series borrow their peers'
// rate (no trend rests on two or three points), nowcasts are flagged stale with wider bands, the
// indicators stay coherent, every band has width, and the published tables match what the script makes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { project, type CustomGeographyDef } from '../../src/model/index.ts';
import { fitRateModels, invLogit, logit, ownSlope, pooledRate, screenSeries, type RateCase, type RateModel } from '../../src/model/trends.ts';
import { approach, logitStep } from '../../src/model/engine.ts';
import { buildTrendPriors } from '../../scripts/lib/trend-priors-build.ts';

const pts = (o: Record<number, number>) => Object.entries(o).map(([y, v]) => ({ year: Number(y), value: v }));
const MODEL: RateModel = { full: { intercept: 0.1, level: 0, own: 0.5 }, short: { intercept: 0.2, level: 0 }, n: 100, min: 0.02, max: 0.6 };

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

describe('pooled rates', () => {
  it('a two-point series has no own rate: its trend is its peers’ (no trend rests on two points)', () => {
    const own = ownSlope([{ year: 2020, value: 20 }, { year: 2021, value: 40 }]);
    expect(pooledRate(own, MODEL, 30)).toEqual({ slope: 0.2, usesOwn: false });
  });

  it('with three points or more, the own rate counts by the coefficient the peers’ history earned it', () => {
    const own = ownSlope(Array.from({ length: 6 }, (_, i) => ({ year: 2016 + i, value: invLogit(-2 + 0.3 * i) })));
    const r = pooledRate(own, MODEL, 40);
    expect(r.usesOwn).toBe(true);
    expect(r.slope).toBeCloseTo(0.1 + 0.5 * 0.3, 9);
  });

  it('never leaves the range of rates the peers realised, and never falls below zero', () => {
    const steep = ownSlope(Array.from({ length: 8 }, (_, i) => ({ year: 2016 + i, value: invLogit(-4 + 2 * i) })));
    expect(pooledRate(steep, MODEL, 10).slope).toBe(0.6);
    expect(pooledRate(ownSlope([]), { ...MODEL, short: { intercept: -1, level: 0 }, min: -0.5 }, 10).slope).toBe(0);
  });

  it('fitRateModels recovers the rule that generated the realised rates, per group, and drops an own rate that would count negatively', () => {
    const cases: RateCase[] = [];
    for (let i = 0; i < 200; i++) {
      const level = 5 + (i % 90);
      const own = 0.1 + 0.002 * ((i * 37) % 100);
      const group = i % 2 ? 'low' : 'high';
      cases.push({ level, own, group, realised: (group === 'low' ? 0.3 : 0.1) - 0.02 * logit(level) + 0.4 * own });
    }
    const m = fitRateModels(cases, ['low', 'high'])!;
    expect(m.low!.full.own).toBeCloseTo(0.4, 2);
    expect(m.low!.full.level).toBeCloseTo(-0.02, 2);
    expect(m.low!.full.intercept - m.high!.full.intercept).toBeCloseTo(0.2, 2);
    const contrary = cases.map((c) => ({ ...c, realised: 0.2 - 0.5 * c.own }));
    expect(fitRateModels(contrary, ['low', 'high'])!.all!.full.own).toBe(0);
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

  it('a series thinned to every other year, or cut three years short, keeps nearly the same current trend', async () => {
    const { prepareGeography } = await import('../../src/model/index.ts');
    for (const id of ['KEN', 'BRA', 'VNM', 'SEN']) {
      const full = (await prepareGeography(id)).history.internetUse ?? [];
      const pts = full.filter((p) => p.year >= 2010 && p.year <= 2024);
      const hist = (xs: typeof pts) => Object.fromEntries(xs.map((p) => [String(p.year), p.value]));
      const run = async (tag: string, xs: typeof pts) => {
        const r = await project({ geography: { id: `${id}-${tag}`, name: tag, inheritFrom: id, baseYear: 2025, indicators: { internetUse: { history: hist(xs) } } }, draws: 300 });
        return r.indicators.find((i) => i.id === 'internetUse')!;
      };
      const whole = await run('whole', pts);
      // every other year, ending on the same last figure: the pooled rate does not rest on the count of points
      const thinned = await run('thinned', pts.filter((p) => (pts.at(-1)!.year - p.year) % 2 === 0));
      expect(Math.abs(thinned.baseline[5]! - whole.baseline[5]!), `${id} thinned`).toBeLessThan(3);
      // three years short: a nowcast along the pooled curve, flagged when stale, with a wider band in 2030
      const aged = await run('aged', pts.filter((p) => p.year <= pts.at(-1)!.year - 3));
      const width = (i: typeof whole) => i.p90![5]! - i.p10![5]!;
      expect(width(aged), `${id} aged band`).toBeGreaterThan(width(whole));
      const lastAged = pts.filter((p) => p.year <= pts.at(-1)!.year - 3).at(-1)!;
      expect((aged.baseline[0]! - lastAged.value) / (2025 - lastAged.year), `${id} aged nowcast pace`).toBeLessThanOrEqual(5 + 1e-9);
    }
  });

  it('never climbs faster than 5 points a year unless the series itself did', async () => {
    const r = await project({ geography: custom('slow', { 2016: 10, 2017: 11, 2018: 12, 2019: 13, 2020: 14, 2021: 15 }), uncertainty: false });
    const u = r.indicators.find((i) => i.id === 'internetUse')!;
    expect((u.baseline[0]! - 15) / 4).toBeLessThanOrEqual(5 + 1e-9);
  });

  it('describes the calibration: its own rate, its weight and its peer group', async () => {
    const r = await project({ geography: 'KEN', uncertainty: false });
    const u = r.indicators.find((i) => i.id === 'internetUse')!;
    expect(u.calibration).toMatch(/pooled logit trend: rate 0\.\d+ a year at this level, own rate .* counted at -?\d\.\d\d, from the rates that lower-middle-income economies/);
  });
});

describe('split-normal bands by level', () => {
  it('a network near full coverage takes the spreads of economies at its level, narrower below than above', async () => {
    const { pooledTable } = await import('../../src/model/trend-tables.ts');
    const near = pooledTable('coverage4g', 2025, 'high', false, 97).spread;
    const rolling = pooledTable('coverage4g', 2025, 'high', false, 30).spread;
    // the lower tail near full coverage is narrower than a rollout's, and than its own upper tail at five years
    expect(near.levelLow + 5 * near.rateLow).toBeLessThan(rolling.levelLow + 5 * rolling.rateLow);
    expect(near.levelLow).toBeLessThan(near.level);
    // World and regions keep their symmetric aggregate spreads
    const world = pooledTable('coverage4g', 2025, 'all', true, 97).spread;
    expect(world.levelLow).toBe(world.level);
    expect(world.rateLow).toBe(world.rate);
  });

  it('a band has the two sides its level band\'s table gives (Internet use at 60%)', async () => {
    const { pooledTable } = await import('../../src/model/trend-tables.ts');
    const geography: CustomGeographyDef = { id: 'mid', name: 'mid', inheritFrom: 'DEU', baseYear: 2025, indicators: { internetUse: { history: { 2019: 45, 2020: 48, 2021: 51, 2022: 54, 2023: 57, 2024: 60 } } } };
    const r = await project({ geography, draws: 4000 });
    const u = r.indicators.find((i) => i.id === 'internetUse')!;
    const s = pooledTable('internetUse', 2025, 'high', false, 60).spread;
    expect(s.level + s.rate, 'the table is asymmetric at 50–90%').not.toBeCloseTo(s.levelLow + s.rateLow, 2);
    for (const year of [2026, 2029]) {
      const t = r.years.indexOf(year), h = t + 1; // last figure 2024: one year behind the base year
      const below = logit(u.baseline[t]!) - logit(u.p10![t]!);
      const above = logit(u.p90![t]!) - logit(u.baseline[t]!);
      const expected = (s.levelLow + h * s.rateLow) / (s.level + h * s.rate);
      // a draw takes its side by its level shock's sign; its rate shock, correlated at 0.9, rarely disagrees
      expect(below / above, String(year)).toBeGreaterThan(0.75 * expected);
      expect(below / above, String(year)).toBeLessThan(1.33 * expected);
    }
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

  it('all 243 geographies: nowcasts climb ≤ 5 points a year or say why, households ≤ use + 25 in 2030, every band has width', async () => {
    const { listGeographies } = await import('../../src/model/index.ts');
    const ids = listGeographies().map((g) => g.id);
    expect(ids.length).toBeGreaterThanOrEqual(243);
    for (const id of ids) {
      const r = await project({ geography: id, draws: 100 });
      const t30 = r.years.indexOf(2030);
      const get = (k: string) => r.indicators.find((i) => i.id === k)!;
      expect(get('households').baseline[t30]! - get('internetUse').baseline[t30]!, id).toBeLessThanOrEqual(25);
      for (const k of ['internetUse', 'households']) {
        // from the figure the baseline was carried from (an economy's own, or a lender's scaled one)
        const i = get(k), last = i.baselineSource.fact;
        if (last.year >= r.baseYear) continue;
        const pace = (i.baseline[0]! - last.value) / (r.baseYear - last.year);
        if (pace > 5 + 1e-9) expect(i.baselineSource.nowcastMethod, `${id} ${k} climbs ${pace.toFixed(1)} a year`).toMatch(/as its own series did/);
      }
      for (const i of r.indicators) if (i.p10 && i.p90) expect(i.p90[t30]! - i.p10[t30]!, `${id} ${i.id} band`).toBeGreaterThan(0);
    }
  }, 120_000);

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

describe('Monte Carlo band quantiles', () => {
  // protects the p10/p50/p90 of every band and cost: the binned selection must give exactly what a full sort gives
  it('bandQuantiles equals the sorted-array quantiles: ties, skewed, constant, odd sizes, huge ranges and NaN columns', async () => {
    const { bandQuantiles } = await import('../../src/model/monte-carlo.ts');
    const { mulberry32 } = await import('../../src/model/random.ts');
    const rand = mulberry32(11);
    const columns: Float64Array[] = [];
    for (const n of [1, 2, 3, 10, 101, 1000, 4097]) {
      columns.push(Float64Array.from({ length: n }, () => Math.round(rand() * 50) / 5)); // ties
      columns.push(Float64Array.from({ length: n }, () => Math.exp(12 * rand()))); // skewed over five orders of magnitude
      columns.push(Float64Array.from({ length: n }, () => (rand() < 0.95 ? 100 : 100 - 1e-9 * rand()))); // one value, a sliver below
      columns.push(new Float64Array(n).fill(42)); // constant
      columns.push(Float64Array.from({ length: n }, () => (rand() - 0.5) * 1e300)); // range near overflow
    }
    columns.push(Float64Array.of(3, Number.NaN, 1, 2));
    const out = new Float64Array(3);
    for (const a of columns) {
      const n = a.length;
      const sorted = Float64Array.from(a).sort();
      const ref = (q: number) => {
        const pos = q * (n - 1), lo = Math.floor(pos), hi = Math.min(n - 1, lo + 1);
        return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
      };
      bandQuantiles(Float64Array.from(a), out);
      expect([...out], `n=${n} first=${a[0]}`).toEqual([ref(0.1), ref(0.5), ref(0.9)]);
    }
  });
});

describe("households' margin over use by use's level", () => {
  // protects the coherence rule that keeps households near use where few people are online
  it('marginAtUse is flat beyond the outer band midpoints, linear between them, and continuous', async () => {
    const { marginAtUse, USE_BANDS } = await import('../../src/model/trends.ts');
    const bands = [9, 22, 22, 22, 15];
    expect(marginAtUse(bands, 0)).toBe(9);
    expect(marginAtUse(bands, 5)).toBe(9);
    expect(marginAtUse(bands, 100)).toBe(15);
    expect(marginAtUse(bands, 12.5)).toBeCloseTo(9 + (13 * 7.5) / 15, 10); // halfway-ish between midpoints 5 and 20
    expect(marginAtUse(bands, 40)).toBe(22);
    for (let u = 0; u < 100; u += 0.5) expect(Math.abs(marginAtUse(bands, u + 0.01) - marginAtUse(bands, u))).toBeLessThan(0.05);
    expect(USE_BANDS.length - 1).toBe(bands.length);
  });
  it('the committed table never lets households sit further above use than the overall margin', async () => {
    const { coherenceMargins } = await import('../../src/model/trend-tables.ts');
    for (const V of [2010, 2015, 2020, 2025]) {
      const m = coherenceMargins(V);
      for (const b of m.householdsOverUseByUse) expect(b).toBeLessThanOrEqual(m.householdsOverUse + 1e-9);
      expect(m.householdsOverUseByUse[0]).toBeLessThan(m.householdsOverUse); // few users: a tighter margin
    }
  });
});
