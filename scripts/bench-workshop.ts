// Entry point of `npm run bench:workshop`: how long the workshop board of 30 groups takes in the model
// (what the analysis worker does after the last file arrives): the central board (projections, lever
// statistics, targets, met counts) and the board with cost bands. Prints medians of several runs.
// With `--browser`: the same board in the built app in headless Chromium, from the last of 30 dropped
// files to the board drawn, and the long tasks on the way (scripts/bench-workshop-browser.mjs).
import { LEVERS, modelApi, type BoardInput } from '../src/model/index.ts';

if (process.argv.includes('--browser')) {
  await import('./bench-workshop-browser.mjs');
  process.exit(0);
}

const RUNS = 7;
const GROUPS = 30;

/** 30 groups with settings spread over each lever's range (deterministic). */
function inputs(geography: string, draws: number): BoardInput[] {
  return Array.from({ length: GROUPS }, (_, g) => ({
    id: `g${g}`,
    request: { geography, seed: 7, draws, levers: Object.fromEntries(LEVERS.map((l, i) => [l.id, { value: l.min + ((((g * 7 + i * 3) % 11) / 10) * (l.max - l.min)) }])) },
  }));
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function time(label: string, run: () => Promise<unknown>, runs = RUNS): Promise<void> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  process.stdout.write(`${label.padEnd(58)} median ${med(ms).toFixed(0).padStart(6)} ms  (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}, ${runs} runs)\n`);
}

process.stdout.write(`Workshop board, ${GROUPS} groups (node ${process.version}; the board must be built within 1 s of the last file)\n`);
for (const geo of ['world', 'KEN', 'africa']) {
  await time(`central board, ${geo}`, () => modelApi.workshopBoard(inputs(geo, 1000)));
}
await time('board with cost bands (1,000 draws each), KEN', () => modelApi.workshopBoard(inputs('KEN', 1000), { bands: true }), 3);
await time('board with cost bands (200 draws each), KEN', () => modelApi.workshopBoard(inputs('KEN', 200), { bands: true }), 3);
