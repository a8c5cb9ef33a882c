// The one door for scenarios coming in: imported files, share links, IndexedDB records and presets.
// It rejects unsafe keys, detects the format version, runs keyed migrations of old versions, fills
// optional-in-practice fields (saying so), validates strictly and checks the geography exists.
// It never throws: a bad input comes back as {ok: false, path, problem}, the path naming the field
// in the input as given and the problem a code with its values (RestoreText): restore runs in a worker
// and in the CLI, so the words are made where they are shown (restore-messages.ts, `restore.*` keys).
// restoreData/parseScenarioData return the codes; restore/parseScenarioText say them with t(). It works under a budget: the cheap limits (size, count of scenarios, nesting,
// list and object sizes, total values) are checked before anything is copied or validated, and
// validation stops at the first fatal error, so a hostile input is refused in milliseconds.
// Browsers run it in a worker (restore-client.ts); Node (tests, CLI) calls it directly.
import * as v from 'valibot';
import { COMMON_BASE_YEAR, DEFAULT_DRAWS, DEFAULT_SEED, LEVERS, MODEL_VERSION, PARAMETERS, INDICATORS, TARGET_YEAR, geographyExists } from './model-deps.ts';
import { cleanText } from './names.ts';
import { expected, expectedText } from './expected.ts';
import { ProjectionInputSchema, firstProblem, type InputProblem } from './model-input.ts';
import { EXPECTED, LIMITS, ScenarioFileSchema } from './schema.ts';
import { localizeRestore } from './restore-messages.ts';
import {
  MAX_FILE_BYTES,
  SCENARIO_FILE_TYPE,
  SCENARIO_FILE_VERSION,
  type RestoreData,
  type RestoreErrorData,
  type RestoreResult,
  type RestoreText,
  type RestoreSource,
  type Scenario,
  type ScenarioFile,
} from './types.ts';

export interface RestoreOptions {
  /** The current time as an ISO string (default: the clock). */
  now?: () => string;
  /** A fresh scenario id (default: a random UUID). */
  newId?: () => string;
}

interface MigrationContext {
  now: () => string;
  newId: () => string;
  notes: RestoreText[];
}

type Json = Record<string, unknown>;

/** Keys that could reach an object's prototype if a consumer ever merged the data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any valid file (envelope → scenario → geography → indicators → indicator → history). */
const MAX_DEPTH = 32;
/** No list in a valid file is longer than the scenario list. */
const MAX_LIST = LIMITS.maxScenarios;
/** No object in a valid file has more keys (the largest is a custom indicator's history: years 1900–2099). */
const MAX_KEYS = 256;
/** Values (objects, lists, numbers, strings) in the largest valid file, with room to spare. */
export const MAX_VALUES = LIMITS.maxScenarios * 4_000;
const TOP = '(top level)';

const ENVELOPE_KEYS = ['type', 'version', 'scenarios', 'app', 'model', 'exportedAt', '$schema'];
const V1_ONLY_KEYS = ['name', 'id', 'description', 'notes', 'author', 'createdAt', 'updatedAt', 'revision'];
const V0_KEYS = ['geography', 'levers', 'overrides', 'seed', 'draws'];

const V0Schema = v.strictObject(ProjectionInputSchema.entries, expected('projectionInput'));

/** The name every converted version 0 projection input gets. */
export const IMPORTED_NAME = 'Imported scenario';

/**
 * Keyed migrations: MIGRATIONS[n] turns format n into format n + 1. Version 0 is the bare projection
 * input the CLI reads ({geography?, levers?, overrides?, seed?, draws?}), validated before it runs.
 */
