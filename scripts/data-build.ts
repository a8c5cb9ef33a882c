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
 * This file assembles the build; its parts are in scripts/lib/data-build/: shapes.ts (types), constants.ts
 * (paths, editions, series codes), csv.ts (reading extracts), regional.ts and countries.ts (one reader and
 * transform per source), aggregates.ts (regional figures from the country data), history.ts (the back-test
 * series) and output.ts (deterministic JSON, console summary).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ITU_REGION_IDS } from './itu-regions.ts';
import { addCountryAggregates } from './lib/data-build/aggregates.ts';
import {
  COUNTRY_CSV,
  COUNTRY_INDEX_FILE,
  HISTORY_CSV,
  HISTORY_FILE,
  REGIONAL_CSV,
  REGIONS_FILE,
  REPO_ROOT,
  SOURCES_DIR,
  countryRegionFile,
  sourcesDir,
} from './lib/data-build/constants.ts';
import { buildCountries } from './lib/data-build/countries.ts';
import { DataBuildError, readInput } from './lib/data-build/csv.ts';
import { buildHistory } from './lib/data-build/history.ts';
import { describeFile, stableJson } from './lib/data-build/output.ts';
import { buildRegions } from './lib/data-build/regional.ts';
import type { CountryGeography, CountryIndexEntry } from './lib/data-build/shapes.ts';

export * from './lib/data-build/shapes.ts';
export * from './lib/data-build/constants.ts';
export { DataBuildError, parseCsv } from './lib/data-build/csv.ts';
export { median, medianOfLatest, sumPopulation } from './lib/data-build/aggregates.ts';
export { regionOf } from './lib/data-build/countries.ts';
export { buildHistory, describeFile, stableJson };

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
