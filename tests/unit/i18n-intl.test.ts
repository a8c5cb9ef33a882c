// Protects locale-aware formatting (issue 17: "no hand-written separators"): what Intl writes for each
// locale in Node 20 (ICU 78), matching what Chromium 156 writes (checked by hand in the browser, see
// README "Languages"), plus economy names and the translator's ICU plurals. Spaces are compared after
// turning U+00A0/U+202F into plain spaces; bidi marks (U+200E/U+200F/U+061C) are kept and checked for ar.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { economyName, formatDate, formatList, formatNumber, formatPercent, formatUsd, formatUsdCompact, formatYear, intlLocale } from '../../src/i18n/intl.ts';
import { ISO2_BY_ISO3, NO_ISO2 } from '../../src/i18n/iso-regions.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { loadMessages } from '../../src/i18n/loader.ts';
import { LOCALE_CODES } from '../../src/i18n/locales.ts';
import { keys } from '../../src/i18n/keys.ts';

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/;

describe('numbers and percentages', () => {
  it('French and Russian group with a space and use a decimal comma; Spanish groups with a point', () => {
    expect(sp(formatNumber('fr', 12345.6))).toBe('12 345,6');
    expect(sp(formatNumber('ru', 12345.6))).toBe('12 345,6');
    expect(formatNumber('es', 12345.6)).toBe('12.345,6');
    expect(formatNumber('en', 12345.6)).toBe('12,345.6');
  });
  it('percent sign placement follows the locale (space before % in fr/ru/es)', () => {
    expect(sp(formatPercent('fr', 45.6))).toBe('45,6 %');
    expect(sp(formatPercent('es', 45.6))).toBe('45,6 %');
    expect(formatPercent('en', 45.6)).toBe('45.6%');
    expect(formatPercent('zh', 45.6)).toBe('45.6%');
  });
  it('Arabic is pinned to Western digits with left-to-right marks around the percent sign', () => {
    expect(intlLocale('ar')).toBe('ar-u-nu-latn');
    const pct = formatPercent('ar', 45.6);
    expect(pct).not.toMatch(ARABIC_INDIC);
    expect(pct.replace(/[\u200e\u200f\u061c]/g, '')).toBe('45.6%');
    expect(formatNumber('ar', 12345.6)).not.toMatch(ARABIC_INDIC);
  });
  it('years are never grouped ("2030", not "2 030" or "2.030")', () => {
    for (const l of LOCALE_CODES) expect(formatYear(l, 2030)).toBe('2030');
  });
});

describe('compact US dollars, as each locale writes them', () => {
  it('4.1 billion', () => {
    expect(sp(formatUsdCompact('fr', 4.1e9))).toBe('4,1 Md USD');
    expect(sp(formatUsdCompact('en', 4.1e9))).toBe('USD 4.1B');
    expect(sp(formatUsdCompact('ru', 4.1e9))).toBe('4,1 млрд USD');
    expect(sp(formatUsdCompact('zh', 4.1e9))).toBe('USD 41亿');
    // CLDR Spanish has no compact thousand-million: "4100 M" is what the locale writes
    expect(sp(formatUsdCompact('es', 4.1e9))).toBe('4100 M USD');
    const ar = sp(formatUsdCompact('ar', 4.1e9));
    expect(ar).toContain('مليار');
    expect(ar).toContain('4.1');
    expect(ar).toContain('USD');
  });
  it('25 million and whole dollars', () => {
    expect(sp(formatUsdCompact('fr', 25e6))).toBe('25 M USD');
    expect(sp(formatUsdCompact('ru', 25e6))).toBe('25 млн USD');
    expect(sp(formatUsd('fr', 1234567))).toBe('1 234 567 USD');
    expect(sp(formatUsd('en', 1234567))).toBe('USD 1,234,567');
  });
});

