/**
 * `npm run data:build`: turns the source extracts in data/sources/*.csv into the committed JSON under
 * src/model/data/generated/.
 *
 *   src/model/data/generated/regions.json               World + ITU's six regions, one edition per indicator, plus
 *                                                       aggregates of the country data (population, members, prices)
 *   src/model/data/generated/countries/index.json       [{ id, name, region }] for the Geography picker
 *   src/model/data/generated/countries/<region>.json    { <ISO3>: CountryGeography } (lazy-loaded per region)
 *
 * Deterministic: object keys sorted, arrays sorted by id, numbers printed by JSON (shortest round-trip), LF and
 * a trailing newline, so a rebuild is byte-identical (tests/unit/data-build.test.ts guards the drift).
 * Input: <repo>/data/sources only (each extract has a README with source, edition, licence, retrieval date), so a
 * fresh clone rebuilds the same bytes and nothing is read from outside the repository. Plain Node fs/path only.
 * Shapes follow src/model/data/DATA-FORMAT.md; the ISO3 -> region table is data in scripts/itu-regions.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ITU_REGION_IDS,
  ITU_REGION_NAMES,
  ITU_REGIONS,
  REGION_BY_GEOGRAPHY,
  REGION_BY_GEOGRAPHY_NOTE,
  isItuMemberState,
  type ItuRegionId,
} from './itu-regions.ts';

// ---------------------------------------------------------------------------------------------------------
// Shapes (DATA-FORMAT.md)

// Facts and series are the model's own types (src/model/geography.ts), so the generated files are
// typed as the model reads them.
export type { Fact, Series } from '../src/model/geography.ts';
import type { Fact, Series } from '../src/model/geography.ts';
/** The kinds of fact the data build writes (the model also knows 'user', for custom geographies). */
export type Kind = Exclude<Fact['kind'], 'user'>;

export type RegionIndicatorId =
  | 'coverage4g'
  | 'internetUse'
  | 'mobileOwnership'
  | 'households'
  | 'genderParity'
  | 'urbanRuralRatio'
  | 'youthRatio'
  | 'mbbPrice';
export type CountryIndicatorId = 'internetUse' | 'households' | 'mobileOwnership' | 'coverage4g' | 'mbbPrice';
export type GeographyId = 'world' | ItuRegionId;

export interface RegionGeography {
  id: GeographyId;
  name: string;
  /** Economies mapped to the geography that are ITU Member States (territories placed by geography excluded). */
  members: number;
  /** All economies mapped to the geography, territories included. */
  economies: number;
  /** Sum of the economies' derived populations (kind 'derived'). */
  population?: Fact;
  /** Median of the economies' 5 GB data-only mobile-broadband basket, USD per month (kind 'derived'). */
  priceUsdMonth?: Fact;
  indicators: Partial<Record<RegionIndicatorId, Fact>>;
  history: Partial<Record<RegionIndicatorId, Series>>;
  /** Series that are not indicators but bound one: 3G-or-better coverage (a soft bound on Internet use). */
  auxiliary?: { coverage3g?: Series };
}
export interface RegionsFile {
  editions: Partial<Record<RegionIndicatorId, string>>;
  generatedBy: string;
  generatedFrom: string[];
  geographies: Record<GeographyId, RegionGeography>;
}
export interface CountryGeography {
  id: string;
  name: string;
  region: ItuRegionId;
  regionNote?: string;
  population?: Fact;
  /** ITU DataHub series i271mb_5GB$, latest year: 5 GB data-only mobile-broadband basket, USD per month. */
  priceUsdMonth?: Fact;
  indicators: Partial<Record<CountryIndicatorId, Fact>>;
  history: Partial<Record<CountryIndicatorId, Series>>;
  /** Series that are not indicators but bound one: 3G-or-better coverage (a soft bound on Internet use). */
  auxiliary?: { coverage3g?: Series };
}
export interface CountryIndexEntry {
  id: string;
  name: string;
  region: ItuRegionId;
}

// ---------------------------------------------------------------------------------------------------------
// Constants

