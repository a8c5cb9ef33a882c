// Runtime schema (valibot, strict objects) of a v1 Scenario and of the v1 ScenarioFile envelope.
// Lever, override, seed, draws and custom-geography pieces come from model-input.ts, which builds
// them from the registries; public/schema/scenarios-v1.json (json-schema.ts) states the same bounds.
import * as v from 'valibot';
import { LEVERS, MAX_DRAWS, TARGET_YEAR } from './model-deps.ts';
import { CustomGeographySchema, DrawsSchema, FIRST_START_YEAR, OverridesSchema, SeedSchema, leverValue, startYearSchema } from './model-input.ts';
import { expected } from './expected.ts';

/** The file envelope's type tag and format version (not the IndexedDB version, not the app version). */
export const SCENARIO_FILE_TYPE = 'pathways-2030/scenarios';
export const SCENARIO_FILE_VERSION = 1;

/** Length limits of the scenario's text fields (also in the JSON Schema). */
export const LIMITS = {
  id: 64,
  name: 120,
  author: 120,
  text: 20_000,
  appVersion: 64,
  schemaUri: 2048,
  maxScenarios: 500,
  maxRevision: Number.MAX_SAFE_INTEGER,
} as const;

/**
 * ISO 8601 date-time with seconds and a zone: `2030-01-01T00:00:00Z`, `…00.000Z`, `…00+02:00`.
 * The same pattern is the JSON Schema's; Date.parse must also accept it.
 */
export const ISO_DATE_TIME_PATTERN =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$';
const ISO_DATE_TIME = new RegExp(ISO_DATE_TIME_PATTERN);

/** What each field expects, as codes (expected.ts): the messages of the schema and of restore's "missing" errors. */
export const EXPECTED = {
  id: expected('id', { max: LIMITS.id }),
  name: expected('name', { max: LIMITS.name }),
  description: expected('description', { max: LIMITS.text }),
  notes: expected('notes', { max: LIMITS.text }),
  author: expected('author', { max: LIMITS.author }),
  dateTime: expected('dateTime'),
  revision: expected('revision'),
  geography: expected('geography'),
  levers: expected('levers', { ids: LEVERS.map((l) => l.id).join(', ') }),
  lever: expected('lever'),
  start: expected('start', { first: FIRST_START_YEAR, last: TARGET_YEAR }),
  overrides: expected('overrides'),
  seed: expected('seed'),
  draws: expected('draws', { max: MAX_DRAWS }),
  scenario: expected('scenario'),
  type: expected('type', { type: SCENARIO_FILE_TYPE }),
  version: expected('version', { version: SCENARIO_FILE_VERSION }),
  app: expected('app', { max: LIMITS.appVersion }),
  model: expected('model', { max: LIMITS.appVersion }),
  scenarios: expected('scenarios', { max: LIMITS.maxScenarios }),
  $schema: expected('schemaUri', { max: LIMITS.schemaUri }),
  file: expected('file'),
} as const;

const text = (max: number, expected: string) => v.pipe(v.string(expected), v.maxLength(max, expected));

/** Whether the date part of an ISO date-time is a day of the calendar (2026-02-31 is not). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const dateTime = v.pipe(
  v.string(EXPECTED.dateTime),
  v.regex(ISO_DATE_TIME, EXPECTED.dateTime),
  v.check((s) => !Number.isNaN(Date.parse(s)) && isRealDate(s), EXPECTED.dateTime),
);

/** One lever's setting in a v1 scenario: its value and first year (null = from the base year on). */
export const leverSetting = (l: (typeof LEVERS)[number]) =>
  v.strictObject({ value: leverValue(l), start: v.union([v.null(), startYearSchema(EXPECTED.start)], EXPECTED.start) }, expected('leverSetting', { lever: l.id }));

/** Every lever of the registry, each as {value, start}; unknown lever ids are rejected. */
export const LeverSettingsV1Schema = v.strictObject(Object.fromEntries(LEVERS.map((l) => [l.id, leverSetting(l)])), EXPECTED.levers);

/** A v1 scenario, strict: every field required, no unknown fields. */
export const ScenarioSchema = v.strictObject(
  {
    id: v.pipe(v.string(EXPECTED.id), v.minLength(1, EXPECTED.id), v.maxLength(LIMITS.id, EXPECTED.id)),
    name: text(LIMITS.name, EXPECTED.name),
    description: text(LIMITS.text, EXPECTED.description),
    notes: text(LIMITS.text, EXPECTED.notes),
    author: text(LIMITS.author, EXPECTED.author),
    createdAt: dateTime,
    updatedAt: dateTime,
    revision: v.pipe(
      v.number(EXPECTED.revision),
      v.integer(EXPECTED.revision),
      v.minValue(1, EXPECTED.revision),
      v.maxValue(LIMITS.maxRevision, EXPECTED.revision),
    ),
    geography: v.union([v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)), CustomGeographySchema], EXPECTED.geography),
    levers: LeverSettingsV1Schema,
    overrides: OverridesSchema,
    seed: SeedSchema,
    draws: DrawsSchema,
  },
  EXPECTED.scenario,
);

/** The v1 file envelope: type tag, format version, writer versions, export time and 1..500 scenarios. */
export const ScenarioFileSchema = v.strictObject(
  {
    $schema: v.optional(text(LIMITS.schemaUri, EXPECTED.$schema)),
    type: v.literal(SCENARIO_FILE_TYPE, EXPECTED.type),
    version: v.literal(SCENARIO_FILE_VERSION, EXPECTED.version),
    app: v.pipe(v.string(EXPECTED.app), v.minLength(1, EXPECTED.app), v.maxLength(LIMITS.appVersion, EXPECTED.app)),
    model: v.pipe(v.string(EXPECTED.model), v.minLength(1, EXPECTED.model), v.maxLength(LIMITS.appVersion, EXPECTED.model)),
    exportedAt: dateTime,
    scenarios: v.pipe(
      v.array(ScenarioSchema, EXPECTED.scenarios),
      v.minLength(1, EXPECTED.scenarios),
      v.maxLength(LIMITS.maxScenarios, EXPECTED.scenarios),
    ),
  },
  EXPECTED.file,
);
