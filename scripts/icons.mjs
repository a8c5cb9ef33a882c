#!/usr/bin/env node
// `npm run icons`: draws the web-app-manifest icons (192 and 512 px, plus a 512 px maskable one with the
// safe-zone padding) from public/favicon.svg in the same headless Chromium the browser tests use, so no
// image library is needed. The PNGs are committed; rerun this after changing the favicon.
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/serve.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const out = 'public/icons';
mkdirSync(out, { recursive: true });
// Maskable icons may be cropped to a circle of 80% of the side: the mark sits inside that on its own colour.
const targets = [
  { file: 'icon-192.png', size: 192, inset: 0, background: 'transparent' },
  { file: 'icon-512.png', size: 512, inset: 0, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, inset: 0.1, background: '#0b4f8a' },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
try {
  for (const t of targets) {
    const page = await browser.newPage({ viewport: { width: t.size, height: t.size }, deviceScaleFactor: 1 });
    const pad = Math.round(t.size * t.inset);
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:${t.background}">` +
        `<img src="${src}" style="display:block;margin:${pad}px;width:${t.size - 2 * pad}px;height:${t.size - 2 * pad}px"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: `${out}/${t.file}`, omitBackground: t.background === 'transparent', clip: { x: 0, y: 0, width: t.size, height: t.size } });
    await page.close();
    console.log(`${out}/${t.file}  ${t.size}×${t.size}`);
  }
} finally {
  await browser.close();
}