export const COUNTRY_CSV = 'itu-country-series.csv';
export const REGIONAL_CSV = 'itu-regional-aggregates.csv';
export const HISTORY_CSV = 'internet-use-history.csv';
export const HISTORY_FILE = 'src/model/data/generated/internet-use-history.json';
export const GENERATED_DIR = 'src/model/data/generated';
export const REGIONS_FILE = `${GENERATED_DIR}/regions.json`;
export const COUNTRY_INDEX_FILE = `${GENERATED_DIR}/countries/index.json`;
export const countryRegionFile = (region: ItuRegionId): string => `${GENERATED_DIR}/countries/${region}.json`;
export const GENERATED_BY = 'npm run data:build';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the source extracts live, relative to the repository root. */
export const SOURCES_DIR = 'data/sources';
/** The repository's own copy of the source extracts (never a folder outside the repository). */
export function sourcesDir(repoRoot: string = REPO_ROOT): string {
  return path.join(repoRoot, SOURCES_DIR);
}

/** The one edition used for every regional indicator it has. */
export const PRIMARY_EDITION = 'Nov 2024 (FF2024)';
/**
 * ITU workbook editions, newest first, used to find the newest edition of an indicator the primary edition
 * lacks. 'Nov 2025 (FF2025) - reconstructed' is deliberately absent: it is a third-party extraction.
 */
export const ITU_EDITIONS_NEWEST_FIRST = [
  'Nov 2024 (FF2024)',
  'rev1 Jan 2022 (FF2021 vintage, updated 25 Jan 2022)',
  '28 Oct 2019 (FF2019)',
] as const;

const REGION_GROUPS: ReadonlyArray<readonly [GeographyId, string]> = [
  ['world', 'World'],
  ['africa', 'Africa'],
  ['americas', 'Americas'],
  ['arab-states', 'Arab States'],
  ['asia-pacific', 'Asia-Pacific'],
  ['cis', 'CIS'],
  ['europe', 'Europe'],
];
const GEOGRAPHY_NAMES: Record<GeographyId, string> = { world: 'World', ...ITU_REGION_NAMES };

const REGION_SIMPLE: ReadonlyArray<readonly [RegionIndicatorId, string, string]> = [
  ['coverage4g', 'cov_lte_pct', 'Total'],
  ['internetUse', 'internet_use_pct', 'Total'],
  ['mobileOwnership', 'mobile_ownership_pct', 'Total'],
];
const REGION_RATIOS: ReadonlyArray<readonly [RegionIndicatorId, string, string, string]> = [
  ['genderParity', 'internet_use_pct', 'Sex: Female', 'Sex: Male'],
  ['urbanRuralRatio', 'internet_use_pct', 'Area: Rural', 'Area: Urban'],
  ['youthRatio', 'internet_use_pct', 'Age: Youth (15-24)', 'Age: Rest of the population'],
];
/** Not in the primary edition: whole series from the newest edition that has it for all seven geographies. */
const REGION_FALLBACK: ReadonlyArray<readonly [RegionIndicatorId, string, string]> = [
  ['households', 'hh_internet_pct', 'Total'],
];

export const COUNTRY_SERIES: Readonly<Record<CountryIndicatorId, string>> = {
  coverage4g: 'i271GA',
  households: 'xHH6_IDI',
  internetUse: 'i99H',
  mbbPrice: 'i271mb_5GB_GNI',
  mobileOwnership: 'xHH18_IDI',
};
/** Population covered by at least a 3G network (%): not an indicator, the soft bound on Internet use. */
export const COVERAGE_3G_SERIES = 'i271G';
/** 5 GB data-only mobile-broadband basket in USD per month (the `mbbPrice` series is the same basket in % of GNI p.c.). */
export const PRICE_USD_SERIES = 'i271mb_5GB$';
/**
 * The basket behind both price series, for notes. README caveat "Affordability series break": FF2024 reported a
 * world median of 1.1% of GNI p.c. for 2024 (2 GB basket, FF2022-FF2024), FF2025 1.5% for the same year (new basket);
 * the DataHub 5 GB series (2023-2025) gives 1.49% for 2024 and 1.38% for 2025 over all economies, i.e. the FF2025 basket.
 */
const PRICE_BASKET_NOTE =
  'Basket: data-only mobile broadband, 5 GB (the FF2025 basket; FF2022-FF2024 reported a 2 GB basket, e.g. a world ' +
  'median of 1.1% of GNI p.c. for 2024 in FF2024 against 1.5% in FF2025: do not splice the two).';
const MEDIAN_DECIMALS = 4;
/** [count series, per-100-inhabitants series], both of the same subscriptions (README: unit labels corrected). */
const POPULATION_PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['i271mw', 'i911mw', 'active mobile-broadband subscriptions'],
  ['i4213tfbb', 'i992b', 'fixed-broadband subscriptions'],
];
export const COUNTRY_EDITION = 'ITU DataHub export';
const RATIO_DECIMALS = 4;

