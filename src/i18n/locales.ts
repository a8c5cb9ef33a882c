// The six UN languages the app speaks, as data: code, each language's own name (autonym, what the
// language picker shows) and writing direction. English is the source locale every catalogue is
// checked against. Pure TypeScript, no Svelte, so Node tests and a later `.svelte.ts` state share it.

export const LOCALES = [
  { code: 'ar', autonym: 'العربية', dir: 'rtl' },
  { code: 'zh', autonym: '中文', dir: 'ltr' },
  { code: 'en', autonym: 'English', dir: 'ltr' },
  { code: 'fr', autonym: 'Français', dir: 'ltr' },
  { code: 'ru', autonym: 'Русский', dir: 'ltr' },
  { code: 'es', autonym: 'Español', dir: 'ltr' },
] as const satisfies ReadonlyArray<{ code: string; autonym: string; dir: 'ltr' | 'rtl' }>;

export type LocaleDef = (typeof LOCALES)[number];
export type Locale = LocaleDef['code'];
export type Direction = LocaleDef['dir'];

/** The locale the catalogues are written from, and the last resort of resolution. */
export const SOURCE_LOCALE: Locale = 'en';

export const LOCALE_CODES: readonly Locale[] = LOCALES.map((l) => l.code);

const BY_CODE = Object.fromEntries(LOCALES.map((l) => [l.code, l])) as { readonly [K in Locale]: LocaleDef };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(BY_CODE, value);
}

/** Writing direction of a locale: what `<html dir>` is set to. */
export function directionOf(locale: Locale): Direction {
  return BY_CODE[locale].dir;
}

/** The language's name in its own language ("Français"), for the picker. */
export function autonymOf(locale: Locale): string {
  return BY_CODE[locale].autonym;
}
