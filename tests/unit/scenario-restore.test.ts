// The one restore path (src/scenario/restore.ts), as a specification: what each old or odd input
// becomes, and how each bad one is rejected (field path in the input as given, and what was expected).
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEVERS, MODEL_VERSION } from '../../src/model/index.ts';
import { describeRestoreError, IMPORTED_NAME, parseScenarioText, restore } from '../../src/scenario/restore.ts';
import { serializeScenarioFile, toScenarioFile } from '../../src/scenario/file.ts';
import { MAX_FILE_BYTES, type RestoreResult, type RestoreSource, type Scenario } from '../../src/scenario/types.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const NOW = '2026-02-03T04:05:06.000Z';
const deps = { now: () => NOW, newId: () => 'fresh-id' };
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(text(name));
const fromFile = (name: string): RestoreResult => parseScenarioText(text(name), { kind: 'file', name }, undefined, deps);
const file: RestoreSource = { kind: 'file', name: 'my-plan.json' };

function ok(r: RestoreResult): { scenarios: Scenario[]; notes: string[]; fromVersion: number } {
  if (!r.ok) throw new Error(`expected ok, got ${describeRestoreError(r)}`);
  return r;
}
function bad(r: RestoreResult): { path: string; message: string } {
  if (r.ok) throw new Error('expected an error, got scenarios');
  return r;
}
const only = (r: RestoreResult): Scenario => {
  const { scenarios } = ok(r);
  expect(scenarios).toHaveLength(1);
  return scenarios[0]!;
};
/** A fresh copy of the single-scenario v1 fixture to break in one place. */
const v1 = () => fixture('v1-single-scenario.json') as { scenarios: Array<Record<string, unknown> & { levers: Record<string, Record<string, unknown>> }> } & Record<string, unknown>;

describe('restore: version 0 (the CLI projection input)', () => {
  it('a version 0 projection input becomes a v1 scenario with every lever', () => {
    const r = fromFile('v0-projection-input.json');
    expect(ok(r).fromVersion).toBe(0);
    const s = only(r);
    expect(Object.keys(s.levers)).toEqual(LEVERS.map((l) => l.id));
    expect(s.levers.networkRollout).toEqual({ value: 20, start: null });
    expect(s.levers.digitalSkills).toEqual({ value: 10, start: 2027 });
    expect(s.levers.schoolConnectivity).toEqual({ value: 25, start: null });
    expect(s.levers.greenNetworks).toEqual({ value: 0, start: null });
    expect(s).toMatchObject({ id: 'fresh-id', name: IMPORTED_NAME, description: '', notes: '', author: '', createdAt: NOW, updatedAt: NOW, revision: 1, geography: 'KEN', overrides: { priceElasticity: 0.8 }, seed: 42, draws: 1000 });
  });

  it('a version 0 input without seed, draws or geography gets seed 20302030, 1000 draws and World', () => {
    const s = only(restore({ levers: {} }, file, deps));
    expect(s).toMatchObject({ geography: 'world', seed: 20302030, draws: 1000, overrides: {} });
  });

  it('says in its notes that it converted a version 0 input', () => {
    expect(ok(fromFile('v0-projection-input.json')).notes.join(' ')).toMatch(/version 0/);
  });

  it('names a version 0 lever given as a plain number by its own path, not .value', () => {
    const e = bad(restore({ levers: { networkRollout: 41 } }, file, deps));
    expect(e.path).toBe('levers.networkRollout');
    expect(e.message).toContain('from 0 to 40');
  });

  it('rejects an unknown lever in a version 0 input naming levers.<id>', () => {
    expect(bad(restore({ levers: { warpDrive: 1 } }, file, deps)).path).toBe('levers.warpDrive');
  });

  it('rejects an unknown top-level field in a version 0 input', () => {
    const e = bad(restore({ levers: {}, colour: 'blue' }, file, deps));
    expect(e.path).toBe('colour');
    expect(e.message).toMatch(/unknown field "colour"/);
  });
});

