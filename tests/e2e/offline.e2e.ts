// Protects "works in a room with no Wi-Fi, from any web address": after one online visit the built app
// reloads, switches to an economy of a region never opened, projects, saves and opens the report with
// the network cut; the same dist/ served under a sub-path loads, projects and saves with no 404s; the
// manifest makes it installable and a service worker controls the page; a new deployment waits for the
// user's Reload and keeps unsaved work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { BASE_URL, CLEAN, settled, useBrowser } from './harness.ts';
import { serveDist, type Served } from '../../scripts/serve-dist.ts';

const e2e = useBrowser();

/** Waits until a service worker is active for the page (install = precache done). */
async function swReady(page: Page): Promise<string> {
  return page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '');
}

/** Records every failed response (4xx/5xx) and page error while a test runs, on any origin. */
function recordFailures(page: Page): { failed: string[]; errors: string[] } {
  const out = { failed: [] as string[], errors: [] as string[] };
  page.on('response', (r) => {
    if (r.status() >= 400) out.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => out.failed.push(`failed ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('pageerror', (e) => out.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') out.errors.push(m.text());
  });
  return out;
}

async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save as…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.getByText(/^Saved \(revision 1\)$/).waitFor();
}

async function moveLeverAndWait(page: Page, value: string): Promise<void> {
  const cell = page.locator('tr[data-indicator="coverage4g"] td[data-col="scenario"]');
  const before = await cell.innerText();
  await page.getByRole('slider', { name: 'Network rollout', exact: true }).fill(value);
  await expect.poll(() => cell.innerText(), { timeout: 30000 }).not.toBe(before);
  await settled(page);
}

describe('offline after one visit', () => {
  it('with the network cut: reload, an economy of a region never opened, a projection, Save, the report', async () => {
    const { context, page, problems } = await e2e.app();
    expect(await swReady(page)).toMatch(/\/sw\.js$/);
    const origin = new URL(BASE_URL).origin;
    // Nothing the app asked for during the visit came from another origin, and the precache holds
    // only this origin's files.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(40);
    expect(cached.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    for (const region of ['africa', 'americas', 'arab-states', 'asia-pacific', 'cis', 'europe']) {
      expect(cached.some((u) => new RegExp(`/assets/${region}-[^/]+\\.js`).test(u)), `${region} economy data precached`).toBe(true);
    }
    expect(cached.some((u) => new URL(u).pathname.endsWith('/schema/scenarios-v1.json'))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await settled(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The network is really cut: an address no cache holds cannot be fetched (navigator.onLine is not
    // reliable for this in every Chromium build).
    const probe = `not-cached-${Date.now()}.json`;
    expect(await page.evaluate(async (u) => fetch(u).then(() => 'reached', () => 'unreachable'), probe)).toBe('unreachable');
    // the probe's own failure is the one console error this test expects
    problems.consoleErrors = problems.consoleErrors.filter((m) => !m.includes('ERR_INTERNET_DISCONNECTED') && !m.includes(probe));
    // The published schema answers offline too (from the precache).
    expect(await page.evaluate(async () => ((await (await fetch('schema/scenarios-v1.json')).json()) as { $schema?: string }).$schema)).toMatch(/2020-12/);

    // Kenya: ITU's Africa region, whose data chunk this browser has never run.
    const baseCell = () => page.locator('tr[data-indicator="internetUse"] td').first().innerText();
    const world = await baseCell();
    const geo = page.getByRole('combobox', { name: 'Geography' });
    await geo.fill('keny');
    await page.keyboard.press('Enter');
    await expect.poll(() => geo.inputValue()).toBe('Kenya');
    await expect.poll(baseCell, { timeout: 30000 }).not.toBe(world);
    await settled(page);

    await moveLeverAndWait(page, '20');
    await saveAs(page, 'Planned without Wi-Fi');

    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Scenario report' });
    await report.locator('[data-report-ready="true"]').waitFor({ timeout: 30000 });
    expect(await report.getByRole('heading', { level: 1 }).innerText()).toBe('Planned without Wi-Fi');

    // The presenter window's page (opened with ?session=…) is its own page offline, not the app shell.
    const presenter = await context.newPage();
    await presenter.goto(new URL('presenter.html?session=offline-check', page.url()).href);
    expect(await presenter.title()).toBe('Presenter view · Pathways 2030');
    await presenter.close();

    // The saved scenario is really stored: it survives another offline reload.
    await page.reload();
    await settled(page);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByText('Planned without Wi-Fi').first().waitFor();
    expect(problems).toEqual(CLEAN);
  });
});

describe('installable', () => {
  it('the manifest has a name, start_url, display and 192 and 512 px icons; a service worker controls the page', async () => {
    const { context, page, problems } = await e2e.app();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('./manifest.webmanifest'); // relative: works under any sub-path
    const manifestUrl = new URL(href!, page.url()).href;
    const manifest = (await (await context.request.get(manifestUrl)).json()) as {
      name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toBe('Pathways 2030');
    expect(manifest.start_url).toBe('./');
    expect(manifest.display).toBe('standalone');
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
      expect(icon, `${size} px icon`).toBeDefined();
      const png = await (await context.request.get(new URL(icon!.src, manifestUrl).href)).body();
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    await swReady(page);
    await page.reload();
    await settled(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/\/sw\.js$/);
    expect(problems).toEqual(CLEAN);
  });
});

describe('from any web address', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveDist({ root: 'dist', base: '/some/sub/path/', port: 0 });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('dist/ served under /some/sub/path/ loads, projects and saves with no 404s', async () => {
    expect(served.url).toMatch(/\/some\/sub\/path\/$/);
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const seen = recordFailures(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(served.url);
    await settled(page);
    await moveLeverAndWait(page, '12');
    await saveAs(page, 'Under a sub-path');
    expect(await swReady(page)).toBe(`${served.url}sw.js`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(served.url);
    const host = new URL(served.url).origin;
    expect(requested.filter((u) => u.startsWith('http') && !u.startsWith(served.url))).toEqual([]);
    expect(requested.some((u) => u.startsWith(`${host}/assets/`))).toBe(false);
    expect(seen).toEqual({ failed: [], errors: [] });
  });
});

describe('a new version', () => {
  let dir: string;
  let served: Served;
  beforeAll(async () => {
    // A copy of dist/ we can "deploy" a new version into.
    dir = mkdtempSync(path.join(tmpdir(), 'pathways-deploy-'));
    cpSync('dist', dir, { recursive: true });
    served = await serveDist({ root: dir, base: '/', port: 0 });
  });
  afterAll(async () => {
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function visit(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(served.url);
    await settled(page);
    await swReady(page);
    return page;
  }

  it('waits for Reload while work is unsaved, then reloads into the new version with the work kept', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    let page = await visit(context);
    await page.reload(); // now controlled by the first version's worker
    await settled(page);
    await moveLeverAndWait(page, '17');
    await page.getByText('Unsaved changes').or(page.getByText('Not saved yet')).first().waitFor();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    // Deploy: a changed service worker (as every build with new files has).
    const sw = path.join(dir, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// deployed again\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30000 });
    expect(await prompt.innerText()).toMatch(/A new version is available\.[\s\S]*Your unsaved changes are kept/);
    // It never reloads by itself.
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
    expect(await page.getByRole('slider', { name: 'Network rollout', exact: true }).inputValue()).toBe('17');
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
  });
});
