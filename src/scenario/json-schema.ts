// The published JSON Schema (draft 2020-12) of the v1 scenario file, built from the registries and
// the limits in schema.ts so it states the same ids and bounds as the valibot schema. The committed
// copy is public/schema/scenarios-v1.json; a unit test keeps the two identical.
import { INDICATORS, LEVERS, MAX_DRAWS, PARAMETERS, TARGET_YEAR } from './model-deps.ts';
import { FIRST_START_YEAR } from './model-input.ts';
import { ISO_DATE_TIME_PATTERN, LIMITS } from './schema.ts';
import { SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION } from './types.ts';

export const JSON_SCHEMA_ID = 'https://pathways-2030.invalid/schema/scenarios-v1.json';

type Schema = Record<string, unknown>;

const range = (minimum: number, maximum: number, description?: string): Schema => ({
  type: 'number',
  minimum,
  maximum,
  ...(description !== undefined ? { description } : {}),
});
const intRange = (minimum: number, maximum: number, description?: string): Schema => ({ ...range(minimum, maximum, description), type: 'integer' });
const text = (maxLength: number, description: string): Schema => ({ type: 'string', maxLength, description });
/** A string the valibot schema trims before checking: at least one non-space character. */
const trimmedText = (maxLength: number, description: string): Schema => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S', description });

function customGeography(): Schema {
  const indicators: Schema = {};
  for (const d of INDICATORS) {
    const [lo, hi] = d.bounds;
    indicators[d.id] = {
      type: 'object',
      description: `${d.name} (${d.unit})`,
      additionalProperties: false,
      properties: {
        value: range(lo, hi),
        year: intRange(1990, 2035),
        history: { type: 'object', propertyNames: { pattern: '^(19|20)\\d\\d$' }, additionalProperties: range(lo, hi) },
      },
    };
  }
  return {
    type: 'object',
    description: 'A custom geography: a name, the geography it inherits from, and any indicators it knows.',
    additionalProperties: false,
    required: ['id', 'name', 'inheritFrom'],
    properties: {
      id: trimmedText(LIMITS.id, 'Custom geography id.'),
      name: trimmedText(LIMITS.name, 'Custom geography name.'),
      inheritFrom: { type: 'string', minLength: 1, description: 'Id of the geography whose data fills what this one lacks.' },
      baseYear: intRange(2000, 2029),
      population: range(1, 1e10),
      indicators: { type: 'object', additionalProperties: false, properties: indicators },
    },
  };
}

function scenario(): Schema {
  const levers: Schema = {};
  for (const l of LEVERS) {
    levers[l.id] = {
      type: 'object',
      description: `${l.label}: ${l.unit}.`,
      additionalProperties: false,
      required: ['value', 'start'],
      properties: {
        value: range(l.min, l.max),
        start: { anyOf: [{ type: 'null' }, intRange(FIRST_START_YEAR, TARGET_YEAR)], description: 'First year the lever acts; null = the year after the base year.' },
      },
    };
  }
  const overrides: Schema = {};
  for (const p of PARAMETERS) overrides[p.id] = range(p.low, p.high, `${p.label} (${p.unit})`);
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'description', 'notes', 'author', 'createdAt', 'updatedAt', 'revision', 'geography', 'levers', 'overrides', 'seed', 'draws'],
    properties: {
      id: { type: 'string', minLength: 1, maxLength: LIMITS.id, description: 'Stable id (a UUID); never shown.' },
      name: text(LIMITS.name, 'Scenario name.'),
      description: text(LIMITS.text, 'What the scenario does and why.'),
      notes: text(LIMITS.text, 'Free notes.'),
      author: text(LIMITS.author, 'Who wrote it.'),
      createdAt: { $ref: '#/$defs/dateTime' },
      updatedAt: { $ref: '#/$defs/dateTime' },
      revision: intRange(1, LIMITS.maxRevision, 'Increases by one on every saved change.'),
      geography: {
        description: 'A geography id (world, an ITU region, an ISO3 economy) or a custom geography.',
        anyOf: [{ type: 'string', minLength: 1, maxLength: LIMITS.id }, { $ref: '#/$defs/customGeography' }],
      },
      levers: { type: 'object', description: 'Every lever with its value and start year.', additionalProperties: false, required: LEVERS.map((l) => l.id), properties: levers },
      overrides: { type: 'object', description: 'Assumption overrides, each within its parameter’s range.', additionalProperties: false, properties: overrides },
      seed: intRange(0, 4294967295, 'Monte Carlo seed.'),
      draws: intRange(10, MAX_DRAWS, 'Monte Carlo draws.'),
    },
  };
}

/** The JSON Schema of the v1 scenario file envelope. */
export function buildJsonSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: JSON_SCHEMA_ID,
    title: 'Pathways 2030 scenario file, format version 1',
    description: 'One or more what-if scenarios for the ITU 2030 targets, as exported by Pathways 2030. Generated from the model registries by src/scenario/json-schema.ts.',
    type: 'object',
    additionalProperties: false,
    required: ['type', 'version', 'app', 'model', 'exportedAt', 'scenarios'],
    properties: {
      $schema: { type: 'string', maxLength: LIMITS.schemaUri },
      type: { const: SCENARIO_FILE_TYPE },
      version: { const: SCENARIO_FILE_VERSION },
      app: { type: 'string', minLength: 1, maxLength: LIMITS.appVersion, description: 'Version of the app that wrote the file.' },
      model: { type: 'string', minLength: 1, maxLength: LIMITS.appVersion, description: 'Version of the model that wrote the file.' },
      exportedAt: { $ref: '#/$defs/dateTime' },
      scenarios: { type: 'array', minItems: 1, maxItems: LIMITS.maxScenarios, items: { $ref: '#/$defs/scenario' } },
    },
    $defs: {
      dateTime: { type: 'string', pattern: ISO_DATE_TIME_PATTERN, description: 'ISO 8601 date-time with seconds and a zone, e.g. 2030-01-01T00:00:00Z.' },
      scenario: scenario(),
      customGeography: customGeography(),
    },
  };
}
