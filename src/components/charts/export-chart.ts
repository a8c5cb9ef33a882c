// Charts as standalone SVG documents, built from the data (not from the on-screen canvas): title,
// units, axes, the lines, the p10–p90 band, the 2030 target, a legend and a source line. Every piece
// of text is escaped (scenario names are user text) and stays text. Pure: no DOM, so the report, the
// PNG export (which rasterises this SVG) and the Node tests use the same code.
import type { IndicatorResult, ProjectionResult } from '../../model/project.ts';
import { INDICATOR_BY_ID } from '../../model/registry/indicators.ts';
import { targetText } from '../describe.ts';
import type { ChartSeriesData } from './line-chart.ts';
import type { CompareChartData } from '../compare-chart-canvas.ts';
import { PALETTE } from './palette.ts';
import { formatNumber } from '../../lib/format.ts';
import { t } from '../../i18n/runtime.ts';
import { keys } from '../../i18n/keys.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

// ---- text -----------------------------------------------------------------------------------------

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Rough advance width of a text in a sans-serif face, in px (for wrapping and legend layout). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    if (/[ilj.,:;'|!It\u2019\u201c\u201d()[\]]/.test(ch)) w += 0.3;
    else if (ch === ' ') w += 0.28;
    else if (/[fr\-–]/.test(ch)) w += 0.4;
    else if (/[mwMW@%]/.test(ch)) w += 0.88;
    else if (/[A-Z]/.test(ch)) w += 0.68;
    else if (/[0-9]/.test(ch)) w += 0.56;
    else w += 0.55;
  }
  return w * size * 1.06;
}

/** Measures a text's advance width in px at a font size (bold or not). */
export type Measure = (text: string, size: number, bold?: boolean) => number;

/** Greedy word wrap to a width; a word longer than a line is cut. */
export function wrapText(text: string, size: number, width: number, maxLines = 4, measure: Measure = textWidth): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (measure(word, size) > width && word.length > 1) {
      // hard-cut an overlong word
      let n = word.length - 1;
      while (n > 1 && measure(word.slice(0, n), size) > width) n--;
      if (line) lines.push(line);
      lines.push(word.slice(0, n));
      line = '';
      word = word.slice(n);
    }
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s*\S*$/, '')}…`;
    return kept;
  }
  return lines;
}

const n1 = (v: number) => (Math.round(v * 10) / 10).toString();

// ---- scales ---------------------------------------------------------------------------------------

/** "Nice" axis ticks covering [min, max]: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): { min: number; max: number; step: number; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1] };
  if (max - min < 1e-9) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.05 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) ?? 10 * mag;
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step * 1e-6; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: lo, max: hi, step, ticks };
}

/** Decimal places a tick step needs: 20 → 0, 0.25 → 2, 0.005 → 3. */
function tickDigits(step: number): number {
  const s = String(Number(step.toPrecision(6)));
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : Math.min(4, s.length - dot - 1);
}

// ---- figure model ---------------------------------------------------------------------------------

export type Marker = 'circle' | 'rect' | 'triangle' | 'diamond';

export interface FigureLine {
  kind: 'line';
  name: string;
  color: string;
  width: number;
  dash?: readonly number[];
  marker?: Marker;
  markerSize?: number;
  points: ReadonlyArray<readonly [number, number]>;
}
export interface FigurePoints {
  kind: 'points';
  name: string;
  color: string;
  radius: number;
  points: ReadonlyArray<readonly [number, number]>;
}
export interface FigureBand {
  kind: 'band';
  name: string;
  color: string;
  upper: ReadonlyArray<readonly [number, number]>;
  lower: ReadonlyArray<readonly [number, number]>;
}
export type FigureSeries = FigureLine | FigurePoints | FigureBand;

export interface FigureSpec {
  title: string;
  /** Second heading line: the unit (and for example the geography). */
  subtitle: string;
  /** The unit, shown above the value axis. */
  unit: string;
  /** Text equivalent (the SVG's <desc>). */
  description: string;
  /** Shown under the chart; omitted in compact figures. */
  source?: string;
  series: FigureSeries[];
  /** Horizontal target lines (a band target has two), labelled once. */
  target?: { values: number[]; label: string; legend: string } | null;
  /** A vertical rule (the target year). */
  markX?: number | null;
  xMin: number;
  xMax: number;
  xStep?: number;
  yMin?: number | undefined;
  yMax?: number | undefined;
  /** Decimal places of the values (for the value-axis labels' upper bound). */
  digits: number;
}

export interface FigureLayout {
  width: number;
  /** Height of the plotting area's box (axes included), as on screen. */
  plotHeight: number;
  /** Small multiples: smaller type, no legend, no source line. */
  compact?: boolean;
  /** Standalone document (XML declaration) rather than inline markup. */
  standalone?: boolean;
  /** Text measurement (in the browser, the canvas's); a per-character estimate otherwise. */
  measure?: Measure;
}

export interface BuiltFigure {
  svg: string;
  width: number;
  height: number;
}

function dashAttr(dash: readonly number[] | undefined): string {
  return dash && dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : '';
}

function markerSvg(m: Marker, x: number, y: number, size: number, color: string): string {
  const r = size / 2;
  switch (m) {
    case 'circle':
      return `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(r)}" fill="${color}"/>`;
    case 'rect':
      return `<rect x="${n1(x - r)}" y="${n1(y - r)}" width="${n1(size)}" height="${n1(size)}" fill="${color}"/>`;
    case 'triangle':
      return `<path d="M${n1(x)} ${n1(y - r * 1.1)}L${n1(x + r)} ${n1(y + r * 0.8)}L${n1(x - r)} ${n1(y + r * 0.8)}Z" fill="${color}"/>`;
    case 'diamond':
      return `<path d="M${n1(x)} ${n1(y - r * 1.2)}L${n1(x + r)} ${n1(y)}L${n1(x)} ${n1(y + r * 1.2)}L${n1(x - r)} ${n1(y)}Z" fill="${color}"/>`;
  }
}

