// Reader and writer for the back-test's Internet-use history (internet-use-history.csv).
import { GENERATED_BY, HISTORY_CSV } from './constants.ts';
import { DataBuildError, parseCsv } from './csv.ts';
import { stableJson } from './output.ts';

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