export const MIGRATIONS: Record<number, (data: unknown, ctx: MigrationContext) => unknown> = {
  0: (data, ctx) => {
    const input = data as { geography?: unknown; levers?: Record<string, number | { value: number; start?: number }>; overrides?: Json; seed?: number; draws?: number };
    const levers: Json = {};
    for (const l of LEVERS) {
      const given = input.levers?.[l.id];
      levers[l.id] =
        given === undefined ? { value: l.default, start: null } : typeof given === 'number' ? { value: given, start: null } : { value: given.value, start: given.start ?? null };
    }
    const at = ctx.now();
    const scenario = {
      id: ctx.newId(),
      name: IMPORTED_NAME,
      description: '',
      notes: '',
      author: '',
      createdAt: at,
      updatedAt: at,
      revision: 1,
      geography: input.geography ?? 'world',
      levers,
      overrides: { ...(input.overrides ?? {}) },
      seed: input.seed ?? DEFAULT_SEED,
      draws: input.draws ?? DEFAULT_DRAWS,
    };
    ctx.notes.push({
      code: input.geography === undefined ? 'restore.note.v0World' : 'restore.note.v0',
      values: { name: IMPORTED_NAME, seed: String(scenario.seed), draws: String(scenario.draws) },
    });
    return { type: SCENARIO_FILE_TYPE, version: 1, app: 'unknown', model: MODEL_VERSION, exportedAt: at, scenarios: [scenario] };
  },
};

/** How the input was shaped, which decides how a path in the v1 envelope maps back to the input. */
type Form = 'envelope' | 'bare' | 'v0';

const isPlainObject = (x: unknown): x is Json => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
};

const fail = (source: RestoreSource, path: string, code: string, values?: RestoreText['values'], inner?: RestoreText): RestoreErrorData => ({
  ok: false,
  source,
  path: path || TOP,
  problem: { code: `restore.error.${code}`, ...(values ? { values } : {}), ...(inner ? { inner } : {}) },
});
/** A problem found while copying: where, and what (a RestoreText). */
type Stop = { path: string; problem: RestoreText };
const stop = (path: string, code: string, values?: RestoreText['values']): Stop => ({ path, problem: { code: `restore.error.${code}`, ...(values ? { values } : {}) } });

/**
 * A deep copy of plain data, refusing forbidden keys, runaway nesting, lists and objects larger than any
 * valid file has, and more values in all than the largest valid file; the path is where it stopped.
 * Sizes are checked before a list or object is walked, so a huge one costs nothing.
 */
function cloneChecked(x: unknown, path: string[], depth: number, budget = { values: MAX_VALUES }): { value: unknown } | Stop {
  // -0 would survive a restore but not a JSON round trip ("0"), so it is 0 from the start.
  if (--budget.values < 0) return stop(path.join('.'), 'tooManyValues', { max: MAX_VALUES });
  if (typeof x !== 'object' || x === null) return { value: Object.is(x, -0) ? 0 : x };
  if (depth > MAX_DEPTH) return stop(path.join('.'), 'tooDeep', { max: String(MAX_DEPTH) });
  if (Array.isArray(x)) {
    if (x.length > MAX_LIST) {
      const scenarios = path.length === 1 && path[0] === 'scenarios';
      return stop(path.join('.'), scenarios ? 'tooManyScenarios' : 'listTooLong', { max: String(scenarios ? LIMITS.maxScenarios : MAX_LIST), n: x.length });
    }
    const out: unknown[] = [];
    for (let i = 0; i < x.length; i++) {
      const r = cloneChecked(x[i], [...path, String(i)], depth + 1, budget);
      if (!('value' in r)) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  // Dates, Maps and the like are left as they are; the schema rejects them.
  if (!isPlainObject(x)) return { value: x };
  const out: Json = {};
  const keys = Object.keys(x);
  if (keys.length > MAX_KEYS) return stop(path.join('.') || TOP, 'tooManyFields', { max: String(MAX_KEYS), n: keys.length });
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) return stop([...path, key].join('.'), 'forbiddenKey', { key });
    const r = cloneChecked(x[key], [...path, key], depth + 1, budget);
    if (!('value' in r)) return r;
    out[key] = r.value;
  }
  return { value: out };
}

/** Maps a path in the v1 envelope back to the input the user gave. */
function originalPath(path: string, form: Form, original: unknown): string {
  if (form === 'envelope' || path === TOP) return path;
  if (path === 'scenarios' || path === 'scenarios.0') return TOP;
  if (!path.startsWith('scenarios.0.')) return path;
  const inner = path.slice('scenarios.0.'.length);
  if (form === 'v0') {
    // A v0 lever may be a plain number; v1 names its value field.
    const m = /^levers\.([^.]+)\.(value|start)$/.exec(inner);
    if (m && isPlainObject(original) && isPlainObject(original.levers) && typeof original.levers[m[1]!] === 'number') return `levers.${m[1]!}`;
  }
  return inner;
}