interface LegendItem {
  label: string;
  swatch: (x: number, y: number) => string;
  width: number;
}

function legendItems(spec: FigureSpec): LegendItem[] {
  const items: LegendItem[] = [];
  for (const s of spec.series) {
    if (s.kind === 'points') items.push({ label: s.name, width: 12, swatch: (x, y) => `<circle cx="${n1(x + 6)}" cy="${n1(y)}" r="3.5" fill="${s.color}"/>` });
    else if (s.kind === 'band') items.push({ label: s.name, width: 20, swatch: (x, y) => `<rect x="${n1(x)}" y="${n1(y - 5)}" width="20" height="10" fill="${s.color}"/>` });
    else
      items.push({
        label: s.name,
        width: 30,
        swatch: (x, y) =>
          `<line x1="${n1(x)}" x2="${n1(x + 30)}" y1="${n1(y)}" y2="${n1(y)}" stroke="${s.color}" stroke-width="${s.width}"${dashAttr(s.dash)}/>` +
          (s.marker ? markerSvg(s.marker, x + 15, y, Math.max(6, s.markerSize ?? 6), s.color) : ''),
      });
  }
  if (spec.target) {
    items.push({
      label: spec.target.legend,
      width: 30,
      swatch: (x, y) => `<line x1="${n1(x)}" x2="${n1(x + 30)}" y1="${n1(y)}" y2="${n1(y)}" stroke="${PALETTE.target}" stroke-width="2" stroke-dasharray="2 3"/>`,
    });
  }
  return items;
}

