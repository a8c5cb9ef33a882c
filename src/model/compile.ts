// Compiles a resolved geography for the engine: brings every indicator to the base year (nowcasting
// older figures along their own trend, flagged so) and calibrates current trends to history.
import {
  fitDecline,
  fitGapClosing,
  fitLogistic,
  lastYears,
  pointsUpTo,
  stepGap,
  stepLogistic,
  type Point,
} from './calibrate.ts';
import { END_YEAR, type EngineGeography, type TrendFits } from './engine.ts';
import type { ResolvedFact, ResolvedGeography } from './geography.ts';
import { INDICATORS, INDICATOR_COUNT, IX, type IndicatorId } from './registry/indicators.ts';
import { PARAMETER_BY_ID } from './registry/parameters.ts';

/** How a base-year value is known, as the UI's provenance marker shows it. */
export type BaselineStatus = 'sourced' | 'derived' | 'nowcast' | 'regional-estimate' | 'assumption' | 'user';

export interface BaselineInfo {
  status: BaselineStatus;
  /** The value at the base year that the projection starts from. */
  value: number;
  /** The fact it rests on (value and year as published or assumed). */
  fact: ResolvedFact;
  /** When nowcast: the year of the figure carried forward, and how. */
  nowcastFrom?: number;
  nowcastMethod?: string;
  /** Anything a planner should know (figure later than the base year, clipped value, …). */
  warning?: string;
}

export interface CompiledGeography {
  geography: ResolvedGeography;
  engine: EngineGeography;
  baseline: Record<IndicatorId, BaselineInfo>;
  /** History points up to the base year, per indicator, for charts and back-tests. */
  history: Partial<Record<IndicatorId, Point[]>>;
  /** Human-readable description of each calibrated trend rule. */
  calibration: Partial<Record<IndicatorId, string>>;
}

const LOGISTIC: readonly IndicatorId[] = ['internetUse', 'mobileOwnership', 'households'];
const GAP: Partial<Record<IndicatorId, number>> = {
  coverage4g: PARAMETER_BY_ID.coverageGapClosing.central,
  schools: PARAMETER_BY_ID.schoolGapClosing.central,
  cyberPreparedness: PARAMETER_BY_ID.cyberGapClosing.central,
  businesses: PARAMETER_BY_ID.businessGapClosing.central,
};

function statusOf(fact: ResolvedFact): BaselineStatus {
  switch (fact.kind) {
    case 'assumption':
      return 'assumption';
    case 'regional-estimate':
      return 'regional-estimate';
    case 'user':
      return 'user';
    case 'derived':
      return 'derived';
    default:
      return 'sourced';
  }
}

