// One thread of `--geography all` (project-all.ts): projects its share of the geographies in the
// command's language and sends back each one's printed text.
import { parentPort, workerData } from 'node:worker_threads';
import { modelApi } from '../model/index.ts';
import { useCliLocale } from './cli-locale.ts';
import { printedChunk } from './project-cli.ts';
import type { AllJob, AllMessage } from './project-all.ts';

const job = workerData as AllJob & { indices: number[] };
const send = (m: AllMessage) => parentPort!.postMessage(m);
try {
  useCliLocale(job.lang);
  for (const i of job.indices) {
    const result = await modelApi.project({ ...job.req, geography: job.ids[i]! });
    send({ i, chunk: printedChunk(result, job.format, i === 0) });
  }
} catch (e) {
  send({ error: e instanceof Error ? e.message : String(e) });
}
