// The workshop file (src/scenario/workshop-file.ts) as a specification: what a good file restores to,
// how each bad one is refused (the file's name, the field path, what was expected, and nothing else
// kept), that scenario files and workshop files are told apart at the one door, and that the published
// JSON Schemas (public/schema/workshop-v2.json, and v1 kept for older files) are what the code generates
// and accept what it exports; a version 1 file is migrated (its plan's implicit geography made explicit)
// to the same workshop, a version 2 file round-trips, and a later version is refused.
import '../../src/i18n/english.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describeRestoreError, parseScenarioText } from '../../src/scenario/restore.ts';
import { parseWorkshopText, restoreWorkshop, serializeWorkshop, workshopFileName, type Workshop, type WorkshopResult } from '../../src/scenario/workshop-file.ts';
import { buildWorkshopJsonSchema } from '../../src/scenario/workshop-json-schema.ts';
import { consensusScenario } from '../../src/state/workshop-collect.ts';
import { scenario, T0 } from '../support/persistence.ts';
import { setTranslator } from '../../src/i18n/runtime.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import fr from '../../src/i18n/messages/fr.json' with { type: 'json' };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const FIXTURE = 'tests/fixtures/workshop-v1.json';
const FIXTURE_V1_PLAN = 'tests/fixtures/workshop-v1-plan.json';
const FIXTURE_V2 = 'tests/fixtures/workshop-v2.json';
const source = { kind: 'file', name: 'room-a.workshop.json' } as const;
const validate = new Ajv2020({ strict: true }).compile(JSON.parse(read('public/schema/workshop-v2.json')) as object);
const validateV1 = new Ajv2020({ strict: true }).compile(JSON.parse(read('public/schema/workshop-v1.json')) as object);

function workshop(): Workshop {
  return {
    id: 'w1', name: 'Nairobi session', facilitator: 'F. Acilitator', date: '2026-12-02', geographies: ['KEN'], createdAt: T0, updatedAt: T0,
    groups: [
      { id: 'g1', name: 'Group 1', scenario: scenario('s1', { geography: 'KEN', author: 'Group 1' }) },
      { id: 'g2', name: 'Blue table', scenario: scenario('s2', { geography: 'KEN', name: 'Blue plan' }) },
    ],
  };
}
type Loose = Record<string, unknown> & { workshop?: Record<string, unknown> & { groups: Array<Record<string, unknown> & { scenario?: Record<string, unknown> & { levers: Record<string, { value: unknown }> } }> } };
const fileOf = (w = workshop()) => JSON.parse(serializeWorkshop(w, '1.0.0', () => T0)) as Loose & { workshop: NonNullable<Loose['workshop']> };
function bad(r: WorkshopResult): string {
  if (r.ok) throw new Error('expected the file to be refused');
  return describeRestoreError(r);
}

