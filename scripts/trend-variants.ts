// `npx tsx scripts/trend-variants.ts`: measures alternatives to the Internet-use rate model that
// docs/MODEL.md §4 lists, with the pooled forecast alone (no engine), at vantage years 2012, 2015, 2018.
// For each variant and vantage V it prints
//   test:  the median absolute error (points) on the held-back years V+1…V+8 of economies with at least
//          six observations up to V (what the back-test scores; the full pipeline differs slightly);
//   inner: the same error from origins V−6…V−2, each with a model fitted on data up to that origin and
//          scored on observations up to V only — the check that decides, since it never sees after V.
// A variant is adopted only where the inner check lowers the error; the test figure is printed to show
// what the decision cost or saved, not to choose.
import { bestCoverage, readEconomies, type EconomyHistory } from './lib/economies.ts';
import { FIRST_VANTAGE } from './lib/trend-estimation.ts';
import { leastSquares, logit, ownSlope, projectShare, screenSeries } from '../src/model/trends.ts';
import type { Point } from '../src/model/calibrate.ts';

const ID = 'internetUse';
const GROUPS = ['low', 'lower-middle', 'upper-middle', 'high'] as const;
const VANTAGES = [2012, 2015, 2018];

interface State { level: number; own: number; se: number; cov: number; group: string | null }
interface Case extends State { realised: number }

const economies = readEconomies().map((e) => ({ ...e, cov: bestCoverage(e) }));
type Econ = EconomyHistory & { cov: Point[] };

/** Own slope's standard error (logit a year) over the last eight years; NaN with fewer than three points. */
function slopeSe(pts: readonly Point[]): number {
  const last = pts.at(-1);
  const w = last ? pts.filter((p) => p.year > last.year - 8) : [];
  if (w.length < 3) return Number.NaN;
  const n = w.length, mx = w.reduce((a, p) => a + p.year, 0) / n, zs = w.map((p) => logit(p.value)), mz = zs.reduce((a, z) => a + z, 0) / n;
  let sxy = 0, sxx = 0, rss = 0;
  w.forEach((p, i) => { sxy += (p.year - mx) * (zs[i]! - mz); sxx += (p.year - mx) ** 2; });
  const b = sxy / sxx;
  w.forEach((p, i) => { rss += (zs[i]! - mz - b * (p.year - mx)) ** 2; });
  return Math.sqrt(rss / Math.max(1, n - 2) / sxx);
}

/** An economy's state at origin O (last screened point within a year of O), or null. */
function stateAt(e: Econ, O: number): (State & { year: number }) | null {
  const s = screenSeries((e.history[ID] ?? []).filter((p) => p.year <= O));
  const last = s.points.at(-1);
  if (!last || last.year < O - 1) return null;
  const own = ownSlope(s.points);
  const cov = e.cov.filter((p) => p.year <= O && p.year >= O - 3).at(-1);
  return { year: last.year, level: last.value, own: Number.isFinite(own.slope) && own.points >= 3 ? own.slope : Number.NaN, se: slopeSe(s.points), cov: cov?.value ?? Number.NaN, group: e.income };
}

/** Training cases at vantage V, as `rateCases` in scripts/lib/trend-estimation.ts makes them. */
function cases(V: number): Case[] {
  const out: Case[] = [];
  for (let O = Math.max(FIRST_VANTAGE - 10, V - 12); O <= V - 2; O++) {
    for (const e of economies) {
      const st = stateAt(e, O);
      if (!st) continue;
      const end = (e.history[ID] ?? []).filter((p) => p.year > O && p.year <= Math.min(O + 5, V)).at(-1);
      if (!end || end.year - st.year < 2) continue;
      out.push({ ...st, realised: (logit(end.value) - logit(st.level)) / (end.year - st.year) });
    }
  }
  return out;
}

interface Variant { features: (s: State) => number[]; weight?: (c: Case) => number; lad?: boolean }

