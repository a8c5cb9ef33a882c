// Protects the Monte Carlo's reuse of its draws: a lever drag repeats only the scenario runs, so the
// kept draws must be exactly the ones a fresh start would make, and the shortcut for "every lever off"
// must be exactly the full scenario run.
import { describe, expect, it } from 'vitest';
import { drawSet, monteCarlo, zeroLevers } from '../../src/model/monte-carlo.ts';
import { prepareGeography, validateInputs } from '../../src/model/project.ts';
import { leverSchedule } from '../../src/model/engine.ts';
import { LEVERS, LEVER_COUNT } from '../../src/model/registry/levers.ts';
import { INDICATOR_COUNT } from '../../src/model/registry/indicators.ts';

async function setUp(id: string) {
  const c = await prepareGeography(id);
  const levers = Object.fromEntries(LEVERS.map((l) => [l.id, (l.min + l.max) / 2]));
  const inp = validateInputs({ geography: id, levers }, c.engine.baseYear);
  return { g: c.engine, params: inp.params, lev: leverSchedule(c.engine.baseYear, c.engine.years, inp.values, inp.starts) };
}

const same = (a: ReturnType<typeof monteCarlo>, b: ReturnType<typeof monteCarlo>) => {
  for (const k of ['p10', 'p50', 'p90', 'pMeet', 'costP10', 'costP50', 'costP90'] as const) expect([...a[k]], k).toEqual([...b[k]]);
};

describe('Monte Carlo draw reuse', () => {
  it('bands are identical whether the draws were kept from the last call or made afresh', async () => {
    const { g, params, lev } = await setUp('KEN');
    const warm1 = monteCarlo(g, params, lev, 400, 5);
    const warm2 = monteCarlo(g, params, lev, 400, 5); // kept draws
    monteCarlo(g, params, lev, 400, 6); // another seed replaces the kept set
    const fresh = monteCarlo(g, params, lev, 400, 5);
    same(warm1, warm2);
    same(warm1, fresh);
  });

  it('a changed central value or base value gives new draws, not the kept ones', async () => {
    const { g, params, lev } = await setUp('KEN');
    const before = monteCarlo(g, params, lev, 300, 9);
    const moved = Float64Array.from(params);
    moved[0] = moved[0]! * 1.1 + 0.01;
    const a = drawSet(g, params, 300, 9), b = drawSet(g, moved, 300, 9);
    expect(a).not.toBe(b);
    expect(b.params[0]).not.toBe(a.params[0]);
    const g2 = { ...g, base: Float64Array.from(g.base, (v) => v * 0.9) };
    expect(drawSet(g2, params, 300, 9)).not.toBe(drawSet(g, params, 300, 9));
    same(before, monteCarlo(g, params, lev, 300, 9));
  });

  it('with every lever off, the full scenario run equals the kept current-trends run and costs nothing', async () => {
    const { g, params } = await setUp('DEU');
    const set = drawSet(g, params, 200, 3);
    const out = new Float64Array(INDICATOR_COUNT * g.years);
    const costs = new Float64Array(LEVER_COUNT * g.years);
    for (let d = 0; d < 200; d++) {
      const trend = set.trend(d);
      set.run(d, zeroLevers(g.years), out, costs, trend);
      expect([...out]).toEqual([...trend]);
      expect(costs.every((c) => c === 0)).toBe(true);
    }
  });
});
