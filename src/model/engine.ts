// The projection engine: annual recurrences for every indicator, current trends and scenario alike.
// Hot path: typed arrays in, typed arrays out, no allocation per step, no JSON. A run with every lever
// at zero IS the current-trends path (same code), so default levers reproduce it exactly.
import { IX, INDICATOR_COUNT } from './registry/indicators.ts';
import { LX, LEVER_COUNT } from './registry/levers.ts';
import { PX } from './registry/parameters.ts';
import { END_YEAR, TARGET_YEAR } from './constants.ts';

export { END_YEAR, TARGET_YEAR };

/** Calibrated trend rules of one geography; null means "use the parameter's default". */
export interface TrendFits {
  useR: number | null;
  ownR: number | null;
  hhR: number | null;
  schoolRate: number | null;
  cyberRate: number | null;
  businessRate: number | null;
  coverageRate: number | null;
  priceDecline: number | null;
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
  /** Internet users beyond LTE coverage at the base year (fixed/3G users), held constant. */
  usageOffset: number;
  fits: TrendFits;
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

/** Structural adoption ceiling (share of the population), never below the base value. */
export function adoptionCeiling(base: number, p: Float64Array): number {
  return clamp(100 * p[PX.usageCeilingShare]!, Math.min(100, base + 0.5), 100);
}

/** Cost per person newly covered when coverage stands at c: steeper as the gap closes, satellite at the end. */
export function costPerPersonCovered(c: number, c0: number, p: Float64Array): number {
  const gap0 = Math.max(100 - c0, 0.5);
  const gap = Math.max(100 - c, 0.05);
  const terrestrial = (p[PX.siteCapexUsd]! / p[PX.peoplePerSite]!) * Math.pow(Math.max(gap0 / gap, 1), p[PX.remoteCostExponent]!);
  return gap <= p[PX.satelliteGapPct]! ? Math.max(terrestrial, p[PX.satelliteCostPerPerson]!) : terrestrial;
}

/**
 * Runs one path. `levAt` (NL × years) holds each lever's level in each year (zero before its start
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
): void {
  const Y = g.years;
  const b = g.base;
  const pop = g.population;
  const m = p[PX.trendRateMultiplier]!;
  const C0 = b[iC]!, U0 = b[iU]!, P0 = b[iP]!, K0 = b[iK]!, E0 = b[iE]!;
  const off = g.usageOffset;
  const f = g.fits;
  const rC = (f.coverageRate ?? p[PX.coverageGapClosing]!) * m;
  const dP = (f.priceDecline ?? p[PX.priceDeclineDefault]!) * m;
  const rU = (f.useR ?? p[PX.useGrowthDefault]!) * m;
  const KU = adoptionCeiling(U0, p);
  const phiC = p[PX.usageCeilingShare]!;
  const rO = (f.ownR ?? p[PX.ownershipGrowthDefault]!) * m;
  const KO = adoptionCeiling(b[iO]!, p);
  const rH = (f.hhR ?? p[PX.useGrowthDefault]!) * m;
  const KH = adoptionCeiling(b[iH]!, p);
  const rS = (f.schoolRate ?? p[PX.schoolGapClosing]!) * m;
  const rY = (f.cyberRate ?? p[PX.cyberGapClosing]!) * m;
  const rB = (f.businessRate ?? p[PX.businessGapClosing]!) * m;
  const drift = p[PX.egovUptakeDrift]! * m;
  const ewDrift = p[PX.ewasteTrendPct]! / 100;
  const mGrowth = p[PX.emissionsTrendPct]! / 100;
  const nu = p[PX.gapSaturation]!;
  // Skills are a constant share of users; they never fall below the base (a country with no users
  // keeps the skills it has).
  const kappa = U0 > 0 ? K0 / U0 : 0;
  const capable0 = (U0 + Math.min(U0, K0)) / 2;
  const eta0 = capable0 > 0 ? Math.min(1, E0 / capable0) : 0;
  const g0 = 1 - b[iG]!, r0 = 1 - b[iR]!, a0 = b[iA]! - 1;
  const offline0 = Math.max(100 - U0, 0.01);
  const schoolsN = (pop / 1000) * p[PX.schoolsPer1000]!;
  const bizN = (pop / 1000) * p[PX.businessesPer1000]!;
  const householdsN = pop / p[PX.householdSize]!;
  const ewasteTonnes = (pop * p[PX.ewasteKgPerCapita]!) / 1000;

  // state
  let C = C0, Ptr = P0, O = b[iO]!, U = U0, H = b[iH]!, S = b[iS]!, Yc = b[iY]!, K = K0, B = b[iB]!;
  let eta = eta0, W = b[iW]!, Mtr = b[iM]!;
  let Oplus = 0, T = 0, X = 0, Splus = 0, Yplus = 0, Wplus = 0, R = 0, reached = 0, Uorg = U0;
  let Ig = 1, Ir = 1, Ia = 1, covCapex = 0;

  for (let i = 0; i < NI; i++) out[i * Y] = b[i]!;
  if (costs) costs.fill(0);

  for (let t = 1; t < Y; t++) {

    // 1.1 coverage: gap closing, then the rollout lever on the remaining gap
    let C1 = C + rC * (100 - C);
    const net = levAt[lNet * Y + t]!;
    let netCost = 0;
    if (net > 0) {
      const add = (net / 100) * (100 - C1);
      const capex = (add / 100) * pop * costPerPersonCovered(C1, C0, p);
      netCost = capex + covCapex * p[PX.siteOpexShare]!;
      covCapex += capex;
      C1 += add;
    } else if (covCapex > 0) {
      netCost = covCapex * p[PX.siteOpexShare]!;
    }
    C1 = clamp(C1, C, 100);

    // 1.2 price: trend decline, then the subsidy's cut
    const Ptr1 = Ptr * (1 - dP);
    const cut = levAt[lAff * Y + t]! / 100;
    const P1 = Ptr1 * (1 - cut);
    const affCost = cut * g.priceUsdMonth * (P0 > 0 ? Ptr1 / P0 : 1) * 12 * (U / 100) * pop;

    // 1.4 ownership: logistic, then subsidised handsets
    let O1 = O < KO ? O + rO * O * (1 - O / KO) : O;
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

    // 1.7 Internet use = organic users + the users the enabling levers add. Organic users diffuse
    // logistically toward the structural ceiling (raised by newly covered people). The levers add a
    // stock of people (new phone owners, trainees, connected homes, people reached, the price
    // response), discounted by the share who would have come online anyway. Coverage is a hard cap:
    // usage never exceeds coverage, plus those on 3G/fixed networks at the base year. Being a stock,
    // a lever started later never adds more by a given year than one started earlier.
    const Cplus = trendRef ? C1 - trendRef[iC * Y + t]! : 0;
    const ceiling = Math.min(100, KU + phiC * Cplus);
    const cap = Math.min(100, C1 + off);
    const Uorg1 = Math.min(cap, Uorg >= ceiling ? Uorg : Uorg + rU * Uorg * (1 - Uorg / ceiling));
    const added =
      p[PX.priceElasticity]! * cut * U0 * (1 - U0 / 100) +
      p[PX.deviceUseEffect]! * Oplus + p[PX.skillsUseEffect]! * T + p[PX.householdUseEffect]! * X +
      p[PX.inclusionUseEffect]! * reached;
    const U1 = Math.min(cap, Uorg1 + added * (1 - Uorg1 / 100));
    Uorg = Uorg1;

    // 1.3 households: own logistic on current trends; the scenario follows use and adds connections
    let H1: number;
    if (trendRef) {
      H1 = trendRef[iH * Y + t]! + p[PX.householdsFollowUse]! * (U1 - trendRef[iU * Y + t]!) + X;
    } else {
      H1 = H < KH ? H + rH * H * (1 - H / KH) : H;
    }
    H1 = clamp(H1, 0, 100);

    // 2.2 skills: a constant share of users plus those trained
    const K1 = clamp(Math.max(K0, kappa * U1) + T, 0, 100);

    // 2.4 e-government: uptake η among capable users. Capable = Internet users weighted toward those
    // with basic skills, (U + min(U, K)) / 2, so use is bounded by Internet use and by skills.
    const eg = levAt[lEg * Y + t]!;
    const eta1 = Math.min(1, eta + drift * (1 - eta) + (p[PX.egovEffectPerUsd]! / 100) * eg * (1 - eta));
    const E1 = eta1 * ((U1 + Math.min(U1, K1)) / 2);
    const egCost = eg * pop;

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
