// The published JSON Schema (public/schema/scenarios-v1.json): generated from the registries, valid
// draft 2020-12, accepts every preset and every file the app exports, and draws the same lines as
// the valibot schema restore() validates with.
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import * as v from 'valibot';
import { INDICATORS, LEVERS, MAX_DRAWS, PARAMETERS, TARGET_YEAR } from '../../src/model/index.ts';
import { buildJsonSchema } from '../../src/scenario/json-schema.ts';
import { ScenarioFileSchema } from '../../src/scenario/schema.ts';
import { PRESET_FILES } from '../../src/scenario/presets.ts';
import { parseScenarioText } from '../../src/scenario/restore.ts';
import { serializeScenarioFile, toScenarioFile } from '../../src/scenario/file.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const SCHEMA_TEXT = read('public/schema/scenarios-v1.json');
const ajv = new Ajv2020({ strict: true, allErrors: false });
const validate = ajv.compile(JSON.parse(SCHEMA_TEXT) as object);
const deps = { now: () => '2026-01-01T00:00:00.000Z', newId: () => 'new-id' };

const jsonSchemaAccepts = (data: unknown) => validate(data) === true;
const valibotAccepts = (data: unknown) => v.safeParse(ScenarioFileSchema, data).success;

type Mutable = { scenarios: Array<Record<string, unknown> & { levers: Record<string, { value: number; start: unknown }>; overrides: Record<string, unknown>; geography: unknown }> } & Record<string, unknown>;
const base = () => JSON.parse(read('tests/fixtures/v1-single-scenario.json')) as Mutable;
const customBase = () => JSON.parse(read('tests/fixtures/v1-custom-geography.json')) as Mutable;

