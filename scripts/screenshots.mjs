#!/usr/bin/env node
// Dev aid: serves dist/ and saves screenshots at projector, desktop and phone sizes, for looking at.
// Usage: npm run build && node scripts/screenshots.mjs [outDir, default test-results/screenshots] [path]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? 'test-results/screenshots'; // inside the repository (git-ignored)
const path = process.argv[3] ?? '/';
mkdirSync(out, { recursive: true });
const port = 4799;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { stdio: 'ignore', detached: true });
try {
  await new Promise((r) => setTimeout(r, 1500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const [name, w, h] of [['projector-1280x720', 1280, 720], ['desktop-1920x1080', 1920, 1080], ['phone-390x844', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console error: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}${path}`);
    await page.getByText(/Band: p10/).waitFor({ timeout: 15000 }).catch(() => console.log(`[${name}] band did not appear`));
    await page.screenshot({ path: `${out}/${name}.png` });
    await page.screenshot({ path: `${out}/${name}-full.png`, fullPage: true });
    await page.close();
  }
  await browser.close();
} finally {
  process.kill(-server.pid, 'SIGTERM');
}
console.log(`screenshots in ${out}`);
