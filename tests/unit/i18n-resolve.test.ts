// Protects how the language is chosen (issue 17): `?lang=xx` beats the remembered choice, which beats the
// browser's languages, which beat English; regional tags match their language; a `?lang` naming no
// available language is reported and falls through; storage that is broken or tampered with is ignored.
import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY, matchLocale, readStoredLocale, rememberLocale, resolveLocale } from '../../src/i18n/resolve.ts';
import { LOCALES, autonymOf, directionOf, isLocale } from '../../src/i18n/locales.ts';

describe('locale list', () => {
  it('has the six UN languages, each named in its own language, Arabic right to left', () => {
    expect(LOCALES.map((l) => l.code)).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    expect(autonymOf('fr')).toBe('Français');
    expect(autonymOf('ar')).toBe('العربية');
    expect(autonymOf('ru')).toBe('Русский');
    expect(LOCALES.filter((l) => directionOf(l.code) === 'rtl').map((l) => l.code)).toEqual(['ar']);
    expect(isLocale('de')).toBe(false);
  });
});

describe('matchLocale', () => {
  it('matches by primary language subtag, case-insensitively', () => {
    expect(matchLocale('fr-CA')).toBe('fr');
    expect(matchLocale('zh-Hant-TW')).toBe('zh');
    expect(matchLocale('ES')).toBe('es');
    expect(matchLocale('ar_EG')).toBe('ar');
    expect(matchLocale('de-DE')).toBeUndefined();
    expect(matchLocale('')).toBeUndefined();
  });
});

describe('resolveLocale order', () => {
  const browser = ['de-DE', 'ru-RU', 'en'];
  it('?lang wins over the stored choice and the browser', () => {
    expect(resolveLocale({ search: '?lang=ar', stored: 'fr', languages: browser })).toEqual({ locale: 'ar', source: 'query' });
    expect(resolveLocale({ search: 'scenario=x&lang=es-MX', stored: 'fr', languages: browser })).toEqual({ locale: 'es', source: 'query' });
  });
  it('the stored choice wins over the browser', () => {
    expect(resolveLocale({ search: '', stored: 'fr', languages: browser })).toEqual({ locale: 'fr', source: 'stored' });
  });
  it('the browser list is read in order, skipping languages the app lacks', () => {
    expect(resolveLocale({ languages: browser })).toEqual({ locale: 'ru', source: 'browser' });
  });
  it('falls back to English', () => {
    expect(resolveLocale({})).toEqual({ locale: 'en', source: 'default' });
    expect(resolveLocale({ languages: ['de', 'ja'] })).toEqual({ locale: 'en', source: 'default' });
  });
  it('an unknown ?lang is reported and the next source decides', () => {
    expect(resolveLocale({ search: '?lang=xx', stored: 'zh' })).toEqual({ locale: 'zh', source: 'stored', rejectedQuery: 'xx' });
    expect(resolveLocale({ search: '?lang=', languages: ['fr'] })).toEqual({ locale: 'fr', source: 'browser', rejectedQuery: '' });
  });
  it('a stored value that is not exactly a locale code is ignored', () => {
    expect(resolveLocale({ stored: 'fr-FR', languages: ['es'] }).locale).toBe('es');
    expect(resolveLocale({ stored: '<script>', languages: [] }).locale).toBe('en');
  });
});

describe('remembered choice', () => {
  it('round-trips through storage under one key', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(rememberLocale(storage, 'ru')).toBe(true);
    expect(map.get(LOCALE_STORAGE_KEY)).toBe('ru');
    expect(readStoredLocale(storage)).toBe('ru');
  });
  it('storage that throws counts as no choice, and remembering reports the failure', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readStoredLocale(broken)).toBeNull();
    expect(rememberLocale(broken, 'fr')).toBe(false);
    expect(readStoredLocale(undefined)).toBeNull();
  });
});
