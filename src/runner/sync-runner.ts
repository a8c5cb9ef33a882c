// In-process runner: calls the model directly. Serves Node tests and the command line.
import { modelApi, type ModelApi } from '../model/index.ts';
import type { AsyncApi, ModelRunner } from './runner.ts';

export function createSyncRunner(): ModelRunner {
  const api = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(modelApi)) {
    api[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve((fn as (...a: unknown[]) => unknown)(...args));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return { api: api as unknown as AsyncApi<ModelApi>, terminate() {} };
}
