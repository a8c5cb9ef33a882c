// Protects geography names in the page's language (issue 17): World and the ITU regions from the
// catalogue, economies from Intl.DisplayNames with the UN-name overrides of the catalogue, the data's
// own name where no ISO code exists, custom geographies as typed, and English unchanged (ITU's names).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTranslator } from '../../src/i18n/runtime.ts';
import { createTranslator, type Messages } from '../../src/i18n/translator.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { geographyName, geographyNameById } from '../../src/lib/geography-name.ts';

const catalogue = (l: Locale) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../src/i18n/messages/${l}.json`), 'utf8')) as Messages;
const use = (l: Locale) => setTranslator(createTranslator(l, catalogue(l)));
afterEach(() => setTranslator(createTranslator('en', {})));

describe('geographyName', () => {
  it('French: regions from the catalogue, economies from Intl, UN names from the catalogue', () => {
    use('fr');
    expect(geographyName({ id: 'world', name: 'World', kind: 'world' })).toBe('Monde');
    expect(geographyName({ id: 'arab-states', name: 'Arab States', kind: 'region' })).toBe('États arabes');
    expect(geographyName({ id: 'DEU', name: 'Germany', kind: 'country' })).toBe('Allemagne');
    expect(geographyName({ id: 'PSE', name: 'State of Palestine', kind: 'country' })).toBe(catalogue('fr')['economy.PSE.name']);
    expect(geographyName({ id: 'ANT', name: 'Netherlands Antilles', kind: 'country' })).toBe('Netherlands Antilles');
    expect(geographyName({ id: 'DEU', name: 'My Germany', kind: 'custom' })).toBe('My Germany');
  });
  it('Chinese, Russian and Arabic name economies in their own script', () => {
    use('zh');
    expect(geographyName({ id: 'KEN', name: 'Kenya' })).toBe('肯尼亚');
    use('ru');
    expect(geographyName({ id: 'KEN', name: 'Kenya' })).toBe('Кения');
    use('ar');
    expect(geographyName({ id: 'KEN', name: 'Kenya' })).toBe('كينيا');
    expect(geographyNameById('europe')).toBe('أوروبا');
  });
  it('English keeps the data names (ITU spelling), also by id before the list loads', () => {
    use('en');
    expect(geographyName({ id: 'KOR', name: 'Korea (Rep. of)' })).toBe('Korea (Rep. of)');
    expect(geographyNameById('asia-pacific')).toBe('Asia-Pacific');
    expect(geographyNameById('nowhere')).toBe('nowhere');
  });
});