describe('the room’s plan in a workshop file', () => {
  const withPlan = (): Workshop => ({ ...workshop(), plan: { geography: 'KEN', levers: { networkRollout: 12, affordabilitySubsidy: 20 }, weights: { g2: 0, g1: 3 } } });
  it('round-trips: the handles’ values and the weights come back, in a deterministic order', () => {
    const text = serializeWorkshop(withPlan(), '1.0.0', () => T0);
    const r = parseWorkshopText(text, source);
    expect(r.ok && r.workshop.plan).toEqual({ geography: 'KEN', levers: { networkRollout: 12, affordabilitySubsidy: 20 }, weights: { g1: 3, g2: 0 } });
    expect(Object.keys(JSON.parse(text).workshop.plan.weights)).toEqual(['g1', 'g2']);
    // A workshop without a plan is written without one (and stays valid for the apps that know no plan).
    expect('plan' in JSON.parse(serializeWorkshop(workshop(), '1.0.0', () => T0)).workshop).toBe(false);
  });
  it.each<[string, (f: Loose & { workshop: NonNullable<Loose['workshop']> }) => void, RegExp]>([
    ['an unknown lever', (f) => { f.workshop.plan = { geography: 'KEN', levers: { warpDrive: 1 }, weights: {} }; }, /: workshop\.plan\.levers\.warpDrive: no lever "warpDrive" in this model/],
    ['a lever out of range', (f) => { f.workshop.plan = { geography: 'KEN', levers: { networkRollout: 400 }, weights: {} }; }, /: workshop\.plan\.levers\.networkRollout: expected a number from 0 to 40/],
    ['a weight of a group not in the workshop', (f) => { f.workshop.plan = { geography: 'KEN', levers: {}, weights: { g9: 2 } }; }, /: workshop\.plan\.weights\.g9: expected the id of a group/],
    ['a weight that is not a whole number from 0 to 10', (f) => { f.workshop.plan = { geography: 'KEN', levers: {}, weights: { g1: 2.5 } }; }, /: workshop\.plan\.weights\.g1: expected a whole number from 0 to 10/],
    ['an unknown field of the plan', (f) => { f.workshop.plan = { geography: 'KEN', levers: {}, weights: {}, colour: 'red' }; }, /: workshop\.plan\.colour: unknown field/],
    ['a plan without its geography (version 2)', (f) => { f.workshop.plan = { levers: {}, weights: {} }; }, /^room-a\.workshop\.json: workshop\.plan\.geography: missing; expected the geography the plan is projected on/],
    ['a plan on an unknown geography', (f) => { f.workshop.plan = { geography: 'ATLANTIS', levers: {}, weights: {} }; }, /^room-a\.workshop\.json: workshop\.plan\.geography: expected .*"ATLANTIS" is neither/],
  ])('refuses %s, naming the field', (_what, spoil, message) => {
    const f = fileOf();
    spoil(f);
    expect(bad(restoreWorkshop(f, source))).toMatch(message);
  });
});

