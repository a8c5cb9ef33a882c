// Runtime schemas (valibot) for what the model takes from outside: lever settings, parameter
// overrides and custom geographies. Built from the registries, so ranges and ids stay in one place.
// The scenario file format (src/scenario) and the CLI both validate through these.
import * as v from 'valibot';
import { INDICATORS, LEVERS, PARAMETERS, TARGET_YEAR, MAX_DRAWS } from './model-deps.ts';
import type { CustomGeographyDef } from '../model/index.ts';
import { expected, expectedText } from './expected.ts';
import { formatRestoreText } from './restore-messages.ts';
import type { RestoreText } from './types.ts';

const finite = (expected: string) => v.pipe(v.number(expected), v.finite(expected));

/** A lever's value: a finite number within the lever's registry range. */
export function leverValue(l: (typeof LEVERS)[number]) {
  const e = expected('leverValue', { min: l.min, max: l.max, lever: l.id });
  return v.pipe(finite(e), v.minValue(l.min, e), v.maxValue(l.max, e));
}

/** The earliest start year a lever setting may name. */
export const FIRST_START_YEAR = 2000;

/** A lever's start year: a whole year from FIRST_START_YEAR to the target year. */
export const startYearSchema = (e = expected('yearUpTo', { year: TARGET_YEAR })) =>
  v.pipe(finite(e), v.integer(e), v.minValue(FIRST_START_YEAR, e), v.maxValue(TARGET_YEAR, e));
const startYear = startYearSchema();

/** { <leverId>: number | { value, start? } } — unknown lever ids are rejected. */
export const LeverSettingsSchema = v.strictObject(
  Object.fromEntries(
    LEVERS.map((l) => [
      l.id,
      v.optional(v.union([leverValue(l), v.strictObject({ value: leverValue(l), start: v.optional(startYear) })], expected('leverSettingV0', { lever: l.id }))),
    ]),
  ),
  expected('leverIds', { ids: LEVERS.map((l) => l.id).join(', ') }),
);

/** { <parameterId>: number within its range } — unknown parameter ids are rejected. */
export const OverridesSchema = v.strictObject(
  Object.fromEntries(
    PARAMETERS.map((p) => {
      const e = expected('range', { min: p.low, max: p.high, unit: p.unit, param: p.id });
      return [p.id, v.optional(v.pipe(finite(e), v.minValue(p.low, e), v.maxValue(p.high, e)))];
    }),
  ),
  expected('overrides'),
);

const yearKey = v.pipe(v.string(), v.regex(/^(19|20)\d\d$/, expected('fourDigitYear')));

const IndicatorInputSchema = (def: (typeof INDICATORS)[number]) => {
  const [lo, hi] = def.bounds;
  const e = expected('indicatorValue', { min: lo, max: hi, indicator: def.id });
  const val = v.pipe(finite(e), v.minValue(lo, e), v.maxValue(hi, e));
  // valibot's strictObject accepts an array with no own keys; the JSON Schema (type: object) does not
  return v.pipe(v.custom<unknown>((x) => !Array.isArray(x), expected('indicatorObject')), v.strictObject({
    value: v.optional(val),
    year: v.optional(v.pipe(finite(expected('wholeYear')), v.integer(expected('wholeYear')), v.minValue(1990, expected('yearFrom', { year: 1990 })), v.maxValue(2035, expected('yearUpTo', { year: 2035 })))),
    history: v.optional(v.record(yearKey, val, expected('history'))),
  }));
};

const BASE_YEAR = expected('baseYear');

