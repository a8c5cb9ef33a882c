// Which locale to show: `?lang=xx` in the address, else the choice remembered on this device, else the
// browser's languages (navigator.languages, in order), else English. Pure: the caller passes the
// address's query, a storage-like object and the language list, so Node tests drive every branch.
import { isLocale, SOURCE_LOCALE, type Locale } from './locales.ts';

/** localStorage key of the remembered choice (a locale code). Scenario files never carry a language. */
export const LOCALE_STORAGE_KEY = 'pathways2030.lang';

export type LocaleSource = 'query' | 'stored' | 'browser' | 'default';

export interface LocaleInputs {
  /** The address's query string (`location.search`), with or without the leading "?". */
  search?: string | null;
  /** The remembered choice as stored (may be stale or tampered with). */
  stored?: string | null;
  /** Browser language tags, most preferred first (`navigator.languages`). */
  languages?: readonly string[] | null;
}

export interface ResolvedLocale {
  locale: Locale;
  source: LocaleSource;
  /** A `?lang=` value that named no available language, so the UI can say so; undefined otherwise. */
  rejectedQuery?: string;
}

/**
 * The available locale a BCP 47 tag asks for, by its primary language subtag: "fr-CA" → fr,
 * "zh-Hant-TW" → zh (the app has one Chinese catalogue, simplified script), "ES" → es.
 * Undefined when the language is not one of the six.
 */
export function matchLocale(tag: string): Locale | undefined {
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return isLocale(primary) ? primary : undefined;
}

/** Resolves the locale from the inputs, in the order query > stored > browser > English. */
export function resolveLocale(inputs: LocaleInputs): ResolvedLocale {
  let rejectedQuery: string | undefined;
  const query = inputs.search ? new URLSearchParams(inputs.search).get('lang') : null;
  if (query !== null) {
    const fromQuery = matchLocale(query);
    if (fromQuery) return { locale: fromQuery, source: 'query' };
    rejectedQuery = query;
  }
  const withRejected = (r: ResolvedLocale): ResolvedLocale => (rejectedQuery === undefined ? r : { ...r, rejectedQuery });
  // The stored value is exactly a code written by rememberLocale; anything else is ignored.
  if (isLocale(inputs.stored)) return withRejected({ locale: inputs.stored, source: 'stored' });
  for (const tag of inputs.languages ?? []) {
    const fromBrowser = matchLocale(tag);
    if (fromBrowser) return withRejected({ locale: fromBrowser, source: 'browser' });
  }
  return withRejected({ locale: SOURCE_LOCALE, source: 'default' });
}

/** Reads the remembered choice; storage that throws (private mode, blocked) counts as none. */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers a choice; returns false when storage refused it (the choice then lasts this visit only). */
export function rememberLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale): boolean {
  try {
    if (!storage) return false;
    storage.setItem(LOCALE_STORAGE_KEY, locale);
    return true;
  } catch {
    return false;
  }
}
