// Protects how the back-test scores a band (docs/VALIDATION.md): a realised 100 (full coverage) is inside a
// band whose p90 reaches 99.95, since a logit band approaches 100 but never reaches it; nothing else is
// rounded, so a value a hair outside an edge stays outside.
import { describe, expect, it } from 'vitest';
import { insideBand } from '../../src/cli/backtest.ts';

describe('back-test band scoring', () => {
  it('counts a realised 100 inside a band that reaches full coverage, and only then', () => {
    expect(insideBand({ actual: 100, p10: 97, p90: 99.97 })).toBe(true);
    expect(insideBand({ actual: 100, p10: 97, p90: 99.9 })).toBe(false);
  });
  it('takes other edges as they are (no rounding either way)', () => {
    expect(insideBand({ actual: 99.94, p10: 97, p90: 99.944 })).toBe(true);
    expect(insideBand({ actual: 99.95, p10: 97, p90: 99.944 })).toBe(false);
    expect(insideBand({ actual: 53.63, p10: 53.64, p90: 60 })).toBe(false);
    expect(insideBand({ actual: 53.64, p10: 53.64, p90: 60 })).toBe(true);
  });
});