// ---------------------------------------------------------------------------------------------------------
// Errors, CSV

/** Input missing or malformed; the message names the file. */
export class DataBuildError extends Error {
  override name = 'DataBuildError';
}

interface CsvRecord {
  line: number;
  get(column: string): string;
}

/** RFC 4180-style: quoted fields may hold commas, doubled quotes and newlines; CRLF or LF; optional BOM. */
export function parseCsv(text: string, file: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let rowLine = 1;
  let atFieldStart = true;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
    rowLine = line;
  };
  while (i < text.length) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new DataBuildError(`${file}: line ${startLine}: unterminated quoted field`);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new DataBuildError(`${file}: line ${line}: unexpected character after closing quote`);
      }
      atFieldStart = false;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      i += 2;
      line++;
      endRow();
    } else if (c === '\n') {
      i++;
      line++;
      endRow();
    } else {
      if (c === '"') throw new DataBuildError(`${file}: line ${line}: stray quote inside an unquoted field`);
      field += c;
      atFieldStart = false;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

function readTable(text: string, file: string, columns: readonly string[]): CsvRecord[] {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (!header) throw new DataBuildError(`${file}: empty file`);
  const index = new Map<string, number>();
  header.fields.forEach((name, k) => index.set(name.trim(), k));
  for (const c of columns) {
    if (!index.has(c)) throw new DataBuildError(`${file}: header lacks column "${c}"`);
  }
  const width = header.fields.length;
  return rows.slice(1).map((row) => {
    if (row.fields.length !== width) {
      throw new DataBuildError(`${file}: line ${row.line}: ${row.fields.length} fields, header has ${width}`);
    }
    return {
      line: row.line,
      get: (column: string) => row.fields[index.get(column) ?? -1] ?? '',
    };
  });
}

function parseYear(s: string, file: string, line: number): number {
  if (!/^\d{4}$/.test(s.trim())) throw new DataBuildError(`${file}: line ${line}: bad year "${s}"`);
  return Number(s);
}
function parseValue(s: string, file: string, line: number): number {
  const t = s.trim();
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) throw new DataBuildError(`${file}: line ${line}: bad value "${s}"`);
  return v;
}
/** ITU's free-text notes/sources: runs of whitespace (incl. line breaks inside quotes) become one space. */
const squish = (s: string): string => s.replace(/\s+/g, ' ').trim();
const roundTo = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
const latestYear = (m: ReadonlyMap<number, unknown>): number => Math.max(...m.keys());
const valuesRecord = (entries: Iterable<[number, number]>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [y, v] of [...entries].sort((a, b) => a[0] - b[0])) out[String(y)] = v;
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Regions

interface RegionalRow {
  value: number;
  flag: string;
  file: string;
  sheet: string;
}
type RegionalIndex = Map<string, Map<number, RegionalRow>>; // key: edition|indicator|breakdown|group

const regionalKey = (edition: string, indicator: string, breakdown: string, group: string) =>
  `${edition}|${indicator}|${breakdown}|${group}`;

function indexRegional(text: string): RegionalIndex {
  const f = REGIONAL_CSV;
  const cols = ['edition', 'indicator', 'breakdown', 'group', 'group_type', 'year', 'value', 'estimate_flag', 'source_file', 'sheet'];
  const out: RegionalIndex = new Map();
  for (const r of readTable(text, f, cols)) {
    const key = regionalKey(r.get('edition'), r.get('indicator'), r.get('breakdown'), r.get('group'));
    const year = parseYear(r.get('year'), f, r.line);
    const row: RegionalRow = {
      value: parseValue(r.get('value'), f, r.line),
      flag: r.get('estimate_flag').trim(),
      file: r.get('source_file').trim(),
      sheet: r.get('sheet').trim(),
    };
    let byYear = out.get(key);
    if (!byYear) out.set(key, (byYear = new Map()));
    const prev = byYear.get(year);
    if (prev && prev.value !== row.value) {
      throw new DataBuildError(`${f}: line ${r.line}: ${key} ${year} given twice with different values`);
    }
    if (!prev) byYear.set(year, row);
  }
  return out;
}

