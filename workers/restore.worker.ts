// Thin worker host for the one restore door: files and share links are parsed and checked here, off the
// main thread, so a hostile input can cost this worker its time but never freeze the page.
import { expose } from 'comlink';
import { restoreApi } from '../src/scenario/restore-api.ts';

expose(restoreApi);

export type RestoreWorkerApi = typeof restoreApi;
