// The model's callable surface: the same object runs in-process (Node, CLI) and behind comlink in the worker.
import { checksum } from './checksum.ts';
import { MODEL_VERSION } from './version.ts';

export interface EchoReply {
  modelVersion: string;
  checksum: string;
}

export const modelApi = {
  /** Diagnostic round trip: the model version and the checksum of the inputs it received. */
  echo(input: unknown): EchoReply {
    return { modelVersion: MODEL_VERSION, checksum: checksum(input) };
  },
};

export type ModelApi = typeof modelApi;