/** Parameters of earlier model versions (why an override of one no longer applies: `restore.retired.<id>`). */
const RETIRED_PARAMETERS = new Set(['useGrowthDefault', 'ownershipGrowthDefault', 'coverageGapClosing', 'priceDeclineDefault']);

/** Who a note is about (restore-messages.ts says it: “name”, or "Scenario 3"). */
const label = (s: Json, i: number) => (typeof s.name === 'string' && s.name.trim() !== '' ? { scenarioName: s.name } : { scenarioIndex: i });
/** A note about scenario `i`. */
const note = (s: Json, i: number, code: string, values: Record<string, string | number> = {}): RestoreText => ({ code: `restore.note.${code}`, values: { ...label(s, i), ...values } });

/** Fills the fields a v1 scenario may omit in practice; each fill is recorded in `notes`. */
function fillDefaults(file: Json, notes: RestoreText[]): void {
  if (!Array.isArray(file.scenarios)) return;
  file.scenarios.forEach((s: unknown, i) => {
    if (!isPlainObject(s)) return;
    if (!Object.hasOwn(s, 'levers')) {
      s.levers = Object.fromEntries(LEVERS.map((l) => [l.id, { value: l.default, start: null }]));
      notes.push(note(s, i, 'noLevers'));
    } else if (isPlainObject(s.levers)) {
      const levers = s.levers;
      const filled = LEVERS.filter((l) => !Object.hasOwn(levers, l.id));
      for (const l of filled) levers[l.id] = { value: l.default, start: null };
      if (filled.length > 0) notes.push(note(s, i, 'leversMissing', { count: filled.length, ids: filled.map((l) => l.id).join(', ') }));
      const noStart = LEVERS.filter((l) => isPlainObject(levers[l.id]) && !Object.hasOwn(levers[l.id] as Json, 'start'));
      for (const l of noStart) (levers[l.id] as Json).start = null;
      if (noStart.length > 0) notes.push(note(s, i, 'noStart', { count: noStart.length, ids: noStart.map((l) => l.id).join(', ') }));
    }
    if (!Object.hasOwn(s, 'overrides')) {
      s.overrides = {};
      notes.push(note(s, i, 'noOverrides'));
    } else if (isPlainObject(s.overrides)) {
      // Parameters the model no longer has (their role taken over by pooled trends) are dropped, and said so.
      const overrides = s.overrides;
      const retired = Object.keys(overrides).filter((k) => RETIRED_PARAMETERS.has(k));
      for (const k of retired) delete overrides[k];
      if (retired.length > 0) notes.push(note(s, i, 'retired', { retired: retired.join(',') }));
    }
    const emptyText = (['description', 'notes', 'author'] as const).filter((k) => !Object.hasOwn(s, k));
    for (const k of emptyText) s[k] = '';
    if (emptyText.length > 0) notes.push(note(s, i, 'emptyText', { fields: emptyText.join(',') }));
  });
}

/** Envelope fields a hand-written file may leave out: filled (and said), so the real fault, if any, is the one reported. */
function fillEnvelope(file: Json, ctx: MigrationContext): void {
  if (file.type !== SCENARIO_FILE_TYPE) return;
  const filled: string[] = [];
  if (!Object.hasOwn(file, 'app')) (file.app = 'unknown'), filled.push('app');
  if (!Object.hasOwn(file, 'model')) (file.model = MODEL_VERSION), filled.push('model');
  if (!Object.hasOwn(file, 'exportedAt')) (file.exportedAt = ctx.now()), filled.push('exportedAt');
  if (filled.length > 0) ctx.notes.push({ code: 'restore.note.envelope', values: { ids: filled.join(', '), model: MODEL_VERSION } });
}

