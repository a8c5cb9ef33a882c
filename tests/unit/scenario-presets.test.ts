// The preset scenarios in scenarios/: each restores through the one door, follows the preset
// conventions (fixed id, author, timestamps, World, seed, draws), is stored in canonical form and
// runs in the model.
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEVERS, project } from '../../src/model/index.ts';
import { PRESETS, PRESET_FILES } from '../../src/scenario/presets.ts';
import { serializeScenarioFile } from '../../src/scenario/file.ts';
import { toProjectionRequest } from '../../src/scenario/scenario.ts';
import type { ScenarioFile } from '../../src/scenario/types.ts';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scenarios');
const NAMES = ['current-trends', 'universal-coverage-push', 'affordability-first', 'skills-and-inclusion', 'every-school-connected', 'balanced-plan'];

describe('presets', () => {
  it('ships the six presets, one file each, all loaded by presets.ts', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(NAMES.map((n) => `${n}.json`).sort());
    expect(PRESET_FILES.map(([name]) => name)).toEqual(NAMES.map((n) => `${n}.json`));
    expect(PRESETS).toHaveLength(6);
  });

  it.each(NAMES)('%s follows the preset conventions', (name) => {
    const s = PRESETS[NAMES.indexOf(name)]!;
    expect(s).toMatchObject({ id: `preset-${name}`, author: 'Pathways 2030 team', revision: 1, geography: 'world', seed: 20302030, draws: 1000, overrides: {} });
    // presenter notes: a line or two of talking points for workshops
    expect(s.notes.length).toBeGreaterThan(20);
    expect(s.createdAt).toBe(s.updatedAt);
    // A description of several sentences.
    expect(s.description.split(/[.!?](\s|$)/).filter((x) => x.trim().length > 20).length).toBeGreaterThanOrEqual(3);
  });

  it.each(NAMES)('%s.json is stored exactly as serializeScenarioFile writes it', (name) => {
    const text = readFileSync(path.join(DIR, `${name}.json`), 'utf8');
    expect(serializeScenarioFile(JSON.parse(text) as ScenarioFile)).toBe(text);
  });

  it('current trends leaves every lever at zero', () => {
    expect(Object.values(PRESETS[0]!.levers).every((l) => l.value === 0 && l.start === null)).toBe(true);
  });

  it('the balanced plan sets every lever', () => {
    const balanced = PRESETS[NAMES.indexOf('balanced-plan')]!;
    expect(LEVERS.filter((l) => balanced.levers[l.id].value === 0).map((l) => l.id)).toEqual([]);
  });

  it('presets are frozen, so nobody edits the shared template in place', () => {
    expect(Object.isFrozen(PRESETS[1]!.levers.networkRollout)).toBe(true);
  });

  it.each(NAMES.slice(1))('%s runs in the model and improves on current trends somewhere', async (name) => {
    const r = await project(toProjectionRequest(PRESETS[NAMES.indexOf(name)]!, { uncertainty: false }));
    const last = r.years.indexOf(r.targetYear);
    const better = r.indicators.filter((i) => (i.direction === 'higher' ? i.scenario[last]! > i.baseline[last]! + 1e-9 : i.scenario[last]! < i.baseline[last]! - 1e-9));
    expect(better.length).toBeGreaterThan(0);
  });
});
