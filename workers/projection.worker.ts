// Thin worker host: exposes the model's API over comlink. No logic lives here.
import { expose } from 'comlink';
import { modelApi } from '../src/model/index.ts';

expose(modelApi);

export type WorkerApi = typeof modelApi;
