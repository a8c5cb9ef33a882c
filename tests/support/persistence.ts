// Shared set-up for the storage tests: fake-indexeddb's classes installed globally (idb recognises
// IndexedDB objects by them) but no global `indexedDB`, so every test passes its own IDBFactory and no
// test sees another's data; and a complete scenario to store.
import * as fake from 'fake-indexeddb';
import { LEVERS } from '../../src/model/registry/levers.ts';
import type { Scenario } from '../../src/scenario/types.ts';

export function installIndexedDbClasses(): void {
  for (const name of ['IDBRequest', 'IDBOpenDBRequest', 'IDBDatabase', 'IDBTransaction', 'IDBObjectStore', 'IDBIndex', 'IDBCursor', 'IDBCursorWithValue', 'IDBKeyRange', 'IDBVersionChangeEvent'] as const) {
    (globalThis as Record<string, unknown>)[name] ??= fake[name];
  }
}

export const T0 = '2026-01-01T00:00:00.000Z';

/** A valid scenario with every lever at its default, for storing. */
export function scenario(id: string, over: Partial<Scenario> = {}): Scenario {
  return {
    id,
    name: `Scenario ${id}`,
    description: '',
    notes: '',
    author: '',
    createdAt: T0,
    updatedAt: T0,
    revision: 1,
    geography: 'world',
    levers: Object.fromEntries(LEVERS.map((l) => [l.id, { value: l.default, start: null }])) as Scenario['levers'],
    overrides: {},
    seed: 7,
    draws: 100,
    ...over,
  };
}

/** A raw IndexedDB request as a promise (tests that build an old database by hand). */
export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Resolves when a raw IndexedDB transaction has committed. */
export function idbCommitted(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