describe('the published JSON Schema', () => {
  it('is exactly what buildJsonSchema() generates from the registries', () => {
    expect(SCHEMA_TEXT).toBe(`${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
  });

  it('compiles as draft 2020-12 in ajv strict mode', () => {
    expect(typeof validate).toBe('function');
    expect((JSON.parse(SCHEMA_TEXT) as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(PRESET_FILES.map(([name]) => name))('accepts the preset %s', (name) => {
    expect(validate(JSON.parse(read(`scenarios/${name}`))), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(['v0-projection-input.json', 'v1-single-scenario.json', 'v1-bare-scenario.json', 'v1-missing-levers.json', 'v1-custom-geography.json'])(
    'accepts the file the app exports after restoring %s',
    (name) => {
      const r = parseScenarioText(read(`tests/fixtures/${name}`), { kind: 'file', name }, undefined, deps);
      if (!r.ok) throw new Error(r.message);
      const exported = JSON.parse(serializeScenarioFile(toScenarioFile(r.scenarios, '0.1.0', deps.now))) as unknown;
      expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it.each(['bad-unknown-lever.json', 'bad-out-of-range.json', 'bad-proto.json', 'bad-wrong-type.json', 'bad-future-version.json', 'v1-missing-levers.json'])(
    'rejects %s, as the valibot schema does',
    (name) => {
      const data = JSON.parse(read(`tests/fixtures/${name}`)) as unknown;
      expect(valibotAccepts(data)).toBe(false);
      expect(jsonSchemaAccepts(data)).toBe(false);
    },
  );
});

/** One change to a valid file, and whether both schemas should accept the result. */
type Case = [label: string, change: (f: Mutable) => void, valid: boolean];

function boundaryCases(): Case[] {
  const cases: Case[] = [];
  for (const l of LEVERS) {
    const set = (value: unknown) => (f: Mutable) => { (f.scenarios[0]!.levers[l.id] as { value: unknown }).value = value; };
    cases.push([`${l.id} = min`, set(l.min), true], [`${l.id} = max`, set(l.max), true], [`${l.id} below min`, set(l.min - l.step), false], [`${l.id} above max`, set(l.max + l.step), false], [`${l.id} as text`, set(String(l.max)), false]);
  }
  const start = (value: unknown) => (f: Mutable) => { f.scenarios[0]!.levers.networkRollout!.start = value; };
  cases.push(['start null', start(null), true], ['start 2000', start(2000), true], [`start ${TARGET_YEAR}`, start(TARGET_YEAR), true], ['start 1999', start(1999), false], [`start ${TARGET_YEAR + 1}`, start(TARGET_YEAR + 1), false], ['start 2027.5', start(2027.5), false], ['start missing', (f) => { delete (f.scenarios[0]!.levers.networkRollout as Record<string, unknown>).start; }, false]);
  for (const p of PARAMETERS) {
    const set = (value: number) => (f: Mutable) => { f.scenarios[0]!.overrides = { [p.id]: value }; };
    const eps = Math.max(Math.abs(p.high - p.low) * 1e-3, 1e-9);
    cases.push([`${p.id} = low`, set(p.low), true], [`${p.id} = high`, set(p.high), true], [`${p.id} below low`, set(p.low - eps), false], [`${p.id} above high`, set(p.high + eps), false]);
  }
  const field = (key: string, value: unknown) => (f: Mutable) => { f.scenarios[0]![key] = value; };
  cases.push(
    ['draws 10', field('draws', 10), true], [`draws ${MAX_DRAWS}`, field('draws', MAX_DRAWS), true], ['draws 9', field('draws', 9), false], [`draws ${MAX_DRAWS + 1}`, field('draws', MAX_DRAWS + 1), false], ['draws 100.5', field('draws', 100.5), false],
    ['seed 0', field('seed', 0), true], ['seed 2^32 - 1', field('seed', 2 ** 32 - 1), true], ['seed -1', field('seed', -1), false], ['seed 2^32', field('seed', 2 ** 32), false],
    ['revision 1', field('revision', 1), true], ['revision 0', field('revision', 0), false], ['revision 1.5', field('revision', 1.5), false],
    ['name of 120', field('name', 'n'.repeat(120)), true], ['name of 121', field('name', 'n'.repeat(121)), false], ['empty name', field('name', ''), true],
    ['author of 121', field('author', 'a'.repeat(121)), false], ['notes of 20000', field('notes', 'x'.repeat(20000)), true], ['notes of 20001', field('notes', 'x'.repeat(20001)), false],
    ['id empty', field('id', ''), false], ['id of 64', field('id', 'i'.repeat(64)), true], ['id of 65', field('id', 'i'.repeat(65)), false],
    ['date with offset', field('createdAt', '2025-01-01T10:00:00+05:30'), true], ['date without zone', field('createdAt', '2025-01-01T10:00:00'), false], ['date only', field('createdAt', '2025-01-01'), false], ['month 13', field('createdAt', '2025-13-01T00:00:00Z'), false],
    ['geography empty', field('geography', ''), false], ['geography a number', field('geography', 5), false],
    ['unknown scenario field', field('colour', 'red'), false],
    ['$schema given', (f) => { f.$schema = 'https://pathways-2030.invalid/schema/scenarios-v1.json'; }, true],
    ['unknown envelope field', (f) => { f.extra = 1; }, false],
    ['no scenarios', (f) => { f.scenarios = []; }, false],
    ['app empty', (f) => { f.app = ''; }, false],
  );
  return cases;
}

function customGeographyCases(): Case[] {
  const geo = (f: Mutable) => f.scenarios[0]!.geography as Record<string, unknown> & { indicators: Record<string, Record<string, unknown>> };
  const cases: Case[] = [];
  for (const d of INDICATORS) {
    const [lo, hi] = d.bounds;
    const set = (value: number) => (f: Mutable) => { geo(f).indicators = { [d.id]: { value, history: { '2020': value } } }; };
    cases.push([`${d.id} = ${lo}`, set(lo), true], [`${d.id} = ${hi}`, set(hi), true], [`${d.id} above ${hi}`, set(hi + 0.01), false], [`${d.id} below ${lo}`, set(lo - 0.01), false]);
  }
  cases.push(
    ['history key not a year', (f) => { geo(f).indicators = { internetUse: { history: { soon: 50 } } }; }, false],
    ['indicator year 1989', (f) => { geo(f).indicators = { internetUse: { year: 1989 } }; }, false],
    ['unknown indicator', (f) => { geo(f).indicators = { happiness: { value: 1 } }; }, false],
    ['population 0', (f) => { geo(f).population = 0; }, false],
    ['baseYear 2030', (f) => { geo(f).baseYear = 2030; }, false],
    ['blank name', (f) => { geo(f).name = '   '; }, false],
    ['no inheritFrom', (f) => { delete geo(f).inheritFrom; }, false],
  );
  return cases;
}

describe('the JSON Schema and the valibot schema draw the same lines', () => {
  it.each(boundaryCases())('%s', (_, change, valid) => {
    const f = base();
    change(f);
    expect(valibotAccepts(f)).toBe(valid);
    expect(jsonSchemaAccepts(f)).toBe(valid);
  });

  it.each(customGeographyCases())('custom geography: %s', (_, change, valid) => {
    const f = customBase();
    change(f);
    expect(valibotAccepts(f)).toBe(valid);
    expect(jsonSchemaAccepts(f)).toBe(valid);
  });
});
