// Protects collecting for the workshop (src/state/workshop.svelte.ts, workshop-collect.ts): six files
// at once with one bad give five groups and one refusal naming the file and field; a re-submission
// waits for the facilitator and replaces only on "Replace"; pasted links are read one per line; the
// room's plan takes each lever's median and is handed to the library as an ordinary scenario; the
// facilitator's handles set a lever, weights move the medians, and both are kept in the workshop.
import '../../src/i18n/english.ts';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/index.ts';
import { createSyncRunner } from '../../src/runner/sync-runner.ts';
import { WorkshopStore } from '../../src/persistence/workshop-store.ts';
import { serializeScenarioFile, toScenarioFile } from '../../src/scenario/file.ts';
import { encodeShare } from '../../src/scenario/share.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { WorkshopState } from '../../src/state/workshop.svelte.ts';
import { defaultPlanGeography, distanceFromPlan, groupNameFor, groupsDiffer, linesToPayloads, planGeographyChoices, rowGeography, weightedMedian } from '../../src/state/workshop-collect.ts';
import { parseWorkshopText } from '../../src/scenario/workshop-file.ts';
import { scenario } from '../support/persistence.ts';

const rollout = LEVERS[0]!.id;
const group = (i: number, value: number, over: Partial<Scenario> = {}) => scenario(`s${i}`, { author: `Group ${i}`, levers: { ...scenario('x').levers, [rollout]: { value, start: null } }, ...over });
const file = (name: string, s: Scenario) => new File([serializeScenarioFile(toScenarioFile([s], '1.0.0'))], name);
const settle = () => new Promise((r) => setTimeout(r, 60));

function shop(saved: Scenario[] = []) {
  return new WorkshopState({ runner: createSyncRunner(), store: new WorkshopStore(null), saveToLibrary: async (s) => (saved.push(s), s) });
}

