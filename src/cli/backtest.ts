// Rolling-origin back-test of current trends (`npm run backtest`): for vantage years 2012, 2015 and
// 2018, every economy with at least six observations up to the vantage year becomes a custom geography
// that knows only its history to then (the path any user can take), is projected through the model,
// and is scored on the held-back years 1–8 ahead against a linear trend and the last value carried
// forward: median absolute error, bias, p10–p90 coverage and the Brier score of held-back events.
import { linearTrend, type Point } from '../model/calibrate.ts';
import {
  listGeographies,
  monteCarloPaths,
  prepareGeography,
  project,
  validateInputs,
  type CustomGeographyDef,
  type IndicatorId,
} from '../model/index.ts';
import { AGGREGATE_NAMES, REGION_IDS } from '../model/geography-ids.ts';
import { peerGroupOf, PEER_GROUP_NAMES, type PeerGroup } from '../model/trend-tables.ts';
import { FULL_SHARE, ownSlope, projectShare, screenSeries } from '../model/trends.ts';
import { mulberry32 } from '../model/random.ts';

export const VANTAGES = [2012, 2015, 2018] as const;
export const HORIZON = 8;
export const MIN_OBSERVATIONS = 6;
export const BACKTEST_INDICATORS = ['internetUse', 'households', 'mobileOwnership', 'coverage4g'] as const satisfies readonly IndicatorId[];
/** Levels whose crossing is scored as a held-back event ("reached X by year Y"). */
export const EVENT_LEVELS = [25, 50, 75, 90] as const;
/** The level at which a universal target counts as met (targets.ts): scored apart, as P(meet) near saturation. */
export const UNIVERSAL_LEVEL = 99.5;
export const METHODS = ['model', 'own logit', 'linear', 'last value'] as const;
export type Method = (typeof METHODS)[number];
type BtIndicator = (typeof BACKTEST_INDICATORS)[number];

/** One held-back observation and each method's forecast of it. */
export interface ScoredPoint {
  economy: string;
  income: PeerGroup;
  region: string;
  indicator: BtIndicator;
  vantage: number;
  horizon: number;
  actual: number;
  forecast: Record<Method, number>;
  p10: number;
  p90: number;
  /** Share of the Monte Carlo draws below FULL (99.95) in the held-back year: the forecast's P(not full). */
  belowFull: number;
  /** The last observation at the vantage year (the level the forecast starts from). */
  from: number;
  /** True when the held-back value is an ITU estimate rather than a national figure (undefined: not known). */
  estimate?: boolean;
}

/** One held-back event: did the indicator reach `level` by `year`, and each method's probability of it. */
export interface ScoredEvent {
  income: PeerGroup;
  region: string;
  indicator: BtIndicator;
  happened: boolean;
  probability: Record<Method, number>;
}

export interface BacktestData {
  points: ScoredPoint[];
  events: ScoredEvent[];
  /** "At or above 99.5 in a held-back year" for series below it at the vantage: P(meet) of a universal target. */
  universal: ScoredEvent[];
  economies: number;
}

export interface BacktestOptions {
  vantages?: readonly number[];
  /** Restrict to these economies (ISO3), for tests. */
  only?: readonly string[];
  draws?: number;
  indicators?: readonly BtIndicator[];
  /**
   * Held-back values that are ITU's own estimates, as `ISO3:indicator:year` (scripts/backtest.ts reads them
   * from the source extract): they are scored apart from the nationally reported values, since an ITU
   * estimate is itself partly a trend model's output.
   */
  estimates?: ReadonlySet<string>;
}

