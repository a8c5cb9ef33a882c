// @vitest-environment jsdom
// Protects the page's language (issue 17, src/state/locale.svelte.ts): start-up picks `?lang=` over the
// remembered choice, writes <html lang dir> and the title through the catalogue, and reports a `?lang=`
// naming no language; a change of language loads the catalogue first and keeps the current one when
// that fails; only the asked-for catalogue is loaded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocaleState } from '../../src/state/locale.svelte.ts';
import { LOCALE_STORAGE_KEY } from '../../src/i18n/resolve.ts';
import { activeLocale, setTranslator, t } from '../../src/i18n/runtime.ts';
import { createTranslator, type Messages } from '../../src/i18n/translator.ts';
import type { Locale } from '../../src/i18n/locales.ts';

const CATALOGUES: Record<Locale, Messages> = {
  ar: { 'app.title': 'عنوان' },
  zh: { 'app.title': '标题' },
  en: { 'app.title': 'Title' },
  fr: { 'app.title': 'Titre' },
  ru: { 'app.title': 'Заголовок' },
  es: { 'app.title': 'Título' },
};

function fakeLoader(fail: readonly Locale[] = []) {
  const loaded: Locale[] = [];
  const load = (l: Locale) => {
    loaded.push(l);
    return fail.includes(l) ? Promise.reject(new Error('chunk failed')) : Promise.resolve(CATALOGUES[l]);
  };
  return { load, loaded };
}

const at = (search: string) => window.history.replaceState(null, '', `/${search}`);

beforeEach(() => {
  localStorage.clear();
  at('');
});
afterEach(() => setTranslator(createTranslator('en', {})));

describe('start()', () => {
  it('?lang= wins over the remembered choice; only that catalogue loads; <html> and the title follow', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'es');
    at('?lang=fr');
    const { load, loaded } = fakeLoader();
    const state = new LocaleState(load);
    await state.start();
    expect(loaded).toEqual(['fr']);
    expect(state.current).toBe('fr');
    expect(activeLocale()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('Titre');
    expect(state.rejected).toBeNull();
  });

  it('Arabic is right to left', async () => {
    at('?lang=ar');
    const state = new LocaleState(fakeLoader().load);
    await state.start();
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('a ?lang= naming no language is reported and falls back to the remembered choice', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ru');
    at('?lang=xx');
    const state = new LocaleState(fakeLoader().load);
    await state.start();
    expect(state.rejected).toBe('xx');
    expect(state.current).toBe('ru');
  });

  it('a catalogue that fails at start-up falls back to English and says so', async () => {
    at('?lang=zh');
    const state = new LocaleState(fakeLoader(['zh']).load);
    await state.start();
    expect(state.current).toBe('en');
    expect(state.failed).toBe('zh');
    expect(t('app.title')).toBe('Title');
  });
});

describe('set()', () => {
  it('switches, remembers and bumps version (what App.svelte keys its UI on)', async () => {
    const { load, loaded } = fakeLoader();
    const state = new LocaleState(load);
    await state.start();
    const v = state.version;
    expect(await state.set('ru')).toBe(true);
    expect(state.version).toBe(v + 1);
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ru');
    expect(t('app.title')).toBe('Заголовок');
    expect(loaded).toEqual(['en', 'ru']);
  });

  it('a catalogue that fails keeps the current language, changes nothing else and says so', async () => {
    const state = new LocaleState(fakeLoader(['ar']).load);
    await state.start();
    await state.set('fr');
    const v = state.version;
    expect(await state.set('ar')).toBe(false);
    expect(state.current).toBe('fr');
    expect(state.version).toBe(v);
    expect(state.failed).toBe('ar');
    expect(document.documentElement.dir).toBe('ltr');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('fr');
    state.dismissNotice();
    expect(state.failed).toBeNull();
  });
});
