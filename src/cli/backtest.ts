// Back-test of current trends: calibrate on Internet-use history up to 2015 (World and the four
// income groups), project to 2023 through the same custom-geography path any user can take, and
// compare the mean absolute error with a naive linear trend fitted to the same ten years.
import history from '../model/data/generated/internet-use-history.json';
import { project } from '../model/index.ts';
import { linearTrend, pointsUpTo } from '../model/calibrate.ts';

export interface BacktestRow {
  series: string;
  modelMae: number;
  linearMae: number;
  years: number[];
  actual: number[];
  model: number[];
  linear: number[];
}

export const BACKTEST_BASE_YEAR = 2015;
export const BACKTEST_END_YEAR = 2023;

/** Runs the back-test for every series in the consistent history file. */
export async function runBacktest(baseYear = BACKTEST_BASE_YEAR, endYear = BACKTEST_END_YEAR): Promise<BacktestRow[]> {
  const series = (history as { series: Record<string, Record<string, number>> }).series;
  const rows: BacktestRow[] = [];
  for (const [name, values] of Object.entries(series)) {
    const known = Object.fromEntries(Object.entries(values).filter(([y]) => Number(y) <= baseYear));
    const result = await project({
      geography: {
        id: `backtest-${name}`,
        name,
        inheritFrom: 'world',
        baseYear,
        indicators: { internetUse: { history: known } },
      },
      uncertainty: false,
    });
    const use = result.indicators.find((i) => i.id === 'internetUse')!;
    const line = linearTrend(pointsUpTo(known, baseYear), 10)!;
    const years: number[] = [];
    const actual: number[] = [];
    const model: number[] = [];
    const linear: number[] = [];
    for (let y = baseYear + 1; y <= endYear; y++) {
      const a = values[String(y)];
      if (a === undefined) continue;
      years.push(y);
      actual.push(a);
      model.push(use.baseline[y - baseYear]!);
      linear.push(Math.min(100, line(y)));
    }
    const mae = (xs: number[]) => xs.reduce((s, x, i) => s + Math.abs(x - actual[i]!), 0) / xs.length;
    rows.push({ series: name, modelMae: mae(model), linearMae: mae(linear), years, actual, model, linear });
  }
  return rows;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Prints the table and the verdicts; returns 0 when both targets hold. */
export async function main(out: (t: string) => void): Promise<number> {
  const rows = await runBacktest();
  out(`Back-test: Internet use (% of population), calibrated on history to ${BACKTEST_BASE_YEAR}, projected ${BACKTEST_BASE_YEAR + 1}–${BACKTEST_END_YEAR}\n`);
  out(`${'series'.padEnd(30)} ${'model MAE'.padStart(10)} ${'linear MAE'.padStart(11)}  model 2023  linear 2023  actual 2023\n`);
  for (const r of rows) {
    out(`${r.series.padEnd(30)} ${r.modelMae.toFixed(2).padStart(10)} ${r.linearMae.toFixed(2).padStart(11)}  ${r.model.at(-1)!.toFixed(1).padStart(10)}  ${r.linear.at(-1)!.toFixed(1).padStart(11)}  ${r.actual.at(-1)!.toFixed(1).padStart(11)}\n`);
  }
  const mModel = median(rows.map((r) => r.modelMae));
  const mLinear = median(rows.map((r) => r.linearMae));
  const world = rows.find((r) => r.series === 'World')!;
  const beat = mModel < mLinear;
  const worldOk = world.modelMae < 3;
  out(`median MAE: model ${mModel.toFixed(2)} vs linear ${mLinear.toFixed(2)} points -> ${beat ? 'PASS' : 'FAIL'} (model must beat the linear trend)\n`);
  out(`World MAE: ${world.modelMae.toFixed(2)} points -> ${worldOk ? 'PASS' : 'FAIL'} (must stay under 3)\n`);
  return beat && worldOk ? 0 : 1;
}
