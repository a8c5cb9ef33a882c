#!/usr/bin/env node
// npm run lighthouse — audits the built app with Lighthouse (desktop preset) in headless Chromium and
// prints the category scores; exits non-zero below performance 95 or accessibility 100.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { build, serve, chromiumPath, CHROMIUM_FLAGS } from './lib/serve.mjs';

if (!process.argv.includes('--no-build')) build();
const { url, stop } = await serve();
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS });
try {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, {
      extends: 'lighthouse:default',
      settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttlingMethod: 'simulate', throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1 }, onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
    });
    runs.push(result.lhr);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
  const scores = Object.fromEntries(cats.map((c) => [c, median(runs.map((r) => Math.round((r.categories[c]?.score ?? 0) * 100)))]));
  console.log(`Lighthouse (desktop, median of ${runs.length} runs) for ${url}`);
  for (const c of cats) console.log(`  ${c.padEnd(15)} ${scores[c]}`);
  const failed = runs.at(-1).categories.accessibility.auditRefs
    .map((a) => runs.at(-1).audits[a.id])
    .filter((a) => a && a.score !== null && a.score < 1);
  for (const a of failed) console.log(`  accessibility audit not passed: ${a.id} — ${a.title}`);
  const lcp = median(runs.map((r) => r.audits['largest-contentful-paint'].numericValue));
  const tbt = median(runs.map((r) => r.audits['total-blocking-time'].numericValue));
  console.log(`  LCP ${lcp.toFixed(0)} ms, TBT ${tbt.toFixed(0)} ms`);
  const ok = scores.performance >= 95 && scores.accessibility === 100;
  console.log(ok ? 'targets met (performance >= 95, accessibility 100)' : 'TARGETS NOT MET (performance >= 95, accessibility 100)');
  process.exitCode = ok ? 0 : 1;
} finally {
  await chrome.kill();
  stop();
}
