// The data build's fixed choices: input and output paths, the ITU editions used, which extract series
// feed which indicator, and rounding. Data, not logic (the readers and transforms use them).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ITU_REGION_NAMES, type ItuRegionId } from '../../itu-regions.ts';
import type { CountryIndicatorId, GeographyId, RegionIndicatorId } from './shapes.ts';

export const COUNTRY_CSV = 'itu-country-series.csv';
export const REGIONAL_CSV = 'itu-regional-aggregates.csv';
export const HISTORY_CSV = 'internet-use-history.csv';
export const HISTORY_FILE = 'src/model/data/generated/internet-use-history.json';
export const GENERATED_DIR = 'src/model/data/generated';
export const REGIONS_FILE = `${GENERATED_DIR}/regions.json`;
export const COUNTRY_INDEX_FILE = `${GENERATED_DIR}/countries/index.json`;
export const countryRegionFile = (region: ItuRegionId): string => `${GENERATED_DIR}/countries/${region}.json`;
export const GENERATED_BY = 'npm run data:build';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
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

export const REGION_GROUPS: ReadonlyArray<readonly [GeographyId, string]> = [
  ['world', 'World'],
  ['africa', 'Africa'],
  ['americas', 'Americas'],
  ['arab-states', 'Arab States'],
  ['asia-pacific', 'Asia-Pacific'],
  ['cis', 'CIS'],
  ['europe', 'Europe'],
];
export const GEOGRAPHY_NAMES: Record<GeographyId, string> = { world: 'World', ...ITU_REGION_NAMES };

export const REGION_SIMPLE: ReadonlyArray<readonly [RegionIndicatorId, string, string]> = [
  ['coverage4g', 'cov_lte_pct', 'Total'],
  ['internetUse', 'internet_use_pct', 'Total'],
  ['mobileOwnership', 'mobile_ownership_pct', 'Total'],
];
export const REGION_RATIOS: ReadonlyArray<readonly [RegionIndicatorId, string, string, string]> = [
  ['genderParity', 'internet_use_pct', 'Sex: Female', 'Sex: Male'],
  ['urbanRuralRatio', 'internet_use_pct', 'Area: Rural', 'Area: Urban'],
  ['youthRatio', 'internet_use_pct', 'Age: Youth (15-24)', 'Age: Rest of the population'],
];
/** Not in the primary edition: whole series from the newest edition that has it for all seven geographies. */
export const REGION_FALLBACK: ReadonlyArray<readonly [RegionIndicatorId, string, string]> = [
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
export const PRICE_BASKET_NOTE =
  'Basket: data-only mobile broadband, 5 GB (the FF2025 basket; FF2022-FF2024 reported a 2 GB basket, e.g. a world ' +
  'median of 1.1% of GNI p.c. for 2024 in FF2024 against 1.5% in FF2025: do not splice the two).';
export const MEDIAN_DECIMALS = 4;
/** [count series, per-100-inhabitants series], both of the same subscriptions (README: unit labels corrected). */
export const POPULATION_PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['i271mw', 'i911mw', 'active mobile-broadband subscriptions'],
  ['i4213tfbb', 'i992b', 'fixed-broadband subscriptions'],
];
export const COUNTRY_EDITION = 'ITU DataHub export';
export const RATIO_DECIMALS = 4;
