// Exports as pure functions: CSV of a scenario's (or a comparison's) projections, file names and the
// source line that every exported chart carries. No DOM, no model code (types only), so Node tests
// and the browser share them.
//
// CSV layout. Spreadsheet programs (Excel, LibreOffice, Google Sheets, Numbers) do not know "# key:
// value" comment lines: they show them as data, split at every comma. So the file starts with a few
// two-cell rows instead ("Scenario,<name>", "Model version,0.2.0", "Seed,…", "Exported,2026-11-27"),
// then one blank row, then the table with its header row. A reader that wants only the table skips
// to the first row after the first blank one. UTF-8 with a byte-order mark (so Excel picks UTF-8),
// CRLF line ends and RFC 4180 quoting. Indicator values are rounded to the precision the app shows
// them with (`displayDigits`: a spreadsheet of 16-digit floats suggests a precision the model does not
// have); the full values are in the report's "Download JSON" and the command line's `--format json`.
// Each indicator's ITU history comes first (its years before the base year, in the History column),
// then the projection years. Text cells that a spreadsheet would take for a formula get a leading apostrophe.
import type { IndicatorResult, ProjectionResult } from '../model/project.ts';
import { formatNumber } from '../lib/format.ts';
import { INDICATOR_BY_ID, isIndicatorId } from '../model/registry/indicators.ts';
import { slug } from '../scenario/file.ts';

export const BOM = '\uFEFF';
const EOL = '\r\n';

export type CsvValue = string | number | null | undefined;

/** Text a spreadsheet would run as a formula (or DDE) when it is the first character of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert: "=1+1" → "'=1+1". Numbers are never passed here. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: finite numbers as written by the model (shortest round-trip form), text guarded and quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole file: BOM, rows joined by CRLF, a final CRLF. */
export function toCsv(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return BOM + rows.map(csvRow).join(EOL) + EOL;
}

/** ISO 8601 calendar date in the reader's own time zone: "2026-11-27". */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A file-name-safe slug of a user's text: "Schools & skills, 2030!" → "schools-skills-2030". */
export function fileSlug(text: string, fallback = 'scenario'): string {
  return slug(text, 60) || fallback;
}

/** "pathways-2030_schools-plan_internet-use_2026-11-27.png" */
export function exportFileName(parts: readonly string[], date: Date, ext: string): string {
  return `${['pathways-2030', ...parts.map((p) => fileSlug(p, 'x')), isoDate(date)].join('_')}.${ext}`;
}

/** The target rule in words (no leading "<" or "=" a spreadsheet could misread). */
export function targetRuleText(ind: Pick<IndicatorResult, 'rule' | 'band' | 'target2030'>): string {
  if (ind.rule === 'band' && ind.band) return `between ${ind.band[0]} and ${ind.band[1]}`;
  return ind.rule === '<=' ? 'at most' : 'at least';
}

export const TABLE_HEADER = ['Indicator id', 'Indicator', 'Unit', 'Year', 'History (ITU)', 'Current trends', 'Scenario', 'p10', 'p50', 'p90', 'Target', 'Target rule'] as const;

/** The decimals the app shows an indicator with (as formatWithUnit: shares in per cent at most one). */
export function displayDigits(unit: string, digits: number): number {
  return unit.startsWith('%') ? Math.min(digits, 1) : digits;
}

/** A value rounded to `digits` decimals (undefined and non-finite values stay empty). */
export function roundTo(value: number | undefined, digits: number): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const k = 10 ** digits;
  const r = Math.round(value * k) / k;
  return Object.is(r, -0) ? 0 : r;
}

function indicatorRows(ind: IndicatorResult, years: readonly number[], band: IndicatorResult | undefined): CsvValue[][] {
  const pSource = band ?? ind;
  const d = displayDigits(ind.unit, isIndicatorId(ind.id) ? INDICATOR_BY_ID[ind.id].digits : 3);
  const r = (v: number | undefined) => roundTo(v, d);
  const history = new Map(ind.history.map((h) => [h.year, h.value]));
  const first = years[0] ?? Infinity;
  const before = [...history.keys()].filter((y) => y < first).sort((a, b) => a - b);
  const past = before.map((year): CsvValue[] => [ind.id, ind.name, ind.unit, year, r(history.get(year)), undefined, undefined, undefined, undefined, undefined, ind.target2030, targetRuleText(ind)]);
  return [
    ...past,
    ...years.map((year, t) => [
      ind.id,
      ind.name,
      ind.unit,
      year,
      r(history.get(year)),
      r(ind.baseline[t]),
      r(ind.scenario[t]),
      r(pSource.p10?.[t]),
      r(pSource.p50?.[t]),
      r(pSource.p90?.[t]),
      ind.target2030,
      targetRuleText(ind),
    ]),
  ];
}

function uncertaintyText(bands: ProjectionResult | null | undefined): string {
  if (!bands?.uncertainty) return 'not included (the uncertainty band was not computed)';
  return `p10, p50 and p90 of ${formatNumber(bands.draws)} Monte Carlo draws`;
}

