// Generates the tables of docs/MODEL.md from the registries (indicators and targets, levers,
// parameters, sources) and the pooled-trend tables, between `<!-- BEGIN generated:NAME -->` and
// `<!-- END generated:NAME -->` markers. `npm run docs:model` rewrites them; tests/unit/model-doc.test.ts
// fails when the committed document drifts from the registries.
import sources from '../../src/model/data/curated/sources.json';
import priors from '../../src/model/data/generated/trend-priors.json';
import { INDICATORS, TARGETS } from '../../src/model/registry/indicators.ts';
import { LEVERS } from '../../src/model/registry/levers.ts';
import { PARAMETERS } from '../../src/model/registry/parameters.ts';
import { PARAMETER_BASIS } from '../../src/model/registry/parameter-basis.ts';
import type { SourceMap } from '../../src/model/registry/source-entry.ts';
import { TARGET_RULES, UNIVERSAL_TOLERANCE } from '../../src/model/targets.ts';

const SOURCES = sources as unknown as SourceMap;

/** A table cell: pipes escaped, newlines flattened. */
const cell = (v: unknown): string => String(v ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const num = (x: number): string => (Math.abs(x) >= 1000 ? x.toLocaleString('en-US') : String(x));

function indicatorsTable(): string {
  const rows = INDICATORS.map((d) => {
    const t = TARGET_RULES[d.id];
    const rule = t.rule === 'band' && t.band ? `within ${t.band[0]}–${t.band[1]}` : t.rule === '>=' && t.target2030 === 100 ? `≥ 100 (met at ≥ ${100 - UNIVERSAL_TOLERANCE})` : `${t.rule === '>=' ? '≥' : '≤'} ${t.target2030}`;
    const title = TARGETS.find((x) => x.id === d.target)?.title ?? '';
    return `| ${d.target} ${cell(title)} | \`${d.id}\` ${cell(d.name)} | ${cell(d.unit)} | ${rule} | ${t.kind} | \`${t.source}\` |`;
  });
  return ['| target | indicator | unit | 2030 rule | kind | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function leversTable(): string {
  const rows = LEVERS.map((l) => `| \`${l.id}\` ${cell(l.label)} | ${cell(l.unit)} | ${l.min}–${l.max} | ${l.moves.map((m) => `\`${m}\``).join(', ')} | ${l.parameters.map((p) => `\`${p}\``).join(', ')} |`);
  return ['| lever | unit | range | moves | parameters |', '|---|---|---|---|---|', ...rows].join('\n');
}

function parametersTable(): string {
  const rows = PARAMETERS.map((p) => {
    const kind = p.kind === 'sourced' ? `sourced${'year' in p && p.year !== undefined ? ` (${p.year})` : ''}` : '**assumption**';
    return `| \`${p.id}\` | ${cell(p.label)} | ${num(p.central)} | ${num(p.low)} to ${num(p.high)} | ${cell(p.unit)} | ${kind} | ${p.sources.map((s) => `\`${s}\``).join(', ')} | ${cell(PARAMETER_BASIS[p.id])} |`;
  });
  const assumptions = PARAMETERS.filter((p) => p.kind === 'assumption').length;
  return [
    `${PARAMETERS.length} parameters, ${PARAMETERS.length - assumptions} sourced and ${assumptions} assumptions (each with a range and a reason).`,
    '',
    '| id | label | central | range | unit | kind | sources | basis |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Every source id a parameter or a target cites, with its publication. */
function sourcesList(): string {
  const cited = new Set<string>();
  for (const p of PARAMETERS) for (const s of p.sources) cited.add(s);
  for (const d of INDICATORS) cited.add(TARGET_RULES[d.id].source);
  return [...cited]
    .sort()
    .map((id) => {
      const s = SOURCES[id];
      if (!s) return `- \`${id}\`: **missing from sources.json**`;
      const pub = [s.publisher, s.year].filter((x) => x !== undefined && x !== '').join(', ');
      return `- \`${id}\`: ${cell(s.title)}${pub ? `. ${cell(pub)}` : ''}.${s.url ? ` <${s.url}>` : ''}${s.secondary ? ' *(read second-hand)*' : s.kind === 'copy' ? ' *(copy of the publisher’s text)*' : ''}`;
    })
    .join('\n');
}

