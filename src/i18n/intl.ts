// Locale-aware formatting through the browser's Intl, so no separator, digit, currency position or
// list word is written by hand: numbers, percentages, compact USD ("4,1 Md USD", "USD 4.1B"), dates,
// years, lists, and economy names (Intl.DisplayNames on ISO 3166-1 alpha-2 codes, the data's own
// name as the fallback). Formatters are cached per locale and options: Intl constructors are slow.
import { ISO2_BY_ISO3 } from './iso-regions.ts';
import type { Locale } from './locales.ts';

/**
 * The BCP 47 tag handed to Intl for a locale. Arabic is pinned to Western digits (`-u-nu-latn`):
 * ITU's Arabic documents and statistics write 0–9, CLDR ≥ 42 defaults `ar` to them as well, and pinning
 * keeps every engine the same. Change it here if native reviewers prefer Arabic-Indic digits (`arab`).
 */
export function intlLocale(locale: Locale): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : locale;
}

const numberCache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let f = numberCache.get(id);
  if (!f) numberCache.set(id, (f = new Intl.NumberFormat(intlLocale(locale), options)));
  return f;
}

/** A plain number with at most `digits` decimals (fewer when they are zeros): 12 345,6 in French. */
export function formatNumber(locale: Locale, value: number, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * A percentage given in percent units, as the model's indicators are (45.6 → "45.6%", "45,6 %",
 * "45.6‎%‎" in Arabic): the locale decides the sign's place and spacing.
 */
export function formatPercent(locale: Locale, percent: number, digits = 1): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(percent / 100);
}

/**
 * US dollars in the locale's compact form with the ISO code (the code, not "$", because several
 * locales write "$" for any dollar): 4.1e9 → "4,1 Md USD" (fr), "USD 4.1B" (en), "4,1 млрд USD" (ru),
 * "USD 41亿" (zh), "4100 M USD" (es: CLDR Spanish has no compact thousand-million).
 */
export function formatUsdCompact(locale: Locale, usd: number, digits = 1): string {
  return numberFormat(locale, { style: 'currency', currency: 'USD', currencyDisplay: 'code', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(usd);
}

/** US dollars in full, whole dollars unless `digits` says otherwise. */
export function formatUsd(locale: Locale, usd: number, digits = 0): string {
  return numberFormat(locale, { style: 'currency', currency: 'USD', currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(usd);
}

/** A calendar year without grouping (2030, never "2,030"), in the locale's digits. */
export function formatYear(locale: Locale, year: number): string {
  return numberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 }).format(year);
}

const dateCache = new Map<string, Intl.DateTimeFormat>();
/** A date in the locale's words ("15 janvier 2030"); `style` as Intl's dateStyle. */
export function formatDate(locale: Locale, date: Date, style: 'short' | 'medium' | 'long' = 'long'): string {
  const id = `${locale}|${style}`;
  let f = dateCache.get(id);
  if (!f) dateCache.set(id, (f = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style })));
  return f.format(date);
}

const listCache = new Map<string, Intl.ListFormat>();
/** A list joined as the locale joins it: "a, b et c", "a、b和c", "a وb وc"; `unit` lists without a conjunction ("a, b, c"). */
export function formatList(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  const id = `${locale}|${type}`;
  let f = listCache.get(id);
  if (!f) listCache.set(id, (f = new Intl.ListFormat(intlLocale(locale), { type, style: 'long' })));
  return f.format(items);
}

const displayCache = new Map<string, Intl.DisplayNames>();
/** `code`'s name in `locale` (a region or a language), or `fallback` when the engine has none. */
function displayName(locale: Locale, type: 'region' | 'language', code: string, fallback: string): string {
  const id = `${locale}|${type}`;
  let names = displayCache.get(id);
  if (!names) displayCache.set(id, (names = new Intl.DisplayNames([intlLocale(locale)], { type, fallback: 'none' })));
  try {
    return names.of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * An economy's name in the locale. `override` (a catalogue message for an economy whose UN name differs
 * from CLDR's, keys.economyName) wins; else Intl.DisplayNames on the ISO 3166-1 alpha-2 code; else the
 * data's own name, for ids with no code (ANT) or an engine without the name.
 */
export function economyName(locale: Locale, iso3: string, dataName: string, override?: string): string {
  if (override) return override;
  const iso2 = Object.hasOwn(ISO2_BY_ISO3, iso3) ? ISO2_BY_ISO3[iso3] : undefined;
  if (!iso2) return dataName;
  return displayName(locale, 'region', iso2, dataName);
}

/** A language's name in `locale` ("anglais" for en in French), the autonym-free form notices use. */
export function languageName(locale: Locale, code: string): string {
  return displayName(locale, 'language', code, code);
}
