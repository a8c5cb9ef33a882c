// Plain-language text for the scenario library and the comparison: geography names, lever settings
// in words, search folding and dates (downloads: download.ts). No model code: registries and types only.
export { downloadText } from './download.ts';
import { geographyNameById } from '../lib/geography-name.ts';
import type { GeographyListing } from '../model/index.ts';
import { LEVERS, type LeverDef } from '../model/registry/levers.ts';
import type { Scenario } from '../scenario/types.ts';
import { formatDateTimeShort, formatNumber } from '../lib/format.ts';
import { t } from '../i18n/runtime.ts';
import { keys } from '../i18n/keys.ts';

/** A lever value without padding zeros: "3", "2.5". */
function leverNumber(l: LeverDef, value: number): string {
  return formatNumber(value, l.step < 1 ? 1 : 0);
}

/** Case- and accent-insensitive form of a text, for searching ("São Tomé" matches "sao tome"). */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** A scenario's geography by name; custom ones by the name their author typed. Falls back to the id while the list loads. */
export function geographyName(g: Scenario['geography'], listing: readonly GeographyListing[]): string {
  if (typeof g !== 'string') return g.name;
  return geographyNameById(g, listing);
}

/** A scenario's geography by name; custom ones say so ("Kenya (custom)"). */
export function geographyLabel(g: Scenario['geography'], listing: readonly GeographyListing[]): string {
  return typeof g === 'string' ? geographyName(g, listing) : t('library.customGeography', { name: g.name });
}

/**
 * "25% of uncovered people newly covered per year", "USD 2 per person per year on …": one message per
 * lever (`library.leverAmount.<id>`), so each language places the number where its grammar wants it.
 */
export function leverAmount(l: LeverDef, value: number): string {
  return t(`library.leverAmount.${l.id}`, { n: leverNumber(l, value) });
}

/** The value with a short unit, for table cells whose row header gives the full unit: "25%", "USD 2", "3 points". */
export function leverCompact(l: LeverDef, value: number): string {
  const n = leverNumber(l, value);
  if (l.unit.startsWith('%')) return `${n}%`;
  if (l.unit.startsWith('USD')) return `USD ${n}`;
  if (l.unit.startsWith('percentage points')) return t('library.points', { count: value, n });
  return n;
}

export interface MovedLever {
  lever: LeverDef;
  value: number;
  /** Start year, only when the scenario sets one. */
  start: number | null;
}

/** The levers a scenario moves off their defaults, in registry order. */
export function movedLevers(s: Scenario): MovedLever[] {
  const out: MovedLever[] = [];
  for (const l of LEVERS) {
    const set = s.levers[l.id];
    if (set && set.value !== l.default) out.push({ lever: l, value: set.value, start: set.start });
  }
  return out;
}

/** The levers a scenario moves, strongest first (share of each lever's range). */
export function mainLevers(s: Scenario): MovedLever[] {
  return movedLevers(s).sort((a, b) => Math.abs(b.value - b.lever.default) / (b.lever.max - b.lever.min) - Math.abs(a.value - a.lever.default) / (a.lever.max - a.lever.min));
}

/** A moved lever in words: "Network rollout: 25% of uncovered people newly covered per year, from 2027". */
export function movedLeverText(m: MovedLever): string {
  return t('library.movedLever', {
    lever: t(keys.lever(m.lever.id, 'label')),
    amount: leverAmount(m.lever, m.value),
    hasStart: m.start !== null ? 'yes' : 'no',
    start: String(m.start ?? ''),
  });
}

/** The opening of a long text, cut at a sentence (or word) boundary; `rest` is empty when nothing was cut. */
export function shorten(text: string, max = 170): { head: string; rest: string } {
  const t = text.trim();
  if (t.length <= max) return { head: t, rest: '' };
  let end = -1;
  for (const m of t.slice(0, max + 1).matchAll(/[.!?](?=\s|$)/g)) end = m.index;
  let cut = end > 60 ? end + 1 : t.lastIndexOf(' ', max);
  if (cut <= 0) cut = max;
  return { head: t.slice(0, cut).trimEnd(), rest: t.slice(cut).trimStart() };
}

/** A timestamp in the page's language, in the reader's own time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDateTimeShort(d);
}

