#!/usr/bin/env node
// npm run bench:ui — drives the built app in headless Chromium: drags a lever through 60 positions
// at 60 Hz and prints the p50/p95 of input-to-painted latency (performance marks 'lever-input' and
// 'projection-painted'), whether the final picture matches the final input, and the gzipped size of
// the JavaScript loaded at start-up. Repeats the drag several times and reports medians.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, serve, chromiumPath, CHROMIUM_FLAGS } from './lib/serve.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FINAL = 21; // the sweep 0..40..21 ends here
if (!process.argv.includes('--no-build')) build();
const { url, stop } = await serve();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    if (type === 'script' || res.url().endsWith('.js')) {
      try {
        scripts.set(res.url(), await res.body());
      } catch {
        /* body not available */
      }
    }
  });
  await page.goto(url);
  await page.getByText(/Band: p10/).waitFor({ timeout: 30000 });
  await page.waitForLoadState('networkidle');
  let raw = 0;
  let gz = 0;
  let workerGz = 0;
  for (const [u, body] of scripts) {
    const g = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += g;
    if (/worker/.test(u)) workerGz += g;
  }

  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const res = await page.evaluate(async () => {
      const input = document.getElementById('lever-networkRollout');
      performance.clearMarks();
      // a triangle sweep: 0..40, then back down, 60 distinct consecutive positions
      const values = [];
      for (let i = 0; i < 60; i++) values.push(i <= 40 ? i : 80 - i);
      await new Promise((done) => {
        let i = 0;
        const timer = setInterval(() => {
          input.value = String(values[i]);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          if (++i === values.length) {
            clearInterval(timer);
            done();
          }
        }, 1000 / 60);
      });
      const lastInput = performance.getEntriesByName('lever-input').at(-1).detail.seq;
      const t0 = performance.now();
      while (!performance.getEntriesByName('projection-painted').some((m) => m.detail.seq === lastInput)) {
        if (performance.now() - t0 > 10000) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      // the picture shows the last input once the band for it is in as well
      const t1 = performance.now();
      while (!/Band: p10/.test(document.body.textContent ?? '') && performance.now() - t1 < 10000) await new Promise((r) => setTimeout(r, 5));
      const inputs = performance.getEntriesByName('lever-input').map((m) => ({ seq: m.detail.seq, t: m.startTime }));
      const painted = performance.getEntriesByName('projection-painted').map((m) => ({ seq: m.detail.seq, t: m.startTime }));
      const latencies = inputs.map((inp) => {
        const p = painted.find((q) => q.seq >= inp.seq && q.t >= inp.t);
        return p ? p.t - inp.t : Infinity;
      });
      const finalValue = Number(input.value);
      const lastPainted = painted.at(-1)?.seq;
      return { latencies, lastInput, lastPainted, finalValue, label: document.querySelector('.chart[role=img]')?.getAttribute('aria-label') ?? '' };
    });
    rounds.push(res);
    if (r === ROUNDS - 1) break; // the last picture is checked below
    await page.getByRole('button', { name: 'Reset all' }).click();
    await page.getByText(/Band: p10/).waitFor({ timeout: 30000 });
  }
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const q = (p) => all[Math.min(all.length - 1, Math.floor(p * all.length))];
  const finalOk = rounds.every((r) => r.lastPainted === r.lastInput && r.finalValue === FINAL);

  // Is the final picture right? Compare with the model run directly on the same input.
  const { project } = await import('../src/model/project.ts').catch(() => ({ project: null }));
  let modelCheck = 'not checked (run through tsx to compare with the model)';
  if (project) {
    const direct = await project({ geography: 'world', levers: { networkRollout: FINAL }, uncertainty: false });
    const cov = direct.indicators.find((i) => i.id === 'coverage4g');
    const expected = cov.scenario[5];
    await page.getByRole('button', { name: /4G coverage/ }).first().click();
    const label = await page.locator('.chart[role=img]').getAttribute('aria-label');
    modelCheck = label.includes(`${expected.toFixed(1)}%`) ? `matches the model (${expected.toFixed(1)}% in 2030)` : `MISMATCH: chart says "${label}", model ${expected.toFixed(2)}`;
  }

  console.log(`UI benchmark (${ROUNDS} drags of 60 positions at 60 Hz, 1280x720, headless Chromium)`);
  console.log(`input-to-painted latency: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${all.at(-1).toFixed(1)} ms over ${all.length} inputs  (target p95 <= 50 ms: ${q(0.95) <= 50 ? 'PASS' : 'FAIL'})`);
  console.log(`final picture matches final input: ${finalOk ? 'yes' : 'NO'} (last painted request = last input request in every drag); chart check: ${modelCheck}`);
  console.log(`start-up JavaScript: ${(gz / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw) in ${scripts.size} files, of which workers ${(workerGz / 1024).toFixed(1)} KB; main thread ${((gz - workerGz) / 1024).toFixed(1)} KB  (target <= 250 KB: ${gz / 1024 <= 250 ? 'PASS' : 'FAIL'})`);
  process.exitCode = finalOk && q(0.95) <= 50 && gz / 1024 <= 250 ? 0 : 1;
} finally {
  await browser.close();
  stop();
}
