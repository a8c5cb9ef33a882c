// `--geography all` on every core of one process: the main thread and worker threads
// (project-all-worker.ts) each project a share of the geographies, interleaved so World, the regions
// and the economies spread evenly; the workers send back each one's printed text and the main thread
// puts them in list order. The same model code runs in each thread, so the output is byte for byte what
// one thread prints. Where threads cannot start (a single core, or a host without the TypeScript loader,
// such as the unit tests' runner) the main thread projects the rest itself.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProjectionRequest } from '../model/index.ts';

export interface AllJob {
  /** Every geography id, in the order printed. */
  ids: string[];
  req: ProjectionRequest;
  format: 'json' | 'csv';
  lang: string;
}

/** What a worker sends: one geography's printed text, or the failure that stops the run. */
export type AllMessage = { i: number; chunk: string } | { error: string };

/**
 * Threads to use, the main one included: one per core, at most four. PATHWAYS_THREADS=n sets it (1: all
 * in the main thread, as the benchmark's comparison does).
 */
export function threadCount(ids: number): number {
  const asked = Number.parseInt(process.env.PATHWAYS_THREADS ?? '', 10);
  return Math.max(1, Math.min(Number.isFinite(asked) ? asked : Math.min(availableParallelism(), 4), ids));
}

/** The geographies thread `w` of `n` projects (index 0, the first, is always the main thread's). */
export function shareOf(w: number, n: number, count: number): number[] {
  const out: number[] = [];
  for (let i = w; i < count; i += n) out.push(i);
  return out;
}

/**
 * Starts the worker threads for shares 1…n−1 and resolves with the printed text they produced, by index
 * (holes where a thread could not run, which the caller then fills itself). A projection that fails in
 * a thread rejects with its message.
 */
export function projectInThreads(job: AllJob, n: number): Promise<Array<string | undefined>> {
  const chunks: Array<string | undefined> = new Array(job.ids.length);
  const runs = Array.from({ length: n - 1 }, (_, k) => new Promise<void>((resolve, reject) => {
    const indices = shareOf(k + 1, n, job.ids.length);
    let got = 0;
    let worker: Worker;
    try {
      worker = startWorker({ ...job, indices });
    } catch {
      return resolve(); // could not start: the caller fills this share
    }
    const stop = () => void worker.terminate();
    worker.on('message', (m: AllMessage) => {
      if ('error' in m) {
        stop();
        return reject(new Error(m.error));
      }
      chunks[m.i] = m.chunk;
      if (++got === indices.length) resolve();
    });
    // a thread that fails to start or stops early leaves its holes for the caller
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  }));
  return Promise.all(runs).then(() => chunks);
}

/**
 * A thread running project-all-worker.ts. The TypeScript loader the command runs under (tsx) registers
 * its hooks in the main thread only, so the thread first registers it again (tsx's own API, resolved
 * here), then imports the worker module; where that fails the thread stops and its share is projected
 * by the caller.
 */
function startWorker(data: AllJob & { indices: number[] }): Worker {
  const entry = new URL('./project-all-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); });`;
  return new Worker(boot, { eval: true, workerData: { ...data, tsx, entry } });
}
