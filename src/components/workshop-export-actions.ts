// The workshop board's files, loaded on first use: CSV (state/workshop-export.ts: one row per group and
// lever, one per group and target), SVG (charts/export-workshop.ts) and PNG (that SVG rasterised at
// twice its size). Returns the file name.
import type { WorkshopBoard } from '../model/index.ts';
import type { LeverId } from '../model/registry/levers.ts';
import type { Workshop } from '../scenario/workshop-file.ts';
import type { PlanLever } from '../state/workshop-collect.ts';
import { exportFileName, sourceLine } from '../state/exports.ts';
import { workshopCsv } from '../state/workshop-export.ts';
import { MODEL_VERSION } from '../lib/constants.ts';
import { t } from '../i18n/runtime.ts';
import { boardFigure } from './charts/export-workshop.ts';
import { canvasMeasure, svgToPng } from './charts/export-raster.ts';
import { downloadBlob } from './download.ts';
import type { ExportKind } from './export-actions.ts';

export interface BoardExportInput {
  workshop: Workshop;
  board: WorkshopBoard;
  plan: Record<LeverId, PlanLever> | null;
  /** The board's width on screen (px): the figure is as wide. */
  width?: number | undefined;
}

/** The subtitle every exported board carries: facilitator, date and number of groups. */
export function boardSubtitle(w: Workshop): string {
  return t('workshop.export.subtitle', { n: w.groups.length, facilitator: w.facilitator || '–', date: w.date || '–' });
}

/** The board as SVG text with its size, for the report and the files. */
export function boardSvg(o: BoardExportInput, now = new Date()): { svg: string; width: number; height: number } {
  const names = new Map(o.workshop.groups.map((g) => [g.id, g.name]));
  return boardFigure({
    board: o.board,
    plan: o.plan,
    nameOf: (id) => (id === 'consensus' ? t('workshop.consensus.label') : (names.get(id) ?? id)),
    title: t('workshop.export.title', { name: o.workshop.name }),
    subtitle: boardSubtitle(o.workshop),
    source: sourceLine({ modelVersion: MODEL_VERSION, scenarios: o.workshop.groups.map((g) => g.scenario.name), date: now }),
    width: o.width ?? 900,
    measure: canvasMeasure(),
  });
}

export async function exportWorkshopBoard(kind: ExportKind, o: BoardExportInput): Promise<string> {
  const now = new Date();
  const name = exportFileName([o.workshop.name, 'board'], now, kind);
  if (kind === 'csv') {
    downloadBlob(name, new Blob([workshopCsv({ workshop: o.workshop, board: o.board, plan: o.plan, exported: now })], { type: 'text/csv;charset=utf-8' }));
    return name;
  }
  const fig = boardSvg(o, now);
  if (kind === 'svg') downloadBlob(name, new Blob([fig.svg], { type: 'image/svg+xml;charset=utf-8' }));
  else downloadBlob(name, await svgToPng(fig.svg, fig.width, fig.height, 2));
  return name;
}
