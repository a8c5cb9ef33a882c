// @vitest-environment jsdom
// The Presentation state class (src/state/presentation.svelte.ts) with the workshop's slides: the board
// and the plan lead the deck and are never written to the stored deck; each slide's title, and the
// presenter window's message: the next slide's preview says what a workshop slide is ("Workshop board:
// …", its groups, geographies, targets met and most disputed lever; the plan's geography, targets met,
// cost and how it was shaped), the board slide carries each group's notes and the plan slide the
// plan's own notes; moving and blanking follow the presenter's commands.
import '../../src/i18n/english.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { LEVERS, modelApi } from '../../src/model/index.ts';
import { Presentation, CURRENT } from '../../src/state/presentation.svelte.ts';
import { BOARD_REF, PLAN_REF, type WorkshopSlides } from '../../src/state/workshop-slides.ts';
import { consensusScenario, planLevers } from '../../src/state/workshop-collect.ts';
import { toProjectionRequest } from '../../src/scenario/scenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { Workshop } from '../../src/scenario/workshop-file.ts';
import type { Library } from '../../src/state/library.svelte.ts';
import type { Workspace } from '../../src/state/workspace.svelte.ts';
import { scenario, T0 } from '../support/persistence.ts';

const rollout = LEVERS[0]!.id;

function room(plan: boolean): Workshop {
  const g = (id: string, name: string, v: number, geography: string, notes = '') => ({ id, name, scenario: scenario(`s-${id}`, { geography, notes, levers: { ...scenario('x').levers, [rollout]: { value: v, start: null } } }) });
  return {
    id: 'w1', name: 'Kisumu room', facilitator: 'F', date: '2026-12-02', geographies: ['KEN', 'UGA'], createdAt: T0, updatedAt: T0,
    groups: [g('g1', 'Group A', 4, 'KEN', 'We start with the schools.'), g('g2', 'Group B', 12, 'UGA'), g('g3', 'Group C', 20, 'KEN')],
    ...(plan ? { plan: { geography: 'UGA', levers: { [rollout]: 14 }, weights: {} } } : {}),
  };
}

async function slides(plan: boolean): Promise<WorkshopSlides> {
  const w = room(plan);
  const consensus = plan ? consensusScenario(w, 'c1', T0) : null;
  const inputs = [...w.groups.map((g) => ({ id: g.id, request: toProjectionRequest(g.scenario) })), ...(consensus ? [{ id: 'consensus', consensus: true, request: toProjectionRequest(consensus) }] : [])];
  return { workshop: w, board: await modelApi.workshopBoard(inputs), plan: plan ? planLevers(w) : null, consensus };
}

/** Just what Presentation reads of the library and the workspace. */
function fakes(stored: string[] = []) {
  const saved: string[][] = [];
  const mine: Scenario = scenario('mine', { name: 'Balanced plan', notes: 'Say the cost first.' });
  const lib = {
    deck: { load: async () => stored, save: async (ids: string[]) => void saved.push(ids) },
    scenarios: [mine],
    presets: [],
    current: { name: 'Working scenario', notes: 'working notes' },
    toScenario: () => scenario('cur', { name: 'Working scenario' }),
  } as unknown as Library;
  const ws = {
    geographies: [{ id: 'KEN', name: 'Kenya', kind: 'country', region: 'africa' }, { id: 'UGA', name: 'Uganda', kind: 'country', region: 'africa' }],
    customGeographies: [],
    result: null,
    bands: null,
    geographyId: 'KEN',
    projectOnce: (req: Parameters<typeof modelApi.project>[0]) => modelApi.project(req),
  } as unknown as Workspace;
  return { lib, ws, saved };
}

beforeEach(() => localStorage.clear());

