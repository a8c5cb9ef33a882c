// Protects the structural sharing of successive projection results (src/lib/keep-unchanged.ts):
// the merged result always equals the new one, never modifies either input, and reuses the previous
// objects exactly where nothing changed, so the UI re-renders only the rows a lever moved.
import { describe, expect, it } from 'vitest';
import { project } from '../../src/model/index.ts';
import { keepUnchanged } from '../../src/lib/keep-unchanged.ts';

describe('keepUnchanged', () => {
  it('returns the previous value when everything is equal, and the new one for changed leaves', () => {
    const prev = { a: [1, 2, { b: 'x' }], c: null, d: NaN };
    const next = structuredClone(prev);
    expect(keepUnchanged(prev, next)).toBe(prev);
    expect(keepUnchanged(1, 2)).toBe(2);
    expect(keepUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(keepUnchanged<Record<string, number>>({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(keepUnchanged<Record<string, number | undefined>>({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
  });

  it('shares the unchanged parts of a changed object and leaves both inputs as they were', () => {
    const prev = { same: { v: [1, 2] }, moved: { path: [1, 2], info: { s: 'ok' } } };
    const next = { same: { v: [1, 2] }, moved: { path: [1, 3], info: { s: 'ok' } } };
    const before = structuredClone({ prev, next });
    const out = keepUnchanged(prev, next);
    expect(out).toEqual(next);
    expect(out).not.toBe(prev);
    expect(out.same).toBe(prev.same);
    expect(out.moved).not.toBe(prev.moved);
    expect(out.moved.info).toBe(prev.moved.info);
    expect(out.moved.path).not.toBe(prev.moved.path);
    expect({ prev, next }).toEqual(before);
  });

  it('on two real projections, reuses exactly the indicators a lever did not move', async () => {
    const a = await project({ geography: 'world', uncertainty: false });
    const b = await project({ geography: 'world', levers: { networkRollout: { value: 20 } }, uncertainty: false });
    const out = keepUnchanged(a, b);
    expect(out).toEqual(b);
    let kept = 0;
    out.indicators.forEach((ind, i) => {
      const same = JSON.stringify(ind) === JSON.stringify(a.indicators[i]);
      expect(ind === a.indicators[i]).toBe(same);
      if (same) kept++;
      else expect(ind.history).toBe(a.indicators[i]!.history);
    });
    // the lever moves some indicators and leaves others: both cases are exercised
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(out.indicators.length);
    expect(out.years).toBe(a.years);
  });
});
