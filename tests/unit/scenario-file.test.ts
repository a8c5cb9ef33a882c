// Writing scenario files and building scenarios (src/scenario/file.ts, scenario.ts): the envelope,
// deterministic text, safe file names, complete new scenarios and the model request they become.
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { COMMON_BASE_YEAR, LEVERS, MODEL_VERSION, PARAMETERS, project } from '../../src/model/index.ts';
import { fileNameFor, serializeScenarioFile, toScenarioFile } from '../../src/scenario/file.ts';
import { defaultLeverSettings, newScenario, scenariosEqual, toProjectionRequest } from '../../src/scenario/scenario.ts';
import { SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION, type Scenario } from '../../src/scenario/types.ts';

const NOW = '2026-02-03T04:05:06.000Z';
const deps = { now: () => NOW, newId: () => 'id-1' };
const named = (name: string) => ({ name });

describe('toScenarioFile and serializeScenarioFile', () => {
  const s = newScenario({ name: 'Plan', levers: { greenNetworks: { value: 5, start: 2028 } }, overrides: { priceElasticity: 1 } }, deps);

  it('wraps scenarios in the v1 envelope with the app and model versions and the export time', () => {
    expect(toScenarioFile([s], '1.2.3', deps.now)).toEqual({ type: SCENARIO_FILE_TYPE, version: SCENARIO_FILE_VERSION, app: '1.2.3', model: MODEL_VERSION, exportedAt: NOW, scenarios: [s] });
  });

  it('stamps an ISO date-time when no clock is given', () => {
    expect(toScenarioFile([s], '1').exportedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('writes pretty JSON ending in a newline', () => {
    const text = serializeScenarioFile(toScenarioFile([s], '1', deps.now));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "type": "pathways-2030/scenarios",\n');
  });

  it('writes levers and overrides in registry order, whatever order they were in', () => {
    const shuffled: Scenario = { ...s, levers: Object.fromEntries(Object.entries(s.levers).reverse()) as Scenario['levers'], overrides: { gapSaturation: 1.2, siteCapexUsd: 20000 } };
    const parsed = JSON.parse(serializeScenarioFile(toScenarioFile([shuffled], '1', deps.now))) as { scenarios: Scenario[] };
    expect(Object.keys(parsed.scenarios[0]!.levers)).toEqual(LEVERS.map((l) => l.id));
    const order = PARAMETERS.map((p) => p.id as string);
    const keys = Object.keys(parsed.scenarios[0]!.overrides);
    expect(keys).toEqual([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  it('gives the same text for equal files, whatever their key order', () => {
    const reversed = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(reversed) : typeof x === 'object' && x !== null ? Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reversed(v)])) : x;
    const a = toScenarioFile([s], '1', deps.now);
    const b = reversed(a) as typeof a;
    expect(Object.keys(b)[0]).toBe('scenarios');
    expect(serializeScenarioFile(b)).toBe(serializeScenarioFile(a));
  });
});

describe('fileNameFor', () => {
  it.each([
    ['Affordability first', 'affordability-first.json'],
    ['  Plan B: 2030 — ¡Sí!  ', 'plan-b-2030-si.json'],
    ['Ünïcödé Åländ', 'unicode-aland.json'],
    ['../../etc/passwd', 'etc-passwd.json'],
    ['', 'pathways-2030-scenario.json'],
    ['日本語', 'pathways-2030-scenario.json'],
  ])('names one scenario %j as %s', (name, expected) => {
    expect(fileNameFor([named(name)])).toBe(expected);
  });

  it('names several scenarios pathways-2030-scenarios-<n>.json', () => {
    expect(fileNameFor([named('a'), named('b'), named('c')])).toBe('pathways-2030-scenarios-3.json');
  });

  it('keeps names short and made only of a-z, 0-9 and hyphens', () => {
    const name = fileNameFor([named('x'.repeat(500))]);
    expect(name).toMatch(/^[a-z0-9-]{1,80}\.json$/);
  });
});

describe('newScenario and defaultLeverSettings', () => {
  it('sets every lever to its registry default with start null', () => {
    expect(defaultLeverSettings()).toEqual(Object.fromEntries(LEVERS.map((l) => [l.id, { value: l.default, start: null }])));
  });

  it('fills every field: id, timestamps now, revision 1, World, default seed and draws', () => {
    expect(newScenario({}, deps)).toEqual({
      id: 'id-1', name: 'New scenario', description: '', notes: '', author: '', createdAt: NOW, updatedAt: NOW, revision: 1,
      geography: 'world', levers: defaultLeverSettings(), overrides: {}, seed: 20302030, draws: 1000,
    });
  });

  it('keeps the levers it is given and defaults the rest', () => {
    const s = newScenario({ levers: { inclusion: { value: 7, start: 2029 } } }, deps);
    expect(s.levers.inclusion).toEqual({ value: 7, start: 2029 });
    expect(s.levers.networkRollout).toEqual({ value: 0, start: null });
  });
});

describe('scenariosEqual', () => {
  const a = newScenario({ name: 'A' }, deps);

  it('is true for a deep copy', () => {
    expect(scenariosEqual(a, structuredClone(a))).toBe(true);
  });

  it.each<[string, (s: Scenario) => void]>([
    ['the revision', (s) => { s.revision = 2; }],
    ['the update time', (s) => { s.updatedAt = '2027-01-01T00:00:00.000Z'; }],
    ['a lever start', (s) => { s.levers.digitalSkills.start = 2027; }],
    ['an override', (s) => { s.overrides.priceElasticity = 0.6; }],
    ['the notes', (s) => { s.notes = 'x'; }],
  ])('notices a change in %s', (_, change) => {
    const b = structuredClone(a);
    change(b);
    expect(scenariosEqual(a, b)).toBe(false);
  });
});

describe('toProjectionRequest', () => {
  const s = newScenario({ geography: 'KEN', levers: { networkRollout: { value: 20, start: null }, digitalSkills: { value: 10, start: 2027 } }, overrides: { priceElasticity: 0.8 }, seed: 7, draws: 50 }, deps);

  it('omits start for levers that act from the base year on', () => {
    const req = toProjectionRequest(s);
    expect(req.levers?.networkRollout).toEqual({ value: 20 });
    expect(req.levers?.digitalSkills).toEqual({ value: 10, start: 2027 });
    expect(req).toMatchObject({ geography: 'KEN', overrides: { priceElasticity: 0.8 }, seed: 7, draws: 50 });
    expect('uncertainty' in req).toBe(false);
  });

  it('treats a start year at or before the base year as already acting (no start), so old files still run', async () => {
    const old = newScenario({ levers: { inclusion: { value: 5, start: 2010 }, cyberCapacity: { value: 5, start: COMMON_BASE_YEAR } } }, deps);
    const req = toProjectionRequest(old, { uncertainty: false });
    expect(req.levers?.inclusion).toEqual({ value: 5 });
    expect(req.levers?.cyberCapacity).toEqual({ value: 5 });
    await expect(project(req)).resolves.toBeTruthy();
  });

  it('uses a custom geography\'s own base year for that rule', () => {
    const custom = newScenario({ geography: { id: 'c', name: 'C', inheritFrom: 'world', baseYear: 2020 }, levers: { inclusion: { value: 5, start: 2022 } } }, deps);
    expect(toProjectionRequest(custom).levers?.inclusion).toEqual({ value: 5, start: 2022 });
  });

  it('passes the uncertainty switch through when given', () => {
    expect(toProjectionRequest(s, { uncertainty: false }).uncertainty).toBe(false);
  });

  it('is a request the model accepts, with the levers as set', async () => {
    const r = await project(toProjectionRequest(s, { uncertainty: false }));
    expect(r.levers.networkRollout.value).toBe(20);
    expect(r.levers.digitalSkills).toEqual({ value: 10, start: 2027 });
    expect(r.overrides).toEqual({ priceElasticity: 0.8 });
  });
});
