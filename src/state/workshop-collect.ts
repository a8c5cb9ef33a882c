// The workshop's collecting rules, pure so they are tested in Node: a group's name from its scenario,
// the share-link payloads in pasted text (one link per line), whether an arrival would replace a group
// already on the board (same name or same scenario: the facilitator must confirm), and the consensus
// scenario (each lever at the groups' weighted median, or where the facilitator set its handle).
import type { LeverStrip } from '../model/index.ts';
import { LEVERS, type LeverId } from '../model/registry/levers.ts';
import { DEFAULT_DRAWS, DEFAULT_SEED } from '../lib/constants.ts';
import { SHARE_PARAM } from '../scenario/share.ts';
import type { Scenario } from '../scenario/types.ts';
import { implicitPlanGeography, type Workshop, type WorkshopGroup, type WorkshopPlan } from '../scenario/workshop-file.ts';
import { t } from '../i18n/runtime.ts';

/** The name a group gets on the board: the scenario's author, else its name, else "Group n". */
export function groupNameFor(s: Pick<Scenario, 'author' | 'name'>, n: number): string {
  return s.author.trim() || s.name.trim() || t('workshop.group.unnamed', { n });
}

/** One pasted line: a share-link payload, or why the line is not one. Blank lines are skipped. */
export type PastedLine = { line: number; payload: string } | { line: number; error: string };

/** The share links in pasted text, one per line (whole addresses, or just the `#s=…` part). */
export function linesToPayloads(text: string): PastedLine[] {
  const out: PastedLine[] = [];
  const re = new RegExp(`[#&?]${SHARE_PARAM}=([^&\\s#]+)`);
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = re.exec(line);
    out.push(m ? { line: i + 1, payload: decodeURIComponent(m[1]!) } : { line: i + 1, error: t('workshop.link.notLink', { n: i + 1 }) });
  });
  return out;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The group an arrival would replace: one with the same scenario id, or the same name. */
export function replacedBy(groups: readonly WorkshopGroup[], name: string, s: Scenario): WorkshopGroup | undefined {
  return groups.find((g) => g.scenario.id === s.id) ?? groups.find((g) => same(g.name, name));
}

/** A group's geography as the plan names it: a geography id, or a custom geography's id. */
export const geographyKey = (g: Scenario['geography']): string => (typeof g === 'string' ? g : g.id);

/** The geography a new plan is projected on: the session's first, else the groups' most common, else World. */
export function defaultPlanGeography(w: Pick<Workshop, 'geographies' | 'groups'>): string {
  return implicitPlanGeography(w as unknown as Record<string, unknown>);
}

/**
 * The geographies the facilitator may project the plan on: the plan's own, the session's, then the
 * groups' (each once, in that order), as keys (`geographyKey`).
 */
export function planGeographyChoices(w: Pick<Workshop, 'geographies' | 'groups' | 'plan'>): string[] {
  const keys = [...(w.plan ? [w.plan.geography] : []), ...w.geographies, ...w.groups.map((g) => geographyKey(g.scenario.geography))];
  return [...new Set(keys)];
}

/** Whether the groups work on more than one geography (the plan's geography is then a choice to show). */
export const groupsDiffer = (w: Pick<Workshop, 'groups'>): boolean => new Set(w.groups.map((g) => geographyKey(g.scenario.geography))).size > 1;

/**
 * The geography the consensus is projected on: the plan's (a custom one from the group that uses it),
 * else the default (`defaultPlanGeography`).
 */
export function consensusGeography(w: Workshop): Scenario['geography'] {
  const key = w.plan?.geography ?? defaultPlanGeography(w);
  const custom = w.groups.map((g) => g.scenario.geography).find((g) => typeof g !== 'string' && g.id === key);
  return custom ?? key;
}

/** A board row's geography: a group's own scenario's, or (`consensus`) the plan's; null for an unknown id. */
export function rowGeography(w: Workshop, id: string): Scenario['geography'] | null {
  if (id === 'consensus') return w.plan ? consensusGeography(w) : null;
  return w.groups.find((g) => g.id === id)?.scenario.geography ?? null;
}

