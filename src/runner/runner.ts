// One runner interface, two implementations: in-process (Node tests, CLI) and a Web Worker (browser).
import type { ModelApi } from '../model/index.ts';

/** Every method of the model API, made asynchronous. */
export type AsyncApi<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

export interface ModelRunner {
  readonly api: AsyncApi<ModelApi>;
  terminate(): void;
}
