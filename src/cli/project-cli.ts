// Command-line projection: `npm run --silent project -- [scenario.json] [flags]`. Node only; calls the
// model through the in-process runner. Bad input exits 2 with one line naming the file, the field
// path and what was expected, never a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { createSyncRunner } from '../runner/sync-runner.ts';
import {
  LEVERS,
  PARAMETERS,
  ModelInputError,
  isLeverId,
  isParameterId,
  type CustomGeographyDef,
  type LeverId,
  type LeverSetting,
  type ParameterId,
  type ProjectionRequest,
  type ProjectionResult,
} from '../model/index.ts';
import { parseCustomGeography, parseScenarioInput } from './inputs.ts';
import { CliError } from './cli-error.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Options {
  file?: string;
  geography?: string;
  custom?: string;
  sets: string[];
  assumes: string[];
  draws?: string;
  seed?: string;
  format: 'json' | 'csv';
  formatGiven: boolean;
}

const USAGE =
  'usage: npm run --silent project -- [scenario.json] [--geography ID|list] [--custom FILE] ' +
  '[--set LEVER=VALUE[@START]|list]... [--assume PARAM=VALUE|list]... [--draws N] [--seed S] [--format json|csv]';

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { sets: [], assumes: [], format: 'json', formatGiven: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError('arguments', `${a}: expected a value after ${a}`);
      return v;
    };
    const [flag, inline] = a.startsWith('--') && a.includes('=') && !a.startsWith('--set=') && !a.startsWith('--assume=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => inline ?? value();
    switch (flag) {
      case '--geography': o.geography = take(); break;
      case '--custom': o.custom = take(); break;
      case '--set': o.sets.push(take()); break;
      case '--assume': o.assumes.push(take()); break;
      case '--draws': o.draws = take(); break;
      case '--seed': o.seed = take(); break;
      case '--format': {
        const f = take();
        if (f !== 'json' && f !== 'csv') throw new CliError('arguments', `--format: expected json or csv, got "${f}"`);
        o.format = f;
        o.formatGiven = true;
        break;
      }
      case '--help': case '-h': throw new CliError('help', USAGE);
      default:
        if (a.startsWith('--set=')) { o.sets.push(a.slice(6)); break; }
        if (a.startsWith('--assume=')) { o.assumes.push(a.slice(9)); break; }
        if (a.startsWith('-')) throw new CliError('arguments', `unknown option ${a}; ${USAGE}`);
        if (o.file) throw new CliError('arguments', `only one scenario file may be given (got "${o.file}" and "${a}")`);
        o.file = a;
    }
  }
  return o;
}

/** Reads a JSON file; errors name the file and say what went wrong. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError(path, `${path}: expected a file`);
    if (st.size > 5 * 1024 * 1024) throw new CliError(path, `${path}: file is larger than 5 MB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(path, `${path}: cannot read file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(path, `${path}: not valid JSON (${(e as Error).message})`);
  }
}

function parseNumber(text: string, path: string, expected: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new CliError(path, `${path}: expected ${expected}, got "${text}"`);
  return v;
}

/** Builds the projection request from file and flags (flags override the file). */
export function buildRequest(o: Options): ProjectionRequest {
  const req: ProjectionRequest = { geography: 'world' };
  if (o.file) Object.assign(req, parseScenarioInput(readJsonFile(o.file), o.file));
  if (o.custom) req.geography = parseCustomGeography(readJsonFile(o.custom), o.custom) as CustomGeographyDef;
  if (o.geography) req.geography = o.geography;
  const levers: Partial<Record<LeverId, LeverSetting | number>> = { ...(req.levers ?? {}) };
  for (const s of o.sets) {
    const m = /^([A-Za-z0-9_]+)=([^@]+)(?:@(.+))?$/.exec(s);
    if (!m) throw new CliError('--set', `--set ${s}: expected LEVER=VALUE or LEVER=VALUE@START`);
    const [, id, val, start] = m as unknown as [string, string, string, string | undefined];
    if (!isLeverId(id)) throw new CliError('--set', `--set ${id}: unknown lever; expected one of ${LEVERS.map((l) => l.id).join(', ')}`);
    const setting: LeverSetting = { value: parseNumber(val, `--set ${id}`, 'a number') };
    if (start !== undefined) setting.start = parseNumber(start, `--set ${id}@start`, 'a year');
    levers[id] = setting;
  }
  req.levers = levers;
  const overrides: Partial<Record<ParameterId, number>> = { ...(req.overrides ?? {}) };
  for (const s of o.assumes) {
    const m = /^([A-Za-z0-9_]+)=(.+)$/.exec(s);
    if (!m) throw new CliError('--assume', `--assume ${s}: expected PARAM=VALUE`);
    const [, id, val] = m as unknown as [string, string, string];
    if (!isParameterId(id)) throw new CliError('--assume', `--assume ${id}: unknown parameter; see --assume list`);
    overrides[id] = parseNumber(val, `--assume ${id}`, 'a number');
  }
  req.overrides = overrides;
  if (o.draws !== undefined) req.draws = parseNumber(o.draws, '--draws', 'a whole number');
  if (o.seed !== undefined) req.seed = parseNumber(o.seed, '--seed', 'a whole number');
  return req;
}