describe('restore: version 1', () => {
  it('restores a v1 file with its scenario unchanged', () => {
    const r = fromFile('v1-single-scenario.json');
    expect(ok(r).fromVersion).toBe(1);
    expect(only(r)).toEqual(v1().scenarios[0]);
  });

  it('notes when the file was written by another model version', () => {
    expect(ok(fromFile('v1-single-scenario.json')).notes.join(' ')).toContain(`this app runs model ${MODEL_VERSION}`);
  });

  it('restores a bare v1 scenario (no envelope) as one scenario', () => {
    expect(only(fromFile('v1-bare-scenario.json'))).toEqual(fixture('v1-bare-scenario.json'));
  });

  it('names fields of a bare scenario by their path in the scenario itself', () => {
    const bare = fixture('v1-bare-scenario.json') as { levers: { networkRollout: { value: number } } };
    bare.levers.networkRollout.value = -1;
    expect(bad(restore(bare, { kind: 'storage' }, deps)).path).toBe('levers.networkRollout.value');
  });

  it('restores a custom geography whose inheritFrom exists', () => {
    const s = only(fromFile('v1-custom-geography.json'));
    expect(s.geography).toMatchObject({ id: 'island', inheritFrom: 'asia-pacific', indicators: { internetUse: { history: { '2020': 48 } } } });
  });

  it('fills missing levers with their defaults and says so', () => {
    const r = fromFile('v1-missing-levers.json');
    const s = only(r);
    expect(Object.keys(s.levers).sort()).toEqual(LEVERS.map((l) => l.id).sort());
    expect(s.levers.networkRollout).toEqual({ value: 15, start: null });
    expect(s.levers.greenNetworks).toEqual({ value: 0, start: null });
    expect(ok(r).notes.join('\n')).toMatch(/levers affordabilitySubsidy, .*greenNetworks missing; set to their defaults/);
  });

  it('fills a missing start year with null (from the base year on) and says so', () => {
    const r = fromFile('v1-missing-levers.json');
    expect(only(r).levers.schoolConnectivity).toEqual({ value: 30, start: null });
    expect(ok(r).notes.join('\n')).toMatch(/no start year for schoolConnectivity/);
  });

  it('fills missing overrides, notes and author and says so', () => {
    const r = fromFile('v1-missing-levers.json');
    expect(only(r)).toMatchObject({ overrides: {}, notes: '', author: '' });
    const notes = ok(r).notes.join('\n');
    expect(notes).toMatch(/no assumption overrides/);
    expect(notes).toMatch(/no notes or author; left empty/);
  });

  it('leaves its input untouched', () => {
    const input = fixture('v1-missing-levers.json');
    const copy = structuredClone(input);
    ok(restore(input, file, deps));
    expect(input).toEqual(copy);
  });

  it('treats -0 as 0, so a restored scenario survives a JSON round trip', () => {
    const f = v1();
    f.scenarios[0]!.levers.networkRollout!.value = -0;
    expect(Object.is(only(restore(f, file, deps)).levers.networkRollout.value, 0)).toBe(true);
  });

  it('restores what it exported: the round trip through a file is the identity', () => {
    const first = ok(fromFile('v1-missing-levers.json')).scenarios;
    const again = ok(parseScenarioText(serializeScenarioFile(toScenarioFile(first, 'test', deps.now)), file, undefined, deps)).scenarios;
    expect(again).toEqual(first);
  });
});

