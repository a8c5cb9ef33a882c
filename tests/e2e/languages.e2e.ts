// Protects issue 17's "What it must show", driving the built app with ?lang=ar|zh|fr|ru|es at 1280×720
// and 390×844: <html lang> (and dir="rtl" for Arabic); only the active language's catalogue chunk is
// fetched; no sideways scroll at 390 px; axe finds nothing; in Arabic the lever panel is on the right
// and axe finds nothing on any tab or main dialog; at most 5% of the visible word texts are identical
// to the English page (the figure per language is printed). And the language picker: each language in
// its own name, usable by keyboard; switching keeps the scenario, its undo history and the focus. In
// Arabic the tab arrows follow the writing direction.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { axeViolations, openApp, settled, useBrowser } from './harness.ts';
import { isWordText, visibleTexts } from './i18n-page.ts';

const e2e = useBrowser();
const root = resolve(import.meta.dirname, '../..');
const LOCALES = ['ar', 'zh', 'fr', 'ru', 'es'] as const;
type Loc = (typeof LOCALES)[number] | 'en';
const SIZES = [
  [1280, 720],
  [390, 844],
] as const;
// a language's catalogue comes in two parts (src/i18n/areas.ts): the first screen's words, then the rest
const CHUNK = /\/assets\/(ar|zh|en|fr|ru|es)-(start|rest)-[\w-]+\.js$/;
/** The catalogue chunks of one language only, its first screen's part first (the rest may follow). */
const onlyLanguage = (locale: string, chunks: readonly string[]): string[] => [...new Set(chunks.map((c) => (c === `${locale}:start` || c === `${locale}:rest` ? locale : c)))];
const catalogue = (l: Loc) => JSON.parse(readFileSync(resolve(root, `src/i18n/messages/${l}.json`), 'utf8')) as Record<string, string>;
const EN = catalogue('en');
/** Names kept in every language (the app's name); not counted as untranslated. */
const PROPER = new Set(['Pathways 2030']);

/** A control's name in `locale`: the catalogue's message for the English text, or the English while it has none. */
function nameIn(locale: Loc, english: string): RegExp {
  const key = Object.keys(EN).find((k) => EN[k] === english);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const local = key ? catalogue(locale)[key] : undefined;
  return new RegExp(`^(${local ? `${esc(local)}|` : ''}${esc(english)})$`);
}

/** Opens ?lang=xx with its own context, recording which catalogue chunks were fetched. */
async function open(locale: Loc, width: number, height: number): Promise<{ page: Page; context: BrowserContext; chunks: string[] }> {
  const context = await e2e.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const chunks: string[] = [];
  context.on('request', (r) => {
    const m = CHUNK.exec(new URL(r.url()).pathname);
    if (m) chunks.push(`${m[1]!}:${m[2]!}`);
  });
  const { page } = await openApp(context, `/?lang=${locale}`);
  await settled(page);
  return { page, context, chunks };
}

/** The visible word texts (not numbers, codes or the app's name). */
async function words(page: Page): Promise<string[]> {
  return (await visibleTexts(page)).map((s) => s.text).filter((t) => isWordText(t) && !PROPER.has(t));
}

