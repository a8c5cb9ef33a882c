// Number, money, date and list formatting for the UI, the exports and the state classes, in the active
// language (`activeLocale()`, src/i18n/runtime.ts) through Intl: no separator, digit, percent sign's place
// or currency position is written by hand. The command line and Node tests run in English
// (src/i18n/english.ts), where every function gives what it gave before the app spoke six languages.
import { activeLocale } from '../i18n/runtime.ts';
import { formatList as intlList, formatUsd as intlUsd, formatUsdCompact, intlLocale } from '../i18n/intl.ts';
import type { Locale } from '../i18n/locales.ts';

// One formatter per locale and options, made once: building an Intl.NumberFormat costs far more than
// using it, and a lever drag formats a few hundred numbers a frame.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, id: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${id}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(intlLocale(locale), options)));
  return f;
}
/** Exactly `digits` decimals. */
const nf = (digits: number): Intl.NumberFormat => numberFormat(activeLocale(), `fixed${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A value of an indicator, with as many digits as the registry says. */
export function formatValue(value: number | undefined, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return nf(digits).format(value);
}

/**
 * A share in percent units with exactly `digits` decimals, as the locale writes it: "86.0%", "86,0 %",
 * "86,0 %" (ru), "86.0%" (zh). The sign's place and spacing come from Intl.
 */
export function formatPercentValue(percent: number | undefined, digits = 0): string {
  if (percent === undefined || !Number.isFinite(percent)) return '–';
  return numberFormat(activeLocale(), `pct${digits}`, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(percent / 100);
}

/** "86%" style for shares, "0.93" for ratios, "115" for indices. */
export function formatWithUnit(value: number | undefined, unit: string, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (unit.startsWith('%')) return formatPercentValue(value, Math.min(digits, 1));
  return formatValue(value, digits);
}

/**
 * USD with a scale word. English keeps the app's house style ("USD 1.2 bn", "USD 350 m", "USD 12,000");
 * the other languages write the amount as Intl's compact currency does in that language ("1,2 Md USD",
 * "12 млрд USD", "USD 12亿", "1200 M USD").
 */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return '–';
  const a = Math.abs(usd);
  const locale = activeLocale();
  if (locale !== 'en') {
    if (a < 1e6) return intlUsd(locale, usd);
    return formatUsdCompact(locale, usd, a >= 1e12 ? 2 : a >= 1e11 || (a >= 1e8 && a < 1e9) ? 0 : 1);
  }
  if (a >= 1e12) return `USD ${nf(2).format(usd / 1e12)} tn`;
  if (a >= 1e9) return `USD ${nf(a >= 1e11 ? 0 : 1).format(usd / 1e9)} bn`;
  if (a >= 1e6) return `USD ${nf(a >= 1e8 ? 0 : 1).format(usd / 1e6)} m`;
  return `USD ${nf(0).format(usd)}`;
}

/** A probability as a whole percentage: "72%", "72 %". */
export function formatProbability(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return '–';
  return formatPercentValue(p * 100, 0);
}

/** Lever value with its unit, compactly. */
export function formatLever(value: number, step: number): string {
  const digits = step < 1 ? 1 : 0;
  return nf(digits).format(value);
}

/** A plain number with up to `maxDigits` decimals (at least `minDigits`): "1,000", "2.5", "1 000". */
export function formatNumber(value: number, maxDigits = 3, minDigits = 0): string {
  const min = Math.min(minDigits, maxDigits);
  return numberFormat(activeLocale(), `num${maxDigits}:${min}`, { maximumFractionDigits: maxDigits, minimumFractionDigits: min }).format(value);
}

/** A number to `digits` significant digits: "0.1235", "12,350". */
export function formatSignificant(value: number, digits: number): string {
  return numberFormat(activeLocale(), `sig${digits}`, { maximumSignificantDigits: digits }).format(value);
}

/** A calendar year, never grouped ("2030", not "2,030"). */
export function formatYear(year: number): string {
  return numberFormat(activeLocale(), 'year', { useGrouping: false, maximumFractionDigits: 0 }).format(year);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(id: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = activeLocale();
  const key = `${locale}|${id}`;
  let f = dateFormatters.get(key);
  if (!f) dateFormatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), options)));
  return f;
}

/** A date and time as the UI writes it: "12/2/2026, 4:05:00 AM" in English, "02/12/2026 04:05:00" in French. */
export function formatDateTime(date: Date): string {
  return dateFormat('datetime', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(date);
}

/** A date and time, shorter ("Dec 2, 2026, 4:05 AM"): saved scenarios, the library. */
export function formatDateTimeShort(date: Date): string {
  return dateFormat('datetime-short', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A date in words: "2 December 2026" / "2 décembre 2026". */
export function formatDate(date: Date, style: 'short' | 'medium' | 'long' = 'long'): string {
  return dateFormat(`date-${style}`, { dateStyle: style }).format(date);
}

/** The time of day to the minute, on a 24-hour clock as the presenter's clock and the report write it. */
export function formatClock(date: Date): string {
  return dateFormat('clock', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A list joined as the language joins it: "a, b and c", "a, b et c", "a、b和c"; `unit`: "a, b, c" (no "and"). */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  return intlList(activeLocale(), items, type);
}
