// Browser runner: the model runs in a module Web Worker, reached through comlink, kept alive by a
// Healer (healing.ts): error listener, liveness ping, restart with replay of the running call, and a
// give-up after three faults in a row that the UI offers to retry.
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../../workers/projection.worker.ts';
import type { AsyncApi, ModelRunner } from './runner.ts';
import type { ModelApi } from '../model/index.ts';
import { Healer, type RunnerHealth } from './healing.ts';

export type WorkerRole = 'central' | 'bands' | 'analysis';

/**
 * How long each role's worker may run one call synchronously (it cannot answer a ping meanwhile).
 * Central runs are short (tens of ms), so a dead central worker is noticed within about a second;
 * Monte Carlo and goal seek compute longer between awaits.
 */
const LIVENESS: Record<WorkerRole, { pingAfterMs: number; pongWithinMs: number }> = {
  central: { pingAfterMs: 250, pongWithinMs: 1_000 },
  bands: { pingAfterMs: 500, pongWithinMs: 8_000 },
  analysis: { pingAfterMs: 1_000, pongWithinMs: 20_000 },
};

/** A ModelRunner whose worker heals; the UI watches its health and offers retry() after a give-up. */
export interface HealingRunner extends ModelRunner {
  readonly health: RunnerHealth;
  onHealth(listener: (h: RunnerHealth) => void): () => void;
  retry(): void;
}

export function createWorkerRunner(role: WorkerRole = 'central'): HealingRunner {
  const listeners = new Set<(h: RunnerHealth) => void>();
  const healer = new Healer<Remote<WorkerApi>>({
    spawn: () => {
      // The name lets a browser test (or a developer) find and kill one role's worker.
      const worker = new Worker(new URL('../../workers/projection.worker.ts', import.meta.url), { type: 'module', name: `projection-${role}` });
      const remote = wrap<WorkerApi>(worker);
      return {
        api: remote,
        onError(listener) {
          worker.addEventListener('error', (e) => {
            e.preventDefault();
            listener(e.message ? `the projection engine failed (${e.message})` : 'the projection engine failed to load');
          });
          worker.addEventListener('messageerror', () => listener('the projection engine sent an unreadable reply'));
        },
        terminate() {
          remote[releaseProxy]();
          worker.terminate();
        },
      };
    },
    ping: (api) => api.ping(),
    ...LIVENESS[role],
    onHealth: (h) => {
      for (const l of listeners) l(h);
    },
  });
  // Every model call goes through the healer, so each one is watched, and replayed after a restart.
  const api = new Proxy({} as AsyncApi<ModelApi>, {
    get: (_t, method: string) =>
      (...args: unknown[]) =>
        healer.call((remote) => (remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!(...args)),
  });
  return {
    api,
    get health() {
      return healer.health;
    },
    onHealth(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry: () => healer.retry(),
    terminate: () => healer.terminate(),
  };
}
