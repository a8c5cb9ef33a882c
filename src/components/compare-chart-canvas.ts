// Imperative overlay chart for the comparison (ECharts, the same tree-shaken build as the focus chart):
// current trends in grey dashes, one line per scenario with its own colour, dash pattern and symbol,
// the 2030 target as a mark line. Kept out of the reactive graph; the legend is HTML.
import { echarts, type EChartsType } from './charts/echarts.ts';
import { PALETTE } from './charts/palette.ts';
import { formatNumber } from '../lib/format.ts';
import { t } from '../i18n/runtime.ts';

export interface CompareStyle {
  /** Okabe–Ito hue of the theme in force, at least 3:1 against its background (palette.ts `compare`). */
  readonly color: string;
  /** Canvas / SVG dash pattern in px; empty = solid. */
  dash: readonly number[];
  symbol: 'circle' | 'rect' | 'triangle' | 'diamond';
  /** The style in words, for the legend's text: the catalogue key `compare.style.<words>` ("solid line, circles"). */
  words: 'solid' | 'dashed' | 'dotted' | 'dashDot';
}

/** One style per comparison slot (at most four scenarios). */
export const COMPARE_STYLES: readonly CompareStyle[] = [
  { get color() { return PALETTE.compare[0]; }, dash: [], symbol: 'circle', words: 'solid' },
  { get color() { return PALETTE.compare[1]; }, dash: [10, 5], symbol: 'rect', words: 'dashed' },
  { get color() { return PALETTE.compare[2]; }, dash: [2, 4], symbol: 'triangle', words: 'dotted' },
  { get color() { return PALETTE.compare[3]; }, dash: [8, 3, 2, 3], symbol: 'diamond', words: 'dashDot' },
];

/** A scenario line's style in words, in the active language: "solid line, circles". */
export function styleWords(style: CompareStyle): string {
  return t(`compare.style.${style.words}`);
}

/**
 * Current-trends lines: grey, dashed (another pattern for each further geography), with the words the
 * legend uses for each. None is dotted: dots are the 2030 target's line.
 */
export const TRENDS_STYLES: ReadonlyArray<{ dash: readonly number[]; words: 'dashed' | 'dashDot' | 'longDashed' }> = [
  { dash: [6, 4], words: 'dashed' },
  { dash: [12, 3, 2, 3], words: 'dashDot' },
  { dash: [16, 5], words: 'longDashed' },
];
export const TRENDS_DASHES: readonly (readonly number[])[] = TRENDS_STYLES.map((s) => s.dash);

/** The legend's words for a current-trends line's dash pattern. */
export function trendsWords(dash: readonly number[]): string {
  return t(`compare.trendStyle.${TRENDS_STYLES.find((s) => s.dash.join() === dash.join())?.words ?? 'dashed'}`);
}

export interface CompareLine {
  name: string;
  points: Array<[number, number]>;
}

export interface CompareChartData {
  unit: string;
  digits: number;
  trends: Array<CompareLine & { dash: readonly number[] }>;
  scenarios: Array<CompareLine & { style: CompareStyle }>;
  target: number | null;
  targetLabel: string;
  targetYear: number;
  xMin: number;
  xMax: number;
  yMin?: number;
  yMax?: number;
}

function fmt(v: number, digits: number): string {
  return formatNumber(v, digits, Math.min(digits, 1));
}

export class CompareChart {
  #chart: EChartsType;
  #observer: ResizeObserver;

  constructor(el: HTMLElement) {
    this.#chart = echarts.init(el, undefined, { renderer: 'canvas' });
    this.#observer = new ResizeObserver(() => this.#chart.resize());
    this.#observer.observe(el);
  }

  update(d: CompareChartData): void {
    const unitSuffix = d.unit.startsWith('%') ? '%' : '';
    const marks = {
      silent: true,
      symbol: 'none',
      data: [
        ...(d.target === null
          ? []
          : [{ yAxis: d.target, lineStyle: { color: PALETTE.target, type: [2, 3], width: 2 }, label: { formatter: d.targetLabel, color: PALETTE.target, position: 'insideEndTop' } }]),
        { xAxis: d.targetYear, lineStyle: { color: PALETTE.grid, type: 'solid', width: 1 }, label: { show: false } },
      ],
    };
    const trends = d.trends.map((tr, i) => ({
      name: tr.name,
      type: 'line',
      data: tr.points,
      symbol: 'none',
      z: 2,
      lineStyle: { color: PALETTE.trends, type: [...tr.dash], width: 2 },
      itemStyle: { color: PALETTE.trends },
      ...(i === 0 ? { markLine: marks } : {}),
    }));
    const scenarios = d.scenarios.map((s, i) => ({
      name: s.name,
      type: 'line',
      data: s.points,
      symbol: s.style.symbol,
      symbolSize: s.style.symbol === 'circle' ? 6 : 7,
      showAllSymbol: true,
      z: 3 + i,
      lineStyle: { color: s.style.color, type: s.style.dash.length ? [...s.style.dash] : 'solid', width: 2.5 },
      itemStyle: { color: s.style.color },
      ...(trends.length === 0 && i === 0 ? { markLine: marks } : {}),
    }));
    this.#chart.setOption(
      {
        animation: false,
        textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13, color: PALETTE.axis },
        grid: { left: 56, right: 24, top: 30, bottom: 28, containLabel: false },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? `${fmt(v, d.digits)}${unitSuffix}` : String(v)),
        },
        xAxis: {
          type: 'value',
          min: d.xMin,
          max: d.xMax,
          minInterval: 1,
          axisLabel: { formatter: (v: number) => String(v) },
          // The tooltip's heading is the year: "2034", not the value-axis default "2,034.00".
          axisPointer: { label: { formatter: (p: { value: unknown }) => String(Math.round(Number(p.value))) } },
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
        series: [...trends, ...scenarios],
      },
      { notMerge: true, lazyUpdate: false },
    );
  }

  dispose(): void {
    this.#observer.disconnect();
    this.#chart.dispose();
  }
}
