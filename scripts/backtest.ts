// Entry point of `npm run backtest`: see src/cli/backtest.ts. Prints the tables and writes them to
// docs/VALIDATION.md. Also reads which held-back values are ITU's own estimates (the `source` column of
// data/sources/itu-country-series.csv says "ITU estimate"), so the report can score national figures
// apart from them.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/backtest.ts';
import { COUNTRY_SERIES } from './lib/data-build/constants.ts';
import { parseCsv } from './lib/data-build/csv.ts';

function itusEstimates(): Set<string> {
  const file = fileURLToPath(new URL('../data/sources/itu-country-series.csv', import.meta.url));
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'), file);
  const col = (name: string) => head!.fields.indexOf(name);
  const [code, iso, year, source] = ['series_code', 'iso3', 'year', 'source'].map(col) as [number, number, number, number];
  const byCode = new Map(Object.entries(COUNTRY_SERIES).map(([id, c]) => [c, id]));
  const out = new Set<string>();
  for (const r of rows) {
    const id = byCode.get(r.fields[code]!);
    if (id && /\bITU estimate\b/i.test(r.fields[source] ?? '')) out.add(`${r.fields[iso]}:${id}:${r.fields[year]}`);
  }
  return out;
}

const { code, markdown } = await main((t) => process.stdout.write(t), itusEstimates());
writeFileSync(fileURLToPath(new URL('../docs/VALIDATION.md', import.meta.url)), markdown);
process.stdout.write('wrote docs/VALIDATION.md\n');
process.exitCode = code;
