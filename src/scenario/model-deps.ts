// The light parts of the model the scenario code needs (registries, limits, geography ids), imported
// from their own modules so the main thread never bundles the projection model or its data.
export { INDICATORS } from '../model/registry/indicators.ts';
export { LEVERS, LEVER_BY_ID, type LeverId } from '../model/registry/levers.ts';
export { PARAMETERS, type ParameterId } from '../model/registry/parameters.ts';
export { COMMON_BASE_YEAR, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, MODEL_VERSION, TARGET_YEAR } from '../model/constants.ts';
export { geographyExists } from '../model/geography-ids.ts';