/** "Nov 2024 (FF2024)" -> "Nov 2024 edition, FF2024". */
function editionLabel(edition: string): string {
  const m = /^(.*?) \((.*)\)$/.exec(edition);
  return m ? `${m[1]} edition, ${m[2]}` : `${edition} edition`;
}
function regionalCitation(edition: string, rows: Iterable<RegionalRow>): string {
  const where = [...new Set([...rows].map((r) => `${r.file}, sheet "${r.sheet}"`))].sort();
  return `ITU, Key ICT indicators for the world and special regions (${editionLabel(edition)}), ${where.join('; ')}`;
}

function simpleRegional(edition: string, indicator: string, breakdown: string, series: Map<number, RegionalRow>) {
  const year = latestYear(series);
  const last = series.get(year)!;
  const fact: Fact = { value: last.value, year, kind: 'sourced', source: regionalCitation(edition, [last]) };
  if (last.flag) fact.note = `ITU estimate flag: ${last.flag}`;
  const hist: Series = {
    edition,
    source: `${regionalCitation(edition, series.values())}; ${indicator} (${breakdown})`,
    values: valuesRecord([...series].map(([y, r]) => [y, r.value])),
  };
  return { fact, hist };
}

function buildRegions(text: string): RegionsFile {
  const idx = indexRegional(text);
  const get = (edition: string, indicator: string, breakdown: string, group: string) =>
    idx.get(regionalKey(edition, indicator, breakdown, group));
  const need = (edition: string, indicator: string, breakdown: string, group: string) => {
    const s = get(edition, indicator, breakdown, group);
    if (!s || s.size === 0) {
      throw new DataBuildError(`${REGIONAL_CSV}: no rows for ${edition} / ${indicator} / ${breakdown} / ${group}`);
    }
    return s;
  };

  const editions: Partial<Record<RegionIndicatorId, string>> = {};
  const geographies = {} as Record<GeographyId, RegionGeography>;
  for (const [id] of REGION_GROUPS) {
    geographies[id] = { id, name: GEOGRAPHY_NAMES[id], members: 0, economies: 0, indicators: {}, history: {} };
  }

  for (const [ind, indicator, breakdown] of REGION_SIMPLE) {
    editions[ind] = PRIMARY_EDITION;
    for (const [id, group] of REGION_GROUPS) {
      const { fact, hist } = simpleRegional(PRIMARY_EDITION, indicator, breakdown, need(PRIMARY_EDITION, indicator, breakdown, group));
      geographies[id].indicators[ind] = fact;
      geographies[id].history[ind] = hist;
    }
  }

  // 3G-or-better coverage: not an indicator, the soft bound on Internet use (with 4G coverage)
  for (const [id, group] of REGION_GROUPS) {
    const { hist } = simpleRegional(PRIMARY_EDITION, 'cov_3g_pct', 'Total', need(PRIMARY_EDITION, 'cov_3g_pct', 'Total', group));
    geographies[id].auxiliary = { coverage3g: hist };
  }

  for (const [ind, indicator, numBreakdown, denBreakdown] of REGION_RATIOS) {
    editions[ind] = PRIMARY_EDITION;
    for (const [id, group] of REGION_GROUPS) {
      const num = need(PRIMARY_EDITION, indicator, numBreakdown, group);
      const den = need(PRIMARY_EDITION, indicator, denBreakdown, group);
      const ratios = new Map<number, number>();
      const used: RegionalRow[] = [];
      for (const [y, n] of num) {
        const d = den.get(y);
        if (d && d.value > 0) {
          ratios.set(y, roundTo(n.value / d.value, RATIO_DECIMALS));
          used.push(n, d);
        }
      }
      if (ratios.size === 0) {
        throw new DataBuildError(`${REGIONAL_CSV}: no common year for ${indicator} ${numBreakdown} / ${denBreakdown}, ${group}`);
      }
      const year = latestYear(ratios);
      const n = num.get(year)!;
      const d = den.get(year)!;
      const flags = [n.flag, d.flag].filter(Boolean);
      const formula = `${indicator} "${numBreakdown}" / "${denBreakdown}"`;
      geographies[id].indicators[ind] = {
        value: ratios.get(year)!,
        year,
        kind: 'derived',
        source: regionalCitation(PRIMARY_EDITION, [n, d]),
        note:
          `Computed as ${formula} (${n.value} / ${d.value}), both series from the same edition ` +
          `(${PRIMARY_EDITION}) and year (${year}).` +
          (flags.length ? ` ITU estimate flag: ${flags.join(', ')}` : ''),
      };
      geographies[id].history[ind] = {
        edition: PRIMARY_EDITION,
        source: `Derived, ${formula} of the same edition and year, rounded to ${RATIO_DECIMALS} decimals; ${regionalCitation(PRIMARY_EDITION, used)}`,
        values: valuesRecord(ratios),
      };
    }
  }

  for (const [ind, indicator, breakdown] of REGION_FALLBACK) {
    const edition = ITU_EDITIONS_NEWEST_FIRST.find((e) =>
      REGION_GROUPS.every(([, group]) => (get(e, indicator, breakdown, group)?.size ?? 0) > 0),
    );
    if (!edition) throw new DataBuildError(`${REGIONAL_CSV}: no ITU edition has ${indicator} (${breakdown}) for all seven geographies`);
    editions[ind] = edition;
    for (const [id, group] of REGION_GROUPS) {
      const { fact, hist } = simpleRegional(edition, indicator, breakdown, need(edition, indicator, breakdown, group));
      fact.note = [fact.note, `Not in the ${PRIMARY_EDITION} edition; whole series from the ${edition} edition.`]
        .filter(Boolean)
        .join(' ');
      geographies[id].indicators[ind] = fact;
      geographies[id].history[ind] = hist;
    }
  }

  return { editions, generatedBy: GENERATED_BY, generatedFrom: [COUNTRY_CSV, REGIONAL_CSV].sort(), geographies };
}

