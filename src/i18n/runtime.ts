// The active catalogue for everything that prints text: components, state classes, exports and the
// command line all call `t(key, values)` from here. Pure TypeScript (no Svelte, no DOM), so the CLI and
// Node tests share it. The browser sets the translator once the locale's catalogue has loaded
// (src/state/locale.svelte.ts) and before the app mounts; the CLI and tests use `./english.ts`.
import { createTranslator, type MessageValues, type Translator } from './translator.ts';
import { SOURCE_LOCALE, type Locale } from './locales.ts';

let current: Translator = createTranslator(SOURCE_LOCALE, {});

/** Makes `translator` the one `t` uses. */
export function setTranslator(translator: Translator): void {
  current = translator;
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
