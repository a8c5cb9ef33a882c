// The model's light constants, shared by the model, the scenario schemas, the CLI and the UI: years,
// Monte Carlo defaults and limits, and the model version. No imports, no data: importing this never
// pulls the projection engine into the main thread (tests/unit/bundle-boundary.test.ts).

/** The year the Strategic Plan targets are judged in. */
export const TARGET_YEAR = 2030;
/** The last projected year. */
export const END_YEAR = 2035;
/** The common base year of every projection (a custom geography may set its own). */
export const COMMON_BASE_YEAR = 2025;

/** Monte Carlo draws when a request names none, and the most a request may ask for. */
export const DEFAULT_DRAWS = 1000;
export const MAX_DRAWS = 20000;
/** Monte Carlo seed when a request names none (the same seed gives the same draws). */
export const DEFAULT_SEED = 20302030;

/** The model's version: bump on any change that alters projected numbers. */
export const MODEL_VERSION = '0.2.0';