// ---------------------------------------------------------------------------------------------------------
// Countries

interface CountryRow {
  value: number;
  note: string;
  source: string;
}
export interface SeriesMeta {
  name: string;
  unit: string;
}

export function regionOf(iso3: string): { region: ItuRegionId; byGeography: boolean } | undefined {
  const listed = (ITU_REGIONS as Record<string, ItuRegionId>)[iso3];
  if (listed) return { region: listed, byGeography: false };
  const geo = (REGION_BY_GEOGRAPHY as Record<string, ItuRegionId>)[iso3];
  if (geo) return { region: geo, byGeography: true };
  return undefined;
}

function buildCountries(text: string): { countries: CountryGeography[]; meta: Map<string, SeriesMeta> } {
  const f = COUNTRY_CSV;
  const cols = ['series_code', 'series_name', 'unit', 'iso3', 'economy', 'year', 'value', 'note', 'source'];
  const data = new Map<string, Map<string, Map<number, CountryRow>>>(); // iso3 -> code -> year -> row
  const names = new Map<string, Set<string>>();
  const meta = new Map<string, SeriesMeta>();
  for (const r of readTable(text, f, cols)) {
    const iso3 = r.get('iso3').trim();
    const code = r.get('series_code').trim();
    if (!/^[A-Z]{3}$/.test(iso3)) throw new DataBuildError(`${f}: line ${r.line}: bad iso3 "${iso3}"`);
    if (!code) throw new DataBuildError(`${f}: line ${r.line}: empty series_code`);
    const year = parseYear(r.get('year'), f, r.line);
    const row: CountryRow = {
      value: parseValue(r.get('value'), f, r.line),
      note: squish(r.get('note')),
      source: squish(r.get('source')),
    };
    if (!meta.has(code)) meta.set(code, { name: r.get('series_name').trim(), unit: r.get('unit').trim() });
    let nameSet = names.get(iso3);
    if (!nameSet) names.set(iso3, (nameSet = new Set()));
    if (r.get('economy').trim()) nameSet.add(r.get('economy').trim());
    let byCode = data.get(iso3);
    if (!byCode) data.set(iso3, (byCode = new Map()));
    let byYear = byCode.get(code);
    if (!byYear) byCode.set(code, (byYear = new Map()));
    const prev = byYear.get(year);
    if (prev && prev.value !== row.value) {
      throw new DataBuildError(`${f}: line ${r.line}: ${code} ${iso3} ${year} given twice with different values`);
    }
    if (!prev) byYear.set(year, row);
  }
  const unmapped = [...data.keys()].filter((iso3) => !regionOf(iso3)).sort();
  if (unmapped.length > 0) {
    throw new DataBuildError(
      `${f}: no ITU region for ${unmapped.join(', ')}; add ${unmapped.length === 1 ? 'it' : 'them'} to scripts/itu-regions.ts`,
    );
  }

  for (const code of [...Object.values(COUNTRY_SERIES), PRICE_USD_SERIES, COVERAGE_3G_SERIES, ...POPULATION_PAIRS.flatMap(([a, b]) => [a, b])]) {
    if (!meta.has(code)) throw new DataBuildError(`${f}: no rows for series ${code}`);
  }
  const out: CountryGeography[] = [];
  for (const iso3 of [...data.keys()].sort()) {
    const byCode = data.get(iso3)!;
    const { region, byGeography } = regionOf(iso3)!;
    const name = [...(names.get(iso3) ?? [])].sort()[0] ?? iso3;
    const geo: CountryGeography = { id: iso3, name, region, indicators: {}, history: {} };
    if (byGeography) geo.regionNote = REGION_BY_GEOGRAPHY_NOTE;

    for (const [ind, code] of Object.entries(COUNTRY_SERIES) as [CountryIndicatorId, string][]) {
      const series = byCode.get(code);
      if (!series || series.size === 0) continue;
      geo.indicators[ind] = latestCountryFact(code, series);
      const m = meta.get(code)!;
      geo.history[ind] = {
        edition: COUNTRY_EDITION,
        source: `ITU DataHub, series ${code}: ${m.name} (${m.unit}); per-year sources as given by ITU`,
        values: valuesRecord([...series].map(([y, r]) => [y, r.value])),
      };
    }

    const cov3g = byCode.get(COVERAGE_3G_SERIES);
    if (cov3g && cov3g.size > 0) {
      const m = meta.get(COVERAGE_3G_SERIES)!;
      geo.auxiliary = {
        coverage3g: {
          edition: COUNTRY_EDITION,
          source: `ITU DataHub, series ${COVERAGE_3G_SERIES}: ${m.name} (${m.unit}); per-year sources as given by ITU`,
          values: valuesRecord([...cov3g].map(([y, r]) => [y, r.value])),
        },
      };
    }

    const usd = byCode.get(PRICE_USD_SERIES);
    if (usd && usd.size > 0) geo.priceUsdMonth = latestCountryFact(PRICE_USD_SERIES, usd);

    const population = derivePopulation(byCode);
    if (population) geo.population = population;
    out.push(geo);
  }
  return { countries: out, meta };
}

