// The active catalogue for everything that prints text: components, state classes, exports and the
// command line all call `t(key, values)` from here. Pure TypeScript (no Svelte, no DOM), so the CLI and
// Node tests share it. The browser sets the translator once the locale's catalogue has loaded
// (src/state/locale.svelte.ts) and before the app mounts; the CLI and tests use `./english.ts`.
// In the browser the first translator holds only the first screen's part of the catalogue
// (src/i18n/areas.ts); `catalogueComplete()` brings in the rest, and code that says a message outside
// that part awaits it first (tests/unit/i18n-areas.test.ts checks which files do).
import { createTranslator, type MessageValues, type Translator } from './translator.ts';
import { SOURCE_LOCALE, type Locale } from './locales.ts';

let current: Translator = createTranslator(SOURCE_LOCALE, {});
/** Loads the rest of the active catalogue and installs it; null when the catalogue is whole. */
let completer: (() => Promise<void>) | null = null;
let completing: Promise<void> | null = null;

/**
 * Makes `translator` the one `t` uses. `complete`, given when the translator holds only part of its
 * language's catalogue, loads the rest and installs the whole one (by calling setTranslator again).
 */
export function setTranslator(translator: Translator, complete?: () => Promise<void>): void {
  current = translator;
  completer = complete ?? null;
  completing = null;
}

/**
 * Resolves once the active language's whole catalogue is in use, loading the rest on the first call.
 * Rejects when it cannot load (the part already loaded stays); a later call tries again.
 */
export function catalogueComplete(): Promise<void> {
  if (!completer) return Promise.resolve();
  const run = completer;
  completing ??= run().catch((e: unknown) => {
    if (completer === run) completing = null;
    throw e;
  });
  return completing;
}

/** Whether `t` says every key of its language now (false while only the first screen's part is in). */
export function isCatalogueComplete(): boolean {
  return completer === null;
}

/** The message for `key` in the active locale, with `values` filled in (ICU MessageFormat). */
export function t(key: string, values?: MessageValues): string {
  return current.t(key, values);
}

/** Whether the active catalogue has `key` (for optional overrides such as an economy's UN name). */
export function hasMessage(key: string): boolean {
  return current.has(key);
}

/** The active locale's code, for Intl formatting. */
export function activeLocale(): Locale {
  return current.locale;
}

/**
 * catalogueComplete() for code that speaks after an await: resolves either way, so a catalogue that
 * cannot load leaves that message as its key rather than leaving the work undone.
 */
export function wholeCatalogue(): Promise<void> {
  return catalogueComplete().catch((e: unknown) => console.warn('The rest of the catalogue did not load', e));
}
