// Protects the test-only pseudo-locale (tests/support/pseudo-locale.ts) that the e2e run uses to find
// English left on screen: every message keeps its ICU syntax exactly (same placeholders, plural and
// select cases), has no ASCII letter left outside that syntax, and is about 30% longer.
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../src/i18n/catalogue-check.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { accent, englishCatalogue, pseudoCatalogue, pseudoMessage } from '../support/pseudo-locale.ts';

describe('pseudo-locale', () => {
  it('accents letters and keeps placeholders, plurals, selects, # and quoted braces', () => {
    expect(accent('Save as…')).toBe('Šåṽé åš…');
    const m = pseudoMessage("{n, plural, one {# target} other {# targets}} for {name}; '{'literal'}' it's");
    expect(placeholdersOf(m)).toEqual(placeholdersOf("{n, plural, one {# target} other {# targets}} for {name}; '{'literal'}' it's"));
    const t = createTranslator('en', { k: m });
    expect(t.t('k', { n: 2, name: 'Kenya' })).toBe("[2 ţåŕĝéţš ƒöŕ Kenya; {ļîţéŕåļ} îţ'š ~~~~~~~~~~~~~~~~~~~~]");
  });

  it('every message of en.json: same ICU structure, no plain letters outside it, ≥ 30% longer', () => {
    const en = englishCatalogue();
    const pseudo = pseudoCatalogue(en);
    for (const [key, source] of Object.entries(en)) {
      const p = pseudo[key]!;
      expect(placeholdersOf(p), key).toEqual(placeholdersOf(source));
      const t = createTranslator('en', { k: p });
      // a select gets a value none of its cases names ("_"), so its `other` case shows, without letters of its own
      const values = Object.fromEntries(placeholdersOf(source).map((x) => [x.split(':')[0]!, x.endsWith(':plural') ? 2 : x.includes(':select[') ? '_' : '1']));
      const shown = t.t('k', values);
      // apostrophe-quoted text such as '{value, start}' is code (a file's field names), kept as written
      const quoted = [...source.matchAll(/'([{}][^']*)'/g)].map((m) => m[1]!);
      const unquoted = quoted.reduce((text, q) => text.split(q).join(''), shown);
      expect(unquoted.replace(/\b1\b|\b2\b/g, ''), key).not.toMatch(/[A-Za-z]{2,}/);
      const english = createTranslator('en', { k: source }).t('k', values);
      expect(shown.length, key).toBeGreaterThanOrEqual(Math.floor(english.length * 1.3));
    }
  });
});
