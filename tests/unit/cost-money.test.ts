// Protects "one currency, one year": the deflator the model uses is the sourced BEA series copied into
// data/sources (value for value), every price year a parameter converts from has a sourced value, and a
// year outside the series is refused with a message instead of a guessed factor.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COST_PRICE_YEAR, DEFLATOR_SOURCE_ID, US_GDP_DEFLATOR, toConstantUsdFactor } from '../../src/model/cost-money.ts';
import { PARAMETERS } from '../../src/model/registry/parameters.ts';
import sources from '../../src/model/data/curated/sources.json';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CSV = path.join(REPO, 'data/sources/us-gdp-deflator.csv');

function readCsv(): Map<number, number> {
  const [header, ...rows] = readFileSync(CSV, 'utf8').trim().split('\n');
  expect(header).toBe('observation_date,A191RD3A086NBEA');
  return new Map(rows.map((row) => {
    const [date, value] = row.split(',');
    return [Number(date!.slice(0, 4)), Number(value)];
  }));
}

describe('US GDP deflator', () => {
  it('the model’s table is the BEA series in data/sources, value for value, 2000 on', () => {
    const csv = readCsv();
    const years = Object.keys(US_GDP_DEFLATOR).map(Number);
    expect(years[0]).toBe(2000);
    for (const [year, value] of csv) {
      if (year < 2000) continue;
      expect(US_GDP_DEFLATOR[year], String(year)).toBe(value);
    }
    expect(years.length).toBe([...csv.keys()].filter((y) => y >= 2000).length);
    expect(US_GDP_DEFLATOR[2017]).toBe(100);
  });

  it('every year a cost is converted from, and the price year itself, has a sourced value', () => {
    const used = new Set<number>([COST_PRICE_YEAR]);
    for (const def of PARAMETERS) if ('usd' in def && def.usd) used.add(def.usd.year);
    for (const year of used) expect(US_GDP_DEFLATOR[year], `deflator for ${year}`).toBeGreaterThan(0);
    expect(used.size).toBeGreaterThan(1);
  });

  it('the deflator cites a primary source that exists in sources.json', () => {
    const src = (sources as Record<string, { url?: string; kind?: string }>)[DEFLATOR_SOURCE_ID];
    expect(src?.url).toMatch(/bea\.gov|stlouisfed\.org/);
  });

  it('converts with the ratio of the two years, and refuses a year outside the series', () => {
    expect(toConstantUsdFactor(COST_PRICE_YEAR)).toBe(1);
    expect(toConstantUsdFactor(2018)).toBeCloseTo(125.428 / 102.291, 12);
    expect(() => toConstantUsdFactor(1990)).toThrow(/no US GDP deflator for 1990 .*2000–2025/);
  });
});
