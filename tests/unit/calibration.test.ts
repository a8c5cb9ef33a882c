// Calibration of current trends to history: the fits recover the rates that generated a series, a
// custom geography calibrated on a synthetic logistic continues that curve, and the back-test holds.
import { describe, expect, it } from 'vitest';
import { fitDecline, fitGapClosing, fitLogistic, type Point } from '../../src/model/calibrate.ts';
import { project } from '../../src/model/index.ts';
import { median, runBacktest } from '../../src/cli/backtest.ts';

/** A discrete logistic x(t+1) = x + r·x·(1 − x/K) from x0 at year `from`, as points through `to`. */
function logisticSeries(x0: number, r: number, K: number, from: number, to: number): Point[] {
  const pts: Point[] = [];
  let x = x0;
  for (let y = from; y <= to; y++) {
    pts.push({ year: y, value: x });
    x += r * x * (1 - x / K);
  }
  return pts;
}

function gapSeries(x0: number, rate: number, from: number, to: number): Point[] {
  const pts: Point[] = [];
  let x = x0;
  for (let y = from; y <= to; y++) {
    pts.push({ year: y, value: x });
    x += rate * (100 - x);
  }
  return pts;
}

const asRecord = (pts: readonly Point[]): Record<string, number> => Object.fromEntries(pts.map((p) => [String(p.year), p.value]));

describe('fitLogistic', () => {
  for (const [x0, r] of [[5, 0.25], [12, 0.12], [2, 0.45], [30, 0.08]] as const) {
    it(`recovers r = ${r} within 0.01 from a logistic generated with that rate (x0 = ${x0}, K = 95)`, () => {
      const pts = logisticSeries(x0, r, 95, 2010, 2019);
      const fit = fitLogistic(pts, 95, 10);
      expect(fit).not.toBeNull();
      expect(Math.abs(fit!.r - r)).toBeLessThan(0.01);
      expect(fit!.K).toBe(95);
      expect(fit!.from).toBe(2010);
      expect(fit!.to).toBe(2019);
      expect(fit!.rmse).toBeLessThan(0.1);
    });
  }

  it('uses only the last `span` calendar years and returns null for too little history', () => {
    const pts = logisticSeries(5, 0.3, 95, 2000, 2019);
    expect(fitLogistic(pts, 95, 10)!.from).toBe(2010);
    expect(fitLogistic(pts.slice(0, 2), 95)).toBeNull();
    expect(fitLogistic([{ year: 2010, value: 5 }, { year: 2011, value: 6 }, { year: 2012, value: 7 }], 95)).toBeNull(); // spans only 2 years
  });
});

describe('fitGapClosing and fitDecline', () => {
  for (const rate of [0.05, 0.13, 0.3]) {
    it(`fitGapClosing recovers a gap-closing rate of ${rate} (to 1e-9)`, () => {
      const fit = fitGapClosing(gapSeries(40, rate, 2015, 2024));
      expect(fit).not.toBeNull();
      expect(Math.abs(fit! - rate)).toBeLessThan(1e-9);
    });
  }

  it('fitGapClosing returns null when the gap is already closed or the window is too short', () => {
    expect(fitGapClosing([{ year: 2020, value: 99.8 }, { year: 2024, value: 99.9 }])).toBeNull();
    expect(fitGapClosing([{ year: 2023, value: 50 }, { year: 2024, value: 60 }])).toBeNull();
  });

  it('fitDecline recovers a geometric decline of 7% a year', () => {
    const pts = Array.from({ length: 7 }, (_, i) => ({ year: 2018 + i, value: 4 * Math.pow(0.93, i) }));
    expect(Math.abs(fitDecline(pts)! - 0.07)).toBeLessThan(1e-9);
  });
});

describe('custom geography calibrated on a synthetic logistic', () => {
  for (const [x0, r] of [[5, 0.25], [15, 0.15]] as const) {
    it(`continues the generating curve (x0 = ${x0}, r = ${r}, K = 95) within 0.5 points for 5 years after the base year`, async () => {
      const BASE = 2019;
      const curve = logisticSeries(x0, r, 95, 2008, BASE + 5);
      const history = asRecord(curve.filter((p) => p.year <= BASE));
      const res = await project({
        geography: { id: `synthetic-${r}`, name: 'Synthetic logistic', inheritFrom: 'world', baseYear: BASE, indicators: { internetUse: { history } } },
        uncertainty: false,
      });
      expect(res.baseYear).toBe(BASE);
      const use = res.indicators.find((i) => i.id === 'internetUse')!;
      expect(use.baselineSource.status).toBe('user');
      expect(use.calibration).toMatch(/logistic/);
      for (let t = 0; t <= 5; t++) {
        const expected = curve.find((p) => p.year === BASE + t)!.value;
        expect(Math.abs(use.baseline[t]! - expected), `${BASE + t}: model ${use.baseline[t]} vs curve ${expected}`).toBeLessThan(0.5);
      }
      // and it is genuinely projecting (not flat): the path rises with the curve
      expect(use.baseline[5]! - use.baseline[0]!).toBeGreaterThan(3);
    });
  }

  it('a figure older than the base year is nowcast along its fitted logistic (within 0.5 points of the curve)', async () => {
    const curve = logisticSeries(5, 0.25, 95, 2008, 2022);
    const history = asRecord(curve.filter((p) => p.year <= 2017));
    const res = await project({
      geography: { id: 'synthetic-nowcast', name: 'Synthetic nowcast', inheritFrom: 'world', baseYear: 2020, indicators: { internetUse: { history } } },
      uncertainty: false,
    });
    const use = res.indicators.find((i) => i.id === 'internetUse')!;
    expect(use.baselineSource.status).toBe('nowcast');
    expect(use.baselineSource.nowcastFrom).toBe(2017);
    expect(Math.abs(use.baselineSource.value - curve.find((p) => p.year === 2020)!.value)).toBeLessThan(0.5);
  });
});

describe('back-test', () => {
  it('calibrated current trends beat a linear trend (median MAE) and World MAE stays under 3 points', async () => {
    const rows = await runBacktest();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const world = rows.find((r) => r.series === 'World');
    expect(world).toBeDefined();
    expect(world!.years.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Number.isFinite(r.modelMae), r.series).toBe(true);
      expect(r.model).toHaveLength(r.actual.length);
    }
    expect(world!.modelMae).toBeLessThan(3);
    expect(median(rows.map((r) => r.modelMae))).toBeLessThan(median(rows.map((r) => r.linearMae)));
  });
});