/** Runs the back-test and returns every scored point and event. */
export async function runBacktest(opts: BacktestOptions = {}): Promise<BacktestData> {
  const vantages = opts.vantages ?? VANTAGES;
  const draws = opts.draws ?? 1000;
  const indicators = opts.indicators ?? BACKTEST_INDICATORS;
  const points: ScoredPoint[] = [];
  const events: ScoredEvent[] = [];
  const universal: ScoredEvent[] = [];
  const seen = new Set<string>();
  const economies = listGeographies().filter((g) => g.kind === 'country' && (!opts.only || opts.only.includes(g.id)));
  for (const econ of economies) {
    const full = await prepareGeography(econ.id);
    const income = peerGroupOf(econ.id);
    for (const V of vantages) {
      const known: Partial<Record<BtIndicator, Point[]>> = {};
      const def: CustomGeographyDef = { id: `backtest-${econ.id}-${V}`, name: `${econ.name} to ${V}`, inheritFrom: econ.id, baseYear: V, indicators: {} };
      for (const id of indicators) {
        // only the economy's own series: an inherited one is its region's aggregate, not a test of the model
        if (full.geography.history[id]?.inheritedFrom) continue;
        const pts = (full.history[id] ?? []).filter((p) => p.year <= V);
        if (pts.length < MIN_OBSERVATIONS) continue;
        known[id] = pts;
        def.indicators![id] = { history: Object.fromEntries(pts.map((p) => [String(p.year), p.value])) };
      }
      if (Object.keys(known).length === 0) continue;
      seen.add(econ.id);
      const result = await project({ geography: def, draws, uncertainty: true });
      const compiled = await prepareGeography(def);
      const central = validateInputs({ geography: def }, V).params;
      for (const id of Object.keys(known) as BtIndicator[]) {
        const pts = known[id]!;
        const ind = result.indicators.find((i) => i.id === id)!;
        const line = linearTrend(pts, 10)!;
        const last = pts.at(-1)!.value;
        // an unpooled baseline: the economy's own logit slope on its screened last eight years
        const screened = screenSeries(pts, { jumps: id !== 'coverage4g' });
        const ownRate = ownSlope(screened.points).slope;
        const own = (year: number) => projectShare(screened.points.at(-1)!.value, Number.isFinite(ownRate) ? ownRate : 0, year - screened.points.at(-1)!.year);
        const paths = monteCarloPaths(compiled.engine, central, draws, result.seed, id);
        const Y = compiled.engine.years;
        const actuals = (full.history[id] ?? []).filter((p) => p.year > V && p.year <= V + HORIZON);
        for (const a of actuals) {
          const t = a.year - V;
          let below = 0;
          for (let d = 0; d < draws; d++) if (paths[d * Y + t]! < FULL_SHARE) below++;
          points.push({
            economy: econ.id, income, region: econ.region ?? 'unknown', indicator: id, vantage: V, horizon: t, actual: a.value,
            forecast: { model: ind.baseline[t]!, 'own logit': own(a.year), linear: Math.min(100, Math.max(0, line(a.year))), 'last value': last },
            p10: ind.p10![t]!, p90: ind.p90![t]!, belowFull: below / draws, from: last,
            ...(opts.estimates ? { estimate: opts.estimates.has(`${econ.id}:${id}:${a.year}`) } : {}),
          });
          if (last < UNIVERSAL_LEVEL) {
            let hits = 0;
            for (let d = 0; d < draws; d++) if (paths[d * Y + t]! >= UNIVERSAL_LEVEL) hits++;
            universal.push({
              income, region: econ.region ?? 'unknown', indicator: id, happened: a.value >= UNIVERSAL_LEVEL,
              probability: { model: hits / draws, 'own logit': own(a.year) >= UNIVERSAL_LEVEL ? 1 : 0, linear: line(a.year) >= UNIVERSAL_LEVEL ? 1 : 0, 'last value': 0 },
            });
          }
          for (const level of EVENT_LEVELS) {
            if (last >= level) continue;
            let hits = 0;
            for (let d = 0; d < draws; d++) if (paths[d * Y + t]! >= level) hits++;
            events.push({
              income, region: econ.region ?? 'unknown', indicator: id, happened: a.value >= level,
              probability: { model: hits / draws, 'own logit': own(a.year) >= level ? 1 : 0, linear: line(a.year) >= level ? 1 : 0, 'last value': 0 },
            });
          }
        }
      }
    }
  }
  return { points, events, universal, economies: seen.size };
}

/** Levels the forecast starts from: bands near saturation are where P(meet) of a universal target is decided. */
const LEVEL_BANDS: ReadonlyArray<readonly [number, number, string]> = [[0, 50, 'below 50%'], [50, 90, '50–90%'], [90, Infinity, '90% or more']];

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Scores {
  n: number;
  mae: Record<Method, number>;
  bias: Record<Method, number>;
  coverage: number;
  /** Sharpness: the median p10–p90 width (points) and the mean interval score at α = 0.2 (points). */
  width: number;
  intervalScore: number;
  brier: Record<Method, number>;
  events: number;
}