/** A custom geography: a name, the geography it inherits from, and any indicators it knows. */
export const CustomGeographySchema = v.strictObject({
  id: v.pipe(v.string(expected('textId')), v.trim(), v.minLength(1, expected('nonEmptyId')), v.maxLength(64, expected('idMax', { max: 64 }))),
  name: v.pipe(v.string(expected('aName')), v.trim(), v.minLength(1, expected('nonEmptyName')), v.maxLength(120, expected('name', { max: 120 }))),
  inheritFrom: v.pipe(v.string(expected('geographyId')), v.minLength(1, expected('geographyId'))),
  baseYear: v.optional(v.pipe(finite(BASE_YEAR), v.integer(BASE_YEAR), v.minValue(2000, BASE_YEAR), v.maxValue(2029, BASE_YEAR))),
  population: v.optional(v.pipe(finite(expected('populationAbove0')), v.minValue(1, expected('populationAbove0')), v.maxValue(1e10, expected('populationMax')))),
  indicators: v.optional(v.strictObject(Object.fromEntries(INDICATORS.map((d) => [d.id, v.optional(IndicatorInputSchema(d))])), expected('indicatorIds'))),
});

/** The Monte Carlo seed: a whole number from 0 to 2^32 − 1. */
const SEED = expected('seed');
export const SeedSchema = v.pipe(finite(SEED), v.integer(SEED), v.minValue(0, SEED), v.maxValue(4294967295, SEED));

/** The number of Monte Carlo draws: a whole number from 10 to MAX_DRAWS. */
const DRAWS = expected('draws', { max: MAX_DRAWS });
export const DrawsSchema = v.pipe(finite(DRAWS), v.integer(DRAWS), v.minValue(10, DRAWS), v.maxValue(MAX_DRAWS, DRAWS));

/** The minimal projection input a CLI scenario file holds. */
export const ProjectionInputSchema = v.object({
  geography: v.optional(v.union([v.pipe(v.string(), v.minLength(1)), CustomGeographySchema], expected('geographyOrCustom'))),
  levers: v.optional(LeverSettingsSchema),
  overrides: v.optional(OverridesSchema),
  seed: v.optional(SeedSchema),
  draws: v.optional(DrawsSchema),
});

/** A validation failure: the field path (dotted) and what was expected, as a code (expected.ts). */
export interface InputProblem {
  path: string;
  expected: RestoreText;
  /** Set when the problem is a key rather than a value: a field the schema does not know, or a required one that is absent. */
  kind?: 'unknown-key' | 'missing-key';
}

/** The first problem valibot found, as a dotted path and a message. */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[]): InputProblem {
  // A union reports its branches' issues nested, with paths relative to the union's own value.
  // Descend into the branch that got deepest into the data: its location is the most specific.
  let issue = issues[0]!;
  const keys = (i: v.BaseIssue<unknown>) => (i.path ?? []).map((p) => String(p.key));
  let path = keys(issue);
  while (issue.issues && issue.issues.length > 0) {
    const child = issue.issues.reduce((a, b) => (keys(b).length > keys(a).length ? b : a));
    if (keys(child).length === 0) break;
    path = [...path, ...keys(child)];
    issue = child;
  }
  // An object schema reports both an unknown key (expected "never") and a missing required key
  // (expected '"name"', received undefined) as a key issue, with the object's own message if it has one.
  const keyIssue = issue.type === 'strict_object' || issue.type === 'object' || issue.type === 'loose_object';
  const unknownKey = keyIssue && issue.expected === 'never';
  const missingKey = keyIssue && !unknownKey && issue.received === 'undefined' && (issue.expected ?? '').startsWith('"');
  const text = missingKey
    ? { code: 'restore.expected.required' }
    : issue.message.startsWith('Invalid key')
      ? { code: 'restore.expected.noSuchField' }
      : expectedText(issue.message);
  const problem: InputProblem = { path: path.join('.') || '(top level)', expected: text };
  if (unknownKey) problem.kind = 'unknown-key';
  if (missingKey) problem.kind = 'missing-key';
  return problem;
}

/** Checks a custom geography; a problem comes with `message`, what was expected in the active language. */
export function parseCustomGeographyInput(data: unknown): { ok: true; value: CustomGeographyDef } | { ok: false; problem: InputProblem & { message: string } } {
  const r = v.safeParse(CustomGeographySchema, data);
  if (!r.success) {
    const p = firstProblem(r.issues);
    return { ok: false, problem: { ...p, message: formatRestoreText(p.expected) } };
  }
  return { ok: true, value: r.output as CustomGeographyDef };
}
