// Protects the worker path: the real workers/projection.worker.ts, loaded in a node:worker_threads
// thread, answers through comlink exactly as the in-process runner does (a real round trip, no mock).
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from '../../workers/projection.worker.ts';
import { createSyncRunner } from '../../src/runner/sync-runner.ts';
import { MODEL_VERSION } from '../../src/model/index.ts';

const bootstrap = fileURLToPath(new URL('../support/worker-thread-host.mjs', import.meta.url));
const worker = new Worker(bootstrap);
const remote: Remote<WorkerApi> = wrap<WorkerApi>(nodeEndpoint(worker));

afterAll(async () => {
  await worker.terminate();
});

describe('projection worker over comlink', () => {
  it('echoes the model version and the checksum of the inputs', async () => {
    const input = { levers: { a: 1, b: [2, 3] }, seed: 42 };
    const reply = await remote.echo(input);
    expect(reply.modelVersion).toBe(MODEL_VERSION);
    const local = await createSyncRunner().api.echo(input);
    expect(reply).toEqual(local);
  });

  it('gives different checksums for different inputs and equal ones for reordered keys', async () => {
    const a = await remote.echo({ x: 1, y: 2 });
    const b = await remote.echo({ y: 2, x: 1 });
    const c = await remote.echo({ x: 1, y: 3 });
    expect(a.checksum).toBe(b.checksum);
    expect(a.checksum).not.toBe(c.checksum);
  });
});
