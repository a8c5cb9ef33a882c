// Why a goal stays out of reach by 2030, in terms a planner can check: when the indicator gets there
// with every unlocked lever at its maximum (or how far it gets by the end of the horizon), and which
// stated rate limits it — the lever's largest yearly share, or the fastest adoption pace on record.
import { END_YEAR, TARGET_YEAR } from './engine.ts';
import { INDICATOR_BY_ID, type IndicatorId } from './registry/indicators.ts';
import { LEVERS, type LeverId } from './registry/levers.ts';
import { PX } from './registry/parameters.ts';

/** Levers whose maximum is the binding rate for a gap-closing indicator. */
const RATE_LEVER: Partial<Record<IndicatorId, LeverId>> = {
  coverage4g: 'networkRollout', schools: 'schoolConnectivity', cyberPreparedness: 'cyberCapacity', businesses: 'smeDigitalisation',
  mobileOwnership: 'handsetSubsidy', ewasteRecycling: 'ewasteProgrammes',
};

function fmt(v: number, unit: string, digits: number): string {
  return `${v.toFixed(digits)}${unit.startsWith('%') ? '%' : ''}`;
}

/**
 * Why a goal stays out of reach, as a code and its values: the UI words it in the reader's language
 * (src/components/reach-text.ts), reachReasonText below in English for the command line.
 */
export interface ReachReason {
  indicator: IndicatorId;
  /** The indicator in TARGET_YEAR with every unlocked lever at its maximum. */
  value2030: number;
  /** The goal's threshold. */
  goal: number;
  /** The first year after TARGET_YEAR the goal is met, or null when not by END_YEAR. */
  year: number | null;
  /** The value in END_YEAR. */
  endValue: number;
  /** What limits the pace: the lever's largest yearly share, the fastest adoption on record, a locked lever, or nothing named. */
  limit: { kind: 'lever'; lever: LeverId; max: number } | { kind: 'useGain'; pointsPerYear: number } | { kind: 'locked'; lever: LeverId } | { kind: 'none' };
}

/**
 * The reason, from the path `values` (one per year from `baseYear`) of the indicator with every
 * unlocked lever at its maximum; `sign` is +1 for ">=" goals, −1 for "<=".
 */
export function outOfReachWhy(indicator: IndicatorId, values: ArrayLike<number>, baseYear: number, thr: number, sign: number, params: Float64Array, unlocked: readonly LeverId[]): ReachReason {
  const t30 = TARGET_YEAR - baseYear;
  let year: number | null = null;
  for (let t = t30 + 1; t < values.length; t++) {
    if (sign * (values[t]! - thr) >= 0) {
      year = baseYear + t;
      break;
    }
  }
  const leverId = RATE_LEVER[indicator];
  const limit: ReachReason['limit'] = leverId && unlocked.includes(leverId)
    ? { kind: 'lever', lever: leverId, max: LEVERS.find((x) => x.id === leverId)!.max }
    : indicator === 'internetUse'
      ? { kind: 'useGain', pointsPerYear: params[PX.maxUseGainPerYear]! }
      : leverId
        ? { kind: 'locked', lever: leverId }
        : { kind: 'none' };
  return { indicator, value2030: values[t30]!, goal: thr, year, endValue: values[values.length - 1]!, limit };
}

/** The reason in English, as the command line prints it. */
export function reachReasonText(r: ReachReason): string {
  const def = INDICATOR_BY_ID[r.indicator];
  const digits = Math.max(1, def.digits);
  let text = `With every unlocked lever at its maximum, ${def.short} reaches ${fmt(r.value2030, def.unit, digits)} in ${TARGET_YEAR}`;
  text += r.year !== null
    ? ` and the goal (${fmt(r.goal, def.unit, digits)}) only in ${r.year}`
    : `, ${fmt(r.endValue, def.unit, digits)} by ${END_YEAR}, still short of the goal (${fmt(r.goal, def.unit, digits)})`;
  const lim = r.limit;
  if (lim.kind === 'lever') {
    const l = LEVERS.find((x) => x.id === lim.lever)!;
    text += `: the fastest ${l.label.toLowerCase()} is ${lim.max} ${l.unit}, so each year closes at most that share of the remaining gap`;
  } else if (lim.kind === 'useGain') {
    text += `: with levers, Internet use rises at most ${lim.pointsPerYear} points a year (the fastest national adoption on record), and never beyond 4G coverage plus the users on other networks`;
  } else if (lim.kind === 'locked') {
    text += `: the lever that moves it (${LEVERS.find((x) => x.id === lim.lever)!.label}) is locked`;
  }
  return `${text}.`;
}
