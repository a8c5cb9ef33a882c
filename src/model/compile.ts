// Compiles a resolved geography for the engine: screens each history, brings every indicator to the
// base year (nowcasting older figures along their pooled trend, flagged so, stale after three years)
// and calibrates current trends: pooled logit rates for adoption, shrunk price changes, gap closing.
import { figureUpTo, fitGapClosing, lastYears, pointsUpTo, stepGap, type Point } from './calibrate.ts';
import { END_YEAR, PK, POOLED_COUNT, TARGET_YEAR, type EngineGeography, type TrendFits } from './engine.ts';
import type { ResolvedFact, ResolvedGeography } from './geography.ts';
import { INDICATORS, INDICATOR_COUNT, IX, type IndicatorId } from './registry/indicators.ts';
import { PARAMETER_BY_ID } from './registry/parameters.ts';
import { coherenceMargins, PEER_GROUP_NAMES, peerGroupOf, pooledTable, useHouseholdsCorrelation, type PeerGroup } from './trend-tables.ts';
import { priceRegion, priceTrend } from './price-trend.ts';
import { fastestRise, marginAtUse, NOWCAST_MAX_RISE, ownSlope, pooledRate, projectShare, screenSeries, type PooledId, type ScreenNote } from './trends.ts';

/** How a base-year value is known, as the UI's provenance marker shows it. */
export type BaselineStatus = 'sourced' | 'derived' | 'nowcast' | 'regional-estimate' | 'assumption' | 'user';

/** A baseline older than this many years before the base year is flagged stale. */
export const STALE_AFTER_YEARS = 3;
/** A figure older than this is not carried along a trend at all: it is held, flagged, with a band as wide as its age. */
export const MAX_NOWCAST_YEARS = 8;

/**
 * A sentence for the app to word in its own language: `code` names it, `values` are its figures (years
 * as strings, so no language groups their digits). The English strings beside these fields are what the
 * command line prints; the app translates from the code (src/components/describe.ts).
 */
export interface ModelText {
  code: string;
  values?: Record<string, string | number>;
}

export interface BaselineInfo {
  status: BaselineStatus;
  /** The value at the base year that the projection starts from. */
  value: number;
  /** The fact it rests on (value and year as published or assumed). */
  fact: ResolvedFact;
  /** When nowcast: the year of the figure carried forward, and how. */
  nowcastFrom?: number;
  nowcastMethod?: string;
  /** `nowcastMethod` as codes, in order (each step's text carries its own leading punctuation). */
  nowcastSteps?: ModelText[];
  /** True when the figure carried forward is more than STALE_AFTER_YEARS old: its band widens with age. */
  stale?: boolean;
  /** Points of the history left out of the trend fit, and why (breaks, outliers). */
  screening?: ScreenNote[];
  /** Edition of the series the figure and its history come from (for example "Nov 2024 (FF2024)"). */
  edition?: string;
  /** Set when the series is another geography's: `edition` reads "<edition> (series of <from>)". */
  editionSeriesOf?: { edition: string; from: string };
  /** Anything a planner should know (figure later than the base year, clipped value, …). */
  warning?: string;
  /** `warning` as a code and figures. */
  warningText?: ModelText;
}

export interface CompiledGeography {
  geography: ResolvedGeography;
  engine: EngineGeography;
  baseline: Record<IndicatorId, BaselineInfo>;
  /** History points up to the base year, per indicator, for charts and back-tests. */
  history: Partial<Record<IndicatorId, Point[]>>;
  /** Human-readable description of each calibrated trend rule. */
  calibration: Partial<Record<IndicatorId, string>>;
  /** `calibration` as codes and figures, in order. */
  calibrationText: Partial<Record<IndicatorId, ModelText[]>>;
}

const POOLED_IDS: Record<PooledId, number> = PK;
const GAP: Partial<Record<IndicatorId, number>> = {
  schools: PARAMETER_BY_ID.schoolGapClosing.central,
  cyberPreparedness: PARAMETER_BY_ID.cyberGapClosing.central,
  businesses: PARAMETER_BY_ID.businessGapClosing.central,
};

function isPooled(id: IndicatorId): id is PooledId {
  return Object.hasOwn(POOLED_IDS, id);
}

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

/** The peer group whose pooled rates a geography borrows: an economy's income group; otherwise all economies. */
export function peerGroup(geo: ResolvedGeography): PeerGroup {
  if (geo.kind === 'country') return peerGroupOf(geo.id);
  if (geo.kind === 'custom' && geo.peers?.kind === 'country') return peerGroupOf(geo.peers.id);
  return 'all';
}

