// Protects the pure rules behind the briefing views (issue 15): a preset is applied to a geography and
// named with it, and a deck entry keeps that geography (old entries without one mean World); "Add to
// deck" on a never-saved deck keeps the working scenario first so there are two slides at once, and
// never adds the same slide twice; a name's counter says how many characters are too many instead of
// cutting; and every briefing view's rows and count come from summariseTargets (all fifteen
// indicators under their twelve targets).
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { project } from '../../src/model/index.ts';
import { summariseTargets } from '../../src/model/targets.ts';
import { INDICATORS } from '../../src/model/registry/indicators.ts';
import { PRESETS, parsePresetRef, presetOn, presetRef } from '../../src/scenario/presets.ts';
import { nameCounter } from '../../src/scenario/names.ts';
import { CURRENT_REF, DeckStore, deckAddedText } from '../../src/state/deck-store.ts';
import { MemoryScenarioStore } from '../../src/persistence/index.ts';
import { countText, targetGroups } from '../../src/state/presentation.svelte.ts';
import { navAction } from '../../src/state/present-keys.ts';

const balanced = PRESETS.find((p) => p.id === 'preset-balanced-plan')!;

describe('presets relative to the geography', () => {
  it('applies the lever settings to the geography and names the copy with it', () => {
    const k = presetOn(balanced, 'KEN', 'Kenya');
    expect(k.geography).toBe('KEN');
    expect(k.name).toBe('Balanced plan — Kenya');
    expect(k.levers).toEqual(balanced.levers);
    expect(k.overrides).toEqual(balanced.overrides);
    // the preset itself is untouched (it is frozen)
    expect(balanced.geography).toBe('world');
    expect(balanced.name).toBe('Balanced plan');
  });

  it('a deck entry keeps its geography; an entry without one (older decks) is the preset on World', () => {
    const ref = presetRef(balanced.id, 'KEN');
    expect(parsePresetRef(ref)).toEqual({ preset: balanced, geographyId: 'KEN' });
    expect(parsePresetRef(balanced.id)).toEqual({ preset: balanced, geographyId: 'world' });
    expect(parsePresetRef(presetRef(balanced.id, 'custom-1'))?.geographyId).toBe('custom-1');
    expect(parsePresetRef('some-saved-id')).toBeNull();
    expect(parsePresetRef(`${balanced.id}@`)).toBeNull();
  });
});

describe('Add to deck', () => {
  it('on a never-saved deck keeps the working scenario first, so the deck has two slides at once', async () => {
    const repo = new MemoryScenarioStore();
    const store = new DeckStore(() => repo, () => {});
    const ref = presetRef(balanced.id, 'KEN');
    expect(await store.append(ref)).toEqual({ added: true, slide: 2, count: 2 });
    expect((await repo.loadDeck())?.ids).toEqual([CURRENT_REF, ref]);
    // the same slide is not added twice
    expect(await store.append(ref)).toEqual({ added: false, slide: 2, count: 2 });
    expect(await store.append('saved-1')).toEqual({ added: true, slide: 3, count: 3 });
    expect(deckAddedText('Plan', { added: true, slide: 3, count: 3 })).toBe('Added “Plan” to the deck as slide 3 of 3. Present shows it.');
    expect(deckAddedText('Plan', { added: false, slide: 2, count: 3 })).toBe('“Plan” is already slide 2 of the deck.');
  });

  it('reports a storage failure instead of throwing', async () => {
    const failures: string[] = [];
    const broken = { loadDeck: () => Promise.reject({ kind: 'unavailable', message: 'no storage' }) } as unknown as MemoryScenarioStore;
    const store = new DeckStore(() => broken, (m) => failures.push(m));
    expect(await store.append('x')).toBeNull();
    expect(failures).toHaveLength(1);
    expect(deckAddedText('Plan', null)).toMatch(/could not be added/);
  });
});

describe('name counter', () => {
  it('counts what would be stored and says how many characters are too many, never cutting', () => {
    expect(nameCounter('  Plan  ')).toEqual({ length: 4, over: false, text: '4 of 120 characters' });
    const long = 'x'.repeat(125);
    expect(nameCounter(long)).toEqual({ length: 125, over: true, text: '125 of 120 characters: 5 too many' });
    expect(nameCounter('x'.repeat(120)).over).toBe(false);
  });
});

describe('one count in every briefing view', () => {
  it('targetGroups lists all fifteen indicators under their twelve targets, and countText is summariseTargets in words', async () => {
    const r = await project({ geography: 'KEN', levers: { networkRollout: 20, digitalSkills: 8 }, uncertainty: false });
    const { groups, summary } = targetGroups(r);
    expect(groups).toHaveLength(12);
    expect(groups.flatMap((g) => g.inds.map((i) => i.id))).toEqual(INDICATORS.map((d) => d.id));
    expect(groups.find((g) => g.target.id === '2.1')!.inds.map((i) => i.id)).toEqual(['genderParity', 'urbanRuralRatio', 'youthRatio']);
    expect(summary).toEqual(summariseTargets(r.indicators));
    expect(countText(summary)).toBe(`${summary.met} of 12 targets met · ${summary.onTrack} on track`);
    // a target is met only when all its indicators are
    for (const g of groups) if (g.status === 'met') expect(g.inds.every((i) => i.status === 'met')).toBe(true);
  });
});

describe('presentation keys follow the page direction (issue 17: keyboard arrows follow the direction)', () => {
  const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false });
  it('left to right: → and PageDown go forward, ← and PageUp back', () => {
    expect([navAction(key('ArrowRight')), navAction(key('PageDown')), navAction(key('ArrowLeft')), navAction(key('PageUp'))]).toEqual(['next', 'next', 'prev', 'prev']);
  });
  it('right to left (Arabic): ← goes forward and → back; a clicker’s PageDown/PageUp keep their meaning', () => {
    expect([navAction(key('ArrowLeft'), 'rtl'), navAction(key('ArrowRight'), 'rtl'), navAction(key('PageDown'), 'rtl'), navAction(key('PageUp'), 'rtl')]).toEqual(['next', 'prev', 'next', 'prev']);
  });
  it('a modified arrow is not a slide step', () => {
    expect(navAction({ ...key('ArrowRight'), ctrlKey: true }, 'rtl')).toBeNull();
  });
});
