// Property tests of the one restore path: valid files built from the registries, the same files
// mutated (a key deleted, a wrong type, an out-of-range number, an injected "__proto__", an unknown
// key, truncated or corrupted text), random JSON values and random text. restore/parseScenarioText
// never throw; they return scenarios that survive their own re-export unchanged, or an error whose
// path names a field of the input and whose message is non-empty. Run counts are in the test names.
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import * as v from 'valibot';
import { INDICATORS, LEVERS, MAX_DRAWS, MODEL_VERSION, PARAMETERS, TARGET_YEAR, project } from '../../src/model/index.ts';
import { parseScenarioText, restore } from '../../src/scenario/restore.ts';
import { cleanText } from '../../src/scenario/names.ts';
import { COMMON_BASE_YEAR } from '../../src/model/constants.ts';
import { serializeScenarioFile, toScenarioFile } from '../../src/scenario/file.ts';
import { ScenarioFileSchema } from '../../src/scenario/schema.ts';
import { scenariosEqual, toProjectionRequest } from '../../src/scenario/scenario.ts';
import { SCENARIO_FILE_TYPE, type RestoreResult, type RestoreSource, type Scenario } from '../../src/scenario/types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const validateJson = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(path.join(ROOT, 'public/schema/scenarios-v1.json'), 'utf8')) as object);
const NOW = '2026-02-03T04:05:06.000Z';
const deps = { now: () => NOW, newId: () => 'generated-id' };
const SOURCE: RestoreSource = { kind: 'file', name: 'random.json' };
const SEED = 20302030;

// ---- arbitraries built from the registries ---------------------------------------------------------

const GEOGRAPHY_IDS = ['world', 'africa', 'americas', 'arab-states', 'asia-pacific', 'cis', 'europe', 'KEN', 'IND', 'BRA', 'FJI', 'DEU', 'TUV', 'USA'];

const leverArb = (l: (typeof LEVERS)[number]) =>
  fc.record({
    value: fc.oneof(fc.integer({ min: 0, max: Math.round((l.max - l.min) / l.step) }).map((k) => l.min + k * l.step), fc.double({ min: l.min, max: l.max, noNaN: true })),
    // Valid starts are after the base year (restore turns earlier ones into null, tested in restore-budget).
    start: fc.option(fc.integer({ min: COMMON_BASE_YEAR + 1, max: TARGET_YEAR }), { nil: null, freq: 2 }),
  });
const leversArb = fc.record(Object.fromEntries(LEVERS.map((l) => [l.id, leverArb(l)])));
const overridesArb = fc.record(Object.fromEntries(PARAMETERS.map((p) => [p.id, fc.double({ min: p.low, max: p.high, noNaN: true })])), { requiredKeys: [] });
// Valid text has no control or bidi-override characters (restore removes them, tested in restore-budget).
const textArb = (max: number) => fc.oneof(fc.string({ maxLength: Math.min(max, 60) }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constant('')).map((t) => cleanText(t, true)).filter((t) => cleanText(t) === t);
const dateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const uint32Arb = fc.tuple(fc.nat(0xffff), fc.nat(0xffff)).map(([hi, lo]) => hi * 0x10000 + lo);

const indicatorArb = (d: (typeof INDICATORS)[number]) => {
  const value = fc.double({ min: d.bounds[0], max: d.bounds[1], noNaN: true });
  return fc.record(
    { value, year: fc.integer({ min: 1990, max: 2035 }), history: fc.dictionary(fc.integer({ min: 1990, max: 2029 }).map(String), value, { maxKeys: 4 }) },
    { requiredKeys: [] },
  );
};
const customGeographyArb = fc.record(
  {
    id: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    name: fc.stringMatching(/^[A-Z][A-Za-z ]{0,30}[a-z]$/),
    inheritFrom: fc.constantFrom(...GEOGRAPHY_IDS),
    baseYear: fc.integer({ min: 2000, max: COMMON_BASE_YEAR }),
    population: fc.double({ min: 1, max: 1e10, noNaN: true }),
    indicators: fc.record(Object.fromEntries(INDICATORS.map((d) => [d.id, indicatorArb(d)])), { requiredKeys: [] }),
  },
  { requiredKeys: ['id', 'name', 'inheritFrom'] },
);

const scenarioArb = fc.record({
  id: fc.uuid(),
  name: textArb(120),
  description: textArb(20_000),
  notes: textArb(20_000),
  author: textArb(120),
  createdAt: dateArb,
  updatedAt: dateArb,
  revision: fc.integer({ min: 1, max: 1_000_000 }),
  geography: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...GEOGRAPHY_IDS) }, { weight: 1, arbitrary: customGeographyArb }),
  levers: leversArb,
  overrides: overridesArb,
  seed: uint32Arb,
  draws: fc.integer({ min: 10, max: MAX_DRAWS }),
});