describe('a workshop file', () => {
  it('round-trips: serialize, parse, and the same workshop comes back (fixture v1 included)', () => {
    const text = serializeWorkshop(workshop(), '1.0.0', () => T0);
    const r = parseWorkshopText(text, source);
    if (!r.ok) throw new Error(describeRestoreError(r));
    expect(r.workshop).toEqual(workshop());
    expect(r.fromVersion).toBe(2);
    const fixture = parseWorkshopText(read(FIXTURE), { kind: 'file', name: 'workshop-v1.json' });
    expect(fixture.ok && fixture.workshop.groups.map((g) => g.name)).toEqual(['Group 1', 'Blue table']);
  });

  it('is refused by the scenario door with a message that says what it is, and vice versa', () => {
    const r = parseScenarioText(read(FIXTURE), source);
    expect(r.ok).toBe(false);
    expect(!r.ok && describeRestoreError(r)).toBe('room-a.workshop.json: type: expected "pathways-2030/scenarios"; this is a Pathways 2030 workshop file (open it from the Workshop tab)');
    expect(bad(parseWorkshopText(read('tests/fixtures/v1-single-scenario.json'), source))).toMatch(/^room-a\.workshop\.json: type: .*this is a scenario file: add it as a group instead/);
  });

  const cases: Array<[string, (f: Loose) => void, RegExp]> = [
    ['a newer format version', (f) => { f.version = 3; }, /^room-a\.workshop\.json: version: expected a format version up to 2; this file has version 3, written by a newer Pathways 2030 \(update the app to open it\)$/],
    ['a version that is not a whole number', (f) => { f.version = 1.5; }, /^room-a\.workshop\.json: version: /],
    ['an unknown envelope field', (f) => { f.extra = 1; }, /: extra: unknown field/],
    ['no workshop', (f) => { delete f.workshop; }, /: workshop: missing/],
    ['a bad date', (f) => { f.workshop!.date = '02/12/2026'; }, /: workshop\.date: expected a date such as/],
    ['an unknown geography', (f) => { f.workshop!.geographies = ['ATLANTIS']; }, /: workshop\.geographies\.0: .*"ATLANTIS" is not one/],
    ['a duplicate group id', (f) => { f.workshop!.groups[1]!.id = 'g1'; }, /: workshop\.groups\.1\.id: expected an id no other group/],
    ['a lever out of range in a group’s scenario', (f) => { f.workshop!.groups[1]!.scenario!.levers.networkRollout!.value = 1e6; }, /: workshop\.groups\.1\.scenario\.levers\.networkRollout\.value: expected/],
    ['a group without a scenario', (f) => { delete f.workshop!.groups[0]!.scenario; }, /: workshop\.groups\.0\.scenario: missing/],
    ['an unsafe key in a scenario', (f) => { f.workshop!.groups[0]!.scenario = JSON.parse('{"__proto__": {}}') as never; }, /: workshop\.groups\.0\.scenario\.__proto__: the key "__proto__" is not allowed/],
  ];
  for (const [what, mutate, message] of cases) {
    it(`refuses ${what}, naming the file and the field`, () => {
      const f = fileOf();
      mutate(f);
      expect(bad(restoreWorkshop(f, source))).toMatch(message);
    });
  }

  it('says its refusals in the reader’s language: they are catalogue codes, not English sentences', () => {
    const f = fileOf();
    f.workshop!.date = '02/12/2026';
    const r = restoreWorkshop(f, source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toEqual({ code: 'workshop.error.date' });
    try {
      setTranslator(createTranslator('fr', fr));
      expect(describeRestoreError(r)).toBe('room-a.workshop.json : workshop.date : une date comme 2030-06-15 (AAAA-MM-JJ) ou un texte vide est attendu');
    } finally {
      setTranslator(createTranslator('en', en));
    }
  });

  it('refuses text that is not JSON with the line and column', () => {
    expect(bad(parseWorkshopText('{"type": "pathways-2030/workshop",\n oops}', source))).toMatch(/^room-a\.workshop\.json: \(top level\): expected JSON text; it is not valid JSON at line 2/);
  });

  it('is named after the workshop', () => {
    expect(workshopFileName({ name: 'Nairobi session' })).toBe('nairobi-session.workshop.json');
    expect(workshopFileName({ name: '' })).toBe('pathways-2030-workshop.workshop.json');
  });
});

describe('workshop format versions: 1 migrated through the door, 2 written and read, later ones refused', () => {
  it('writes version 2', () => {
    expect(fileOf()).toMatchObject({ type: 'pathways-2030/workshop', version: 2 });
  });
  it('restores a version 1 file with a plan to the same workshop: the plan on the geography version 1 used (the groups’ most common), said in a note', () => {
    const v1 = JSON.parse(read(FIXTURE_V1_PLAN)) as Loose;
    const before = JSON.stringify(v1);
    const r = parseWorkshopText(read(FIXTURE_V1_PLAN), { kind: 'file', name: 'workshop-v1-plan.json' });
    if (!r.ok) throw new Error(describeRestoreError(r));
    expect(JSON.stringify(v1)).toBe(before);
    expect(r.fromVersion).toBe(1);
    // no session geography; groups on KEN, UGA, UGA: version 1 projected the plan on UGA, and so does this
    expect(r.workshop.geographies).toEqual([]);
    expect(r.workshop.groups.map((g) => g.scenario.geography)).toEqual(['KEN', 'UGA', 'UGA']);
    expect(r.workshop.plan).toEqual({ geography: 'UGA', levers: { networkRollout: 14 }, weights: { g3: 2 } });
    expect(r.notes.join(' ')).toMatch(/version 1.*UGA/);
    // the same workshop as the version 2 fixture (written from it), field for field
    const v2 = parseWorkshopText(read(FIXTURE_V2), { kind: 'file', name: 'workshop-v2.json' });
    expect(v2.ok && v2.workshop).toEqual(r.workshop);
    expect(v2.ok && v2.fromVersion).toBe(2);
  });
  it('restores a version 1 file without a plan unchanged (nothing to make explicit)', () => {
    const r = parseWorkshopText(read(FIXTURE), { kind: 'file', name: 'workshop-v1.json' });
    expect(r.ok && r.workshop.plan).toBe(undefined);
    expect(r.ok && r.notes).toEqual([]);
  });
  it('round-trips a version 2 file byte for byte (the fixture, re-exported with its own time)', () => {
    const text = read(FIXTURE_V2);
    const r = parseWorkshopText(text, source);
    if (!r.ok) throw new Error(describeRestoreError(r));
    expect(serializeWorkshop(r.workshop, JSON.parse(text).app, () => JSON.parse(text).exportedAt)).toBe(text);
  });
  it('uses the session’s first geography for a version 1 plan when the session has one', () => {
    const v1 = JSON.parse(read(FIXTURE_V1_PLAN)) as Loose;
    v1.workshop!.geographies = ['africa', 'KEN'];
    const r = restoreWorkshop(v1, source);
    expect(r.ok && r.workshop.plan?.geography).toBe('africa');
  });
  it('a plan on a group’s custom geography: kept by its id, refused once no group carries it', () => {
    const island = (JSON.parse(read('tests/fixtures/v1-custom-geography.json')) as { scenarios: Array<Record<string, unknown>> }).scenarios[0]!;
    const f = fileOf({ ...workshop(), plan: { geography: 'KEN', levers: {}, weights: {} } });
    f.workshop.groups.push({ id: 'g3', name: 'Islanders', scenario: island as never });
    (f.workshop.plan as { geography: string }).geography = 'island';
    const r = restoreWorkshop(f, source);
    if (!r.ok) throw new Error(describeRestoreError(r));
    expect(r.workshop.plan?.geography).toBe('island');
    expect(consensusScenario(r.workshop, 'c', T0).geography).toMatchObject({ id: 'island', name: 'Island state' });
    f.workshop.groups.pop();
    expect(bad(restoreWorkshop(f, source))).toMatch(/: workshop\.plan\.geography: .*"island" is neither$/);
  });
  it('refuses a version 1 file whose session names an unknown geography, naming the file and the field', () => {
    const v1 = JSON.parse(read(FIXTURE_V1_PLAN)) as Loose;
    v1.workshop!.geographies = ['KEN', 'NARNIA'];
    expect(bad(restoreWorkshop(v1, source))).toMatch(/^room-a\.workshop\.json: workshop\.geographies\.1: expected a known geography id .*"NARNIA" is not one$/);
  });
});

describe('the published workshop JSON Schemas', () => {
  it('are exactly what buildWorkshopJsonSchema() generates, version 2 (written) and version 1 (still read)', () => {
    expect(read('public/schema/workshop-v2.json')).toBe(`${JSON.stringify(buildWorkshopJsonSchema(), null, 2)}\n`);
    expect(read('public/schema/workshop-v2.json')).toBe(`${JSON.stringify(buildWorkshopJsonSchema(2), null, 2)}\n`);
    expect(read('public/schema/workshop-v1.json')).toBe(`${JSON.stringify(buildWorkshopJsonSchema(1), null, 2)}\n`);
  });
  it('version 1 accepts the version 1 fixtures and not a version 2 file', () => {
    expect(validateV1(JSON.parse(read(FIXTURE)))).toBe(true);
    expect(validateV1(JSON.parse(read(FIXTURE_V1_PLAN)))).toBe(true);
    expect(validateV1(JSON.parse(read(FIXTURE_V2)))).toBe(false);
  });
  it('accepts what the app exports and the fixture, and refuses a bad group', () => {
    expect(validate(fileOf())).toBe(true);
    expect(validate(fileOf({ ...workshop(), plan: { geography: 'KEN', levers: { networkRollout: 12 }, weights: { g1: 3 } } }))).toBe(true);
    const outOfRange = fileOf({ ...workshop(), plan: { geography: 'KEN', levers: { networkRollout: 12 }, weights: {} } });
    (outOfRange.workshop.plan as { levers: Record<string, number> }).levers.networkRollout = 400;
    expect(validate(outOfRange)).toBe(false);
    const noGeography = fileOf({ ...workshop(), plan: { geography: 'KEN', levers: {}, weights: {} } });
    delete (noGeography.workshop.plan as { geography?: string }).geography;
    expect(validate(noGeography)).toBe(false);
    expect(validate(JSON.parse(read(FIXTURE_V2)))).toBe(true);
    expect(validate(JSON.parse(read(FIXTURE)))).toBe(false);
    const f = fileOf();
    f.workshop!.groups[0]!.scenario!.levers.networkRollout!.value = 1e6;
    expect(validate(f)).toBe(false);
  });
});
