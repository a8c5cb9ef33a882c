// Protects the build's precompiled catalogues (scripts/lib/i18n-precompile.ts): for every message of
// every language, the AST the browser receives formats exactly as the ICU text does in Node, and a
// message that does not parse fails the build with the file and key named.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { precompile } from '../../scripts/lib/i18n-precompile.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { placeholdersOf } from '../../src/i18n/catalogue-check.ts';
import { LOCALE_CODES } from '../../src/i18n/locales.ts';
import type { MessageSource } from '../../src/i18n/translator.ts';

const read = (l: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../src/i18n/messages/${l}.json`), 'utf8')) as Record<string, string>;

describe('precompiled catalogues', () => {
  for (const locale of LOCALE_CODES) {
    it(`${locale}: every message formats the same from its AST as from its text`, () => {
      const text = read(locale);
      const ast = precompile(locale, text) as Record<string, MessageSource>;
      const fromText = createTranslator(locale, text);
      const fromAst = createTranslator(locale, ast);
      for (const [key, message] of Object.entries(text)) {
        const values = Object.fromEntries(placeholdersOf(message, locale).map((p) => [p.split(':')[0]!, p.endsWith(':plural') ? 3 : p.includes(':select[') ? 'other' : 'x']));
        expect(fromAst.t(key, values), key).toBe(fromText.t(key, values));
      }
    });
  }
  it('a broken message names the file and key', () => {
    expect(() => precompile('fr', { 'a.b': '{n, plural, one {x}' })).toThrow('src/i18n/messages/fr.json: "a.b" is not a valid ICU message');
  });
});