const fileArb = fc.record({
  type: fc.constant(SCENARIO_FILE_TYPE),
  version: fc.constant(1),
  app: fc.constantFrom('0.1.0', '1.0.0-beta.2'),
  model: fc.constantFrom(MODEL_VERSION, '0.0.1'),
  exportedAt: dateArb,
  scenarios: fc.uniqueArray(scenarioArb, { minLength: 1, maxLength: 3, selector: (s) => s.id }),
});

const v0Arb = fc.record(
  {
    geography: fc.constantFrom(...GEOGRAPHY_IDS),
    levers: fc.record(
      Object.fromEntries(LEVERS.map((l) => [l.id, fc.oneof(leverArb(l).map((s) => s.value), leverArb(l).map((s) => (s.start === null ? { value: s.value } : s)))])),
      { requiredKeys: [] },
    ),
    overrides: overridesArb,
    seed: uint32Arb,
    draws: fc.integer({ min: 10, max: MAX_DRAWS }),
  },
  { requiredKeys: [] },
).filter((x) => Object.keys(x).length > 0);

// ---- mutations ------------------------------------------------------------------------------------

type Node = Record<string, unknown> | unknown[];
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null;

/** Every path in a JSON value, the root included. */
function allPaths(x: unknown, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at);
  if (isNode(x)) for (const k of Object.keys(x)) allPaths((x as Record<string, unknown>)[k], [...at, k], out);
  return out;
}
const get = (x: unknown, p: readonly string[]): unknown => p.reduce<unknown>((n, k) => (isNode(n) ? (n as Record<string, unknown>)[k] : undefined), x);
/** Sets an own, enumerable property, even "__proto__", so JSON.stringify writes it. */
const setOwn = (o: Node, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

const MUTATIONS = ['delete', 'wrong-type', 'out-of-range', 'forbidden-key', 'unknown-key', 'duplicate', 'truncate-text', 'corrupt-text'] as const;
type Mutation = (typeof MUTATIONS)[number];

/** One mutation of a valid file; returns the text to restore. */
function mutate(file: unknown, kind: Mutation, pick: number, junk: unknown): string {
  const data = JSON.parse(JSON.stringify(file)) as unknown;
  const paths = allPaths(data);
  const target = paths[pick % paths.length]!;
  const parent = get(data, target.slice(0, -1));
  const key = target.at(-1);
  const node = get(data, target);
  switch (kind) {
    case 'delete':
      if (key !== undefined && isNode(parent)) Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
      break;
    case 'wrong-type':
      if (key !== undefined && isNode(parent)) setOwn(parent, key, junk);
      break;
    case 'out-of-range':
      if (key !== undefined && isNode(parent)) setOwn(parent, key, typeof node === 'number' ? (pick % 2 === 0 ? node + 1e6 + (pick % 7) / 3 : -node - 1 - (pick % 5) / 2) : 1e9);
      break;
    case 'forbidden-key': {
      const host = isNode(node) && !Array.isArray(node) ? node : isNode(parent) && !Array.isArray(parent) ? parent : (data as Record<string, unknown>);
      setOwn(host, ['__proto__', 'constructor', 'prototype'][pick % 3]!, junk);
      break;
    }
    case 'unknown-key': {
      const host = isNode(node) && !Array.isArray(node) ? node : (data as Record<string, unknown>);
      setOwn(host, `zz${pick % 1000}`, junk);
      break;
    }
    case 'duplicate':
      if (Array.isArray(node) && node.length > 0) node.push(JSON.parse(JSON.stringify(node[pick % node.length])));
      else if (key !== undefined && isNode(parent)) setOwn(parent, key, [node, node]);
      break;
    case 'truncate-text': {
      const text = JSON.stringify(data, null, pick % 3);
      return text.slice(0, pick % text.length);
    }
    case 'corrupt-text': {
      const text = JSON.stringify(data);
      const i = pick % text.length;
      return text.slice(0, i) + '{}[]",:x0\u0000'[pick % 11] + text.slice(i + 1);
    }
  }
  return JSON.stringify(data, null, pick % 3);
}

// ---- the properties -------------------------------------------------------------------------------

/**
 * Resolves a dotted path against the input, allowing keys that themselves contain dots; returns true
 * when everything but the last field exists (the last may be the missing or unknown one).
 */
function parentExists(input: unknown, segments: readonly string[]): boolean {
  if (segments.length <= 1) return true;
  for (let take = 1; take < segments.length; take++) {
    const key = segments.slice(0, take).join('.');
    if (isNode(input) && Object.hasOwn(input, key) && parentExists((input as Record<string, unknown>)[key], segments.slice(take))) return true;
  }
  return false;
}

/** A cheap assertion: vitest's expect() costs more than restore itself at these run counts. */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}
const sameScenarios = (a: readonly Scenario[], b: readonly Scenario[]) => a.length === b.length && a.every((s, i) => scenariosEqual(s, b[i]!));