interface RateRow { full: { intercept: number; level: number; own: number }; short: { intercept: number; level: number }; n: number; min: number; max: number }
interface SpreadRow { level: number; rate: number; levelLow: number; rateLow: number; correlation: number; byLevel?: Array<{ from: number; level: number; rate: number; levelLow: number; rateLow: number }> }

function priorsTable(): string {
  const t = priors as unknown as { indicators: Record<string, Record<string, { groups: Record<string, RateRow>; spread: SpreadRow; aggregateSpread?: SpreadRow }>> };
  const rows: string[] = [];
  const f = (x: number) => x.toFixed(3);
  for (const [id, byYear] of Object.entries(t.indicators)) {
    const years = Object.keys(byYear).sort();
    const last = years.at(-1);
    if (!last) continue;
    const row = byYear[last]!;
    for (const [g, p] of Object.entries(row.groups)) {
      rows.push(`| \`${id}\` | ${g} | ${p.n} | ${f(p.full.intercept)} + ${f(p.full.level)}·logit(x) + ${f(p.full.own)}·ŝ | ${f(p.short.intercept)} + ${f(p.short.level)}·logit(x) | ${f(p.min)} to ${f(p.max)} |`);
    }
    // a spread as "level up/down, rate up/down" (one figure where the two sides are equal)
    const side = (a: number, b: number) => (a === b ? f(a) : `${f(a)}↑ ${f(b)}↓`);
    const sp = (x: { level: number; rate: number; levelLow: number; rateLow: number }) => `level ${side(x.level, x.levelLow)}, rate ${side(x.rate, x.rateLow)}`;
    const bands = row.spread.byLevel ?? [{ from: 0, ...row.spread }];
    bands.forEach((b, j) => {
      const to = bands[j + 1]?.from ?? 100;
      const who = row.spread.byLevel ? `economies with x in ${b.from}–${to}%` : 'economies';
      rows.push(`| \`${id}\` | Monte Carlo spread, ${who} | | ${sp(b)}, ρ ${row.spread.correlation} | | |`);
    });
    if (row.aggregateSpread) rows.push(`| \`${id}\` | Monte Carlo spread, World and regions | | ${sp(row.aggregateSpread)}, ρ ${row.aggregateSpread.correlation} | | |`);
  }
  return [
    'Vantage year 2025 (every vantage year since 2005 is in `src/model/data/generated/trend-priors.json`). Rates are logit units a year; ŝ is the own rate. Spreads are logit sd, ↑ for shocks that move the path up and ↓ down (§3.7); x is the level of the last observation.',
    '',
    '| indicator | peer group | cases | rate with an own rate | rate without | realised range |',
    '|---|---|---:|---|---|---|',
    ...rows,
  ].join('\n');
}

export const GENERATED: Record<string, () => string> = {
  indicators: indicatorsTable,
  levers: leversTable,
  parameters: parametersTable,
  sources: sourcesList,
  priors: priorsTable,
};

/** Rewrites every generated block of the document; throws when a marker is missing. */
export function updateModelDoc(text: string): string {
  let out = text;
  for (const [name, render] of Object.entries(GENERATED)) {
    const begin = `<!-- BEGIN generated:${name} -->`;
    const end = `<!-- END generated:${name} -->`;
    const a = out.indexOf(begin);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/MODEL.md: missing ${begin} … ${end}`);
    out = `${out.slice(0, a + begin.length)}\n${render()}\n${out.slice(b)}`;
  }
  return out;
}

/** The hand-written part: the document without its generated blocks. */
export function handWritten(text: string): string {
  return text.replace(/<!-- BEGIN generated:(\w+) -->[\s\S]*?<!-- END generated:\1 -->/g, '');
}