describe('collecting a workshop', () => {
  it('six files at once, one bad: five groups, and the bad one refused with its name and field', async () => {
    const w = shop();
    const bad = file('group-f.json', group(6, 400));
    await w.addFiles([file('a.json', group(1, 4)), file('b.json', group(2, 8)), bad, file('c.json', group(3, 12)), file('d.json', group(4, 16)), file('e.json', group(5, 20))]);
    expect(w.workshop.groups.map((g) => g.name).sort()).toEqual(['Group 1', 'Group 2', 'Group 3', 'Group 4', 'Group 5']);
    const refused = w.arrivals.filter((a) => a.kind === 'refused');
    expect(refused.map((a) => a.text)).toEqual([expect.stringMatching(/^Refused: group-f\.json: scenarios\.0\.levers\.networkRollout\.value: expected/)]);
    await settle();
    await expect.poll(() => w.board?.groups.length, { timeout: 15_000 }).toBe(5);
    expect(w.board!.levers.find((s) => s.lever === rollout)!.median).toBe(12);
    w.dispose();
  });

  it('a re-submission waits: Keep leaves the entry, Replace swaps it', async () => {
    const w = shop();
    await w.addFiles([file('a.json', group(1, 4))]);
    await w.addFiles([file('a-again.json', group(9, 30, { author: 'group 1' }))]);
    expect(w.workshop.groups).toHaveLength(1);
    expect(w.pending).toHaveLength(1);
    w.resolve(w.pending[0]!.key, false);
    expect(w.workshop.groups[0]!.scenario.levers[rollout].value).toBe(4);
    await w.addFiles([file('a-third.json', group(9, 30, { author: 'Group 1' }))]);
    w.resolve(w.pending[0]!.key, true);
    expect(w.workshop.groups).toHaveLength(1);
    expect(w.workshop.groups[0]!.scenario.levers[rollout].value).toBe(30);
    expect(w.arrivals[0]!.text).toBe('“Group 1”: entry replaced with a-third.json.');
    w.dispose();
  });

  it('reads pasted links one per line, and says which line is not one', async () => {
    const w = shop();
    const link = `http://127.0.0.1:5173/#s=${await encodeShare(group(7, 10), '1.0.0')}`;
    await w.addLinks(`${link}\n\nnot a link\n`);
    expect(w.workshop.groups.map((g) => g.name)).toEqual(['Group 7']);
    expect(w.arrivals.map((a) => a.kind).sort()).toEqual(['added', 'refused']);
    expect(linesToPayloads('x\n#s=abc')).toEqual([{ line: 1, error: 'Refused: line 1 is not a share link (expected an address with #s=…).' }, { line: 2, payload: 'abc' }]);
    expect(groupNameFor({ author: ' ', name: '' }, 3)).toBe('Group 3');
    w.dispose();
  });

  it('the room’s plan is the median of each lever, and is saved as an ordinary scenario', async () => {
    const saved: Scenario[] = [];
    const w = shop(saved);
    w.setMeta({ name: 'Room A' });
    await w.addFiles([file('a.json', group(1, 4)), file('b.json', group(2, 10)), file('c.json', group(3, 30)), file('d.json', group(4, 6))]);
    await settle();
    await expect.poll(() => w.board?.groups.length, { timeout: 15_000 }).toBe(4);
    w.buildConsensus();
    expect(w.consensus!.levers[rollout].value).toBe(8);
    expect(w.consensus!.name).toBe('Room’s plan: Room A');
    await w.saveConsensus();
    expect(saved.map((s) => s.levers[rollout].value)).toEqual([8]);
    expect(w.message).toBe('Saved “Room’s plan: Room A” to My scenarios.');
    w.dispose();
  });

  it('the weighted median: equal weights give the ordinary median; weight 0 leaves a value out', () => {
    const eq = (xs: number[]) => xs.map((value) => ({ value, weight: 1 }));
    expect(weightedMedian(eq([4, 10, 30, 6]))).toBe(8);
    expect(weightedMedian(eq([4, 8, 12, 16, 20]))).toBe(12);
    expect(weightedMedian([{ value: 4, weight: 3 }, { value: 10, weight: 1 }, { value: 30, weight: 1 }])).toBe(4);
    expect(weightedMedian([{ value: 4, weight: 0 }, { value: 10, weight: 1 }, { value: 30, weight: 1 }])).toBe(20);
    expect(weightedMedian([{ value: 4, weight: 0 }])).toBeNull();
  });

  it('the handles: a lever set by hand, weights that move the medians, kept in the workshop and its file', async () => {
    const saved: Scenario[] = [];
    const w = shop(saved);
    await w.addFiles([file('a.json', group(1, 4)), file('b.json', group(2, 10)), file('c.json', group(3, 30)), file('d.json', group(4, 6))]);
    await settle();
    await expect.poll(() => w.board?.groups.length, { timeout: 15_000 }).toBe(4);
    w.buildConsensus();
    expect(w.plan![rollout]).toEqual({ value: 8, adjusted: false });
    // Group 3 (30) weighs 3 of 6: the weighted median moves to the mean of 10 and 30.
    const g3 = w.workshop.groups.find((g) => g.name === 'Group 3')!.id;
    w.setWeight(g3, 3);
    expect(w.plan![rollout]).toEqual({ value: 20, adjusted: false });
    expect(w.consensus!.levers[rollout].value).toBe(20);
    expect(w.consensus!.notes).toContain('Group 3: Scenario s3 (weight 3)');
    // The handle sets the lever (clamped to its range); Delete's null takes the weighted median again.
    w.setPlanLever(rollout, 25);
    expect(w.plan![rollout]).toEqual({ value: 25, adjusted: true });
    expect(w.consensus!.description).toMatch(/Shaped by the facilitator: 1 lever set by hand, groups weighted\.$/);
    w.setPlanLever(rollout, 999);
    expect(w.consensus!.levers[rollout].value).toBe(LEVERS[0]!.max);
    // The board follows: the plan is drawn against every group, each group's distance from it.
    await expect.poll(() => w.board?.groups.find((g) => g.consensus) !== undefined, { timeout: 15_000 }).toBe(true);
    const d = distanceFromPlan(w.board!.levers, w.plan!);
    expect(d.size).toBe(4);
    expect(d.get(g3)! < d.get(w.workshop.groups.find((g) => g.name === 'Group 1')!.id)!).toBe(true);
    // Kept in the workshop (and so in its file); a removed group takes its weight with it.
    const back = parseWorkshopText(w.exportFile().text, { kind: 'file', name: 'x.workshop.json' });
    expect(back.ok && back.workshop.plan).toEqual({ geography: 'world', levers: { [rollout]: LEVERS[0]!.max }, weights: { [g3]: 3 } });
    w.removeGroup(g3);
    expect(w.workshop.plan!.weights).toEqual({});
    w.setPlanLever(rollout, null);
    expect(w.plan![rollout]).toEqual({ value: 6, adjusted: false });
    w.resetPlan();
    expect(w.workshop.plan).toEqual({ geography: 'world', levers: {}, weights: {} });
    await w.saveConsensus();
    expect(saved.map((s) => s.levers[rollout].value)).toEqual([6]);
    w.dispose();
  });

  it('several geographies: the session lists them, groups keep their own, and the plan is projected on the one the facilitator picks', async () => {
    const w = shop();
    expect(w.addGeography('KEN')).toBe(true);
    expect(w.addGeography('UGA')).toBe(true);
    expect(w.addGeography('KEN')).toBe(false); // each once
    expect(w.addGeography('ATLANTIS')).toBe(false); // known ids only
    expect(w.workshop.geographies).toEqual(['KEN', 'UGA']);
    await w.addFiles([file('a.json', group(1, 4, { geography: 'UGA' })), file('b.json', group(2, 10, { geography: 'TZA' })), file('c.json', group(3, 30, { geography: 'TZA' }))]);
    await settle();
    await expect.poll(() => w.board?.groups.length, { timeout: 15_000 }).toBe(3);
    expect(groupsDiffer(w.workshop)).toBe(true);
    // The plan starts on the session's first geography; the choices are the session's, then the groups'.
    w.buildConsensus();
    expect(w.workshop.plan!.geography).toBe('KEN');
    expect(w.consensus!.geography).toBe('KEN');
    expect(planGeographyChoices(w.workshop)).toEqual(['KEN', 'UGA', 'TZA']);
    w.setPlanGeography('TZA');
    expect(w.consensus!.geography).toBe('TZA');
    // each board row's geography: the group's own, the plan's chosen one
    expect(w.workshop.groups.map((g) => [g.name, rowGeography(w.workshop, g.id)]).sort()).toEqual([['Group 1', 'UGA'], ['Group 2', 'TZA'], ['Group 3', 'TZA']]);
    expect(rowGeography(w.workshop, 'consensus')).toBe('TZA');
    w.setPlanGeography('FRA'); // not a choice of this workshop: nothing changes
    expect(w.workshop.plan!.geography).toBe('TZA');
    // Removing a session geography leaves the groups and the plan where they are; reset keeps the geography.
    w.removeGeography('KEN');
    expect(w.workshop.geographies).toEqual(['UGA']);
    w.resetPlan();
    expect(w.workshop.plan).toEqual({ geography: 'TZA', levers: {}, weights: {} });
    const back = parseWorkshopText(w.exportFile().text, { kind: 'file', name: 'x.workshop.json' });
    expect(back.ok && [back.workshop.geographies, back.workshop.plan?.geography]).toEqual([['UGA'], 'TZA']);
    w.dispose();
  });
  it('the default plan geography: the session’s first, else the groups’ most common, else World', () => {
    const g = (geography: string) => ({ id: geography, name: geography, scenario: scenario(`s-${geography}`, { geography }) });
    expect(defaultPlanGeography({ geographies: ['africa'], groups: [g('KEN')] })).toBe('africa');
    expect(defaultPlanGeography({ geographies: [], groups: [g('KEN'), g('UGA'), { ...g('UGA'), id: 'u2' }] })).toBe('UGA');
    expect(defaultPlanGeography({ geographies: [], groups: [] })).toBe('world');
  });
  it('an imported workshop naming an unknown geography changes nothing and says the file and the field', async () => {
    const w = shop();
    w.addGeography('KEN');
    const before = w.workshop;
    const text = w.exportFile().text.replace('"KEN"', '"ATLANTIS"');
    expect(await w.importFile(new File([text], 'room.workshop.json'))).toBe(false);
    expect(w.workshop).toBe(before);
    expect(w.message).toMatch(/room\.workshop\.json: workshop\.geographies\.0: expected a known geography id .*"ATLANTIS" is not one/);
    w.dispose();
  });
});
