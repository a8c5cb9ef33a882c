// The scenario: what a planner saves, shares and presents. One TypeScript type; its runtime schema is
// in schema.ts (valibot), its published JSON Schema in public/schema/scenarios-v1.json.
import type { CustomGeographyDef, LeverId, ParameterId } from '../model/index.ts';

/** The file envelope's type tag and format version (not the IndexedDB version, not the app version). */
export const SCENARIO_FILE_TYPE = 'pathways-2030/scenarios';
export const SCENARIO_FILE_VERSION = 1;
/** Files larger than this are rejected before parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LeverSettingV1 {
  value: number;
  /** First year the lever acts; null = the year after the base year. */
  start: number | null;
}

export interface Scenario {
  /** Stable id (a UUID); never shown. */
  id: string;
  name: string;
  description: string;
  notes: string;
  author: string;
  /** ISO 8601 date-times. */
  createdAt: string;
  updatedAt: string;
  /** Increases by one on every saved change; detects conflicting edits across tabs. */
  revision: number;
  /** A geography id (World, an ITU region, an ISO3 economy) or a full custom geography. */
  geography: string | CustomGeographyDef;
  /** Every lever, with its value and start year. */
  levers: Record<LeverId, LeverSettingV1>;
  /** Assumption overrides, each within its parameter's range. */
  overrides: Partial<Record<ParameterId, number>>;
  seed: number;
  draws: number;
}

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