export interface ScenarioCsvInput {
  /** The scenario's name as the user wrote it. */
  scenarioName: string;
  /** Central projection (current trends and scenario paths). */
  result: ProjectionResult;
  /** Monte Carlo result for the same input (p10, p50, p90), or null while it is computing. */
  bands: ProjectionResult | null;
  seed: number;
  draws: number;
  exported: Date;
}

/** The projections of one scenario: metadata rows, a blank row, then one row per indicator and year. */
export function scenarioCsv(input: ScenarioCsvInput): string {
  const { result: r, bands } = input;
  const rows: CsvValue[][] = [
    ['Scenario', input.scenarioName],
    ['Geography', r.geography.name],
    ['Model version', r.model.version],
    ['Seed', input.seed],
    ['Monte Carlo draws', input.draws],
    ['Uncertainty', uncertaintyText(bands)],
    ['Base year', r.baseYear],
    ['Values', 'rounded to the precision the app shows; full precision in the report’s Download JSON'],
    ['Exported', isoDate(input.exported)],
    [],
    [...TABLE_HEADER],
  ];
  for (const ind of r.indicators) {
    rows.push(...indicatorRows(ind, r.years, bands?.indicators.find((b) => b.id === ind.id)));
  }
  return toCsv(rows);
}

export interface ComparisonCsvEntry {
  /** The column's name in the comparison (unique within it). */
  name: string;
  geography: string;
  seed: number;
  result: ProjectionResult;
}

export interface ComparisonCsvInput {
  scenarios: readonly ComparisonCsvEntry[];
  exported: Date;
}

/** A comparison: the same table with a leading "Scenario name" and "Geography" column, one block per scenario. */
export function comparisonCsv(input: ComparisonCsvInput): string {
  const list = input.scenarios;
  const versions = [...new Set(list.map((s) => s.result.model.version))];
  const rows: CsvValue[][] = [
    ['Comparison of', `${list.length} ${list.length === 1 ? 'scenario' : 'scenarios'}`],
    ['Scenario', ...list.map((s) => s.name)],
    ['Geography', ...list.map((s) => s.geography)],
    ['Seed', ...list.map((s) => s.seed)],
    ['Model version', ...versions],
    ['Uncertainty', list.some((s) => s.result.uncertainty) ? uncertaintyText(list.find((s) => s.result.uncertainty)?.result) : 'not included (comparisons are central projections only)'],
    ['Exported', isoDate(input.exported)],
    [],
    ['Scenario name', 'Geography', ...TABLE_HEADER],
  ];
  for (const s of list) {
    for (const ind of s.result.indicators) {
      for (const row of indicatorRows(ind, s.result.years, undefined)) rows.push([s.name, s.geography, ...row]);
    }
  }
  return toCsv(rows);
}

/** One chart's lines by year (what a chart shows when its full results are not at hand). */
export interface ChartTableInput {
  title: string;
  unit: string;
  columns: ReadonlyArray<{ name: string; points: ReadonlyArray<readonly [number, number]> }>;
  target: number | null;
  /** Metadata rows before the table ("Scenario", "Model version", …). */
  meta: ReadonlyArray<readonly [string, CsvValue]>;
  exported: Date;
}

export function chartTableCsv(input: ChartTableInput): string {
  const years = [...new Set(input.columns.flatMap((c) => c.points.map((p) => p[0])))].sort((a, b) => a - b);
  const at = (c: ChartTableInput['columns'][number], y: number) => c.points.find((p) => p[0] === y)?.[1];
  const rows: CsvValue[][] = [
    ['Chart', input.title],
    ['Unit', input.unit],
    ...input.meta.map(([k, v]) => [k, v]),
    ['Exported', isoDate(input.exported)],
    [],
    ['Year', ...input.columns.map((c) => c.name), ...(input.target === null ? [] : ['Target'])],
    ...years.map((y) => [y, ...input.columns.map((c) => at(c, y)), ...(input.target === null ? [] : [input.target])]),
  ];
  return toCsv(rows);
}

/** The provenance line under every exported chart. */
export function sourceLine(o: { modelVersion: string; data?: string | undefined; scenarios: readonly string[]; geography?: string | undefined; date: Date }): string {
  const data = o.data ? `, data: ${o.data}` : '';
  const names = o.scenarios.map((n) => `“${n}”`).join(', ');
  const scen = o.scenarios.length ? `; ${o.scenarios.length === 1 ? 'scenario' : 'scenarios'} ${names}` : '';
  const geo = o.geography ? ` (${o.geography})` : '';
  return `Source: Pathways 2030 model ${o.modelVersion}${data}${scen}${geo}; ${isoDate(o.date)}`;
}

/** A source as a short citation: a registry id resolved to "Title, Publisher, Year"; a literal citation as written. */
export function citeSource(id: string, sources: Readonly<Record<string, { title: string; publisher?: string; year?: number }>> | null): string {
  const s = sources?.[id];
  if (!s) return id;
  return [s.title, s.publisher, s.year].filter((x) => x !== undefined && x !== '').join(', ');
}
