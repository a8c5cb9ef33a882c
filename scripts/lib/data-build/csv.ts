// Reading the source extracts: an RFC 4180 CSV parser, a header-checked table reader, value parsers
// whose errors name the file and line, and the small number helpers every reader shares.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './constants.ts';

/** Input missing or malformed; the message names the file. */
export class DataBuildError extends Error {
  override name = 'DataBuildError';
}


export interface CsvRecord {
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

export function readTable(text: string, file: string, columns: readonly string[]): CsvRecord[] {
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

export function parseYear(s: string, file: string, line: number): number {
  if (!/^\d{4}$/.test(s.trim())) throw new DataBuildError(`${file}: line ${line}: bad year "${s}"`);
  return Number(s);
}
export function parseValue(s: string, file: string, line: number): number {
  const t = s.trim();
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) throw new DataBuildError(`${file}: line ${line}: bad value "${s}"`);
  return v;
}
/** ITU's free-text notes/sources: runs of whitespace (incl. line breaks inside quotes) become one space. */
export const squish = (s: string): string => s.replace(/\s+/g, ' ').trim();
export const roundTo = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
export const latestYear = (m: ReadonlyMap<number, unknown>): number => Math.max(...m.keys());
export const valuesRecord = (entries: Iterable<[number, number]>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [y, v] of [...entries].sort((a, b) => a[0] - b[0])) out[String(y)] = v;
  return out;
};

/** The text of one extract in `dir`; a missing or unreadable file is a DataBuildError naming it. */
export function readInput(dir: string, file: string): string {
  const full = path.join(dir, file);
  try {
    return readFileSync(full, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new DataBuildError(`${file}: cannot read ${path.relative(REPO_ROOT, full) || full} (${why})`);
  }
}

