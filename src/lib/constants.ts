// The light constants the UI and state use, in one place: the model's (years, Monte Carlo defaults,
// model version; no engine code) and the app's version, read from package.json at build time.
import { version } from '../../package.json';

export { COMMON_BASE_YEAR, DEFAULT_DRAWS, DEFAULT_SEED, END_YEAR, MAX_DRAWS, MODEL_VERSION, TARGET_YEAR } from '../model/constants.ts';

/** The app's version (package.json), written into every exported scenario file and share link. */
export const APP_VERSION: string = version;
