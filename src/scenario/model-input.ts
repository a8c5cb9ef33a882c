// Runtime schemas (valibot) for what the model takes from outside: lever settings, parameter
// overrides and custom geographies. Built from the registries, so ranges and ids stay in one place.
// The scenario file format (src/scenario) and the CLI both validate through these.
import * as v from 'valibot';
import { INDICATORS, LEVERS, PARAMETERS, TARGET_YEAR, MAX_DRAWS } from './model-deps.ts';
import type { CustomGeographyDef } from '../model/index.ts';

const finite = (expected: string) => v.pipe(v.number(expected), v.finite(expected));

/** A lever's value: a finite number within the lever's registry range. */
export function leverValue(l: (typeof LEVERS)[number]) {
  const expected = `a number from ${l.min} to ${l.max} (${l.unit})`;
  return v.pipe(finite(expected), v.minValue(l.min, expected), v.maxValue(l.max, expected));
}

/** The earliest start year a lever setting may name. */
export const FIRST_START_YEAR = 2000;

/** A lever's start year: a whole year from FIRST_START_YEAR to the target year. */
export const startYearSchema = (expected = `a whole year up to ${TARGET_YEAR}`) =>
  v.pipe(finite(expected), v.integer(expected), v.minValue(FIRST_START_YEAR, expected), v.maxValue(TARGET_YEAR, expected));
const startYear = startYearSchema();

/** { <leverId>: number | { value, start? } } — unknown lever ids are rejected. */
export const LeverSettingsSchema = v.strictObject(
  Object.fromEntries(
    LEVERS.map((l) => [
      l.id,
      v.optional(v.union([leverValue(l), v.strictObject({ value: leverValue(l), start: v.optional(startYear) })], `a number or {value, start} for ${l.id}`)),
    ]),
  ),
  `an object whose keys are lever ids (${LEVERS.map((l) => l.id).join(', ')})`,
);

/** { <parameterId>: number within its range } — unknown parameter ids are rejected. */
export const OverridesSchema = v.strictObject(
  Object.fromEntries(
    PARAMETERS.map((p) => {
      const expected = `a number from ${p.low} to ${p.high} (${p.unit})`;
      return [p.id, v.optional(v.pipe(finite(expected), v.minValue(p.low, expected), v.maxValue(p.high, expected)))];
    }),
  ),
  'an object whose keys are parameter ids',
);

const yearKey = v.pipe(v.string(), v.regex(/^(19|20)\d\d$/, 'a four-digit year'));

const IndicatorInputSchema = (def: (typeof INDICATORS)[number]) => {
  const [lo, hi] = def.bounds;
  const expected = `a number from ${lo} to ${hi} (${def.unit})`;
  const val = v.pipe(finite(expected), v.minValue(lo, expected), v.maxValue(hi, expected));
  // valibot's strictObject accepts an array with no own keys; the JSON Schema (type: object) does not
  return v.pipe(v.custom<unknown>((x) => !Array.isArray(x), 'an object of value, year and history'), v.strictObject({
    value: v.optional(val),
    year: v.optional(v.pipe(finite('a whole year'), v.integer('a whole year'), v.minValue(1990, 'a year from 1990'), v.maxValue(2035, 'a year up to 2035'))),
    history: v.optional(v.record(yearKey, val, 'an object of year: value')),
  }));
};

/** A custom geography: a name, the geography it inherits from, and any indicators it knows. */
export const CustomGeographySchema = v.strictObject({
  id: v.pipe(v.string('a text id'), v.trim(), v.minLength(1, 'a non-empty id'), v.maxLength(64, 'an id of at most 64 characters')),
  name: v.pipe(v.string('a name'), v.trim(), v.minLength(1, 'a non-empty name'), v.maxLength(120, 'a name of at most 120 characters')),
  inheritFrom: v.pipe(v.string('a geography id'), v.minLength(1, 'a geography id')),
  baseYear: v.optional(v.pipe(finite('a whole year from 2000 to 2029'), v.integer('a whole year from 2000 to 2029'), v.minValue(2000, 'a whole year from 2000 to 2029'), v.maxValue(2029, 'a whole year from 2000 to 2029'))),
  population: v.optional(v.pipe(finite('a population above 0'), v.minValue(1, 'a population above 0'), v.maxValue(1e10, 'a population up to 10 billion'))),
  indicators: v.optional(v.strictObject(Object.fromEntries(INDICATORS.map((d) => [d.id, v.optional(IndicatorInputSchema(d))])), 'an object whose keys are indicator ids')),
});

/** The Monte Carlo seed: a whole number from 0 to 2^32 − 1. */
export const SeedSchema = v.pipe(finite('a whole number from 0 to 4294967295'), v.integer('a whole number from 0 to 4294967295'), v.minValue(0, 'a whole number from 0 to 4294967295'), v.maxValue(4294967295, 'a whole number from 0 to 4294967295'));

/** The number of Monte Carlo draws: a whole number from 10 to MAX_DRAWS. */
export const DrawsSchema = v.pipe(finite(`a whole number from 10 to ${MAX_DRAWS}`), v.integer(`a whole number from 10 to ${MAX_DRAWS}`), v.minValue(10, `a whole number from 10 to ${MAX_DRAWS}`), v.maxValue(MAX_DRAWS, `a whole number from 10 to ${MAX_DRAWS}`));

/** The minimal projection input a CLI scenario file holds. */
export const ProjectionInputSchema = v.object({
  geography: v.optional(v.union([v.pipe(v.string(), v.minLength(1)), CustomGeographySchema], 'a geography id or a custom geography object')),
  levers: v.optional(LeverSettingsSchema),
  overrides: v.optional(OverridesSchema),
  seed: v.optional(SeedSchema),
  draws: v.optional(DrawsSchema),
});

/** A validation failure: the field path (dotted) and what was expected. */
export interface InputProblem {
  path: string;
  message: string;
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
  const message = missingKey
    ? 'a value here (this field is required)'
    : issue.message.startsWith('Invalid key')
      ? 'no such field here (unknown key)'
      : issue.message.replace(/^Invalid type: Expected /, '');
  const problem: InputProblem = { path: path.join('.') || '(top level)', message };
  if (unknownKey) problem.kind = 'unknown-key';
  if (missingKey) problem.kind = 'missing-key';
  return problem;
}

export function parseCustomGeographyInput(data: unknown): { ok: true; value: CustomGeographyDef } | { ok: false; problem: InputProblem } {
  const r = v.safeParse(CustomGeographySchema, data);
  if (!r.success) return { ok: false, problem: firstProblem(r.issues) };
  return { ok: true, value: r.output as CustomGeographyDef };
}
