// Vite plugin: the language catalogues reach the browser already parsed (ICU ASTs, as intl-messageformat
// would build them), so the bundle ships intl-messageformat without its ICU parser — the parser is
// aliased to the package's own `no-parser` entry, FormatJS's documented set-up for precompiled messages.
// Measured with esbuild (gzip -9): intl-messageformat 9.8 KB with the parser, 2.6 KB without. The
// catalogues in src/i18n/messages stay plain ICU strings (what translators edit and the tests check);
// Node (tests, CLI) parses them at run time as before. A message that fails to parse fails the build.
import type { Plugin } from 'vite';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale } from '../../src/i18n/intl.ts';
import { isLocale } from '../../src/i18n/locales.ts';

const CATALOGUE = /[\\/]src[\\/]i18n[\\/]messages[\\/](\w+)\.json$/;

/** One catalogue's messages as the ASTs `new IntlMessageFormat(message, locale)` would hold. */
export function precompile(locale: string, messages: Readonly<Record<string, string>>): Record<string, unknown> {
  const tag = isLocale(locale) ? intlLocale(locale) : locale;
  const out: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(messages)) {
    try {
      out[key] = new IntlMessageFormat(message, tag).getAst();
    } catch (e) {
      throw new Error(`src/i18n/messages/${locale}.json: "${key}" is not a valid ICU message (${(e as Error).message})`);
    }
  }
  return out;
}

export function precompileCatalogues(): Plugin {
  return {
    name: 'pathways:i18n-precompile',
    enforce: 'pre',
    config: () => ({
      resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] },
    }),
    transform(code, id) {
      const m = CATALOGUE.exec(id.split('?')[0] ?? '');
      if (!m) return null;
      // still JSON, so Vite's own JSON plugin turns it into the module as before
      return { code: JSON.stringify(precompile(m[1]!, JSON.parse(code) as Record<string, string>)), map: null };
    },
  };
}
