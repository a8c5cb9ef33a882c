#!/usr/bin/env node
// Dev aid: serves dist/ and saves screenshots at projector, desktop and phone sizes, in the light,
// dark (prefers-color-scheme) and projector themes, for looking at.
// Usage: npm run build && node scripts/screenshots.mjs [outDir, default test-results/screenshots] [path]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve, chromiumPath, CHROMIUM_FLAGS } from './lib/serve.mjs';

const out = process.argv[2] ?? 'test-results/screenshots'; // inside the repository (git-ignored)
const path = process.argv[3] ?? '/';
mkdirSync(out, { recursive: true });
const { url, stop } = await serve();
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const shots = [
    ['projector-1280x720', 1280, 720, 'light', null],
    ['desktop-1920x1080', 1920, 1080, 'light', null],
    ['phone-390x844', 390, 844, 'light', null],
    ['dark-1280x720', 1280, 720, 'dark', null],
    ['dark-phone-390x844', 390, 844, 'dark', null],
    ['theme-projector-1280x720', 1280, 720, 'light', 'projector'],
  ];
  for (const [name, w, h, colorScheme, theme] of shots) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme });
    if (theme) await context.addInitScript((t) => localStorage.setItem('pathways-theme', t), theme);
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console error: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
    await page.goto(`${url}${path}`);
    await page.getByText(/Band: p10/).waitFor({ timeout: 30000 }).catch(() => console.log(`[${name}] band did not appear`));
    await page.screenshot({ path: `${out}/${name}.png` });
    await page.screenshot({ path: `${out}/${name}-full.png`, fullPage: true });
    await context.close();
  }
  await browser.close();
} finally {
  stop();
}
