// The projection engine: annual recurrences for every indicator, current trends and scenario alike.
// Hot path: typed arrays in, typed arrays out, no allocation per step, no JSON. A run with every lever
// at zero IS the current-trends path (same code), so default levers reproduce it exactly.
import { IX, INDICATOR_COUNT } from './registry/indicators.ts';
import { LX, LEVER_COUNT } from './registry/levers.ts';
import { PX } from './registry/parameters.ts';
import { priceResponse, priceUseGain, useWithLevers, USE_TERM_COUNT } from './lever-effects.ts';
import { capacityUsd, rolloutCapex, type RolloutCapex } from './cost-network.ts';
import { shareAboveThreshold, sigmaFromGini, targetedSubsidyUsd } from './cost-affordability.ts';
import { discountFactor } from './cost-money.ts';
import { END_YEAR, TARGET_YEAR } from './constants.ts';
import { marginAtUse } from './trends.ts';

export { END_YEAR, TARGET_YEAR };

/** Order of the pooled adoption indicators in TrendFits' arrays and in a trend shock. */
export const PK = { coverage4g: 0, mobileOwnership: 1, internetUse: 2, households: 3 } as const;
export const POOLED_COUNT = 4;
/**
 * Layout of one Monte Carlo draw's trend shock: a logit level shock per pooled indicator, then a logit
 * rate shock per pooled indicator, then the price's log-rate shock, then the pace multiplier to use.
 */
export const SHOCK_PRICE = 2 * POOLED_COUNT;
export const SHOCK_PACE = SHOCK_PRICE + 1;
export const SHOCK_LENGTH = SHOCK_PACE + 1;

/** Calibrated trend rules of one geography; null means "use the parameter's default". */
export interface TrendFits {
  /** Pooled logit-space rate per year of 4G coverage, ownership, Internet use and households (PK order). */
  slope: Float64Array;
  /** Years from each pooled indicator's last observation to the base year (how stale its baseline is). */
  lag: Float64Array;
  schoolRate: number | null;
  /** Basic skills per point of Internet use where the skills figure was scaled from a lender's by use (ResolvedFact.perUse). */
  skillsPerUse: number | null;
  cyberRate: number | null;
  businessRate: number | null;
  /** Share of the price lost per year (negative: rising), pooled toward the region's median change. */
  priceDecline: number;
  /** Sd of the price's yearly log change (how far the pooled change may be off), drawn in the Monte Carlo. */
  priceSpread: number;
  /** Coherence margins in points, estimated from economies' data (trend-priors.json). */
  /** Households' margin over use by use band (trends.ts USE_BANDS), joined by `marginAtUse`. */
  householdsOverUseByUse: Float64Array;
  useOverCoverage: number;
  /** Logit-space sd of each pooled indicator's upward level and rate shocks (out-of-sample errors by horizon). */
  spreadLevel: Float64Array;
  spreadRate: Float64Array;
  /** The same for downward shocks (a split normal: the errors' lower tail may be narrower). */
  spreadLevelLow: Float64Array;
  spreadRateLow: Float64Array;
  /** Correlation of an indicator's level and rate shocks. */
  spreadCorrelation: number;
  /** Correlation of the Internet-use and household shocks (their errors move together). */
  useHouseholdsCorrelation: number;
}

/** Everything the recurrences need about one geography at its base year. */
export interface EngineGeography {
  baseYear: number;
  years: number;
  /** Base-year values, indexed by IX. */
  base: Float64Array;
  population: number;
  priceUsdMonth: number;
  members: number;
  fits: TrendFits;
  /** 3G-or-better coverage at the base year (its latest figure carried to the base year; NaN when unknown). */
  coverage3g: number;
  /** Logit-space rate a year of 3G-or-better coverage: the pooled coverage rate model at its own level. */
  coverage3gSlope: number;
  /** Whether coverage bounds Internet use (decided once from the base values; see compile.ts). */
  coverageBoundsUse: boolean;
  /** Measurement range of each base value where one is stated (NaN elsewhere), drawn in the Monte Carlo. */
  baseLow: Float64Array;
  baseHigh: Float64Array;
}