describe('?lang= at 1280×720 and 390×844', () => {
  it('lang/dir, one catalogue chunk, no sideways scroll, axe clean, Arabic levers on the right, ≤ 5% identical to English', { timeout: 900_000 }, async () => {
    const english = new Map<number, Set<string>>();
    for (const [w, h] of SIZES) {
      const { page, chunks } = await open('en', w, h);
      expect(chunks[0]).toBe('en:start');
      expect(onlyLanguage('en', chunks)).toEqual(['en']);
      english.set(w, new Set(await words(page)));
    }
    const shares: string[] = [];
    const failures: string[] = [];
    for (const locale of LOCALES) {
      for (const [w, h] of SIZES) {
        const at = `${locale} ${w}×${h}`;
        const { page, chunks } = await open(locale, w, h);
        const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
        expect(html, at).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
        expect(chunks[0], `${at}: the first screen's words load first`).toBe(`${locale}:start`);
        expect(onlyLanguage(locale, chunks), `${at}: only the active catalogue is fetched`).toEqual([locale]);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (w === 390) expect(scroll, `${at}: sideways scroll (px)`).toBeLessThanOrEqual(0);
        if (locale === 'ar' && w === 1280) {
          const sides = await page.evaluate(() => {
            const levers = document.querySelector('aside')!.getBoundingClientRect();
            const main = document.querySelector('main')!.getBoundingClientRect();
            return { levers: levers.left, main: main.left };
          });
          expect(sides.levers, 'Arabic: the lever panel is right of the results').toBeGreaterThan(sides.main);
        }
        const violations = await axeViolations(page);
        if (violations.length) failures.push(`${at} axe: ${violations.join('; ')}`);
        const shown = await words(page);
        const same = shown.filter((t) => english.get(w)!.has(t));
        const share = shown.length ? same.length / shown.length : 1;
        shares.push(`${at}: ${(share * 100).toFixed(1)}% identical to English (${same.length} of ${shown.length})`);
        if (share > 0.05) failures.push(`${at}: ${(share * 100).toFixed(1)}% of word texts identical to English, e.g. ${[...new Set(same)].slice(0, 15).join(' | ')}`);
      }
    }
    console.log(`Identical to English:\n${shares.join('\n')}`);
    expect(failures).toEqual([]);
  });

  it('Arabic: axe finds nothing on any tab or main dialog', { timeout: 600_000 }, async () => {
    const { page } = await open('ar', 1280, 720);
    const failures: string[] = [];
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await page.getByRole('tabpanel').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
      const v = await axeViolations(page);
      if (v.length) failures.push(`tab ${i + 1}: ${v.join('; ')}`);
    }
    for (const button of ['Save as…', 'Share link', 'Custom geography…', 'Report']) {
      await page.getByRole('button', { name: nameIn('ar', button) }).first().click();
      const dlg = page.getByRole('dialog').last();
      await dlg.waitFor();
      await page.waitForTimeout(800);
      const v = await axeViolations(page);
      if (v.length) failures.push(`${button}: ${v.join('; ')}`);
      await page.keyboard.press('Escape');
      await dlg.waitFor({ state: 'hidden' }).catch(() => undefined);
    }
    expect(failures).toEqual([]);
  });

  it('Arabic: the tab arrows follow the writing direction (ArrowLeft goes to the next tab)', async () => {
    const { page } = await open('ar', 1280, 720);
    const tabs = page.getByRole('tab');
    await tabs.first().focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tabs.first().getAttribute('aria-selected')).toBe('true');
    // the slider is a native range: under dir=rtl its minimum is on the right, as the arrows expect
    expect(await page.locator('#lever-networkRollout').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });

  it('a ?lang= naming no language says so, in the language shown, and falls back', async () => {
    const { page } = await open('xx' as Loc, 1280, 720);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByTestId('language-notice').innerText()).toContain('“xx” is not an available language');
  });
});

describe('the language picker', () => {
  it('names each language in its own language, switches by keyboard, keeps the scenario and its undo history', { timeout: 300_000 }, async () => {
    const { page, chunks } = await open('en', 1280, 720);
    const picker = page.getByRole('combobox', { name: 'Language' });
    const options = await picker.locator('option').evaluateAll((os) => os.map((o) => `${o.getAttribute('lang')}:${o.textContent}`));
    expect(options).toEqual(['ar:العربية', 'zh:中文', 'en:English', 'fr:Français', 'ru:Русский', 'es:Español']);
    await page.locator('#lever-networkRollout').fill('15');
    await settled(page);
    const undo = page.locator('button[aria-keyshortcuts="Control+Z"]');
    await expect.poll(() => undo.isEnabled()).toBe(true);

    await picker.focus();
    await picker.selectOption('fr'); // a keyboard user's choice: the select's own keys
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    // English (its first part, and the rest once the tab panel asked), then French in both parts
    expect(chunks.map((c) => c.split(':')[0]).filter((l, i, a) => a.indexOf(l) === i)).toEqual(['en', 'fr']);
    expect(chunks.filter((c) => c.startsWith('fr:')).sort()).toEqual(['fr:rest', 'fr:start']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('language-picker');
    const frName = catalogue('fr')['i18n.language']!;
    await expect.poll(() => page.getByRole('combobox', { name: frName }).inputValue()).toBe('fr');
    expect(await page.locator('#lever-networkRollout').inputValue()).toBe('15');
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await undo.click();
    await expect.poll(() => page.locator('#lever-networkRollout').inputValue()).not.toBe('15');

    // remembered: a new visit without ?lang opens in French
    await page.goto(new URL('/', page.url()).toString());
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  });
});