/** Latest value of a DataHub series, with ITU's per-value source and note. */
function latestCountryFact(code: string, series: Map<number, CountryRow>): Fact {
  const year = latestYear(series);
  const last = series.get(year)!;
  const fact: Fact = {
    value: last.value,
    year,
    kind: 'sourced',
    source: last.source ? `${last.source} (ITU DataHub, series ${code})` : `ITU DataHub, series ${code} (no per-value source given)`,
  };
  if (last.note) fact.note = last.note;
  return fact;
}

function derivePopulation(byCode: Map<string, Map<number, CountryRow>>): Fact | undefined {
  let best: { year: number; per100: number; fact: Fact } | undefined;
  for (const [countCode, per100Code, what] of POPULATION_PAIRS) {
    const counts = byCode.get(countCode);
    const per100 = byCode.get(per100Code);
    if (!counts || !per100) continue;
    for (const [year, c] of counts) {
      const p = per100.get(year);
      if (!p || !(c.value > 0) || !(p.value > 0)) continue;
      // Latest year wins; in a tie, the larger per-100 figure (smaller rounding error in the division).
      if (best && (year < best.year || (year === best.year && p.value <= best.per100))) continue;
      const value = Math.round((c.value / p.value) * 100);
      best = {
        year,
        per100: p.value,
        fact: {
          value,
          year,
          kind: 'derived',
          source: `ITU DataHub, series ${countCode} and ${per100Code} (derived)`,
          note:
            `Population derived as ${countCode} / ${per100Code} * 100 (${what}: ${c.value} / ${p.value} per 100 inhabitants), ` +
            `${year}, the latest year with both; rounded to whole people.`,
        },
      };
    }
  }
  return best?.fact;
}

// ---------------------------------------------------------------------------------------------------------
// Regional aggregates of the country data

/** Median of a non-empty list (mean of the middle two for an even count), rounded to MEDIAN_DECIMALS. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const m = v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return roundTo(m, MEDIAN_DECIMALS);
}

/** The most common value; a tie goes to the largest (the most recent year). */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, n] of counts) {
    const bn = counts.get(best)!;
    if (n > bn || (n === bn && v > best)) best = v;
  }
  return best;
}

/**
 * Sum of the economies' derived populations, each at its own latest derived year; economies without a figure are
 * left out (and counted in the note). Year: the most common year among the economies summed.
 */
