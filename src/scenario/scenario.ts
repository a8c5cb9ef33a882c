// Building, comparing and running scenarios: a new scenario with every field filled, the default
// lever settings, deep equality, and the model's ProjectionRequest for a scenario.
import { COMMON_BASE_YEAR, DEFAULT_DRAWS, DEFAULT_SEED, LEVERS, type LeverId } from './model-deps.ts';
import type { LeverSetting, ProjectionRequest } from '../model/index.ts';
import type { LeverSettingV1, Scenario } from './types.ts';

/** Every lever at its registry default, acting from the year after the base year. */
export function defaultLeverSettings(): Record<LeverId, LeverSettingV1> {
  return Object.fromEntries(LEVERS.map((l) => [l.id, { value: l.default, start: null }])) as Record<LeverId, LeverSettingV1>;
}

export type ScenarioDraft = Partial<Omit<Scenario, 'levers'>> & { levers?: Partial<Record<LeverId, LeverSettingV1>> };

/** A complete scenario from a draft: missing levers at their defaults, timestamps now, revision 1. */
export function newScenario(partial: ScenarioDraft, deps: { now: () => string; newId: () => string }): Scenario {
  const at = deps.now();
  const levers = defaultLeverSettings();
  for (const l of LEVERS) {
    const given = partial.levers?.[l.id];
    if (given) levers[l.id] = { value: given.value, start: given.start };
  }
  return {
    id: partial.id ?? deps.newId(),
    name: partial.name ?? 'New scenario',
    description: partial.description ?? '',
    notes: partial.notes ?? '',
    author: partial.author ?? '',
    createdAt: partial.createdAt ?? at,
    updatedAt: partial.updatedAt ?? at,
    revision: partial.revision ?? 1,
    geography: partial.geography ?? 'world',
    levers,
    overrides: { ...(partial.overrides ?? {}) },
    seed: partial.seed ?? DEFAULT_SEED,
    draws: partial.draws ?? DEFAULT_DRAWS,
  };
}

/** A scenario's identity and texts (id, name, description, notes, author, creation time), in file order. */
export type ScenarioTexts = Pick<Scenario, 'id' | 'name' | 'description' | 'notes' | 'author' | 'createdAt'>;

/** The identity and texts of a scenario (or of anything carrying them), in the documented field order. */
export function scenarioTexts(s: ScenarioTexts): ScenarioTexts {
  return { id: s.id, name: s.name, description: s.description, notes: s.notes, author: s.author, createdAt: s.createdAt };
}

/** Deep equality of plain data; key order does not matter, every field counts. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  if (ka.length !== Object.keys(rb).length) return false;
  return ka.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
}

/** True when two scenarios are identical in every field, timestamps and revision included. */
export function scenariosEqual(a: Scenario, b: Scenario): boolean {
  return deepEqual(a, b);
}

/** The base year a scenario's projection starts from: a custom geography's own, else the common one. */
export function scenarioBaseYear(s: Scenario): number {
  return typeof s.geography === 'string' ? COMMON_BASE_YEAR : (s.geography.baseYear ?? COMMON_BASE_YEAR);
}

/**
 * The model's projection request for a scenario. A lever with start null gets no `start`; so does one
 * whose start is at or before the base year (already acting when the projection begins), which the
 * file format allows (years from 2000) and the model does not — a file saved before a data update
 * moved the base year must still run.
 */
export function toProjectionRequest(s: Scenario, opts: { uncertainty?: boolean } = {}): ProjectionRequest {
  const baseYear = scenarioBaseYear(s);
  const levers: Partial<Record<LeverId, LeverSetting>> = {};
  for (const l of LEVERS) {
    const setting = s.levers[l.id];
    levers[l.id] = setting.start === null || setting.start <= baseYear ? { value: setting.value } : { value: setting.value, start: setting.start };
  }
  const req: ProjectionRequest = {
    geography: s.geography,
    levers,
    overrides: { ...s.overrides },
    seed: s.seed,
    draws: s.draws,
  };
  if (opts.uncertainty !== undefined) req.uncertainty = opts.uncertainty;
  return req;
}

/**
 * A key equal exactly when two geographies are the same: a geography id, or a custom geography by
 * its whole definition (an edited custom geography keeps its id but is not the same geography).
 */
export function geographyKey(g: Scenario['geography']): string {
  return typeof g === 'string' ? g : `custom:${JSON.stringify(g)}`;
}
