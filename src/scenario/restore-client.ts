// Main-thread side of restore for files and share links: each job runs restore() in its own short-lived
// worker (workers/restore.worker.ts) under a time limit, reporting progress; a job that overruns or
// kills its worker is refused with a message and the worker terminated. The main thread only posts
// the file or link and receives the typed RestoreResult, so it never blocks on the input.
import { proxy, wrap } from 'comlink';
import type { RestoreWorkerApi } from '../../workers/restore.worker.ts';
import type { ProgressFn, RestoreApi } from './restore-api.ts';
import type { RestoreResult, RestoreSource } from './types.ts';

/**
 * Work on one input may take this long once the worker has started. A safety net: hostile inputs are
 * refused by restore's cheap limits in well under a second, and the largest valid file (500 scenarios,
 * 5 MB) takes 0.2–0.7 s on a loaded 2-core machine (`npm run bench:restore`); the margin is for slower ones.
 */
export const RESTORE_TIME_LIMIT_MS = 4000;
/** Starting the worker itself may take this long (a busy machine, a cold cache). */
export const RESTORE_START_LIMIT_MS = 8000;

export interface OffThreadOptions {
  onProgress?: ProgressFn;
  /** Override of RESTORE_TIME_LIMIT_MS (tests). */
  timeLimitMs?: number;
}

type Job = (api: RestoreApi, onProgress: ProgressFn) => Promise<RestoreResult>;

const refused = (source: RestoreSource, message: string): RestoreResult => ({ ok: false, source, path: source.kind === 'link' ? '(link)' : '(top level)', message });

/** Runs one job in a fresh worker, or in-process where there is no Worker (Node). Never throws. */
async function runJob(source: RestoreSource, job: Job, options: OffThreadOptions): Promise<RestoreResult> {
  const report = options.onProgress ?? (() => {});
  if (typeof Worker === 'undefined') {
    const { restoreApi } = await import('./restore-api.ts');
    return job(restoreApi, report);
  }
  const limit = options.timeLimitMs ?? RESTORE_TIME_LIMIT_MS;
  const worker = new Worker(new URL('../../workers/restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' });
  return new Promise<RestoreResult>((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout>;
    const settle = (r: RestoreResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const overrun = (ms: number, what: string) =>
      setTimeout(() => settle(refused(source, `took longer than ${(ms / 1000).toFixed(1)} s to ${what}, so it was stopped; no scenario file needs that long`)), ms);
    timer = overrun(RESTORE_START_LIMIT_MS, 'start reading');
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      settle(refused(source, `could not be read (the reader stopped${e.message ? `: ${e.message}` : ''})`));
    });
    const onProgress = proxy((p: Parameters<ProgressFn>[0]) => {
      if (p.stage === 'started') {
        clearTimeout(timer);
        timer = overrun(limit, 'read');
      }
      report(p);
    });
    const api = wrap<RestoreWorkerApi>(worker);
    job(api as unknown as RestoreApi, onProgress).then(settle, (e: unknown) =>
      settle(refused(source, `could not be read (${e instanceof Error ? e.message : String(e)})`)),
    );
  });
}

/** Restores a picked or dropped file off the main thread. */
export function restoreFile(file: File, options: OffThreadOptions = {}): Promise<RestoreResult> {
  return runJob({ kind: 'file', name: file.name }, (api, p) => api.file(file, file.name, p), options);
}

/** Restores a share link's payload off the main thread. */
export function restoreLink(payload: string, options: OffThreadOptions = {}): Promise<RestoreResult> {
  return runJob({ kind: 'link' }, (api, p) => api.link(payload, p), options);
}
