// Public face of the projection model. Pure TypeScript: no DOM, Svelte, idb or ECharts.
export { MODEL_VERSION } from './version.ts';
export { checksum, canonicalJson } from './checksum.ts';
export { modelApi } from './api.ts';
export type { ModelApi, EchoReply } from './api.ts';