describe('restore: rejections', () => {
  it('rejects an unknown lever naming scenarios.0.levers.<id> and listing the levers', () => {
    const e = bad(fromFile('bad-unknown-lever.json'));
    expect(e.path).toBe('scenarios.0.levers.fibreToTheMoon');
    expect(e.message).toContain('networkRollout');
  });

  it('rejects an out-of-range lever value naming scenarios.2.levers.networkRollout.value and the range', () => {
    const e = bad(fromFile('bad-out-of-range.json'));
    expect(e.path).toBe('scenarios.2.levers.networkRollout.value');
    expect(e.message).toBe('expected a number from 0 to 40 (% of uncovered people newly covered per year)');
  });

  it('rejects a "__proto__" key anywhere, naming where, and pollutes nothing', () => {
    const e = bad(fromFile('bad-proto.json'));
    expect(e.path).toBe('scenarios.0.overrides.__proto__');
    expect(e.message).toMatch(/"__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['constructor', 'prototype'])('rejects a "%s" key too', (key) => {
    const f = v1();
    (f.scenarios[0]!.levers.digitalSkills as Record<string, unknown>)[key] = 1;
    expect(bad(restore(f, file, deps)).path).toBe(`scenarios.0.levers.digitalSkills.${key}`);
  });

  it('rejects a file of another type with a clear message', () => {
    const e = bad(fromFile('bad-wrong-type.json'));
    expect(e.path).toBe('type');
    expect(e.message).toMatch(/not a Pathways 2030 scenario file.*"excalidraw"/);
  });

  it('rejects an envelope without a type', () => {
    const f = v1();
    delete f.type;
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'type', message: expect.stringMatching(/has no type/) });
  });

  it('rejects a future version, saying a newer Pathways 2030 wrote it', () => {
    const e = bad(fromFile('bad-future-version.json'));
    expect(e.path).toBe('version');
    expect(e.message).toMatch(/version 2, written by a newer Pathways 2030/);
  });

  it.each([0, -1, 1.5, '1', null])('rejects an envelope claiming version %j', (version) => {
    expect(bad(restore({ ...v1(), version }, file, deps)).path).toBe('version');
  });

  it('rejects a missing required field, saying it is missing and what it holds', () => {
    const f = v1();
    delete f.scenarios[0]!.createdAt;
    const e = bad(restore(f, file, deps));
    expect(e.path).toBe('scenarios.0.createdAt');
    expect(e.message).toBe('missing; expected an ISO 8601 date-time such as 2030-01-01T00:00:00Z');
  });

  it('rejects a date that is not an ISO 8601 date-time', () => {
    const f = v1();
    f.scenarios[0]!.updatedAt = '14/03/2025';
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'scenarios.0.updatedAt', message: expect.stringMatching(/ISO 8601/) });
  });

  it('rejects a start year that is not a whole year or null', () => {
    const f = v1();
    f.scenarios[0]!.levers.networkRollout!.start = 2027.5;
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'scenarios.0.levers.networkRollout.start', message: expect.stringMatching(/or null/) });
  });

  it('rejects an unknown field in a scenario', () => {
    const f = v1();
    f.scenarios[0]!.colour = 'red';
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'scenarios.0.colour', message: expect.stringMatching(/unknown field "colour"/) });
  });

  it('rejects an unknown assumption naming scenarios.0.overrides.<id>', () => {
    const f = v1();
    f.scenarios[0]!.overrides = { lightSpeed: 1 };
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'scenarios.0.overrides.lightSpeed', message: expect.stringMatching(/no assumption "lightSpeed"/) });
  });

  it('rejects a name longer than 120 characters', () => {
    const f = v1();
    f.scenarios[0]!.name = 'x'.repeat(121);
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'scenarios.0.name', message: 'expected a name of at most 120 characters' });
  });

  it('rejects draws and seeds outside their ranges', () => {
    const f = v1();
    f.scenarios[0]!.draws = 5;
    expect(bad(restore(f, file, deps)).path).toBe('scenarios.0.draws');
    const g = v1();
    g.scenarios[0]!.seed = 2 ** 32;
    expect(bad(restore(g, file, deps)).path).toBe('scenarios.0.seed');
  });

  it('rejects an unknown geography id', () => {
    const f = v1();
    f.scenarios[0]!.geography = 'atlantis';
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'scenarios.0.geography', message: expect.stringMatching(/"atlantis" is not one/) });
  });

  it('rejects a custom geography whose inheritFrom does not exist', () => {
    const f = fixture('v1-custom-geography.json') as { scenarios: Array<{ geography: { inheritFrom: string } }> };
    f.scenarios[0]!.geography.inheritFrom = 'atlantis';
    expect(bad(restore(f, file, deps)).path).toBe('scenarios.0.geography.inheritFrom');
  });

  it('rejects two scenarios with the same id', () => {
    const f = v1();
    f.scenarios.push({ ...f.scenarios[0]!, name: 'Copy' });
    expect(bad(restore(f, file, deps))).toMatchObject({ path: 'scenarios.1.id', message: expect.stringMatching(/scenarios\.0 already has/) });
  });

  it('rejects an empty scenario list', () => {
    expect(bad(restore({ ...v1(), scenarios: [] }, file, deps)).path).toBe('scenarios');
  });

  it.each([[[]], [null], ['a string'], [42], [undefined]])('rejects a top level that is not an object (%j)', (input) => {
    expect(bad(restore(input, file, deps))).toMatchObject({ path: '(top level)', message: expect.stringMatching(/^expected a scenario file/) });
  });

  it.each([[{}], [{ colour: 'red' }]])('rejects an object that is none of the known shapes (%j)', (input) => {
    expect(bad(restore(input, file, deps)).path).toBe('(top level)');
  });

  it('rejects data nested deeper than any scenario, and data that refers to itself', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(bad(restore({ levers: deep }, file, deps)).message).toMatch(/levels of nesting/);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(bad(restore(cyclic, { kind: 'storage' }, deps)).message).toMatch(/refers to itself/);
  });
});

