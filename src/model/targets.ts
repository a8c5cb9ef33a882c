// 2030 targets per indicator (data/curated/targets.json) and the rule that decides "met".
import targetsFile from './data/curated/targets.json';
import { INDICATORS, TARGETS, type IndicatorId, type TargetDef } from './registry/indicators.ts';

export interface TargetRule {
  target: string;
  target2030: number;
  rule: '>=' | '<=' | 'band';
  band?: readonly [number, number];
  wording: string;
  source: string;
  kind: 'sourced' | 'assumption';
  reason?: string;
  note?: string;
}

const raw = targetsFile as unknown as Record<string, TargetRule>;

export const TARGET_RULES = Object.fromEntries(
  INDICATORS.map((d) => {
    const t = raw[d.id];
    if (!t) throw new Error(`targets.json has no entry for ${d.id}`);
    return [d.id, t];
  }),
) as Record<IndicatorId, TargetRule>;

/**
 * Universal (100%) targets count as met at 99.5%: ITU publishes shares in whole per cent, and a
 * diffusion path only approaches 100 asymptotically.
 */
export const UNIVERSAL_TOLERANCE = 0.5;

/** The threshold a value must reach (for ">=" rules), after the universal-target tolerance. */
export function threshold(rule: TargetRule): number {
  return rule.rule === '>=' && rule.target2030 === 100 ? 100 - UNIVERSAL_TOLERANCE : rule.target2030;
}

/** Whether a value meets the indicator's 2030 target. */
export function meets(rule: TargetRule, value: number): boolean {
  if (rule.rule === 'band' && rule.band) return value >= rule.band[0] && value <= rule.band[1];
  if (rule.rule === '<=') return value <= rule.target2030;
  return value >= threshold(rule);
}

/** How far a value is from meeting the target (0 when met), in the indicator's unit. */
export function distance(rule: TargetRule, value: number): number {
  if (rule.rule === 'band' && rule.band) return value < rule.band[0] ? rule.band[0] - value : value > rule.band[1] ? value - rule.band[1] : 0;
  if (rule.rule === '<=') return Math.max(0, value - rule.target2030);
  return Math.max(0, threshold(rule) - value);
}

/** One Strategic Plan target's standing, from the statuses of all its indicators. */
export interface TargetStanding {
  id: TargetDef['id'];
  title: string;
  /** Every indicator of the target, in registry order (2.1 and 2.5 have more than one). */
  indicators: IndicatorId[];
  /** Met when every one of its indicators is met; on track when none is off track and not all are met. */
  status: 'met' | 'on-track' | 'off-track';
}

/** The count every view shows: "N of 12 targets met · M on track". */
export interface TargetSummary {
  targets: TargetStanding[];
  met: number;
  onTrack: number;
  offTrack: number;
  total: number;
}

/**
 * Rolls indicator statuses up to the twelve targets. A target with several indicators is met only
 * when all of them are, and off track when any of them is. Indicators missing from `rows` count as
 * off track (a result always carries all of them; a partial list must not inflate the count).
 */
export function summariseTargets(rows: ReadonlyArray<{ id: IndicatorId; status: 'met' | 'on-track' | 'off-track' }>): TargetSummary {
  const byId = new Map(rows.map((r) => [r.id, r.status]));
  const targets = TARGETS.map((t): TargetStanding => {
    const indicators = INDICATORS.filter((d) => d.target === t.id).map((d) => d.id);
    const statuses = indicators.map((id) => byId.get(id) ?? 'off-track');
    const status = statuses.every((s) => s === 'met') ? 'met' : statuses.some((s) => s === 'off-track') ? 'off-track' : 'on-track';
    return { id: t.id, title: t.title, indicators, status };
  });
  const count = (s: TargetStanding['status']) => targets.filter((t) => t.status === s).length;
  return { targets, met: count('met'), onTrack: count('on-track'), offTrack: count('off-track'), total: targets.length };
}
