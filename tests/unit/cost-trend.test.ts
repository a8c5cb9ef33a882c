// The investment current trends imply (cost-trend.ts): the like-for-like complement of lever costs
// when comparing with costings of a whole goal. Network for the people the coverage trend covers,
// capacity for the users the use trend adds, at the lever costs' unit costs and discount rate.
import { describe, expect, it } from 'vitest';
import { project } from '../../src/model/index.ts';
import { trendInvestment } from '../../src/model/cost-trend.ts';
import { capacityUsd, costPerPersonCovered } from '../../src/model/cost-network.ts';
import { IX, INDICATOR_COUNT } from '../../src/model/registry/indicators.ts';
import { PARAMETERS, PX } from '../../src/model/registry/parameters.ts';
import type { EngineGeography } from '../../src/model/engine.ts';

const central = () => Float64Array.from(PARAMETERS, (p) => p.central);

/** A trend path with given coverage and use by year (other indicators 0). */
function path(Y: number, cov: number[], use: number[]): Float64Array {
  const out = new Float64Array(INDICATOR_COUNT * Y);
  for (let t = 0; t < Y; t++) {
    out[IX.coverage4g * Y + t] = cov[t]!;
    out[IX.internetUse * Y + t] = use[t]!;
  }
  return out;
}

const geo = { years: 6, population: 1e6, baseYear: 2025 } as unknown as EngineGeography;

describe('trendInvestment', () => {
  it('is zero when current trends add neither coverage nor users', () => {
    const r = trendInvestment(geo, central(), path(6, [80, 80, 80, 80, 80, 80], [50, 50, 50, 50, 50, 50]), 5);
    expect(r.totalUsd).toBe(0);
    expect(r.peopleCovered).toBe(0);
  });

  it('charges capacity for every year a trend user is online, and sites plus running costs for coverage', () => {
    const p = central();
    const use = [50, 51, 52, 53, 54, 55];
    const r = trendInvestment(geo, p, path(6, [90, 90, 90, 90, 90, 90], use), 5);
    // users above the base: 1 + 2 + 3 + 4 + 5 points of a million people, each a year of capacity
    expect(r.capacityUsd).toBeCloseTo(capacityUsd(15, 1e6, p), 6);
    expect(r.networkUsd).toBe(0);
    const one = trendInvestment(geo, p, path(6, [90, 90.5, 90.5, 90.5, 90.5, 90.5], [50, 50, 50, 50, 50, 50]), 5);
    // half a point covered in the first year, at about the cost per person at 90%, then 10% a year to run it
    const capex = 0.005 * 1e6 * costPerPersonCovered(90.25, 90, p);
    expect(one.networkUsd).toBeCloseTo(capex * (1 + 4 * p[PX.siteOpexShare]!), -3);
  });

  it('is reported for the World beside the lever costs, and the cost per person it implies is of ITU\'s order', async () => {
    const r = await project({ geography: 'world', uncertainty: false });
    const c = r.cost.currentTrends!;
    expect(c.usersAdded).toBeGreaterThan(5e8);
    expect(c.totalUsd).toBeGreaterThan(0);
    // Connecting Humanity: about USD 170 (2024 USD) per person connected; the model's unit costs give the same order
    const perUser = c.totalUsd / c.usersAdded;
    expect(perUser).toBeGreaterThan(50);
    expect(perUser).toBeLessThan(500);
  });
});

