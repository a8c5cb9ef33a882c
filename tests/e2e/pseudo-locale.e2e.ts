// Protects "every user-visible string comes from the catalogue" (issue 17): the app runs in a
// pseudo-locale (tests/support/pseudo-locale.ts: every English message accented, bracketed and ~30%
// longer), served in place of the English catalogue's chunk — the app itself has no seventh language.
// On the main screen, every tab and the main dialogs, any visible text node or accessible text
// (aria-label, title, alt, placeholder, the page title) still holding plain ASCII words did not come
// from the catalogue and fails the test, as does any control, label or heading whose text is cut off by
// its box. Proper names that stay as they are (economy names from the data, cited works, "USD") are
// taken out first. The findings are also written to test-results/pseudo-locale-findings.json.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, settled, useBrowser } from './harness.ts';
import { accessibleTexts, clippedTexts, visibleTexts, type ShownText } from './i18n-page.ts';
import { englishCatalogue, pseudoCatalogue, pseudoMessage } from '../support/pseudo-locale.ts';
import { precompile } from '../../scripts/lib/i18n-precompile.ts';
import { pickArea, type CatalogueArea } from '../../src/i18n/areas.ts';

const e2e = useBrowser();
const root = resolve(import.meta.dirname, '../..');
const en = englishCatalogue();
const pseudo = pseudoCatalogue(en);
// served as the build serves catalogues: in two parts (src/i18n/areas.ts), parsed ICU (scripts/lib/i18n-precompile.ts)
const pseudoModule = (area: CatalogueArea): string => `export default ${JSON.stringify(precompile('en', pickArea(pseudo, area)))};\n`;

