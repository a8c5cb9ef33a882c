// Browser runner: the model runs in a module Web Worker, reached through comlink.
import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../../workers/projection.worker.ts';
import type { AsyncApi, ModelRunner } from './runner.ts';
import type { ModelApi } from '../model/index.ts';

export function createWorkerRunner(): ModelRunner {
  const worker = new Worker(new URL('../../workers/projection.worker.ts', import.meta.url), {
    type: 'module',
    name: 'projection',
  });
  const remote: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  return {
    api: remote as unknown as AsyncApi<ModelApi>,
    terminate() {
      worker.terminate();
    },
  };
}
