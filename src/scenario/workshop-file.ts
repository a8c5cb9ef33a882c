// The workshop: a named session (facilitator, date, geographies) and its groups, each holding one
// scenario. This module is its file format: the `pathways-2030/workshop` envelope, its keyed migrations,
// its validation (each group's scenario goes through restore(), the one door, so a workshop never holds
// a scenario the library would refuse) and its deterministic JSON text. Never throws: a bad input
// comes back as a RestoreError naming the file and the field path, and nothing is changed.
import { LIMITS } from './schema.ts';
import { parseJsonText, restore, type RestoreOptions } from './restore.ts';
import { formatRestoreText } from './restore-messages.ts';
import { canonicalScenario, slug } from './file.ts';
import { cleanText } from './names.ts';
import { LEVERS, LEVER_BY_ID, MODEL_VERSION, geographyExists, type LeverId } from './model-deps.ts';
import { SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION, type RestoreError, type RestoreSource, type RestoreText, type Scenario } from './types.ts';

import { WORKSHOP_FILE_TYPE, WORKSHOP_FILE_VERSION } from './workshop-kind.ts';

export { WORKSHOP_FILE_TYPE, WORKSHOP_FILE_VERSION };
/** More groups than any room splits into; keeps a hostile file cheap to refuse. */
export const MAX_GROUPS = 60;
export const MAX_GEOGRAPHIES = 20;
/** A group's weight in the room's plan: 0 (left out) to MAX_WEIGHT; 1 when not set. */
export const MAX_WEIGHT = 10;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** One group of the room and the scenario it handed in. */
export interface WorkshopGroup {
  /** Stable id within the workshop (never shown). */
  id: string;
  /** The group's name on the board: from the scenario's author or name, editable. */
  name: string;
  scenario: Scenario;
}

/**
 * The room's plan as the facilitator has shaped it: levers set by a handle (the others take the
 * weighted median of the groups) and each group's weight (1 when absent, 0 leaves the group out).
 */
export interface WorkshopPlan {
  /**
   * The geography the plan is projected on (format version 2): a known geography id, or the id of a
   * custom geography one of the groups uses. Chosen by the facilitator; by default the session's first.
   */
  geography: string;
  levers: Partial<Record<LeverId, number>>;
  weights: Record<string, number>;
}

export interface Workshop {
  id: string;
  name: string;
  facilitator: string;
  /** The session's day, YYYY-MM-DD (or empty). */
  date: string;
  /** Geography ids the session is about (the plan is projected on the first unless the facilitator picks another). */
  geographies: string[];
  groups: WorkshopGroup[];
  /** Present once the room's plan has been built (optional: a file without it has no plan yet). */
  plan?: WorkshopPlan;
  createdAt: string;
  updatedAt: string;
}

export interface WorkshopFile {
  type: typeof WORKSHOP_FILE_TYPE;
  version: typeof WORKSHOP_FILE_VERSION;
  app: string;
  model: string;
  exportedAt: string;
  workshop: Workshop;
}

export type WorkshopResult = { ok: true; workshop: Workshop; fromVersion: number; notes: string[] } | RestoreError;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
// The workshop door's problems are codes, as restore.ts's are (`workshop.error.*`, or the scenario door's
// `restore.error.*` where the wording is the same), said in the active language by restore-messages.ts.
function fail(source: RestoreSource, path: string, code: string, values?: RestoreText['values']): RestoreError {
  const problem: RestoreText = { code: code.includes('.') ? code : `workshop.error.${code}`, ...(values ? { values } : {}) };
  return { ok: false, source, path, message: formatRestoreText(problem), problem };
}

/**
 * The geography a version 1 plan was projected on, which that format left implicit: the session's
 * first geography, else the groups' most common (a custom one by its id), else World. Reads raw data
 * defensively: whatever is malformed is refused by the validation after the migration.
 */