/** A p90 at or above this is a band that reaches full coverage (a logit band never reaches 100 exactly). */
export const FULL = FULL_SHARE;

/**
 * How far a realised value counts as inside the p10–p90 band, 0 to 1. A value below 100 counts 1 when
 * it lies between p10 and p90, else 0. A realised 100 is censored: ITU publishes coverage to one
 * decimal, so it says only that the true share is at least 99.95 (FULL). It counts as the forecast's own
 * probability of lying in the band given that it is at least 99.95, P(p10 ≤ Y ≤ p90 | Y ≥ 99.95) =
 * (0.9 − max(0.1, F)) / (1 − F) with F the share of draws below 99.95 (0 when p90 < 99.95): the
 * expected coverage indicator of the non-randomised PIT for censored outcomes (Czado, Gneiting & Held
 * 2009). A forecast already at full coverage then counts 0.8, not 1, so saturated series cannot
 * inflate the coverage.
 */
export function coverageWeight(p: Pick<ScoredPoint, 'actual' | 'p10' | 'p90' | 'belowFull'>): number {
  if (p.actual >= 100 - 1e-9) {
    if (p.p90 < FULL) return 0;
    const F = Math.min(p.belowFull, 0.9);
    return Math.max(0, 0.9 - Math.max(0.1, F)) / (1 - F);
  }
  return p.actual >= p.p10 - 1e-9 && p.actual <= p.p90 + 1e-9 ? 1 : 0;
}

/** Median absolute error, median signed error (forecast − actual), band coverage and Brier scores. */
export function score(points: readonly ScoredPoint[], events: readonly ScoredEvent[]): Scores {
  const by = (m: Method, f: (p: ScoredPoint) => number) => median(points.map(f));
  const mae = {} as Record<Method, number>;
  const bias = {} as Record<Method, number>;
  const brier = {} as Record<Method, number>;
  for (const m of METHODS) {
    mae[m] = by(m, (p) => Math.abs(p.forecast[m] - p.actual));
    bias[m] = by(m, (p) => p.forecast[m] - p.actual);
    brier[m] = events.length ? events.reduce((s, e) => s + (e.probability[m] - (e.happened ? 1 : 0)) ** 2, 0) / events.length : Number.NaN;
  }
  const inside = points.reduce((a, p) => a + coverageWeight(p), 0);
  const n = points.length;
  return {
    n, mae, bias, coverage: n ? inside / n : Number.NaN,
    width: median(points.map((p) => p.p90 - p.p10)),
    intervalScore: n ? points.reduce((a, p) => a + intervalScore(p), 0) / n : Number.NaN,
    brier, events: events.length,
  };
}

/**
 * The interval score of the p10–p90 band at α = 0.2 (Gneiting & Raftery 2007): its width plus 2/α times
 * how far the realised value falls outside it. Lower is better; it rewards a band that is narrow and
 * still covers, so coverage cannot be bought with width alone. A realised 100 above a p90 at 99.95 or more
 * is not a miss (it is censored there, see coverageWeight).
 */
export function intervalScore(p: Pick<ScoredPoint, 'actual' | 'p10' | 'p90'>): number {
  const miss = p.actual < p.p10 ? p.p10 - p.actual : p.actual > p.p90 && !(p.actual >= 100 - 1e-9 && p.p90 >= FULL) ? p.actual - p.p90 : 0;
  return p.p90 - p.p10 + (2 / 0.2) * miss;
}

/**
 * A bootstrap over economies (the unit that is sampled; an economy's held-back years are not
 * independent): the 5th and 95th percentiles of a statistic over `reps` resamples, seeded.
 */
export function economyBootstrap(points: readonly ScoredPoint[], stat: (pts: ScoredPoint[]) => number, reps = 1000, seed = 20151): [number, number] {
  const by = new Map<string, ScoredPoint[]>();
  for (const p of points) by.set(p.economy, [...(by.get(p.economy) ?? []), p]);
  const groups = [...by.values()];
  if (groups.length === 0) return [Number.NaN, Number.NaN];
  const rand = mulberry32(seed);
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const pts: ScoredPoint[] = [];
    for (let i = 0; i < groups.length; i++) pts.push(...groups[Math.floor(rand() * groups.length)]!);
    out.push(stat(pts));
  }
  out.sort((a, b) => a - b);
  return [out[Math.floor(0.05 * (reps - 1))]!, out[Math.ceil(0.95 * (reps - 1))]!];
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');

