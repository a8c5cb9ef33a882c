// Protects presentation mode as a facilitator uses it in a room: a three-slide deck (the working
// scenario and two presets), full screen or its full-window fallback, stepping by keyboard (clicker
// keys), jumping by number, blanking, live levers changing a slide, the presenter window (notes, next
// slide, remote next), the deck kept in IndexedDB, Esc to leave, and no axe violations or console errors.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CLEAN, axeViolations, openApp, settled, useBrowser, watch } from './harness.ts';
import { INDICATORS } from '../../src/model/registry/indicators.ts';

const e2e = useBrowser();

const NOTES = 'Ask the room which targets matter most to them.';

async function ready(page: Page): Promise<void> {
  await settled(page);
}

/** The slide showing is a region named by, and headed with, the scenario's name, with the 12 targets and every indicator under its target. */
async function expectSlide(show: Locator, name: string): Promise<void> {
  const slide = show.getByRole('region', { name, exact: true });
  await slide.getByRole('heading', { name, exact: true }).waitFor();
  const table = slide.getByRole('table', { name: /^\d+ of 12 targets met · \d+ on track$/ });
  await table.waitFor();
  expect(await table.locator('tbody tr').count()).toBe(INDICATORS.length);
}

const schools = (show: Locator) => show.locator('tr[data-indicator="schools"] td[data-col="scenario"]').innerText();

