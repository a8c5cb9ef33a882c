// The English source of the registry strings, built from the registries themselves: every target title,
// indicator name/short/unit, lever label/unit/description, lever-group label, the two goals' names,
// the statuses and the names of World and ITU's regions. `npm run i18n:sync` writes it into messages/en.json; i18n-catalogues.test.ts fails when
// the registries and en.json drift. Not imported by the runtime (the catalogues carry the strings).
import { INDICATORS, TARGETS } from '../model/registry/indicators.ts';
import { LEVERS, LEVER_GROUPS } from '../model/registry/levers.ts';
import { GOAL_IDS, STATUSES, keys, type GoalId } from './keys.ts';
import type { Status } from '../model/project.ts';
import { AGGREGATE_IDS, AGGREGATE_NAMES } from '../model/geography-ids.ts';

/**
 * The Strategic Plan's goal names in English, as ITU's Strategic Plan 2024–2027 page writes them
 * (see SOURCES.md). The registries carry goal numbers only, so the names live here.
 */
export const GOAL_NAMES: Readonly<Record<GoalId, string>> = {
  1: 'Universal connectivity',
  2: 'Sustainable digital transformation',
};

/** English status labels, as the scorecard and help panel word them. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  met: 'Met',
  'on-track': 'On track',
  'off-track': 'Off track',
};

/** Economies whose UN name (the data's own) differs from CLDR's: the catalogue carries it in each language. */
export const UN_NAMED_ECONOMIES: Readonly<Record<string, string>> = {
  PSE: 'State of Palestine',
  TWN: 'Taiwan, Province of China',
};

/** Every registry-derived English message, keyed as keys.ts builds the keys, in registry order. */
export function registrySourceMessages(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of GOAL_IDS) out[keys.goalName(g)] = GOAL_NAMES[g];
  for (const t of TARGETS) out[keys.targetTitle(t.id)] = t.title;
  for (const i of INDICATORS) {
    out[keys.indicator(i.id, 'name')] = i.name;
    out[keys.indicator(i.id, 'short')] = i.short;
    out[keys.indicator(i.id, 'unit')] = i.unit;
  }
  for (const g of LEVER_GROUPS) out[keys.leverGroup(g.id)] = g.label;
  for (const l of LEVERS) {
    out[keys.lever(l.id, 'label')] = l.label;
    out[keys.lever(l.id, 'unit')] = l.unit;
    out[keys.lever(l.id, 'description')] = l.description;
  }
  for (const s of STATUSES) out[keys.status(s)] = STATUS_LABELS[s];
  for (const id of AGGREGATE_IDS) out[keys.regionName(id)] = AGGREGATE_NAMES[id];
  for (const [iso3, name] of Object.entries(UN_NAMED_ECONOMIES)) out[keys.economyName(iso3)] = name;
  return out;
}

/** Key prefixes owned by the registries: every key under them comes from registrySourceMessages(). */
export const REGISTRY_NAMESPACES = ['goal.', 'target.', 'indicator.', 'leverGroup.', 'lever.', 'status.', 'region.', 'economy.'] as const;

export const isRegistryKey = (key: string): boolean => REGISTRY_NAMESPACES.some((p) => key.startsWith(p));

/**
 * A catalogue with its registry keys replaced by the registries' current English (registry order
 * first, then the catalogue's other keys in their order), and what changed.
 */
export function mergeRegistryMessages(current: Readonly<Record<string, string>>): {
  merged: Record<string, string>;
  added: string[];
  changed: string[];
  removed: string[];
} {
  const source = registrySourceMessages();
  const added = Object.keys(source).filter((k) => !Object.hasOwn(current, k));
  const changed = Object.keys(source).filter((k) => Object.hasOwn(current, k) && current[k] !== source[k]);
  const removed = Object.keys(current).filter((k) => isRegistryKey(k) && !Object.hasOwn(source, k));
  const merged: Record<string, string> = { ...source };
  for (const [k, v] of Object.entries(current)) if (!isRegistryKey(k)) merged[k] = v;
  return { merged, added, changed, removed };
}
