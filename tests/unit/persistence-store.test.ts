// Protects "planners never lose work": every stored record comes back through restore, revisions make
// two tabs unable to overwrite each other silently, undo of delete is exact, a corrupt record or a full
// disk never takes other data down with it, and the app keeps working in memory when IndexedDB fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/i18n/english.ts';
import * as fake from 'fake-indexeddb';
import { DB_NAME } from '../../src/persistence/db.ts';
import { StorageFailure, describeFailure } from '../../src/persistence/failure.ts';
import { MemoryScenarioStore } from '../../src/persistence/memory-store.ts';
import type { RestoreFn } from '../../src/persistence/records.ts';
import { openRepository, type RepositoryOptions, type ScenarioRepository } from '../../src/persistence/repository.ts';
import { ScenarioStore } from '../../src/persistence/scenario-store.ts';
import { restore } from '../../src/scenario/restore.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { scenario, installIndexedDbClasses, T0 } from '../support/persistence.ts';

installIndexedDbClasses();



/** A clock that ticks one second per call, so every write has a distinct, ordered updatedAt. */
function ticking(): () => string {
  let t = Date.parse(T0);
  return () => new Date((t += 1000)).toISOString();
}

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const r of opened.splice(0)) r.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function idbStore(factory: IDBFactory = new fake.IDBFactory(), options: RepositoryOptions = {}): Promise<ScenarioStore> {
  const store = await ScenarioStore.open({ factory, now: ticking(), ...options });
  opened.push(store);
  return store;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Writes a record straight into `scenarios`, bypassing every check (as a bug or an old version might). */
async function putRaw(factory: IDBFactory, record: unknown): Promise<void> {
  const db = await request(factory.open(DB_NAME));
  const tx = db.transaction('scenarios', 'readwrite');
  tx.objectStore('scenarios').put(record);
  await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
  db.close();
}

const backends: [string, (options?: RepositoryOptions) => Promise<ScenarioRepository>][] = [
  ['ScenarioStore (IndexedDB)', (options) => idbStore(new fake.IDBFactory(), options)],
  ['MemoryScenarioStore', async (options) => new MemoryScenarioStore({ now: ticking(), ...options })],
];

describe.each(backends)('%s', (_name, make) => {
  it('round-trips save → get → list through restore (source storage)', async () => {
    const spy = vi.fn<RestoreFn>((input, source) => restore(input, source));
    const repo = await make({ restore: spy });
    const saved = await repo.save(scenario('a', { name: 'Universal schools', notes: 'Draft' }), { expectedRevision: 0 });
    expect(saved.ok).toBe(true);
    spy.mockClear();

    const got = await repo.get('a');
    expect(got).toMatchObject({ id: 'a', name: 'Universal schools', notes: 'Draft', revision: 1 });
    expect(await repo.list()).toEqual([got]);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const call of spy.mock.calls) expect(call[1]).toEqual({ kind: 'storage' });
  });

  it('uses the injected restore for every read (the one door)', async () => {
    // A tiny stand-in: accepts any object with an id, and marks what it let through.
    const standIn: RestoreFn = (input, source) =>
      typeof input === 'object' && input !== null && 'id' in input
        ? { ok: true, scenarios: [{ ...(input as Scenario), notes: 'via stand-in' }], fromVersion: 1, notes: [] }
        : { ok: false, source, path: '(top level)', problem: { code: 'test.notAScenario' }, message: 'not a scenario' };
    const repo = await make({ restore: standIn });
    await repo.save(scenario('a'), { expectedRevision: 0 });
    expect((await repo.get('a'))?.notes).toBe('via stand-in');
    expect((await repo.list())[0]?.notes).toBe('via stand-in');
  });

  it('increments revision and sets updatedAt on every save; lists newest first', async () => {
    const repo = await make();
    const r1 = await repo.save(scenario('a'), { expectedRevision: 0 });
    if (!r1.ok) throw new Error('first save conflicted');
    expect(r1.scenario.revision).toBe(1);
    const r2 = await repo.save({ ...r1.scenario, seed: 8 }, { expectedRevision: 1 });
    if (!r2.ok) throw new Error('second save conflicted');
    expect(r2.scenario.revision).toBe(2);
    expect(r2.scenario.updatedAt > r1.scenario.updatedAt).toBe(true);
    await repo.save(scenario('b'), { expectedRevision: 0 });
    expect((await repo.list()).map((s) => s.id)).toEqual(['b', 'a']);
    expect(await repo.get('a')).toEqual(r2.scenario);
  });

  it('a stale expectedRevision returns a conflict with their version and writes nothing', async () => {
    const repo = await make();
    await repo.save(scenario('a'), { expectedRevision: 0 });
    const theirs = await repo.save(scenario('a', { name: 'Theirs' }), { expectedRevision: 1 });
    expect(theirs.ok).toBe(true);
    const before = await repo.get('a');

    const mine = await repo.save(scenario('a', { name: 'Mine' }), { expectedRevision: 1 });
    expect(mine).toEqual({ ok: false, conflict: { theirs: before } });
    expect(await repo.get('a')).toEqual(before);
    // A "new" scenario whose id is already taken is a conflict too, never an overwrite.
    expect((await repo.save(scenario('a', { name: 'New' }), { expectedRevision: 0 })).ok).toBe(false);
    expect((await repo.get('a'))?.name).toBe('Theirs');
  });

  it('saving a scenario deleted meanwhile is a conflict with theirs = null', async () => {
    const repo = await make();
    await repo.save(scenario('a'), { expectedRevision: 0 });
    await repo.delete('a');
    expect(await repo.save(scenario('a'), { expectedRevision: 1 })).toEqual({ ok: false, conflict: { theirs: null } });
    expect(await repo.get('a')).toBeUndefined();
  });

  it('renames with the same revision check', async () => {
    const repo = await make();
    await repo.save(scenario('a', { name: 'Old' }), { expectedRevision: 0 });
    const ok = await repo.rename('a', 'New name', 1);
    expect(ok).toMatchObject({ ok: true, scenario: { name: 'New name', revision: 2 } });
    const stale = await repo.rename('a', 'Stale', 1);
    expect(stale).toMatchObject({ ok: false, conflict: { theirs: { name: 'New name', revision: 2 } } });
    expect(await repo.rename('missing', 'X', 1)).toEqual({ ok: false, conflict: { theirs: null } });
  });

  it('duplicates as "Copy of …" at revision 1 with the given id and time, leaving the source as it was', async () => {
    const repo = await make();
    await repo.save(scenario('a', { name: 'Plan A', levers: { ...scenario('a').levers, networkRollout: { value: 12, start: 2027 } } }), { expectedRevision: 0 });
    const source = await repo.get('a');
    const copy = await repo.duplicate('a', { newId: 'b', now: '2026-06-01T12:00:00.000Z' });
    expect(copy).toMatchObject({ id: 'b', name: 'Copy of Plan A', revision: 1, createdAt: '2026-06-01T12:00:00.000Z', updatedAt: '2026-06-01T12:00:00.000Z' });
    expect(copy?.levers.networkRollout).toEqual({ value: 12, start: 2027 });
    expect(await repo.get('b')).toEqual(copy);
    expect(await repo.get('a')).toEqual(source);
    expect((await repo.duplicate('a', { newId: 'c', now: T0, name: 'Variant' }))?.name).toBe('Variant');
    expect(await repo.duplicate('missing', { newId: 'd', now: T0 })).toBeUndefined();
    await expect(repo.duplicate('a', { newId: 'b', now: T0 })).rejects.toBeInstanceOf(StorageFailure);
  });

  it('delete returns the scenario as stored, and restoreDeleted (undo) brings it back exactly', async () => {
    const repo = await make();
    await repo.save(scenario('a', { name: 'Keep me', description: 'Important' }), { expectedRevision: 0 });
    await repo.rename('a', 'Kept', 1);
    const before = await repo.get('a');

    const deleted = await repo.delete('a');
    expect(deleted).toEqual(before);
    expect(await repo.get('a')).toBeUndefined();
    expect(await repo.list()).toEqual([]);
    expect(await repo.delete('a')).toBeUndefined();

    if (!deleted) throw new Error('nothing deleted');
    expect(await repo.restoreDeleted(deleted)).toEqual({ ok: true, scenario: before });
    expect(await repo.get('a')).toEqual(before);
    // Same revision as before the delete, so a tab still holding revision 2 can keep saving.
    expect((await repo.save({ ...deleted, seed: 9 }, { expectedRevision: 2 })).ok).toBe(true);
    // Undo never overwrites a scenario that exists again.
    const again = await repo.restoreDeleted(deleted);
    expect(again).toMatchObject({ ok: false, conflict: { theirs: { revision: 3, seed: 9 } } });
  });

  it('stores copies: later changes to the caller\'s objects do not reach storage', async () => {
    const repo = await make();
    const s = scenario('a');
    await repo.save(s, { expectedRevision: 0 });
    s.name = 'Mutated after save';
    const got = await repo.get('a');
    expect(got?.name).toBe('Scenario a');
    if (got) got.name = 'Mutated after get';
    expect((await repo.get('a'))?.name).toBe('Scenario a');
  });

  it('never stores a scenario that restore would reject on the way back', async () => {
    const repo = await make();
    const bad = scenario('a', { draws: 3 });
    const err = await repo.save(bad, { expectedRevision: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFailure);
    expect((err as StorageFailure).message).toMatch(/draws/);
    expect(await repo.get('a')).toBeUndefined();
  });

  it('keeps the autosave session and the deck', async () => {
    const repo = await make();
    expect(await repo.loadSession()).toBeUndefined();
    const state = { scenario: scenario('a'), dirty: true, baseRevision: 0, savedAt: T0 };
    await repo.saveSession(state);
    expect(await repo.loadSession()).toEqual(state);
    await repo.clearSession();
    expect(await repo.loadSession()).toBeUndefined();

    expect(await repo.loadDeck()).toBeUndefined();
    const deck = await repo.saveDeck(['b', 'a']);
    expect(deck.ids).toEqual(['b', 'a']);
    expect(await repo.loadDeck()).toEqual(deck);
  });

  it('fails with StorageFailure after close', async () => {
    const repo = await make();
    repo.close();
    await expect(repo.list()).rejects.toBeInstanceOf(StorageFailure);
  });
});

describe('ScenarioStore across tabs (two instances on one database)', () => {
  it('two tabs cannot silently overwrite each other', async () => {
    const factory = new fake.IDBFactory();
    const tabA = await idbStore(factory);
    const tabB = await idbStore(factory);
    await tabA.save(scenario('a', { name: 'Base' }), { expectedRevision: 0 });

    // Both tabs opened revision 1; A saves first, B's save must come back as a conflict.
    const seenByB = await tabB.get('a');
    expect(seenByB?.revision).toBe(1);
    const a = await tabA.save(scenario('a', { name: 'From A' }), { expectedRevision: 1 });
    expect(a).toMatchObject({ ok: true, scenario: { revision: 2 } });
    const b = await tabB.save(scenario('a', { name: 'From B' }), { expectedRevision: 1 });
    expect(b).toMatchObject({ ok: false, conflict: { theirs: { name: 'From A', revision: 2 } } });
    expect((await tabB.get('a'))?.name).toBe('From A');
  });

  it('of two simultaneous saves from the same revision exactly one wins', async () => {
    const factory = new fake.IDBFactory();
    const tabA = await idbStore(factory);
    const tabB = await idbStore(factory);
    await tabA.save(scenario('a'), { expectedRevision: 0 });
    const results = await Promise.all([
      tabA.save(scenario('a', { name: 'A' }), { expectedRevision: 1 }),
      tabB.save(scenario('a', { name: 'B' }), { expectedRevision: 1 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.find((r) => r.ok);
    const stored = await tabA.get('a');
    expect(stored?.revision).toBe(2);
    if (winner?.ok) expect(stored?.name).toBe(winner.scenario.name);
  });
});

describe('ScenarioStore with damaged or failing storage', () => {
  it('skips a corrupt record in list, reports it with its id and why, and still lists the others', async () => {
    const factory = new fake.IDBFactory();
    const onCorrupt = vi.fn();
    const store = await idbStore(factory, { onCorrupt });
    await store.save(scenario('good1'), { expectedRevision: 0 });
    await store.save(scenario('good2'), { expectedRevision: 0 });
    await putRaw(factory, { ...scenario('broken'), levers: 'not levers', updatedAt: undefined });

    expect((await store.list()).map((s) => s.id).sort()).toEqual(['good1', 'good2']);
    expect(onCorrupt).toHaveBeenCalledOnce();
    expect(onCorrupt.mock.calls[0]?.[0]).toBe('broken');
    expect(onCorrupt.mock.calls[0]?.[1]).toMatch(/levers|updatedAt/);

    // get reports it too, and writes never overwrite or delete what they cannot read.
    expect(await store.get('broken')).toBeUndefined();
    expect(onCorrupt).toHaveBeenCalledTimes(2);
    await expect(store.save(scenario('broken'), { expectedRevision: 1 })).rejects.toMatchObject({ kind: 'failed' });
    await expect(store.delete('broken')).rejects.toMatchObject({ kind: 'failed' });
    const db = await request(factory.open(DB_NAME));
    const raw = await request(db.transaction('scenarios').objectStore('scenarios').get('broken'));
    expect(raw).toMatchObject({ levers: 'not levers' });
    db.close();
  });

  it('a restore that throws counts as a corrupt record, not a crash', async () => {
    const onCorrupt = vi.fn();
    let explode = false;
    const store = await idbStore(new fake.IDBFactory(), {
      onCorrupt,
      restore: (input, source) => {
        if (explode) throw new Error('boom');
        return restore(input, source);
      },
    });
    await store.save(scenario('a'), { expectedRevision: 0 });
    explode = true;
    expect(await store.list()).toEqual([]);
    expect(onCorrupt).toHaveBeenCalledWith('a', expect.stringMatching(/boom/));
  });

  it('reports a quota error as kind full and leaves the stored data unchanged', async () => {
    const store = await idbStore();
    const first = await store.save(scenario('a', { name: 'Saved before the disk filled' }), { expectedRevision: 0 });
    const before = await store.get('a');
    expect(first.ok).toBe(true);

    vi.spyOn(fake.IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await store.save(scenario('a', { name: 'Lost?' }), { expectedRevision: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFailure);
    expect((err as StorageFailure).kind).toBe('full');
    expect(describeFailure(err as StorageFailure)).toMatch(/^Storage is full: the last change was not saved/);
    const sessionErr = await store.saveSession({ scenario: scenario('a'), dirty: true, baseRevision: 1, savedAt: T0 }).catch((e: unknown) => e);
    expect((sessionErr as StorageFailure).kind).toBe('full');

    vi.restoreAllMocks();
    expect(await store.get('a')).toEqual(before);
    expect(await store.loadSession()).toBeUndefined();
    // And once there is room again, the same save goes through at the expected revision.
    expect(await store.save(scenario('a', { name: 'Saved later' }), { expectedRevision: 1 })).toMatchObject({ ok: true, scenario: { revision: 2 } });
  });
});

describe('openRepository', () => {
  it('returns the IndexedDB store when IndexedDB works', async () => {
    const onFailure = vi.fn();
    const repo = await openRepository({ factory: new fake.IDBFactory(), onFailure });
    opened.push(repo);
    expect(repo.backend).toBe('indexeddb');
    expect(onFailure).not.toHaveBeenCalled();
  });

  it('falls back to memory (kind unavailable) when the factory throws on open', async () => {
    const factory = new fake.IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const onFailure = vi.fn();
    const repo = await openRepository({ factory, onFailure });
    expect(repo.backend).toBe('memory');
    expect(onFailure).toHaveBeenCalledOnce();
    const failure = onFailure.mock.calls[0]?.[0] as StorageFailure;
    expect(failure.kind).toBe('unavailable');
    expect(describeFailure(failure)).toMatch(/^Your browser does not allow this site to store data/);
    // The app keeps working, with the same rules.
    expect((await repo.save(scenario('a'), { expectedRevision: 0 })).ok).toBe(true);
    expect((await repo.save(scenario('a'), { expectedRevision: 0 })).ok).toBe(false);
  });

  it('falls back to memory (kind unavailable) when indexedDB is undefined', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const onFailure = vi.fn();
    const repo = await openRepository({ onFailure });
    expect(repo.backend).toBe('memory');
    expect((onFailure.mock.calls[0]?.[0] as StorageFailure).kind).toBe('unavailable');
  });

  it('falls back to memory when the open request errors', async () => {
    const factory = new fake.IDBFactory();
    (await request(factory.open(DB_NAME, 99))).close(); // a future app version made it
    const onFailure = vi.fn();
    const repo = await openRepository({ factory, onFailure });
    expect(repo.backend).toBe('memory');
    expect(onFailure.mock.calls[0]?.[0]).toBeInstanceOf(StorageFailure);
  });

  /** An old tab (version 1 of the app) holding the database open, never closing on versionchange. */
  async function oldTabOnV1(factory: IDBFactory): Promise<IDBDatabase> {
    const v1 = factory.open(DB_NAME, 1);
    v1.onupgradeneeded = () => v1.result.createObjectStore('scenarios', { keyPath: 'id' });
    return request(v1);
  }

  it('reports blocked after exactly the 3 s timeout (fake clock) and falls back to memory when an older tab ignores versionchange', async () => {
    const factory = new fake.IDBFactory();
    const oldTab = await oldTabOnV1(factory);
    const onFailure = vi.fn();
    // only the clock is fake: fake-indexeddb schedules its own work with setImmediate
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const opening = openRepository({ factory, onFailure });
      // wait (on real event-loop turns) for the blocked event to arm the timeout
      while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(2999);
      expect(onFailure).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      const repo = await opening;
      expect(repo.backend).toBe('memory');
    } finally {
      vi.useRealTimers();
    }
    expect((onFailure.mock.calls[0]?.[0] as StorageFailure).kind).toBe('blocked');
    expect(describeFailure(onFailure.mock.calls[0]?.[0] as StorageFailure)).toMatch(/open in another tab with an older version/);

    // When the old tab finally closes, the late upgrade completes and its connection is let go at once,
    // so nothing is left holding the database.
    oldTab.close();
    const check = await request(factory.open(DB_NAME));
    expect(check.version).toBe(2);
    check.close();
    const deleted = factory.deleteDatabase(DB_NAME);
    const blocked = vi.fn();
    deleted.onblocked = blocked;
    await request(deleted);
    expect(blocked).not.toHaveBeenCalled();
  });

  it('honours a shorter blockedTimeoutMs', async () => {
    const factory = new fake.IDBFactory();
    const oldTab = await oldTabOnV1(factory);
    const onFailure = vi.fn();
    const started = Date.now();
    const repo = await openRepository({ factory, onFailure, blockedTimeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(repo.backend).toBe('memory');
    expect((onFailure.mock.calls[0]?.[0] as StorageFailure).kind).toBe('blocked');
    oldTab.close();
  });
});

describe('saveAll (an import) is all or nothing', () => {
  it('writes every scenario, or on a conflict writes none and names it', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { ScenarioStore, MemoryScenarioStore } = await import('../../src/persistence/index.ts');
    const { newScenario } = await import('../../src/scenario/scenario.ts');
    let n = 0;
    const deps = { now: () => '2026-11-27T10:00:00.000Z', newId: () => `id-${++n}` };
    for (const make of [async () => ScenarioStore.open({ factory: new IDBFactory() }), async () => new MemoryScenarioStore()]) {
      const store = await make();
      const a = newScenario({ name: 'A' }, deps);
      const b = newScenario({ name: 'B' }, deps);
      const ok = await store.saveAll([{ scenario: a, expectedRevision: 0 }, { scenario: b, expectedRevision: 0 }]);
      expect(ok.ok).toBe(true);
      expect((await store.list()).map((s) => s.name).sort()).toEqual(['A', 'B']);
      const c = newScenario({ name: 'C' }, deps);
      // b already exists at revision 1: expecting 0 is a conflict, so c must not be written either
      const bad = await store.saveAll([{ scenario: c, expectedRevision: 0 }, { scenario: { ...b, name: 'B2' }, expectedRevision: 0 }]);
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.id).toBe(b.id);
      expect((await store.list()).map((s) => s.name).sort()).toEqual(['A', 'B']);
      store.close();
    }
  });
});