const iC = IX.coverage4g, iP = IX.mbbPrice, iH = IX.households, iO = IX.mobileOwnership, iS = IX.schools,
  iY = IX.cyberPreparedness, iU = IX.internetUse, iG = IX.genderParity, iR = IX.urbanRuralRatio,
  iA = IX.youthRatio, iK = IX.basicSkills, iB = IX.businesses, iE = IX.egovUse, iW = IX.ewasteRecycling,
  iM = IX.ictEmissions;
const NI = INDICATOR_COUNT;
const NL = LEVER_COUNT;

const lNet = LX.networkRollout, lAff = LX.affordabilitySubsidy, lHand = LX.handsetSubsidy,
  lHh = LX.householdConnections, lSch = LX.schoolConnectivity, lSk = LX.digitalSkills, lInc = LX.inclusion,
  lCy = LX.cyberCapacity, lSme = LX.smeDigitalisation, lEg = LX.egovServices, lEw = LX.ewasteProgrammes,
  lGr = LX.greenNetworks;

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Margin (points) kept between a base-year value and a coherence bound, so a bound never binds at once. */
export const SOFT_WIDTH = 2;

/** Structural adoption ceiling (share of the population), never below the base value. */
export function adoptionCeiling(base: number, p: Float64Array): number {
  return clamp(100 * p[PX.usageCeilingShare]!, Math.min(100, base + 0.5), 100);
}

/**
 * One year of logit-linear diffusion: logit(x) rises by `rate`. With q = e^(−rate) this is
 * 100·x / (x + (100 − x)·q), exact and free of logarithms. Kept inside (0, 100).
 */
export function logitStep(x: number, q: number): number {
  const v = x < 0.01 ? 0.01 : x > 99.99 ? 99.99 : x;
  return (100 * v) / (v + (100 - v) * q);
}

/** Shifts a share by `dz` in logit space. */
export function logitShift(x: number, dz: number): number {
  return dz === 0 ? x : logitStep(x, Math.exp(-dz));
}

/**
 * Adds a step `delta` to `x` while approaching `bound` smoothly: x + D·(1 − e^(−delta/D)) with D the
 * room left. Far below the bound it adds delta; near it the step shrinks; it never passes the bound
 * and never moves down, so a bound slows a path without freezing it for good (bounds move with coverage).
 */
export function approach(x: number, delta: number, bound: number): number {
  if (delta <= 0) return x;
  const room = bound - x;
  if (room <= 0) return x;
  const r = delta / room;
  return r < 1e-6 ? x + delta : x + room * (1 - Math.exp(-r));
}

// ---- lever side: users the levers add and what they cost (kept out of the trend recurrences) ----

/** Scratch space of the lever-side helpers (one per call of runPath; no allocation per step). */
interface LeverScratch {
  terms: Float64Array;
  share: Float64Array;
  /** The price response so far (points of use), building up toward ε · cut · U_org. */
  priceResp: number;
  capex: RolloutCapex;
}
// One scratch for every call (runPath is synchronous and never re-entered): no allocation per run.
const SCRATCH: LeverScratch = { terms: new Float64Array(USE_TERM_COUNT), share: new Float64Array(USE_TERM_COUNT), priceResp: 0, capex: { sites: 0, sitesUsd: 0, satelliteUsd: 0 } };
function leverScratch(): LeverScratch {
  for (let k = 0; k < USE_TERM_COUNT; k++) SCRATCH.terms[k] = SCRATCH.share[k] = 0;
  SCRATCH.priceResp = 0;
  return SCRATCH;
}
/** Lever of each use term (lever-effects.ts LEVER_USE_TERMS order). */
const TERM_LEVER = Int32Array.of(LX.affordabilitySubsidy, LX.handsetSubsidy, LX.digitalSkills, LX.householdConnections, LX.inclusion);

/**
 * Internet use with the levers (the `added` users term): fills the five lever terms in points of
 * population and combines them once against the headroom (lever-effects.ts), then holds the year's
 * rise to the fastest adoption pace on record (maxUseGainPerYear above last year's use `uPrev`, or
 * the organic rise if that is faster), scaling every lever's credited share alike. Returns the new use.
 */
