// Input limits and defaults shared by the model, the scenario schemas and the UI (light: no data).
export const DEFAULT_DRAWS = 1000;
export const MAX_DRAWS = 20000;
export const DEFAULT_SEED = 20302030;