describe('dates and lists', () => {
  const d = new Date(Date.UTC(2030, 0, 15, 12));
  it('dates in the locale words', () => {
    expect(formatDate('fr', d)).toBe('15 janvier 2030');
    expect(formatDate('es', d)).toBe('15 de enero de 2030');
    expect(formatDate('zh', d)).toBe('2030年1月15日');
    expect(formatDate('ar', d)).not.toMatch(ARABIC_INDIC);
  });
  it('lists joined with the locale conjunction', () => {
    expect(formatList('fr', ['a', 'b', 'c'])).toBe('a, b et c');
    expect(formatList('es', ['a', 'b', 'c'])).toBe('a, b y c');
    expect(formatList('ru', ['a', 'b', 'c'])).toBe('a, b и c');
    expect(formatList('zh', ['a', 'b', 'c'])).toBe('a、b和c');
    expect(formatList('en', ['a', 'b'], 'disjunction')).toBe('a or b');
  });
});

describe('economy names', () => {
  const index = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/model/data/generated/countries/index.json'), 'utf8')) as { id: string; name: string }[];
  it('every economy of the data has an ISO 3166-1 alpha-2 code, or is listed as having none', () => {
    const uncovered = index.filter((e) => !Object.hasOwn(ISO2_BY_ISO3, e.id) && !NO_ISO2.includes(e.id)).map((e) => e.id);
    expect(uncovered).toEqual([]);
    expect(new Set(Object.values(ISO2_BY_ISO3)).size).toBe(Object.keys(ISO2_BY_ISO3).length);
  });
  it('names come from the locale via Intl.DisplayNames', () => {
    expect(economyName('fr', 'DEU', 'Germany')).toBe('Allemagne');
    expect(economyName('zh', 'DEU', 'Germany')).toBe('德国');
    expect(economyName('ru', 'KSO', 'Kosovo')).toBe('Косово');
    expect(economyName('es', 'AAA', 'Guernsey')).toBe('Guernesey'); // ITU's own code AAA, mapped to GG
  });
  it('falls back to the data name where there is no code, and a catalogue override wins', () => {
    expect(economyName('fr', 'ANT', 'Neth. Antilles')).toBe('Neth. Antilles');
    expect(economyName('fr', 'XYZ', 'Somewhere')).toBe('Somewhere');
    expect(economyName('fr', 'PSE', 'State of Palestine', 'État de Palestine')).toBe('État de Palestine');
  });
  it('every name the data yields is non-empty in every locale', () => {
    for (const l of LOCALE_CODES) for (const e of index) expect(economyName(l, e.id, e.name).length).toBeGreaterThan(0);
  });
});

describe('translator', () => {
  it('fills placeholders and picks the plural case of the language', () => {
    const msg = { n: '{n, plural, one {# цель} few {# цели} many {# целей} other {# цели}}', p: '{a} / {b}' };
    const t = createTranslator('ru', msg);
    expect(t.t('n', { n: 1 })).toBe('1 цель');
    expect(t.t('n', { n: 3 })).toBe('3 цели');
    expect(t.t('n', { n: 12 })).toBe('12 целей');
    expect(t.t('p', { a: 'x', b: 'y' })).toBe('x / y');
  });
  it('formats numbers inside messages with the locale (Arabic in Western digits)', () => {
    expect(sp(createTranslator('fr', { m: '{v, number}' }).t('m', { v: 12345.6 }))).toBe('12 345,6');
    expect(createTranslator('ar', { m: '{v, number}' }).t('m', { v: 12345 })).not.toMatch(ARABIC_INDIC);
  });
  it('reports a missing key once and shows the key, never a blank', () => {
    const missing: string[] = [];
    const t = createTranslator('fr', {}, { onMissing: (k) => missing.push(k) });
    expect(t.t('nope')).toBe('nope');
    t.t('nope');
    expect(missing).toEqual(['nope']);
    expect(t.has('nope')).toBe(false);
  });
});

describe('loader', () => {
  it('loads each locale catalogue, and the registry strings read in that language', async () => {
    const fr = createTranslator('fr', await loadMessages('fr'));
    expect(fr.t(keys.targetTitle('1.7'))).toBe('Utilisation de l’Internet');
    expect(fr.t(keys.status('on-track'))).toBe('En bonne voie');
    const ar = createTranslator('ar', await loadMessages('ar'));
    expect(ar.t(keys.goalName(1))).toBe('التوصيلية الشاملة');
    const en = createTranslator('en', await loadMessages('en'));
    expect(en.t('i18n.unknownLanguage', { requested: 'xx', language: 'English' })).toBe('“xx” is not an available language. Language shown: English.');
  });
});