/** Removes control and bidi-override characters and lone surrogates from a scenario's text fields (said in a note). */
function cleanScenarioText(s: Scenario, i: number, notes: RestoreText[]): void {
  const changed: string[] = [];
  for (const k of ['name', 'author'] as const) {
    const c = cleanText(s[k]);
    if (c !== s[k]) (s[k] = c), changed.push(k);
  }
  for (const k of ['description', 'notes'] as const) {
    const c = cleanText(s[k], true);
    if (c !== s[k]) (s[k] = c), changed.push(k);
  }
  if (typeof s.geography !== 'string') {
    const c = cleanText(s.geography.name);
    if (c !== s.geography.name) (s.geography = { ...s.geography, name: c }), changed.push('geography.name');
  }
  if (changed.length > 0) notes.push(note(s as unknown as Json, i, 'cleaned', { ids: changed.join(', ') }));
}

/** The problem for a key the schema does not know, naming what would be allowed there. */
function unknownKeyProblem(path: string): RestoreText {
  const parts = path.split('.');
  const key = parts.at(-1) ?? '';
  const parent = parts.at(-2);
  if (parent === 'levers') return { code: 'restore.error.unknownLever', values: { key, ids: LEVERS.map((l) => l.id).join(', ') } };
  if (parent === 'overrides') return { code: 'restore.error.unknownAssumption', values: { key, ids: PARAMETERS.map((p) => p.id).join(', ') } };
  if (parent === 'indicators') return { code: 'restore.error.unknownIndicator', values: { key, ids: INDICATORS.map((d) => d.id).join(', ') } };
  const guess = nearest(key, [...ENVELOPE_KEYS, ...V1_ONLY_KEYS, ...V0_KEYS, 'levers', 'overrides', 'geography', 'seed', 'draws', 'value', 'start', 'inheritFrom', 'baseYear', 'population', 'indicators', 'history', 'year']);
  return guess ? { code: 'restore.error.unknownFieldGuess', values: { key, guess } } : { code: 'restore.error.unknownField', values: { key } };
}

/** The known key within two edits of `key` (a typo such as "geograpy"), if there is one. */
function nearest(key: string, known: readonly string[]): string | undefined {
  // Only a real typo: at least 4 characters, and at most one edit per 3 of them ("geograpy", "leverz").
  if (key.length < 4 || key.length > 40) return undefined;
  const dist = (a: string, b: string): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row;
    }
    return prev[b.length]!;
  };
  let best: string | undefined;
  let bestD = 3;
  for (const k of new Set(known)) {
    const d = dist(key.toLowerCase(), k.toLowerCase());
    if (d < bestD && d <= Math.floor(key.length / 3)) (best = k), (bestD = d);
  }
  return best;
}

/** The problem for a required field that is absent. */
function missingKeyProblem(path: string): RestoreText {
  const key = path.split('.').at(-1) ?? '';
  const words: Record<string, string> = { ...EXPECTED, createdAt: EXPECTED.dateTime, updatedAt: EXPECTED.dateTime, exportedAt: EXPECTED.dateTime, value: expected('leverNumber'), start: EXPECTED.start, inheritFrom: expected('inheritFrom') };
  return { code: 'restore.error.missing', inner: Object.hasOwn(words, key) ? expectedText(words[key]!) : { code: 'restore.expected.aValue' } };
}

/** The problem valibot's first issue names. */
const schemaProblem = (p: InputProblem): RestoreText =>
  p.kind === 'unknown-key' ? unknownKeyProblem(p.path) : p.kind === 'missing-key' ? missingKeyProblem(p.path) : { code: 'restore.error.expected', inner: p.expected };

function defaultNewId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Restores scenarios from any outside source, in words of the active language; never throws. */
export function restore(input: unknown, source: RestoreSource, options: RestoreOptions = {}): RestoreResult {
  return localizeRestore(restoreData(input, source, options));
}

/** Restores scenarios from any outside source, its problem and notes as codes (a worker, the CLI); never throws. */
export function restoreData(input: unknown, source: RestoreSource, options: RestoreOptions = {}): RestoreData {
  try {
    return restoreUnsafe(input, source, options);
  } catch (e) {
    // A safety net: nothing above should throw, but a bug must not take the app down with it.
    return fail(source, TOP, 'unreadable', { error: e instanceof Error ? e.message : String(e) });
  }
}

