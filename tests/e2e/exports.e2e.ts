// Protects exports and the printable report in the built app: the focus chart's PNG is a real PNG at
// twice the chart's CSS width, its SVG parses as SVG and carries the (escaped) scenario name, the CSV's
// 2030 scenario values round to what the scorecard shows, the comparison chart exports too, and the
// report prints to a PDF of several pages with the scenario name and its sources, with no console
// errors, no request to another origin and no axe violations.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { CLEAN, axeViolations, expectClean, moveTwoLevers, openApp, settled, useBrowser } from './harness.ts';
import { INDICATORS, INDICATOR_BY_ID } from '../../src/model/registry/indicators.ts';
import { formatWithUnit } from '../../src/lib/format.ts';
import { parseCsv } from '../support/csv.ts';

const OUT = join(import.meta.dirname, '../../test-results/exports');
const NAME = '=Rollout "fast" & <b>skills</b>';

const e2e = useBrowser();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

/** Moves two levers, waits for the new projection and its band, and saves the scenario under NAME. */
async function prepareScenario(page: Page): Promise<void> {
  await moveTwoLevers(page);
  await page.getByRole('button', { name: 'Save as…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(NAME);
  await dialog.getByLabel('Description').fill('Faster rollout and skills training, to test the exports.\nSecond line.');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await settled(page);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(OUT, file.suggestedFilename());
  await file.saveAs(path);
  return { file, bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Parses SVG text in the page: the root's namespace and name, its size, title and text, or the parser error. */
async function parseInPage(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    const root = doc.documentElement;
    return {
      error: err ? err.textContent : null,
      ns: root.namespaceURI,
      name: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: root.querySelector('title')?.textContent ?? null,
      text: [...root.querySelectorAll('text')].map((x) => x.textContent ?? '').join(' '),
      foreign: root.querySelectorAll('script, foreignObject').length,
    };
  }, text);
}


describe('exports', () => {
  it('the focus chart exports a 2x PNG, a parseable SVG and a CSV that matches the scorecard', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const { page, problems } = await openApp(context);
    await prepareScenario(page);
    const focus = page.locator('section.focus');
    const box = (await focus.locator('div.chart').boundingBox())!;
    const cssWidth = Math.round(box.width);

    // SVG: a standalone document that parses, as wide as the chart, with the user's name as text
    const svg = await download(page, () => focus.getByRole('button', { name: 'Download SVG' }).click());
    expect(svg.file.suggestedFilename()).toMatch(/^pathways-2030_rollout-fast-b-skills-b_internetuse_\d{4}-\d{2}-\d{2}\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<?xml')).toBe(true);
    const parsed = await parseInPage(page, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed).toMatchObject({ ns: 'http://www.w3.org/2000/svg', name: 'svg', width: cssWidth, foreign: 0 });
    expect(parsed.title).toBe('1.7 Individuals using the Internet');
    for (const s of ['% of individuals', 'Current trends', 'Scenario', 'p10–p90 band', '2030 target', 'Source: Pathways 2030 model']) expect(parsed.text).toContain(s);
    expect(parsed.text.replace(/\s+/g, ' ')).toContain(`“${NAME}”`);
    expect(svgText).not.toContain('<b>');

    // PNG: twice the chart's CSS size (its width on screen; its height as the SVG's, which adds title, legend and source)
    const png = await download(page, () => focus.getByRole('button', { name: 'Download PNG' }).click());
    expect(png.file.suggestedFilename()).toMatch(/\.png$/);
    expect(pngSize(png.bytes)).toEqual({ width: 2 * cssWidth, height: 2 * parsed.height });

    // CSV: BOM, metadata rows, and 2030 scenario values that round to the scorecard's
    const csv = await download(page, () => focus.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.file.suggestedFilename()).toMatch(/^pathways-2030_rollout-fast-b-skills-b_\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Scenario', `'${NAME}`]);
    expect(rows.find((r) => r[0] === 'Model version')?.[1]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(rows.find((r) => r[0] === 'Seed')?.[1]).toMatch(/^\d+$/);
    expect(rows.find((r) => r[0] === 'Exported')?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const hi = rows.findIndex((r) => r[0] === 'Indicator id');
    expect(rows[hi - 1]).toEqual(['']);
    const header = rows[hi]!;
    const body = rows.slice(hi + 1);
    // the projection years (the ITU history rows come before them)
    expect(body.filter((r) => Number(r[header.indexOf('Year')]) >= 2025).length).toBe(INDICATORS.length * 11);
    for (const def of INDICATORS) {
      const row = body.find((r) => r[0] === def.id && r[header.indexOf('Year')] === '2030')!;
      const shown = await page.locator(`tr[data-indicator="${def.id}"] td[data-col="scenario"]`).innerText();
      expect(formatWithUnit(Number(row[header.indexOf('Scenario')]), def.unit, INDICATOR_BY_ID[def.id].digits), def.id).toBe(shown.trim());
      expect(row[header.indexOf('p10')]).not.toBe('');
    }

    await expectClean(page, problems, 'section.focus');
  });

  it('the comparison chart exports PNG, SVG and CSV', async () => {
    const { page, problems } = await e2e.app({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.getByRole('tab', { name: 'Compare' }).click();
    const chart = page.getByTestId('compare-chart');
    await chart.waitFor();
    const block = page.locator('.compare-chart');
    const width = Math.round((await chart.boundingBox())!.width);
    const svg = await download(page, () => block.getByRole('button', { name: 'Download SVG' }).click());
    const parsed = await parseInPage(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.width).toBe(width);
    expect(parsed.text).toContain('Current');
    const png = await download(page, () => block.getByRole('button', { name: 'Download PNG' }).click());
    expect(pngSize(png.bytes)).toEqual({ width: 2 * width, height: 2 * parsed.height });
    const csv = await download(page, () => block.getByRole('button', { name: 'Download CSV' }).click());
    const rows = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows.some((r) => r[0] === 'Model version')).toBe(true);
    expect(rows.length).toBeGreaterThan(10);
    await expectClean(page, problems, '.compare-chart');
  });

  it('the report prints to a PDF of several pages with the scenario name and its sources', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, problems } = await openApp(context);
    await prepareScenario(page);
    // one edited assumption, which the report lists against its central value
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    const price = page.getByLabel('Edit Entry-level smartphone price');
    await price.fill('40');
    await price.press('Tab');
    await page.getByText('1 assumption edited.').waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Scenario report' });
    await dialog.waitFor();
    await dialog.locator('[data-report-ready="true"]').waitFor({ timeout: 20000 });

    // the DOM (the PDF's text is compressed): name, sections, charts, sources
    expect(await dialog.getByRole('heading', { level: 1 }).innerText()).toBe(NAME);
    for (const h of ['2030 scorecard', 'What this scenario does', 'Assumptions that differ from defaults', 'Sources this report uses']) {
      await dialog.getByRole('heading', { name: h, exact: true }).waitFor();
    }
    await dialog.getByRole('heading', { name: /^Cost, / }).waitFor();
    await dialog.getByRole('heading', { name: 'Works cited' }).waitFor();
    const changed = dialog.getByRole('table', { name: 'Assumptions changed from their central values' });
    expect((await changed.locator('tbody tr').allInnerTexts()).join('\n')).toMatch(/Entry-level smartphone price\s+USD \(2024\) per handset\s+54\s+40\s+−26%/);
    expect(await dialog.locator('figure svg[role=img]').count()).toBe(INDICATORS.length);
    expect(await dialog.getByText('Second line.', { exact: false }).count()).toBeGreaterThan(0);
    // the report's scorecard shows the same 2030 values as the app's
    const inReport = await dialog.locator('tr[data-indicator="internetUse"] td[data-col="scenario"]').innerText();
    expect(await dialog.locator('tr[data-indicator] td[data-col="scenario"]').count()).toBe(INDICATORS.length);
    expect(inReport).toMatch(/%$/);
    // the rest of the page is inert while the report is open
    expect(await page.locator('header.top').evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    expect(await axeViolations(page, '.report-overlay')).toEqual([]);

    await page.screenshot({ path: join(OUT, 'report-screen.png') });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(OUT, 'report-print-media.png'), fullPage: true });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUT, 'report.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    // Close: the overlay goes and the page is live again
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Scenario report' }).count()).toBe(0);
    expect(await page.locator('header.top').evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    expect(problems).toEqual(CLEAN);
    await context.close();
  }, 180_000); // a full report, axe and a PDF print: past 60 s on a loaded 2-core machine
});