export function sumPopulation(economies: readonly CountryGeography[]): Fact | undefined {
  const facts = economies.flatMap((c) => (c.population ? [c.population] : []));
  if (facts.length === 0) return undefined;
  const years = facts.map((f) => f.year);
  const omitted = economies.length - facts.length;
  return {
    value: facts.reduce((a, f) => a + f.value, 0),
    year: mostCommon(years),
    kind: 'derived',
    source:
      'ITU DataHub, series ' +
      POPULATION_PAIRS.map(([count, per100]) => `${count} and ${per100}`).join(', ') +
      ` (derived per economy, summed by ${GENERATED_BY})`,
    note:
      `sum of ${facts.length} economies' derived populations (ITU subscriptions ÷ per-100 series), ` +
      `${omitted} economies without a figure omitted; years ${Math.min(...years)}–${Math.max(...years)}`,
  };
}

/**
 * Median over the economies' latest values of one series, for the latest year any of them has; economies whose
 * latest value is older are left out (and counted in the note), so the median never mixes years.
 */
export function medianOfLatest(
  economies: readonly CountryGeography[],
  pick: (c: CountryGeography) => Fact | undefined,
  describe: { code: string; what: string; meta: SeriesMeta },
): Fact | undefined {
  const facts = economies.flatMap((c) => {
    const f = pick(c);
    return f ? [f] : [];
  });
  if (facts.length === 0) return undefined;
  const year = Math.max(...facts.map((f) => f.year));
  const inYear = facts.filter((f) => f.year === year);
  const older = facts.length - inYear.length;
  const { code, what, meta } = describe;
  return {
    value: median(inYear.map((f) => f.value)),
    year,
    kind: 'derived',
    source: `ITU DataHub, series ${code}: ${meta.name} (${meta.unit}); median by ${GENERATED_BY}`,
    note:
      `median of ${inYear.length} economies, ITU DataHub 5 GB data-only basket${what}, latest year ${year}; ` +
      `not an ITU-published aggregate. All economies in the geography with a ${year} value count, territories ` +
      `included` +
      (older > 0 ? `; ${older} ${older === 1 ? 'economy' : 'economies'} with only older values left out` : '') +
      `. ${PRICE_BASKET_NOTE}`,
  };
}

