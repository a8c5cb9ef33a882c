// Protects "work is never lost" and sharing: save survives a reload, export then import gives the
// identical scenario, a share link round-trips, an edit in one tab shows in another, a bad file is
// rejected with its message and changes nothing, and autosave survives a browser restart.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BASE_URL, CLEAN, expectClean, openApp, openTab, settled, slider, useBrowser, watch, type OpenedApp } from './harness.ts';

const e2e = useBrowser();

async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save as…' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.getByText(/Saved \(revision \d+\)/).first().waitFor();
}

async function libraryNames(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  const table = page.getByRole('table', { name: 'My scenarios' });
  await table.waitFor();
  return (await table.locator('tbody tr th').allInnerTexts()).map((t) => t.trim());
}

/** The app in one tab, saved as `name`, and a second tab of the same browser showing that scenario (autosaved). */
async function twoTabsOn(name: string): Promise<{ a: OpenedApp; b: Page }> {
  const a = await e2e.app();
  await saveAs(a.page, name);
  const b = await openTab(a.context);
  await expect.poll(() => b.getByText(name).count()).toBeGreaterThan(0);
  return { a, b };
}

/** A complete, valid preset file with one lever the app does not know. */
function unknownLever(): string {
  const file = JSON.parse(readFileSync(new URL('../../scenarios/balanced-plan.json', import.meta.url), 'utf8'));
  file.scenarios[0].levers.warpDrive = { value: 1, start: null };
  return JSON.stringify(file);
}

