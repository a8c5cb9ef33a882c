// Protects the "Reach targets" tab as a planner meets it: a goal seek for two feasible goals whose
// Apply moves the scorecard past both levels and whose Undo restores the levers; Save as scenario;
// an infeasible goal shown with its best reachable value; invalid levels refused; the trade-off
// curve and the tornado with their text equivalents; Cancel stopping a running search with nothing
// applied; no console errors and no axe violations on the panel.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLEAN, axeViolations, expectClean, slider, useBrowser } from './harness.ts';

const e2e = useBrowser();

async function openReach(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Reach targets' }).click();
  await page.getByRole('button', { name: 'Run search' }).waitFor();
}

/** The number shown in one scorecard cell ("81.5%" → 81.5). */
async function cell(page: Page, indicator: string, col: 'scenario' | 'trends'): Promise<number> {
  const text = await page.locator(`tr[data-indicator="${indicator}"] td[data-col="${col}"]`).innerText();
  return Number.parseFloat(text.replace(/[^0-9.\-]/g, ''));
}

async function goal(page: Page, name: string, level: string): Promise<void> {
  await page.getByRole('checkbox', { name, exact: true }).check();
  await page.getByRole('textbox', { name: new RegExp(`^Level for ${name} `) }).fill(level);
}

describe('reach targets', () => {
  it('finds settings for two goals; Apply meets both on the scorecard as one undo step; Save as scenario keeps them', async () => {
    const { page, problems } = await e2e.app();
    const before = { schools: await cell(page, 'schools', 'scenario'), skills: await cell(page, 'basicSkills', 'scenario') };
    expect(before.schools).toBeLessThan(80);
    expect(before.skills).toBeLessThan(50);
    await openReach(page);
    await goal(page, 'Schools connected', '80');
    await goal(page, 'Basic digital skills', '50');
    await page.getByRole('button', { name: 'Run search' }).click();
    const result = page.getByTestId('reach-result');
    await result.waitFor({ timeout: 30000 });
    await expect.poll(() => page.getByTestId('reach-headline').innerText()).toMatch(/All 2 goals are met, for USD [\d.,]+ (bn|m|tn) to 2030/);
    for (const id of ['schools', 'basicSkills']) expect(await result.locator(`tr[data-goal="${id}"]`).getAttribute('data-met')).toBe('yes');
    // beside the plan's cost: all investment to 2030, current trends' own cost included (comparable with ITU's costings)
    expect(await page.getByTestId('reach-with-trends').innerText()).toMatch(/^USD [\d.,]+ (bn|tn): current trends USD [\d.,]+ (bn|tn) \(operators and users\) \+ this plan USD [\d.,]+ (bn|m|tn)$/);
    // the diff lists the levers that change, with their units
    const levers = page.getByTestId('reach-levers');
    expect(await levers.locator('tr[data-lever="schoolConnectivity"]').innerText()).toMatch(/% of unconnected schools connected per year/);
    expect(await levers.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByText(/unchanged levers?$/).count()).toBe(1);
    // the curve and the tornado are there, named by their text equivalents
    await expect.poll(() => page.getByTestId('tradeoff-chart').getAttribute('aria-label'), { timeout: 20000 }).toMatch(/^Schools connected 2030 vs cost: .+ at USD .+ … .+; current scenario .+ at USD/);
    await page.getByTestId('tornado-chart').waitFor({ timeout: 20000 });
    expect(await axeViolations(page, '#panel-reach')).toEqual([]);

    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => page.getByTestId('reach-notice').innerText()).toMatch(/^Applied: \d+ levers? changed/);
    expect(Number(await slider(page, 'School connectivity').inputValue())).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await expect.poll(() => cell(page, 'schools', 'scenario'), { timeout: 15000 }).toBeGreaterThanOrEqual(80);
    expect(await cell(page, 'basicSkills', 'scenario')).toBeGreaterThanOrEqual(50);

    // one Undo restores every lever the search moved
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => slider(page, 'School connectivity').inputValue()).toBe('0');
    expect(await slider(page, 'Digital-skills training').inputValue()).toBe('0');
    await expect.poll(() => cell(page, 'schools', 'scenario')).toBeCloseTo(before.schools, 5);
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    // the result survives switching tabs; Save as scenario stores it in the library
    await openReach(page);
    await page.getByRole('button', { name: 'Save as scenario' }).click();
    const name = 'Reach: Schools connected ≥ 80%, Basic digital skills ≥ 50%';
    await expect.poll(() => page.getByTestId('reach-notice').innerText()).toBe(`Saved “${name}” to My scenarios.`);
    expect(await slider(page, 'School connectivity').inputValue()).toBe('0'); // saving does not apply
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await expect.poll(() => page.getByText(name).count()).toBeGreaterThan(0);
    expect(problems).toEqual(CLEAN);
  });

  it('an infeasible goal shows as out of reach with its best reachable value (driven by keyboard)', async () => {
    const { page, problems } = await e2e.app();
    const now = await cell(page, 'internetUse', 'scenario');
    await openReach(page);
    // keyboard only: tick the goal with Space, keep the prefilled target (100), submit with Enter
    await page.getByRole('checkbox', { name: 'Internet use', exact: true }).focus();
    await page.keyboard.press('Space');
    const level = page.getByRole('textbox', { name: /^Level for Internet use / });
    expect(await level.inputValue()).toBe('100');
    await level.focus();
    await page.keyboard.press('Enter');
    // focus moves to Cancel while it runs, then to the result
    const row = page.locator('[data-testid=reach-result] tr[data-goal="internetUse"]');
    await row.waitFor({ timeout: 30000 });
    expect(await row.getAttribute('data-met')).toBe('no');
    expect(await row.innerText()).toMatch(/Not met: out of reach/);
    const best = Number.parseFloat((await row.getByTestId('best-reachable').innerText()).replace(/^Best reachable: /, ''));
    expect(best).toBeGreaterThan(now);
    expect(best).toBeLessThan(100);
    expect(await page.getByTestId('reach-headline').innerText()).toMatch(/The goal is out of reach/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reach-result-heading');
    await expectClean(page, problems, '#panel-reach');
  });

  it('refuses to run while a level is outside the indicator’s bounds, with the message', async () => {
    const { page, problems } = await e2e.app();
    await openReach(page);
    await page.getByRole('button', { name: 'Run search' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Tick at least one goal/);
    await goal(page, 'Schools connected', '150');
    const input = page.getByRole('textbox', { name: /^Level for Schools connected / });
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/Schools connected: enter a level from 0 to 100 \(% of schools\); 150 is outside that range/).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Run search' }).click();
    expect(await page.getByTestId('reach-running').count()).toBe(0);
    expect(await page.getByTestId('reach-result').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Budget ceiling amount' }).fill('lots');
    expect(await page.getByText(/Budget: “lots” is not a number/).count()).toBeGreaterThan(0);
    await expectClean(page, problems, '#panel-reach');
  });

  it('the tornado for the focused indicator lists levers and parameters, with which uncertainty matters most', async () => {
    const { page, problems } = await e2e.app();
    await openReach(page);
    const chart = page.getByTestId('tornado-chart');
    await chart.waitFor({ timeout: 20000 });
    expect(await chart.getAttribute('aria-label')).toMatch(/^What moves Internet use in 2030: scenario value [\d.]+%; largest swings .+ \((lever|uncertain parameter)\)/);
    await page.getByRole('button', { name: 'Show tornado table' }).click();
    const table = page.getByTestId('tornado-table');
    expect(await table.locator('tr[data-kind="lever"]').count()).toBeGreaterThan(3);
    expect(await table.locator('tr[data-kind="parameter"]').count()).toBeGreaterThan(0);
    expect(await table.locator('tr[data-factor="digitalSkills"] th').innerText()).toBe('Digital-skills training (lever)');
    // under current trends no parameter moves Internet use much: its spread comes from the pooled trend's own
    // uncertainty (level and pace), and the panel says so instead of listing negligible links
    const attribution = page.getByTestId('attribution');
    await attribution.getByTestId('attribution-none').waitFor({ timeout: 20000 });
    expect(await attribution.locator('li').count()).toBe(0);
    expect(await attribution.getByTestId('attribution-none').innerText()).toMatch(/spread comes from the uncertainty of the current trend itself/);
    // choosing another indicator refocuses the workspace
    await page.getByRole('combobox', { name: 'Indicator for the tornado' }).selectOption('schools');
    await expect.poll(() => chart.getAttribute('aria-label'), { timeout: 15000 }).toMatch(/^What moves Schools connected in 2030/);
    expect(await table.locator('tr[data-kind="lever"]').first().getAttribute('data-factor')).toBe('schoolConnectivity');
    // the trade-off table on demand
    await page.getByRole('button', { name: 'Show trade-off data table' }).click();
    expect(await page.getByTestId('tradeoff-table').locator('tbody tr').count()).toBe(11);
    await expectClean(page, problems, '#panel-reach');
  });

  it('Cancel stops a running search and nothing is applied', async () => {
    const { page, problems } = await e2e.app();
    const use = await cell(page, 'internetUse', 'scenario');
    await openReach(page);
    for (const box of await page.locator('input[data-goal]').all()) await box.check();
    await page.getByRole('checkbox', { name: 'Require each goal to be met with a given probability' }).check();
    await page.getByRole('textbox', { name: 'Required probability' }).fill('99');
    await page.getByRole('button', { name: 'Run search' }).click();
    const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
    await cancel.click({ timeout: 5000 });
    await expect.poll(() => page.getByTestId('reach-status').innerText()).toBe('Search cancelled. Nothing was changed.');
    expect(await page.getByTestId('reach-running').count()).toBe(0);
    // a late answer from the worker never replaces the cancel: wait until the worker has answered
    await page.locator('.reach[data-searches-in-flight="0"]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('reach-result').count()).toBe(0);
    expect(await page.getByTestId('reach-status').innerText()).toBe('Search cancelled. Nothing was changed.');
    for (const name of ['Network rollout', 'School connectivity', 'Digital-skills training', 'Affordability subsidy']) {
      expect(await slider(page, name).inputValue()).toBe('0');
    }
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
    // the panel can run again after a cancel
    await page.getByRole('checkbox', { name: 'Require each goal to be met with a given probability' }).uncheck();
    for (const box of await page.locator('input[data-goal]').all()) await box.uncheck();
    await goal(page, 'Schools connected', '70');
    await page.getByRole('button', { name: 'Run search' }).click();
    await page.getByTestId('reach-result').waitFor({ timeout: 30000 });
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    expect(await cell(page, 'internetUse', 'scenario')).toBeCloseTo(use, 5);
    expect(problems).toEqual(CLEAN);
  });

  it('at 390 px the panel has no sideways scroll and its charts fit', async () => {
    const { page, problems } = await e2e.app({ viewport: { width: 390, height: 844 } });
    await openReach(page);
    await goal(page, 'Internet use', '90');
    await page.getByRole('button', { name: 'Run search' }).click();
    await page.getByTestId('reach-result').waitFor({ timeout: 30000 });
    await page.getByTestId('tornado-chart').waitFor({ timeout: 20000 });
    await page.getByTestId('tradeoff-chart').waitFor({ timeout: 20000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const id of ['tornado-chart', 'tradeoff-chart']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    await expectClean(page, problems, '#panel-reach');
  });
});
