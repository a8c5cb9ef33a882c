// Writing scenario files: the v1 envelope, its deterministic JSON text (fields in a fixed order,
// levers, overrides and indicators in registry order) and a safe file name.
import { INDICATORS, LEVERS, MODEL_VERSION, PARAMETERS } from './model-deps.ts';
import type { CustomGeographyDef } from '../model/index.ts';
import { LIMITS } from './schema.ts';
import { SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION, type Scenario, type ScenarioFile } from './types.ts';

/** The v1 envelope around scenarios, stamped with the app and model versions and the export time. */
export function toScenarioFile(scenarios: Scenario[], appVersion: string, now: () => string = () => new Date().toISOString()): ScenarioFile {
  const app = appVersion.trim() === '' ? 'unknown' : appVersion.slice(0, LIMITS.appVersion);
  return { type: SCENARIO_FILE_TYPE, version: SCENARIO_FILE_VERSION, app, model: MODEL_VERSION, exportedAt: now(), scenarios };
}

function canonicalGeography(g: CustomGeographyDef): CustomGeographyDef {
  const out: CustomGeographyDef = { id: g.id, name: g.name, inheritFrom: g.inheritFrom };
  if (g.baseYear !== undefined) out.baseYear = g.baseYear;
  if (g.population !== undefined) out.population = g.population;
  if (g.indicators !== undefined) {
    const indicators: NonNullable<CustomGeographyDef['indicators']> = {};
    for (const d of INDICATORS) {
      const e = g.indicators[d.id];
      if (e === undefined) continue;
      const entry: { value?: number; year?: number; history?: Record<string, number> } = {};
      if (e.value !== undefined) entry.value = e.value;
      if (e.year !== undefined) entry.year = e.year;
      if (e.history !== undefined) {
        entry.history = Object.fromEntries(Object.keys(e.history).sort().map((y) => [y, e.history![y]!]));
      }
      indicators[d.id] = entry;
    }
    out.indicators = indicators;
  }
  return out;
}

/** A scenario with its fields in the documented order. */
export function canonicalScenario(s: Scenario): Scenario {
  const levers = Object.fromEntries(LEVERS.map((l) => [l.id, { value: s.levers[l.id].value, start: s.levers[l.id].start }])) as Scenario['levers'];
  const overrides: Scenario['overrides'] = {};
  for (const p of PARAMETERS) {
    const value = s.overrides[p.id];
    if (value !== undefined) overrides[p.id] = value;
  }
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    notes: s.notes,
    author: s.author,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    revision: s.revision,
    geography: typeof s.geography === 'string' ? s.geography : canonicalGeography(s.geography),
    levers,
    overrides,
    seed: s.seed,
    draws: s.draws,
  };
}

/** Pretty JSON with a trailing newline; the same file always gives the same text. */
export function serializeScenarioFile(file: ScenarioFile): string {
  const ordered: ScenarioFile = {
    type: file.type,
    version: file.version,
    app: file.app,
    model: file.model,
    exportedAt: file.exportedAt,
    scenarios: file.scenarios.map(canonicalScenario),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** A lowercase [a-z0-9-] slug of at most `max` characters; accents dropped; may be empty. */
export function slug(name: string, max = 80): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** `affordability-first.json` for one scenario, `pathways-2030-scenarios-<n>.json` for several; never empty. */
export function fileNameFor(scenarios: readonly Pick<Scenario, 'name'>[]): string {
  if (scenarios.length !== 1) return `pathways-2030-scenarios-${scenarios.length}.json`;
  return `${slug(scenarios[0]!.name) || 'pathways-2030-scenario'}.json`;
}
