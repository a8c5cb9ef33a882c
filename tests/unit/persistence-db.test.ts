// Protects planners' saved work across app updates: a database made by an earlier version of the app
// opens with the current code, upgrades in place and keeps every record; and the connection gets out
// of the way when a newer tab needs to upgrade.
import { describe, expect, it, vi } from 'vitest';
import * as fake from 'fake-indexeddb';
import { DB_NAME, DB_VERSION, openPathwaysDb } from '../../src/persistence/db.ts';
import { StorageFailure } from '../../src/persistence/failure.ts';
import { ScenarioStore } from '../../src/persistence/scenario-store.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { scenario, installIndexedDbClasses, T0, idbRequest, idbCommitted } from '../support/persistence.ts';

installIndexedDbClasses();


/** What version 1 of the app did: one store, `scenarios`, keyPath `id`, made with the raw API. */
async function createVersion1(factory: IDBFactory, records: Scenario[]): Promise<void> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('scenarios', { keyPath: 'id' });
  };
  const db = await idbRequest(open);
  const tx = db.transaction('scenarios', 'readwrite');
  for (const r of records) tx.objectStore('scenarios').put(r);
  await idbCommitted(tx);
  db.close();
}

describe('pathways-2030 database', () => {
  it('is at version 3 (the schema version, not the file-format version)', () => {
    expect(DB_VERSION).toBe(3);
  });

  it('a database made by version 1 opens with the current code, upgrades to the current version, keeps both records and gains the new stores and index', async () => {
    const factory = new fake.IDBFactory();
    const a = scenario('a', { name: 'Older', updatedAt: '2026-01-01T00:00:00.000Z' });
    const b = scenario('b', { name: 'Newer', updatedAt: '2026-02-01T00:00:00.000Z', revision: 4 });
    await createVersion1(factory, [a, b]);

    const db = await openPathwaysDb(factory);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['deck', 'scenarios', 'session', 'workshops']);
    const tx = db.transaction('scenarios');
    expect([...tx.store.indexNames]).toEqual(['by-updated']);
    expect(tx.store.index('by-updated').keyPath).toBe('updatedAt');
    await tx.done;

    // Both records survive byte for byte, and the new index covers them.
    expect(await db.get('scenarios', 'a')).toEqual(a);
    expect(await db.get('scenarios', 'b')).toEqual(b);
    expect((await db.getAllFromIndex('scenarios', 'by-updated')).map((s) => s.id)).toEqual(['a', 'b']);

    // The new stores work, and the app reads the old records through restore.
    await db.put('deck', { ids: ['b', 'a'], updatedAt: '2026-03-01T00:00:00.000Z' }, 'current');
    const store = new ScenarioStore({ db });
    expect((await store.list()).map((s) => s.name)).toEqual(['Newer', 'Older']);
    expect(await store.loadDeck()).toEqual({ ids: ['b', 'a'], updatedAt: '2026-03-01T00:00:00.000Z' });
    db.close();
  });

  it('a new database gets every step at once, and reopening an up-to-date one changes nothing', async () => {
    const factory = new fake.IDBFactory();
    const db = await openPathwaysDb(factory);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['deck', 'scenarios', 'session', 'workshops']);
    await db.put('scenarios', scenario('x'));
    db.close();
    const again = await openPathwaysDb(factory);
    expect(await again.count('scenarios')).toBe(1);
    again.close();
  });

  it('closes its connection when a newer tab upgrades, tells the app, and later calls fail with a reload hint', async () => {
    const factory = new fake.IDBFactory();
    const onBlocking = vi.fn();
    const store = await ScenarioStore.open({ factory, onBlocking });
    await store.save(scenario('a'), { expectedRevision: 0 });

    // A "newer app" in another tab opens the next version; it must not be blocked by us.
    const newer = factory.open(DB_NAME, DB_VERSION + 1);
    const blocked = vi.fn();
    newer.onblocked = blocked;
    const db3 = await idbRequest(newer);
    expect(db3.version).toBe(DB_VERSION + 1);
    expect(blocked).not.toHaveBeenCalled();
    expect(onBlocking).toHaveBeenCalledOnce();
    db3.close();

    const err = await store.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFailure);
    expect((err as StorageFailure).kind).toBe('failed');
    expect((err as StorageFailure).message).toMatch(/reload this tab/);
  });

  it('rejects with kind unavailable when there is no IndexedDB or opening throws SecurityError', async () => {
    vi.stubGlobal('indexedDB', undefined);
    try {
      const none = await openPathwaysDb().catch((e: unknown) => e);
      expect(none).toBeInstanceOf(StorageFailure);
      expect((none as StorageFailure).kind).toBe('unavailable');
    } finally {
      vi.unstubAllGlobals();
    }
    const refusing = new fake.IDBFactory();
    vi.spyOn(refusing, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const err = await openPathwaysDb(refusing).catch((e: unknown) => e);
    expect((err as StorageFailure).kind).toBe('unavailable');
    expect((err as StorageFailure).cause).toBeInstanceOf(DOMException);
  });

  it('rejects with kind unavailable (and leaves the data alone) when a newer app already upgraded the database', async () => {
    const factory = new fake.IDBFactory();
    const newer = await idbRequest(factory.open(DB_NAME, DB_VERSION + 1));
    newer.close();
    const err = await openPathwaysDb(factory).catch((e: unknown) => e);
    expect((err as StorageFailure).kind).toBe('unavailable');
    expect((err as StorageFailure).message).toMatch(/VersionError/);
  });
});