describe('presentation mode', () => {
  it('presents a three-slide deck by keyboard, blanks, edits live, follows in the presenter window and leaves with Esc', async () => {
    const { context, page, problems } = await e2e.app();

    // The working scenario, named and with notes for the presenter.
    await page.getByRole('button', { name: 'Save as…' }).click();
    const save = page.getByRole('dialog');
    await save.getByLabel('Name').fill('Room plan');
    await save.getByLabel(/Notes/).fill(NOTES);
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Saved \(revision \d+\)/).first().waitFor();

    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await show.waitFor();
    // Full screen, or the full-window fallback that says so.
    await expect
      .poll(async () => (await page.evaluate(() => !!document.fullscreenElement)) || (await show.getByText(/Full screen (was refused|is not available)/).count()) > 0)
      .toBe(true);
    await expectSlide(show, 'Room plan');

    // Build the deck: the working scenario, then two presets.
    await show.getByRole('button', { name: 'Deck…' }).click();
    const deck = page.getByRole('dialog', { name: 'Presentation deck' });
    for (const name of ['Balanced plan', 'Skills and inclusion']) { // presets, added on the working geography (World)
      await deck.getByLabel('Add a slide').selectOption({ label: name });
      await deck.getByRole('button', { name: 'Add to deck' }).click();
    }
    await deck.getByLabel('Second chart for slide 2, Balanced plan — World').selectOption('schools');
    expect(await deck.getByRole('listitem').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await deck.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => deck.count()).toBe(0);

    // Clicker keys.
    await page.keyboard.press('ArrowRight');
    await expectSlide(show, 'Balanced plan — World');
    await expect.poll(() => page.getByTestId('present-announcer').innerText()).toBe('Slide 2 of 3: Balanced plan — World');
    expect(await show.getByRole('img', { name: /^Schools connected: / }).count()).toBe(1);
    await page.keyboard.press('PageDown');
    await expectSlide(show, 'Skills and inclusion — World');
    await page.keyboard.press('Space'); // at the end: stays
    await expectSlide(show, 'Skills and inclusion — World');
    await page.keyboard.press('PageUp');
    await expectSlide(show, 'Balanced plan — World');
    await page.keyboard.press('Home');
    await expectSlide(show, 'Room plan');
    await page.keyboard.press('End');
    await expectSlide(show, 'Skills and inclusion — World');
    await page.keyboard.press('1');
    await expectSlide(show, 'Room plan');
    expect(await show.getByRole('img', { name: /^Internet use: .* in 2030 under this scenario/ }).count()).toBe(1);

    // Blank and back.
    await page.keyboard.press('b');
    await page.getByTestId('blank-screen').waitFor();
    await expect.poll(() => page.getByTestId('present-announcer').innerText()).toMatch(/Screen blanked/);
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('blank-screen').count()).toBe(0);
    await expect.poll(() => page.getByTestId('present-announcer').innerText()).toBe('Slide 1 of 3: Room plan');

    // Live levers on a preset's slide: the slide changes, the library does not.
    await page.keyboard.press('2');
    await expectSlide(show, 'Balanced plan — World');
    const before = await schools(show);
    await show.getByRole('button', { name: 'Live levers' }).click();
    expect(await show.getByRole('button', { name: 'Live levers' }).getAttribute('aria-pressed')).toBe('true');
    const strip = show.getByTestId('live-levers');
    await strip.getByRole('slider', { name: 'School connectivity', exact: true }).fill('2');
    await expect.poll(() => schools(show)).not.toBe(before);
    await show.getByText('Changed live: not saved').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The presenter window: notes of the slide showing, the next slide, and it can move the slides.
    const [presenter] = await Promise.all([context.waitForEvent('page'), show.getByRole('button', { name: 'Presenter view' }).click()]);
    const presenterProblems = watch(presenter);
    await presenter.getByTestId('presenter-next').waitFor();
    await expect.poll(() => presenter.getByTestId('presenter-current').innerText()).toBe('Balanced plan — World');
    expect(await presenter.getByTestId('presenter-next').innerText()).toBe('Skills and inclusion — World');
    expect(await presenter.getByTestId('presenter-timer').innerText()).toMatch(/Elapsed\s+\d\d:\d\d/);
    // the same count as the slides, and readable (issue 15: it was light text on white under npm start):
    // the page's text against the page's background meets WCAG AA in the theme in force
    expect(await presenter.locator('.now .sum').innerText()).toMatch(/\d+ of 12 targets met · \d+ on track/);
    const ratio = await presenter.locator('.pv').evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const ink = lum(rgb(getComputedStyle(el).color)), paper = lum(rgb(getComputedStyle(document.body).backgroundColor));
      return (Math.max(ink, paper) + 0.05) / (Math.min(ink, paper) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press('1');
    await expectSlide(show, 'Room plan');
    await expect.poll(() => presenter.getByTestId('presenter-notes').innerText()).toBe(NOTES);
    expect(await presenter.getByTestId('presenter-next').innerText()).toBe('Balanced plan — World');
    await presenter.getByRole('button', { name: /^Next/ }).click();
    await expectSlide(show, 'Balanced plan — World');
    expect(await axeViolations(presenter)).toEqual([]);

    // Esc leaves (and closes the presenter window).
    await page.keyboard.press('Escape');
    await expect.poll(() => show.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(false);
    await expect.poll(() => presenter.isClosed()).toBe(true);

    // The deck was kept: presenting again opens the same three slides.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expectSlide(show, 'Room plan');
    await expect.poll(() => page.getByTestId('present-announcer').innerText()).toBe('Slide 1 of 3: Room plan');
    await page.keyboard.press('Escape');
    await expect.poll(() => show.count()).toBe(0);

    expect(problems).toEqual(CLEAN);
    expect(presenterProblems.pageErrors).toEqual([]);
    expect(presenterProblems.consoleErrors).toEqual([]);
  });

  it('when full screen is refused, presents in the window, says so, and Esc still leaves', async () => {
    const context = await e2e.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
    });
    const { page, problems } = await openApp(context);
    await settled(page);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await show.getByText(/Full screen was refused/).waitFor();
    await expectSlide(show, 'Untitled scenario');
    const box = await show.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(await show.getByRole('button', { name: 'Full screen' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => show.count()).toBe(0);
    await page.getByRole('button', { name: 'Present', exact: true }).waitFor();
    expect(problems).toEqual(CLEAN);
  });
});
