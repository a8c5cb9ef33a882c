// The light parts of the model the scenario code needs (registries, limits, geography ids), imported
// from their own modules so the main thread never bundles the projection model or its data.
export { INDICATORS } from '../model/registry/indicators.ts';
export { LEVERS, type LeverId } from '../model/registry/levers.ts';
export { PARAMETERS, type ParameterId } from '../model/registry/parameters.ts';
export { TARGET_YEAR } from '../model/engine.ts';
export { MODEL_VERSION } from '../model/version.ts';
export { DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS } from '../model/limits.ts';
export { geographyExists } from '../model/geography-ids.ts';
export { COMMON_BASE_YEAR } from '../model/base-year.ts';
