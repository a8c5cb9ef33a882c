// Writing the generated files: deterministic JSON (keys sorted, leaf objects inline, LF, trailing
// newline, so a rebuild is byte-identical) and the one-line console summary of each file.
import { HISTORY_FILE, REGIONS_FILE } from './constants.ts';
import type { CountryGeography, RegionsFile } from './shapes.ts';

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
