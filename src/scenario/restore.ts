// The one door for scenarios coming in: imported files, share links, IndexedDB records and presets.
// It rejects unsafe keys, detects the format version, runs keyed migrations of old versions, fills
// optional-in-practice fields (saying so), validates strictly and checks the geography exists.
// It never throws: a bad input comes back as {ok: false, path, message}, the path naming the field
// in the input as given. It works under a budget: the cheap limits (size, count of scenarios, nesting,
// list and object sizes, total values) are checked before anything is copied or validated, and
// validation stops at the first fatal error, so a hostile input is refused in milliseconds.
// Browsers run it in a worker (restore-client.ts); Node (tests, CLI) calls it directly.
import * as v from 'valibot';
import { COMMON_BASE_YEAR, DEFAULT_DRAWS, DEFAULT_SEED, LEVERS, MODEL_VERSION, PARAMETERS, INDICATORS, TARGET_YEAR, geographyExists } from './model-deps.ts';
import { cleanText } from './names.ts';
import { ProjectionInputSchema, firstProblem } from './model-input.ts';
import { EXPECTED, LIMITS, ScenarioFileSchema } from './schema.ts';
import { WORKSHOP_FILE_TYPE } from './workshop-kind.ts';
import {
  MAX_FILE_BYTES,
  SCENARIO_FILE_TYPE,
  SCENARIO_FILE_VERSION,
  type RestoreError,
  type RestoreResult,
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
  notes: string[];
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

const V0Schema = v.strictObject(ProjectionInputSchema.entries, 'a projection input object');

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
    ctx.notes.push(
      `Converted a version 0 projection input into the scenario “${IMPORTED_NAME}”` +
        (input.geography === undefined ? '; geography set to World' : '') +
        `; levers it did not set start at their defaults; seed ${scenario.seed}, ${scenario.draws} draws.`,
    );
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

const fail = (source: RestoreSource, path: string, message: string): RestoreError => ({ ok: false, source, path: path || TOP, message });

/**
 * A deep copy of plain data, refusing forbidden keys, runaway nesting, lists and objects larger than any
 * valid file has, and more values in all than the largest valid file; the path is where it stopped.
 * Sizes are checked before a list or object is walked, so a huge one costs nothing.
 */
function cloneChecked(x: unknown, path: string[], depth: number, budget = { values: MAX_VALUES }): { value: unknown } | { path: string; message: string } {
  // -0 would survive a restore but not a JSON round trip ("0"), so it is 0 from the start.
  if (--budget.values < 0) return { path: path.join('.'), message: `expected at most ${MAX_VALUES.toLocaleString('en')} values in all (no scenario file holds more)` };
  if (typeof x !== 'object' || x === null) return { value: Object.is(x, -0) ? 0 : x };
  if (depth > MAX_DEPTH) return { path: path.join('.'), message: `expected at most ${MAX_DEPTH} levels of nesting (the data is nested deeper or refers to itself)` };
  if (Array.isArray(x)) {
    if (x.length > MAX_LIST) {
      const what = path.length === 1 && path[0] === 'scenarios' ? EXPECTED.scenarios : `a list of at most ${MAX_LIST} items (no field of a scenario file holds more)`;
      return { path: path.join('.'), message: `expected ${what}; this one has ${x.length.toLocaleString('en')}` };
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
  if (keys.length > MAX_KEYS) return { path: path.join('.') || TOP, message: `expected an object of at most ${MAX_KEYS} fields (no object in a scenario file has more); this one has ${keys.length.toLocaleString('en')}` };
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key].join('.'), message: `the key "${key}" is not allowed anywhere in a scenario (it could alter objects' prototypes)` };
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

/** Parameters of earlier model versions, and why an override of one no longer applies. */
const RETIRED_PARAMETERS: Readonly<Record<string, string>> = {
  useGrowthDefault: 'Internet-use and household trends are now pooled across economies',
  ownershipGrowthDefault: 'phone-ownership trends are now pooled across economies',
  coverageGapClosing: '4G coverage trends are now pooled across economies',
  priceDeclineDefault: 'price trends now shrink toward the region’s median change',
};

/** A scenario's name for notes. */
const label = (s: Json, i: number) => (typeof s.name === 'string' && s.name.trim() !== '' ? `“${s.name}”` : `Scenario ${i + 1}`);

/** Fills the fields a v1 scenario may omit in practice; each fill is recorded in `notes`. */
function fillDefaults(file: Json, notes: string[]): void {
  if (!Array.isArray(file.scenarios)) return;
  file.scenarios.forEach((s: unknown, i) => {
    if (!isPlainObject(s)) return;
    const name = label(s, i);
    if (!Object.hasOwn(s, 'levers')) {
      s.levers = Object.fromEntries(LEVERS.map((l) => [l.id, { value: l.default, start: null }]));
      notes.push(`${name}: no lever settings; every lever set to its default (off).`);
    } else if (isPlainObject(s.levers)) {
      const levers = s.levers;
      const filled = LEVERS.filter((l) => !Object.hasOwn(levers, l.id));
      for (const l of filled) levers[l.id] = { value: l.default, start: null };
      if (filled.length > 0) notes.push(`${name}: ${filled.length === 1 ? 'lever' : 'levers'} ${filled.map((l) => l.id).join(', ')} missing; set to ${filled.length === 1 ? 'its default' : 'their defaults'} (off).`);
      const noStart = LEVERS.filter((l) => isPlainObject(levers[l.id]) && !Object.hasOwn(levers[l.id] as Json, 'start'));
      for (const l of noStart) (levers[l.id] as Json).start = null;
      if (noStart.length > 0) notes.push(`${name}: no start year for ${noStart.map((l) => l.id).join(', ')}; ${noStart.length === 1 ? 'it acts' : 'they act'} from the year after the base year.`);
    }
    if (!Object.hasOwn(s, 'overrides')) {
      s.overrides = {};
      notes.push(`${name}: no assumption overrides; central assumptions used.`);
    } else if (isPlainObject(s.overrides)) {
      // Parameters the model no longer has (their role taken over by pooled trends) are dropped, and said so.
      const overrides = s.overrides;
      const retired = Object.keys(overrides).filter((k) => Object.hasOwn(RETIRED_PARAMETERS, k));
      for (const k of retired) delete overrides[k];
      if (retired.length > 0) notes.push(`${name}: ${retired.map((k) => `override of "${k}" dropped (${RETIRED_PARAMETERS[k]})`).join('; ')}.`);
    }
    const emptyText = (['description', 'notes', 'author'] as const).filter((k) => !Object.hasOwn(s, k));
    for (const k of emptyText) s[k] = '';
    if (emptyText.length > 0) notes.push(`${name}: no ${emptyText.join(', ').replace(/, ([^,]*)$/, ' or $1')}; left empty.`);
  });
}

/** Envelope fields a hand-written file may leave out: filled (and said), so the real fault, if any, is the one reported. */
function fillEnvelope(file: Json, ctx: MigrationContext): void {
  if (file.type !== SCENARIO_FILE_TYPE) return;
  const filled: string[] = [];
  if (!Object.hasOwn(file, 'app')) (file.app = 'unknown'), filled.push('app');
  if (!Object.hasOwn(file, 'model')) (file.model = MODEL_VERSION), filled.push('model');
  if (!Object.hasOwn(file, 'exportedAt')) (file.exportedAt = ctx.now()), filled.push('exportedAt');
  if (filled.length > 0) ctx.notes.push(`The file does not say ${filled.join(', ')}; read as written by this app's model ${MODEL_VERSION}.`);
}

/** Removes control and bidi-override characters and lone surrogates from a scenario's text fields (said in a note). */
function cleanScenarioText(s: Scenario, i: number, notes: string[]): void {
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
  if (changed.length > 0) notes.push(`${label(s as unknown as Json, i)}: removed control, bidi-override or broken characters from ${changed.join(', ')}.`);
}

/** The message for a key the schema does not know, naming what would be allowed there. */
function unknownKeyMessage(path: string): string {
  const parts = path.split('.');
  const key = parts.at(-1) ?? '';
  const parent = parts.at(-2);
  if (parent === 'levers') return `no lever "${key}" in this model; expected one of ${LEVERS.map((l) => l.id).join(', ')}`;
  if (parent === 'overrides') return `no assumption "${key}" in this model; expected one of ${PARAMETERS.map((p) => p.id).join(', ')}`;
  if (parent === 'indicators') return `no indicator "${key}" in this model; expected one of ${INDICATORS.map((d) => d.id).join(', ')}`;
  const guess = nearest(key, [...ENVELOPE_KEYS, ...V1_ONLY_KEYS, ...V0_KEYS, 'levers', 'overrides', 'geography', 'seed', 'draws', 'value', 'start', 'inheritFrom', 'baseYear', 'population', 'indicators', 'history', 'year']);
  return `unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected only the fields of the Pathways 2030 scenario format`;
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

/** The message for a required field that is absent. */
function missingKeyMessage(path: string): string {
  const key = path.split('.').at(-1) ?? '';
  const words: Record<string, string> = { ...EXPECTED, createdAt: EXPECTED.dateTime, updatedAt: EXPECTED.dateTime, exportedAt: EXPECTED.dateTime, value: 'a number (the lever value)', start: EXPECTED.start, inheritFrom: 'a geography id to inherit from' };
  return `missing; expected ${Object.hasOwn(words, key) ? words[key] : 'a value (this field is required)'}`;
}

function defaultNewId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Restores scenarios from any outside source; never throws. */
export function restore(input: unknown, source: RestoreSource, options: RestoreOptions = {}): RestoreResult {
  try {
    return restoreUnsafe(input, source, options);
  } catch (e) {
    // A safety net: nothing above should throw, but a bug must not take the app down with it.
    return fail(source, TOP, `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

function restoreUnsafe(input: unknown, source: RestoreSource, options: RestoreOptions): RestoreResult {
  const ctx: MigrationContext = { now: options.now ?? (() => new Date().toISOString()), newId: options.newId ?? defaultNewId, notes: [] };
  if (!isPlainObject(input)) {
    return fail(source, TOP, `expected a scenario file (a JSON object), got ${Array.isArray(input) ? 'a list' : input === null ? 'null' : typeof input}`);
  }
  const cloned = cloneChecked(input, [], 0);
  if (!('value' in cloned)) return fail(source, cloned.path, cloned.message);
  const raw = cloned.value as Json;

  // ---- version detection --------------------------------------------------------------------------
  let form: Form;
  let version: number;
  let data: unknown;
  if (ENVELOPE_KEYS.some((k) => Object.hasOwn(raw, k))) {
    form = 'envelope';
    // The other envelope kind: a workshop (workshop-file.ts restores it, each group's scenario through here).
    if (raw.type === WORKSHOP_FILE_TYPE) return fail(source, 'type', `expected "${SCENARIO_FILE_TYPE}"; this is a Pathways 2030 workshop file (open it from the Workshop tab)`);
    if (raw.type !== SCENARIO_FILE_TYPE) {
      const got = typeof raw.type === 'string' ? `; this file's type is "${raw.type.slice(0, 80)}"` : raw.type === undefined ? '; the file has no type' : '';
      return fail(source, 'type', `expected "${SCENARIO_FILE_TYPE}" (not a Pathways 2030 scenario file${got})`);
    }
    if (typeof raw.version !== 'number' || !Number.isInteger(raw.version)) {
      return fail(source, 'version', `expected a whole-number format version (this app reads versions 1 to ${SCENARIO_FILE_VERSION})`);
    }
    if (raw.version > SCENARIO_FILE_VERSION) {
      return fail(source, 'version', `expected a format version up to ${SCENARIO_FILE_VERSION}; this file has version ${raw.version}, written by a newer Pathways 2030 (update the app to open it)`);
    }
    // Version 0 never had an envelope, so an envelope claiming it is not one we wrote.
    if (raw.version < 1 || (raw.version < SCENARIO_FILE_VERSION && !MIGRATIONS[raw.version])) {
      return fail(source, 'version', `expected a format version from 1 to ${SCENARIO_FILE_VERSION}; ${raw.version} is not a version Pathways 2030 ever wrote`);
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
      return fail(source, p.path, p.kind === 'unknown-key' ? unknownKeyMessage(p.path) : `expected ${p.message}`);
    }
    data = r.output;
  } else {
    // Nothing we know: if a key looks like a typo of one ("geograpy"), name it; it is the real fault.
    const typo = Object.keys(raw).find((k) => nearest(k, [...ENVELOPE_KEYS, ...V1_ONLY_KEYS, ...V0_KEYS]) !== undefined);
    if (typo !== undefined) return fail(source, typo, unknownKeyMessage(typo));
    return fail(source, TOP, `expected a scenario file: an object with "type": "${SCENARIO_FILE_TYPE}" and "version", a scenario (with "name" and "levers"), or a projection input (with "levers", "geography"…)`);
  }
  const fromVersion = version;

  // ---- keyed migrations ---------------------------------------------------------------------------
  while (version < SCENARIO_FILE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return fail(source, 'version', `expected a format version from 1 to ${SCENARIO_FILE_VERSION}`);
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
    const path = originalPath(p.path, form, raw);
    const message = p.kind === 'unknown-key' ? unknownKeyMessage(p.path) : p.kind === 'missing-key' ? missingKeyMessage(p.path) : `expected ${p.message}`;
    return fail(source, path, message);
  }
  const file = parsed.output as unknown as ScenarioFile;

  // ---- what the schema cannot know: geographies and duplicate ids ---------------------------------
  const seen = new Map<string, number>();
  for (const [i, s] of file.scenarios.entries()) {
    const at = (field: string) => originalPath(`scenarios.${i}.${field}`, form, raw);
    const g = s.geography;
    if (typeof g === 'string') {
      if (!geographyExists(g)) return fail(source, at('geography'), `expected a known geography id (world, an ITU region such as africa, or an ISO3 code such as KEN); "${g}" is not one`);
    } else if (!geographyExists(g.inheritFrom)) {
      return fail(source, at('geography.inheritFrom'), `expected a known geography id to inherit from (world, an ITU region or an ISO3 code); "${g.inheritFrom}" is not one`);
    }
    const prev = seen.get(s.id);
    if (prev !== undefined) return fail(source, at('id'), `expected an id no other scenario in the file has; scenarios.${prev} already has "${s.id}"`);
    seen.set(s.id, i);
    // The model runs levers from the year after the base year. A start at or before it (allowed by the
    // format, e.g. a file saved before a data update moved the base year) means "already acting": it
    // becomes null here, said in a note, so every scenario restore returns is one the model can run.
    const base = typeof g === 'string' ? COMMON_BASE_YEAR : (g.baseYear ?? COMMON_BASE_YEAR);
    const early = LEVERS.filter((l) => s.levers[l.id].start !== null && s.levers[l.id].start! <= base);
    for (const l of early) s.levers[l.id] = { ...s.levers[l.id], start: null };
    if (early.length > 0) ctx.notes.push(`${label(s as unknown as Json, i)}: start year at or before the base year ${base} for ${early.map((l) => l.id).join(', ')}; ${early.length === 1 ? 'it acts' : 'they act'} from ${base + 1} (the first projected year, up to ${TARGET_YEAR}).`);
    cleanScenarioText(s, i, ctx.notes);
  }
  // Presets are re-checked against each model release by their own test; the note would be noise there.
  if (form === 'envelope' && source.kind !== 'preset' && file.model !== MODEL_VERSION) {
    ctx.notes.push(`Saved with model version ${file.model}; this app runs model ${MODEL_VERSION}, so projections may differ from when it was saved.`);
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

/** "line 3, column 14" for a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Checks the size (≤ 5 MB) and parses JSON text (BOM stripped); never throws. Shared by every envelope kind. */
export function parseJsonText(text: string, source: RestoreSource, byteLength?: number): { ok: true; data: unknown } | RestoreError {
  const bytes = byteLength ?? utf8Length(text);
  if (bytes > MAX_FILE_BYTES) {
    const size = byteLength === undefined ? 'more than 5 MB' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return fail(source, TOP, `expected a file of at most ${MAX_FILE_BYTES / 1024 / 1024} MB; this one is ${size}`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, data: JSON.parse(body) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const where = pos ? ` at ${lineColumn(body, Number(pos[1]))}` : lc ? ` at line ${lc[1]}, column ${lc[2]}` : body.trim() === '' ? ' (the text is empty)' : /end of JSON/i.test(msg) ? ' (the text ends too early)' : '';
    return fail(source, TOP, `expected JSON text; it is not valid JSON${where}`);
  }
}

/** Parses the text of a file or link (≤ 5 MB, BOM stripped) and restores it; never throws. */
export function parseScenarioText(text: string, source: RestoreSource, byteLength?: number, options: RestoreOptions = {}): RestoreResult {
  try {
    const parsed = parseJsonText(text, source, byteLength);
    return parsed.ok ? restore(parsed.data, source, options) : parsed;
  } catch (e) {
    return fail(source, TOP, `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Where an input came from, as the start of a message. */
export function sourceLabel(source: RestoreSource): string {
  switch (source.kind) {
    case 'file': return source.name;
    case 'link': return 'Share link';
    case 'storage': return 'Saved data';
    case 'preset': return `Preset ${source.name}`;
  }
}

/** One line for the user: `my-plan.json: scenarios.0.levers.networkRollout.value: expected a number from 0 to 40 (…)`. */
export function describeRestoreError(e: RestoreError): string {
  return `${sourceLabel(e.source)}: ${e.path}: ${e.message}`;
}
