// Command-line projection: `npm run --silent project -- [scenario.json] [flags]`. Node only; calls the
// model through the in-process runner. Bad input exits 2 with one line naming the file, the field
// path and what was expected, never a stack trace.
import { createSyncRunner } from '../runner/sync-runner.ts';
import {
  INDICATOR_IDS,
  INDICATORS,
  LEVERS,
  PARAMETERS,
  ModelInputError,
  TARGET_MAIN_INDICATOR,
  isLeverId,
  isParameterId,
  resolveIndicator,
  type AttributionEntry,
  type CustomGeographyDef,
  type Goal,
  type IndicatorId,
  type LeverId,
  type LeverSetting,
  type ParameterId,
  type ProjectionRequest,
  type ProjectionResult,
  type SeekRequest,
  type TornadoResult,
  type TradeoffRequest,
  type TradeoffResult,
} from '../model/index.ts';
import { parseCustomGeography } from './inputs.ts';
import { parseDecimal, parseGeographyFlag, readScenarioRequest, readTextFile } from './read-input.ts';
import { CliError } from './cli-error.ts';
import { projectInThreads, shareOf, threadCount } from './project-all.ts';
import { useCliLocale } from './cli-locale.ts';
import { activeLocale, t } from '../i18n/runtime.ts';
import { keys } from '../i18n/keys.ts';
import { geographyName } from '../lib/geography-name.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Options {
  file?: string;
  /** Which scenario of a pack to run (id, name or 1-based number). */
  scenario?: string;
  geography?: string;
  custom?: string;
  sets: string[];
  assumes: string[];
  draws?: string;
  seed?: string;
  format: 'json' | 'csv';
  formatGiven: boolean;
  seeks: string[];
  budget?: string;
  locks: string[];
  confidence?: string;
  tradeoff?: string;
  sensitivity?: string;
  /** Language of the printed names (`--lang xx`); English when absent. */
  lang?: string;
}

const USAGE =
  'usage: npm run --silent project -- [scenario.json [--scenario NAME|ID|NUMBER]] [--geography ID|list|all] [--custom FILE] ' +
  '[--set LEVER=VALUE[@START]|list]... [--assume PARAM=VALUE|list]... [--draws N] [--seed S] [--format json|csv] ' +
  '[--seek GOAL]... [--budget USD] [--lock LEVER]... [--confidence P] [--tradeoff INDICATOR] [--sensitivity INDICATOR] [--lang ar|zh|en|fr|ru|es]';

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { sets: [], assumes: [], format: 'json', formatGiven: false, seeks: [], locks: [] };
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
      case '--scenario': o.scenario = take(); break;
      case '--custom': o.custom = take(); break;
      case '--set': o.sets.push(take()); break;
      case '--assume': o.assumes.push(take()); break;
      case '--draws': o.draws = take(); break;
      case '--seed': o.seed = take(); break;
      case '--seek': o.seeks.push(take()); break;
      case '--budget': o.budget = take(); break;
      case '--lock': o.locks.push(take()); break;
      case '--confidence': o.confidence = take(); break;
      case '--tradeoff': o.tradeoff = take(); break;
      case '--sensitivity': o.sensitivity = take(); break;
      case '--lang': o.lang = take(); break;
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
  const { text } = readTextFile(path);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(path, `${path}: not valid JSON (${(e as Error).message})`);
  }
}

const parseNumber = parseDecimal;