function addCountryAggregates(regions: RegionsFile, countries: readonly CountryGeography[], meta: Map<string, SeriesMeta>): void {
  for (const [id] of REGION_GROUPS) {
    const economies = id === 'world' ? countries : countries.filter((c) => c.region === id);
    const geo = regions.geographies[id];
    geo.economies = economies.length;
    geo.members = economies.filter((c) => isItuMemberState(c.id)).length;
    const population = sumPopulation(economies);
    if (population) geo.population = population;
    const usd = medianOfLatest(economies, (c) => c.priceUsdMonth, {
      code: PRICE_USD_SERIES,
      what: ' (USD per month)',
      meta: meta.get(PRICE_USD_SERIES)!,
    });
    if (usd) geo.priceUsdMonth = usd;
    const gni = medianOfLatest(economies, (c) => c.indicators.mbbPrice, {
      code: COUNTRY_SERIES.mbbPrice,
      what: '',
      meta: meta.get(COUNTRY_SERIES.mbbPrice)!,
    });
    if (gni) geo.indicators.mbbPrice = gni;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Output

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function formatValue(v: unknown, indent: string): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number in output: ${v}`);
    return JSON.stringify(Object.is(v, -0) ? 0 : v);
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isPrimitive)) return `[${v.map((x) => formatValue(x, inner)).join(', ')}]`;
    return `[\n${v.map((x) => inner + formatValue(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return '{}';
    // Leaf objects (a Fact, a year -> value record, an index entry) go on one line.
    if (entries.every(([, x]) => isPrimitive(x))) {
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${formatValue(x, inner)}`).join(', ')}}`;
    }
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatValue(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  throw new Error(`cannot serialise ${typeof v}`);
}

/** Deterministic JSON: keys sorted, leaf objects inline, 2-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  return formatValue(value, '') + '\n';
}

function readInput(dir: string, file: string): string {
  const full = path.join(dir, file);
  try {
    return readFileSync(full, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new DataBuildError(`${file}: cannot read ${path.relative(REPO_ROOT, full) || full} (${why})`);
  }
}

/**
 * The one consistent Internet-use series (World and four income groups, ITU via World Bank WDI,
 * update of 2025-01-24), used by the back-test: { source, series: { name: { year: value } } }.
 */
export function buildHistory(historyCsv: string): string {
  const rows = parseCsv(historyCsv, HISTORY_CSV);
  const header = rows[0]?.fields.join(',');
  if (header !== 'series,year,individuals_using_internet_pct') {
    throw new DataBuildError(`${HISTORY_CSV}: unexpected header "${header ?? ''}"`);
  }
  const series: Record<string, Record<string, number>> = {};
  for (const { line, fields } of rows.slice(1)) {
    const [name, year, value] = fields;
    const v = Number(value);
    if (!name || !/^\d{4}$/.test(year ?? '') || value === undefined || value === '' || !Number.isFinite(v)) {
      throw new DataBuildError(`${HISTORY_CSV}: line ${line}: expected series,year,value`);
    }
    (series[name] ??= {})[year as string] = Math.round(v * 1e4) / 1e4;
  }
  return stableJson({
    source: 'ITU, individuals using the Internet (% of population), via World Bank WDI (IT.NET.USER.ZS), update of 2025-01-24; one consistent series',
    generatedBy: GENERATED_BY,
    generatedFrom: [HISTORY_CSV],
    series,
  });
}

/** Pure build from the CSV texts: relative output path -> file content. */
export function buildFromText(countryCsv: string, regionalCsv: string, historyCsv?: string): Map<string, string> {
  const regions = buildRegions(regionalCsv);
  const { countries, meta } = buildCountries(countryCsv);
  addCountryAggregates(regions, countries, meta);
  const files = new Map<string, string>();
  files.set(REGIONS_FILE, stableJson(regions));
  const index: CountryIndexEntry[] = countries.map(({ id, name, region }) => ({ id, name, region }));
  files.set(COUNTRY_INDEX_FILE, stableJson(index));
  for (const region of ITU_REGION_IDS) {
    const members: Record<string, CountryGeography> = {};
    for (const c of countries) if (c.region === region) members[c.id] = c;
    files.set(countryRegionFile(region), stableJson(members));
  }
  if (historyCsv !== undefined) files.set(HISTORY_FILE, buildHistory(historyCsv));
  return files;
}

/** Reads <dir>/itu-country-series.csv, itu-regional-aggregates.csv and internet-use-history.csv; writes nothing. */
export function buildAll(dir: string = sourcesDir()): Map<string, string> {
  return buildFromText(readInput(dir, COUNTRY_CSV), readInput(dir, REGIONAL_CSV), readInput(dir, HISTORY_CSV));
}

/** One line of counts per output file (for the console). */
export function describeFile(relPath: string, content: string): string {
  const bytes = Buffer.byteLength(content, 'utf8');
  const size = `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
  const parsed: unknown = JSON.parse(content);
  const count = (geos: { indicators: Record<string, unknown>; population?: unknown }[]) => {
    const per: Record<string, number> = {};
    let pop = 0;
    for (const g of geos) {
      for (const k of Object.keys(g.indicators)) per[k] = (per[k] ?? 0) + 1;
      if (g.population) pop++;
    }
    const list = Object.keys(per)
      .sort()
      .map((k) => `${k} ${per[k]}`)
      .join(', ');
    return `indicators with data: ${list || 'none'}; population ${pop}`;
  };
  let what: string;
  if (relPath === HISTORY_FILE) {
    const series = (parsed as { series: Record<string, Record<string, number>> }).series;
    what = `${Object.keys(series).length} series, ${Object.values(series).reduce((n, s) => n + Object.keys(s).length, 0)} values`;
  } else if (relPath === REGIONS_FILE) {
    const geos = Object.values((parsed as RegionsFile).geographies);
    what = `${geos.length} geographies; ${count(geos)}`;
  } else if (Array.isArray(parsed)) {
    what = `${parsed.length} economies`;
  } else {
    const geos = Object.values(parsed as Record<string, CountryGeography>);
    what = `${geos.length} economies; ${count(geos)}`;
  }
  return `${size}  ${relPath}  (${what})`;
}

function main(): void {
  let files: Map<string, string>;
  try {
    files = buildAll();
  } catch (e) {
    if (e instanceof DataBuildError) {
      console.error(`data:build failed: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  let total = 0;
  for (const [rel, content] of files) {
    const full = path.join(REPO_ROOT, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content, 'utf8');
    total += Buffer.byteLength(content, 'utf8');
    console.log(describeFile(rel, content));
  }
  console.log(`${`${(total / 1024).toFixed(1)} KB`.padStart(9)}  total, ${files.size} files, from ${SOURCES_DIR}/`);
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(path.resolve(invokedPath)).href) main();