/** What every result must be: a round-trippable set of scenarios, or an error that names a field. */
function checkResult(r: RestoreResult, input: unknown): void {
  if (r.ok) {
    check(r.scenarios.length > 0, () => 'no scenarios');
    const exported = JSON.parse(serializeScenarioFile(toScenarioFile(r.scenarios, 'test', deps.now))) as unknown;
    const again = restore(exported, SOURCE, deps);
    check(again.ok && sameScenarios(again.scenarios, r.scenarios), () => `round trip changed the scenarios: ${JSON.stringify(again)}`);
    check(validateJson(exported) === true, () => `JSON Schema rejects an export: ${JSON.stringify(validateJson.errors)}`);
    return;
  }
  check(typeof r.path === 'string' && r.path.length > 0, () => 'empty path');
  check(r.message.trim().length > 0, () => 'empty message');
  check(r.source === SOURCE, () => 'wrong source');
  check(r.path === '(top level)' || parentExists(input, r.path.split('.')), () => `path ${r.path} names no field of the input (${r.message})`);
}

/**
 * Runs per property: PROPERTY_RUNS (default 100, small so `npm test` stays quick on a shared machine);
 * `PROPERTY_RUNS=2000 npx vitest run tests/unit/scenario-property.test.ts` for a deep run. `weight`
 * scales it for properties that are cheaper (more runs) or dearer (the model projection, fewer).
 */
const RUNS = Math.max(1, Number(process.env.PROPERTY_RUNS ?? 100) || 100);
const params = (weight: number) => ({ numRuns: Math.max(1, Math.round(RUNS * weight)), seed: SEED });
/**
 * Every generated input must be restored or refused within this. Restore's cheap limits make it a few ms;
 * the margin keeps the check honest on a loaded shared machine (before the limits, such inputs took seconds).
 */
const TIME_BUDGET_MS = 1000;