/** Renders a figure as SVG markup. */
export function renderFigure(spec: FigureSpec, layout: FigureLayout): BuiltFigure {
  const W = Math.max(240, Math.round(layout.width));
  const compact = layout.compact ?? false;
  const pad = compact ? 8 : 16;
  const titleSize = compact ? 13 : 16;
  const subSize = compact ? 11 : 12.5;
  const axisSize = compact ? 10 : 12;
  const inner = W - 2 * pad;
  const measure: Measure = layout.measure ?? textWidth;
  // a little slack: the reader's fonts may run wider than the ones measured
  const fit = inner * 0.97;
  const parts: string[] = [];
  let y = pad;

  // Title block
  const titleLines = wrapText(spec.title, titleSize, fit, compact ? 2 : 3, (t, z) => measure(t, z, true));
  const head: string[] = [];
  for (const line of titleLines) {
    y += titleSize * 1.25;
    head.push(`<text x="${pad}" y="${n1(y - titleSize * 0.25)}" font-size="${titleSize}" font-weight="700" fill="${PALETTE.history}">${escapeXml(line)}</text>`);
  }
  for (const line of wrapText(spec.subtitle, subSize, fit, 2, measure)) {
    y += subSize * 1.35;
    head.push(`<text x="${pad}" y="${n1(y - subSize * 0.3)}" font-size="${subSize}" fill="${PALETTE.axis}">${escapeXml(line)}</text>`);
  }
  parts.push(`<g class="heading">${head.join('')}</g>`);

  // Legend (wrapped rows)
  if (!compact) {
    y += 8;
    const size = 12;
    const rowH = 18;
    let x = pad;
    let rowY = y + rowH / 2;
    const legend: string[] = [];
    for (const item of legendItems(spec)) {
      const label = escapeXml(item.label);
      const w = item.width + 6 + measure(item.label, size) + 18;
      if (x > pad && x + w - 18 > W - pad) {
        x = pad;
        rowY += rowH;
      }
      legend.push(`${item.swatch(x, rowY)}<text x="${n1(x + item.width + 6)}" y="${n1(rowY + size * 0.35)}" font-size="${size}" fill="${PALETTE.history}">${label}</text>`);
      x += w;
    }
    y = rowY + rowH / 2;
    parts.push(`<g class="legend">${legend.join('')}</g>`);
  }

  // Plot
  y += compact ? 4 : 6;
  const grid = compact ? { l: 40, r: 10, t: 16, b: 20 } : { l: 56, r: 24, t: 26, b: 28 };
  const plotTop = y;
  const box = { x0: pad + grid.l - (compact ? 0 : 8), y0: plotTop + grid.t, x1: W - pad - grid.r + (compact ? 0 : 8), y1: plotTop + layout.plotHeight - grid.b };
  const values: number[] = [];
  for (const s of spec.series) {
    if (s.kind === 'band') values.push(...s.upper.map((p) => p[1]), ...s.lower.map((p) => p[1]));
    else values.push(...s.points.filter((p) => p[0] >= spec.xMin && p[0] <= spec.xMax).map((p) => p[1]));
  }
  if (spec.target) values.push(...spec.target.values);
  const finite = values.filter(Number.isFinite);
  const dataMin = finite.length ? Math.min(...finite) : 0;
  const dataMax = finite.length ? Math.max(...finite) : 1;
  const fixed = spec.yMin !== undefined && spec.yMax !== undefined;
  const yt = fixed ? niceTicks(spec.yMin!, spec.yMax!, 5) : niceTicks(dataMin, dataMax, compact ? 4 : 5);
  const xs = (v: number) => box.x0 + ((v - spec.xMin) / Math.max(1e-9, spec.xMax - spec.xMin)) * (box.x1 - box.x0);
  const ys = (v: number) => box.y1 - ((v - yt.min) / Math.max(1e-12, yt.max - yt.min)) * (box.y1 - box.y0);
  const digits = tickDigits(yt.step);
  const fmtTick = (v: number) => formatNumber(v, digits, digits);

  const plot: string[] = [];
  // grid and value axis
  for (const t of yt.ticks) {
    const yy = n1(ys(t));
    plot.push(`<line x1="${n1(box.x0)}" x2="${n1(box.x1)}" y1="${yy}" y2="${yy}" stroke="${PALETTE.grid}" stroke-width="1"/>`);
    plot.push(`<text x="${n1(box.x0 - 6)}" y="${n1(ys(t) + axisSize * 0.35)}" font-size="${axisSize}" text-anchor="end" fill="${PALETTE.axis}">${escapeXml(fmtTick(t))}</text>`);
  }
  if (!compact) plot.push(`<text x="${n1(box.x0 - 48)}" y="${n1(box.y0 - 10)}" font-size="${axisSize}" fill="${PALETTE.axis}">${escapeXml(spec.unit)}</text>`);
  // time axis
  const xStep = spec.xStep ?? (spec.xMax - spec.xMin > 12 ? 5 : spec.xMax - spec.xMin > 6 ? 2 : 1);
  plot.push(`<line x1="${n1(box.x0)}" x2="${n1(box.x1)}" y1="${n1(box.y1)}" y2="${n1(box.y1)}" stroke="${PALETTE.axis}" stroke-width="1"/>`);
  for (let t = Math.ceil(spec.xMin / xStep) * xStep; t <= spec.xMax + 1e-9; t += xStep) {
    const xx = n1(xs(t));
    plot.push(`<line x1="${xx}" x2="${xx}" y1="${n1(box.y1)}" y2="${n1(box.y1 + 4)}" stroke="${PALETTE.axis}" stroke-width="1"/>`);
    plot.push(`<text x="${xx}" y="${n1(box.y1 + 6 + axisSize)}" font-size="${axisSize}" text-anchor="middle" fill="${PALETTE.axis}">${t}</text>`);
  }
  if (spec.markX !== undefined && spec.markX !== null && spec.markX >= spec.xMin && spec.markX <= spec.xMax) {
    plot.push(`<line x1="${n1(xs(spec.markX))}" x2="${n1(xs(spec.markX))}" y1="${n1(box.y0)}" y2="${n1(box.y1)}" stroke="${PALETTE.grid}" stroke-width="1"/>`);
  }
  const inX = (p: readonly [number, number]) => p[0] >= spec.xMin - 1e-9 && p[0] <= spec.xMax + 1e-9 && Number.isFinite(p[1]);
  const pathOf = (pts: ReadonlyArray<readonly [number, number]>) => pts.filter(inX).map((p, i) => `${i ? 'L' : 'M'}${n1(xs(p[0]))} ${n1(ys(p[1]))}`).join('');
  // band, then target, then lines, then points
  for (const s of spec.series) {
    if (s.kind !== 'band' || !s.upper.length) continue;
    const lower = [...s.lower].filter(inX).reverse().map((p) => `L${n1(xs(p[0]))} ${n1(ys(p[1]))}`).join('');
    plot.push(`<path d="${pathOf(s.upper)}${lower}Z" fill="${s.color}" stroke="none"/>`);
  }
  if (spec.target) {
    for (const v of spec.target.values) {
      plot.push(`<line x1="${n1(box.x0)}" x2="${n1(box.x1)}" y1="${n1(ys(v))}" y2="${n1(ys(v))}" stroke="${PALETTE.target}" stroke-width="2" stroke-dasharray="2 3"/>`);
    }
    const top = Math.max(...spec.target.values);
    plot.push(`<text x="${n1(box.x1 - 2)}" y="${n1(ys(top) - 5)}" font-size="${axisSize}" text-anchor="end" fill="${PALETTE.target}">${escapeXml(spec.target.label)}</text>`);
  }
  for (const s of spec.series) {
    if (s.kind !== 'line' || !s.points.length) continue;
    plot.push(`<path d="${pathOf(s.points)}" fill="none" stroke="${s.color}" stroke-width="${s.width}" stroke-linejoin="round"${dashAttr(s.dash)}/>`);
    if (s.marker) for (const p of s.points.filter(inX)) plot.push(markerSvg(s.marker, xs(p[0]), ys(p[1]), s.markerSize ?? 5, s.color));
  }
  for (const s of spec.series) {
    if (s.kind !== 'points') continue;
    for (const p of s.points.filter(inX)) plot.push(`<circle cx="${n1(xs(p[0]))}" cy="${n1(ys(p[1]))}" r="${s.radius}" fill="${s.color}"/>`);
  }
  parts.push(`<g class="plot">${plot.join('')}</g>`);
  y = plotTop + layout.plotHeight;

  // Source line
  if (!compact && spec.source) {
    const size = 11;
    const src: string[] = [];
    y += 4;
    for (const line of wrapText(spec.source, size, fit, 4, measure)) {
      y += size * 1.4;
      src.push(`<text x="${pad}" y="${n1(y - size * 0.3)}" font-size="${size}" fill="${PALETTE.axis}">${escapeXml(line)}</text>`);
    }
    parts.push(`<g class="source">${src.join('')}</g>`);
  }
  const H = Math.ceil(y + pad);

  const open =
    `<svg xmlns="${SVG_NS}" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img"` +
    ` font-family="${escapeXml(FONT)}" text-rendering="geometricPrecision">`;
  const svg =
    (layout.standalone ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '') +
    open +
    `<title>${escapeXml(spec.title)}</title>` +
    `<desc>${escapeXml(spec.description)}</desc>` +
    `<rect width="${W}" height="${H}" fill="${PALETTE.paper}"/>` +
    parts.join('') +
    '</svg>';
  return { svg, width: W, height: H };
}

