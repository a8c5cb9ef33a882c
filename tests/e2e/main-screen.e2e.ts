// Protects issue 15's main screen: the headline ("N of 12 targets met", the cost) is on screen without
// scrolling at 1280×720, 1920×1080 and 390×844 in light and dark, and stays there when the page
// scrolls; it gives the scorecard's count; a phone has no sideways scroll and shows the headline and the
// lever being moved together; dark follows prefers-color-scheme and the theme choice is remembered;
// axe finds nothing on any tab in either theme (and in the projector theme); the "met" rule is one
// click from a status; Skip to results is the first tab stop; Ctrl+S saves.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openApp, settled, useBrowser } from './harness.ts';

const e2e = useBrowser();
const SIZES = [
  [1280, 720],
  [1920, 1080],
  [390, 844],
] as const;

/** Whether the element's box lies wholly inside the viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  }, selector);
}

/** Relative luminance of the page background (0 black … 1 white). */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (m ? m.slice(1, 4) : ['255', '255', '255']).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

describe('main screen: headline, phone layout, themes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of SIZES) {
      it(`${scheme}, ${width}×${height}: the headline with "of 12 targets" and the cost is on screen, also after scrolling, and matches the scorecard`, async () => {
        const context = await e2e.newContext({ viewport: { width, height }, colorScheme: scheme });
        const { page, problems } = await openApp(context);
        await settled(page);
        const headline = page.getByTestId('headline');
        await expect(headline.getByTestId('headline-count').innerText()).resolves.toMatch(/^\d+ of 12 targets met$/);
        await expect(headline.getByTestId('headline-cost').innerText()).resolves.toMatch(/2026–2030/);
        expect(await inViewport(page, '[data-testid="headline"]')).toBe(true);
        // one count: the scorecard says the same
        const count = await headline.getByTestId('headline-count').innerText();
        await expect(page.getByTestId('scorecard-count').innerText()).resolves.toContain(count);
        // dark follows prefers-color-scheme
        const lum = await backgroundLuminance(page);
        if (scheme === 'dark') expect(lum).toBeLessThan(0.05);
        else expect(lum).toBeGreaterThan(0.9);
        // pinned: still on screen at the bottom of the page
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.waitForTimeout(100);
        expect(await inViewport(page, '[data-testid="headline"]')).toBe(true);
        if (width === 390) {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        }
        expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
      });
    }
  }

  it('390×844: no sideways scroll on any tab, and moving a lever changes the headline while both are on screen', async () => {
    const context = await e2e.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page, problems } = await openApp(context);
    await settled(page);
    for (const name of ['Scorecard', 'All indicators', 'Budget', 'Assumptions', 'Help']) {
      await page.getByRole('tab', { name }).click();
      await page.getByRole('tabpanel').waitFor();
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
    }
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    const slider = page.getByRole('slider', { name: 'School connectivity', exact: true });
    await slider.scrollIntoViewIfNeeded();
    const before = await page.getByTestId('headline').innerText();
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction((b) => document.querySelector('[data-testid="headline"]')?.textContent !== null && (document.querySelector('[data-testid="headline"]') as HTMLElement).innerText !== b, before);
    expect(await inViewport(page, '[data-testid="headline"]')).toBe(true);
    expect(await inViewport(page, '#lever-schoolConnectivity')).toBe(true);
    await expect(page.getByTestId('headline-cost').innerText()).resolves.toMatch(/USD/);
    // the polite announcement follows once the numbers are still
    await page.waitForFunction(() => /USD/.test(document.querySelector('[data-testid="headline-announce"]')?.textContent ?? ''));
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: axe finds no violation on any tab`, async () => {
      const context = await e2e.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
      const { page, problems } = await openApp(context);
      await settled(page);
      await page.getByRole('button', { name: 'Show data table' }).click();
      for (const name of ['Scorecard', 'All indicators', 'Budget', 'Assumptions', 'Reach targets', 'Scenarios', 'Compare', 'Help']) {
        await page.getByRole('tab', { name }).click();
        await page.waitForTimeout(800);
        expect(await axeViolations(page), `${scheme} ${name}`).toEqual([]);
      }
      expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    }, 240_000);
  }

  it('the theme control: Projector passes axe, Dark is remembered across a reload, System follows the system again', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
    const { page, problems } = await openApp(context);
    await settled(page);
    const picker = page.getByRole('combobox', { name: 'Theme' });
    await picker.selectOption('projector');
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('projector');
    expect(await axeViolations(page), 'projector').toEqual([]);
    await picker.selectOption('dark');
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await page.reload();
    await settled(page);
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('dark');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.9);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  });

  it('each status opens the rule that decided it (99.5% for universal targets), and every indicator sits under its target', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await openApp(context);
    await settled(page);
    await expect(page.locator('tbody[data-target="2.1"] tr[data-indicator]').count()).resolves.toBe(3);
    await expect(page.locator('tbody[data-target="2.5"] tr[data-indicator]').count()).resolves.toBe(2);
    await expect(page.locator('tbody[data-target]').count()).resolves.toBe(12);
    await expect(page.locator('tr[data-indicator="ictEmissions"] th').innerText()).resolves.toContain('index, 2020 = 100');
    const status = page.getByRole('button', { name: /how 4G coverage is judged/ });
    await status.click();
    await expect(status.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.getByTestId('met-rule').innerText()).resolves.toMatch(/at least 99\.5% of population.*universal targets/);
  });

  it('keyboard: Skip to results is the first tab stop and lands in the results; Ctrl+S saves (asks for a name first)', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await openApp(context);
    await settled(page);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Skip to results');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.keyboard.press('Control+s');
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').innerText()).toMatch(/name/i);
  });
});
