// Protects "share links that reach people": on a loopback address the Share dialog warns that the link
// only opens on this computer and takes the team's hosted address (validated, remembered); the QR code,
// read back from a screenshot, decodes to exactly the link in the text box; too-long links say so and
// offer the file; presentation mode shows the current slide's link as a QR code too.
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import type { BrowserContext, Locator } from 'playwright-core';
import { CLEAN, axeViolations, settled, useBrowser } from './harness.ts';

const e2e = useBrowser();

/**
 * Screenshots the QR code as rendered, turns the PNG into pixels in a blank page (Chromium's own PNG
 * decoder) and reads it with jsQR: what a phone camera would get, not the SVG's source.
 */
async function decodeQr(context: BrowserContext, qr: Locator): Promise<string | null> {
  // The QR drawing itself (its SVG), drawn alone on a scratch page and photographed there: what is
  // tested is the code, not how the browser composites the page around it (headless Chromium 150
  // paints parts of the page over a modal <dialog> in screenshots).
  const svg = await qr.evaluate((el) => el.outerHTML);
  const scratch = await context.newPage();
  await scratch.setViewportSize({ width: 480, height: 480 });
  await scratch.setContent(`<body style="margin:20px;background:#fff">${svg.replace(/width="[^"]*"/, 'width="400"').replace(/height="[^"]*"/, 'height="400"')}</body>`);
  const png = await scratch.locator('svg').screenshot();
  const { width, height, data } = await scratch.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
    return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
  }, png.toString('base64'));
  await scratch.close();
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

describe('Share dialog', () => {
  it('warns on a loopback address; the QR decodes to the link; a hosted address is validated, used and remembered', async () => {
    const { context, page, problems } = await e2e.app({ viewport: { width: 1280, height: 800 } });
    await page.getByRole('button', { name: 'Share link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    const link = dialog.getByLabel('Link', { exact: true });
    await expect.poll(() => link.inputValue()).toMatch(/#s=/);
    const local = await link.inputValue();
    expect(local.startsWith('http://127.0.0.1:')).toBe(true);
    expect(await dialog.getByTestId('loopback-warning').innerText()).toMatch(/only opens on this computer/);
    const qr = dialog.getByRole('img', { name: 'QR code to open the scenario on a phone' });
    expect(await decodeQr(context, qr)).toBe(local);
    expect(await axeViolations(page, 'dialog')).toEqual([]);

    // A bad address is refused with a message naming the field; nothing changes.
    const address = dialog.getByLabel('Address of your team’s hosted copy');
    await address.fill('ftp://files.example.org/pathways');
    await dialog.getByRole('button', { name: 'Use this address' }).click();
    expect(await dialog.getByRole('alert').innerText()).toMatch(/^Hosted address: it must start with https:\/\/ or http:\/\//);
    await address.fill('http://localhost:8080/');
    await dialog.getByRole('button', { name: 'Use this address' }).click();
    expect(await dialog.getByRole('alert').innerText()).toMatch(/this computer's own address/);
    expect(await link.inputValue()).toBe(local);

    await address.fill('https://tools.example.org/pathways');
    await dialog.getByRole('button', { name: 'Use this address' }).click();
    await expect.poll(() => link.inputValue()).toMatch(/^https:\/\/tools\.example\.org\/pathways\/#s=/);
    const hosted = await link.inputValue();
    expect(await dialog.getByTestId('loopback-warning').count()).toBe(0);
    await expect.poll(() => decodeQr(context, qr)).toBe(hosted);

    // Remembered: a reload and a new dialog use it.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await settled(page);
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Share link' }).getByLabel('Link', { exact: true }).inputValue()).toMatch(/^https:\/\/tools\.example\.org\/pathways\/#s=/);
    expect(problems).toEqual(CLEAN);
  });

  it('a link too long for a QR code says so and offers the file instead', async () => {
    const { page, problems } = await e2e.app({ viewport: { width: 1280, height: 800 } });
    // Notes that do not compress: the link grows past what a readable QR code holds.
    let seed = 7;
    const noise = Array.from({ length: 1800 }, () => {
      seed = (seed * 48271) % 2147483647;
      return 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[seed % 62];
    }).join('');
    await page.getByRole('button', { name: 'Save as…' }).click();
    const save = page.getByRole('dialog');
    await save.getByLabel('Name').fill('Long notes');
    await save.getByLabel('Description').fill(noise);
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Share link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    await expect.poll(() => dialog.getByLabel('Link', { exact: true }).inputValue()).toMatch(/#s=/);
    const tooLong = dialog.getByTestId('qr-too-long');
    expect(await tooLong.innerText()).toMatch(/too long for a QR code/);
    expect(await dialog.getByTestId('qr-code').count()).toBe(0);
    const [file] = await Promise.all([page.waitForEvent('download'), tooLong.getByRole('button', { name: 'Send the scenario file instead' }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    expect(problems).toEqual(CLEAN);
  });
});

describe('presentation', () => {
  it('shows the current slide as a QR code of its share link', async () => {
    const { context, page, problems } = await e2e.app();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const present = page.getByRole('dialog', { name: 'Presentation' });
    await present.getByRole('button', { name: 'QR code' }).click();
    const qr = present.getByRole('img', { name: /^QR code to open .* on a phone$/ });
    await qr.waitFor();
    const link = await decodeQr(context, qr);
    expect(link).toMatch(new RegExp(`^${new URL(page.url()).origin}/#s=[A-Za-z0-9_-]+$`));
    expect(await present.getByTestId('present-loopback-warning').innerText()).toMatch(/only opens on this computer/);
    await present.getByRole('button', { name: 'Hide QR code' }).click();
    expect(await qr.count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    // The link opens the scenario (a phone would do the same).
    const phone = await context.newPage();
    await phone.goto(link!);
    await phone.getByText(/from a share link\. It is not saved yet\./).waitFor();
  });
});
