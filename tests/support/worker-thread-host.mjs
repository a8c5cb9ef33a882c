// Lets the browser worker file run in a node:worker_threads thread: gives it the self.postMessage /
// addEventListener surface comlink's expose() uses, then imports the real worker module.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const listeners = new Map();
globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
globalThis.addEventListener = (type, handler) => {
  if (type !== 'message') return;
  const wrapped = (data) => handler({ data });
  listeners.set(handler, wrapped);
  parentPort.on('message', wrapped);
};
globalThis.removeEventListener = (type, handler) => {
  const wrapped = listeners.get(handler);
  if (wrapped) parentPort.off('message', wrapped);
};

await tsImport('../../workers/projection.worker.ts', import.meta.url);
