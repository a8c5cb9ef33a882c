// Lever effects, costs and aggregate targets (issue 12): an elasticity acts as stated; every costed
// lever carries a Monte Carlo band p10 < p50 < p90; costs are in constant USD of one year with an
// editable discount rate held fixed in the draws; the targeted subsidy pays only whom it targets;
// World's 1.2 is met only when every economy is below 2%; all levers at their maxima reach the
// acceptance levels; Reach targets reports the cheapest plan at the best level and why a goal is out of reach.
import { describe, expect, it } from 'vitest';
import { LEVERS, PARAMETERS, project, prepareGeography, seekGoals, drawParameters, type LeverId } from '../../src/model/index.ts';
import { basePrice } from '../../src/model/aggregate-affordability.ts';
import { IX } from '../../src/model/registry/indicators.ts';
import { centralParameters } from '../../src/model/registry/parameters.ts';
import { priceResponse, priceUseGain, useWithLevers, USE_TERM_COUNT } from '../../src/model/lever-effects.ts';
import { COST_PRICE_YEAR, discountFactor, toConstantUsdFactor } from '../../src/model/cost-money.ts';
import { normalCdf, normalInv, shareAboveThreshold, sigmaFromGini } from '../../src/model/cost-affordability.ts';
import { PX } from '../../src/model/registry/parameters.ts';
import { PARAMETER_BASIS } from '../../src/model/registry/parameter-basis.ts';
import sources from '../../src/model/data/curated/sources.json';

const MAX = Object.fromEntries(LEVERS.map((l) => [l.id, l.max])) as Record<LeverId, number>;
const use2030 = (r: Awaited<ReturnType<typeof project>>) => {
  const i = r.indicators.find((x) => x.id === 'internetUse')!;
  return i.scenario[r.years.indexOf(2030)]!;
};

describe('lever effects mean what their parameters say', () => {
  it('an elasticity of 0.5 and a 10% cut add 5% of the use it acts on; small effects add up one for one', () => {
    expect(priceUseGain(0.5, 0.1, 60)).toBeCloseTo(3, 12);
    const terms = new Float64Array(USE_TERM_COUNT);
    const share = new Float64Array(USE_TERM_COUNT);
    terms[0] = 0.05;
    terms[2] = 0.05;
    const u = useWithLevers(60, 100, terms, share);
    expect(u - 60).toBeGreaterThan(0.0998);
    expect(u - 60).toBeLessThanOrEqual(0.1);
    expect(share[0]! + share[2]!).toBeCloseTo(u - 60, 12);
  });

  it('large effects never pass the headroom; the price response builds up toward its long-run value', () => {
    const terms = new Float64Array(USE_TERM_COUNT).fill(500);
    expect(useWithLevers(60, 100, terms, new Float64Array(USE_TERM_COUNT))).toBeLessThanOrEqual(100);
    let r = 0;
    for (let k = 0; k < 50; k++) r = priceResponse(r, 3, 0.4);
    expect(r).toBeCloseTo(3, 6);
  });

  it('Kenya: a 5% cut raises 2030 use by ε·cut·U along the stated build-up (within 3%)', async () => {
    const base = await project({ geography: 'KEN', uncertainty: false });
    const cut = await project({ geography: 'KEN', levers: { affordabilitySubsidy: 5 }, uncertainty: false });
    const trend = base.indicators.find((x) => x.id === 'internetUse')!.scenario;
    const p = centralParameters();
    let resp = 0;
    for (let t = 1; t <= base.years.indexOf(2030); t++) resp = priceResponse(resp, p[PX.priceElasticity]! * 0.05 * trend[t]!, p[PX.priceResponseSpeed]!);
    const gain = use2030(cut) - use2030(base);
    expect(Math.abs(gain - resp) / resp).toBeLessThan(0.03);
  });
});

describe('acceptance levels with every lever at its maximum', () => {
  it('World Internet use 2030 >= 92% and no ITU region below 75%', async () => {
    expect(use2030(await project({ geography: 'world', levers: MAX, uncertainty: false }))).toBeGreaterThanOrEqual(92);
    for (const g of ['africa', 'americas', 'arab-states', 'asia-pacific', 'cis', 'europe']) {
      expect(use2030(await project({ geography: g, levers: MAX, uncertainty: false })), g).toBeGreaterThanOrEqual(75);
    }
  });

  it('no lever mix raises use faster than the fastest adoption pace on record', async () => {
    const r = await project({ geography: 'africa', levers: MAX, uncertainty: false });
    const u = r.indicators.find((x) => x.id === 'internetUse')!.scenario;
    for (let t = 1; t < u.length; t++) expect(u[t]! - u[t - 1]!).toBeLessThanOrEqual(PARAMETERS[PX.maxUseGainPerYear]!.central + 1e-9);
  });
});