const CSV_COLUMNS = ['indicator', 'target', 'year', 'baseline', 'scenario', 'p10', 'p50', 'p90', 'target2030', 'unit'] as const;

function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'number' ? String(Number(v.toPrecision(10))) : v;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per indicator and year. */
export function toCsv(r: ProjectionResult): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const ind of r.indicators) {
    r.years.forEach((year, t) => {
      lines.push([ind.id, ind.target, year, ind.baseline[t], ind.scenario[t], ind.p10?.[t], ind.p50?.[t], ind.p90?.[t], ind.target2030, ind.unit].map(csvCell).join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON document the CLI prints. */
export function toJsonOutput(r: ProjectionResult): unknown {
  return {
    model: r.model,
    geography: { id: r.geography.id, name: r.geography.name },
    baseYear: r.baseYear,
    years: r.years,
    indicators: r.indicators.map((i) => ({
      id: i.id,
      target: i.target,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      target2030: i.target2030,
      rule: i.rule,
      baselineSource: {
        status: i.baselineSource.status,
        value: i.baselineSource.value,
        fact: i.baselineSource.fact,
        ...(i.baselineSource.nowcastFrom !== undefined ? { nowcastFrom: i.baselineSource.nowcastFrom } : {}),
      },
      baseline: i.baseline,
      scenario: i.scenario,
      p10: i.p10,
      p50: i.p50,
      p90: i.p90,
      pMeet: i.pMeet,
      metCentral: i.metCentral,
      status: i.status,
      costPerPoint: i.costPerPoint,
    })),
    cost: { available: r.cost.available, ...(r.cost.note ? { note: r.cost.note } : {}), totalUsd: r.cost.totalUsd, byLever: r.cost.byLever },
    seed: r.seed,
    draws: r.draws,
  };
}

/** Where a field the model rejected came from: a flag, the custom-geography file or the scenario file. */
function origin(o: Options, path: string): string {
  const [head, key] = path.split('.');
  const setIds = o.sets.map((s) => s.split('=')[0]);
  const assumeIds = o.assumes.map((s) => s.split('=')[0]);
  if (head === 'geography') return o.geography ? '--geography' : (o.custom ?? o.file ?? 'arguments');
  if (head === 'levers' && key !== undefined && setIds.includes(key)) return '--set';
  if (head === 'overrides' && key !== undefined && assumeIds.includes(key)) return '--assume';
  if ((head === 'draws' && o.draws !== undefined) || (head === 'seed' && o.seed !== undefined)) return `--${head}`;
  return o.file ?? 'arguments';
}

/** Runs the CLI; returns the exit code (0 ok, 2 bad input, 1 unexpected failure). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const runner = createSyncRunner();
  try {
    const o = parseArgs(argv);
    if (o.geography === 'list') {
      const list = await runner.api.listGeographies();
      if (o.formatGiven && o.format === 'json') io.out(`${JSON.stringify(list.map((g) => ({ id: g.id, name: g.name })), null, 2)}\n`);
      else io.out(list.map((g) => `${g.id}\t${g.name}${g.region ? `\t(${g.region})` : ''}`).join('\n') + '\n');
      return 0;
    }
    if (o.sets.includes('list')) {
      const rows = LEVERS.map((l) => ({ id: l.id, label: l.label, unit: l.unit, min: l.min, max: l.max, step: l.step, default: l.default }));
      if (o.formatGiven && o.format === 'json') io.out(`${JSON.stringify(rows, null, 2)}\n`);
      else io.out(rows.map((l) => `${l.id}\t${l.min}–${l.max} (step ${l.step}, default ${l.default})\t${l.unit}`).join('\n') + '\n');
      return 0;
    }
    if (o.assumes.includes('list')) {
      const rows = PARAMETERS.map((p) => ({ id: p.id, label: p.label, unit: p.unit, central: p.central, low: p.low, high: p.high, kind: p.kind }));
      if (o.formatGiven && o.format === 'json') io.out(`${JSON.stringify(rows, null, 2)}\n`);
      else io.out(rows.map((p) => `${p.id}\t${p.central} [${p.low}, ${p.high}]\t${p.unit}\t${p.kind}`).join('\n') + '\n');
      return 0;
    }
    const req = buildRequest(o);
    let result: ProjectionResult;
    try {
      result = await runner.api.project(req);
    } catch (e) {
      if (e instanceof ModelInputError) throw new CliError(e.path, `${origin(o, e.path)}: ${e.message}`);
      throw e;
    }
    io.out(o.format === 'csv' ? toCsv(result) : `${JSON.stringify(toJsonOutput(result), null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      if (e.path === 'help') {
        io.out(`${e.message}\n`);
        return 0;
      }
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    io.err(`error: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    runner.terminate();
  }
}
