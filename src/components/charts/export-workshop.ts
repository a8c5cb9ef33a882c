// The workshop board as a standalone SVG document (exported as SVG, rasterised to PNG, drawn in the
// report): a title and subtitle, one strip per lever (every group's setting, the median, the range and
// the room's plan), then one bar per group (and the plan) with its targets met of 12 and its cost, and
// the source line. Built from the board's numbers; every text escaped (group names are user text). Pure.
import type { WorkshopBoard } from '../../model/index.ts';
import { LEVER_BY_ID, type LeverId } from '../../model/registry/levers.ts';
import { keys } from '../../i18n/keys.ts';
import { t } from '../../i18n/runtime.ts';
import { formatLever, formatUsd } from '../../lib/format.ts';
import type { PlanLever } from '../../state/workshop-collect.ts';
import { stripX } from '../workshop-strip.ts';
import { FONT, SVG_NS, escapeXml, textWidth, wrapText, type Measure } from './export-chart.ts';
import { PALETTE, type Palette } from './palette.ts';

export interface BoardFigureInput {
  board: WorkshopBoard;
  nameOf: (id: string) => string;
  plan: Record<LeverId, PlanLever> | null;
  title: string;
  subtitle: string;
  source: string;
  width?: number;
  measure?: Measure;
  /** Leave out the per-group bars (a slide shows them as a table beside the strips), and the strips' own heading and legend (the title and source line say them). */
  stripsOnly?: boolean;
  /** Another palette than the theme's (a projector slide is always light). */
  palette?: Readonly<Palette>;
}

const f = (n: number) => String(Math.round(n * 10) / 10);

/** The board as SVG text with its size (px). */
export function boardFigure(o: BoardFigureInput): { svg: string; width: number; height: number } {
  const measure = o.measure ?? textWidth;
  const W = Math.max(640, Math.round(o.width ?? 900));
  const M = 20;
  const labelW = Math.min(260, W * 0.3);
  const statW = 170;
  const stripW = W - 2 * M - labelW - statW;
  const stripX0 = M + labelW;
  const ROW = 30;
  const p = o.palette ?? PALETTE;
  const parts: string[] = [];
  const txt = (x: number, y: number, s: string, size = 12, extra = '') => `<text x="${f(x)}" y="${f(y)}" font-size="${size}" ${extra}>${escapeXml(s)}</text>`;
  let y = M + 18;
  parts.push(txt(M, y, o.title, 18, 'font-weight="700"'));
  for (const line of wrapText(o.subtitle, 12, W - 2 * M, 2, measure)) parts.push(txt(M, (y += 18), line, 12, `fill="${p.axis}"`));
  // The strips alone (a slide) take their heading and legend from the caller's title and source line.
  y += o.stripsOnly ? 6 : 26;
  if (!o.stripsOnly) parts.push(txt(M, y, t('workshop.board.leversHeading'), 14, 'font-weight="700"'));
  y += 10;
  for (const s of o.board.levers) {
    const l = LEVER_BY_ID[s.lever];
    const cy = y + ROW / 2;
    const x = (v: number) => stripX0 + stripX(s.lever, v, stripW, 8);
    const label = wrapText(t(keys.lever(s.lever, 'label')), 12, labelW - 10, 1, measure)[0] ?? '';
    parts.push(txt(M, cy + 4, label));
    parts.push(`<line x1="${f(x(l.min))}" x2="${f(x(l.max))}" y1="${f(cy)}" y2="${f(cy)}" stroke="${p.grid}" stroke-width="1"/>`);
    parts.push(`<line x1="${f(x(s.min))}" x2="${f(x(s.max))}" y1="${f(cy)}" y2="${f(cy)}" stroke="${p.trends}" stroke-opacity="0.5" stroke-width="3" stroke-linecap="round"/>`);
    s.values.forEach((v, i) => {
      parts.push(`<circle cx="${f(x(v.value))}" cy="${f(cy + ((i % 5) - 2) * 2.4)}" r="3.4" fill="${p.scenario}" fill-opacity="0.75"><title>${escapeXml(`${o.nameOf(v.id)}: ${formatLever(v.value, l.step)}`)}</title></circle>`);
    });
    parts.push(`<line x1="${f(x(s.median))}" x2="${f(x(s.median))}" y1="${f(cy - 11)}" y2="${f(cy + 11)}" stroke="${p.history}" stroke-width="2"/>`);
    const plan = o.plan?.[s.lever];
    if (plan) {
      const hx = x(plan.value);
      parts.push(`<path d="M ${f(hx)} ${f(cy - 7)} L ${f(hx + 7)} ${f(cy)} L ${f(hx)} ${f(cy + 7)} L ${f(hx - 7)} ${f(cy)} Z" fill="${p.target}" stroke="${p.history}" stroke-width="1"/>`);
    }
    const stat = plan
      ? t('workshop.export.statPlan', { plan: formatLever(plan.value, l.step), median: formatLever(s.median, l.step) })
      : t('workshop.board.medianRange', { median: formatLever(s.median, l.step), min: formatLever(s.min, l.step), max: formatLever(s.max, l.step) });
    parts.push(txt(stripX0 + stripW + 10, cy + 4, wrapText(stat, 11, statW - 12, 1, measure)[0] ?? '', 11, `fill="${p.axis}"`));
    y += ROW;
  }
  y += 10;
  if (!o.stripsOnly) parts.push(txt(M, y, t('workshop.board.legend'), 11, `fill="${p.axis}"`));
  const barW = stripW;
  if (!o.stripsOnly) y += 36;
  if (!o.stripsOnly) parts.push(txt(M, y - 8, t('workshop.board.groupsHeading'), 14, 'font-weight="700"'));
  for (const g of o.stripsOnly ? [] : o.board.groups) {
    const cy = y + 12;
    const name = wrapText(o.nameOf(g.id), 12, labelW - 10, 1, measure)[0] ?? '';
    parts.push(txt(M, cy + 4, name, 12, g.consensus ? 'font-weight="700"' : ''));
    parts.push(`<rect x="${f(stripX0)}" y="${f(cy - 7)}" width="${f(barW)}" height="14" fill="none" stroke="${p.grid}"/>`);
    parts.push(`<rect x="${f(stripX0)}" y="${f(cy - 7)}" width="${f((barW * g.met) / Math.max(1, g.total))}" height="14" fill="${g.consensus ? p.target : p.scenario}"/>`);
    parts.push(txt(stripX0 + barW + 10, cy + 4, `${t('workshop.board.metOf', { met: g.met, total: g.total })} · ${formatUsd(g.costUsd)}`, 11, `fill="${p.axis}"`));
    y += 24;
  }
  y += 14;
  for (const line of wrapText(o.source, 10, W - 2 * M, 3, measure)) parts.push(txt(M, (y += 13), line, 10, `fill="${p.axis}"`));
  const H = Math.round(y + M);
  const svg = `<svg xmlns="${SVG_NS}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" font-family="${escapeXml(FONT)}" fill="${p.history}">`
    + `<title>${escapeXml(o.title)}</title><desc>${escapeXml(o.subtitle)}</desc>`
    + `<rect width="${W}" height="${H}" fill="${p.paper}"/>${parts.join('')}</svg>`;
  return { svg, width: W, height: H };
}
