// The command line's inputs through the app's own door: a scenario file (one scenario, a pack, a bare
// scenario or a version 0 projection input) is read with restore(), exactly as the app imports it, and
// becomes the same projection request the app sends (toProjectionRequest). What the app refuses, the
// CLI refuses with the same message; numbers in flags are plain decimals only.
// The command line speaks English: the messages of the restore door come from the English catalogue.
import '../i18n/english.ts';
import { readFileSync, statSync } from 'node:fs';
import { listGeographies, type ProjectionRequest } from '../model/index.ts';
import { describeRestoreError, parseScenarioText } from '../scenario/restore.ts';
import { toProjectionRequest } from '../scenario/scenario.ts';
import { MAX_FILE_BYTES, type Scenario } from '../scenario/types.ts';
import { CliError } from './cli-error.ts';

/** The text of a file of at most 5 MB; errors name the file and say what went wrong. */
export function readTextFile(path: string): { text: string; bytes: number } {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError(path, `${path}: expected a file`);
    if (st.size > MAX_FILE_BYTES) throw new CliError(path, `${path}: (top level): expected a file of at most ${MAX_FILE_BYTES / 1024 / 1024} MB; this one is ${(st.size / 1024 / 1024).toFixed(1)} MB`);
    return { text: readFileSync(path, 'utf8'), bytes: st.size };
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(path, `${path}: cannot read file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`);
  }
}

/** Picks the scenario to run from a restored file: the only one, or the one `--scenario` names (id, name or 1-based number). */
export function pickScenario(scenarios: readonly Scenario[], file: string, which: string | undefined): Scenario {
  if (which === undefined) {
    if (scenarios.length === 1) return scenarios[0]!;
    throw new CliError(file, `${file}: holds ${scenarios.length} scenarios; choose one with --scenario NAME|ID|NUMBER (${scenarios.slice(0, 10).map((s, i) => `${i + 1} “${s.name}”`).join(', ')}${scenarios.length > 10 ? ', …' : ''})`);
  }
  const n = /^\d+$/.test(which) ? Number(which) : NaN;
  const found = scenarios.find((s) => s.id === which) ?? scenarios.find((s) => s.name === which) ?? (n >= 1 && n <= scenarios.length ? scenarios[n - 1] : undefined);
  if (!found) throw new CliError('--scenario', `--scenario ${which}: no scenario with that id, name or number in ${file} (it holds ${scenarios.length})`);
  return found;
}

/**
 * Reads a scenario file through restore() and returns the request the app would send for it, with
 * restore's notes (what it filled in). Errors: `file: field.path: expected …`, the app's own message.
 */
export function readScenarioRequest(file: string, which?: string): { request: ProjectionRequest; scenario: Scenario; notes: string[] } {
  const { text, bytes } = readTextFile(file);
  const r = parseScenarioText(text, { kind: 'file', name: file }, bytes);
  if (!r.ok) throw new CliError(file, describeRestoreError(r));
  const scenario = pickScenario(r.scenarios, file, which);
  return { request: toProjectionRequest(scenario), scenario, notes: r.notes };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number ("12", "-0.5", "50e9"); hex, binary, octal, "Infinity" and blanks are refused. */
export function parseDecimal(text: string, path: string, expected: string): number {
  const v = DECIMAL.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isFinite(v)) throw new CliError(path, `${path}: expected ${expected} (a plain decimal number), got "${text}"`);
  return v;
}

/** A geography id given by flag: not empty. */
export function parseGeographyFlag(text: string): string {
  const id = text.trim();
  if (id === '') throw new CliError('--geography', '--geography: expected a geography id (world, an ITU region such as africa, or an ISO3 code such as KEN; --geography list shows them), got an empty value');
  // An id in any case ("ken", "World") or a geography's own name ("Kenya", "Arab States") is taken too;
  // anything else goes on unchanged, for the model's check to refuse with its message.
  const wanted = id.toLowerCase();
  const all = listGeographies();
  const match = all.find((g) => g.id.toLowerCase() === wanted) ?? all.find((g) => g.name.toLowerCase() === wanted);
  return match ? match.id : id;
}
