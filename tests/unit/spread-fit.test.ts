// Protects the consistency of the Monte Carlo's trend bands with the errors they are fitted to
// (docs/MODEL.md §3.7): the engine draws a level and a rate shock correlated at CORRELATION, so the
// spread of its offset at horizon h is √(l² + 2ρ·l·r·h + r²·h²); fitSpread must fit that curve, not a
// straight line in h, or the simulated p10–p90 comes out narrower than the errors' own.
import { describe, expect, it } from 'vitest';
import { CORRELATION, fitSpread, type SpreadRow } from '../../scripts/lib/trend-estimation.ts';
import { mulberry32, normalPair } from '../../src/model/random.ts';

const curve = (l: number, r: number, h: number) => Math.sqrt(l * l + 2 * CORRELATION * l * r * h + r * r * h * h);

describe('fitSpread', () => {
  it('recovers the level and rate spreads of errors that follow the simulated curve', () => {
    const rows: SpreadRow[] = Array.from({ length: 8 }, (_, i) => ({ h: i + 1, s: curve(0.2, 0.07, i + 1), n: 100 - i * 10 }));
    const f = fitSpread(rows);
    expect(f.level).toBeCloseTo(0.2, 3);
    expect(f.rate).toBeCloseTo(0.07, 3);
  });

  it('gives draws whose 90th percentile at each horizon is the errors\' own', () => {
    const rows: SpreadRow[] = [1, 2, 3, 4, 5, 6].map((h) => ({ h, s: 0.3 + 0.1 * h, n: 50 }));
    const { level, rate } = fitSpread(rows);
    const rand = mulberry32(7);
    const rest = Math.sqrt(1 - CORRELATION ** 2);
    const pair = new Float64Array(2);
    for (const h of [1, 3, 6]) {
      const xs: number[] = [];
      for (let d = 0; d < 40000; d++) {
        normalPair(rand, pair);
        const z1 = pair[0]!, z2 = pair[1]!;
        xs.push(level * z1 + h * rate * (CORRELATION * z1 + rest * z2));
      }
      xs.sort((a, b) => a - b);
      const q90 = xs[Math.floor(0.9 * xs.length)]!;
      // within 3% of the fitted target s_h·z90 (a straight line is not exactly the curve; sampling adds ~1%)
      expect(Math.abs(q90 / (1.2816 * (0.3 + 0.1 * h)) - 1)).toBeLessThan(0.03);
    }
  });

  it('never returns a negative spread, and a flat error profile is all level', () => {
    const f = fitSpread([1, 2, 3, 4].map((h) => ({ h, s: 0.5, n: 10 })));
    expect(f.rate).toBeLessThan(1e-3);
    expect(f.level).toBeCloseTo(0.5, 3);
    const g = fitSpread([1, 2, 3].map((h) => ({ h, s: 0.1 * h, n: 10 })));
    expect(g.level).toBeGreaterThanOrEqual(0);
    expect(g.rate).toBeGreaterThan(0.09);
  });
});