function table(title: string, rows: Array<[string, Scores]>): string {
  const head = `| ${title} | n | MAE model | MAE own logit | MAE linear | MAE last value | bias model | p10–p90 coverage | band width | interval score | Brier model | Brier own logit | Brier linear |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n`;
  return head + rows.map(([name, s]) => `| ${name} | ${s.n} | ${f2(s.mae.model)} | ${f2(s.mae['own logit'])} | ${f2(s.mae.linear)} | ${f2(s.mae['last value'])} | ${f2(s.bias.model)} | ${pct(s.coverage)} | ${f2(s.width)} | ${f2(s.intervalScore)} | ${f2(s.brier.model)} | ${f2(s.brier['own logit'])} | ${f2(s.brier.linear)} |`).join('\n') + '\n';
}

const INDICATOR_NAMES: Record<BtIndicator, string> = { internetUse: 'Internet use (1.7)', households: 'Households with Internet (1.3)', mobileOwnership: 'Mobile-phone ownership (1.4)', coverage4g: '4G coverage (1.1)' };

/** The report as Markdown: overall, by vantage, by horizon, by income group and by region, per indicator. */
export function report(data: BacktestData): string {
  const out: string[] = [];
  const { points, events } = data;
  const pick = <T extends { indicator: BtIndicator }>(xs: readonly T[], id: BtIndicator) => xs.filter((x) => x.indicator === id);
  out.push(table('indicator (all vantages)', BACKTEST_INDICATORS.map((id) => [INDICATOR_NAMES[id], score(pick(points, id), pick(events, id))])));
  for (const id of BACKTEST_INDICATORS) {
    const P = pick(points, id), E = pick(events, id);
    if (P.length === 0) continue;
    out.push(`\n### ${INDICATOR_NAMES[id]}\n`);
    out.push(table('vantage year', VANTAGES.map((v) => [String(v), score(P.filter((p) => p.vantage === v), [])] as [string, Scores]).filter(([, s]) => s.n > 0)));
    out.push('\n' + table('horizon (years)', Array.from({ length: HORIZON }, (_, i) => [String(i + 1), score(P.filter((p) => p.horizon === i + 1), [])] as [string, Scores]).filter(([, s]) => s.n > 0)));
    const groups: PeerGroup[] = ['low', 'lower-middle', 'upper-middle', 'high', 'all'];
    out.push('\n' + table('income group (World Bank FY2025)', groups.map((g) => [g === 'all' ? 'unclassified' : PEER_GROUP_NAMES[g], score(P.filter((p) => p.income === g), E.filter((e) => e.income === g))] as [string, Scores]).filter(([, s]) => s.n > 0)));
    out.push('\n' + table('last observation at the vantage year', LEVEL_BANDS.map(([lo, hi, name]) => [name, score(P.filter((p) => p.from >= lo && p.from < hi), [])] as [string, Scores]).filter(([, s]) => s.n > 0)));
    out.push('\n' + table('ITU region', REGION_IDS.map((r) => [AGGREGATE_NAMES[r], score(P.filter((p) => p.region === r), E.filter((e) => e.region === r))] as [string, Scores]).filter(([, s]) => s.n > 0)));
  }
  return out.join('');
}

export interface Verdict {
  ok: boolean;
  lines: string[];
}

