// The workshop board's statistics (src/model/workshop-board.ts), run in-process as the analysis worker
// runs them: per-lever medians and ranges of the groups' settings (the consensus left out), levers the
// groups disagree on most first, each group's 2030 values and targets met counted by summariseTargets,
// and cost bands that contain the central cost.
import '../../src/i18n/english.ts';
import { describe, expect, it } from 'vitest';
import { modelApi, LEVERS, summariseTargets, type ProjectionRequest } from '../../src/model/index.ts';
import { leverStrips, median } from '../../src/model/workshop-board.ts';

const req = (levers: Record<string, number>): ProjectionRequest => ({ geography: 'KEN', levers: Object.fromEntries(Object.entries(levers).map(([k, v]) => [k, { value: v }])), seed: 7, draws: 60 });

describe('the workshop board', () => {
  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
  });

  it('orders levers by disagreement: a lever split to both ends comes before one every group sets alike', () => {
    const split = LEVERS[1]!;
    const alike = LEVERS[0]!;
    const strips = leverStrips([
      { id: 'a', levers: { [alike.id]: alike.max / 2, [split.id]: split.min } },
      { id: 'b', levers: { [alike.id]: alike.max / 2, [split.id]: split.max } },
    ]);
    expect(strips[0]!.lever).toBe(split.id);
    expect(strips[0]!.disagreement).toBeCloseTo(0.5);
    const a = strips.find((s) => s.lever === alike.id)!;
    expect(a.disagreement).toBe(0);
    expect([a.min, a.median, a.max]).toEqual([alike.max / 2, alike.max / 2, alike.max / 2]);
    // A lever no group moves sits at its default for everyone: no disagreement.
    expect(strips.at(-1)!.disagreement).toBe(0);
  });

  it('projects every group: lever medians of the groups only, 2030 values per target, met of 12 from summariseTargets', async () => {
    const lever = LEVERS[0]!.id;
    const inputs = [10, 20, 40].map((v, i) => ({ id: `g${i}`, request: req({ [lever]: v }) }));
    const board = await modelApi.workshopBoard([...inputs, { id: 'consensus', consensus: true, request: req({ [lever]: 0 }) }]);
    const strip = board.levers.find((s) => s.lever === lever)!;
    expect(strip.values.map((v) => v.id)).toEqual(['g0', 'g1', 'g2']);
    expect([strip.min, strip.median, strip.max]).toEqual([10, 20, 40]);
    expect(board.groups.map((g) => g.id)).toEqual(['g0', 'g1', 'g2', 'consensus']);
    expect(board.groups.at(-1)!.consensus).toBe(true);
    const single = await modelApi.project({ ...inputs[2]!.request, uncertainty: false });
    expect(board.groups[2]!.met).toBe(summariseTargets(single.indicators).met);
    expect(board.groups[2]!.total).toBe(12);
    const use = board.targets.find((t) => t.indicator === 'internetUse')!;
    expect(use.values).toHaveLength(4);
    // More rollout never lowers 4G coverage in 2030.
    const cov = board.targets.find((t) => t.indicator === 'coverage4g')!.values;
    expect(cov[2]!.value).toBeGreaterThanOrEqual(cov[0]!.value);
    expect(board.bands).toBe(false);
    expect(board.groups[0]!.costP10).toBeUndefined();
  });

  it('with bands, each group’s cost has a p10–p90 around it', async () => {
    const board = await modelApi.workshopBoard([{ id: 'g', request: req({ [LEVERS[0]!.id]: 20 }) }], { bands: true });
    const g = board.groups[0]!;
    expect(board.bands).toBe(true);
    expect(g.costP10).toBeLessThanOrEqual(g.costP90!);
    expect(g.costUsd).toBeGreaterThan(0);
  });
});
