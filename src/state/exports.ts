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
import { t } from '../i18n/runtime.ts';
import { geographyName } from '../lib/geography-name.ts';
import { keys } from '../i18n/keys.ts';
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
  if (ind.rule === 'band' && ind.band) return t('csv.rule.between', { low: String(ind.band[0]), high: String(ind.band[1]) });
  return ind.rule === '<=' ? t('csv.rule.atMost') : t('csv.rule.atLeast');
}

/** The table's header row, in the active language (p10, p50 and p90 are the same in every language). */
export function tableHeader(): string[] {
  return [t('csv.col.indicatorId'), t('csv.col.indicator'), t('csv.col.unit'), t('csv.col.year'), t('csv.col.history'), t('csv.col.trends'), t('csv.col.scenario'), 'p10', 'p50', 'p90', t('csv.col.target'), t('csv.col.targetRule')];
}

/** An indicator's name and unit in the active language (an id the registry does not know keeps the result's own). */
function indicatorText(ind: Pick<IndicatorResult, 'id' | 'name' | 'unit'>): [string, string] {
  return isIndicatorId(ind.id) ? [t(keys.indicator(ind.id, 'name')), t(keys.indicator(ind.id, 'unit'))] : [ind.name, ind.unit];
}

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
  const [name, unit] = indicatorText(ind);
  const rule = targetRuleText(ind);
  const past = before.map((year): CsvValue[] => [ind.id, name, unit, year, r(history.get(year)), undefined, undefined, undefined, undefined, undefined, ind.target2030, rule]);
  return [
    ...past,
    ...years.map((year, i) => [
      ind.id,
      name,
      unit,
      year,
      r(history.get(year)),
      r(ind.baseline[i]),
      r(ind.scenario[i]),
      r(pSource.p10?.[i]),
      r(pSource.p50?.[i]),
      r(pSource.p90?.[i]),
      ind.target2030,
      rule,
    ]),
  ];
}

function uncertaintyText(bands: ProjectionResult | null | undefined): string {
  if (!bands?.uncertainty) return t('csv.uncertainty.none');
  return t('csv.uncertainty.draws', { draws: formatNumber(bands.draws) });
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
    [t('csv.meta.scenario'), input.scenarioName],
    [t('csv.meta.geography'), geographyName(r.geography)],
    [t('csv.meta.modelVersion'), r.model.version],
    [t('csv.meta.seed'), input.seed],
    [t('csv.meta.draws'), input.draws],
    [t('csv.meta.uncertainty'), uncertaintyText(bands)],
    [t('csv.meta.baseYear'), r.baseYear],
    [t('csv.meta.values'), t('csv.meta.valuesRounded')],
    [t('csv.meta.exported'), isoDate(input.exported)],
    [],
    tableHeader(),
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
    [t('csv.meta.comparisonOf'), t('csv.meta.scenarioCount', { count: list.length })],
    [t('csv.meta.scenario'), ...list.map((s) => s.name)],
    [t('csv.meta.geography'), ...list.map((s) => s.geography)],
    [t('csv.meta.seed'), ...list.map((s) => s.seed)],
    [t('csv.meta.modelVersion'), ...versions],
    [t('csv.meta.uncertainty'), list.some((s) => s.result.uncertainty) ? uncertaintyText(list.find((s) => s.result.uncertainty)?.result) : t('csv.uncertainty.central')],
    [t('csv.meta.exported'), isoDate(input.exported)],
    [],
    [t('csv.col.scenarioName'), t('csv.meta.geography'), ...tableHeader()],
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
    [t('csv.meta.chart'), input.title],
    [t('csv.col.unit'), input.unit],
    ...input.meta.map(([k, v]) => [k, v]),
    [t('csv.meta.exported'), isoDate(input.exported)],
    [],
    [t('csv.col.year'), ...input.columns.map((c) => c.name), ...(input.target === null ? [] : [t('csv.col.target')])],
    ...years.map((y) => [y, ...input.columns.map((c) => at(c, y)), ...(input.target === null ? [] : [input.target])]),
  ];
  return toCsv(rows);
}

/** The provenance line under every exported chart. */
export function sourceLine(o: { modelVersion: string; data?: string | undefined; scenarios: readonly string[]; geography?: string | undefined; date: Date }): string {
  const data = o.data ? t('export.source.data', { data: o.data }) : '';
  const names = o.scenarios.map((n) => t('export.source.quoted', { name: n })).join(', ');
  const scen = o.scenarios.length ? t('export.source.scenarios', { count: o.scenarios.length, names }) : '';
  const geo = o.geography ? ` (${o.geography})` : '';
  return t('export.source', { model: o.modelVersion, data, scenarios: scen, geography: geo, date: isoDate(o.date) });
}

/** A source as a short citation: a registry id resolved to "Title, Publisher, Year"; a literal citation as written. */
export function citeSource(id: string, sources: Readonly<Record<string, { title: string; publisher?: string; year?: number }>> | null): string {
  const s = sources?.[id];
  if (!s) return id;
  return [s.title, s.publisher, s.year].filter((x) => x !== undefined && x !== '').join(', ');
}
