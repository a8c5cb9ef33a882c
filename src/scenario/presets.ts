// The preset scenarios shipped in scenarios/*.json, restored through the same door as any file.
// A preset that does not restore is a build error, not a user's problem: this module throws at load
// (tests/unit/scenario-presets.test.ts guards it).
import currentTrends from '../../scenarios/current-trends.json';
import universalCoveragePush from '../../scenarios/universal-coverage-push.json';
import affordabilityFirst from '../../scenarios/affordability-first.json';
import skillsAndInclusion from '../../scenarios/skills-and-inclusion.json';
import everySchoolConnected from '../../scenarios/every-school-connected.json';
import balancedPlan from '../../scenarios/balanced-plan.json';
import { describeRestoreError, restore } from './restore.ts';
import type { Scenario } from './types.ts';

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
  return r.scenarios[0]!;
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
