// Protects the app shell: it loads, the worker answers, and the page is clean (no errors, no foreign
// requests, no axe violations), both with the mouse-free keyboard path and on load.
import { describe, expect, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './harness.ts';

const e2e = useBrowser();

describe('app shell', () => {
  it('loads with title, a worker round trip, and nothing violated', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await openApp(context);
    await expect(page.title()).resolves.toBe('Pathways 2030');
    await page.getByRole('heading', { level: 1, name: 'Pathways 2030' }).waitFor();
    await page.getByText(/Projection engine ready \(model \d+\.\d+\.\d+\)/).waitFor();
    await expectClean(page, problems);
  });

  it('is reachable by keyboard alone: Tab moves focus to a focusable control and focus is visible', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await openApp(context);
    await page.getByText(/Projection engine ready/).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { tag: el.tagName, text: el.textContent?.trim() ?? '', outline: style.outlineStyle };
    });
    expect(focused).not.toBeNull();
    expect(focused?.outline).not.toBe('none');
    await expectClean(page, problems);
  });
});