// ---- the app's two charts ---------------------------------------------------------------------------

/** The focus chart's data for one indicator (the same mapping FocusChart.svelte gives ECharts). */
export function projectionChartData(r: ProjectionResult, ind: IndicatorResult, band: IndicatorResult | null | undefined): ChartSeriesData {
  const def = INDICATOR_BY_ID[ind.id];
  return {
    title: t(keys.indicator(ind.id, 'name')),
    unit: def.unit,
    digits: def.digits,
    years: r.years,
    trends: ind.baseline,
    scenario: ind.scenario,
    p10: band?.p10,
    p90: band?.p90,
    history: ind.history,
    target: ind.rule === 'band' && ind.band ? ind.band[0] : ind.target2030,
    targetLabel: t('slide.chart.target', { target: targetText(ind) }),
    ...(def.unit.startsWith('%') ? { yMin: 0, yMax: 100 } : {}),
  };
}

export interface FigureText {
  title: string;
  subtitle: string;
  description: string;
  source?: string;
  /** A band target's two edges; else the single target line of the data. */
  targetBand?: readonly [number, number] | undefined;
}

/** What every figure takes from its text, and the unit of its data. */
function figureHead(text: FigureText, unit: string): Pick<FigureSpec, 'title' | 'subtitle' | 'unit' | 'description' | 'source'> {
  return { title: text.title, subtitle: text.subtitle, unit, description: text.description, ...(text.source === undefined ? {} : { source: text.source }) };
}

