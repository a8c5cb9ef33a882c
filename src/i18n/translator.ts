// `t(key, values)` for one locale's catalogue: ICU MessageFormat (plurals, selects, placeholders,
// numbers) through intl-messageformat, each message parsed once on first use, all of a locale's messages
// sharing one set of Intl formatters. A key missing from the
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

type Formatters = NonNullable<NonNullable<ConstructorParameters<typeof IntlMessageFormat>[3]>['formatters']>;

/** One cache of Intl objects by constructor arguments (Intl constructors are slow: tenths of a millisecond each). */
function cached<A extends unknown[], F>(make: (...args: A) => F): (...args: A) => F {
  const cache = new Map<string, F>();
  return (...args) => {
    const id = JSON.stringify(args);
    let f = cache.get(id);
    if (f === undefined) cache.set(id, (f = make(...args)));
    return f;
  };
}

/**
 * The Intl number, date and plural formatters every message of a translator shares: intl-messageformat
 * otherwise builds its own for each message the first time it is formatted.
 */
function sharedFormatters(): Formatters {
  type Locales = Intl.LocalesArgument | undefined;
  const number = cached((locales: Locales, opts: object | undefined) => new Intl.NumberFormat(locales, opts as Intl.NumberFormatOptions));
  const date = cached((locales: Locales, opts: object | undefined) => new Intl.DateTimeFormat(locales, opts as Intl.DateTimeFormatOptions));
  const plural = cached((locales: Locales, opts: object | undefined) => new Intl.PluralRules(locales, opts as Intl.PluralRulesOptions));
  return {
    getNumberFormat: (locales, opts) => number(locales, opts),
    getDateTimeFormat: (locales, opts) => date(locales, opts),
    getPluralRules: (locales, opts) => plural(locales, opts),
  };
}

// intl-messageformat resolves the locale (Intl.NumberFormat.supportedLocalesOf) in every constructor:
// once per tag is enough, and start-up builds a few dozen messages.
const resolveLocale = IntlMessageFormat.resolveLocale;
const resolvedLocales = new Map<string, ReturnType<typeof resolveLocale>>();
IntlMessageFormat.resolveLocale = (locales) => {
  const id = String(locales);
  if (!resolvedLocales.has(id)) resolvedLocales.set(id, resolveLocale(locales));
  return resolvedLocales.get(id);
};

export function createTranslator(locale: Locale, messages: Catalogue, options: TranslatorOptions = {}): Translator {
  const compiled = new Map<string, IntlMessageFormat>();
  const formatters = sharedFormatters();
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
        mf = new IntlMessageFormat(source, tag, undefined, { formatters });
        compiled.set(key, mf);
      }
      return String(mf.format(values));
    },
  };
}
