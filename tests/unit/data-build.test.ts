// npm run data:build (scripts/data-build.ts): drift guard (always runs: the source extracts are in data/sources/),
// spot checks against the CSV, regions, ranges.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  buildAll,
  buildFromText,
  parseCsv,
  sourcesDir,
  COUNTRY_CSV,
  REGIONAL_CSV,
  HISTORY_CSV,
  DataBuildError,
  REPO_ROOT,
  HISTORY_FILE,
  REGIONS_FILE,
  COUNTRY_INDEX_FILE,
  GENERATED_DIR,
  countryRegionFile,
  type CountryGeography,
  type CountryIndexEntry,
  type RegionsFile,
} from '../../scripts/data-build.ts';
import { ITU_REGION_IDS, ITU_REGIONS, REGION_BY_GEOGRAPHY } from '../../scripts/itu-regions.ts';

const dir = sourcesDir();
const committed = (rel: string): string => readFileSync(path.join(REPO_ROOT, rel), 'utf8');

function committedCountries(): Record<string, CountryGeography> {
  const all: Record<string, CountryGeography> = {};
  for (const region of ITU_REGION_IDS) {
    Object.assign(all, JSON.parse(committed(countryRegionFile(region))) as Record<string, CountryGeography>);
  }
  return all;
}

describe('data:build drift guard', () => {
  it('the source extracts are in the repository, each (and any other extract there) with its README: source, edition, licence, retrieval date', () => {
    for (const csv of [COUNTRY_CSV, REGIONAL_CSV, HISTORY_CSV]) expect(existsSync(path.join(dir, csv)), `${csv} missing from data/sources/`).toBe(true);
    for (const csv of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      const readme = readFileSync(path.join(dir, csv.replace(/\.csv$/, '.README.md')), 'utf8');
      for (const heading of ['Source', 'Edition', 'Licence', 'Retrieved']) expect(readme, `${csv} README: ${heading}`).toContain(`## ${heading}`);
    }
  });

  it('rebuilding from data/sources gives byte-identical committed files', () => {
    const built = buildAll(dir);
    expect([...built.keys()].sort()).toEqual(
      [REGIONS_FILE, COUNTRY_INDEX_FILE, HISTORY_FILE, ...ITU_REGION_IDS.map(countryRegionFile)].sort(),
    );
    for (const [rel, content] of built) {
      expect(committed(rel), `${rel} is stale: run npm run data:build`).toBe(content);
    }
    const onDisk = readdirSync(path.join(REPO_ROOT, GENERATED_DIR, 'countries')).sort();
    expect(onDisk).toEqual(['index.json', ...ITU_REGION_IDS.map((r) => `${r}.json`)].sort());
  });

  it('a second build is identical to the first', () => {
    const a = buildAll(dir);
    const b = buildAll(dir);
    expect([...b]).toEqual([...a]);
  });
});

