// Parsing for the custom-geography form: numbers typed by hand, and indicator history pasted from a
// spreadsheet — one column of values (consecutive years ending in the base year) or two columns of
// year and value separated by a tab, a comma or spaces. Problems name the line and what was wrong, in the
// active language (custom.history.*).
import { t } from '../i18n/runtime.ts';
import { formatNumber } from '../lib/format.ts';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number as typed ("12.5", "-3", "1e6"), or null when it is not one. */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export type HistoryParse =
  | { ok: true; values: Record<string, number>; count: number; first: number; last: number }
  | { ok: false; message: string };

export interface HistoryRules {
  bounds: readonly [number, number];
  unit: string;
  /** The year a single column of values ends in. */
  endYear: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2035;

export function parseHistory(text: string, rules: HistoryRules): HistoryParse | null {
  const lines = text.split(/\r\n|\r|\n/).map((l, i) => ({ n: i + 1, cells: splitCells(l) })).filter((l) => l.cells.length > 0);
  if (lines.length === 0) return null;
  // A header row ("Year<tab>Value") is allowed on the first line only.
  const firstLine = lines[0]!;
  if (firstLine.cells.every((c) => parseNumber(stripPct(c)) === null)) lines.shift();
  if (lines.length === 0) return { ok: false, message: t('custom.history.headerOnly', { line: firstLine.n }) };
  const columns = lines[0]!.cells.length;
  if (columns > 2) return { ok: false, message: t('custom.history.tooManyColumns', { line: lines[0]!.n, columns }) };
  const [lo, hi] = rules.bounds;
  const values: Record<string, number> = {};
  const startYear = rules.endYear - lines.length + 1;
  for (let i = 0; i < lines.length; i++) {
    const { n, cells } = lines[i]!;
    if (cells.length !== columns) {
      return { ok: false, message: t('custom.history.columnCount', { line: n, found: cells.length, columns }) };
    }
    let year = startYear + i;
    if (columns === 2) {
      const y = parseNumber(cells[0]!);
      if (y === null || !Number.isInteger(y)) return { ok: false, message: t('custom.history.notYear', { line: n, text: clip(cells[0]!) }) };
      if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, message: t('custom.history.yearOutside', { line: n, year: String(y), min: String(MIN_YEAR), max: String(MAX_YEAR) }) };
      year = y;
    } else if (year < MIN_YEAR) {
      return { ok: false, message: t('custom.history.tooManyValues', { endYear: String(rules.endYear), min: String(MIN_YEAR) }) };
    }
    const raw = cells[columns - 1]!;
    const v = parseNumber(stripPct(raw));
    if (v === null) return { ok: false, message: t('custom.history.notNumber', { line: n, text: clip(raw) }) };
    if (v < lo || v > hi) return { ok: false, message: t('custom.history.valueOutside', { line: n, value: formatNumber(v), lo: formatNumber(lo), hi: formatNumber(hi), unit: rules.unit }) };
    if (Object.hasOwn(values, String(year))) return { ok: false, message: t('custom.history.yearTwice', { line: n, year: String(year) }) };
    values[String(year)] = v;
  }
  const years = Object.keys(values).map(Number);
  return { ok: true, values, count: years.length, first: Math.min(...years), last: Math.max(...years) };
}

/** History as the form shows it when editing: one "year<tab>value" line per point, oldest first. */
export function historyText(values: Readonly<Record<string, number>> | undefined): string {
  if (!values) return '';
  return Object.entries(values)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([y, v]) => `${y}\t${v}`)
    .join('\n');
}

function splitCells(line: string): string[] {
  const s = line.trim();
  if (s === '') return [];
  return s.split(/\s*[\t,;]\s*|\s+/).filter((c) => c !== '');
}

function stripPct(cell: string): string {
  return cell.endsWith('%') ? cell.slice(0, -1) : cell;
}

function clip(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

/** A slug for an id: lower-case letters and digits joined by hyphens. */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return s || 'geography';
}
