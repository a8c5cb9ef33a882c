// Projection requests end to end: default levers reproduce current trends, the seeded Monte Carlo is
// deterministic and its bands are ordered, cost accounting adds up, and overrides / bad input behave.
import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_IDS,
  INDICATORS,
  LEVERS,
  ModelInputError,
  PARAMETERS,
  TARGET_YEAR,
  project,
  type IndicatorId,
  type LeverId,
  type ProjectionRequest,
  type ProjectionResult,
} from '../../src/model/index.ts';

const SAMPLE_ECONOMIES = ['NER', 'KEN', 'IND', 'BRA', 'DEU', 'YEM', 'KGZ', 'PRK'] as const;
const GEOS: readonly string[] = [...AGGREGATE_IDS, ...SAMPLE_ECONOMIES];
const MAX_LEVERS = Object.fromEntries(LEVERS.map((l) => [l.id, l.max])) as Record<LeverId, number>;
const HALF_LEVERS = Object.fromEntries(LEVERS.map((l) => [l.id, l.max / 2])) as Record<LeverId, number>;

function ind(r: ProjectionResult, id: IndicatorId) {
  const i = r.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
}

/** Resolves to the ModelInputError `req` is rejected with (fails the test if it resolves or throws something else). */
async function inputError(req: ProjectionRequest): Promise<ModelInputError> {
  try {
    await project(req);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelInputError);
    return e as ModelInputError;
  }
  throw new Error(`expected ${JSON.stringify(req)} to be rejected`);
}

describe('default levers reproduce current trends exactly', () => {
  for (const geo of GEOS) {
    it(`${geo}: scenario deep-equals baseline for every indicator and every cost is 0`, async () => {
      const r = await project({ geography: geo, uncertainty: false });
      expect(r.indicators).toHaveLength(INDICATORS.length);
      for (const i of r.indicators) expect(i.scenario, i.id).toEqual(i.baseline);
      expect(r.cost.totalUsd).toBe(0);
      for (const l of LEVERS) {
        expect(r.cost.byLever[l.id], l.id).toBe(0);
        expect(r.cost.annual[l.id]!.every((c) => c === 0), l.id).toBe(true);
      }
    });
  }

  it('explicit zero levers (with start years) give the same result as no levers at all', async () => {
    const none = await project({ geography: 'africa', uncertainty: false });
    const zeros = Object.fromEntries(LEVERS.map((l) => [l.id, { value: 0, start: 2028 }]));
    const r = await project({ geography: 'africa', uncertainty: false, levers: zeros });
    r.indicators.forEach((i, k) => {
      expect(i.scenario, i.id).toEqual(none.indicators[k]!.scenario);
      expect(i.scenario, i.id).toEqual(i.baseline);
    });
    expect(r.cost.totalUsd).toBe(0);
  });

  it('levers do not change the current-trends path (baseline is independent of the scenario)', async () => {
    const none = await project({ geography: 'world', uncertainty: false });
    const r = await project({ geography: 'world', uncertainty: false, levers: MAX_LEVERS });
    r.indicators.forEach((i, k) => expect(i.baseline, i.id).toEqual(none.indicators[k]!.baseline));
    // and the levers did do something, so the comparison above is not vacuous
    expect(r.indicators.some((i) => i.scenario.some((v, t) => v !== i.baseline[t]))).toBe(true);
  });
});

describe('Monte Carlo determinism', () => {
  const req = (seed: number): ProjectionRequest => ({ geography: 'africa', levers: HALF_LEVERS, draws: 60, seed });

  it('the same seed gives identical p10/p50/p90/pMeet', async () => {
    const a = await project(req(12345));
    const b = await project(req(12345));
    a.indicators.forEach((x, k) => {
      const y = b.indicators[k]!;
      expect(y.p10, x.id).toEqual(x.p10);
      expect(y.p50, x.id).toEqual(x.p50);
      expect(y.p90, x.id).toEqual(x.p90);
      expect(y.pMeet, x.id).toBe(x.pMeet);
    });
  });

  it('a different seed changes some band, but never the central run', async () => {
    const a = await project(req(12345));
    const b = await project(req(54321));
    const differs = a.indicators.some((x, k) => {
      const y = b.indicators[k]!;
      return (['p10', 'p50', 'p90'] as const).some((q) => x[q]!.some((v, t) => v !== y[q]![t])) || x.pMeet !== y.pMeet;
    });
    expect(differs).toBe(true);
    a.indicators.forEach((x, k) => expect(b.indicators[k]!.scenario, x.id).toEqual(x.scenario));
  });

  it('uncertainty: false returns no bands and reports zero draws', async () => {
    const r = await project({ geography: 'world', uncertainty: false });
    expect(r.draws).toBe(0);
    for (const i of r.indicators) {
      expect(i.p10).toBeUndefined();
      expect(i.pMeet).toBeUndefined();
    }
  });
});