describe('costs: one currency, one year, with uncertainty', () => {
  it('every lever with a cost has p10 < p50 < p90, and so has the total', async () => {
    const r = await project({ geography: 'world', levers: MAX, draws: 200 });
    const bands = r.cost.bands!;
    for (const l of LEVERS) {
      if (!(r.cost.byLever[l.id] > 0)) continue;
      const b = bands.byLever[l.id];
      expect(b.p10, l.id).toBeLessThan(b.p50);
      expect(b.p50, l.id).toBeLessThan(b.p90);
    }
    expect(bands.total.p10).toBeLessThan(bands.total.p50);
    expect(bands.total.p50).toBeLessThan(bands.total.p90);
  });

  it('cost parameters published in another year are converted to constant USD with the deflator', () => {
    expect(COST_PRICE_YEAR).toBe(2024);
    for (const def of PARAMETERS) {
      if (def.group === 'cost' && def.unit.includes('USD')) expect(def.unit, def.id).toContain(`USD (${COST_PRICE_YEAR})`);
      if ('usd' in def && def.usd) expect(def.central / (def.usd.nominal * toConstantUsdFactor(def.usd.year)), def.id).toBeCloseTo(1, 2);
    }
  });

  it('a 3% discount rate lowers the total by the discount factors; the Monte Carlo never draws the rate', async () => {
    const levers = { networkRollout: 20, digitalSkills: 5 };
    const r0 = await project({ geography: 'world', levers, uncertainty: false });
    const r3 = await project({ geography: 'world', levers, overrides: { discountRate: 3 }, uncertainty: false });
    let expected = 0;
    r0.years.forEach((_, t) => { if (t >= 1 && t <= r0.years.indexOf(2030)) expected += r0.cost.perYear[t]! * discountFactor(3, t); });
    expect(r3.cost.totalUsd / expected).toBeCloseTo(1, 9);
    expect(r3.cost.discountRatePct).toBe(3);
    const central = centralParameters();
    central[PX.discountRate] = 3;
    const draws = drawParameters(central, 50, 7);
    for (let d = 0; d < 50; d++) expect(draws[d * PARAMETERS.length + PX.discountRate]).toBe(3);
  });
});

describe('the targeted affordability subsidy', () => {
  it('the share paying more than 2% of income follows the lognormal: half at the threshold with no inequality, more as the price rises', () => {
    expect(normalCdf(normalInv(0.3))).toBeCloseTo(0.3, 6);
    const s = sigmaFromGini(0.38);
    expect(shareAboveThreshold(1, s)).toBeLessThan(shareAboveThreshold(2, s));
    expect(shareAboveThreshold(2, s)).toBeLessThan(shareAboveThreshold(6, s));
    expect(shareAboveThreshold(0, s)).toBe(0);
  });

  it('World: it costs well under the same cut on every user’s basket, and reports its cost per additional user', async () => {
    const r = await project({ geography: 'world', levers: { affordabilitySubsidy: 30 }, uncertainty: false });
    const pop = r.geography.population!;
    const price = r.indicators.find((x) => x.id === 'mbbPrice')!;
    const use = r.indicators.find((x) => x.id === 'internetUse')!;
    // untargeted: the cut on every user's basket (USD 10 a month at the base year, falling with the trend price)
    let everyone = 0;
    for (let t = 1; t <= r.years.indexOf(2030); t++) everyone += 0.3 * 10 * 12 * (use.scenario[t]! / 100) * pop * (price.baseline[t]! / price.baseline[0]!);
    expect(r.cost.byLever.affordabilitySubsidy).toBeLessThan(0.75 * everyone);
    expect(r.cost.affordability!.additionalUsers2030).toBeGreaterThan(0);
    expect(r.cost.affordability!.costPerAdditionalUserUsd).toBeCloseTo(r.cost.byLever.affordabilitySubsidy / r.cost.affordability!.additionalUsers2030, 6);
  });
});

describe('aggregate target 1.2 means "affordable for all"', () => {
  it('World: not met while any economy stays above 2%; met exactly when none does; an economy keeps its own price rule', async () => {
    const r = await project({ geography: 'world', draws: 50 });
    const p = r.indicators.find((x) => x.id === 'mbbPrice')!;
    expect(p.aggregate).toBeDefined();
    expect(p.aggregate!.economies).toBeGreaterThan(200);
    expect(p.metCentral).toBe(p.aggregate!.economiesAbove === 0);
    expect(p.aggregate!.economiesAbove).toBeGreaterThan(0);
    expect(p.metCentral).toBe(false);
    expect(p.aggregate!.share2030).toBeLessThan(100);
    const ken = (await project({ geography: 'KEN', uncertainty: false })).indicators.find((x) => x.id === 'mbbPrice')!;
    expect(ken.aggregate).toBeUndefined();
    expect(ken.metCentral).toBe(ken.scenario[5]! <= 2);
  });

  it('each economy starts from the same base price and decline as when it is projected alone', async () => {
    for (const id of ['KEN', 'DEU', 'BRA', 'IND', 'NER', 'KAZ', 'EGY']) {
      const compiled = await prepareGeography(id);
      const { price, decline } = basePrice(compiled.geography, compiled.engine.baseYear);
      expect(price, id).toBeCloseTo(compiled.engine.base[IX.mbbPrice]!, 12);
      expect(decline, id).toBe(compiled.engine.fits.priceDecline);
    }
  });

  it('a price cut lowers the number of economies above 2%', async () => {
    const a = (await project({ geography: 'africa', uncertainty: false })).indicators.find((x) => x.id === 'mbbPrice')!.aggregate!;
    const b = (await project({ geography: 'africa', levers: { affordabilitySubsidy: 50 }, uncertainty: false })).indicators.find((x) => x.id === 'mbbPrice')!.aggregate!;
    expect(b.economiesAbove).toBeLessThan(a.economiesAbove);
    expect(b.share2030).toBeGreaterThan(a.share2030);
  });
});