/** The acceptance checks on Internet use from 2015 (the custom-geography back-test a user can rerun). */
export function verdict(data: BacktestData): Verdict {
  const P = data.points.filter((p) => p.indicator === 'internetUse' && p.vantage === 2015);
  const s = score(P, []);
  const gain = 1 - s.mae.model / s.mae.linear;
  const byH = Array.from({ length: HORIZON }, (_, i) => score(data.points.filter((p) => p.indicator === 'internetUse' && p.horizon === i + 1), []).coverage);
  const national = P.filter((p) => p.estimate === false);
  const [lo, hi] = economyBootstrap(P, (pts) => median(pts.map((p) => Math.abs(p.forecast.model - p.actual))));
  const [gLo, gHi] = economyBootstrap(P, (pts) => 1 - median(pts.map((p) => Math.abs(p.forecast.model - p.actual))) / median(pts.map((p) => Math.abs(p.forecast.linear - p.actual))));
  const lines = [
    `Internet use from 2015: median absolute error ${f2(s.mae.model)} points (≤ 3.2) ${s.mae.model <= 3.2 ? 'PASS' : 'FAIL'}`,
    `  90% interval over resampled economies (bootstrap, 1,000 resamples of ${new Set(P.map((p) => p.economy)).size} economies): ${f2(lo)} to ${f2(hi)} points; gain over a linear trend ${Math.round(gLo * 100)}% to ${Math.round(gHi * 100)}%`
      + (national.length ? `; on national figures only (not ITU estimates): ${f2(score(national, []).mae.model)} points over ${national.length} values` : ''),
    `  ${Math.round(gain * 100)}% better than a linear trend (${f2(s.mae.linear)}; at least 10%) ${gain >= 0.1 ? 'PASS' : 'FAIL'}; ${Math.round((1 - s.mae.model / s.mae['own logit']) * 100)}% better than its own unpooled logit trend (${f2(s.mae['own logit'])})`,
    `  p10–p90 covers ${pct(s.coverage)} of realised values (70–90%) ${s.coverage >= 0.7 && s.coverage <= 0.9 ? 'PASS' : 'FAIL'}`,
  ];
  for (const id of ['internetUse', 'households'] as const) {
    const mine = data.points.filter((p) => p.indicator === id && p.estimate !== undefined);
    if (mine.length === 0) continue;
    const part = (est: boolean) => {
      const sc = score(mine.filter((p) => p.estimate === est), []);
      return `${sc.n} values, median absolute error ${f2(sc.mae.model)} (linear ${f2(sc.mae.linear)}), coverage ${pct(sc.coverage)}`;
    };
    lines.push(`  ${INDICATOR_NAMES[id]}, all vantages, held-back values by source: national figures ${part(false)}; ITU estimates ${part(true)}`);
  }
  for (const id of BACKTEST_INDICATORS) {
    const u = data.universal.filter((e) => e.indicator === id && e.probability.model > 0);
    if (u.length < 20) continue;
    const mean = (f: (e: ScoredEvent) => number) => u.reduce((a, e) => a + f(e), 0) / u.length;
    const brier = (m: Method) => mean((e) => (e.probability[m] - (e.happened ? 1 : 0)) ** 2);
    lines.push(`  ${INDICATOR_NAMES[id]}, P(at or above ${UNIVERSAL_LEVEL}) where the model gives it a chance: ${u.length} held-back values, mean forecast ${pct(mean((e) => e.probability.model))} against ${pct(mean((e) => (e.happened ? 1 : 0)))} observed; Brier ${f2(brier('model'))} (a 0 forecast ${f2(brier('last value'))}, linear ${f2(brier('linear'))})`);
  }
  for (const id of BACKTEST_INDICATORS) {
    const at = (h: number) => data.points.filter((p) => p.indicator === id && p.horizon === h);
    const cov = Array.from({ length: HORIZON }, (_, i) => score(at(i + 1), []));
    const shown = cov.filter((c) => c.n >= 20).map((c) => c.coverage);
    if (shown.length === 0) continue;
    const mine = data.points.filter((p) => p.indicator === id);
    const vantages = [...new Set(mine.map((p) => p.vantage))].sort();
    const economies = new Set(mine.map((p) => p.economy)).size;
    const from = vantages.length === VANTAGES.length ? 'all vantages' : `${vantages.join(', ')} vantage${vantages.length > 1 ? 's' : ''} only; ${economies} economies`;
    const row = (f: (pts: ScoredPoint[]) => string) => Array.from({ length: HORIZON }, (_, i) => (cov[i]!.n >= 20 ? f(at(i + 1)) : '–')).join(' ');
    lines.push(`${INDICATOR_NAMES[id]}, p10–p90 coverage by horizon 1–8 (${from}; horizons with 20+ values): ${cov.map((c) => (c.n >= 20 ? pct(c.coverage) : '–')).join(' ')} (70–90%) ${shown.every((c) => c >= 0.7 && c <= 0.9) ? 'PASS' : 'FAIL'}`);
    if (mine.some((p) => p.actual >= 100 - 1e-9)) {
      const share = (pts: ScoredPoint[], f: (p: ScoredPoint) => boolean) => pct(pts.filter(f).length / pts.length);
      lines.push(`  realised at exactly 100: ${row((pts) => String(pts.filter((p) => p.actual >= 100 - 1e-9).length))}; below p10: ${row((pts) => share(pts, (p) => p.actual < p.p10 - 1e-9))}; above p90 where p90 < ${FULL}: ${row((pts) => { const open = pts.filter((p) => p.p90 < FULL); return open.length ? share(open, (p) => p.actual > p.p90 + 1e-9) : '–'; })}; without the censoring rule: ${row((pts) => share(pts, (p) => p.actual >= p.p10 - 1e-9 && p.actual <= p.p90 + 1e-9))}`);
    }
  }
  return { ok: lines.every((l) => !l.endsWith('FAIL')), lines };
}