describe('country spot checks (values read by hand from itu-country-series.csv)', () => {
  // grep "^<code>,...,<ISO3>," itu-country-series.csv | sort by year | tail -1
  const expected: Record<string, Record<'internetUse' | 'households' | 'coverage4g', [number, number]>> = {
    KEN: { internetUse: [34.9762, 2024], households: [47.4679, 2024], coverage4g: [97.3, 2024] },
    BRA: { internetUse: [84.4635, 2024], households: [83.4368, 2024], coverage4g: [91.16, 2024] },
    DEU: { internetUse: [93.5, 2024], households: [92.649, 2024], coverage4g: [99.97, 2024] },
    IND: { internetUse: [70, 2025], households: [86.3, 2025], coverage4g: [99.06, 2024] },
    EGY: { internetUse: [72.6899, 2023], households: [75.538, 2023], coverage4g: [98, 2024] },
    KAZ: { internetUse: [93.3917, 2024], households: [97.0572, 2024], coverage4g: [91.6, 2024] },
  };
  const regions: Record<string, string> = {
    KEN: 'africa',
    BRA: 'americas',
    DEU: 'europe',
    IND: 'asia-pacific',
    EGY: 'arab-states',
    KAZ: 'cis',
  };
  const countries = committedCountries();
  for (const [iso3, byIndicator] of Object.entries(expected)) {
    it(`${iso3}: latest value and year, region ${regions[iso3]}`, () => {
      const c = countries[iso3];
      expect(c, iso3).toBeDefined();
      expect(c!.region).toBe(regions[iso3]);
      for (const [ind, [value, year]] of Object.entries(byIndicator)) {
        const fact = c!.indicators[ind as keyof typeof byIndicator];
        expect(fact, `${iso3} ${ind}`).toMatchObject({ value, year, kind: 'sourced' });
        expect(fact!.source).toMatch(/\(ITU DataHub, series |ITU DataHub, series /);
        expect(c!.history[ind as keyof typeof byIndicator]!.values[String(year)]).toBe(value);
      }
    });
  }

  it('DEU coverage note is ITU\'s note for that value', () => {
    expect(countries['DEU']!.indicators.coverage4g!.note).toMatch(/^Data refers only to the operator with the largest coverage/);
  });
});

describe('regions and ranges', () => {
  const countries = committedCountries();
  const index = JSON.parse(committed(COUNTRY_INDEX_FILE)) as CountryIndexEntry[];
  const regionsFile = JSON.parse(committed(REGIONS_FILE)) as RegionsFile;

  it('every economy has one of the six ITU regions, and the index matches the region files', () => {
    expect(index.length).toBeGreaterThan(200);
    expect(index.map((e) => e.id)).toEqual([...index.map((e) => e.id)].sort());
    for (const e of index) {
      expect(ITU_REGION_IDS).toContain(e.region);
      expect(countries[e.id]?.region, e.id).toBe(e.region);
      const listed = e.id in ITU_REGIONS;
      const byGeo = e.id in REGION_BY_GEOGRAPHY;
      expect(listed !== byGeo, `${e.id} must be in exactly one table`).toBe(true);
      expect(countries[e.id]!.regionNote === undefined).toBe(listed);
    }
    expect(Object.keys(countries).sort()).toEqual(index.map((e) => e.id));
  });

  it('every share is in [0, 100] and every ratio is positive', () => {
    const bad: string[] = [];
    const shares = ['internetUse', 'households', 'mobileOwnership', 'coverage4g'] as const;
    for (const c of Object.values(countries)) {
      for (const ind of shares) {
        const f = c.indicators[ind];
        if (f && !(f.value >= 0 && f.value <= 100)) bad.push(`${c.id} ${ind} ${f.value}`);
        for (const [y, v] of Object.entries(c.history[ind]?.values ?? {})) {
          if (!(v >= 0 && v <= 100)) bad.push(`${c.id} ${ind} ${y} ${v}`);
        }
      }
      const price = c.indicators.mbbPrice;
      if (price && !(price.value > 0)) bad.push(`${c.id} mbbPrice ${price.value}`);
      if (c.population && !(c.population.value > 0 && c.population.kind === 'derived')) bad.push(`${c.id} population`);
    }
    for (const g of Object.values(regionsFile.geographies)) {
      for (const ind of ['internetUse', 'households', 'mobileOwnership', 'coverage4g'] as const) {
        for (const [y, v] of Object.entries(g.history[ind]?.values ?? {})) {
          if (!(v >= 0 && v <= 100)) bad.push(`${g.id} ${ind} ${y} ${v}`);
        }
      }
      for (const ind of ['genderParity', 'urbanRuralRatio', 'youthRatio'] as const) {
        const f = g.indicators[ind];
        if (!f || !(f.value > 0 && f.value < 3) || f.kind !== 'derived') bad.push(`${g.id} ${ind}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('regional file: seven geographies, one edition per series, Nov 2024 except households', () => {
    expect(Object.keys(regionsFile.geographies).sort()).toEqual(['world', ...ITU_REGION_IDS].sort());
    expect(regionsFile.generatedBy).toBe('npm run data:build');
    for (const [ind, edition] of Object.entries(regionsFile.editions)) {
      expect(edition).toBe(ind === 'households' ? 'rev1 Jan 2022 (FF2021 vintage, updated 25 Jan 2022)' : 'Nov 2024 (FF2024)');
      for (const g of Object.values(regionsFile.geographies)) {
        expect(g.history[ind as keyof typeof g.history]!.edition).toBe(edition);
      }
    }
    // Read by hand from itu-regional-aggregates.csv (Nov 2024 edition).
    const world = regionsFile.geographies.world;
    expect(world.indicators.internetUse).toMatchObject({ value: 67.6, year: 2024 });
    expect(world.indicators.coverage4g).toMatchObject({ value: 91.8, year: 2024 });
    expect(world.indicators.genderParity!.value).toBeCloseTo(65.3 / 69.5, 4);
    expect(regionsFile.geographies.africa.indicators.households).toMatchObject({ value: 22.7, year: 2020 });
  });
});

describe('regional aggregates of the country data (recomputed from the committed country files)', () => {
  const countries = Object.values(committedCountries());
  const regionsFile = JSON.parse(committed(REGIONS_FILE)) as RegionsFile;
  const geographies = Object.values(regionsFile.geographies);
  const economiesOf = (id: string) => (id === 'world' ? countries : countries.filter((c) => c.region === id));
  // Independent of the build's median(): sort, middle value or mean of the middle two, 4 decimals.
  const medianOf = (xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    const m = v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
    return Math.round(m * 1e4) / 1e4;
  };

  it('world population is 7.5-8.5 bn, derived, with the note the model shows', () => {
    const pop = regionsFile.geographies.world.population!;
    expect(pop.value).toBeGreaterThan(7.5e9);
    expect(pop.value).toBeLessThan(8.5e9);
    expect(pop.kind).toBe('derived');
    expect(pop.note).toMatch(
      /^sum of \d+ economies' derived populations \(ITU subscriptions ÷ per-100 series\), \d+ economies without a figure omitted; years \d{4}–\d{4}$/,
    );
  });

  it('each geography\'s population is the sum of its economies\' populations, year the most common one', () => {
    let regionalTotal = 0;
    for (const g of geographies) {
      const eco = economiesOf(g.id);
      const facts = eco.flatMap((c) => (c.population ? [c.population] : []));
      const years = facts.map((f) => f.year);
      const counts = new Map<number, number>();
      for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
      const top = Math.max(...counts.values());
      const mode = Math.max(...[...counts].filter(([, n]) => n === top).map(([y]) => y));
      expect(g.population, g.id).toMatchObject({
        value: facts.reduce((a, f) => a + f.value, 0),
        year: mode,
        kind: 'derived',
        note:
          `sum of ${facts.length} economies' derived populations (ITU subscriptions ÷ per-100 series), ` +
          `${eco.length - facts.length} economies without a figure omitted; years ${Math.min(...years)}–${Math.max(...years)}`,
      });
      if (g.id !== 'world') regionalTotal += g.population!.value;
    }
    expect(regionalTotal).toBe(regionsFile.geographies.world.population!.value);
  });

  it('member and economy counts: ITU Member States only vs all economies', () => {
    for (const g of geographies) {
      const eco = economiesOf(g.id);
      expect(g.economies, g.id).toBe(eco.length);
      expect(g.members, g.id).toBe(eco.filter((c) => c.id in ITU_REGIONS && c.id !== 'PSE').length);
    }
    const world = regionsFile.geographies.world;
    expect(world.members).toBe(193);
    expect(world.economies).toBe(countries.length);
    const regional = geographies.filter((g) => g.id !== 'world');
    expect(regional.reduce((a, g) => a + g.members, 0)).toBe(193);
    expect(regional.reduce((a, g) => a + g.economies, 0)).toBe(world.economies);
  });

  it('every country priceUsdMonth is the latest i271mb_5GB$ value, sourced, positive', () => {
    const priced = countries.filter((c) => c.priceUsdMonth);
    expect(priced.length).toBeGreaterThan(200);
    for (const c of priced) {
      expect(c.priceUsdMonth!.kind).toBe('sourced');
      expect(c.priceUsdMonth!.value).toBeGreaterThan(0);
      expect(c.priceUsdMonth!.source).toMatch(/ITU DataHub, series i271mb_5GB\$/);
    }
    // Read by hand from itu-country-series.csv.
    expect(countries.find((c) => c.id === 'KEN')!.priceUsdMonth).toMatchObject({ value: 7.73, year: 2025 });
  });

  it('every regional median (USD and % of GNI) reproduces from the country files', () => {
    const picks = {
      priceUsdMonth: (c: CountryGeography) => c.priceUsdMonth,
      mbbPrice: (c: CountryGeography) => c.indicators.mbbPrice,
    };
    for (const g of geographies) {
      for (const [field, pick] of Object.entries(picks)) {
        const fact = field === 'mbbPrice' ? g.indicators.mbbPrice : g.priceUsdMonth;
        const facts = economiesOf(g.id).flatMap((c) => (pick(c) ? [pick(c)!] : []));
        const year = Math.max(...facts.map((f) => f.year));
        const inYear = facts.filter((f) => f.year === year).map((f) => f.value);
        expect(fact, `${g.id} ${field}`).toMatchObject({ value: medianOf(inYear), year, kind: 'derived' });
        expect(fact!.note).toContain(
          `median of ${inYear.length} economies, ITU DataHub 5 GB data-only basket${field === 'mbbPrice' ? '' : ' (USD per month)'}, ` +
            `latest year ${year}; not an ITU-published aggregate`,
        );
        expect(fact!.note).toMatch(/5 GB \(the FF2025 basket/);
        expect(fact!.source).toMatch(field === 'mbbPrice' ? /ITU DataHub, series i271mb_5GB_GNI/ : /ITU DataHub, series i271mb_5GB\$/);
      }
    }
    // FF2025 publishes a world median of 1.4% of GNI p.c. for 2025 (new basket).
    expect(regionsFile.geographies.world.indicators.mbbPrice).toMatchObject({ year: 2025 });
    expect(regionsFile.geographies.world.indicators.mbbPrice!.value).toBeCloseTo(1.4, 1);
  });
});

describe('CSV parser and failure messages', () => {
  it('handles quoted commas, doubled quotes, line breaks in quotes and CRLF', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3\n', 't.csv');
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('names the file when input is malformed or missing', () => {
    expect(() => parseCsv('a,b\n"open,1\n', 'x.csv')).toThrow(/x\.csv: line 2: unterminated/);
    expect(() => buildFromText('series_code,iso3\nA,KEN\n', '')).toThrow(DataBuildError);
    expect(() => buildAll(path.join(dir, 'no-such-folder'))).toThrow(/itu-country-series\.csv: cannot read data\/sources\/no-such-folder\/itu-country-series\.csv \(ENOENT\)/);
  });

  it('fails with a clear message when an ISO3 has no region mapping', () => {
    const regional = readFileSync(path.join(dir, REGIONAL_CSV), 'utf8');
    const country =
      'series_code,series_name,unit,iso3,economy,year,value,note,source\n' +
      'i99H,Individuals using the Internet,%,ZZZ,"Nowhere, Rep. of",2024,50,,\n';
    expect(() => buildFromText(country, regional)).toThrow(/itu-country-series\.csv: no ITU region for ZZZ; add it to scripts\/itu-regions\.ts/);
  });
});