describe('uncertainty bands', () => {
  for (const geo of ['world', 'africa', 'europe', 'NER', 'DEU', 'PRK']) {
    it(`${geo}: p10 ≤ p50 ≤ p90 in every year, within bounds, the central run starting at the base value; pMeet in [0, 1]`, async () => {
      for (const levers of [{}, MAX_LEVERS]) {
        const r = await project({ geography: geo, levers, draws: 100, seed: 7 });
        expect(r.draws).toBe(100);
        for (const i of r.indicators) {
          const def = INDICATORS.find((d) => d.id === i.id)!;
          const { p10, p50, p90 } = i as Required<typeof i>;
          expect(p10).toHaveLength(r.years.length);
          for (let t = 0; t < r.years.length; t++) {
            expect(p10[t]!, `${i.id} ${r.years[t]}`).toBeLessThanOrEqual(p50[t]!);
            expect(p50[t]!, `${i.id} ${r.years[t]}`).toBeLessThanOrEqual(p90[t]!);
            expect(p10[t]!).toBeGreaterThanOrEqual(def.bounds[0]);
            expect(p90[t]!).toBeLessThanOrEqual(def.bounds[1]);
          }
          // the base year carries the baseline's own uncertainty (measurement, or a nowcast's age)
          expect(p10[0]!, i.id).toBeLessThanOrEqual(p90[0]!);
          expect(i.scenario[0], i.id).toBe(i.baselineSource.value);
          expect(i.pMeet!).toBeGreaterThanOrEqual(0);
          expect(i.pMeet!).toBeLessThanOrEqual(1);
        }
        // the bands are not degenerate: some indicator has a spread in 2030
        const t30 = TARGET_YEAR - r.baseYear;
        expect(r.indicators.some((i) => i.p90![t30]! > i.p10![t30]!)).toBe(true);
      }
    });
  }
});

