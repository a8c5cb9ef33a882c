// Writing scenario files: the v1 envelope, its deterministic JSON text (fields in a fixed order,
// levers, overrides and indicators in registry order) and a safe file name.
import { INDICATORS, LEVERS, MODEL_VERSION, PARAMETERS } from './model-deps.ts';
import type { CustomGeographyDef } from '../model/index.ts';
import { LIMITS } from './schema.ts';
import { scenarioTexts } from './scenario.ts';
import { MAX_FILE_BYTES, SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION, type Scenario, type ScenarioFile } from './types.ts';

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
    ...scenarioTexts(s),
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

/**
 * The files an export of `scenarios` needs so that every one re-imports: each holds at most
 * LIMITS.maxScenarios scenarios and MAX_FILE_BYTES of UTF-8, the limits restore() applies on import.
 * One file keeps fileNameFor's name; several are "…-part-1-of-3.json".
 */
export function exportParts(scenarios: readonly Scenario[], appVersion: string, now: () => string = () => new Date().toISOString()): Array<{ name: string; text: string; count: number }> {
  const texts: Array<{ text: string; list: Scenario[] }> = [];
  const encoder = new TextEncoder();
  const pack = (list: Scenario[]): void => {
    const text = serializeScenarioFile(toScenarioFile(list, appVersion, now));
    if (list.length > 1 && (list.length > LIMITS.maxScenarios || encoder.encode(text).length > MAX_FILE_BYTES)) {
      const half = Math.ceil(list.length / 2);
      pack(list.slice(0, half));
      pack(list.slice(half));
      return;
    }
    texts.push({ text, list });
  };
  // Count first (cheap), then halve any part still over the byte limit.
  for (let i = 0; i < Math.max(1, scenarios.length); i += LIMITS.maxScenarios) pack(scenarios.slice(i, i + LIMITS.maxScenarios));
  if (texts.length === 1) return [{ name: fileNameFor(scenarios), text: texts[0]!.text, count: scenarios.length }];
  const base = fileNameFor(scenarios).replace(/\.json$/, '');
  return texts.map((t, i) => ({ name: `${base}-part-${i + 1}-of-${texts.length}.json`, text: t.text, count: t.list.length }));
}