function restoreUnsafe(input: unknown, source: RestoreSource, options: RestoreOptions): RestoreData {
  const ctx: MigrationContext = { now: options.now ?? (() => new Date().toISOString()), newId: options.newId ?? defaultNewId, notes: [] };
  if (!isPlainObject(input)) {
    return fail(source, TOP, 'notObject', { got: Array.isArray(input) ? 'list' : input === null ? 'null' : typeof input });
  }
  const cloned = cloneChecked(input, [], 0);
  if (!('value' in cloned)) return { ok: false, source, path: cloned.path || TOP, problem: cloned.problem };
  const raw = cloned.value as Json;

  // ---- version detection --------------------------------------------------------------------------
  let form: Form;
  let version: number;
  let data: unknown;
  if (ENVELOPE_KEYS.some((k) => Object.hasOwn(raw, k))) {
    form = 'envelope';
    if (raw.type !== SCENARIO_FILE_TYPE) {
      if (typeof raw.type === 'string') return fail(source, 'type', 'wrongType', { type: SCENARIO_FILE_TYPE, got: raw.type.slice(0, 80) });
      return fail(source, 'type', raw.type === undefined ? 'noType' : 'badType', { type: SCENARIO_FILE_TYPE });
    }
    if (typeof raw.version !== 'number' || !Number.isInteger(raw.version)) {
      return fail(source, 'version', 'versionNotWhole', { max: String(SCENARIO_FILE_VERSION) });
    }
    if (raw.version > SCENARIO_FILE_VERSION) {
      return fail(source, 'version', 'versionNewer', { max: String(SCENARIO_FILE_VERSION), version: String(raw.version) });
    }
    // Version 0 never had an envelope, so an envelope claiming it is not one we wrote.
    if (raw.version < 1 || (raw.version < SCENARIO_FILE_VERSION && !MIGRATIONS[raw.version])) {
      return fail(source, 'version', 'versionNever', { max: String(SCENARIO_FILE_VERSION), version: String(raw.version) });
    }
    version = raw.version;
    data = raw;
  } else if (V1_ONLY_KEYS.some((k) => Object.hasOwn(raw, k))) {
    form = 'bare';
    version = 1;
    data = { type: SCENARIO_FILE_TYPE, version: 1, app: 'unknown', model: MODEL_VERSION, exportedAt: ctx.now(), scenarios: [raw] };
  } else if (V0_KEYS.some((k) => Object.hasOwn(raw, k))) {
    form = 'v0';
    version = 0;
    const r = v.safeParse(V0Schema, raw, { abortEarly: true });
    if (!r.success) {
      const p = firstProblem(r.issues);
      return { ok: false, source, path: p.path, problem: p.kind === 'unknown-key' ? unknownKeyProblem(p.path) : { code: 'restore.error.expected', inner: p.expected } };
    }
    data = r.output;
  } else {
    // Nothing we know: if a key looks like a typo of one ("geograpy"), name it; it is the real fault.
    const typo = Object.keys(raw).find((k) => nearest(k, [...ENVELOPE_KEYS, ...V1_ONLY_KEYS, ...V0_KEYS]) !== undefined);
    if (typo !== undefined) return { ok: false, source, path: typo, problem: unknownKeyProblem(typo) };
    return fail(source, TOP, 'notScenario', { type: SCENARIO_FILE_TYPE });
  }
  const fromVersion = version;

  // ---- keyed migrations ---------------------------------------------------------------------------
  while (version < SCENARIO_FILE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return fail(source, 'version', 'versionRange', { max: String(SCENARIO_FILE_VERSION) });
    data = migrate(data, ctx);
    version++;
  }

  // ---- defaults, then strict validation -----------------------------------------------------------
  if (isPlainObject(data)) {
    fillEnvelope(data, ctx);
    fillDefaults(data, ctx.notes);
  }
  // Stop at the first fatal error: collecting every issue of a large bad file is what froze tabs.
  const parsed = v.safeParse(ScenarioFileSchema, data, { abortEarly: true });
  if (!parsed.success) {
    const p = firstProblem(parsed.issues);
    return { ok: false, source, path: originalPath(p.path, form, raw) || TOP, problem: schemaProblem(p) };
  }
  const file = parsed.output as unknown as ScenarioFile;

  // ---- what the schema cannot know: geographies and duplicate ids ---------------------------------
  const seen = new Map<string, number>();
  for (const [i, s] of file.scenarios.entries()) {
    const at = (field: string) => originalPath(`scenarios.${i}.${field}`, form, raw);
    const g = s.geography;
    if (typeof g === 'string') {
      if (!geographyExists(g)) return fail(source, at('geography'), 'unknownGeography', { id: g });
    } else if (!geographyExists(g.inheritFrom)) {
      return fail(source, at('geography.inheritFrom'), 'unknownInherit', { id: g.inheritFrom });
    }
    const prev = seen.get(s.id);
    if (prev !== undefined) return fail(source, at('id'), 'duplicateId', { prev: String(prev), id: s.id });
    seen.set(s.id, i);
    // The model runs levers from the year after the base year. A start at or before it (allowed by the
    // format, e.g. a file saved before a data update moved the base year) means "already acting": it
    // becomes null here, said in a note, so every scenario restore returns is one the model can run.
    const base = typeof g === 'string' ? COMMON_BASE_YEAR : (g.baseYear ?? COMMON_BASE_YEAR);
    const early = LEVERS.filter((l) => s.levers[l.id].start !== null && s.levers[l.id].start! <= base);
    for (const l of early) s.levers[l.id] = { ...s.levers[l.id], start: null };
    if (early.length > 0) ctx.notes.push(note(s as unknown as Json, i, 'earlyStart', { base: String(base), ids: early.map((l) => l.id).join(', '), count: early.length, first: String(base + 1), target: String(TARGET_YEAR) }));
    cleanScenarioText(s, i, ctx.notes);
  }
  // Presets are re-checked against each model release by their own test; the note would be noise there.
  if (form === 'envelope' && source.kind !== 'preset' && file.model !== MODEL_VERSION) {
    ctx.notes.push({ code: 'restore.note.modelVersion', values: { saved: file.model, model: MODEL_VERSION } });
  }
  return { ok: true, scenarios: file.scenarios as Scenario[], fromVersion, notes: ctx.notes };
}

