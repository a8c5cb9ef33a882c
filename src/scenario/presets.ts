// The preset scenarios shipped in scenarios/*.json, restored through the same door as any file.
// A preset that does not restore is a build error, not a user's problem: this module throws at load
// (tests/unit/scenario-presets.test.ts guards it).
import { hasMessage, t } from '../i18n/runtime.ts';
import currentTrends from '../../scenarios/current-trends.json';
import universalCoveragePush from '../../scenarios/universal-coverage-push.json';
import affordabilityFirst from '../../scenarios/affordability-first.json';
import skillsAndInclusion from '../../scenarios/skills-and-inclusion.json';
import everySchoolConnected from '../../scenarios/every-school-connected.json';
import balancedPlan from '../../scenarios/balanced-plan.json';
import { describeRestoreError, restore } from './restore.ts';
import type { Scenario } from './types.ts';
import { geographyIndexName } from '../model/geography-ids.ts';

/** Preset files in the order they are offered. */
export const PRESET_FILES: ReadonlyArray<readonly [name: string, data: unknown]> = [
  ['current-trends.json', currentTrends],
  ['universal-coverage-push.json', universalCoveragePush],
  ['affordability-first.json', affordabilityFirst],
  ['skills-and-inclusion.json', skillsAndInclusion],
  ['every-school-connected.json', everySchoolConnected],
  ['balanced-plan.json', balancedPlan],
];

function load(name: string, data: unknown): Scenario {
  // Fixed timestamps and ids are in the files, so now/newId are never used; they are fixed anyway.
  const r = restore(data, { kind: 'preset', name }, { now: () => '2025-06-01T00:00:00.000Z', newId: () => `preset-${name}` });
  if (!r.ok) throw new Error(`Invalid preset: ${describeRestoreError(r)}`);
  if (r.scenarios.length !== 1) throw new Error(`Invalid preset: ${name} must hold exactly one scenario`);
  const scenario = r.scenarios[0]!;
  // The name in the reader's language (`preset.<file>.name`, the file's own name where the catalogue has
  // none: the CLI and Node tests without a catalogue). The description is the preset author's text and is
  // shown as written (English), marked lang="en" where it appears.
  const key = `preset.${name.replace(/\.json$/, '')}.name`;
  const fileName = scenario.name;
  return Object.defineProperty({ ...scenario }, 'name', { get: () => (hasMessage(key) ? t(key) : fileName), enumerable: true });
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const value of Object.values(x)) deepFreeze(value);
    Object.freeze(x);
  }
  return x;
}

/** The presets, restored and deep-frozen: templates to copy (newScenario), never to edit in place. */
export const PRESETS: readonly Scenario[] = deepFreeze(PRESET_FILES.map(([name, data]) => load(name, data)));

// ---- presets relative to a geography ----------------------------------------------------------------
// A preset is a set of lever settings: it is applied to a geography (the one being worked on, or the
// one a deck slide keeps) and named with it, "Balanced plan — Kenya". Its own file says World only
// because a file must name one.

/** The separator between a preset's name and its geography's: "Balanced plan — Kenya". */
export const PRESET_GEOGRAPHY_SEPARATOR = ' — ';

/** A preset's lever settings applied to `geography`, named with the geography ("Balanced plan — Kenya"). */
export function presetOn(preset: Scenario, geography: Scenario['geography'], geographyName: string): Scenario {
  return { ...preset, geography, name: `${preset.name}${PRESET_GEOGRAPHY_SEPARATOR}${geographyName}` };
}

/**
 * A deck entry for a preset on a geography: `<preset id>@<geography id>` (a custom geography by its id).
 * The deck is stored as a list of such strings; an entry without `@` (decks saved before presets took
 * a geography) means the preset as filed, on World.
 */
export function presetRef(presetId: string, geographyId: string): string {
  return `${presetId}@${geographyId}`;
}

/** Splits a deck entry into a preset id and the geography id it keeps, or null when it is not a known preset. */
export function parsePresetRef(ref: string, presets: readonly Scenario[] = PRESETS): { preset: Scenario; geographyId: string } | null {
  const at = ref.lastIndexOf('@');
  const id = at < 0 ? ref : ref.slice(0, at);
  const preset = presets.find((p) => p.id === id);
  if (!preset) return null;
  const geographyId = at < 0 ? (typeof preset.geography === 'string' ? preset.geography : preset.geography.id) : ref.slice(at + 1);
  return geographyId ? { preset, geographyId } : null;
}

/** A listed geography's name from the light index (kept here for the callers that import it with the presets). */
export { geographyIndexName };
