// The data of one projection chart: the on-screen focus chart (FocusSvg) and the exports
// (export-chart.ts) draw the same series.
export interface ChartSeriesData {
  title: string;
  unit: string;
  digits: number;
  years: number[];
  trends: number[];
  scenario: number[];
  p10?: number[] | undefined;
  p90?: number[] | undefined;
  history: Array<{ year: number; value: number }>;
  target: number;
  targetLabel: string;
  yMin?: number;
  yMax?: number;
}