/** The projection chart (history, current trends, scenario, p10–p90 band, target) as a figure. */
export function projectionFigure(d: ChartSeriesData, text: FigureText, xWindow = 15): FigureSpec {
  const pair = (ys: readonly number[]) => d.years.map((y, i) => [y, ys[i]!] as const);
  const first = Math.min(d.years[0] ?? 2025, ...d.history.map((h) => h.year));
  const series: FigureSeries[] = [];
  if (d.p10 && d.p90) series.push({ kind: 'band', name: t('export.legend.band'), color: PALETTE.band, upper: pair(d.p90), lower: pair(d.p10) });
  series.push(
    { kind: 'points', name: t('slide.legend.history'), color: PALETTE.history, radius: 3, points: d.history.map((h) => [h.year, h.value] as const) },
    { kind: 'line', name: t('slide.legend.trends'), color: PALETTE.trends, width: 2, dash: [5, 3], points: pair(d.trends) },
    { kind: 'line', name: t('slide.legend.scenario'), color: PALETTE.scenario, width: 3, marker: 'circle', markerSize: 5, points: pair(d.scenario) },
  );
  return {
    ...figureHead(text, d.unit),
    series,
    target: { values: text.targetBand ? [...text.targetBand] : [d.target], label: d.targetLabel, legend: t('slide.legend.target') },
    xMin: Math.max(first, (d.years[0] ?? 2025) - xWindow),
    xMax: d.years.at(-1) ?? 2035,
    xStep: 5,
    yMin: d.yMin,
    yMax: d.yMax,
    digits: d.digits,
  };
}

/** The comparison's overlay chart as a figure. */
export function compareFigure(d: CompareChartData, text: FigureText): FigureSpec {
  const series: FigureSeries[] = [
    ...d.trends.map((tr): FigureLine => ({ kind: 'line', name: tr.name, color: PALETTE.trends, width: 2, dash: tr.dash, points: tr.points })),
    ...d.scenarios.map(
      (s): FigureLine => ({ kind: 'line', name: s.name, color: s.style.color, width: 2.5, ...(s.style.dash.length ? { dash: s.style.dash } : {}), marker: s.style.symbol, markerSize: s.style.symbol === 'circle' ? 6 : 7, points: s.points }),
    ),
  ];
  return {
    ...figureHead(text, d.unit),
    series,
    target: d.target === null ? null : { values: [d.target], label: d.targetLabel, legend: t('slide.legend.target') },
    markX: d.targetYear,
    xMin: d.xMin,
    xMax: d.xMax,
    yMin: d.yMin,
    yMax: d.yMax,
    digits: d.digits,
  };
}
