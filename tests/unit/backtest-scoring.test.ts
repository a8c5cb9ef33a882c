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
      forecast: { model: 99, 'own logit': 99, linear: 99, 'last value': 99 }, p10: 98, p90: 99.99, belowFull, from: 98,
    });
    // inside (1) + saturated forecast at a realised 100 (0.8) + outside (0) = 1.8 of 3
    expect(score([pt(99, 0.9), pt(100, 0), pt(97, 0.9)], []).coverage).toBeCloseTo(0.6, 12);
  });
});

describe('back-test sharpness and sampling error', () => {
  it('scores a band by its width plus ten times its miss (interval score, α = 0.2)', async () => {
    const { intervalScore } = await import('../../src/cli/backtest.ts');
    expect(intervalScore({ actual: 50, p10: 45, p90: 55 })).toBe(10);
    expect(intervalScore({ actual: 57, p10: 45, p90: 55 })).toBe(10 + 10 * 2);
    expect(intervalScore({ actual: 40, p10: 45, p90: 55 })).toBe(10 + 10 * 5);
    // a realised 100 against a band reaching 99.95 is censored there, not a miss
    expect(intervalScore({ actual: 100, p10: 99, p90: 99.97 })).toBeCloseTo(0.97, 10);
  });
  it('resamples whole economies, so its interval holds the statistic and narrows with more of them', async () => {
    const { economyBootstrap } = await import('../../src/cli/backtest.ts');
    const pts = (k: number): ScoredPoint[] => Array.from({ length: k }, (_, i) => ({
      economy: `E${i}`, income: 'high', region: 'europe', indicator: 'internetUse', vantage: 2015, horizon: 1, actual: i % 7,
      forecast: { model: 0, 'own logit': 0, linear: 0, 'last value': 0 }, p10: 0, p90: 1, belowFull: 1, from: 0,
    }));
    const mean = (p: ScoredPoint[]) => p.reduce((a, x) => a + x.actual, 0) / p.length;
    const [lo, hi] = economyBootstrap(pts(70), mean);
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
    const [lo2, hi2] = economyBootstrap(pts(700), mean);
    expect(hi2 - lo2).toBeLessThan((hi - lo) * 0.6);
    // seeded: the same interval every run
    expect(economyBootstrap(pts(70), mean)).toEqual([lo, hi]);
  });
});

describe('back-test by source', () => {
  it('marks a held-back value as an ITU estimate exactly when the estimates set names it', async () => {
    const { runBacktest } = await import('../../src/cli/backtest.ts');
    const d = await runBacktest({ only: ['KEN'], vantages: [2015], indicators: ['internetUse'], draws: 50, estimates: new Set(['KEN:internetUse:2017']) });
    expect(d.points.length).toBeGreaterThan(1);
    for (const p of d.points) expect(p.estimate, String(p.vantage + p.horizon)).toBe(p.vantage + p.horizon === 2017);
    // without the set, nothing is claimed either way
    const plain = await runBacktest({ only: ['KEN'], vantages: [2015], indicators: ['internetUse'], draws: 50 });
    expect(plain.points.every((p) => p.estimate === undefined)).toBe(true);
  });
});
