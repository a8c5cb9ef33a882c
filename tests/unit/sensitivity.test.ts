// Sensitivity: tornado bars have the sign of each lever's effect (never worse for an indicator the
// lever moves, no effect on one it does not), are sorted by swing and agree with project(); the
// attribution covers every parameter with correlations in [−1, 1], ranks the default diffusion rate
// and the pace of trends first where there is no history, and uses the projection's own draws.
import { describe, expect, it } from 'vitest';
import {
  INDICATORS,
  LEVERS,
  ModelInputError,
  PARAMETERS,
  TARGET_YEAR,
  attribution,
  leverSchedule,
  modelApi,
  monteCarlo,
  monteCarloSamples,
  prepareGeography,
  project,
  tornado,
  validateInputs,
  type CustomGeographyDef,
  type IndicatorId,
  type LeverId,
  type ProjectionResult,
} from '../../src/model/index.ts';
import { TARGET_RULES, meets } from '../../src/model/targets.ts';
import { rejection } from '../support/async.ts';

const value30 = (r: ProjectionResult, id: IndicatorId) => r.indicators.find((x) => x.id === id)!.scenario[r.years.indexOf(TARGET_YEAR)]!;
const MID = Object.fromEntries(LEVERS.map((l) => [l.id, Math.round((l.max - l.min) / 2 / l.step) * l.step])) as Record<LeverId, number>;

/** A custom geography whose Internet use is entered without history: its trend uses the default rate. */
const NO_HISTORY: CustomGeographyDef = { id: 'no-history', name: 'No history', inheritFrom: 'africa', population: 30e6, indicators: { internetUse: { value: 40, year: 2025 } } };

describe('tornado', () => {
  const scenarios: Array<[string, string | CustomGeographyDef, Partial<Record<LeverId, number>>]> = [
    ['World, current trends', 'world', {}],
    ['Africa, every lever at mid-range', 'africa', MID],
    ['Asia-Pacific, a few levers', 'asia-pacific', { handsetSubsidy: 10, digitalSkills: 5, networkRollout: 8 }],
    ['custom geography without history', NO_HISTORY, { inclusion: 6 }],
  ];
  for (const [name, geography, levers] of scenarios) {
    it(`${name}: each lever's bar has the sign of its effect on every indicator it moves, and none on the others`, async () => {
      for (const def of INDICATORS) {
        const t = await tornado({ geography, levers, indicator: def.id });
        for (const l of LEVERS) {
          const bar = t.bars.find((b) => b.kind === 'lever' && b.id === l.id)!;
          expect(bar.low.setting).toBe(l.min);
          expect(bar.high.setting).toBe(l.max);
          const moves = (l.moves as readonly IndicatorId[]).includes(def.id);
          if (!moves) {
            expect(bar.swing, `${l.id} on ${def.id}`).toBe(0);
            continue;
          }
          // not worse: higher-is-better indicators rise (or stay), lower-is-better ones fall (or stay)
          const good = def.direction === 'higher' ? bar.swing : -bar.swing;
          expect(good, `${l.id} on ${def.id}: ${bar.low.value2030} → ${bar.high.value2030}`).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, Math.abs(bar.low.value2030)));
        }
      }
    });
  }

  it('bars: one per lever and per parameter, sorted by |swing|, and they agree with project()', async () => {
    const levers = { handsetSubsidy: 10, networkRollout: { value: 8, start: 2028 } };
    const t = await tornado({ geography: 'world', levers, indicator: 'internetUse' });
    expect(t.bars).toHaveLength(LEVERS.length + PARAMETERS.length);
    for (let i = 1; i < t.bars.length; i++) expect(Math.abs(t.bars[i]!.swing)).toBeLessThanOrEqual(Math.abs(t.bars[i - 1]!.swing));
    for (const b of t.bars) expect(b.swing).toBe(b.high.value2030 - b.low.value2030);
    const base = await project({ geography: 'world', levers, uncertainty: false });
    expect(t.baseValue2030).toBe(value30(base, 'internetUse'));
    // a lever bar: that lever at its maximum, the others (and the start year) as in the scenario
    const nr = t.bars.find((b) => b.id === 'networkRollout')!;
    const hi = await project({ geography: 'world', levers: { ...levers, networkRollout: { value: 40, start: 2028 } }, uncertainty: false });
    expect(nr.high.value2030).toBe(value30(hi, 'internetUse'));
    // a parameter bar: the parameter at its high end through an override
    const pc = t.bars.find((b) => b.id === 'usageCeilingShare')!;
    const ph = await project({ geography: 'world', levers, overrides: { usageCeilingShare: pc.high.setting }, uncertainty: false });
    expect(pc.high.value2030).toBe(value30(ph, 'internetUse'));
    expect(pc.kind).toBe('parameter');
  });

  it('an overridden parameter still swings over its whole range; the others keep the override', async () => {
    const t = await tornado({ geography: 'africa', overrides: { trendRateMultiplier: 1.2 }, indicator: 'internetUse' });
    const plain = await project({ geography: 'africa', overrides: { trendRateMultiplier: 1.2 }, uncertainty: false });
    expect(t.baseValue2030).toBe(value30(plain, 'internetUse'));
    const bar = t.bars.find((b) => b.id === 'trendRateMultiplier')!;
    expect([bar.low.setting, bar.high.setting]).toEqual([0.7, 1.3]);
    expect(bar.swing).toBeGreaterThan(0);
  });

  it('rejects an unknown indicator, and is on the model API', async () => {
    const e = await rejection(tornado({ geography: 'world', indicator: 'nope' as IndicatorId }));
    expect(e).toBeInstanceOf(ModelInputError);
    expect((e as ModelInputError).path).toBe('indicator');
    const r = await modelApi.tornado({ geography: 'world', indicator: 'schools' });
    expect(structuredClone(r)).toEqual(r);
    expect(r.bars[0]!.id).toBe('schoolConnectivity');
  });
});