function addLeverUsers(
  s: LeverScratch, p: Float64Array, uOrg: number, uPrev: number, uMax: number, cut: number,
  owners: number, trained: number, homes: number, reached: number,
): number {
  if (cut === 0 && s.priceResp === 0 && owners === 0 && trained === 0 && homes === 0 && reached === 0) return uOrg; // no lever at work: shares stay 0
  const t = s.terms;
  s.priceResp = priceResponse(s.priceResp, priceUseGain(p[PX.priceElasticity]!, cut, uOrg), p[PX.priceResponseSpeed]!);
  t[0] = s.priceResp;
  t[1] = p[PX.deviceUseEffect]! * owners;
  t[2] = p[PX.skillsUseEffect]! * trained;
  t[3] = p[PX.householdUseEffect]! * homes;
  t[4] = p[PX.inclusionUseEffect]! * reached;
  const u = useWithLevers(uOrg, uMax, t, s.share);
  const limit = Math.max(uOrg, uPrev + p[PX.maxUseGainPerYear]!);
  if (u <= limit) return u;
  const scale = (limit - uOrg) / (u - uOrg);
  for (let k = 0; k < USE_TERM_COUNT; k++) s.share[k] = s.share[k]! * scale;
  return limit;
}

/**
 * Capacity cost of the users each lever keeps online above current trends (its share of the gain, in
 * points of population), per user and year, added to that lever's cost line; network rollout is
 * credited with the rest of the gain over current trends (users its coverage let in).
 * `gainOverTrend` is the scenario's use minus the trend's.
 */
function addCapacityCosts(share: Float64Array, p: Float64Array, pop: number, gainOverTrend: number, costs: Float64Array, Y: number, t: number): void {
  const perPoint = capacityUsd(1, pop, p);
  let leverSum = 0;
  for (let k = 0; k < USE_TERM_COUNT; k++) {
    const v = share[k]!;
    leverSum += v;
    if (v > 0) {
      const i = TERM_LEVER[k]! * Y + t;
      costs[i] = costs[i]! + v * perPoint;
    }
  }
  const rest = gainOverTrend - leverSum;
  // a tolerance: float residue of the subtraction is not a cost (it showed as USD 0.00002 on an idle lever)
  if (rest > 1e-9) costs[LX.networkRollout * Y + t] = costs[LX.networkRollout * Y + t]! + rest * perPoint;
}

/**
 * Runs one path. Costs are in constant USD of COST_PRICE_YEAR, discounted to the base year at the
 * discountRate parameter. `levAt` (NL × years) holds each lever's level in each year (zero before its start
 * year; see leverSchedule). `out` receives NI × years values (indicator-major: out[i*years + t]). With `trendRef`
 * (the current-trends path for the same parameters) the scenario couples households and the coverage
 * gain to it; without it the path is current trends. `costs` (NL × years) receives the annual USD cost
 * of each lever; pass null to skip.
 */