describe('scenarios', () => {
  it('save, reload, and the scenario is still there with its levers', async () => {
    const { page, problems } = await e2e.app();
    await slider(page, 'School connectivity').fill('25');
    await saveAs(page, 'Schools plan');
    await page.reload();
    await settled(page);
    expect(await slider(page, 'School connectivity').inputValue()).toBe('25');
    expect(await libraryNames(page)).toContain('Schools plan');
    await expectClean(page, problems);
  });

  it('export then import gives an identical scenario', async () => {
    const { page, problems } = await e2e.app({ acceptDownloads: true });
    await slider(page, 'Digital-skills training').fill('8');
    await saveAs(page, 'Skills push');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('skills-push.json');
    const dir = mkdtempSync(join(tmpdir(), 'p2030-'));
    const path = join(dir, 'skills-push.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.type).toBe('pathways-2030/scenarios');
    // import it into a fresh browser profile: the same scenario arrives
    const second = await e2e.app();
    const other = second.context;
    await second.page.locator('input[type=file]').setInputFiles(path);
    const dialog = second.page.getByRole('dialog', { name: /Import from skills-push\.json/ });
    await dialog.getByRole('button', { name: /Import 1/ }).click();
    await expect.poll(() => libraryNames(second.page)).toContain('Skills push');
    await second.page.getByRole('button', { name: 'Skills push', exact: true }).first().click();
    await expect.poll(() => slider(second.page, 'Digital-skills training').inputValue()).toBe('8');
    // export again from the second profile: identical scenario content
    const [again] = await Promise.all([second.page.waitForEvent('download'), second.page.getByRole('button', { name: 'Export', exact: true }).click()]);
    const path2 = join(dir, 'again.json');
    await again.saveAs(path2);
    const reexported = JSON.parse(readFileSync(path2, 'utf8'));
    const strip = (s: Record<string, unknown>) => ({ ...s, updatedAt: undefined });
    expect(strip(reexported.scenarios[0])).toEqual(strip(exported.scenarios[0]));
    expect(problems.pageErrors).toEqual([]);
    expect(second.problems).toEqual(CLEAN);
    await other.close();
  });

  it('a share link round-trips into another browser as an unsaved draft', async () => {
    const { page } = await e2e.app();
    await slider(page, 'Handset subsidy').fill('14');
    await slider(page, 'Inclusion'.replace('Inclusion', 'Targeted inclusion')).fill('9');
    await page.getByRole('button', { name: 'Share link' }).click();
    const input = page.getByRole('dialog').getByLabel('Link');
    await expect.poll(() => input.inputValue()).toMatch(/#s=/);
    const link = await input.inputValue();
    expect(await page.getByRole('dialog').getByText(/characters$/).innerText()).toMatch(/^[\d,]+ characters$/);
    expect(new URL(link).origin).toBe(new URL(BASE_URL).origin);
    const other = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    const second = await other.newPage();
    const problems = watch(second);
    await second.goto(link);
    await settled(second);
    expect(await slider(second, 'Handset subsidy').inputValue()).toBe('14');
    expect(await slider(second, 'Targeted inclusion').inputValue()).toBe('9');
    await second.getByText('From a share link, not saved').waitFor();
    expect(second.url()).not.toContain('#s=');
    expect(problems).toEqual(CLEAN);
    // a tampered link gets a clear rejection
    const bad = await other.newPage();
    await bad.goto(`${link.slice(0, link.length - 20)}`);
    await bad.getByRole('alert').filter({ hasText: /Share link: .* The link was not opened\./ }).waitFor();
    await other.close();
  });

  it('an edit saved in one tab shows up in the second tab', async () => {
    const { a, b } = await twoTabsOn('Shared plan');
    expect(await slider(b, 'Cybersecurity capacity').inputValue()).toBe('0');
    await slider(a.page, 'Cybersecurity capacity').fill('30');
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await a.page.getByText(/Saved \(revision 2\)/).first().waitFor();
    await expect.poll(() => slider(b, 'Cybersecurity capacity').inputValue(), { timeout: 10000 }).toBe('30');
  });

  it('two tabs editing the same scenario never overwrite each other silently: the second is asked', async () => {
    const { a, b } = await twoTabsOn('Contested plan');
    await slider(b, 'Green networks').fill('7'); // b has unsaved edits
    await slider(a.page, 'Green networks').fill('3');
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await a.page.getByText(/Saved \(revision 2\)/).first().waitFor();
    const alert = b.getByRole('alert').filter({ hasText: /changed in another tab/ });
    await alert.waitFor({ timeout: 10000 });
    expect(await slider(b, 'Green networks').inputValue()).toBe('7'); // b's work untouched
    await alert.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect.poll(() => libraryNames(b)).toEqual(expect.arrayContaining(['Contested plan', 'Contested plan (my copy)']));
  });

  it('when the browser refuses storage, the app says so, keeps working in memory, and Export still works', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    const { page } = await openApp(context);
    await settled(page);
    await page.getByRole('alert').filter({ hasText: /does not allow this site to store data/ }).waitFor();
    await slider(page, 'Network rollout').fill('6');
    await saveAs(page, 'In memory');
    expect(await libraryNames(page)).toContain('In memory');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('in-memory.json');
  });

  it('presets open as unsaved copies, and Compare overlays up to four scenarios with a table of differences', async () => {
    const { page, problems } = await e2e.app();
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Open a copy of Every school connected' }).click();
    await page.getByText('Copy of a preset, not saved').waitFor();
    expect(Number(await slider(page, 'School connectivity').inputValue())).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const pick = page.getByRole('group', { name: 'Scenarios to compare' });
    await pick.getByRole('checkbox', { name: /Current scenario/ }).check();
    await pick.getByRole('checkbox', { name: /Balanced plan/ }).check();
    const indicator = page.getByRole('combobox', { name: 'Indicator' });
    await indicator.selectOption('schools');
    const labels = () => page.locator('[role=img]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    await expect.poll(async () => (await labels()).filter((l) => /^Schools connected in 2030: .*Balanced plan/.test(l))).toHaveLength(1);
    await page.getByRole('table', { name: 'Compared in 2030' }).waitFor();
    const differ = page.getByRole('table', { name: 'Levers that differ' });
    expect(await differ.getByText('School connectivity').count()).toBeGreaterThan(0);
    await expectClean(page, problems);
  });

  it('unsaved work restored after a reload is kept, not dropped, when another scenario is opened', async () => {
    const { page, problems } = await e2e.app();
    await slider(page, 'SME digitalisation').fill('9');
    await page.getByText(/Work autosaved/).waitFor({ timeout: 5000 });
    await page.reload();
    await settled(page);
    expect(await slider(page, 'SME digitalisation').inputValue()).toBe('9');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Open a copy of Current trends' }).click();
    await expect.poll(() => slider(page, 'SME digitalisation').inputValue()).toBe('0');
    await expect.poll(() => libraryNames(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^Unsaved work, /)]));
    expect(problems).toEqual(CLEAN);
  });

  it('a bad file shows its message naming the field and leaves the library unchanged', async () => {
    const { page } = await e2e.app();
    await saveAs(page, 'Keep me');
    const before = await libraryNames(page);
    const dir = mkdtempSync(join(tmpdir(), 'p2030-'));
    const cases: Array<[string, string, RegExp]> = [
      ['not-json.json', '{ this is not json', /not-json\.json: .*JSON/],
      ['unknown-lever.json', unknownLever(), /unknown-lever\.json: scenarios\.0\.levers\.warpDrive/],
      ['future.json', JSON.stringify({ type: 'pathways-2030/scenarios', version: 99, scenarios: [] }), /future\.json: version/],
      ['proto.json', '{"type":"pathways-2030/scenarios","version":1,"scenarios":[{"__proto__":{"polluted":true}}]}', /proto\.json: .*__proto__/],
    ];
    for (const [name, text, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, text);
      await page.locator('input[type=file]').setInputFiles(path);
      await expect.poll(() => page.getByRole('alert').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).first().click();
    }
    expect(await libraryNames(page)).toEqual(before);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  });

  it('two windows with different unsaved work: after a browser restart, one reopens and the other is kept as a recovered copy', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'p2030-profile-'));
    const { context: ctx, page: one } = await e2e.launchProfile(profile);
    await slider(one, 'Network rollout').fill('11');
    await one.getByText(/Work autosaved/).waitFor({ timeout: 5000 });
    const two = await openTab(ctx);
    await two.getByRole('button', { name: 'New', exact: true }).click();
    await slider(two, 'School connectivity').fill('22');
    await two.getByText(/Work autosaved/).waitFor({ timeout: 5000 });
    await ctx.close(); // both windows go without any Save
    const { page } = await e2e.launchProfile(profile);
    const rollout = await slider(page, 'Network rollout').inputValue();
    const schools = await slider(page, 'School connectivity').inputValue();
    // one window's work is open again …
    expect([rollout, schools]).toEqual(expect.arrayContaining([expect.stringMatching(/^(11|22)$/)]));
    // … and the other's is in My scenarios, marked recovered
    await expect.poll(() => libraryNames(page)).toEqual(expect.arrayContaining([expect.stringMatching(/\(recovered\)$/)]));
  });

  it('after a browser restart on the same profile, autosave has kept the last edit', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'p2030-profile-'));
    const before = await e2e.launchProfile(profile);
    await slider(before.page, 'E-waste collection').fill('3.5');
    await before.page.getByText(/Work autosaved/).waitFor({ timeout: 5000 });
    await before.context.close(); // the browser goes away without any Save
    const { page } = await e2e.launchProfile(profile);
    expect(await slider(page, 'E-waste collection').inputValue()).toBe('3.5');
    await page.getByText(/Not saved yet|Unsaved changes/).first().waitFor();
  });
});
