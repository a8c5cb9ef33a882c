// Main-thread side of restore for files and share links: each job runs restore() in its own short-lived
// worker (workers/restore.worker.ts) under a time limit, reporting progress; a job that overruns or
// kills its worker is refused with a message and the worker terminated. The main thread only posts
// the file or link and receives the typed RestoreResult, so it never blocks on the input.
import { proxy, wrap } from 'comlink';
import type { RestoreWorkerApi } from '../../workers/restore.worker.ts';
import type { ProgressFn, RestoreApi } from './restore-api.ts';
import { localizeRestore } from './restore-messages.ts';
import type { RestoreData, RestoreResult, RestoreSource } from './types.ts';

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

type Job = (api: RestoreApi, onProgress: ProgressFn) => Promise<RestoreData>;

const refused = (source: RestoreSource, code: string, values?: Record<string, string>): RestoreData => ({
  ok: false,
  source,
  path: source.kind === 'link' ? '(link)' : '(top level)',
  problem: { code: `restore.error.${code}`, ...(values ? { values } : {}) },
});

/** Runs one job in a fresh worker, or in-process where there is no Worker (Node), and says the result in the active language. Never throws. */
async function runJob(source: RestoreSource, job: Job, options: OffThreadOptions): Promise<RestoreResult> {
  return localizeRestore(await runJobData(source, job, options));
}

async function runJobData(source: RestoreSource, job: Job, options: OffThreadOptions): Promise<RestoreData> {
  const report = options.onProgress ?? (() => {});
  if (typeof Worker === 'undefined') {
    const { restoreApi } = await import('./restore-api.ts');
    return job(restoreApi, report);
  }
  const limit = options.timeLimitMs ?? RESTORE_TIME_LIMIT_MS;
  const worker = new Worker(new URL('../../workers/restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' });
  return new Promise<RestoreData>((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout>;
    const settle = (r: RestoreData) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const overrun = (ms: number, what: string) =>
      setTimeout(() => settle(refused(source, what, { seconds: (ms / 1000).toFixed(1) })), ms);
    timer = overrun(RESTORE_START_LIMIT_MS, 'slowStart');
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      settle(e.message ? refused(source, 'readerStoppedDetail', { error: e.message }) : refused(source, 'readerStopped'));
    });
    const onProgress = proxy((p: Parameters<ProgressFn>[0]) => {
      if (p.stage === 'started') {
        clearTimeout(timer);
        timer = overrun(limit, 'slowRead');
      }
      report(p);
    });
    const api = wrap<RestoreWorkerApi>(worker);
    job(api as unknown as RestoreApi, onProgress).then(settle, (e: unknown) =>
      settle(refused(source, 'unreadable', { error: e instanceof Error ? e.message : String(e) })),
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
