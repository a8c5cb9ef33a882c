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
import type { CatalogueArea } from '../../src/i18n/areas.ts';
import { catalogueComplete, isCatalogueComplete } from '../../src/i18n/runtime.ts';

const CATALOGUES: Record<Locale, Messages> = {
  ar: { 'app.title': 'عنوان' },
  zh: { 'app.title': '标题' },
  en: { 'app.title': 'Title' },
  fr: { 'app.title': 'Titre' },
  ru: { 'app.title': 'Заголовок' },
  es: { 'app.title': 'Título' },
};

/** Each language's catalogue in its two parts (src/i18n/areas.ts): the title starts, the rest waits. */
function fakeLoader(fail: readonly Locale[] = []) {
  const loaded: Locale[] = [];
  const parts: string[] = [];
  const load = (l: Locale, area: CatalogueArea) => {
    if (area === 'start') loaded.push(l);
    parts.push(`${l}:${area}`);
    if (fail.includes(l)) return Promise.reject(new Error('chunk failed'));
    return Promise.resolve(area === 'start' ? CATALOGUES[l] : { 'later.word': `${CATALOGUES[l]['app.title']} (rest)` });
  };
  return { load, loaded, parts };
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

describe('the rest of the catalogue (src/i18n/areas.ts)', () => {
  it('start-up loads only the first screen’s part; the rest arrives on the first catalogueComplete(), once', async () => {
    at('?lang=fr');
    const { load, parts } = fakeLoader();
    const state = new LocaleState(load);
    await state.start();
    expect(parts).toEqual(['fr:start']);
    expect(isCatalogueComplete()).toBe(false);
    expect(isCatalogueComplete()).toBe(false);
    expect(t('later.word')).toBe('later.word'); // not loaded yet: the key, never a blank
    await Promise.all([catalogueComplete(), catalogueComplete()]);
    expect(parts).toEqual(['fr:start', 'fr:rest']);
    expect(isCatalogueComplete()).toBe(true);
    expect(t('later.word')).toBe('Titre (rest)');
    expect(t('app.title')).toBe('Titre');
    expect(state.version).toBe(1); // the UI is not re-rendered for it: nothing on screen changed
  });

  it('a change of language loads both parts before it switches', async () => {
    const { load, parts } = fakeLoader();
    const state = new LocaleState(load);
    await state.start();
    await state.set('es');
    expect(parts).toEqual(['en:start', 'es:start', 'es:rest']);
    expect(isCatalogueComplete()).toBe(true);
    expect(t('later.word')).toBe('Título (rest)');
  });

  it('a rest that fails to load rejects, keeps the first part, and is tried again on the next need', async () => {
    let failRest = true;
    const parts: string[] = [];
    const load = (l: Locale, area: CatalogueArea) => {
      parts.push(`${l}:${area}`);
      if (area === 'rest' && failRest) return Promise.reject(new Error('offline'));
      return Promise.resolve(area === 'start' ? CATALOGUES[l] : { 'later.word': 'Later' });
    };
    const state = new LocaleState(load);
    await state.start();
    await expect(catalogueComplete()).rejects.toThrow('offline');
    expect(t('app.title')).toBe('Title');
    expect(isCatalogueComplete()).toBe(false);
    failRest = false;
    await catalogueComplete();
    expect(t('later.word')).toBe('Later');
    expect(parts).toEqual(['en:start', 'en:rest', 'en:rest']);
  });
});
