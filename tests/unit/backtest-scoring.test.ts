// Protects how the back-test scores a band (docs/VALIDATION.md): a realised 100 (full coverage) is
// censored at 99.95, since ITU publishes one decimal and a logit band approaches 100 but never reaches it,
// so it counts as the forecast's own probability of being in the band given a value of at least 99.95;
// nothing else is rounded, so a value a hair outside an edge stays outside.
import { describe, expect, it } from 'vitest';
import { coverageWeight, score, type ScoredPoint } from '../../src/cli/backtest.ts';

describe('back-test band scoring', () => {
  it('counts a realised 100 by the forecast\'s conditional probability of the band, never as a certain hit', () => {
    // half the draws below 99.95: given Y ≥ 99.95, P(Y ≤ p90) − P(Y < 99.95) = 0.4 of the remaining 0.5
    expect(coverageWeight({ actual: 100, p10: 97, p90: 99.97, belowFull: 0.5 })).toBeCloseTo(0.8, 12);
    // a forecast already at full coverage (every draw at 99.95 or more) counts 0.8, as a calibrated band would
    expect(coverageWeight({ actual: 100, p10: 99.96, p90: 99.99, belowFull: 0 })).toBeCloseTo(0.8, 12);
    // 85% of draws below: only 0.05 of the remaining 0.15 lies inside the band
    expect(coverageWeight({ actual: 100, p10: 90, p90: 99.96, belowFull: 0.85 })).toBeCloseTo(1 / 3, 12);
    // a band that stops short of 99.95 misses a realised 100 entirely
    expect(coverageWeight({ actual: 100, p10: 97, p90: 99.9, belowFull: 0.95 })).toBe(0);
  });
  it('takes other edges as they are (no rounding either way)', () => {
    const w = (actual: number, p10: number, p90: number) => coverageWeight({ actual, p10, p90, belowFull: 1 });
    expect(w(99.94, 97, 99.944)).toBe(1);
    expect(w(99.95, 97, 99.944)).toBe(0);
    expect(w(53.63, 53.64, 60)).toBe(0);
    expect(w(53.64, 53.64, 60)).toBe(1);
  });
  it('averages the weights into the coverage share', () => {
    const pt = (actual: number, belowFull: number): ScoredPoint => ({
      economy: 'X', income: 'high', region: 'europe', indicator: 'coverage4g', vantage: 2018, horizon: 1, actual,
      forecast: { model: 99, 'own logit': 99, linear: 99, 'last value': 99 }, p10: 98, p90: 99.99, belowFull,
    });
    // inside (1) + saturated forecast at a realised 100 (0.8) + outside (0) = 1.8 of 3
    expect(score([pt(99, 0.9), pt(100, 0), pt(97, 0.9)], []).coverage).toBeCloseTo(0.6, 12);
  });
});
