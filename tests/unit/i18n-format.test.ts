// Protects src/lib/format.ts following the page's language (issue 17, "formatting through Intl"): the
// same call writes French, Russian, Spanish, Chinese and Arabic numbers, percentages, money, dates and
// lists once that locale's catalogue is active, and English stays exactly what the app wrote before
// (the command line and the existing exports and e2e tests depend on it).
import { afterEach, describe, expect, it } from 'vitest';
import { setTranslator } from '../../src/i18n/runtime.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import {
  formatClock,
  formatDateTime,
  formatList,
  formatNumber,
  formatPercentValue,
  formatProbability,
  formatUsd,
  formatValue,
  formatWithUnit,
  formatYear,
} from '../../src/lib/format.ts';

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const use = (locale: Locale) => setTranslator(createTranslator(locale, {}));
afterEach(() => use('en'));

describe('English: unchanged from before the app spoke six languages', () => {
  it('numbers, shares, probabilities and money', () => {
    use('en');
    expect(formatValue(12345.678, 1)).toBe('12,345.7');
    expect(formatWithUnit(86, '%', 1)).toBe('86.0%');
    expect(formatWithUnit(0.934, 'ratio', 2)).toBe('0.93');
    expect(formatProbability(0.72)).toBe('72%');
    expect(formatUsd(4.1e9)).toBe('USD 4.1 bn');
    expect(formatUsd(350e6)).toBe('USD 350 m');
    expect(formatUsd(1.234e12)).toBe('USD 1.23 tn');
    expect(formatUsd(12000)).toBe('USD 12,000');
    expect(formatUsd(undefined)).toBe('–');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatYear(2030)).toBe('2030');
  });
  it('date and time, and the 24-hour clock', () => {
    const d = new Date(2026, 11, 2, 16, 5, 0);
    expect(sp(formatDateTime(d))).toBe('12/2/2026, 4:05:00 PM');
    expect(formatClock(d)).toBe('16:05');
  });
});

describe('the active locale decides', () => {
  it('French writes a decimal comma, a space before % and "Md USD"', () => {
    use('fr');
    expect(sp(formatValue(12345.678, 1))).toBe('12 345,7');
    expect(sp(formatWithUnit(86, '%', 1))).toBe('86,0 %');
    expect(sp(formatProbability(0.72))).toBe('72 %');
    expect(sp(formatUsd(4.1e9))).toBe('4,1 Md USD');
    expect(sp(formatUsd(12000))).toBe('12 000 USD');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b et c');
    expect(sp(formatDateTime(new Date(2026, 11, 2, 16, 5, 0)))).toBe('02/12/2026 16:05:00');
  });
  it('Russian, Spanish and Chinese write their own forms', () => {
    use('ru');
    expect(sp(formatUsd(4.1e9))).toBe('4,1 млрд USD');
    expect(sp(formatPercentValue(45.6, 1))).toBe('45,6 %');
    use('es');
    expect(formatValue(12345.678, 1)).toBe('12.345,7');
    use('zh');
    expect(sp(formatUsd(4.1e9))).toBe('USD 41亿');
    expect(formatList(['甲', '乙', '丙'])).toBe('甲、乙和丙');
  });
  it('Arabic keeps Western digits and never groups a year', () => {
    use('ar');
    expect(formatValue(12345.6, 1)).not.toMatch(/[\u0660-\u0669]/);
    expect(formatYear(2030)).toBe('2030');
  });
});
