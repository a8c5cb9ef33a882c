// Vite plugin: the language catalogues reach the browser already parsed (ICU ASTs, as intl-messageformat
// would build them), so the bundle ships intl-messageformat without its ICU parser — the parser is
// aliased to the package's own `no-parser` entry, FormatJS's documented set-up for precompiled messages.
// Measured with esbuild (gzip -9): intl-messageformat 9.8 KB with the parser, 2.6 KB without. The
// catalogues in src/i18n/messages stay plain ICU strings (what translators edit and the tests check);
// Node (tests, CLI) parses them at run time as before. A message that fails to parse fails the build.
// Each catalogue is imported twice, as `xx.json?area=start` and `xx.json?area=rest` (src/i18n/loader.ts):
// each import is its own module, cut here to its part of the catalogue (src/i18n/areas.ts), so the
// first screen's words load before the app mounts and the rest in a chunk of their own. A message that
// is one plain literal ships as its text (the translator returns it as it is); the others as ASTs.
import type { Plugin } from 'vite';
import { pickArea, type CatalogueArea } from '../../src/i18n/areas.ts';
import { isPlainMessage } from '../../src/i18n/translator.ts';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale } from '../../src/i18n/intl.ts';
import { isLocale } from '../../src/i18n/locales.ts';

const CATALOGUE = /[\\/]src[\\/]i18n[\\/]messages[\\/](\w+)\.json$/;

/**
 * One catalogue's messages as the ASTs `new IntlMessageFormat(message, locale)` would hold, except a
 * message whose AST is one literal without ICU syntax characters, which stays its text.
 */
export function precompile(locale: string, messages: Readonly<Record<string, string>>): Record<string, unknown> {
  const tag = isLocale(locale) ? intlLocale(locale) : locale;
  const out: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(messages)) {
    try {
      const ast = new IntlMessageFormat(message, tag).getAst();
      const only = ast.length === 1 ? ast[0] : undefined;
      out[key] = only && only.type === 0 && isPlainMessage(only.value) ? only.value : ast;
    } catch (e) {
      throw new Error(`src/i18n/messages/${locale}.json: "${key}" is not a valid ICU message (${(e as Error).message})`);
    }
  }
  return out;
}

/** A catalogue import (`src/i18n/messages/xx.json`, maybe `?area=start|rest`) as a module: its part, parsed or not. */
function catalogueModule(code: string, id: string, parse: boolean): { code: string; map: null; moduleType: 'js' } | null {
  const [path = '', query = ''] = id.split('?');
  const m = CATALOGUE.exec(path);
  if (!m) return null;
  const area = /(?:^|&)area=(start|rest)(?:&|$)/.exec(query)?.[1] as CatalogueArea | undefined;
  let messages = JSON.parse(code) as Record<string, string>;
  if (area) messages = pickArea(messages, area);
  // a JavaScript module (the bundler does not take `x.json?query` as JSON)
  return { code: `export default ${JSON.stringify(parse ? precompile(m[1]!, messages) : messages)};`, map: null, moduleType: 'js' };
}

/** The browser build: catalogue parts already parsed, and intl-messageformat without its parser. */
export function precompileCatalogues(): Plugin {
  return {
    name: 'pathways:i18n-precompile',
    enforce: 'pre',
    config: () => ({
      resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] },
    }),
    transform: (code, id) => catalogueModule(code, id, true),
  };
}

/** Node tests (vitest.config.ts): the catalogue parts loader.ts imports, as ICU text (Node parses it). */
export function catalogueParts(): Plugin {
  return { name: 'pathways:i18n-parts', enforce: 'pre', transform: (code, id) => catalogueModule(code, id, false) };
}