/**
 * The weighted median: the value where half the total weight lies on either side (for equal weights,
 * the ordinary median: the mean of the two middle values for an even count). Null when no weight.
 */
export function weightedMedian(xs: ReadonlyArray<{ value: number; weight: number }>): number | null {
  const s = xs.filter((x) => x.weight > 0).sort((a, b) => a.value - b.value);
  const total = s.reduce((a, x) => a + x.weight, 0);
  if (total <= 0) return null;
  let cum = 0;
  for (let i = 0; i < s.length; i++) {
    cum += s[i]!.weight;
    if (Math.abs(cum - total / 2) < 1e-9 && i + 1 < s.length) return (s[i]!.value + s[i + 1]!.value) / 2;
    if (cum > total / 2) return s[i]!.value;
  }
  return s[s.length - 1]!.value;
}

/** A group's weight in the plan (1 unless the facilitator set it). */
export const weightOf = (plan: WorkshopPlan | undefined, groupId: string): number => plan?.weights[groupId] ?? 1;

/** One lever of the room's plan: its value, and whether the facilitator set it with the handle. */
export interface PlanLever {
  value: number;
  adjusted: boolean;
}

/** Every lever of the plan: the handle's value where set, else the groups' weighted median. */
export function planLevers(w: Workshop): Record<LeverId, PlanLever> {
  const plan = w.plan;
  return Object.fromEntries(
    LEVERS.map((l) => {
      const set = plan?.levers[l.id];
      if (set !== undefined) return [l.id, { value: set, adjusted: true }];
      const xs = w.groups.map((g) => ({ value: g.scenario.levers[l.id]?.value ?? l.default, weight: weightOf(plan, g.id) }));
      return [l.id, { value: weightedMedian(xs) ?? l.default, adjusted: false }];
    }),
  ) as Record<LeverId, PlanLever>;
}

/** How far each group is from the plan: the mean distance of its levers, as a share of each lever's range (0 = the plan itself). */
export function distanceFromPlan(strips: readonly LeverStrip[], plan: Record<LeverId, PlanLever>): Map<string, number> {
  const sums = new Map<string, number>();
  const range = new Map(LEVERS.map((l) => [l.id, Math.max(1e-9, l.max - l.min)]));
  for (const s of strips) for (const v of s.values) sums.set(v.id, (sums.get(v.id) ?? 0) + Math.abs(v.value - plan[s.lever].value) / range.get(s.lever)!);
  return new Map([...sums].map(([id, sum]) => [id, strips.length ? sum / strips.length : 0]));
}

/** The room's plan as an ordinary scenario: every lever from `planLevers`, central assumptions. */
export function consensusScenario(w: Workshop, id: string, now: string): Scenario {
  const plan = planLevers(w);
  const levers = Object.fromEntries(LEVERS.map((l) => [l.id, { value: plan[l.id].value, start: null }])) as Scenario['levers'];
  const adjusted = LEVERS.filter((l) => plan[l.id].adjusted).length;
  const weighted = w.groups.some((g) => weightOf(w.plan, g.id) !== 1);
  const how = adjusted > 0 || weighted ? t('workshop.consensus.descriptionShaped', { adjusted, weighted: weighted ? 'yes' : 'no' }) : '';
  return {
    id,
    name: t('workshop.consensus.name', { workshop: w.name }).slice(0, 120),
    description: `${t('workshop.consensus.description', { n: w.groups.length, workshop: w.name })}${how ? ` ${how}` : ''}`.slice(0, 2000),
    notes: w.groups.map((g) => `${g.name}: ${g.scenario.name}${weightOf(w.plan, g.id) !== 1 ? ` (${t('workshop.plan.weightNote', { weight: weightOf(w.plan, g.id) })})` : ''}`).join('\n').slice(0, 20_000),
    author: w.facilitator,
    createdAt: now,
    updatedAt: now,
    revision: 1,
    geography: consensusGeography(w),
    levers,
    overrides: {},
    seed: DEFAULT_SEED,
    draws: DEFAULT_DRAWS,
  };
}
