// Catalogue keys of the registry strings, derived from registry ids so a new target, indicator or lever
// gets its keys without a hand-written list: `target.1.1.title`, `indicator.coverage4g.name`,
// `lever.networkRollout.description`. Type-only imports: the keys are strings, the registries stay out.
import type { IndicatorId } from '../model/registry/indicators.ts';
import type { LeverGroupId, LeverId } from '../model/registry/levers.ts';
import type { Status } from '../model/project.ts';

export type IndicatorField = 'name' | 'short' | 'unit';
export type LeverField = 'label' | 'unit' | 'description';

export const GOAL_IDS = [1, 2] as const;
export type GoalId = (typeof GOAL_IDS)[number];
/** The model's statuses (project.ts `Status`), each with a catalogue key. */
export const STATUSES: readonly Status[] = ['met', 'on-track', 'off-track'];

export const keys = {
  goalName: (goal: GoalId) => `goal.${goal}.name`,
  targetTitle: (target: string) => `target.${target}.title`,
  indicator: (id: IndicatorId, field: IndicatorField) => `indicator.${id}.${field}`,
  lever: (id: LeverId, field: LeverField) => `lever.${id}.${field}`,
  leverGroup: (id: LeverGroupId) => `leverGroup.${id}.label`,
  status: (status: Status) => `status.${status}`,
  /** World or one of ITU's six regions (model/geography-ids.ts AGGREGATE_IDS), in ITU's wording. */
  regionName: (id: string) => `region.${id}.name`,
  /** An economy whose UN name differs from CLDR's (Intl.DisplayNames); see intl.ts economyName. */
  economyName: (iso3: string) => `economy.${iso3}.name`,
} as const;