describe('attribution', () => {
  it('one entry per parameter, correlations in [−1, 1], sorted by size, deterministic for a seed', async () => {
    const a = await attribution({ geography: 'world', levers: MID, indicator: 'internetUse' });
    expect(a).toHaveLength(PARAMETERS.length);
    expect(new Set(a.map((e) => e.parameterId))).toEqual(new Set(PARAMETERS.map((p) => p.id)));
    for (const e of a) {
      expect(e.correlation).toBeGreaterThanOrEqual(-1);
      expect(e.correlation).toBeLessThanOrEqual(1);
      expect(e.label).toBe(PARAMETERS.find((p) => p.id === e.parameterId)!.label);
    }
    for (let i = 1; i < a.length; i++) expect(Math.abs(a[i]!.correlation)).toBeLessThanOrEqual(Math.abs(a[i - 1]!.correlation));
    expect(await attribution({ geography: 'world', levers: MID, indicator: 'internetUse' })).toEqual(a);
    expect(await attribution({ geography: 'world', levers: MID, indicator: 'internetUse', seed: 7 })).not.toEqual(a);
  });

  it('current trends of Internet use draw their spread from the pooled trend, not from the pace parameter', async () => {
    // the pace multiplier is held at its central value for pooled trends, so it cannot explain their draws
    const w = await attribution({ geography: 'world', indicator: 'internetUse' });
    expect(Math.abs(w.find((e) => e.parameterId === 'trendRateMultiplier')!.correlation)).toBeLessThan(0.15);
    const n = await attribution({ geography: NO_HISTORY, indicator: 'internetUse' });
    expect(Math.abs(n.find((e) => e.parameterId === 'trendRateMultiplier')!.correlation)).toBeLessThan(0.15);
  });

  it('a parameter that cannot move the indicator has (near) zero correlation; a dominant cost-free one ranks first', async () => {
    const a = await attribution({ geography: 'world', levers: { schoolConnectivity: 20 }, indicator: 'schools' });
    // schools follow their own gap-closing rate and the lever; Internet-use parameters play no part
    expect(Math.abs(a.find((e) => e.parameterId === 'priceElasticity')!.correlation)).toBeLessThan(0.15);
    expect(['trendRateMultiplier', 'schoolGapClosing']).toContain(a[0]!.parameterId);
  });

  it('uses the projection’s own draws: P(meet) from the samples equals monteCarlo’s', async () => {
    const c = await prepareGeography('africa');
    const inputs = validateInputs({ geography: 'africa', levers: MID }, c.engine.baseYear);
    const levAt = leverSchedule(c.engine.baseYear, c.engine.years, inputs.values, inputs.starts);
    const bands = monteCarlo(c.engine, inputs.params, levAt, 400, 99);
    const s = monteCarloSamples(c.engine, inputs.params, levAt, 400, 99);
    INDICATORS.forEach((d, i) => {
      let k = 0;
      for (let n = 0; n < 400; n++) if (meets(TARGET_RULES[d.id], s.values2030[n * INDICATORS.length + i]!)) k++;
      expect(k / 400, d.id).toBe(bands.pMeet[i]);
    });
  });

  it('validates draws and seed like a projection, and is on the model API', async () => {
    const e = await rejection(attribution({ geography: 'world', indicator: 'internetUse', draws: 3 }));
    expect((e as ModelInputError).path).toBe('draws');
    const r = await modelApi.attribution({ geography: 'europe', indicator: 'egovUse', draws: 200 });
    expect(r).toHaveLength(PARAMETERS.length);
  });
});