export function implicitPlanGeography(w: Json): string {
  const first = Array.isArray(w.geographies) ? w.geographies[0] : undefined;
  if (typeof first === 'string') return first;
  const counts = new Map<string, number>();
  for (const g of Array.isArray(w.groups) ? w.groups : []) {
    const geo = isObject(g) && isObject(g.scenario) ? g.scenario.geography : undefined;
    const key = typeof geo === 'string' ? geo : isObject(geo) && typeof geo.id === 'string' ? geo.id : undefined;
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 'world';
  let n = 0;
  for (const [k, c] of counts) if (c > n) (best = k), (n = c);
  return best;
}

/**
 * Keyed migrations of the workshop envelope: WORKSHOP_MIGRATIONS[n] turns version n into n + 1, a new
 * object (the input is never changed). Each step has a fixture in tests/fixtures/ (workshop-v1.json…).
 */
export const WORKSHOP_MIGRATIONS: Record<number, (data: Json, notes: string[]) => Json> = {
  // 1 → 2: the plan's geography becomes explicit, the one version 1 used implicitly (so a version 1 file
  // restores to the same workshop, its plan on the same geography).
  1: (data, notes) => {
    const w = data.workshop;
    if (!isObject(w) || !isObject(w.plan)) return { ...data, version: 2 };
    const geography = implicitPlanGeography(w);
    notes.push(formatRestoreText({ code: 'workshop.note.planGeography', values: { geography } }));
    return { ...data, version: 2, workshop: { ...w, plan: { geography, ...w.plan } } };
  },
};

const ENVELOPE_KEYS = new Set(['type', 'version', 'app', 'model', 'exportedAt', 'workshop', '$schema']);
const WORKSHOP_KEYS = new Set(['id', 'name', 'facilitator', 'date', 'geographies', 'groups', 'plan', 'createdAt', 'updatedAt']);
const PLAN_KEYS = new Set(['geography', 'levers', 'weights']);
const GROUP_KEYS = new Set(['id', 'name', 'scenario']);

function unknownKey(obj: Json, known: Set<string>): string | undefined {
  return Object.keys(obj).find((k) => !known.has(k));
}

function text(obj: Json, key: string, max: number, at: string, source: RestoreSource, required = true): string | RestoreError {
  const x = obj[key];
  if (x === undefined && !required) return '';
  if (typeof x !== 'string') return fail(source, `${at}${key}`, x === undefined ? 'textMissing' : 'text', { max });
  if (x.length > max) return fail(source, `${at}${key}`, 'textTooLong', { max, length: x.length });
  return cleanText(x);
}

/** Restores a workshop from parsed JSON: envelope, migrations, every field, every group's scenario. */
export function restoreWorkshop(input: unknown, source: RestoreSource, options: RestoreOptions = {}): WorkshopResult {
  try {
    return restoreUnsafe(input, source, options);
  } catch (e) {
    return fail(source, '(top level)', 'restore.error.unreadable', { error: e instanceof Error ? e.message : String(e) });
  }
}

function restoreUnsafe(input: unknown, source: RestoreSource, options: RestoreOptions): WorkshopResult {
  const notes: string[] = [];
  if (!isObject(input)) return fail(source, '(top level)', 'notObject');
  if (input.type !== WORKSHOP_FILE_TYPE) {
    return fail(source, 'type', input.type === SCENARIO_FILE_TYPE ? 'typeScenario' : 'type', { type: WORKSHOP_FILE_TYPE });
  }
  let version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(source, 'version', 'restore.error.versionNotWhole', { max: WORKSHOP_FILE_VERSION });
  if (version > WORKSHOP_FILE_VERSION) return fail(source, 'version', 'restore.error.versionNewer', { max: WORKSHOP_FILE_VERSION, version });
  const fromVersion = version;
  let data: Json = input;
  while (version < WORKSHOP_FILE_VERSION) {
    const step = WORKSHOP_MIGRATIONS[version];
    if (!step) return fail(source, 'version', 'restore.error.versionRange', { max: WORKSHOP_FILE_VERSION });
    data = step(data, notes);
    version++;
  }
  const extra = unknownKey(data, ENVELOPE_KEYS);
  if (extra !== undefined) return fail(source, extra, 'unknownTopField');
  const w = data.workshop;
  if (!isObject(w)) return fail(source, 'workshop', w === undefined ? 'workshopMissing' : 'workshopObject');
  const wExtra = unknownKey(w, WORKSHOP_KEYS);
  if (wExtra !== undefined) return fail(source, `workshop.${wExtra}`, 'unknownField', { fields: 'id,name,facilitator,date,geographies,groups,plan,createdAt,updatedAt' });
  const fields: Record<string, string> = {};
  for (const [key, max, required] of [['id', LIMITS.id, true], ['name', LIMITS.name, true], ['facilitator', LIMITS.author, false], ['date', 10, false], ['createdAt', 40, true], ['updatedAt', 40, true]] as const) {
    const r = text(w, key, max, 'workshop.', source, required);
    if (typeof r !== 'string') return r;
    fields[key] = r;
  }
  if (fields.id!.trim() === '') return fail(source, 'workshop.id', 'idEmpty');
  if (fields.date !== '' && !DATE.test(fields.date!)) return fail(source, 'workshop.date', 'date');
  for (const key of ['createdAt', 'updatedAt']) if (Number.isNaN(Date.parse(fields[key]!))) return fail(source, `workshop.${key}`, 'dateTime');
  const geos = w.geographies ?? [];
  if (!Array.isArray(geos) || geos.length > MAX_GEOGRAPHIES) return fail(source, 'workshop.geographies', 'geographies', { max: MAX_GEOGRAPHIES });
  for (const [i, g] of geos.entries()) {
    if (typeof g !== 'string' || !geographyExists(g)) return fail(source, `workshop.geographies.${i}`, typeof g === 'string' ? 'restore.error.unknownGeography' : 'geography', typeof g === 'string' ? { id: g.slice(0, 40) } : undefined);
  }
  const groups = w.groups;
  if (!Array.isArray(groups)) return fail(source, 'workshop.groups', 'groups');
  if (groups.length > MAX_GROUPS) return fail(source, 'workshop.groups', 'groupsTooMany', { max: MAX_GROUPS, n: groups.length });
  const out: WorkshopGroup[] = [];
  const ids = new Set<string>();
  for (const [i, g] of groups.entries()) {
    const at = `workshop.groups.${i}`;
    if (!isObject(g)) return fail(source, at, 'groupObject', { fields: '{id, name, scenario}' });
    const gExtra = unknownKey(g, GROUP_KEYS);
    if (gExtra !== undefined) return fail(source, `${at}.${gExtra}`, 'unknownField', { fields: 'id,name,scenario' });
    const id = text(g, 'id', LIMITS.id, `${at}.`, source);
    if (typeof id !== 'string') return id;
    if (id.trim() === '' || ids.has(id)) return fail(source, `${at}.id`, 'groupId');
    ids.add(id);
    const name = text(g, 'name', LIMITS.name, `${at}.`, source);
    if (typeof name !== 'string') return name;
    if (g.scenario === undefined) return fail(source, `${at}.scenario`, 'scenarioMissing');
    // The one door: the group's scenario is restored exactly as a scenario file would be.
    const r = restore({ type: SCENARIO_FILE_TYPE, version: SCENARIO_FILE_VERSION, app: 'unknown', model: MODEL_VERSION, exportedAt: fields.updatedAt, scenarios: [g.scenario] }, source, options);
    // the scenario door's own problem, at its place in the workshop file
    if (!r.ok) return { ...r, path: `${at}.scenario${r.path.startsWith('scenarios.0') ? r.path.slice('scenarios.0'.length) : ''}` };
    for (const n of r.notes) if (!notes.includes(n)) notes.push(n);
    out.push({ id, name: name.trim() === '' ? r.scenarios[0]!.name : name, scenario: r.scenarios[0]! });
  }
  const customIds = new Set(out.flatMap((g) => (typeof g.scenario.geography === 'string' ? [] : [g.scenario.geography.id])));
  const plan = w.plan === undefined ? undefined : restorePlan(w.plan, ids, customIds, source);
  if (plan !== undefined && 'ok' in plan) return plan;
  if (typeof data.model === 'string' && data.model !== MODEL_VERSION) notes.push(formatRestoreText({ code: 'workshop.note.modelVersion', values: { saved: data.model, current: MODEL_VERSION } }));
  const workshop: Workshop = { id: fields.id!, name: fields.name!, facilitator: fields.facilitator!, date: fields.date!, geographies: geos as string[], groups: out, ...(plan ? { plan } : {}), createdAt: fields.createdAt!, updatedAt: fields.updatedAt! };
  return { ok: true, workshop, fromVersion, notes };
}

/**
 * The plan: its geography (a known one, or a custom geography of one of the groups), known levers within
 * their ranges, weights of this workshop's groups from 0 to MAX_WEIGHT.
 */
function restorePlan(p: unknown, groupIds: ReadonlySet<string>, customIds: ReadonlySet<string>, source: RestoreSource): WorkshopPlan | RestoreError {
  if (!isObject(p)) return fail(source, 'workshop.plan', 'planObject', { fields: '{geography, levers, weights}' });
  const extra = unknownKey(p, PLAN_KEYS);
  if (extra !== undefined) return fail(source, `workshop.plan.${extra}`, 'unknownField', { fields: 'geography,levers,weights' });
  const geography = p.geography;
  if (geography === undefined) return fail(source, 'workshop.plan.geography', 'planGeographyMissing');
  if (typeof geography !== 'string' || !(geographyExists(geography) || customIds.has(geography))) {
    return fail(source, 'workshop.plan.geography', 'planGeography', { id: typeof geography === 'string' ? geography.slice(0, 40) : typeof geography });
  }
  const levers: Partial<Record<LeverId, number>> = {};
  const lv = p.levers ?? {};
  if (!isObject(lv)) return fail(source, 'workshop.plan.levers', 'planLevers');
  for (const [k, v] of Object.entries(lv)) {
    const def = Object.hasOwn(LEVER_BY_ID, k) ? LEVER_BY_ID[k as LeverId] : undefined;
    if (!def) return fail(source, `workshop.plan.levers.${k.slice(0, 40)}`, 'restore.error.unknownLever', { key: k.slice(0, 40), ids: LEVERS.map((l) => l.id).join(', ') });
    if (typeof v !== 'number' || !Number.isFinite(v) || v < def.min || v > def.max) return fail(source, `workshop.plan.levers.${k}`, 'planLeverRange', { min: def.min, max: def.max });
    levers[k as LeverId] = v;
  }
  const weights: Record<string, number> = {};
  const ws = p.weights ?? {};
  if (!isObject(ws)) return fail(source, 'workshop.plan.weights', 'planWeights');
  for (const [k, v] of Object.entries(ws)) {
    if (!groupIds.has(k)) return fail(source, `workshop.plan.weights.${k.slice(0, 40)}`, 'planWeightGroup');
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_WEIGHT) return fail(source, `workshop.plan.weights.${k}`, 'planWeightRange', { max: MAX_WEIGHT });
    weights[k] = v;
  }
  return { geography, levers, weights };
}

