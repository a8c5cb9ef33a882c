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

/**
 * A message as data: a catalogue key (`restore.*`) and its values. The restore door runs in a worker
 * and in the CLI, where no catalogue may be loaded, so it says what went wrong this way; the text is
 * made with t() where it is shown (restore-messages.ts). `inner` is a part said in words of its own
 * ("missing; expected {expected}").
 */
export interface RestoreText {
  code: string;
  values?: Readonly<Record<string, string | number>>;
  inner?: RestoreText;
}

/** A rejected input as data: the source, the field path (as given in the input) and the problem. */
export interface RestoreErrorData {
  ok: false;
  source: RestoreSource;
  path: string;
  problem: RestoreText;
}

/** A rejected input: the source, the field path and what was expected, in words. Nothing was changed. */
export interface RestoreError extends RestoreErrorData {
  message: string;
}

interface RestoreOkBase {
  ok: true;
  scenarios: Scenario[];
  /** Format version the input had before migration (0 = a bare pre-envelope projection input). */
  fromVersion: number;
}

/** A restored input as data: the notes are codes (see RestoreText). */
export interface RestoreOkData extends RestoreOkBase {
  notes: RestoreText[];
}

export interface RestoreOk extends RestoreOkBase {
  /** What restore filled in or repaired, for the import preview, in words. */
  notes: string[];
}

/** What the restore door returns where it runs (worker, CLI): codes, no words. */
export type RestoreData = RestoreOkData | RestoreErrorData;
/** The same, in the active language. */
export type RestoreResult = RestoreOk | RestoreError;
