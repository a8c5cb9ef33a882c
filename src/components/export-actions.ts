// Chart and data exports, loaded on first use (dynamic import) so none of it weighs on start-up:
// PNG (the SVG figure rasterised at twice its CSS size), SVG (a standalone document) and CSV.
import { downloadBlob } from './download.ts';
import type { Workspace } from '../state/workspace.svelte.ts';
import type { Library } from '../state/library.svelte.ts';
import type { CompareChartData } from './compare-chart-canvas.ts';
import { INDICATOR_BY_ID } from '../model/registry/indicators.ts';
import { MODEL_VERSION } from '../lib/constants.ts';
import { chartTableCsv, citeSource, comparisonCsv, exportFileName, scenarioCsv, sourceLine, type ComparisonCsvEntry } from '../state/exports.ts';
import { compareFigure, projectionChartData, projectionFigure, renderFigure, type FigureSpec } from './charts/export-chart.ts';
import { canvasMeasure, svgToPng } from './charts/export-raster.ts';
import { loadSources } from './assumption-sources.ts';
import { chartName } from './describe.ts';
import { formatNumber } from '../lib/format.ts';
import { t } from '../i18n/runtime.ts';
import { geographyName } from '../lib/geography-name.ts';
import { keys } from '../i18n/keys.ts';

export type ExportKind = 'png' | 'svg' | 'csv';

/**
 * The whole projection at full precision (the CSV rounds to the app's display precision): the
 * scenario's name, the central run and, when computed, the Monte Carlo run, as the model returns them.
 */
export function exportProjectionJson(o: { ws: Workspace; lib: Library | null }): string {
  const r = o.ws.result;
  if (!r) throw new Error(t('export.notReady'));
  const now = new Date();
  const scenarioName = o.lib?.current.name ?? t('export.untitled');
  const name = exportFileName([scenarioName], now, 'json');
  const body = { type: 'pathways-2030/projection', scenario: scenarioName, exported: now.toISOString(), central: r, uncertainty: o.ws.bands };
  downloadBlob(name, new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  return name;
}


/** The chart box's CSS size (the export is as wide as the chart on screen; its plot as tall). */
export function chartBox(el: HTMLElement | null | undefined): { width: number; plotHeight: number } {
  const r = el?.getBoundingClientRect();
  return { width: Math.round(r?.width || 760), plotHeight: Math.round(r?.height || 290) };
}

async function saveFigure(kind: 'png' | 'svg', spec: FigureSpec, box: { width: number; plotHeight: number }, base: string[], now: Date): Promise<string> {
  const fig = renderFigure(spec, { ...box, standalone: true, measure: canvasMeasure() });
  const name = exportFileName(base, now, kind);
  if (kind === 'svg') downloadBlob(name, new Blob([fig.svg], { type: 'image/svg+xml;charset=utf-8' }));
  else downloadBlob(name, await svgToPng(fig.svg, fig.width, fig.height, 2));
  return name;
}

export interface FocusExportInput {
  ws: Workspace;
  lib: Library | null;
  chart: HTMLElement | null | undefined;
}

/** The focus chart (PNG, SVG) or the whole scenario's projections (CSV). Returns the file name. */
export async function exportFocus(kind: ExportKind, o: FocusExportInput): Promise<string> {
  const { ws } = o;
  const r = ws.result;
  if (!r) throw new Error(t('export.notReady'));
  const now = new Date();
  const scenarioName = o.lib?.current.name ?? t('export.untitled');
  if (kind === 'csv') {
    const name = exportFileName([scenarioName], now, 'csv');
    const text = scenarioCsv({ scenarioName, result: r, bands: ws.bands, seed: ws.seed, draws: ws.draws, exported: now });
    downloadBlob(name, new Blob([text], { type: 'text/csv;charset=utf-8' }));
    return name;
  }
  const ind = r.indicators.find((i) => i.id === ws.focus);
  if (!ind) throw new Error(t('export.noIndicator'));
  const band = ws.bands?.indicators.find((i) => i.id === ind.id) ?? null;
  const def = INDICATOR_BY_ID[ind.id];
  const sources = await loadSources().catch(() => null);
  const fact = ind.baselineSource.fact;
  const spec = projectionFigure(projectionChartData(r, ind, band), {
    title: `${ind.target} ${t(keys.indicator(ind.id, 'name'))}`,
    subtitle: `${t(keys.indicator(def.id, 'unit'))} · ${geographyName(r.geography)} · ${band ? t('export.subtitle.band', { draws: formatNumber(ws.bands!.draws) }) : t('export.subtitle.central')}`,
    description: chartName(ind, r.targetYear - r.baseYear),
    source: sourceLine({ modelVersion: r.model.version, data: `${citeSource(fact.source, sources)} (${fact.year})`, scenarios: [scenarioName], geography: geographyName(r.geography), date: now }),
    targetBand: ind.rule === 'band' ? ind.band : undefined,
  });
  return saveFigure(kind, spec, chartBox(o.chart), [scenarioName, ind.id], now);
}

export interface CompareExportInput {
  data: CompareChartData;
  title: string;
  /** The chart's title in an exported file: the indicator and unit, without the on-screen "by year". */
  exportTitle: string;
  label: string;
  chart: HTMLElement | null | undefined;
  /** Every compared scenario's projection: the CSV then holds all indicators, not only the chart's. */
  results?: readonly ComparisonCsvEntry[] | undefined;
}

/** The comparison chart (PNG, SVG) or the comparison's projections (CSV). Returns the file name. */
export async function exportCompare(kind: ExportKind, o: CompareExportInput): Promise<string> {
  const now = new Date();
  const d = o.data;
  const names = d.scenarios.map((s) => s.name);
  const chartTitle = o.exportTitle;
  if (kind === 'csv') {
    const name = exportFileName(['comparison'], now, 'csv');
    const text = o.results?.length
      ? comparisonCsv({ scenarios: o.results, exported: now })
      : chartTableCsv({
          title: chartTitle,
          unit: d.unit,
          columns: [...d.trends, ...d.scenarios],
          target: d.target,
          meta: [
            [t('csv.meta.modelVersion'), MODEL_VERSION],
            [t('csv.meta.uncertainty'), t('csv.uncertainty.central')],
          ],
          exported: now,
        });
    downloadBlob(name, new Blob([text], { type: 'text/csv;charset=utf-8' }));
    return name;
  }
  const spec = compareFigure(d, {
    title: chartTitle,
    subtitle: t('export.subtitle.compare', { count: names.length }),
    description: o.label,
    source: sourceLine({ modelVersion: MODEL_VERSION, scenarios: names, date: now }),
  });
  return saveFigure(kind, spec, chartBox(o.chart), ['comparison', chartTitle], now);
}