export function runPath(
  g: EngineGeography,
  p: Float64Array,
  levAt: Float64Array,
  out: Float64Array,
  costs: Float64Array | null,
  trendRef: Float64Array | null,
  shock: Float64Array | null = null,
): void {
  const Y = g.years;
  const b = g.base;
  const pop = g.population;
  const m = p[PX.trendRateMultiplier]!;
  const f = g.fits;
  // Pooled adoption trends (4G coverage, ownership, use, households): logit-linear at the pooled rate.
  // A Monte Carlo shock moves each one's level (and, through its rate, its stale nowcast) and its rate
  // in logit space; the pace multiplier is the planner's what-if, not a source of drawn spread.
  const mP = shock ? shock[SHOCK_PACE]! : m;
  const kC = PK.coverage4g, kO = PK.mobileOwnership, kU = PK.internetUse, kH = PK.households, NP = POOLED_COUNT;
  const sl = f.slope, lag = f.lag;
  let qC: number, qO: number, qU: number, qH: number, C0: number, O0: number, U0: number, H0: number;
  if (shock) {
    qC = Math.exp(-(sl[kC]! * mP + shock[NP + kC]!));
    qO = Math.exp(-(sl[kO]! * mP + shock[NP + kO]!));
    qU = Math.exp(-(sl[kU]! * mP + shock[NP + kU]!));
    qH = Math.exp(-(sl[kH]! * mP + shock[NP + kH]!));
    C0 = logitShift(b[iC]!, shock[kC]! + lag[kC]! * shock[NP + kC]!);
    O0 = logitShift(b[iO]!, shock[kO]! + lag[kO]! * shock[NP + kO]!);
    U0 = logitShift(b[iU]!, shock[kU]! + lag[kU]! * shock[NP + kU]!);
    H0 = logitShift(b[iH]!, shock[kH]! + lag[kH]! * shock[NP + kH]!);
  } else {
    qC = Math.exp(-sl[kC]! * mP);
    qO = Math.exp(-sl[kO]! * mP);
    qU = Math.exp(-sl[kU]! * mP);
    qH = Math.exp(-sl[kH]! * mP);
    C0 = b[iC]!; O0 = b[iO]!; U0 = b[iU]!; H0 = b[iH]!;
  }
  const P0 = b[iP]!, K0 = b[iK]!, E0 = b[iE]!;
  const dP = shock ? 1 - (1 - f.priceDecline * mP) * Math.exp(shock[SHOCK_PRICE]!) : f.priceDecline * m;
  // Coherence, as soft bounds (never a freeze): use stays within the observed margin over 4G coverage
  // (people on 3G and fixed networks); households within the observed margin over use, an excess at
  // the base year narrowing to it by the target year.
  // the coverage that bounds use: the better of 4G and 3G-or-better, each growing at its own pooled rate
  let C3 = Number.isNaN(g.coverage3g) ? 0 : g.coverage3g;
  const q3 = Math.exp(-(g.coverage3gSlope * mP + (shock ? shock[NP + kC]! : 0)));
  // The bound holds only where the coverage figures can bound use (decided from the central base values
  // in compile.ts, so every draw agrees with the baseline's note).
  const gap0 = U0 - Math.max(C0, C3);
  const useMargin = g.coverageBoundsUse ? Math.max(f.useOverCoverage, gap0 + 3 * SOFT_WIDTH) : Infinity;
  const hhExcess0 = Math.max(0, H0 - U0 + 3 * SOFT_WIDTH - marginAtUse(f.householdsOverUseByUse, U0));
  const tTarget = Math.max(1, TARGET_YEAR - g.baseYear);
  const phiC = p[PX.usageCeilingShare]!;
  const rS = (f.schoolRate ?? p[PX.schoolGapClosing]!) * m;
  const rY = (f.cyberRate ?? p[PX.cyberGapClosing]!) * m;
  const rB = (f.businessRate ?? p[PX.businessGapClosing]!) * m;
  const drift = p[PX.egovUptakeDrift]! * m;
  const ewDrift = p[PX.ewasteTrendPct]! / 100;
  const mGrowth = p[PX.emissionsTrendPct]! / 100;
  const nu = p[PX.gapSaturation]!;
  // Skills are a constant share of users; they never fall below the base (a country with no users
  // keeps the skills it has). Where the base was scaled from a lender's by use and rounds to 0 (no
  // users at the base, Democratic People's Republic of Korea), the lender's share is kept.
  const kappa = K0 > 0 && U0 > 0 ? K0 / U0 : (f.skillsPerUse ?? (U0 > 0 ? K0 / U0 : 0));
  const capable0 = (U0 + Math.min(U0, K0)) / 2;
  const eta0 = capable0 > 0 ? Math.min(1, E0 / capable0) : 0;
  const g0 = 1 - b[iG]!, r0 = 1 - b[iR]!, a0 = b[iA]! - 1;
  const offline0 = Math.max(100 - U0, 0.01);
  const schoolsN = (pop / 1000) * p[PX.schoolsPer1000]!;
  const bizN = (pop / 1000) * p[PX.businessesPer1000]!;
  const householdsN = pop / p[PX.householdSize]!;
  const ewasteTonnes = (pop * p[PX.ewasteKgPerCapita]!) / 1000;

  // state
  let C = C0, Ptr = P0, O = O0, U = U0, H = H0, S = b[iS]!, Yc = b[iY]!, K = K0, B = b[iB]!;
  let eta = eta0, W = b[iW]!, Mtr = b[iM]!;
  let Oplus = 0, T = 0, X = 0, Splus = 0, Yplus = 0, Wplus = 0, R = 0, reached = 0, Uorg = U0;
  let Ig = 1, Ir = 1, Ia = 1, covCapex = 0;
  const ls = leverScratch();
  const sigma = levAt[lAff * Y + Y - 1]! > 0 ? sigmaFromGini(p[PX.incomeGini]!) : 1;
  const rate = p[PX.discountRate]!;

  for (let i = 0; i < NI; i++) out[i * Y] = b[i]!;
  out[iC * Y] = C0;
  out[iO * Y] = O0;
  out[iU * Y] = U0;
  out[iH * Y] = H0;
  if (costs) costs.fill(0);

  for (let t = 1; t < Y; t++) {

    // 1.1 coverage: pooled logit trend (on everyone covered, the lever's people included: nobody is
    // covered twice), then the rollout lever on the remaining gap
    let C1 = logitStep(C, qC);
    const net = levAt[lNet * Y + t]!;
    let netCost = covCapex * p[PX.siteOpexShare]!;
    if (net > 0) {
      const add = (net / 100) * (100 - C1);
      const cx = rolloutCapex(C1, add, C0, pop, p, ls.capex);
      netCost += cx.sitesUsd + cx.satelliteUsd;
      covCapex += cx.sitesUsd + cx.satelliteUsd;
      C1 += add;
    }
    C1 = clamp(C1, C, 100);

    // 1.2 price: trend decline, then the subsidy's cut
    const Ptr1 = Ptr * (1 - dP);
    const cut = levAt[lAff * Y + t]! / 100;
    const P1 = Ptr1 * (1 - cut);

    // 1.4 ownership: pooled logit trend on all owners, then subsidised handsets (their new owners a stock)
    let O1 = logitStep(O, qO);
    const hand = levAt[lHand * Y + t]!;
    let handCost = 0;
    if (hand > 0) {
      const offered = (hand / 100) * (100 - O1);
      const gained = offered * p[PX.handsetAdditionality]!;
      O1 += gained;
      Oplus += gained;
      handCost = (offered / 100) * pop * p[PX.handsetPriceUsd]! * p[PX.handsetSubsidyShare]!;
    }
    O1 = clamp(O1, 0, 100);

    // home connections, training and inclusion act on this year's gaps
    const hh = levAt[lHh * Y + t]!;
    let hhCost = 0;
    if (hh > 0) {
      const add = (hh / 100) * Math.max(0, 100 - H);
      X += add;
      hhCost = (add / 100) * householdsN * p[PX.householdConnectionUsd]!;
    }
    const sk = levAt[lSk * Y + t]!;
    let skCost = 0;
    if (sk > 0) {
      const trained = (sk / 100) * Math.max(0, 100 - K);
      T += trained * p[PX.trainingRetention]!;
      skCost = (trained / 100) * pop * p[PX.trainingCostPerPerson]!;
    }
    const inc = levAt[lInc * Y + t]! / 100;
    let incCost = 0;
    if (inc > 0) {
      const shrink = 1 - p[PX.inclusionGapEffect]! * inc;
      Ig *= shrink;
      Ir *= shrink;
      Ia *= shrink;
      reached += inc * (100 - U);
      incCost = inc * ((100 - U) / 100) * pop * p[PX.inclusionCostPerPerson]!;
    }

    // 1.7 Internet use = organic users + the users the enabling levers add. Organic users follow the
    // pooled logit trend, held softly within the observed margin over the better of 4G and 3G-or-better
    // coverage (the margin: fixed-network users), so a slow rollout slows use without freezing it.
    // People the rollout lever covers beyond current trends adopt at the prevailing share (up to the
    // long-run ceiling share). The levers add a stock of people (new phone owners, trainees, connected
    // homes, people reached) and the price response, combined once against the headroom (addLeverUsers,
    // lever-effects.ts), within the same soft bound. Being a stock, a lever started later never adds more
    // by a given year than one started earlier.
    const covGain = trendRef ? C1 - trendRef[iC * Y + t]! : 0;
    // the bound is moot once coverage plus the margin reaches 100: the logit trend saturates by itself
    // 3G-or-better coverage extends at the pooled coverage rate taken at its own level (a network still
    // being rolled out keeps growing; one near 100 stays there), so the bound moves with it
    if (C3 > 0) C3 = logitStep(C3, q3);
    const best = C1 > C3 ? C1 : C3;
    const bound = best + useMargin >= 100 ? Infinity : best + useMargin;
    const UorgS = approach(Uorg, logitStep(Uorg, qU) - Uorg, bound);
    const Uorg1 = Math.min(100, UorgS + Math.max(0, phiC * covGain) * (UorgS / 100));
    const Ulev = addLeverUsers(ls, p, Uorg1, U, 100, cut, Oplus, T, X, reached);
    const U1 = Math.min(100, approach(Uorg1, Ulev - Uorg1, bound));
    // the bound binds: credit each lever only with the users it could actually add
    if (Ulev > U1) for (let k = 0; k < USE_TERM_COUNT; k++) ls.share[k] = U1 > Uorg1 ? (ls.share[k]! * (U1 - Uorg1)) / (Ulev - Uorg1) : 0;
    Uorg = UorgS;
    // the targeted subsidy: users above 2% of income, and the new users the cut brings
    const affCost = cut > 0 ? targetedSubsidyUsd(cut, g.priceUsdMonth * (P0 > 0 ? Ptr1 / P0 : 1), shareAboveThreshold(Ptr1, sigma), Uorg1, ls.share[0]!, pop) : 0;

    // 1.3 households: own logistic on current trends; the scenario follows use and adds connections
    let H1: number;
    if (trendRef) {
      H1 = trendRef[iH * Y + t]! + p[PX.householdsFollowUse]! * (U1 - trendRef[iU * Y + t]!) + X;
    } else {
      // pooled logit trend, approaching the observed margin over use smoothly; an excess at the base
      // year (inconsistent data) is narrowed along a straight line to that margin by the target year
      const allowed = marginAtUse(f.householdsOverUseByUse, U1) + hhExcess0 * Math.max(0, 1 - t / tTarget);
      const Hb = U1 + allowed;
      H1 = H > Hb ? Hb : approach(H, logitStep(H, qH) - H, Hb >= 100 ? Infinity : Hb);
    }
    H1 = clamp(H1, 0, 100);

    // 2.2 skills: a constant share of users plus those trained
    const K1 = clamp(Math.max(K0, kappa * U1) + T, 0, 100);

    // 2.4 e-government: uptake η among capable users. Capable = Internet users weighted toward those
    // with basic skills, (U + min(U, K)) / 2, so use is bounded by Internet use and by skills.
    const eg = levAt[lEg * Y + t]!;
    const eta1 = Math.min(1, eta + drift * (1 - eta) + (p[PX.egovEffectPerUsd]! / 100) * eg * (1 - eta));
    const E1 = eta1 * ((U1 + Math.min(U1, K1)) / 2);
    const egCost = eg * pop * p[PX.egovCostOverrun]!;

    // 1.5 schools
    let S1 = S + rS * (100 - S);
    const sch = levAt[lSch * Y + t]!;
    let schCost = Splus > 0 ? (Splus / 100) * schoolsN * p[PX.schoolOpexUsdYear]! : 0;
    if (sch > 0) {
      const add = (sch / 100) * (100 - S1);
      S1 += add;
      Splus += add;
      schCost += (add / 100) * schoolsN * p[PX.schoolCapexUsd]!;
    }
    S1 = clamp(S1, 0, 100);

    // 1.6 cybersecurity preparedness (three capabilities per country)
    let Y1 = Yc + rY * (100 - Yc);
    const cy = levAt[lCy * Y + t]!;
    let cyCost = Yplus > 0 ? (Yplus / 100) * 3 * g.members * p[PX.cyberRunUsdYear]! : 0;
    if (cy > 0) {
      const add = (cy / 100) * (100 - Y1);
      Y1 += add;
      Yplus += add;
      cyCost += (add / 100) * 3 * g.members * p[PX.cyberBuildUsd]!;
    }
    Y1 = clamp(Y1, 0, 100);

    // 2.3 businesses
    let B1 = B + rB * (100 - B);
    const sme = levAt[lSme * Y + t]!;
    let smeCost = 0;
    if (sme > 0) {
      const offered = (sme / 100) * (100 - B1);
      B1 += offered * p[PX.smeAdditionality]!;
      smeCost = (offered / 100) * bizN * p[PX.smeGrantUsd]!;
    }
    B1 = clamp(B1, 0, 100);

    // 2.5 e-waste and emissions
    const ew = levAt[lEw * Y + t]!;
    Wplus += ew;
    const W1 = clamp(W * (1 + ewDrift) + ew, 0, 100);
    const ewCost = Wplus > 0 ? (Wplus / 100) * ewasteTonnes * p[PX.ewasteTreatmentUsdPerTonne]! : 0;
    const Mtr1 = Mtr * (1 + mGrowth);
    const gr = levAt[lGr * Y + t]! / 100;
    R = R + gr * (1 - R);
    const M1 = Mtr1 * (1 - p[PX.ictElectricityShareOfEmissions]! * R);
    const grCost = R * 100 * pop * p[PX.greenCostUsdPerPersonPct]!;

    // 2.1 gaps shrink with the offline share, and faster with inclusion
    const sat = Math.pow(clamp((100 - U1) / offline0, 0, 1), nu);
    const G1 = 1 - g0 * sat * Ig;
    const R1 = 1 - r0 * sat * Ir;
    const A1 = 1 + a0 * sat * Ia;

    out[iC * Y + t] = C1;
    out[iP * Y + t] = P1;
    out[iH * Y + t] = H1;
    out[iO * Y + t] = O1;
    out[iS * Y + t] = S1;
    out[iY * Y + t] = Y1;
    out[iU * Y + t] = U1;
    out[iG * Y + t] = G1;
    out[iR * Y + t] = R1;
    out[iA * Y + t] = A1;
    out[iK * Y + t] = K1;
    out[iB * Y + t] = B1;
    out[iE * Y + t] = E1;
    out[iW * Y + t] = W1;
    out[iM * Y + t] = M1;

    if (costs) {
      costs[lNet * Y + t] = netCost;
      costs[lAff * Y + t] = affCost;
      costs[lHand * Y + t] = handCost;
      costs[lHh * Y + t] = hhCost;
      costs[lSch * Y + t] = schCost;
      costs[lSk * Y + t] = skCost;
      costs[lInc * Y + t] = incCost;
      costs[lCy * Y + t] = cyCost;
      costs[lSme * Y + t] = smeCost;
      costs[lEg * Y + t] = egCost;
      costs[lEw * Y + t] = ewCost;
      costs[lGr * Y + t] = grCost;
      if (trendRef && U1 !== trendRef[iU * Y + t]) addCapacityCosts(ls.share, p, pop, U1 - trendRef[iU * Y + t]!, costs, Y, t);
      if (rate > 0) {
        const df = discountFactor(rate, t);
        for (let l = 0; l < NL; l++) costs[l * Y + t] = costs[l * Y + t]! * df;
      }
    }

    C = C1; Ptr = Ptr1; O = O1; U = U1; H = H1; S = S1; Yc = Y1; K = K1; B = B1; eta = eta1;
    W = W1; Mtr = Mtr1;
  }
}

/** Each lever's level in each year of the horizon: its value from its start year on, zero before. */
export function leverSchedule(baseYear: number, years: number, values: ArrayLike<number>, starts: ArrayLike<number>, out = new Float64Array(NL * years)): Float64Array {
  for (let l = 0; l < NL; l++) {
    for (let t = 0; t < years; t++) out[l * years + t] = t > 0 && baseYear + t >= starts[l]! ? values[l]! : 0;
  }
  return out;
}