describe('Presentation with the workshop’s slides', () => {
  it('the board and the plan lead the deck, before the stored slides; without a workshop the deck is the stored one', async () => {
    const { lib, ws } = fakes(['mine']);
    const p = new Presentation(lib, ws, await slides(true));
    await p.load();
    expect(p.deck.map((d) => d.ref)).toEqual([BOARD_REF, PLAN_REF, 'mine']);
    expect(p.deck.map((d) => p.nameOf(d))).toEqual(['Workshop board: Kisumu room', 'Room’s plan: Kisumu room', 'Balanced plan']);
    expect(p.deck.map((d) => p.kindOf(d))).toEqual(['Workshop', 'Workshop', 'saved scenario']);
    const plain = new Presentation(lib, ws);
    await plain.load();
    expect(plain.deck.map((d) => d.ref)).toEqual(['mine']);
    // no plan built: the board alone, then the working scenario when nothing is stored
    const { lib: lib2, ws: ws2 } = fakes();
    const boardOnly = new Presentation(lib2, ws2, await slides(false));
    await boardOnly.load();
    expect(boardOnly.deck.map((d) => d.ref)).toEqual([BOARD_REF, CURRENT]);
  });

  it('the workshop’s slides are never written to the stored deck', async () => {
    const { lib, ws, saved } = fakes(['mine']);
    const p = new Presentation(lib, ws, await slides(true));
    await p.load();
    p.add(CURRENT);
    await new Promise((r) => setTimeout(r));
    expect(saved.at(-1)).toEqual(['mine', CURRENT]);
  });

  it('the presenter window’s preview of the next slide is the board’s own summary, then the plan’s', async () => {
    const { lib, ws } = fakes(['mine']);
    const p = new Presentation(lib, ws, await slides(true));
    await p.load();
    // on the board: the current slide carries every group's notes, the next is the plan
    const onBoard = p.stateMessage('s1');
    expect(onBoard.current?.title).toBe('Workshop board: Kisumu room');
    expect(onBoard.current?.headline).toMatch(/^3 groups on 2 geographies · targets met: \d+ to \d+ of 12 · most disputed: Network rollout$/);
    expect(onBoard.current?.groups).toEqual([
      { name: 'Group A', scenario: 'Scenario s-g1', notes: 'We start with the schools.' },
      { name: 'Group B', scenario: 'Scenario s-g2', notes: '' },
      { name: 'Group C', scenario: 'Scenario s-g3', notes: '' },
    ]);
    expect(onBoard.next?.title).toBe('Room’s plan: Kisumu room');
    expect(onBoard.next?.headline).toMatch(/^The room’s plan for 3 groups on Uganda: \d+ of 12 targets met, USD [\d.,]+ (m|bn); 1 lever set by hand$/);
    expect(onBoard.titles).toEqual(['Workshop board: Kisumu room', 'Room’s plan: Kisumu room', 'Balanced plan']);

    // a presenter command moves on: the plan is current (its notes are the plan's), the next is a scenario
    p.command('next');
    const onPlan = p.stateMessage('s1');
    expect(onPlan.index).toBe(1);
    expect(onPlan.current?.groups).toBeUndefined();
    expect(onPlan.current?.notes).toContain('Group A: Scenario s-g1');
    expect(onPlan.next).toMatchObject({ title: 'Balanced plan' });
    expect(onPlan.next?.headline).toBeUndefined();
    p.command('next');
    expect(p.stateMessage('s1').current).toMatchObject({ title: 'Balanced plan', notes: 'Say the cost first.' });
    expect(p.stateMessage('s1').next).toBeNull();
  });

  it('the board’s summary without a plan, and when every group agrees (no lever disputed)', async () => {
    const s = await slides(false);
    const { lib, ws } = fakes();
    const p = new Presentation(lib, ws, s);
    await p.load();
    expect(p.stateMessage('x').current?.headline).toMatch(/^3 groups on 2 geographies · targets met: \d+ to \d+ of 12 · most disputed: Network rollout$/);
    const agreed: WorkshopSlides = { ...s, board: { ...s.board, levers: s.board.levers.map((l) => ({ ...l, disagreement: 0 })) } };
    const q = new Presentation(lib, ws, agreed);
    await q.load();
    expect(q.stateMessage('x').current?.headline).toMatch(/^3 groups on 2 geographies · targets met: \d+ to \d+ of 12$/);
    // the working scenario's preview stays the scenario summary
    expect(q.stateMessage('x').next).toMatchObject({ title: 'Working scenario' });
    expect(q.stateMessage('x').next?.headline).toBeUndefined();
  });

  it('blanking and moving: a navigation while blanked brings the slide back first; the announcement names the slide', async () => {
    const { lib, ws } = fakes(['mine']);
    const p = new Presentation(lib, ws, await slides(true));
    await p.load();
    p.command('blank');
    expect(p.stateMessage('x').blank).toBe(true);
    p.command('next');
    expect([p.blank, p.index]).toEqual([false, 0]);
    p.command('last');
    expect(p.index).toBe(2);
    p.command({ goto: 0 });
    expect(p.announcement).toBe('Slide 1 of 3: Workshop board: Kisumu room');
  });
});
