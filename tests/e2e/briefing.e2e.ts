// Protects the briefing views (issue 15): one count everywhere ("N of 12 targets met · M on track", by
// summariseTargets) on a slide, in Compare and in the report for the same scenario; the report prints
// to at most 6 A4 pages with the headline, focus chart, scorecard and cost on page 1; presets apply to
// the geography being worked on and slides keep theirs; "Add to deck" from the library gives a
// two-slide deck that ←/→ step through at once; the CSV is rounded as shown and carries the history;
// a long name is kept whole with a counter; Compare and Present fit a phone. No axe violations.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, moveTwoLevers, openApp, settled, useBrowser } from './harness.ts';
import { INDICATORS, INDICATOR_BY_ID } from '../../src/model/registry/indicators.ts';
import { parseCsv } from '../support/csv.ts';

const OUT = join(import.meta.dirname, '../../test-results/briefing');
const COUNT = /^\d+ of 12 targets met · \d+ on track$/;
const e2e = useBrowser();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

/** Pages in a PDF Chromium printed (each page object is "/Type /Page"). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function chooseGeography(page: Page, typed: string, name: string): Promise<void> {
  const geo = page.getByRole('combobox', { name: 'Geography' });
  await geo.fill(typed);
  await page.keyboard.press('Enter');
  await expect.poll(() => geo.inputValue()).toBe(name);
  await settled(page);
}

async function openReport(page: Page) {
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario report' });
  await dialog.locator('[data-report-ready="true"]').waitFor({ timeout: 30000 });
  return dialog;
}

describe('briefing views', () => {
  it('a slide, Compare and the report give the same "N of 12 targets" count; the report prints to at most 6 pages, page 1 holding headline, chart, scorecard and cost', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const { page, problems } = await openApp(context);
    await moveTwoLevers(page);

    // the report
    const report = await openReport(page);
    const headline = (await report.getByTestId('report-count').innerText()).replace(/\s+/g, ' ');
    const count = headline.match(/\d+ of 12 targets met · \d+ on track/)?.[0] ?? '';
    expect(count).toMatch(COUNT);
    expect(headline).toMatch(/USD [\d.,]+ (m|bn|tn) 2026–2030/);
    const page1 = report.locator('.page1');
    expect(await page1.locator('figure svg[role=img]').count()).toBe(1);
    expect(await page1.locator('table.scorecard tr[data-indicator]').count()).toBe(INDICATORS.length);
    await page1.getByTestId('report-cost').waitFor();
    // every indicator row names its unit
    for (const d of INDICATORS) expect(await page1.locator(`tr[data-indicator="${d.id}"] th`).innerText()).toContain(d.unit);
    expect(await axeViolations(page, '.report-overlay')).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUT, 'report.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    // page 1 alone (everything after it hidden) is one page: nothing of it spills onto page 2
    const only1 = await page.addStyleTag({ content: '.report > :not(.page1) { display: none !important; }' });
    expect(pdfPages(await page.pdf({ format: 'A4', printBackground: true }))).toBe(1);
    await only1.evaluate((el) => (el as Element).remove());
    await page.emulateMedia({ media: 'screen' });

    // the CSV from the report: rounded to the app's precision, history years first
    const [file] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Download CSV' }).click()]);
    const path = join(OUT, file.suggestedFilename());
    await file.saveAs(path);
    const rows = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    const hi = rows.findIndex((r) => r[0] === 'Indicator id');
    const header = rows[hi]!;
    const body = rows.slice(hi + 1);
    const col = (n: string) => header.indexOf(n);
    const internet = body.filter((r) => r[0] === 'internetUse');
    expect(Number(internet[0]![col('Year')])).toBeLessThan(2015);
    expect(internet[0]![col('History (ITU)')]).not.toBe('');
    expect(internet.some((r) => r[col('Year')] === '2030' && r[col('Scenario')] !== '')).toBe(true);
    for (const r of body) {
      const d = INDICATOR_BY_ID[r[0] as keyof typeof INDICATOR_BY_ID];
      const digits = d.unit.startsWith('%') ? Math.min(d.digits, 1) : d.digits;
      for (const c of ['History (ITU)', 'Current trends', 'Scenario', 'p10', 'p50', 'p90']) expect((r[col(c)]!.split('.')[1] ?? '').length, `${r[0]} ${r[col('Year')]} ${c}`).toBeLessThanOrEqual(digits);
    }
    await report.getByRole('button', { name: 'Close' }).click();

    // Compare: the working scenario's column says the same
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByLabel('Current scenario (unsaved edits included)').check();
    await expect.poll(async () => (await page.getByTestId('compare-count').first().innerText().catch(() => '')).split('\n')[0]).toBe(count);
    expect(await axeViolations(page, '.compare')).toEqual([]);

    // a slide of the working scenario says the same, and lists every indicator under its target
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await expect.poll(() => show.getByTestId('slide-count').innerText()).toBe(count);
    expect(await show.locator('table.score tbody tr').count()).toBe(INDICATORS.length);
    for (const id of ['urbanRuralRatio', 'youthRatio', 'ictEmissions']) await show.locator(`tr[data-indicator="${id}"]`).waitFor();
    await page.waitForTimeout(800); // the slide's chart animation
    await page.screenshot({ path: join(OUT, 'slide-1280x720.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  }, 240_000);

  it('a preset opened on Kenya stays on Kenya and is named with it; Add to deck makes a two-slide deck that ←/→ step through, the slide keeping Kenya', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await openApp(context);
    await settled(page);
    await chooseGeography(page, 'keny', 'Kenya');

    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Open a copy of Balanced plan on Kenya' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Geography' }).inputValue()).toBe('Kenya');
    await page.getByText('Balanced plan — Kenya', { exact: true }).first().waitFor();
    await settled(page);

    // a preset slide on Kenya, added from the library: the deck is the working scenario, then it
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    // by keyboard: the "Opened a copy" toast may sit over the preset cards
    await page.getByRole('button', { name: /^Add to deck\W+Current trends on Kenya$/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('deck-message').innerText()).toMatch(/slide 2 of 2/);
    expect(await axeViolations(page)).toEqual([]);

    // the workspace moves to the World; the slide keeps Kenya
    await chooseGeography(page, 'World', 'World');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await show.getByRole('region', { name: 'Balanced plan — Kenya', exact: true }).waitFor();
    await page.keyboard.press('ArrowRight');
    const slide2 = show.getByRole('region', { name: 'Current trends — Kenya', exact: true });
    await slide2.waitFor();
    await expect.poll(() => slide2.locator('.meta').innerText()).toMatch(/Slide 2 of 2[\s\S]*Kenya/i);
    await expect.poll(() => slide2.getByTestId('slide-count').innerText()).toMatch(COUNT);
    await page.keyboard.press('ArrowLeft');
    await show.getByRole('region', { name: 'Balanced plan — Kenya', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  }, 180_000);

  it('a name over 120 characters is kept whole, counted and refused with the reason', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, problems } = await openApp(context);
    await settled(page);
    await page.getByRole('button', { name: 'Save as…' }).click();
    const dialog = page.getByRole('dialog');
    const long = 'A'.repeat(100) + ' plan for the whole region';
    await dialog.getByLabel('Name').fill(long);
    expect(await dialog.getByLabel('Name').inputValue()).toBe(long);
    expect(await dialog.getByTestId('name-counter').innerText()).toBe(`${long.length} of 120 characters: ${long.length - 120} too many`);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByRole('alert').getByText(/at most 120 characters: shorten it by 6/).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(1);
    await dialog.getByLabel('Name').fill('Short plan');
    expect(await dialog.getByTestId('name-counter').innerText()).toBe('10 of 120 characters');
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  });

  it('Run search with no goal ticked says what to do', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openApp(context);
    await settled(page);
    await page.getByRole('tab', { name: 'Reach targets' }).click();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Run search' }) });
    for (const box of await form.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
    await form.getByRole('button', { name: 'Run search' }).click();
    await expect.poll(() => page.getByTestId('no-goals').innerText()).toMatch(/Tick at least one goal/);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  });

  it('Compare and Present fit a phone (390×844): no sideways scroll in Compare, the slide chart is not stretched', async () => {
    const context = await e2e.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await openApp(context);
    await settled(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByLabel('Current scenario (unsaved edits included)').check();
    for (const name of ['Balanced plan — World', 'Affordability first — World', 'Skills and inclusion — World']) await page.getByLabel(name, { exact: true }).check();
    await expect.poll(() => page.locator('[data-testid="compare-2030"] thead th.c-scen').count()).toBe(4);
    await page.getByTestId('compare-2030').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.compare, .compare .scroll, .compare table')].map((el) => el.scrollWidth - el.clientWidth),
    );
    expect(Math.max(...overflow)).toBeLessThanOrEqual(1);
    const box = await page.locator('.compare').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(OUT, 'compare-390x844.png') });
    expect(await axeViolations(page, '.compare')).toEqual([]);

    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await show.getByTestId('slide-count').waitFor();
    await page.waitForTimeout(800);
    const chart = await show.locator('.slide-chart .canvas').first().boundingBox();
    expect(chart!.height).toBeLessThanOrEqual(400);
    expect(chart!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(OUT, 'present-390x844.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], foreignRequests: [] });
  }, 120_000);
});
