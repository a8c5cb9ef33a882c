// `t(key, values)` for one locale's catalogue: ICU MessageFormat (plurals, selects, placeholders,
// numbers) through intl-messageformat, each message parsed once on first use. A key missing from the
// catalogue is reported to `onMissing` and shown as the key itself, never as a blank.
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale } from './intl.ts';
import type { Locale } from './locales.ts';

/** One locale's catalogue: key → ICU message. */
export type Messages = Readonly<Record<string, string>>;
/** A message as the translator takes it: ICU text, or its AST as the build precompiles it (scripts/lib/i18n-precompile.ts). */
export type MessageSource = ConstructorParameters<typeof IntlMessageFormat>[0];
/** A catalogue as loaded: source text (Node: tests, CLI) or precompiled ASTs (the browser build). */
export type Catalogue = Readonly<Record<string, MessageSource>>;
export type MessageValues = Readonly<Record<string, string | number | Date>>;

export interface Translator {
  readonly locale: Locale;
  /** The message for `key`, with `values` filled in (ICU `{name}`, `{n, plural, …}`). */
  t(key: string, values?: MessageValues): string;
  has(key: string): boolean;
  /** The catalogue it says (a part of a language's catalogue adds the rest to it: locale.svelte.ts). */
  readonly messages: Catalogue;
}

export interface TranslatorOptions {
  /** Called once per missing key (a test or the pseudo-locale run turns it into a failure). */
  onMissing?: (key: string, locale: Locale) => void;
}

/**
 * Whether `message` is plain text to ICU: no braces, apostrophes, `#` or tags, so formatting it gives it
 * back unchanged. Such messages are returned as they are, without building a formatter (and the build
 * ships them as text, not as ASTs).
 */
export function isPlainMessage(message: string): boolean {
  return !/[{}'#<>]/.test(message);
}

export function createTranslator(locale: Locale, messages: Catalogue, options: TranslatorOptions = {}): Translator {
  const compiled = new Map<string, IntlMessageFormat>();
  const reported = new Set<string>();
  const tag = intlLocale(locale);
  return {
    locale,
    has: (key) => Object.hasOwn(messages, key),
    messages,
    t(key, values) {
      let mf = compiled.get(key);
      if (!mf) {
        const source = Object.hasOwn(messages, key) ? messages[key] : undefined;
        if (source === undefined) {
          if (!reported.has(key)) {
            reported.add(key);
            options.onMissing?.(key, locale);
          }
          return key;
        }
        if (typeof source === 'string' && isPlainMessage(source)) return source;
        mf = new IntlMessageFormat(source, tag);
        compiled.set(key, mf);
      }
      return String(mf.format(values));
    },
  };
}