describe('Budget cannot mislead', () => {
  it('marginal cost per point is each lever’s own cost over what the scenario loses without it', async () => {
    const r = await project({ geography: 'KEN', levers: { schoolConnectivity: 20, digitalSkills: 5 }, uncertainty: false });
    const rows = r.cost.marginal!.schoolConnectivity!;
    expect(rows.map((x) => x.indicator)).toEqual(['schools']);
    const without = await project({ geography: 'KEN', levers: { digitalSkills: 5 }, uncertainty: false });
    const s = (x: typeof r) => x.indicators.find((i) => i.id === 'schools')!.scenario[5]!;
    expect(rows[0]!.gain).toBeCloseTo(s(r) - s(without), 9);
    expect(rows[0]!.usdPerPoint).toBeCloseTo(r.cost.byLever.schoolConnectivity / rows[0]!.gain, 3);
    expect(r.cost.gni!.note).toMatch(/basket/);
  });

  it('Kenya schools: Reach targets reports the cheapest plan at the best level and a checkable reason', async () => {
    const r = await seekGoals({ geography: 'KEN', goals: [{ indicator: 'schools', op: '>=', level: 100 }] });
    const g = r.goals[0]!;
    expect(g.met).toBe(false);
    const maxed = await project({ geography: 'KEN', levers: MAX, uncertainty: false });
    expect(g.bestReachable!).toBeGreaterThanOrEqual(maxed.indicators.find((x) => x.id === 'schools')!.scenario[5]! - 0.05);
    expect(g.bestReachableCostUsd!).toBeLessThan(maxed.cost.totalUsd / 5);
    expect(g.reason).toMatch(/only in 20(3[1-5])|by 2035/);
  });

  // ITU's Connecting Humanity costs connecting the remaining people at about USD 143 a person (USD 428 bn for
  // about 3 bn). The plan's cost per user it adds over current trends must be of that order (USD 50–1,500): the
  // issue's USD 150 bn floor assumed a larger gap to 90% than the pooled current trends now leave (85.9% in 2030).
  it('World "1.7>=90" finds a plan whose cost per added user is of the order of ITU\'s costing', async () => {
    const r = await seekGoals({ geography: 'world', goals: [{ indicator: 'internetUse', op: '>=', level: 90 }] });
    expect(r.feasible).toBe(true);
    const trend = await project({ geography: 'world', uncertainty: false });
    const use = trend.indicators.find((i) => i.id === 'internetUse')!;
    const added = ((90 - use.baseline[trend.years.indexOf(2030)]!) / 100) * trend.geography.population!;
    expect(added).toBeGreaterThan(0);
    expect(r.costUsd / added).toBeGreaterThan(50);
    expect(r.costUsd / added).toBeLessThan(1500);
  });
});

/** Publishers whose own sites hold primary reports, data or code (not news copies). */
const PRIMARY_HOSTS = ['itu.int', 'gsma.com', 'worldbank.org', 'github.com', 'unitar.org', 'oecd-ilibrary.org', 'ssrn.com', 'arxiv.org', 'repec.org', 'socialscienceregistry.org', 'broadbandcommission.org', 'giga.global', 'ourworldindata.org', 'hbr.org', 'bea.gov', 'ewastemonitor.info'];

describe('sources', () => {
  it('no "sourced" parameter rests only on a news article: at least one source is a primary publisher’s own', () => {
    const table = sources as Record<string, { url?: string; secondary?: boolean }>;
    for (const def of PARAMETERS) {
      if (def.kind !== 'sourced') continue;
      const primary = def.sources.filter((id) => {
        const src = table[id];
        if (!src?.url || src.secondary) return false;
        const host = new URL(src.url).hostname;
        return PRIMARY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
      });
      expect(primary.length, `${def.id}: ${def.sources.join(', ')}`).toBeGreaterThan(0);
    }
  });

  it('every source a parameter cites exists, and every assumption gives a range and a reason', () => {
    const known = new Set(Object.keys(sources));
    for (const def of PARAMETERS) {
      for (const s of def.sources) expect(known.has(s), `${def.id} cites ${s}`).toBe(true);
      if (def.kind === 'assumption') {
        expect(def.low, def.id).toBeLessThanOrEqual(def.central);
        expect(def.high, def.id).toBeGreaterThanOrEqual(def.central);
        expect(PARAMETER_BASIS[def.id].length, def.id).toBeGreaterThan(20);
      }
    }
  });
});