const fmt = (x: number, d = 2) => x.toFixed(d);
/** A figure as `fmt` rounds it, kept a number for the app to format. */
const num = (x: number, d = 2) => Number(x.toFixed(d));
const step = (code: string, values?: Record<string, string | number>): ModelText => (values ? { code, values } : { code });
const addStep = (info: BaselineInfo, s: ModelText) => (info.nowcastSteps ??= []).push(s);

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
  const calibrationText: CompiledGeography['calibrationText'] = {};
  const group = peerGroup(geo);
  const margins = coherenceMargins(baseYear);
  const fits: TrendFits = {
    slope: new Float64Array(POOLED_COUNT),
    lag: new Float64Array(POOLED_COUNT),
    schoolRate: null,
    skillsPerUse: geo.indicators.basicSkills.perUse ?? null,
    cyberRate: null,
    businessRate: null,
    priceDecline: 0,
    priceSpread: 0,
    householdsOverUseByUse: margins.householdsOverUseByUse,
    useOverCoverage: margins.useOverCoverage,
    spreadLevel: new Float64Array(POOLED_COUNT),
    spreadRate: new Float64Array(POOLED_COUNT),
    spreadLevelLow: new Float64Array(POOLED_COUNT),
    spreadRateLow: new Float64Array(POOLED_COUNT),
    spreadCorrelation: 0,
    useHouseholdsCorrelation: useHouseholdsCorrelation(baseYear),
  };
  const baseLow = new Float64Array(INDICATOR_COUNT).fill(Number.NaN);
  const baseHigh = new Float64Array(INDICATOR_COUNT).fill(Number.NaN);

  for (const def of INDICATORS) {
    const id = def.id;
    const fact = geo.indicators[id];
    const pts = pointsUpTo(geo.history[id]?.values, baseYear);
    if (pts.length > 0) history[id] = pts;
    const info: BaselineInfo = { status: statusOf(fact), value: fact.value, fact };
    const edition = geo.history[id]?.edition;
    if (edition) info.edition = geo.history[id]?.inheritedFrom ? `${edition} (series of ${geo.history[id]!.inheritedFrom})` : edition;
    if (edition && geo.history[id]?.inheritedFrom) info.editionSeriesOf = { edition, from: geo.history[id]!.inheritedFrom! };
    // A back-test or an early base year: the series' own value at or before the base year.
    const start = figureUpTo(fact, pts, baseYear);
    let value = start?.value ?? fact.value;
    let year = start?.year ?? fact.year;
    if (!start) {
      if (id === 'coverage4g') {
        // no 4G figure yet at an early base year: no LTE network is what the series' later start means
        value = 0;
        info.warning = `no 4G figure before ${fact.year}; taken as 0 at the base year ${baseYear} (no LTE network yet)`;
        info.warningText = step('warning.no4g', { year: String(fact.year), baseYear: String(baseYear) });
        year = baseYear;
      } else {
        info.warning = `figure is for ${fact.year}, later than the base year ${baseYear}; used as is`;
        info.warningText = step('warning.later', { year: String(fact.year), baseYear: String(baseYear) });
        year = baseYear;
      }
    }
    const span = (n: number) => `${lastYears(pts, n)[0]?.year}–${pts.at(-1)?.year}`;

    if (isPooled(id)) {
      // Pooled logit trend: the economy's own rate on its consistent segment, shrunk toward its peers'.
      const k = POOLED_IDS[id];
      const screened = screenSeries(pts, { jumps: id !== 'coverage4g' });
      if (screened.notes.length > 0) info.screening = screened.notes;
      const { prior, spread, vantage } = pooledTable(id, baseYear, group, geo.kind === 'world' || geo.kind === 'region', value);
      fits.spreadLevel[k] = spread.level;
      fits.spreadRate[k] = spread.rate;
      fits.spreadLevelLow[k] = spread.levelLow;
      fits.spreadRateLow[k] = spread.rateLow;
      fits.spreadCorrelation = spread.correlation;
      const own = ownSlope(screened.points);
      const { slope, usesOwn } = pooledRate(own, prior, value);
      fits.slope[k] = slope;
      fits.lag[k] = Math.max(0, baseYear - year);
      const peers = `${PEER_GROUP_NAMES[group]} (rate model fitted on ${prior.n} economy-years to ${vantage})`;
      const ownText = usesOwn
        ? `own rate ${fmt(own.slope, 3)} on ${own.from}–${own.to} (${own.points} points) counted at ${fmt(prior.full.own, 2)}`
        : own.points > 0 ? `own series too short to count (${own.points} point${own.points === 1 ? '' : 's'})` : 'no own series';
      const screenText = screened.notes.length > 0 ? `; fitted after ${screened.notes.map((n) => `${n.kind} in ${n.year}`).join(', ')}` : '';
      calibration[id] = `pooled logit trend: rate ${fmt(slope, 3)} a year at this level, ${ownText}, from the rates that ${peers} went on to show${screenText}`;
      calibrationText[id] = [
        step('calibration.pooled', { slope: num(slope, 3) }),
        usesOwn
          ? step('calibration.own', { slope: num(own.slope, 3), from: String(own.from), to: String(own.to), points: own.points, weight: num(prior.full.own, 2) })
          : own.points > 0 ? step('calibration.ownShort', { points: own.points }) : step('calibration.noOwn'),
        step('calibration.peers', { group, n: prior.n, vantage: String(vantage) }),
        ...screened.notes.map((n) => step('calibration.fittedAfter', { kind: n.kind, year: String(n.year) })),
      ];
      if (year < baseYear - MAX_NOWCAST_YEARS) {
        info.nowcastMethod = `held at its ${year} figure: too old to carry along a trend (more than ${MAX_NOWCAST_YEARS} years); its band spans what ${baseYear - year} years of peers' trends could have done`;
        addStep(info, step('nowcast.heldOld', { year: String(year), max: MAX_NOWCAST_YEARS, age: baseYear - year }));
      } else if (year < baseYear) {
        const from = value;
        value = projectShare(value, slope, baseYear - year);
        info.nowcastMethod = `carried forward along its pooled trend (${fmt(slope, 3)} a year in logit terms)`;
        addStep(info, step('nowcast.pooled', { slope: num(slope, 3) }));
        // A nowcast climbs no faster than 5 points a year unless the economy's own consistent series
        // has climbed as fast in its last five years (the reason is then shown).
        const limit = Math.max(NOWCAST_MAX_RISE, fastestRise(screened.points));
        const rise = (value - from) / (baseYear - year);
        if (rise > limit) {
          value = from + limit * (baseYear - year) * (1 - 1e-9); // at the limit, never a rounding above it
          info.nowcastMethod += `, limited to ${fmt(limit, 1)} points a year`;
          addStep(info, step('nowcast.limited', { limit: num(limit, 1) }));
        }
        const kept = (value - from) / (baseYear - year);
        if (kept > NOWCAST_MAX_RISE + 1e-9 && limit > NOWCAST_MAX_RISE) {
          info.nowcastMethod += `, rising ${fmt(kept, 1)} points a year as its own series did (fastest recent rise ${fmt(fastestRise(screened.points), 1)} a year)`;
          addStep(info, step('nowcast.ownRise', { rise: num(kept, 1), fastest: num(fastestRise(screened.points), 1) }));
        }
      }
    } else if (GAP[id] !== undefined) {
      // A series that went the wrong way (a break or a redefinition) is not used: defaults apply.
      const fitted = fitGapClosing(pts);
      const window8 = lastYears(pts, 8);
      const fell = window8.length >= 2 && window8.at(-1)!.value < window8[0]!.value - 0.5;
      const rate = fitted !== null && !fell ? fitted : null;
      if (rate !== null) calibration[id] = `gap to 100 closing ${(rate * 100).toFixed(1)}% a year (fitted on ${span(8)})`;
      else if (fitted !== null) calibration[id] = `history ${span(8)} does not close the gap (series break?): default rate used`;
      if (rate !== null) calibrationText[id] = [step('calibration.gap', { rate: num(rate * 100, 1), span: span(8) })];
      else if (fitted !== null) calibrationText[id] = [step('calibration.gapDefault', { span: span(8) })];
      if (id === 'schools') fits.schoolRate = rate;
      else if (id === 'cyberPreparedness') fits.cyberRate = rate;
      else if (id === 'businesses') fits.businessRate = rate;
      if (year < baseYear) {
        value = stepGap(value, year, baseYear, rate ?? (GAP[id] as number));
        info.nowcastMethod = rate !== null ? 'gap closed at its historical rate' : 'gap closed at the default rate';
        addStep(info, step(rate !== null ? 'nowcast.gapHistorical' : 'nowcast.gapDefault'));
      }
    } else if (id === 'mbbPrice') {
      // Price: the basket series' own log change, shrunk toward the region's median change (price-trend.ts).
      const pt = priceTrend(pts, baseYear, priceRegion(geo));
      const { logRate, own, prior } = pt;
      const usable = { length: pt.points };
      const w = pt.weight;
      fits.priceDecline = 1 - Math.exp(logRate);
      fits.priceSpread = pt.spread;
      const scope = prior.scope === 'all' ? 'all economies' : `the ${prior.scope} region`;
      calibrationText[id] = [
        step(logRate <= 0 ? 'calibration.priceFalling' : 'calibration.priceRising', { rate: num(Math.abs(100 * (Math.exp(logRate) - 1)), 1) }),
        Number.isFinite(own) ? step('calibration.priceOwn', { rate: num(100 * (Math.exp(own) - 1), 1), points: usable.length, weight: Math.round(w * 100) }) : step('calibration.priceNoOwn'),
        step(prior.scope === 'all' ? 'calibration.priceShrunkAll' : 'calibration.priceShrunkRegion', { region: prior.scope, rate: num(100 * (Math.exp(prior.median) - 1), 1), n: prior.n }),
      ];
      calibration[id] = `price ${logRate <= 0 ? 'falling' : 'rising'} ${fmt(Math.abs(100 * (Math.exp(logRate) - 1)), 1)}% a year: ${Number.isFinite(own) ? `own change ${fmt(100 * (Math.exp(own) - 1), 1)}% a year over ${usable.length} points weighted ${Math.round(w * 100)}%` : 'no own series'}, shrunk toward the median change of ${scope} (${fmt(100 * (Math.exp(prior.median) - 1), 1)}% a year, ${prior.n} economies; bounded by their 5th–95th percentiles)`;
      if (year < baseYear) {
        value = value * Math.exp(logRate * (baseYear - year));
        info.nowcastMethod = 'moved at its pooled rate of change';
        addStep(info, step('nowcast.priceRate'));
      }
    } else if (year < baseYear) {
      if (id === 'ewasteRecycling') {
        value = value * Math.pow(1 + PARAMETER_BY_ID.ewasteTrendPct.central / 100, baseYear - year);
        info.nowcastMethod = 'moved by the default drift';
        addStep(info, step('nowcast.drift'));
      } else if (id === 'ictEmissions') {
        value = value * Math.pow(1 + PARAMETER_BY_ID.emissionsTrendPct.central / 100, baseYear - year);
        info.nowcastMethod = 'grown at the default rate';
        addStep(info, step('nowcast.grown'));
      } else {
        info.nowcastMethod = 'held at its latest value (no trend rule for this indicator)';
        addStep(info, step('nowcast.held'));
      }
    }
    if (year < baseYear) {
      // An assumption or a borrowed figure stays labelled as such; only published figures become
      // "nowcast" when carried forward.
      if (info.status === 'sourced' || info.status === 'derived' || info.status === 'user') info.status = 'nowcast';
      info.nowcastFrom = year;
      if (baseYear - year > STALE_AFTER_YEARS) {
        info.stale = true;
        if (!info.nowcastMethod) addStep(info, step('nowcast.carried'));
        info.nowcastMethod = `${info.nowcastMethod ?? 'carried forward'}; stale: the latest figure is ${baseYear - year} years old, so its band is wider`;
        addStep(info, step('nowcast.stale', { age: baseYear - year }));
      }
    }
    const [lo, hi] = def.bounds;
    value = Math.min(hi, Math.max(lo, value));
    info.value = value;
    // A stated range of the baseline figure (an assumption's, or a borrowed figure's) is its measurement
    // uncertainty, drawn in the Monte Carlo; pooled indicators draw theirs from the trend spreads instead.
    const range = fact.range;
    if (!isPooled(id) && range && range.length === 2 && range[0]! < range[1]!) {
      const shift = value - fact.value;
      baseLow[IX[id]] = Math.min(value, Math.max(lo, range[0]! + shift));
      baseHigh[IX[id]] = Math.max(value, Math.min(hi, range[1]! + shift));
    }
    base[IX[id]] = value;
    baseline[id] = info;
  }

  // E-government users come from the capable pool, (U + min(U, K)) / 2: clip an inconsistent baseline, and say so.
  const capable = (base[IX.internetUse]! + Math.min(base[IX.internetUse]!, base[IX.basicSkills]!)) / 2;
  if (base[IX.egovUse]! > capable) {
    baseline.egovUse.warning = `baseline ${base[IX.egovUse]!.toFixed(1)} exceeds the capable pool (Internet use and skills) of ${capable.toFixed(1)}; clipped`;
    baseline.egovUse.warningText = step('warning.egovClipped', { value: num(base[IX.egovUse]!, 1), pool: num(capable, 1) });
    base[IX.egovUse] = capable;
    baseline.egovUse.value = capable;
  }
  // 3G-or-better coverage (the better network that bounds use): its latest figure up to the base year,
  // carried to the base year at the pooled coverage rate taken at its own level (no own rate: the series
  // is short and stepwise)
  const c3Point = pointsUpTo(geo.coverage3g?.values, baseYear).at(-1);
  const coverageModel = pooledTable('coverage4g', baseYear, group, geo.kind === 'world' || geo.kind === 'region').prior;
  const c3Slope = c3Point ? pooledRate({ slope: Number.NaN, points: 0, from: 0, to: 0 }, coverageModel, c3Point.value).slope : 0;
  const c3 = c3Point ? (c3Point.value > 0 ? projectShare(c3Point.value, c3Slope, baseYear - c3Point.year) : 0) : Number.NaN;
  const overCoverage = base[IX.internetUse]! - Math.max(base[IX.coverage4g]!, Number.isNaN(c3) ? 0 : c3);
  // Coverage bounds use only where its figures can: with no 3G-or-better network yet (or no figure), the
  // next step is a launch, a jump no coverage trend foresees; with use already beyond the margin seen in
  // 99% of economies' data (fixed networks, a neighbour's signal, or inconsistent figures), this
  // economy's coverage says nothing about its use.
  const coverageBoundsUse = Math.max(base[IX.coverage4g]!, Number.isNaN(c3) ? 0 : c3) > 0 && overCoverage <= margins.useOverCoverage;
  if (overCoverage > margins.useOverCoverage) {
    baseline.internetUse.warningText = step('warning.useOverCoverage', { over: num(overCoverage, 1), margin: num(margins.useOverCoverage, 1) });
    baseline.internetUse.warning = `Internet use exceeds 4G and 3G coverage by ${overCoverage.toFixed(1)} points at the base year, more than the ${margins.useOverCoverage.toFixed(1)} seen in 99% of economies' data (users on fixed networks, or inconsistent figures); coverage does not bound its use here`;
  } else if (base[IX.coverage4g]! <= 0 && !(c3 > 0)) {
    baseline.internetUse.warning = 'no 3G-or-better network at the base year (or no figure): a launch is a jump no coverage trend foresees, so coverage does not bound Internet use here';
    baseline.internetUse.warningText = step('warning.noCoverage');
  }
  // Coherence of the nowcast: households carried forward never climb past the use margin (they keep
  // their last figure if that is already above it; the engine then narrows the excess).
  const hhInfo = baseline.households;
  if (hhInfo.nowcastFrom !== undefined) {
    const cap = base[IX.internetUse]! + marginAtUse(margins.householdsOverUseByUse, base[IX.internetUse]!);
    const last = Math.min(hhInfo.fact.value, base[IX.households]!);
    if (base[IX.households]! > cap) {
      const held = Math.max(last, cap);
      if (!hhInfo.nowcastMethod) addStep(hhInfo, step('nowcast.carried'));
      hhInfo.nowcastMethod = `${hhInfo.nowcastMethod ?? 'carried forward'}; held at ${held.toFixed(1)} so it does not climb past Internet use plus the observed margin`;
      addStep(hhInfo, step('nowcast.heldAtMargin', { value: num(held, 1) }));
      base[IX.households] = held;
      hhInfo.value = held;
    }
  }
  const hhOver = base[IX.households]! - base[IX.internetUse]!;
  const hhMargin = marginAtUse(margins.householdsOverUseByUse, base[IX.internetUse]!);
  if (hhOver > hhMargin) {
    baseline.households.warningText = step('warning.householdsOverUse', { over: num(hhOver, 1), margin: num(hhMargin, 1), year: String(TARGET_YEAR) });
    baseline.households.warning = `households with Internet exceed Internet use by ${hhOver.toFixed(1)} points at the base year, more than the ${hhMargin.toFixed(1)} seen in 99% of economies' data at this level of use; the excess narrows to that margin by ${TARGET_YEAR}`;
  }

  const engine: EngineGeography = {
    baseYear,
    years: END_YEAR - baseYear + 1,
    base,
    population: geo.population?.value ?? Number.NaN,
    priceUsdMonth: geo.priceUsdMonth.value,
    members: geo.members,
    fits,
    coverage3g: c3,
    coverage3gSlope: c3Slope,
    coverageBoundsUse,
    baseLow,
    baseHigh,
  };
  return { geography: geo, engine, baseline, history, calibration, calibrationText };
}
