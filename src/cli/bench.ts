// Benchmark of the projection engine: medians over repeated runs, in ms and as a share of a 16.7 ms
// frame. Run with `npm run bench`; figures vary with machine load, so compare medians and ratios.
import {
  AGGREGATE_IDS,
  INDICATOR_IDS,
  LEVERS,
  PARAMETERS,
  leverSchedule,
  monteCarlo,
  prepareGeography,
  projectCompiled,
  runPath,
  seekGoals,
  tornadoCompiled,
  attributionCompiled,
  validateInputs,
  type Goal,
} from '../model/index.ts';

import { spawnSync } from 'node:child_process';
import { main as cliMain } from './project-cli.ts';

const FRAME_MS = 1000 / 60;

export interface BenchLine {
  name: string;
  medianMs: number;
  p90Ms: number;
  runs: number;
  target?: number;
}

function measure(name: string, fn: () => void, opts: { minRuns: number; minMs: number; target?: number }): BenchLine {
  for (let i = 0; i < Math.min(20, opts.minRuns); i++) fn(); // warm-up: let the JIT settle
  const times: number[] = [];
  const start = performance.now();
  while (times.length < opts.minRuns || performance.now() - start < opts.minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const line: BenchLine = { name, medianMs: times[Math.floor(times.length / 2)]!, p90Ms: times[Math.floor(times.length * 0.9)]!, runs: times.length };
  if (opts.target !== undefined) line.target = opts.target;
  return line;
}

/** As measure, for asynchronous work (the goal seek yields to the event loop as it does in the worker). */
async function measureAsync(name: string, fn: () => Promise<unknown>, opts: { minRuns: number; minMs: number; target?: number; warmup?: number }): Promise<BenchLine> {
  for (let i = 0; i < (opts.warmup ?? Math.min(3, opts.minRuns)); i++) await fn(); // warm-up
  const times: number[] = [];
  const start = performance.now();
  while (times.length < opts.minRuns || performance.now() - start < opts.minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const line: BenchLine = { name, medianMs: times[Math.floor(times.length / 2)]!, p90Ms: times[Math.floor(times.length * 0.9)]!, runs: times.length };
  if (opts.target !== undefined) line.target = opts.target;
  return line;
}

/** Runs the engine benchmarks and returns one line per measurement. */
export async function runBench(): Promise<BenchLine[]> {
  const world = await prepareGeography('world');
  const all = await Promise.all(AGGREGATE_IDS.map((id) => prepareGeography(id)));
  // a busy scenario: every lever at mid-range
  const levers = Object.fromEntries(LEVERS.map((l) => [l.id, (l.min + l.max) / 2]));
  const req = { geography: 'world', levers, uncertainty: false };
  const inputs = validateInputs(req, world.engine.baseYear);
  const g = world.engine;
  const cell = INDICATOR_IDS.length * g.years;
  const trend = new Float64Array(cell);
  const scen = new Float64Array(cell);
  const costs = new Float64Array(LEVERS.length * g.years);
  const zero = new Float64Array(LEVERS.length * g.years);
  const levAt = leverSchedule(g.baseYear, g.years, inputs.values, inputs.starts);
  const params = Float64Array.from(PARAMETERS, (p) => p.central);
  const lines: BenchLine[] = [];
  lines.push(
    measure('central run, one geography (engine: trend + scenario + costs)', () => {
      runPath(g, params, zero, trend, null, null);
      runPath(g, params, levAt, scen, costs, trend);
    }, { minRuns: 2000, minMs: 500, target: 0.2 }),
  );
  lines.push(
    measure('central projection, one geography (with scorecard assembly)', () => {
      projectCompiled(world, inputs, req);
    }, { minRuns: 500, minMs: 500 }),
  );
  lines.push(
    measure('central projection, all seven geographies', () => {
      for (const c of all) projectCompiled(c, validateInputs({ ...req, geography: c.geography.id }, c.engine.baseYear), req);
    }, { minRuns: 200, minMs: 500 }),
  );
  // a drag: the same geography, parameters and seed, one lever a step further each run (the draws and
  // their current-trends runs are kept; only the scenario runs and the percentiles repeat)
  const dragged = [levAt, leverSchedule(g.baseYear, g.years, inputs.values.map((v, l) => (l === 0 ? v + 1 : v)), inputs.starts)];
  let step = 0;
  lines.push(
    measure('1,000 Monte Carlo draws, a lever moved (with percentiles)', () => {
      monteCarlo(g, params, dragged[step++ % 2]!, 1000, 42);
    }, { minRuns: 30, minMs: 1500, target: 15 }),
  );
  // new draws every run (a new geography, seed or assumption): parameters, shocks and trend runs too
  let seed = 1;
  lines.push(
    measure('1,000 Monte Carlo draws, new draws (first run of a geography or seed)', () => {
      monteCarlo(g, params, levAt, 1000, seed++);
    }, { minRuns: 30, minMs: 1500 }),
  );
  // goal seek over all twelve levers: three demanding but reachable World goals
  const goals: Goal[] = [
    { indicator: 'internetUse', op: '>=', level: 87 },
    { indicator: 'schools', op: '>=', level: 95 },
    { indicator: 'egovUse', op: '>=', level: 50 },
  ];
  lines.push(await measureAsync('goal seek over all levers (World, 3 goals)', () => seekGoals({ geography: 'world', goals }), { minRuns: 7, minMs: 1000, target: 1000 }));
  lines.push(await measureAsync('goal seek, World, 3 goals at 80% confidence (300 draws)', () => seekGoals({ geography: 'world', goals, confidence: 0.8 }), { minRuns: 5, minMs: 1000 }));
  lines.push(
    await measureAsync('goal seek, World, every 2030 target (unreachable: to the limits)', () => seekGoals({
      geography: 'world',
      goals: [
        { indicator: 'coverage4g', op: '>=', level: 100 }, { indicator: 'mbbPrice', op: '<=', level: 2 }, { indicator: 'households', op: '>=', level: 100 },
        { indicator: 'mobileOwnership', op: '>=', level: 100 }, { indicator: 'schools', op: '>=', level: 100 }, { indicator: 'cyberPreparedness', op: '>=', level: 100 },
        { indicator: 'internetUse', op: '>=', level: 100 }, { indicator: 'basicSkills', op: '>=', level: 70 }, { indicator: 'businesses', op: '>=', level: 100 },
        { indicator: 'egovUse', op: '>=', level: 50 }, { indicator: 'ewasteRecycling', op: '>=', level: 30 }, { indicator: 'ictEmissions', op: '<=', level: 55 },
      ],
    }), { minRuns: 5, minMs: 1000 }),
  );
  const scenarioInputs = validateInputs({ geography: 'world', levers, draws: 1000 }, g.baseYear);
  lines.push(
    measure('tornado + attribution (1,000 draws)', () => {
      tornadoCompiled(world, scenarioInputs, 'internetUse');
      attributionCompiled(world, scenarioInputs, 'internetUse');
    }, { minRuns: 20, minMs: 1000, target: 200 }),
  );
  // every geography in one process, as `npm run --silent project -- --geography all` does (1,000 draws each):
  // in this process (model, assembly and JSON), then the whole command in a fresh process
  lines.push(await measureAsync('every geography (--geography all, JSON), in process', () => cliMain(['--geography', 'all'], { out: () => {}, err: () => {} }), { minRuns: 3, minMs: 0, target: 5000, warmup: 1 }));
  // it projects on every core (project-all.ts); the same command in one thread shows what that gains
  const fresh = (threads: string | undefined) => async () => {
    const env = threads === undefined ? process.env : { ...process.env, PATHWAYS_THREADS: threads };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/project.ts', '--geography', 'all'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) throw new Error(`project --geography all exited ${r.status}`);
  };
  lines.push(await measureAsync('every geography, the whole command in a fresh Node process', fresh(undefined), { minRuns: 3, minMs: 0, target: 5000, warmup: 0 }));
  lines.push(await measureAsync('every geography, the same command in one thread (PATHWAYS_THREADS=1)', fresh('1'), { minRuns: 3, minMs: 0, warmup: 0 }));
  return lines;
}

export function formatBench(lines: readonly BenchLine[]): string {
  const out = [`Engine benchmark (Node ${process.version}, median of repeated runs; frame = 16.7 ms)`];
  for (const l of lines) {
    const verdict = l.target === undefined ? '' : l.medianMs <= l.target ? `  target ≤ ${l.target} ms: PASS` : `  target ≤ ${l.target} ms: FAIL`;
    out.push(`${l.name.padEnd(64)} median ${l.medianMs.toFixed(4).padStart(9)} ms  p90 ${l.p90Ms.toFixed(4).padStart(9)} ms  ${((l.medianMs / FRAME_MS) * 100).toFixed(2).padStart(6)}% of a frame  (${l.runs} runs)${verdict}`);
  }
  return `${out.join('\n')}\n`;
}
