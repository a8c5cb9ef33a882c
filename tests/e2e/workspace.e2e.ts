// Protects the planner workspace as a user meets it: levers move the scorecard, geography changes
// baselines, the whole flow works by keyboard, the layout holds at projector and phone sizes, and
// every view is free of axe violations and console errors.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, openApp, type PageProblems, useBrowser, settled } from './harness.ts';

const e2e = useBrowser();

async function ready(context: BrowserContext): Promise<{ page: Page; problems: PageProblems }> {
  const app = await openApp(context);
  await settled(app.page);
  return app;
}

/** The number shown in one scorecard cell ("81.5%" → 81.5). */
async function cell(page: Page, indicator: string, col: 'scenario' | 'trends'): Promise<number> {
  const text = await page.locator(`tr[data-indicator="${indicator}"] td[data-col="${col}"]`).innerText();
  return Number.parseFloat(text.replace(/[^0-9.\-]/g, ''));
}

describe('planner workspace', () => {
  it('raising the affordability lever lowers the price and raises the adoption indicators it feeds', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    const before = {
      price: await cell(page, 'mbbPrice', 'scenario'),
      use: await cell(page, 'internetUse', 'scenario'),
      households: await cell(page, 'households', 'scenario'),
      egov: await cell(page, 'egovUse', 'scenario'),
    };
    const slider = page.getByRole('slider', { name: 'Affordability subsidy', exact: true });
    await slider.fill('50');
    await settled(page);
    await expect.poll(() => cell(page, 'internetUse', 'scenario')).toBeGreaterThan(before.use);
    expect(await cell(page, 'mbbPrice', 'scenario')).toBeLessThan(before.price);
    expect(await cell(page, 'households', 'scenario')).toBeGreaterThan(before.households);
    expect(await cell(page, 'egovUse', 'scenario')).toBeGreaterThan(before.egov);
    // current trends do not move with a lever
    expect(await cell(page, 'internetUse', 'trends')).toBeCloseTo(before.use, 5);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('switching geography changes the baselines, and an economy loads with its ITU sources', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    const baseCell = () => page.locator('tr[data-indicator="internetUse"] td').first().innerText();
    const world = await baseCell();
    const geo = page.getByRole('combobox', { name: 'Geography' });
    await geo.fill('Africa');
    await page.getByRole('option', { name: 'Africa', exact: true }).click();
    await expect.poll(baseCell).not.toBe(world);
    const africa = await baseCell();
    // search by name, choose with the keyboard
    await geo.fill('keny');
    await page.keyboard.press('Enter');
    await expect.poll(() => geo.inputValue()).toBe('Kenya');
    await expect.poll(baseCell).not.toBe(africa);
    const prov = await page.locator('tr[data-indicator="internetUse"]').getByText(/Kenya National Bureau of Statistics/).count();
    expect(prov).toBeGreaterThan(0);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('works by keyboard alone: geography, a lever with arrows and PageUp, a scorecard row', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    const geo = page.getByRole('combobox', { name: 'Geography' });
    await geo.focus();
    await page.keyboard.press('ArrowDown'); // opens the list on World
    await page.keyboard.press('ArrowDown'); // World → Africa
    await page.keyboard.press('Enter');
    await expect.poll(() => geo.inputValue()).toBe('Africa');
    await settled(page);
    const slider = page.getByRole('slider', { name: 'Digital-skills training', exact: true });
    const skillsBefore = await cell(page, 'basicSkills', 'scenario');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue()).toBe('1');
    await page.keyboard.press('PageUp');
    const big = Number(await slider.inputValue());
    expect(big).toBeGreaterThan(1);
    await settled(page);
    await expect.poll(() => cell(page, 'basicSkills', 'scenario')).toBeGreaterThan(skillsBefore);
    // Tab from the slider reaches its start-year control and its buttons
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    // focus a scorecard row by keyboard: its chart becomes the focus chart
    const rowButton = page.getByRole('button', { name: 'Schools connected', exact: true });
    await rowButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.chart[role=img]').getAttribute('aria-label')).toMatch(/^Schools connected: .* in 2030 under this scenario; target/);
    // Reset by keyboard
    await page.getByRole('button', { name: 'Reset Digital-skills training' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => slider.inputValue()).toBe('0');
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('every view passes axe and leaves the console clean', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    for (const tab of ['Scorecard', 'All indicators', 'Budget', 'Assumptions', 'Help']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      expect(await axeViolations(page), `axe on ${tab}`).toEqual([]);
    }
    // Budget says what current trends themselves need, and the whole investment with the scenario
    await page.getByRole('tab', { name: 'Budget' }).click();
    await expect.poll(() => page.getByTestId('budget-trends').innerText()).toMatch(/^Current trends themselves need about USD [\d.,]+ bn over 2026–2030 .* All investment to 2030, whoever pays, with this scenario: USD [\d.,]+ bn/s);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  }, 180_000); // five axe runs: several seconds each on a loaded 2-core machine

  it('at 1280×720 the levers and the focus chart are in view without scrolling; at 390 px one column, no sideways scroll', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await ready(context);
    const inView = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      return box !== null && box.y >= 0 && box.y + Math.min(box.height, 200) <= 720 && box.x + box.width <= 1280;
    };
    expect(await inView('.chart[role=img]')).toBe(true);
    expect(await inView('aside[aria-label="Scenario levers"]')).toBe(true);
    const chartBox = await page.locator('.chart[role=img]').boundingBox();
    expect(chartBox!.y + chartBox!.height).toBeLessThanOrEqual(720);
    expect(await page.getByRole('slider', { name: 'Network rollout', exact: true }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    // the chart canvas follows its container on the next resize callback
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const aside = await page.locator('aside[aria-label="Scenario levers"]').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(Math.abs(aside!.x - main!.x)).toBeLessThan(20); // stacked, not side by side
    await context.close();
  });

  it('the Geography combobox finds economies by ISO3 code and announces the result count', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    const geo = page.getByRole('combobox', { name: 'Geography' });
    await geo.fill('bra');
    const options = page.getByRole('option');
    await expect.poll(() => options.allInnerTexts()).toContain('Brazil BRA');
    await expect.poll(() => page.getByText(/^\d+ results?$/).innerText()).toMatch(/results?/);
    await page.keyboard.press('Escape');
    expect(await geo.getAttribute('aria-expanded')).toBe('false');
    expect(await geo.inputValue()).toBe('World');
    await geo.fill('zzzz');
    expect(await page.getByText('No geography matches').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('undo and redo: one step per drag, by buttons and by Ctrl+Z / Ctrl+Shift+Z', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    const slider = page.getByRole('slider', { name: 'Network rollout', exact: true });
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 4 + i * (box.width / 20), box.y + box.height / 2);
    await page.mouse.up();
    const dragged = await slider.inputValue();
    expect(Number(dragged)).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => slider.inputValue()).toBe('0'); // the whole drag is one step
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => slider.inputValue()).toBe(dragged);
    await page.getByRole('heading', { name: 'Levers' }).click(); // focus away from the slider
    await page.keyboard.press('Control+z');
    await expect.poll(() => slider.inputValue()).toBe('0');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => slider.inputValue()).toBe(dragged);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('a custom geography can be created from a pasted history, and it projects with its own baseline', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    await page.getByRole('button', { name: 'Custom geography…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Atlantis');
    await dialog.getByLabel('Inherit from').selectOption('africa');
    await dialog.getByLabel(/^Internet use/).first().fill('31.5');
    await dialog.getByText('History for Internet use').click();
    await dialog.getByLabel(/Internet use history/).fill('2019\t20\n2020\t23.5\n2021\t26\n2022\t28\n2023\t30');
    await expect.poll(() => dialog.getByText(/Read 5 points/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Save and use' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const geo = page.getByRole('combobox', { name: 'Geography' });
    await expect.poll(() => geo.inputValue()).toMatch(/Atlantis/);
    await settled(page);
    const base = await page.locator('tr[data-indicator="internetUse"] td').first().innerText();
    expect(base).toMatch(/31\.5|3\d\.\d/);
    // the other indicators are inherited from Africa and say so
    expect(await page.locator('tr[data-indicator="schools"]').getByText(/Africa value used|Regional estimate|Assumption/).count()).toBeGreaterThan(0);
    expect(await cell(page, 'internetUse', 'scenario')).toBeGreaterThan(31.5);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('a bad custom-geography entry names the field and saves nothing', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await ready(context);
    await page.getByRole('button', { name: 'Custom geography…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Bad place');
    await dialog.getByLabel(/^Internet use/).first().fill('140');
    await dialog.getByRole('button', { name: 'Save and use' }).click();
    expect(await dialog.getByText(/Internet use/).filter({ hasText: /100/ }).count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('combobox', { name: 'Geography' }).inputValue()).toBe('World');
    await context.close();
  });

  it('editing an assumption changes the result and marks it; Reset restores it', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await ready(context);
    await page.getByRole('slider', { name: 'Handset subsidy', exact: true }).fill('20');
    await settled(page);
    const before = await cell(page, 'internetUse', 'scenario');
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    const input = page.getByLabel('Edit New phone owners who go online', { exact: true });
    await input.fill('0.8');
    await input.press('Enter');
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await settled(page);
    await expect.poll(() => cell(page, 'internetUse', 'scenario')).toBeGreaterThan(before);
    expect(await page.locator('tr[data-indicator="internetUse"]').getByText('edited').count()).toBe(1);
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    await page.getByRole('button', { name: 'Reset New phone owners who go online' }).click();
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await settled(page);
    await expect.poll(() => cell(page, 'internetUse', 'scenario')).toBeCloseTo(before, 5);
    expect(await page.locator('tr[data-indicator="internetUse"]').getByText('edited').count()).toBe(0);
    // an out-of-range value is refused with its range and changes nothing
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    await input.fill('5');
    await input.press('Enter');
    expect(await page.getByText(/Must be between 0\.2 and 0\.8/).count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    expect(await cell(page, 'internetUse', 'scenario')).toBeCloseTo(before, 5);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
    await context.close();
  });

  it('the chart\'s accessible name states the indicator, its 2030 scenario value and the target', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await ready(context);
    const label = await page.locator('.chart[role=img]').getAttribute('aria-label');
    expect(label).toMatch(/^Internet use: \d+(\.\d)?% in 2030 under this scenario; target 100(\.0)?%$/);
    await page.getByRole('tab', { name: 'All indicators' }).click();
    // The panel is lazy-loaded: wait for its charts (a busy machine, or the service worker precaching in
    // the background, can delay the chunk past the click).
    await expect.poll(() => page.locator('#panel-charts svg[role=img]').count(), { timeout: 20000 }).toBe(15);
    const names = await page.locator('#panel-charts svg[role=img]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names).toHaveLength(15);
    for (const n of names) expect(n).toMatch(/in 2030 under this scenario; target /);
    await context.close();
  });
});
