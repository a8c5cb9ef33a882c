// Protects the worker path: the real workers/projection.worker.ts, loaded in a node:worker_threads
// thread, answers a real projection through comlink exactly as the in-process runner does (a real
// round trip, no mock), and a bad request comes back as an error that still names the field.
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from '../../workers/projection.worker.ts';
import { createSyncRunner } from '../../src/runner/sync-runner.ts';
import { MODEL_VERSION, type ProjectionRequest } from '../../src/model/index.ts';

const bootstrap = fileURLToPath(new URL('../support/worker-thread-host.mjs', import.meta.url));
const worker = new Worker(bootstrap);
const remote: Remote<WorkerApi> = wrap<WorkerApi>(nodeEndpoint(worker));

afterAll(async () => {
  await worker.terminate();
});

describe('projection worker over comlink', () => {
  it('projects a scenario (with its Monte Carlo band) exactly as the in-process runner does', async () => {
    const req: ProjectionRequest = { geography: 'world', levers: { networkRollout: { value: 20 } }, draws: 200 };
    const viaWorker = await remote.project(req);
    const local = await createSyncRunner().api.project(req);
    expect(viaWorker).toEqual(local);
    expect(viaWorker.model.version).toBe(MODEL_VERSION);
    // a real projection: the lever moved at least one indicator off current trends by 2030
    const t = viaWorker.years.indexOf(2030);
    expect(viaWorker.indicators.some((i) => Math.abs(i.scenario[t]! - i.baseline[t]!) > 1e-6)).toBe(true);
  });

  it('a bad request rejects across the boundary with a message naming the field', async () => {
    const e = await remote.project({ geography: 'world', levers: { networkRollout: { value: -5 } } }).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(e).not.toBeNull();
    expect(e!.message).toMatch(/levers\.networkRollout/);
  });
});
