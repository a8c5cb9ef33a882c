// Imperative projection chart (ECharts): history points, current trends, scenario, p10–p90 band and
// the 2030 target. Driven by a small Svelte component; kept out of the reactive graph.
import { echarts, type EChartsType } from './echarts.ts';
import { PALETTE } from './palette.ts';

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

function fmt(v: number, digits: number): string {
  return v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 1) });
}

export class ProjectionChart {
  #chart: EChartsType;
  #observer: ResizeObserver;

  constructor(el: HTMLElement) {
    this.#chart = echarts.init(el, undefined, { renderer: 'canvas' });
    this.#observer = new ResizeObserver(() => this.#chart.resize());
    this.#observer.observe(el);
  }

  update(d: ChartSeriesData): void {
    const first = Math.min(d.years[0] ?? 2025, ...d.history.map((h) => h.year));
    const pair = (ys: number[] | undefined) => (ys ? d.years.map((y, i) => [y, ys[i]!]) : []);
    const band = d.p10 && d.p90;
    this.#chart.setOption(
      {
        animation: false,
        textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13, color: PALETTE.axis },
        grid: { left: 56, right: 24, top: 28, bottom: 28, containLabel: false },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? `${fmt(v, d.digits)} ${d.unit}` : String(v)),
        },
        xAxis: {
          type: 'value',
          min: Math.max(first, (d.years[0] ?? 2025) - 15),
          max: d.years.at(-1) ?? 2035,
          interval: 5,
          axisLabel: { formatter: (v: number) => String(v) },
          splitLine: { show: false },
        },
        yAxis: {
          type: 'value',
          name: d.unit,
          nameTextStyle: { align: 'left', padding: [0, 0, 0, -40] },
          min: d.yMin,
          max: d.yMax,
          scale: d.yMin === undefined,
          splitLine: { lineStyle: { color: PALETTE.grid } },
        },
        series: [
          { name: 'p10–p90 low', type: 'line', data: band ? pair(d.p10) : [], stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
          {
            name: 'p10–p90',
            type: 'line',
            data: band ? d.years.map((y, i) => [y, d.p90![i]! - d.p10![i]!]) : [],
            stack: 'band',
            lineStyle: { opacity: 0 },
            areaStyle: { color: PALETTE.band },
            itemStyle: { color: PALETTE.band },
            symbol: 'none',
            silent: true,
            tooltip: { show: false },
          },
          { name: 'History', type: 'scatter', data: d.history.map((h) => [h.year, h.value]), symbolSize: 6, itemStyle: { color: PALETTE.history } },
          { name: 'Current trends', type: 'line', data: pair(d.trends), symbol: 'none', lineStyle: { color: PALETTE.trends, type: 'dashed', width: 2 }, itemStyle: { color: PALETTE.trends } },
          {
            name: 'Scenario',
            type: 'line',
            data: pair(d.scenario),
            symbol: 'circle',
            symbolSize: 5,
            lineStyle: { color: PALETTE.scenario, width: 3 },
            itemStyle: { color: PALETTE.scenario },
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: PALETTE.target, type: 'dotted', width: 2 },
              label: { formatter: d.targetLabel, color: PALETTE.target, position: 'insideEndTop' },
              data: [{ yAxis: d.target }],
            },
          },
        ],
      },
      { notMerge: false, lazyUpdate: false },
    );
  }

  dispose(): void {
    this.#observer.disconnect();
    this.#chart.dispose();
  }
}
