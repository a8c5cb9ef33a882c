#!/usr/bin/env node
// npm run lighthouse — audits the built app with Lighthouse in headless Chromium, with the mobile
// preset (Lighthouse's default: Moto G-class screen, slow 4G, 4× CPU slowdown, simulated) and the
// desktop preset, and prints the median category scores of LH_RUNS runs each (default 3), with LCP and
// TBT. Exits non-zero below mobile performance 90, desktop performance 95 or accessibility 100.
// `--mobile` or `--desktop` runs one preset only.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { build, serve, distArg, chromiumPath, CHROMIUM_FLAGS } from './lib/serve.mjs';

const RUNS = Number(process.env.LH_RUNS ?? 3);
const PRESETS = {
  mobile: { target: 90, settings: { formFactor: 'mobile', throttlingMethod: 'simulate' } },
  desktop: {
    target: 95,
    settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttlingMethod: 'simulate', throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1 } },
  },
};
const only = process.argv.includes('--mobile') ? ['mobile'] : process.argv.includes('--desktop') ? ['desktop'] : ['mobile', 'desktop'];

const dist = distArg();
if (!process.argv.includes('--no-build') && !dist) build();
const { url, stop } = await serve(dist);
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS });
let ok = true;
try {
  for (const name of only) {
    const preset = PRESETS[name];
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, {
        extends: 'lighthouse:default',
        settings: { ...preset.settings, onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
      });
      runs.push(result.lhr);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
    const scores = Object.fromEntries(cats.map((c) => [c, median(runs.map((r) => Math.round((r.categories[c]?.score ?? 0) * 100)))]));
    console.log(`Lighthouse (${name}, median of ${runs.length} runs) for ${url}`);
    for (const c of cats) console.log(`  ${c.padEnd(15)} ${scores[c]}`);
    const failed = runs.at(-1).categories.accessibility.auditRefs
      .map((a) => runs.at(-1).audits[a.id])
      .filter((a) => a && a.score !== null && a.score < 1);
    for (const a of failed) console.log(`  accessibility audit not passed: ${a.id} — ${a.title}`);
    const metric = (id) => median(runs.map((r) => r.audits[id]?.numericValue ?? NaN));
    console.log(`  FCP ${metric('first-contentful-paint').toFixed(0)} ms, LCP ${metric('largest-contentful-paint').toFixed(0)} ms, TBT ${metric('total-blocking-time').toFixed(0)} ms, CLS ${metric('cumulative-layout-shift').toFixed(3)}`);
    const pass = scores.performance >= preset.target && scores.accessibility === 100;
    console.log(pass ? `  targets met (performance >= ${preset.target}, accessibility 100)` : `  TARGETS NOT MET (performance >= ${preset.target}, accessibility 100)`);
    ok &&= pass;
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await chrome.kill();
  stop();
}
