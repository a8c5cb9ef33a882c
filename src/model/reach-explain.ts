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
 * The reason, from the path `values` (one per year from `baseYear`) of the indicator with every
 * unlocked lever at its maximum; `sign` is +1 for ">=" goals, −1 for "<=".
 */
export function outOfReachReason(indicator: IndicatorId, values: ArrayLike<number>, baseYear: number, thr: number, sign: number, params: Float64Array, unlocked: readonly LeverId[]): string {
  const def = INDICATOR_BY_ID[indicator];
  const digits = Math.max(1, def.digits);
  const t30 = TARGET_YEAR - baseYear;
  let year: number | null = null;
  for (let t = t30 + 1; t < values.length; t++) {
    if (sign * (values[t]! - thr) >= 0) {
      year = baseYear + t;
      break;
    }
  }
  const v30 = values[t30]!;
  const end = values[values.length - 1]!;
  let text = `With every unlocked lever at its maximum, ${def.short} reaches ${fmt(v30, def.unit, digits)} in ${TARGET_YEAR}`;
  text += year !== null
    ? ` and the goal (${fmt(thr, def.unit, digits)}) only in ${year}`
    : `, ${fmt(end, def.unit, digits)} by ${END_YEAR}, still short of the goal (${fmt(thr, def.unit, digits)})`;
  const leverId = RATE_LEVER[indicator];
  if (leverId && unlocked.includes(leverId)) {
    const l = LEVERS.find((x) => x.id === leverId)!;
    text += `: the fastest ${l.label.toLowerCase()} is ${l.max} ${l.unit}, so each year closes at most that share of the remaining gap`;
  } else if (indicator === 'internetUse') {
    text += `: with levers, Internet use rises at most ${params[PX.maxUseGainPerYear]} points a year (the fastest national adoption on record), and never beyond 4G coverage plus the users on other networks`;
  } else if (leverId) {
    text += `: the lever that moves it (${LEVERS.find((x) => x.id === leverId)!.label}) is locked`;
  }
  return `${text}.`;
}