/** Names that stay as written in every language: economies (data names), cited works and publishers. */
const PROPER_NAMES: string[] = (() => {
  const countries = JSON.parse(readFileSync(resolve(root, 'src/model/data/generated/countries/index.json'), 'utf8')) as Array<{ name: string }>;
  const sources = JSON.parse(readFileSync(resolve(root, 'src/model/data/curated/sources.json'), 'utf8')) as Record<string, { title?: string; publisher?: string }>;
  const names = [...countries.map((c) => c.name), ...Object.values(sources).flatMap((s) => [s.title ?? '', s.publisher ?? '']), 'USD', 'Pathways 2030'];
  return [...new Set(names.filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
})();

/**
 * Data shown as written, in English, like the names above: the baselines' notes, reasons, source ids and
 * editions (curated and generated data, not UI text; issue 17 leaves data in the language it was
 * published in). Collected from the data files themselves, so a UI string can never hide among them.
 */
const DATA_TEXTS: string[] = (() => {
  const dir = resolve(root, 'src/model/data');
  const files = ['curated/baselines.json', 'generated/regions.json', ...readdirSync(resolve(dir, 'generated/countries')).filter((f) => f.endsWith('.json')).map((f) => `generated/countries/${f}`)];
  const out = new Set<string>();
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === 'string') {
      if (key && ['note', 'reason', 'source', 'edition', 'regionNote'].includes(key) && v.length > 3) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const f of files) walk(JSON.parse(readFileSync(resolve(dir, f), 'utf8')));
  return [...out].sort((a, b) => b.length - a.length);
})();

/** The text with proper names removed: what must contain no plain ASCII word. */
function withoutProperNames(text: string): string {
  // addresses and keyboard shortcuts are codes, not words
  let t = text.replace(/https?:\/\/\S*/g, ' ').replace(/\b(Ctrl|Shift|Alt)\+/g, ' ');
  for (const n of DATA_TEXTS) if (t.includes(n)) t = t.split(n).join(' ');
  for (const n of PROPER_NAMES) if (t.includes(n)) t = t.split(n).join(' ');
  // amounts in English's house style (src/lib/format.ts: "USD 839 bn", an axis's "200 bn"; the
  // pseudo-locale formats numbers as English does): number formats, not words left untranslated.
  // Last, so a data text that holds such an amount ("2.8 m unconnected") is still recognised whole.
  return t.replace(/(?:\bUSD )?-?\d[\d.,]* (?:tn|bn|m)\b/g, ' ');
}
const ENGLISH_WORD = /[A-Za-z]{2,}/;

/** A control's name as the pseudo-locale shows it, or its English name while it is not yet in the catalogue. */
function uiName(english: string): RegExp {
  const key = Object.keys(en).find((k) => en[k] === english);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(${key ? `${esc(pseudoMessage(english))}|` : ''}${esc(english)})$`);
}

interface Findings {
  english: Record<string, string[]>;
  clipped: Record<string, string[]>;
}

async function inspect(page: Page, view: string, found: Findings): Promise<void> {
  const shown: ShownText[] = [...(await visibleTexts(page)), ...(await accessibleTexts(page))];
  const english = shown.filter((s) => ENGLISH_WORD.test(withoutProperNames(s.text))).map((s) => `${s.where}: ${s.text.slice(0, 400)}`);
  const clipped = (await clippedTexts(page)).map((s) => `${s.where}: ${s.text}`);
  if (english.length) found.english[view] = [...new Set(english)];
  if (clipped.length) found.clipped[view] = [...new Set(clipped)];
}

async function openPseudo(width: number, height: number): Promise<Page> {
  // No service worker: the English chunk must come from the network, where the test replaces it.
  const context = await e2e.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  await context.route(/\/assets\/en-(start|rest)-[\w-]+\.js$/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: pseudoModule(/\/en-rest-/.test(route.request().url()) ? 'rest' : 'start') }),
  );
  const { page } = await openApp(context, '/?lang=en');
  await settled(page);
  // the pseudo catalogue is the one in force
  expect(await page.title()).toBe(pseudoMessage(en['app.title']!));
  return page;
}

describe('pseudo-locale: no English left on screen, no text cut off', () => {
  it('main screen, every tab and the main dialogs at 1280×720; the main screen at 390×844', { timeout: 600_000 }, async () => {
    const found: Findings = { english: {}, clipped: {} };
    const page = await openPseudo(1280, 720);
    await inspect(page, 'main screen', found);

    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await page.getByRole('tabpanel').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800); // lazy panels render after their chunk
      await inspect(page, `tab ${i + 1} (${(await tabs.nth(i).innerText()).trim()})`, found);
    }

    const dialogs: Array<[string, string]> = [
      ['Save as…', 'dialog'],
      ['Share link', 'dialog'],
      ['Custom geography…', 'dialog'],
      ['Report', 'dialog'],
    ];
    for (const [button, role] of dialogs) {
      await page.getByRole('button', { name: uiName(button) }).first().click();
      const dlg = page.getByRole(role as 'dialog').last();
      await dlg.waitFor();
      await page.waitForTimeout(800);
      await inspect(page, `dialog: ${button}`, found);
      await page.keyboard.press('Escape');
      await dlg.waitFor({ state: 'hidden' }).catch(() => undefined);
    }

    const phone = await openPseudo(390, 844);
    await inspect(phone, 'main screen at 390×844', found);

    mkdirSync(resolve(root, 'test-results'), { recursive: true });
    writeFileSync(resolve(root, 'test-results/pseudo-locale-findings.json'), `${JSON.stringify(found, null, 2)}\n`);
    const total = (r: Record<string, string[]>) => Object.values(r).reduce((n, l) => n + l.length, 0);
    console.log(`pseudo-locale: ${total(found.english)} English texts, ${total(found.clipped)} clipped (test-results/pseudo-locale-findings.json)`);
    expect(found.english, 'English text left on screen (not from the catalogue)').toEqual({});
    expect(found.clipped, 'text cut off by its box').toEqual({});
  });

  it('the workshop board with six groups, the plan’s handles and the board’s slide', { timeout: 600_000 }, async () => {
    const found: Findings = { english: {}, clipped: {} };
    const page = await openPseudo(1280, 720);
    await page.getByRole('tab', { name: uiName('Workshop') }).click();
    await page.getByRole('heading', { name: uiName('Workshop board') }).waitFor();
    // The groups' own words are data: written here in Greek, so no English word is the groups'.
    const preset = JSON.parse(readFileSync(resolve(root, 'scenarios/balanced-plan.json'), 'utf8'));
    const files = Array.from({ length: 6 }, (_, i) => {
      const f = structuredClone(preset);
      Object.assign(f.scenarios[0], { id: `00000000-0000-4000-8000-00000000000${i}`, name: `Σχέδιο ${i + 1}`, author: `Ομάδα ${i + 1}`, description: '', notes: `Σημειώσεις ${i + 1}` });
      f.scenarios[0].levers.networkRollout = { value: 4 * (i + 1), start: null };
      return { name: `ομάδα-${i + 1}`, text: JSON.stringify(f) };
    });
    const data = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      return dt;
    }, files);
    await page.getByTestId('workshop-drop').dispatchEvent('drop', { dataTransfer: data });
    await page.getByTestId('workshop-group-table').locator('tbody tr').nth(5).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: uiName('Build the room’s plan') }).click();
    await page.getByRole('slider').first().waitFor();
    await page.getByTestId('workshop-target-table').waitFor();
    await page.waitForTimeout(800);
    await inspect(page, 'workshop board with the plan', found);
    await page.getByRole('button', { name: uiName('Present the board') }).click();
    await page.getByTestId('workshop-slide').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    await inspect(page, 'workshop board slide', found);
    console.log(`pseudo-locale, workshop: ${JSON.stringify(found)}`);
    expect(found.english, 'English text left on screen (not from the catalogue)').toEqual({});
    expect(found.clipped, 'text cut off by its box').toEqual({});
  });
});