describe('costs', () => {
  const mixed: Partial<Record<LeverId, number>> = {
    networkRollout: 20,
    handsetSubsidy: 10,
    schoolConnectivity: 25,
    inclusion: 5,
    egovServices: 4,
    greenNetworks: 15,
  };

  for (const geo of ['world', 'africa', 'NER', 'DEU']) {
    it(`${geo}: totalUsd = Σ byLever, byLever = Σ annual over base+1..2030, zero levers cost nothing`, async () => {
      const r = await project({ geography: geo, uncertainty: false, levers: mixed });
      const t30 = TARGET_YEAR - r.baseYear;
      let sum = 0;
      for (const l of LEVERS) {
        const row = r.cost.annual[l.id]!;
        expect(row).toHaveLength(r.years.length);
        expect(row[0], `${l.id} base year`).toBe(0);
        const within = row.slice(1, t30 + 1).reduce((s, c) => s + c, 0);
        expect(r.cost.byLever[l.id], l.id).toBeCloseTo(within, 6);
        if (!(l.id in mixed)) {
          expect(r.cost.byLever[l.id], l.id).toBe(0);
          expect(row.every((c) => c === 0), l.id).toBe(true);
        }
        sum += r.cost.byLever[l.id];
      }
      expect(Math.abs(r.cost.totalUsd - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
      expect(r.cost.totalUsd).toBeGreaterThan(0);
      // perYear adds the levers' annual costs
      r.years.forEach((_, t) => {
        const yearSum = LEVERS.reduce((s, l) => s + r.cost.annual[l.id]![t]!, 0);
        expect(Math.abs(r.cost.perYear[t]! - yearSum)).toBeLessThanOrEqual(1e-9 * Math.max(1, yearSum));
      });
    });
  }

  it('every lever costs more in World as its value rises (0 < step < mid < max), and nothing at 0', async () => {
    for (const l of LEVERS) {
      let prev = -1;
      for (const v of [0, l.step, l.max / 2, l.max]) {
        const r = await project({ geography: 'world', uncertainty: false, levers: { [l.id]: v } });
        const c = r.cost.byLever[l.id];
        if (v === 0) expect(c, l.id).toBe(0);
        else expect(c, `${l.id}=${v}`).toBeGreaterThan(prev);
        prev = c;
      }
    }
  });
});

describe('parameter overrides and input errors', () => {
  it('an in-range override of a parameter that feeds an indicator changes it and flags it, leaving unrelated indicators alone', async () => {
    const base = await project({ geography: 'world', uncertainty: false });
    const def = PARAMETERS.find((p) => p.id === 'schoolGapClosing')!;
    const r = await project({ geography: 'world', uncertainty: false, overrides: { schoolGapClosing: def.high } });
    expect(r.overrides).toEqual({ schoolGapClosing: def.high });
    const changed = ind(r, 'schools').baseline.some((v, t) => v !== ind(base, 'schools').baseline[t]);
    expect(changed).toBe(true);
    expect(ind(r, 'schools').affectedByOverrides).toBe(true);
    expect(ind(r, 'ictEmissions').affectedByOverrides).toBe(false);
    expect(ind(r, 'ictEmissions').baseline).toEqual(ind(base, 'ictEmissions').baseline);
    expect(base.indicators.every((i) => !i.affectedByOverrides)).toBe(true);
  });

  it('an override of an effect size moves the scenario of the indicator it feeds (green networks → emissions)', async () => {
    const levers = { greenNetworks: 10 };
    const a = await project({ geography: 'europe', uncertainty: false, levers, overrides: { ictElectricityShareOfEmissions: 0.6 } });
    const b = await project({ geography: 'europe', uncertainty: false, levers, overrides: { ictElectricityShareOfEmissions: 0.9 } });
    const t30 = TARGET_YEAR - a.baseYear;
    expect(ind(b, 'ictEmissions').scenario[t30]!).toBeLessThan(ind(a, 'ictEmissions').scenario[t30]!);
    expect(ind(a, 'ictEmissions').affectedByOverrides).toBe(true);
  });

  it('an override outside its range is a ModelInputError naming overrides.<id>', async () => {
    const def = PARAMETERS.find((p) => p.id === 'siteCapexUsd')!;
    for (const v of [def.low - 1, def.high + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = await inputError({ geography: 'world', uncertainty: false, overrides: { siteCapexUsd: v } });
      expect(e.message).toContain('overrides.siteCapexUsd');
      expect(e.path).toBe('overrides.siteCapexUsd');
    }
  });

  it('an unknown parameter is a ModelInputError naming overrides.<id>', async () => {
    const e = await inputError({ geography: 'world', overrides: { noSuchParameter: 1 } as never });
    expect(e.message).toContain('overrides.noSuchParameter');
  });

  it('an unknown lever is a ModelInputError naming levers.<id>', async () => {
    const e = await inputError({ geography: 'world', levers: { warpDrive: 3 } as never });
    expect(e.message).toContain('levers.warpDrive');
  });

  it('a lever value or start year out of range is a ModelInputError naming the lever field', async () => {
    const v = await inputError({ geography: 'world', levers: { networkRollout: 41 } });
    expect(v.message).toContain('levers.networkRollout');
    const s = await inputError({ geography: 'world', levers: { networkRollout: { value: 10, start: 2025 } } });
    expect(s.message).toContain('levers.networkRollout.start');
    const s2 = await inputError({ geography: 'world', levers: { networkRollout: { value: 10, start: TARGET_YEAR + 1 } } });
    expect(s2.message).toContain('levers.networkRollout.start');
  });

  it('draws, seed and geography out of range are ModelInputErrors naming the field', async () => {
    expect((await inputError({ geography: 'world', draws: 9 })).message).toMatch(/^draws:/);
    expect((await inputError({ geography: 'world', draws: 20001 })).message).toMatch(/^draws:/);
    expect((await inputError({ geography: 'world', draws: 10.5 })).message).toMatch(/^draws:/);
    expect((await inputError({ geography: 'world', seed: -1 })).message).toMatch(/^seed:/);
    expect((await inputError({ geography: 'atlantis' })).message).toMatch(/^geography:/);
  });
});

describe('edited assumptions are marked exactly where they change the projection', () => {
  it('an override that moves an indicator marks it; one that cannot (a cost-only structure parameter) marks nothing', async () => {
    const { project } = await import('../../src/model/index.ts');
    const withLever = await project({ geography: 'world', levers: { handsetSubsidy: 20 }, overrides: { handsetAdditionality: 0.9 }, uncertainty: false });
    const use = withLever.indicators.find((i) => i.id === 'internetUse')!;
    expect(use.affectedByOverrides).toBe(true);
    // household size converts population into households for the cost of home connections only: no indicator moves
    const fitted = await project({ geography: 'world', overrides: { householdSize: 3 }, uncertainty: false });
    expect(fitted.indicators.every((i) => !i.affectedByOverrides)).toBe(true);
    const none = await project({ geography: 'world', uncertainty: false });
    expect(none.indicators.some((i) => i.affectedByOverrides)).toBe(false);
  });
});
