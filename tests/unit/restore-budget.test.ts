// Protects restore's budget (issue 14): the hostile inputs that froze or crashed tabs — huge lists of
// empty scenarios, a 5 MB [0,0,…] list, wide objects, deep nesting — are refused by the cheap limits
// before anything is copied or validated, quickly and naming the field; and what the model could not
// run (lever starts before the base year) or should not show (bidi overrides, lone surrogates, impossible
// dates) never comes out of restore as it went in.
import { describe, expect, it } from 'vitest';
import { localizeRestore } from '../../src/scenario/restore-messages.ts';
import '../../src/i18n/english.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, restore } from '../../src/scenario/restore.ts';
import { restoreApi } from '../../src/scenario/restore-api.ts';
import { affixName, cleanText } from '../../src/scenario/names.ts';
import type { RestoreResult, RestoreSource } from '../../src/scenario/types.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const single = () => JSON.parse(readFileSync(path.join(FIXTURES, 'v1-single-scenario.json'), 'utf8')) as { scenarios: Array<Record<string, any>> } & Record<string, unknown>;
const SRC: RestoreSource = { kind: 'file', name: 'hostile.json' };
const ENVELOPE = '{"type":"pathways-2030/scenarios","version":1,"app":"x","model":"x","exportedAt":"2030-01-01T00:00:00Z","scenarios":';

/** Restores a file's text. */
function read(text: string): { r: RestoreResult } {
  return { r: parseScenarioText(text, SRC) };
}
const refusal = (r: RestoreResult) => {
  if (r.ok) throw new Error('expected a refusal');
  return r;
};

describe('restore budget: hostile inputs are refused by the cheap limits, fast', () => {
  // No timing asserts here (speed is measured by `npm run bench:restore` and the e2e long-task checks):
  // these check that the cheap limits are what refuses each input, which is what makes it fast.

  it('a 1 MB list of empty scenarios {} is refused at "scenarios" by its count', () => {
    const { r } = read(`${ENVELOPE}[${Array(330_000).fill('{}').join(',')}]}`);
    expect(refusal(r).path).toBe('scenarios');
    expect(refusal(r).message).toMatch(/1 to 500 scenarios.*330,000/);
  });

  it('a 5 MB [0,0,…] list as scenarios is refused by its count', () => {
    const { r } = read(`${ENVELOPE}[${Array(2_500_000).fill('0').join(',')}]}`);
    expect(refusal(r).path).toBe('scenarios');
  });

  it('a long list anywhere else (a v0 input\'s levers) is refused at its path', () => {
    const r = restore({ levers: Array(100_000).fill(0) }, SRC);
    expect(refusal(r).path).toBe('levers');
    expect(refusal(r).message).toMatch(/at most 500 items/);
  });

  it('an object with 100,000 keys is refused at its path without walking them', () => {
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const r = restore({ geography: 'world', overrides: wide }, SRC);
    expect(refusal(r).path).toBe('overrides');
    expect(refusal(r).message).toMatch(/at most 256 fields/);
  });

  it('500 scenarios that are each a big list exceed the total value budget and are refused', () => {
    const r = restore({ type: 'pathways-2030/scenarios', version: 1, scenarios: Array.from({ length: 500 }, () => Array(500).fill({ a: 1, b: 2 })) }, SRC);
    expect(refusal(r).message).toMatch(/values in all|expected/);
  });

  it('nesting deeper than any valid file is refused', () => {
    const r = parseScenarioText(`{"levers":${'['.repeat(5000)}${']'.repeat(5000)}}`, SRC);
    expect(refusal(r).path).toMatch(/^levers/);
  });

  it('500 empty scenarios {} stop at the first fatal error, naming scenarios.0', () => {
    const { r } = read(`${ENVELOPE}[${Array(500).fill('{}').join(',')}]}`);
    expect(refusal(r).path).toMatch(/^scenarios\.0\./);
  });

  it('an envelope without app, model or exportedAt reports its real fault, not "app: missing"', () => {
    const f = single();
    delete f.app;
    delete f.model;
    delete f.exportedAt;
    f.scenarios[0]!.levers.networkRollout.value = 999;
    expect(refusal(restore(f, SRC)).path).toBe('scenarios.0.levers.networkRollout.value');
    delete f.scenarios[0]!.levers.networkRollout;
    const ok = restore(f, SRC);
    expect(ok.ok && ok.notes.join(' ')).toMatch(/does not say app, model, exportedAt/);
  });

  it('the worker API refuses an over-size file before reading it', async () => {
    const big = new Blob([new Uint8Array(6 * 1024 * 1024)]);
    const r = await restoreApi.file(big, 'big.json');
    expect(refusal(localizeRestore(r)).message).toMatch(/at most 5 MB/);
  });
});

describe('restore returns only what the model can run and the screen can show safely', () => {
  it('a lever start at or before the base year becomes null (acts from the first projected year), with a note', () => {
    const f = single();
    f.scenarios[0]!.levers.networkRollout.start = 2010;
    const r = restore(f, SRC);
    if (!r.ok) throw new Error(r.message);
    expect(r.scenarios[0]!.levers.networkRollout.start).toBeNull();
    expect(r.notes.join(' ')).toMatch(/networkRollout.*acts from 2026/);
  });

  it('a custom geography with base year 2015 keeps starts from 2016 and clears earlier ones', () => {
    const f = single();
    f.scenarios[0]!.geography = { id: 'x', name: 'X', inheritFrom: 'world', baseYear: 2015 };
    f.scenarios[0]!.levers.networkRollout.start = 2016;
    f.scenarios[0]!.levers.digitalSkills.start = 2015;
    const r = restore(f, SRC);
    if (!r.ok) throw new Error(r.message);
    expect(r.scenarios[0]!.levers.networkRollout.start).toBe(2016);
    expect(r.scenarios[0]!.levers.digitalSkills.start).toBeNull();
  });

  it('bidi overrides, NUL characters and lone surrogates are removed from names, with a note', () => {
    const f = single();
    f.scenarios[0]!.name = 'Budget \u202Egnp.exe\u202C\u0000 \uD800x';
    const r = restore(f, SRC);
    if (!r.ok) throw new Error(r.message);
    expect(r.scenarios[0]!.name).toBe('Budget gnp.exe \uFFFDx');
    expect(r.notes.join(' ')).toMatch(/bidi-override/);
  });

  it('an impossible date (2026-02-31) is refused, naming the field', () => {
    const f = single();
    f.scenarios[0]!.createdAt = '2026-02-31T00:00:00Z';
    expect(refusal(restore(f, SRC)).path).toBe('scenarios.0.createdAt');
  });
});

describe('names: suffixes never push a name past its limit', () => {
  it('"Copy of " and " (imported)" on a 120-character name stay within 120 characters', () => {
    const long = 'x'.repeat(120);
    expect(affixName(long, { prefix: 'Copy of ' })).toHaveLength(120);
    expect(affixName(long, { suffix: ' (imported)' })).toMatch(/x…  ?\(imported\)$|x… \(imported\)$/);
    expect(affixName(long, { suffix: ' (imported)' }).length).toBeLessThanOrEqual(120);
    expect(affixName('short', { suffix: ' (imported)' })).toBe('short (imported)');
  });

  it('never splits a surrogate pair when shortening', () => {
    const name = '😀'.repeat(60);
    const out = affixName(name, { suffix: ' (my copy)' });
    expect(out.length).toBeLessThanOrEqual(120);
    expect(cleanText(out)).toBe(out);
  });
});