/** Compiles a geography for projection from `baseYear` (its own base year or the common one). */
export function compileGeography(geo: ResolvedGeography, commonBaseYear: number): CompiledGeography {
  const baseYear = geo.baseYear ?? commonBaseYear;
  if (!Number.isInteger(baseYear) || baseYear < 2000 || baseYear > 2029) {
    throw new RangeError(`baseYear must be a whole year from 2000 to 2029, got ${baseYear}`);
  }
  const base = new Float64Array(INDICATOR_COUNT);
  const baseline = {} as Record<IndicatorId, BaselineInfo>;
  const history: CompiledGeography['history'] = {};
  const calibration: CompiledGeography['calibration'] = {};
  const fits: TrendFits = {
    useR: null, ownR: null, hhR: null, schoolRate: null, cyberRate: null, businessRate: null, coverageRate: null, priceDecline: null,
  };

  for (const def of INDICATORS) {
    const id = def.id;
    const fact = geo.indicators[id];
    const pts = pointsUpTo(geo.history[id]?.values, baseYear);
    if (pts.length > 0) history[id] = pts;
    const info: BaselineInfo = { status: statusOf(fact), value: fact.value, fact };
    let value = fact.value;
    let year = fact.year;
    if (year > baseYear) {
      // A back-test or an early base year: use the series' own value at or before the base year.
      const last = pts.at(-1);
      if (last) {
        value = last.value;
        year = last.year;
      } else {
        info.warning = `figure is for ${fact.year}, later than the base year ${baseYear}; used as is`;
        year = baseYear;
      }
    }
    // Trend rules calibrated on history up to the base year.
    const ceiling = 100 * PARAMETER_BY_ID.usageCeilingShare.central;
    const logistic = LOGISTIC.includes(id) ? fitLogistic(pts, ceiling, 10) : null;
    if (logistic) {
      calibration[id] = `logistic rate fitted on ${logistic.from}–${logistic.to}: r = ${logistic.r.toFixed(3)} toward a ceiling of ${logistic.K.toFixed(1)} (RMSE ${logistic.rmse.toFixed(2)} points)`;
    }
    // A series that went the wrong way (a break or a redefinition) is not used: defaults apply. A
    // flat series is a real stall (no LTE network at all, say) and is kept as a zero rate.
    const fittedGap = GAP[id] !== undefined ? fitGapClosing(pts) : null;
    const window8 = lastYears(pts, 8);
    const fell = window8.length >= 2 && window8.at(-1)!.value < window8[0]!.value - 0.5;
    const gapRate = fittedGap !== null && !fell ? fittedGap : null;
    const span = (n: number) => `${lastYears(pts, n)[0]?.year}–${pts.at(-1)?.year}`;
    if (gapRate !== null) calibration[id] = `gap to 100 closing ${(gapRate * 100).toFixed(1)}% a year (fitted on ${span(8)})`;
    else if (fittedGap !== null) calibration[id] = `history ${span(8)} does not close the gap (series break?): default rate used`;
    const fittedDecline = id === 'mbbPrice' ? fitDecline(pts) : null;
    const decline = fittedDecline !== null && fittedDecline > 0 ? fittedDecline : null;
    if (decline !== null) calibration[id] = `price falling ${(decline * 100).toFixed(1)}% a year (fitted on ${span(6)})`;
    else if (fittedDecline !== null) calibration[id] = `price did not fall over ${span(6)}: default decline used`;

    if (year < baseYear) {
      const from = year;
      if (logistic) {
        value = stepLogistic(value, from, baseYear, logistic.r, Math.max(logistic.K, value + 0.5));
        info.nowcastMethod = 'carried forward along its fitted logistic trend';
      } else if (LOGISTIC.includes(id)) {
        const K = Math.min(100, Math.max(value + 0.5, ceiling));
        const r = id === 'mobileOwnership' ? PARAMETER_BY_ID.ownershipGrowthDefault.central : PARAMETER_BY_ID.useGrowthDefault.central;
        value = stepLogistic(value, from, baseYear, r, K);
        info.nowcastMethod = 'carried forward along a default logistic trend (no history to fit)';
      } else if (GAP[id] !== undefined) {
        const rate = gapRate ?? (GAP[id] as number);
        value = stepGap(value, from, baseYear, rate);
        info.nowcastMethod = gapRate !== null ? 'gap closed at its historical rate' : 'gap closed at the default rate';
      } else if (id === 'mbbPrice') {
        const d = decline ?? PARAMETER_BY_ID.priceDeclineDefault.central;
        value = value * Math.pow(1 - d, baseYear - from);
        info.nowcastMethod = decline !== null ? 'declined at its historical rate' : 'declined at the default rate';
      } else if (id === 'ewasteRecycling') {
        value = value * Math.pow(1 + PARAMETER_BY_ID.ewasteTrendPct.central / 100, baseYear - from);
        info.nowcastMethod = 'moved by the default drift';
      } else if (id === 'ictEmissions') {
        value = value * Math.pow(1 + PARAMETER_BY_ID.emissionsTrendPct.central / 100, baseYear - from);
        info.nowcastMethod = 'grown at the default rate';
      } else {
        info.nowcastMethod = 'held at its latest value (no trend rule for this indicator)';
      }
      // An assumption or a borrowed figure stays labelled as such; only published figures become
      // "nowcast" when carried forward.
      if (info.status === 'sourced' || info.status === 'derived' || info.status === 'user') info.status = 'nowcast';
      info.nowcastFrom = from;
    }
    const [lo, hi] = def.bounds;
    value = Math.min(hi, Math.max(lo, value));
    info.value = value;
    base[IX[id]] = value;
    baseline[id] = info;

    if (id === 'internetUse' && logistic) {
      fits.useR = logistic.r;
    } else if (id === 'mobileOwnership' && logistic) {
      fits.ownR = logistic.r;
    } else if (id === 'households' && logistic) {
      fits.hhR = logistic.r;
    } else if (id === 'coverage4g' && gapRate !== null) {
      fits.coverageRate = gapRate;
    } else if (id === 'schools' && gapRate !== null) {
      fits.schoolRate = gapRate;
    } else if (id === 'cyberPreparedness' && gapRate !== null) {
      fits.cyberRate = gapRate;
    } else if (id === 'businesses' && gapRate !== null) {
      fits.businessRate = gapRate;
    } else if (id === 'mbbPrice' && decline !== null) {
      fits.priceDecline = decline;
    }
  }

  // E-government users come from the capable pool, (U + min(U, K)) / 2: clip an inconsistent baseline, and say so.
  const capable = (base[IX.internetUse]! + Math.min(base[IX.internetUse]!, base[IX.basicSkills]!)) / 2;
  if (base[IX.egovUse]! > capable) {
    baseline.egovUse.warning = `baseline ${base[IX.egovUse]!.toFixed(1)} exceeds the capable pool (Internet use and skills) of ${capable.toFixed(1)}; clipped`;
    base[IX.egovUse] = capable;
    baseline.egovUse.value = capable;
  }
  const usageOffset = Math.max(0, base[IX.internetUse]! - base[IX.coverage4g]!);
  if (usageOffset > 0) {
    baseline.internetUse.warning = `Internet use exceeds 4G coverage by ${usageOffset.toFixed(1)} points at the base year (users on 3G or fixed networks); the model keeps that margin`;
  }

  const engine: EngineGeography = {
    baseYear,
    years: END_YEAR - baseYear + 1,
    base,
    population: geo.population?.value ?? Number.NaN,
    priceUsdMonth: geo.priceUsdMonth.value,
    members: geo.members,
    usageOffset,
    fits,
  };
  return { geography: geo, engine, baseline, history, calibration };
}
