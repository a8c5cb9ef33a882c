// The scenario: what a planner saves, shares and presents. Its type is derived from the runtime
// schema in schema.ts (valibot); its published JSON Schema is public/schema/scenarios-v1.json.
import type * as v from 'valibot';
import type { CustomGeographyDef, LeverId, ParameterId } from '../model/index.ts';
import type { ScenarioSchema, leverSetting } from './schema.ts';

export { SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION } from './schema.ts';
import type { SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION } from './schema.ts';
/** Files larger than this are rejected before parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A lever's value and first year (null = the year after the base year), as the schema checks it. */
export type LeverSettingV1 = v.InferOutput<ReturnType<typeof leverSetting>>;

/**
 * A scenario as ScenarioSchema outputs it: id (a UUID, never shown), texts, ISO 8601 date-times,
 * revision (one more on every saved change: detects conflicting edits across tabs), seed and draws.
 * The schema builds the levers and overrides from the registries at run time, so their keys are
 * typed here by the registries' ids; the geography is an id (World, an ITU region, an ISO3
 * economy) or a full custom geography.
 */
export type Scenario = Omit<v.InferOutput<typeof ScenarioSchema>, 'geography' | 'levers' | 'overrides'> & {
  geography: string | CustomGeographyDef;
  /** Every lever, with its value and start year. */
  levers: Record<LeverId, LeverSettingV1>;
  /** Assumption overrides, each within its parameter's range. */
  overrides: Partial<Record<ParameterId, number>>;
};

export interface ScenarioFile {
  type: typeof SCENARIO_FILE_TYPE;
  version: typeof SCENARIO_FILE_VERSION;
  /** Version of the app that wrote the file. */
  app: string;
  /** Version of the model that wrote the file. */
  model: string;
  exportedAt: string;
  scenarios: Scenario[];
}

/** Where a scenario came from, for messages ("my-plan.json: scenarios.0.levers…"). */
export type RestoreSource =
  | { kind: 'file'; name: string }
  | { kind: 'link' }
  | { kind: 'storage' }
  | { kind: 'preset'; name: string };

/** A rejected input: the source, the field path and what was expected. Nothing was changed. */
export interface RestoreError {
  ok: false;
  source: RestoreSource;
  path: string;
  message: string;
}

export interface RestoreOk {
  ok: true;
  scenarios: Scenario[];
  /** Format version the input had before migration (0 = a bare pre-envelope projection input). */
  fromVersion: number;
  /** What restore filled in or repaired, for the import preview. */
  notes: string[];
}

export type RestoreResult = RestoreOk | RestoreError;
