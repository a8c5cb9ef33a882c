// Calibration helpers for the indicators without pooled trends: fitGapClosing recovers the rate that
// generated a series and refuses windows that cannot carry one.
import { describe, expect, it } from 'vitest';
import { fitGapClosing, linearTrend, type Point } from '../../src/model/calibrate.ts';

function gapSeries(x0: number, rate: number, from: number, to: number): Point[] {
  const pts: Point[] = [];
  let x = x0;
  for (let y = from; y <= to; y++) {
    pts.push({ year: y, value: x });
    x += rate * (100 - x);
  }
  return pts;
}

describe('fitGapClosing', () => {
  for (const rate of [0.05, 0.13, 0.3]) {
    it(`recovers a gap-closing rate of ${rate} (to 1e-9)`, () => {
      const fit = fitGapClosing(gapSeries(40, rate, 2015, 2024));
      expect(fit).not.toBeNull();
      expect(Math.abs(fit! - rate)).toBeLessThan(1e-9);
    });
  }

  it('returns null when the gap is already closed or the window is too short', () => {
    expect(fitGapClosing([{ year: 2020, value: 99.8 }, { year: 2024, value: 99.9 }])).toBeNull();
    expect(fitGapClosing([{ year: 2023, value: 50 }, { year: 2024, value: 60 }])).toBeNull();
  });
});

describe('linearTrend (the back-test baseline)', () => {
  it('passes through a straight line exactly and extrapolates it', () => {
    const pts = Array.from({ length: 6 }, (_, i) => ({ year: 2010 + i, value: 10 + 3 * i }));
    const f = linearTrend(pts, 10)!;
    expect(f(2015)).toBeCloseTo(25, 9);
    expect(f(2020)).toBeCloseTo(40, 9);
    expect(linearTrend(pts.slice(0, 1))).toBeNull();
  });
});