/** UTF-8 length of a string, counted without encoding it; stops counting past the limit. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= MAX_FILE_BYTES; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: string; column: string } {
  const before = text.slice(0, offset);
  return { line: String(before.split('\n').length), column: String(offset - before.lastIndexOf('\n')) };
}

/** Parses the text of a file or link (≤ 5 MB, BOM stripped) and restores it, in words; never throws. */
export function parseScenarioText(text: string, source: RestoreSource, byteLength?: number, options: RestoreOptions = {}): RestoreResult {
  return localizeRestore(parseScenarioData(text, source, byteLength, options));
}

/** The same as parseScenarioText, the problem and notes as codes (a worker); never throws. */
export function parseScenarioData(text: string, source: RestoreSource, byteLength?: number, options: RestoreOptions = {}): RestoreData {
  try {
    const bytes = byteLength ?? utf8Length(text);
    if (bytes > MAX_FILE_BYTES) return tooLarge(source, byteLength === undefined ? undefined : bytes);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(msg);
      const lc = /line (\d+) column (\d+)/.exec(msg);
      if (pos) return fail(source, TOP, 'jsonAt', lineColumn(body, Number(pos[1])));
      if (lc) return fail(source, TOP, 'jsonAt', { line: lc[1]!, column: lc[2]! });
      return fail(source, TOP, body.trim() === '' ? 'jsonEmpty' : /end of JSON/i.test(msg) ? 'jsonEarly' : 'json');
    }
    return restoreData(data, source, options);
  } catch (e) {
    return fail(source, TOP, 'unreadable', { error: e instanceof Error ? e.message : String(e) });
  }
}

/** A file over MAX_FILE_BYTES: its size in MB when known. */
export function tooLarge(source: RestoreSource, bytes?: number): RestoreErrorData {
  const max = String(MAX_FILE_BYTES / 1024 / 1024);
  return bytes === undefined ? fail(source, TOP, 'tooLargeUnknown', { max }) : fail(source, TOP, 'tooLarge', { max, size: (bytes / 1024 / 1024).toFixed(1) });
}

export { describeRestoreError, sourceLabel } from './restore-messages.ts';