export const VALIDATION_COMMAND = 'npm run backtest';

/** Runs everything, prints the report and the verdicts, and returns the Markdown for docs/VALIDATION.md. */
export async function main(out: (t: string) => void, estimates?: ReadonlySet<string>): Promise<{ code: number; markdown: string }> {
  const started = Date.now();
  const data = await runBacktest(estimates ? { estimates } : {});
  const body = report(data);
  const v = verdict(data);
  out(body);
  out(`\n${v.lines.join('\n')}\n`);
  out(`(${data.economies} economies, ${data.points.length} held-back observations, ${data.events.length} events, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const markdown = `# Validation: rolling-origin back-test of current trends

Made by \`${VALIDATION_COMMAND}\` (src/cli/backtest.ts); do not edit by hand. Model ${await modelVersion()}.

**Set-up.** For each vantage year ${VANTAGES.join(', ')}, every economy with at least ${MIN_OBSERVATIONS} observations of an
indicator up to that year becomes a custom geography that knows only its history to then (base year =
vantage year), and is projected through the model exactly as a user's custom geography is. The
pooled-trend tables it uses are those of the vantage year, estimated from data up to that year only
(4G coverage before 2016 and ownership before 2019 borrow the earliest later table: docs/MODEL.md §3.1).
**Read these figures as after selection:** the model's form and its band rules were chosen while looking
at these three vantages (docs/MODEL.md §5), so they flatter it somewhat; the rules are now fixed.
Each held-back ITU observation 1–${HORIZON} years ahead is scored. **Baselines:** a linear trend fitted to the
last ten years, and the last value carried forward. **MAE** is the median absolute error (points), **bias**
the median of forecast − actual, **coverage** the share of realised values inside the model's p10–p90
band (nominal 80%; a realised 100 is censored, since ITU publishes one decimal and the logit band never
reaches 100: it counts as the forecast's own probability of lying in the band given a value of at least
99.95, (0.9 − max(0.1, F)) / (1 − F) with F the share of draws below 99.95, or 0 when p90 < 99.95, so a
series already at full coverage counts 0.8, not 1; other edges are taken as they are), **band width** the median p90 − p10 (points) and **interval score** the mean of the width plus 10 times any miss
(Gneiting & Raftery 2007, α = 0.2; lower is better, so width cannot buy coverage unseen), and **Brier** the mean squared error of the probability that the indicator has
reached 25, 50, 75 or 90 by a held-back year, over events not reached at the vantage year (the baselines'
probabilities are 0 or 1). Held-back values are also scored by source: national figures apart from ITU's own
estimates (the \`source\` column of ITU's extract, data/sources/itu-country-series.csv), since an estimate is
itself partly a trend model's output and could flatter a trend forecast.

${data.economies} economies, ${data.points.length} held-back observations, ${data.events.length} events.

${v.lines.map((l) => `- ${l}`).join('\n')}

${body}`;
  return { code: v.ok ? 0 : 1, markdown };
}

async function modelVersion(): Promise<string> {
  const { MODEL_VERSION } = await import('../model/constants.ts');
  return MODEL_VERSION;
}