// Generous per-test timeouts: the counts take about 2–6 s each alone, more on a loaded CI machine.
describe('restore properties', { timeout: 60_000 }, () => {
  it('valid files built from the registries restore to exactly their scenarios, which the JSON Schema accepts', () => {
    fc.assert(
      fc.property(fileArb, fc.nat(2), (file, indent) => {
        const text = JSON.stringify(file, null, indent);
        const expected = (JSON.parse(text) as typeof file).scenarios;
        const r = parseScenarioText(text, SOURCE, undefined, deps);
        if (!r.ok) throw new Error(`a valid file was rejected: ${r.path}: ${r.message}`);
        check(sameScenarios(r.scenarios, expected as Scenario[]), () => 'restored scenarios differ from the file');
        check(r.fromVersion === 1, () => `fromVersion ${r.fromVersion}`);
        check(validateJson(JSON.parse(text)) === true, () => JSON.stringify(validateJson.errors));
        checkResult(r, JSON.parse(text));
      }),
      params(1),
    );
  });

  it('mutated files: never a throw; scenarios that round-trip, or an error naming a field', () => {
    const outcomes = { ok: 0, error: 0 };
    fc.assert(
      fc.property(fileArb, fc.constantFrom(...MUTATIONS), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (file, kind, pick, junk) => {
        const text = mutate(file, kind, pick, junk);
        let input: unknown;
        try {
          input = JSON.parse(text);
        } catch {
          input = undefined;
        }
        const r = parseScenarioText(text, SOURCE, undefined, deps);
        outcomes[r.ok ? 'ok' : 'error']++;
        checkResult(r, input);
      }),
      params(3),
    );
    // Both branches are exercised: some mutations are repaired or harmless, most are rejected.
    const runs = params(3).numRuns;
    expect(outcomes.ok).toBeGreaterThan(runs * 0.05);
    expect(outcomes.error).toBeGreaterThan(runs * 0.5);
  });

  it('mutated files (schema agreement): the JSON Schema and the valibot schema agree on every one, and both refuse forbidden keys', () => {
    const structural = MUTATIONS.filter((m) => !m.endsWith('-text'));
    fc.assert(
      fc.property(fileArb, fc.constantFrom(...structural), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (file, kind, pick, junk) => {
        const data = JSON.parse(mutate(file, kind, pick, junk)) as unknown;
        if (kind === 'forbidden-key') {
          // valibot's record() silently drops "__proto__", "constructor" and "prototype" keys, so the
          // schema alone would pass them in a history record: restore's own walk is what refuses them.
          check(validateJson(data) === false && !restore(data, SOURCE, deps).ok, () => 'a forbidden key was accepted');
          return;
        }
        const json = validateJson(data) === true;
        check(json === v.safeParse(ScenarioFileSchema, data).success, () => `JSON Schema says ${json}, valibot the opposite`);
      }),
      params(1),
    );
  });

  it('version 0 projection inputs become one v1 scenario with every lever, and round-trip', () => {
    fc.assert(
      fc.property(v0Arb, (input) => {
        const r = restore(JSON.parse(JSON.stringify(input)), SOURCE, deps);
        if (!r.ok) throw new Error(`a valid version 0 input was rejected: ${r.path}: ${r.message}`);
        check(r.fromVersion === 0 && r.scenarios.length === 1, () => 'expected one scenario from version 0');
        check(Object.keys(r.scenarios[0]!.levers).join() === LEVERS.map((l) => l.id).join(), () => 'not every lever');
        checkResult(r, input);
      }),
      params(1),
    );
  });

  it('valid random scenarios all run in the model: whatever restore accepts can be projected', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const r = restore(JSON.parse(JSON.stringify(scenario)), SOURCE, deps);
        if (!r.ok) throw new Error(`a valid scenario was rejected: ${r.path}: ${r.message}`);
        await project(toProjectionRequest(r.scenarios[0]!, { uncertainty: false }));
      }),
      params(0.1),
    );
  });

  it('random JSON values: never a throw, always a well-formed result', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => {
        checkResult(restore(input, SOURCE, deps), input);
      }),
      params(1),
    );
  });

  it('random texts: never a throw, always a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 3 })), (text) => {
        let input: unknown;
        try {
          input = JSON.parse(text.replace(/^\uFEFF/, ''));
        } catch {
          input = undefined;
        }
        checkResult(parseScenarioText(text, SOURCE, undefined, deps), input);
      }),
      params(1),
    );
  });

  // Hostile shapes (issue 14): long lists, wide objects, deep nesting and floods of empty scenarios,
  // placed where a scenario file has fields. Each one ends, restored or refused, within the budget.
  it('hostile shapes (long lists, wide objects, deep nesting, empty-scenario floods) each end within the time budget', () => {
    const bigList = fc.integer({ min: 0, max: 300_000 }).chain((n) => fc.constantFrom<unknown>(0, {}, [], 'x', null).map((x) => Array(n).fill(x)));
    const wide = fc.integer({ min: 0, max: 50_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
    const deep = fc.integer({ min: 0, max: 3_000 }).map((n) => {
      let x: unknown = 0;
      for (let i = 0; i < n; i++) x = i % 2 ? [x] : { a: x };
      return x;
    });
    const junk = fc.oneof(bigList, wide, deep, fc.jsonValue({ maxDepth: 3 }));
    const place = fc.constantFrom('scenarios', 'levers', 'overrides', 'geography', 'name', 'top');
    fc.assert(
      fc.property(fileArb, place, junk, (file, where, value) => {
        const input: unknown =
          where === 'top' ? value
          : where === 'scenarios' ? { ...file, scenarios: value }
          : { ...file, scenarios: [{ ...file.scenarios[0], [where]: value }] };
        const t0 = performance.now();
        const r = restore(input, SOURCE, deps);
        const ms = performance.now() - t0;
        check(ms < TIME_BUDGET_MS, () => `took ${ms.toFixed(0)} ms (budget ${TIME_BUDGET_MS} ms) for ${where}`);
        check(typeof r.ok === 'boolean', () => 'no result');
      }),
      params(0.2),
    );
  });
});
