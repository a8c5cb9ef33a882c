// The projector version of the projection chart (ECharts, tree-shaken): large type, thick lines and
// strong colours on white. On a slide change the scenario line grows out of the current-trends line
// over ANIMATION_MS (interpolated frame by frame), unless the user prefers reduced motion.
import { t } from '../i18n/runtime.ts';
import { echarts, type EChartsType } from './charts/echarts.ts';
import { ANIMATION_MS, interpolate } from '../state/presentation.svelte.ts';
import { formatNumber } from '../lib/format.ts';

export const PROJECTOR = {
  scenario: '#003f88',
  trends: '#333333',
  target: '#a13000',
  history: '#000000',
  grid: '#b8c0c8',
  axis: '#1a1a1a',
} as const;

export interface SlideChartData {
  unit: string;
  digits: number;
  years: number[];
  trends: number[];
  scenario: number[];
  history: Array<{ year: number; value: number }>;
  target: number;
  targetLabel: string;
  yMin?: number;
  yMax?: number;
}

function fmt(v: number, digits: number): string {
  return formatNumber(v, Math.min(digits, 2));
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class SlideChartCanvas {
  #el: HTMLElement;
  #chart: EChartsType;
  #observer: ResizeObserver;
  #data: SlideChartData | null = null;
  #frame = 0;
  #progress = 1;

  constructor(el: HTMLElement) {
    this.#el = el;
    this.#chart = echarts.init(el, undefined, { renderer: 'canvas' });
    this.#observer = new ResizeObserver(() => {
      this.#chart.resize();
      if (this.#data) this.#draw(this.#progress);
    });
    this.#observer.observe(el);
  }

  /** Shows new data; `animate` grows the scenario line out of the trends line. */
  update(d: SlideChartData, animate: boolean): void {
    this.#data = d;
    cancelAnimationFrame(this.#frame);
    if (!animate || prefersReducedMotion()) {
      this.#progress = 1;
      this.#draw(1);
      return;
    }
    const t0 = performance.now();
    const step = (now: number) => {
      this.#progress = Math.min(1, (now - t0) / ANIMATION_MS);
      this.#draw(this.#progress);
      if (this.#progress < 1) this.#frame = requestAnimationFrame(step);
    };
    this.#progress = 0;
    this.#draw(0);
    this.#frame = requestAnimationFrame(step);
  }

  #draw(progress: number): void {
    const d = this.#data;
    if (!d) return;
    const px = Number.parseFloat(getComputedStyle(this.#el).fontSize) || 18;
    const first = Math.min(d.years[0] ?? 2025, ...d.history.map((h) => h.year));
    const pair = (ys: readonly number[]) => d.years.map((y, i) => [y, ys[i]!]);
    const scenario = progress >= 1 ? d.scenario : interpolate(d.trends, d.scenario, progress);
    const label = Math.round(px * 0.8);
    this.#chart.setOption(
      {
        animation: false,
        textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: label, color: PROJECTOR.axis },
        grid: { left: Math.round(px * 3.4), right: Math.round(px * 1.2), top: Math.round(px * 1.7), bottom: Math.round(px * 1.6), containLabel: false },
        xAxis: {
          type: 'value',
          min: Math.max(first, (d.years[0] ?? 2025) - 10),
          max: d.years.at(-1) ?? 2035,
          interval: 5,
          axisLabel: { formatter: (v: number) => String(v), fontSize: label, color: PROJECTOR.axis },
          axisLine: { lineStyle: { color: PROJECTOR.axis, width: 2 } },
          splitLine: { show: false },
        },
        yAxis: {
          type: 'value',
          min: d.yMin,
          max: d.yMax,
          scale: d.yMin === undefined,
          axisLabel: { fontSize: label, color: PROJECTOR.axis, formatter: (v: number) => fmt(v, d.digits) },
          splitLine: { lineStyle: { color: PROJECTOR.grid } },
        },
        series: [
          { name: t('slide.legend.history'), type: 'scatter', data: d.history.map((h) => [h.year, h.value]), symbolSize: Math.round(px * 0.45), itemStyle: { color: PROJECTOR.history }, silent: true },
          { name: t('slide.legend.trends'), type: 'line', data: pair(d.trends), symbol: 'none', silent: true, lineStyle: { color: PROJECTOR.trends, type: [8, 6], width: 3 } },
          {
            name: t('slide.legend.scenario'),
            type: 'line',
            data: pair(scenario),
            symbol: 'none',
            silent: true,
            lineStyle: { color: PROJECTOR.scenario, width: 5 },
            markLine: {
              silent: true,
              symbol: 'none',
              animation: false,
              lineStyle: { color: PROJECTOR.target, type: [3, 5], width: 3 },
              label: { formatter: d.targetLabel, color: PROJECTOR.target, position: 'insideStartTop', fontSize: label, fontWeight: 700 },
              data: [{ yAxis: d.target }],
            },
          },
        ],
      },
      { notMerge: false, lazyUpdate: false },
    );
  }

  dispose(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer.disconnect();
    this.#chart.dispose();
  }
}