const has = (x: number) => Number.isFinite(x);
const own = (s: State) => (has(s.own) ? s.own : 0);
const noOwn = (s: State) => (has(s.own) ? 0 : 1);
const share = (s: State) => Math.min(0.998, Math.max(0.002, s.level / 100));
const VARIANTS: Record<string, Variant> = {
  'chosen form (level, own rate, income group)': { features: (s) => [logit(s.level), own(s), noOwn(s)] },
  'least absolute deviations': { features: (s) => [logit(s.level), own(s), noOwn(s)], lad: true },
  'fitted in points (weights x(1−x) squared)': { features: (s) => [logit(s.level), own(s), noOwn(s)], weight: (c) => (share(c) * (1 - share(c))) ** 2 },
  'least absolute deviations in points': { features: (s) => [logit(s.level), own(s), noOwn(s)], weight: (c) => share(c) * (1 - share(c)), lad: true },
  '3G-or-better coverage as a covariate': { features: (s) => [logit(s.level), own(s), noOwn(s), has(s.cov) ? logit(s.cov) : 0, has(s.cov) ? 0 : 1] },
  'own rate weighted by its precision': { features: (s) => [logit(s.level), own(s) / (1 + (has(s.se) ? s.se : 1) ** 2 / 0.0025), own(s), noOwn(s)] },
  'level slope by income group': { features: (s) => [logit(s.level), own(s), noOwn(s), ...GROUPS.map((g) => (s.group === g ? logit(s.level) : 0))] },
  'no own rate': { features: (s) => [logit(s.level)] },
};

const row = (v: Variant, s: State) => [1, ...v.features(s), ...GROUPS.map((g) => (s.group === g ? 1 : 0))];

function fit(v: Variant, cs: readonly Case[]): number[] {
  const X = cs.map((c) => row(v, c)), y = cs.map((c) => c.realised), base = cs.map((c) => v.weight?.(c) ?? 1);
  let beta = leastSquares(X, y, 1e-6, base);
  // least absolute deviations by iteratively reweighted least squares
  for (let it = 0; v.lad && it < 20; it++) {
    const w = X.map((x, i) => base[i]! / Math.max(0.01, Math.abs(y[i]! - x.reduce((a, xj, j) => a + xj * beta[j]!, 0))));
    beta = leastSquares(X, y, 1e-6, w);
  }
  return beta;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

for (const [name, v] of Object.entries(VARIANTS)) {
  const models = new Map<number, number[]>();
  const at = (O: number) => models.get(O) ?? (models.set(O, fit(v, cases(O))), models.get(O)!);
  // absolute errors of forecasts from origin O, on observations after O up to `until` (and O + 8)
  const errors = (O: number, until: number, byHorizon?: number[][]) => {
    const beta = at(O), out: number[] = [];
    for (const e of economies) {
      if ((e.history[ID] ?? []).filter((p) => p.year <= O).length < 6) continue;
      const st = stateAt(e, O) ?? (() => { const s = screenSeries((e.history[ID] ?? []).filter((p) => p.year <= O)).points.at(-1)!; return { ...stateAt(e, s.year)!, year: s.year }; })();
      const rate = Math.max(0, row(v, st).reduce((a, x, j) => a + x * beta[j]!, 0));
      for (const p of e.history[ID] ?? []) {
        if (p.year <= O || p.year > Math.min(until, O + 8)) continue;
        const err = Math.abs(projectShare(st.level, rate, p.year - st.year) - p.value);
        out.push(err);
        byHorizon?.[p.year - O]?.push(err);
      }
    }
    return out;
  };
  const cells = VANTAGES.map((V) => {
    const inner: number[] = [];
    for (let O = V - 6; O <= V - 2; O++) inner.push(...errors(O, V));
    // horizon-balanced: origins V−10…V−1, the mean over horizons 1–8 of each horizon's median error
    const byH: number[][] = Array.from({ length: 9 }, () => []);
    for (let O = V - 10; O <= V - 1; O++) errors(O, V, byH);
    const balanced = byH.slice(1).filter((e) => e.length >= 20).map(median);
    const hb = balanced.reduce((a, x) => a + x, 0) / balanced.length;
    return `${V} test ${median(errors(V, Infinity)).toFixed(2)} inner ${median(inner).toFixed(3)} by horizon ${hb.toFixed(3)}`;
  });
  process.stdout.write(`${name.padEnd(46)} ${cells.join(' | ')}\n`);
}
