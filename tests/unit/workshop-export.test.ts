// @vitest-environment jsdom
// Protects the workshop board's files out and its slides: the CSV has one row per group and lever and
// one per group and target indicator (the room's plan as one more group), the metadata rows first and
// formula-like group names made inert; the SVG is well-formed, escapes group names and names every
// lever; the board and plan slides lead the deck but are never written to the stored deck, and the
// presenter hears each group's notes.
import '../../src/i18n/english.ts';
import { describe, expect, it } from 'vitest';
import { LEVERS, INDICATORS, modelApi } from '../../src/model/index.ts';
import { workshopCsv } from '../../src/state/workshop-export.ts';
import { consensusScenario, planLevers } from '../../src/state/workshop-collect.ts';
import { boardFigure } from '../../src/components/charts/export-workshop.ts';
import { BOARD_REF, PLAN_REF, groupNotes, isWorkshopRef, workshopRefs } from '../../src/state/workshop-slides.ts';
import type { Workshop } from '../../src/scenario/workshop-file.ts';
import { toProjectionRequest } from '../../src/scenario/scenario.ts';
import { parseCsv } from '../support/csv.ts';
import { scenario, T0 } from '../support/persistence.ts';

const rollout = LEVERS[0]!.id;
function room(): Workshop {
  const g = (id: string, name: string, v: number, notes = '') => ({ id, name, scenario: scenario(`s-${id}`, { notes, levers: { ...scenario('x').levers, [rollout]: { value: v, start: null } } }) });
  return {
    id: 'w1', name: 'Room <A>', facilitator: 'F', date: '2026-12-02', geographies: [], createdAt: T0, updatedAt: T0,
    groups: [g('g1', '=SUM(A1)', 4, 'We cut prices first.'), g('g2', 'Blue & <b>green</b>', 12), g('g3', 'Group 3', 20)],
    plan: { geography: 'world', levers: {}, weights: { g3: 2 } },
  };
}

async function boardOf(w: Workshop) {
  const consensus = consensusScenario(w, 'c1', T0);
  const inputs = [...w.groups.map((g) => ({ id: g.id, request: toProjectionRequest(g.scenario) })), { id: 'consensus', consensus: true, request: toProjectionRequest(consensus) }];
  return { board: await modelApi.workshopBoard(inputs), consensus };
}

describe('the workshop board’s files', () => {
  it('CSV: one row per group and lever, one per group and target; the plan as a group; formulas made inert', async () => {
    const w = room();
    const { board } = await boardOf(w);
    const plan = planLevers(w);
    const text = workshopCsv({ workshop: w, board, plan, exported: new Date('2026-12-02T10:00:00Z') });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows.slice(0, 2)).toEqual([['Workshop', 'Room <A>'], ['Facilitator', 'F']]);
    const header = rows.findIndex((r) => r[0] === 'Group' && r[3] === 'Row');
    expect(rows[header]).toEqual(['Group', 'Geography', 'Weight', 'Row', 'Id', 'Lever or indicator', 'Unit', 'Value', 'Groups’ median', 'Room’s plan', '2030 target', 'Target rule', 'Met']);
    const body = rows.slice(header + 1);
    const groups = 4; // three groups and the plan
    expect(body.filter((r) => r[3] === 'lever')).toHaveLength(groups * LEVERS.length);
    expect(body.filter((r) => r[3] === 'target')).toHaveLength(groups * INDICATORS.length);
    // every row names the geography its group projects on (the scenarios' own; the plan's chosen one)
    expect(new Set(body.filter((r) => r[0] !== 'Room’s plan').map((r) => r[1]))).toEqual(new Set(w.groups.map((g) => String(g.scenario.geography))));
    expect(new Set(body.filter((r) => r[0] === 'Room’s plan').map((r) => r[1]))).toEqual(new Set(['world']));
    // The group whose name looks like a formula starts with an apostrophe.
    const first = body.find((r) => r[3] === 'lever' && r[4] === rollout && r[0] === "'=SUM(A1)")!;
    expect(first.slice(2, 10)).toEqual(['1', 'lever', rollout, 'Network rollout', expect.any(String), '4', '12', '16']);
    // Weighted: Group 3 weighs 2 of 4, so the weighted median of 4, 12, 20 is the mean of 12 and 20.
    expect(planLevers(w)[rollout].value).toBe(16);
    const planRow = body.find((r) => r[0] === 'Room’s plan' && r[4] === rollout)!;
    expect(planRow[2]).toBe('');
    expect(planRow[7]).toBe('16');
    const target = body.find((r) => r[3] === 'target' && r[0] === 'Group 3')!;
    expect(['yes', 'no']).toContain(target[12]);
    expect(target[11]).toMatch(/^(at least|at most|within)$/);
  });

  it('SVG: well-formed, every lever named, group names escaped, the plan drawn', async () => {
    const w = room();
    const { board } = await boardOf(w);
    const names = new Map(w.groups.map((g) => [g.id, g.name]));
    const fig = boardFigure({ board, plan: planLevers(w), nameOf: (id) => names.get(id) ?? 'Room’s plan', title: 'Workshop board: Room <A>', subtitle: '3 groups', source: 'Pathways 2030' });
    const doc = new DOMParser().parseFromString(fig.svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(fig.svg).not.toContain('<b>');
    expect(fig.svg).toContain('Blue &amp; &lt;b&gt;green&lt;/b&gt;');
    const text = [...doc.getElementsByTagName('text')].map((t) => t.textContent).join('\n');
    for (const l of LEVERS) expect(text).toContain(l.label);
    expect(text).toContain('Workshop board: Room <A>');
    expect(doc.getElementsByTagName('path')).toHaveLength(LEVERS.length); // one plan diamond per lever
    expect(fig.height).toBeGreaterThan(LEVERS.length * 30);
  });
});

describe('the workshop in presentation mode', () => {
  it('the board and the plan lead the deck, are told apart from stored slides, and each group’s notes go to the presenter', async () => {
    const w = room();
    const { board, consensus } = await boardOf(w);
    expect(workshopRefs({ workshop: w, board, plan: planLevers(w), consensus })).toEqual([BOARD_REF, PLAN_REF]);
    expect(workshopRefs({ workshop: w, board, plan: null, consensus: null })).toEqual([BOARD_REF]);
    expect(workshopRefs(null)).toEqual([]);
    expect([BOARD_REF, PLAN_REF, 'current', 's-1'].map(isWorkshopRef)).toEqual([true, true, false, false]);
    expect(groupNotes(w)).toEqual([
      { name: '=SUM(A1)', scenario: 'Scenario s-g1', notes: 'We cut prices first.' },
      { name: 'Blue & <b>green</b>', scenario: 'Scenario s-g2', notes: '' },
      { name: 'Group 3', scenario: 'Scenario s-g3', notes: '' },
    ]);
  });
});