describe('the whole investment with current trends (Budget, Reach targets, the report)', () => {
  it('adds current trends to the lever total, with a Monte Carlo band around both', async () => {
    const r = await project({ geography: 'KEN', levers: { networkRollout: { value: 30 }, digitalSkills: { value: 10 } }, draws: 300 });
    const c = r.cost;
    expect(c.withTrendsUsd).toBeCloseTo(c.totalUsd + c.currentTrends!.totalUsd - c.networkOverlapUsd!, 0);
    for (const band of [c.bands!.currentTrends, c.bands!.withTrends]) {
      expect(band.p10).toBeLessThan(band.p50);
      expect(band.p50).toBeLessThan(band.p90);
    }
    // each draw's whole investment is its lever total plus its trend investment, so the band sits above both
    expect(c.bands!.withTrends.p50).toBeGreaterThan(c.bands!.total.p50);
    expect(c.bands!.withTrends.p50).toBeGreaterThan(c.bands!.currentTrends.p50);
  });

  it('gives current trends a band even when every lever is off (the scenario itself costs nothing)', async () => {
    const r = await project({ geography: 'KEN', draws: 200 });
    expect(r.cost.totalUsd).toBe(0);
    expect(r.cost.bands!.currentTrends.p90).toBeGreaterThan(r.cost.bands!.currentTrends.p10);
    expect(r.cost.bands!.withTrends).toEqual(r.cost.bands!.currentTrends);
  });

  it('puts the World\'s cheapest plan to 90% Internet use, with current trends, in the order of ITU\'s costing (USD 150 bn – 1.5 tn)', async () => {
    const { seekGoals } = await import('../../src/model/index.ts');
    const s = await seekGoals({ geography: 'world', goals: [{ indicator: 'internetUse', op: '>=', level: 90 }] });
    expect(s.feasible).toBe(true);
    const r = await project({ geography: 'world', uncertainty: false });
    expect(s.currentTrendsUsd).toBeCloseTo(r.cost.currentTrends!.totalUsd, -3);
    expect(s.costWithTrendsUsd).toBeCloseTo(s.costUsd + s.currentTrendsUsd, 0);
    expect(s.costWithTrendsUsd).toBeGreaterThan(150e9);
    expect(s.costWithTrendsUsd).toBeLessThan(1.5e12);
  });
});

describe('the whole investment counts each site once', () => {
  it('with the rollout lever, the sites it and current trends would both pay for are taken out', async () => {
    const { networkInvestment } = await import('../../src/model/cost-trend.ts');
    const { prepareGeography, validateInputs, leverSchedule, runPath, LEVERS } = await import('../../src/model/index.ts');
    const { LEVER_COUNT, LX } = await import('../../src/model/registry/levers.ts');
    const req = { geography: 'world', levers: { networkRollout: { value: 40 } }, uncertainty: false } as const;
    const r = await project(req);
    const c = r.cost;
    expect(c.networkOverlapUsd).toBeGreaterThan(1e9);
    expect(c.withTrendsUsd).toBeCloseTo(c.totalUsd + c.currentTrends!.totalUsd - c.networkOverlapUsd!, -3);
    // the same whole, built directly: every lever cost but the rollout's sites, the sites along the scenario's
    // coverage path, and capacity for the users current trends add
    const g = (await prepareGeography('world')).engine;
    const inputs = validateInputs(req, g.baseYear);
    const Y = g.years, t30 = 2030 - g.baseYear;
    const levAt = new Float64Array(LEVERS.length * Y);
    leverSchedule(g.baseYear, Y, inputs.values, inputs.starts, levAt);
    const path = new Float64Array(INDICATOR_COUNT * Y), costs = new Float64Array(LEVER_COUNT * Y);
    runPath(g, inputs.params, levAt, path, costs, null);
    let sitesOfLever = 0;
    for (let t = 1; t <= t30; t++) sitesOfLever += costs[LX.networkRollout * Y + t]!;
    const direct = c.totalUsd - sitesOfLever + networkInvestment(g, inputs.params, path, t30) + c.currentTrends!.capacityUsd;
    expect(c.withTrendsUsd! / direct).toBeCloseTo(1, 9);
  });

  it('without the rollout lever there is nothing to take out', async () => {
    const r = await project({ geography: 'KEN', levers: { handsetSubsidy: { value: 10 } }, uncertainty: false });
    expect(r.cost.networkOverlapUsd).toBe(0);
    expect(r.cost.withTrendsUsd).toBeCloseTo(r.cost.totalUsd + r.cost.currentTrends!.totalUsd, 0);
  });
});