/** Builds the projection request from file and flags (flags override the file). */
export function buildRequest(o: Options): ProjectionRequest {
  // A scenario file goes through the app's restore(), so the CLI runs exactly what the app would.
  const req: ProjectionRequest = o.file ? readScenarioRequest(o.file, o.scenario).request : { geography: 'world' };
  if (o.scenario !== undefined && !o.file) throw new CliError('--scenario', '--scenario: expected together with a scenario file');
  if (o.custom) req.geography = parseCustomGeography(readJsonFile(o.custom), o.custom) as CustomGeographyDef;
  if (o.geography !== undefined) req.geography = parseGeographyFlag(o.geography);
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

// ---- goal seek, trade-off and sensitivity flags ----------------------------------------------------

const TARGET_IDS = Object.keys(TARGET_MAIN_INDICATOR).join(', ');

/** An indicator named by a target id ("1.7") or an indicator id ("internetUse"). */
function parseIndicator(text: string, flag: string): IndicatorId {
  const id = resolveIndicator(text.trim());
  if (!id) throw new CliError(flag, `${flag} ${text}: unknown target or indicator; expected a target id (${TARGET_IDS}) or an indicator id (${INDICATOR_IDS.join(', ')})`);
  return id;
}

/**
 * A goal: TARGET>=LEVEL or TARGET<=LEVEL, TARGET a target id (its main indicator) or an indicator id.
 * ">= 100" on a 0–100 indicator counts as met at 99.5, as the scorecard's universal targets do.
 */
export function parseGoal(text: string): Goal {
  const m = /^\s*([A-Za-z0-9_.]+)\s*(>=|<=)\s*(\S+)\s*$/.exec(text);
  if (!m) throw new CliError('--seek', `--seek ${text}: expected TARGET>=LEVEL or TARGET<=LEVEL (TARGET a target id such as 1.7 or an indicator id such as internetUse), e.g. "1.7>=90"`);
  const [, name, op, lvl] = m as unknown as [string, string, '>=' | '<=', string];
  const id = resolveIndicator(name);
  if (!id) throw new CliError('--seek', `--seek ${text}: unknown target or indicator "${name}"; expected a target id (${TARGET_IDS}) or an indicator id (${INDICATOR_IDS.join(', ')})`);
  const def = INDICATORS.find((d) => d.id === id)!;
  const [lo, hi] = def.bounds;
  const level = Number(lvl);
  if (!Number.isFinite(level) || level < lo || level > hi) {
    throw new CliError('--seek', `--seek ${text}: expected a level from ${lo} to ${hi} (${def.unit}) for ${id}, got "${lvl}"`);
  }
  return { indicator: id, op, level };
}

/** The goal-seek request from the flags and the projection request (its geography, levers, overrides, seed). */
export function buildSeekRequest(o: Options, req: ProjectionRequest): SeekRequest {
  const seek: SeekRequest = { geography: req.geography, goals: o.seeks.map(parseGoal) };
  if (req.levers !== undefined) seek.levers = req.levers;
  if (req.overrides !== undefined) seek.overrides = req.overrides;
  if (req.seed !== undefined) seek.seed = req.seed;
  if (o.budget !== undefined) {
    const b = parseNumber(o.budget, '--budget', 'a non-negative number of USD (e.g. 50e9)');
    if (b < 0) throw new CliError('--budget', `--budget: expected a non-negative number of USD (e.g. 50e9), got "${o.budget}"`);
    seek.budgetUsd = b;
  }
  if (o.locks.length > 0) seek.locked = parseLocks(o);
  if (o.confidence !== undefined) {
    const c = parseNumber(o.confidence, '--confidence', 'a probability from 0.5 to 0.99');
    if (c < 0.5 || c > 0.99) throw new CliError('--confidence', `--confidence: expected a probability from 0.5 to 0.99, got "${o.confidence}"`);
    seek.confidence = c;
  }
  return seek;
}

function parseLocks(o: Options): LeverId[] {
  return o.locks.map((id) => {
    if (!isLeverId(id)) throw new CliError('--lock', `--lock ${id}: unknown lever; expected one of ${LEVERS.map((l) => l.id).join(', ')}`);
    return id;
  });
}

/** Rejects flag combinations that mean nothing (exit 2 like any bad input). */
function checkModes(o: Options): void {
  const modes = [o.seeks.length > 0 ? '--seek' : null, o.tradeoff !== undefined ? '--tradeoff' : null, o.sensitivity !== undefined ? '--sensitivity' : null].filter((x) => x !== null);
  if (modes.length > 1) throw new CliError('arguments', `${modes.join(' and ')}: expected only one of --seek, --tradeoff and --sensitivity`);
  if (o.seeks.length === 0) {
    if (o.budget !== undefined) throw new CliError('--budget', '--budget: expected together with --seek');
    if (o.confidence !== undefined) throw new CliError('--confidence', '--confidence: expected together with --seek');
    if (o.locks.length > 0 && o.tradeoff === undefined) throw new CliError('--lock', '--lock: expected together with --seek or --tradeoff');
  }
}

export function tradeoffCsv(r: TradeoffResult): string {
  const lines = [['budgetUsd', 'costUsd', 'value2030', ...LEVERS.map((l) => l.id)].join(',')];
  for (const p of r.points) lines.push([p.budgetUsd, p.costUsd, p.value2030, ...LEVERS.map((l) => p.levers[l.id].value)].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

export function sensitivityCsv(t: TornadoResult, a: AttributionEntry[]): string {
  const corr = new Map<string, number>(a.map((e) => [e.parameterId, e.correlation]));
  const lines = ['kind,id,label,lowSetting,lowValue2030,highSetting,highValue2030,swing,correlation'];
  for (const b of t.bars) lines.push([b.kind, b.id, b.label, b.low.setting, b.low.value2030, b.high.setting, b.high.value2030, b.swing, corr.get(b.id)].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

const CSV_COLUMNS = ['indicator', 'target', 'year', 'baseline', 'scenario', 'p10', 'p50', 'p90', 'target2030', 'unit'] as const;

function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'number' ? String(Number(v.toPrecision(10))) : v;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per indicator and year; with `withGeography`, each row starts with the geography's id. */
export function toCsv(r: ProjectionResult, withGeography = false, header = true): string {
  const lines = header ? [(withGeography ? ['geography', ...CSV_COLUMNS] : [...CSV_COLUMNS]).join(',')] : [];
  for (const ind of r.indicators) {
    r.years.forEach((year, t) => {
      const row = [ind.id, ind.target, year, ind.baseline[t], ind.scenario[t], ind.p10?.[t], ind.p50?.[t], ind.p90?.[t], ind.target2030, ind.unit];
      lines.push((withGeography ? [r.geography.id, ...row] : row).map(csvCell).join(','));
    });
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * Projects the request for every geography (World, the six regions, every economy) in one process:
 * a JSON array of the usual results, or one CSV with a geography column.
 */
async function projectAll(o: Options, req: ProjectionRequest, runner: ReturnType<typeof createSyncRunner>, io: Io, call: <T>(f: () => Promise<T>) => Promise<T>): Promise<void> {
  if (o.custom) throw new CliError('--geography', '--geography all: cannot be combined with --custom');
  if (o.seeks.length > 0 || o.tradeoff !== undefined || o.sensitivity !== undefined) {
    throw new CliError('--geography', '--geography all: expected a plain projection (not with --seek, --tradeoff or --sensitivity)');
  }
  const list = await runner.api.listGeographies();
  const format = o.format === 'csv' ? 'csv' : 'json';
  const ids = list.map((g) => g.id);
  const here = async (i: number) => printedChunk(await call(() => runner.api.project({ ...req, geography: ids[i]! })), format, i === 0);
  const chunks: Array<string | undefined> = new Array(ids.length);
  // the first in this thread, so bad input is reported as usual; then the others on every core
  chunks[0] = await here(0);
  const n = threadCount(ids.length);
  const others = n > 1 ? projectInThreads({ ids, req, format, lang: o.lang ?? 'en' }, n) : Promise.resolve([]);
  for (const i of shareOf(0, n, ids.length).slice(1)) chunks[i] = await here(i);
  const theirs = await others;
  // a share whose thread could not run is projected here
  for (let i = 1; i < ids.length; i++) chunks[i] ??= theirs[i] ?? (await here(i));
  io.out(format === 'csv' ? chunks.join('') : `[\n${chunks.join(',\n')}\n]\n`);
}

/** One geography's text in `--geography all`: CSV rows with a geography column (the header first), or compact JSON. */
export function printedChunk(result: ProjectionResult, format: 'json' | 'csv', first: boolean): string {
  return format === 'csv' ? toCsv(result, true, first) : JSON.stringify(toJsonOutput(result));
}

/** The JSON document the CLI prints. */
export function toJsonOutput(r: ProjectionResult): unknown {
  return {
    model: r.model,
    geography: { id: r.geography.id, name: geographyName(r.geography) },
    baseYear: r.baseYear,
    years: r.years,
    indicators: r.indicators.map((i) => ({
      id: i.id,
      target: i.target,
      name: t(keys.indicator(i.id, 'name')),
      unit: i.unit,
      direction: i.direction,
      target2030: i.target2030,
      rule: i.rule,
      baselineSource: {
        status: i.baselineSource.status,
        value: i.baselineSource.value,
        fact: i.baselineSource.fact,
        ...(i.baselineSource.nowcastFrom !== undefined ? { nowcastFrom: i.baselineSource.nowcastFrom } : {}),
        ...(i.baselineSource.nowcastMethod !== undefined ? { nowcastMethod: i.baselineSource.nowcastMethod } : {}),
        ...(i.baselineSource.stale ? { stale: true } : {}),
        ...(i.baselineSource.screening ? { screening: i.baselineSource.screening } : {}),
        ...(i.baselineSource.warning !== undefined ? { warning: i.baselineSource.warning } : {}),
      },
      ...(i.calibration !== undefined ? { calibration: i.calibration } : {}),
      baseline: i.baseline,
      scenario: i.scenario,
      p10: i.p10,
      p50: i.p50,
      p90: i.p90,
      pMeet: i.pMeet,
      metCentral: i.metCentral,
      status: i.status,
      // with --lang other than English, the status as the app words it in that language
      ...(activeLocale() !== 'en' ? { statusLabel: t(keys.status(i.status)) } : {}),
      ...(i.aggregate ? { aggregate: i.aggregate } : {}),
    })),
    cost: {
      available: r.cost.available, ...(r.cost.note ? { note: r.cost.note } : {}), priceYear: r.cost.priceYear, discountRatePct: r.cost.discountRatePct,
      totalUsd: r.cost.totalUsd, byLever: r.cost.byLever,
      ...(r.cost.bands ? { bands: r.cost.bands } : {}), ...(r.cost.marginal ? { marginal: r.cost.marginal } : {}),
      ...(r.cost.affordability ? { affordability: r.cost.affordability } : {}), ...(r.cost.gni ? { gni: r.cost.gni } : {}),
      ...(r.cost.currentTrends ? { currentTrends: r.cost.currentTrends } : {}),
      ...(r.cost.withTrendsUsd !== undefined ? { withTrendsUsd: r.cost.withTrendsUsd, networkOverlapUsd: r.cost.networkOverlapUsd ?? 0 } : {}),
    },
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
  if (head !== undefined && head.startsWith('goals')) return '--seek';
  if (head === 'budgetUsd') return '--budget';
  if (head !== undefined && head.startsWith('locked')) return '--lock';
  if (head === 'confidence') return '--confidence';
  if (head === 'indicator' || head === 'points') return o.tradeoff !== undefined ? '--tradeoff' : '--sensitivity';
  return o.file ?? 'arguments';
}

/** Runs the CLI; returns the exit code (0 ok, 2 bad input, 1 unexpected failure). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const runner = createSyncRunner();
  try {
    const o = parseArgs(argv);
    useCliLocale(o.lang ?? 'en');
    if (o.geography === 'list') {
      const list = await runner.api.listGeographies();
      if (o.formatGiven && o.format === 'json') io.out(`${JSON.stringify(list.map((g) => ({ id: g.id, name: geographyName(g) })), null, 2)}\n`);
      else io.out(list.map((g) => `${g.id}\t${geographyName(g)}${g.region ? `\t(${g.region})` : ''}`).join('\n') + '\n');
      return 0;
    }
    if (o.sets.includes('list')) {
      const rows = LEVERS.map((l) => ({ id: l.id, label: t(keys.lever(l.id, 'label')), unit: t(keys.lever(l.id, 'unit')), min: l.min, max: l.max, step: l.step, default: l.default }));
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
    checkModes(o);
    const req = buildRequest(o);
    const modelCall = async <T>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (e) {
        if (e instanceof ModelInputError) throw new CliError(e.path, `${origin(o, e.path)}: ${e.message}`);
        throw e;
      }
    };
    if (o.seeks.length > 0) {
      // the cheapest settings found, then the normal projection of them
      const seekReq = buildSeekRequest(o, req);
      const seek = await modelCall(() => runner.api.seekGoals(seekReq));
      const projection = await modelCall(() => runner.api.project({ ...req, levers: seek.levers }));
      io.out(o.format === 'csv' ? toCsv(projection) : `${JSON.stringify({ seek, projection: toJsonOutput(projection) }, null, 2)}\n`);
      return 0;
    }
    if (o.tradeoff !== undefined) {
      const t: TradeoffRequest = { geography: req.geography, indicator: parseIndicator(o.tradeoff, '--tradeoff') };
      if (req.levers !== undefined) t.levers = req.levers;
      if (req.overrides !== undefined) t.overrides = req.overrides;
      if (o.locks.length > 0) t.locked = parseLocks(o);
      const tradeoff = await modelCall(() => runner.api.tradeoffCurve(t));
      io.out(o.format === 'csv' ? tradeoffCsv(tradeoff) : `${JSON.stringify({ tradeoff }, null, 2)}\n`);
      return 0;
    }
    if (o.sensitivity !== undefined) {
      const indicator = parseIndicator(o.sensitivity, '--sensitivity');
      const base = { geography: req.geography, indicator, ...(req.levers !== undefined ? { levers: req.levers } : {}), ...(req.overrides !== undefined ? { overrides: req.overrides } : {}) };
      const tornado = await modelCall(() => runner.api.tornado(base));
      const attribution = await modelCall(() => runner.api.attribution({ ...base, ...(req.draws !== undefined ? { draws: req.draws } : {}), ...(req.seed !== undefined ? { seed: req.seed } : {}) }));
      io.out(o.format === 'csv' ? sensitivityCsv(tornado, attribution) : `${JSON.stringify({ tornado, attribution }, null, 2)}\n`);
      return 0;
    }
    if (o.geography === 'all') {
      await projectAll(o, req, runner, io, modelCall);
      return 0;
    }
    const result: ProjectionResult = await modelCall(() => runner.api.project(req));
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