/** Parses the text of a workshop file (size and JSON checked as for scenario files) and restores it. */
export function parseWorkshopText(text: string, source: RestoreSource, byteLength?: number, options: RestoreOptions = {}): WorkshopResult {
  const parsed = parseJsonText(text, source, byteLength);
  return parsed.ok ? restoreWorkshop(parsed.data, source, options) : parsed;
}

/** The envelope around a workshop, with its fields and every scenario in the documented order. */
export function serializeWorkshop(w: Workshop, appVersion: string, now: () => string = () => new Date().toISOString()): string {
  const file: WorkshopFile = {
    type: WORKSHOP_FILE_TYPE,
    version: WORKSHOP_FILE_VERSION,
    app: appVersion.trim() === '' ? 'unknown' : appVersion.slice(0, LIMITS.appVersion),
    model: MODEL_VERSION,
    exportedAt: now(),
    workshop: {
      id: w.id, name: w.name, facilitator: w.facilitator, date: w.date, geographies: [...w.geographies],
      groups: w.groups.map((g) => ({ id: g.id, name: g.name, scenario: canonicalScenario(g.scenario) })),
      ...(w.plan ? { plan: canonicalPlan(w.plan) } : {}),
      createdAt: w.createdAt, updatedAt: w.updatedAt,
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The plan with its levers in registry order and its weights in key order (deterministic text). */
function canonicalPlan(p: WorkshopPlan): WorkshopPlan {
  const levers: Partial<Record<LeverId, number>> = {};
  for (const l of LEVERS) {
    const v = p.levers[l.id];
    if (v !== undefined) levers[l.id] = v;
  }
  return { geography: p.geography, levers, weights: Object.fromEntries(Object.keys(p.weights).sort().map((k) => [k, p.weights[k]!])) };
}

/** `<slug>.workshop.json`, never empty. */
export function workshopFileName(w: Pick<Workshop, 'name'>): string {
  return `${slug(w.name) || 'pathways-2030-workshop'}.workshop.json`;
}