describe('parseScenarioText', () => {
  it('rejects more than 5 MB before parsing', () => {
    const e = bad(parseScenarioText('{}', file, MAX_FILE_BYTES + 1, deps));
    expect(e.message).toMatch(/at most 5 MB; this one is 5\.0 MB/);
    expect(bad(parseScenarioText(' '.repeat(MAX_FILE_BYTES + 1), file)).message).toMatch(/at most 5 MB/);
  });

  it('counts bytes, not characters: 2 million three-byte characters are over 5 MB', () => {
    expect(bad(parseScenarioText('€'.repeat(2_000_000), file)).message).toMatch(/at most 5 MB/);
  });

  it('strips a UTF-8 byte-order mark', () => {
    ok(parseScenarioText(`\uFEFF${text('v1-single-scenario.json')}`, file, undefined, deps));
  });

  it('rejects text that is not JSON, giving the line and column', () => {
    const e = bad(fromFile('bad-not-json.txt'));
    expect(e.path).toBe('(top level)');
    expect(e.message).toMatch(/^expected JSON text; it is not valid JSON at line 4, column \d+$/);
  });

  it('rejects empty text', () => {
    expect(bad(parseScenarioText('', file)).message).toMatch(/not valid JSON/);
  });
});

describe('describeRestoreError', () => {
  // The problem as restore gives it (codes); describeRestoreError says it in English here.
  const e = {
    path: 'scenarios.0.levers.networkRollout.value',
    problem: { code: 'restore.error.expected', inner: { code: 'restore.expected.leverValue', values: { min: '0', max: '40', lever: 'networkRollout' } } },
  } as const;

  it('starts a file error with the file name', () => {
    expect(describeRestoreError({ ok: false, source: file, ...e })).toBe(
      'my-plan.json: scenarios.0.levers.networkRollout.value: expected a number from 0 to 40 (% of uncovered people newly covered per year)',
    );
  });

  it('calls a link a share link, storage saved data and a preset by its name', () => {
    expect(describeRestoreError({ ok: false, source: { kind: 'link' }, ...e })).toMatch(/^Share link: scenarios\.0/);
    expect(describeRestoreError({ ok: false, source: { kind: 'storage' }, ...e })).toMatch(/^Saved data: scenarios\.0/);
    expect(describeRestoreError({ ok: false, source: { kind: 'preset', name: 'x.json' }, ...e })).toMatch(/^Preset x\.json: /);
  });
});
