// Protects "nothing lost in memory mode" (issue 14): an older tab blocks the upgrade, the app falls back
// to memory, the planner saves; when the old tab closes, everything saved meanwhile (and the tab's
// autosave) is written to the database, so a reload finds it. Suffixes stay within the name limit.
import { beforeAll, describe, expect, it } from 'vitest';
import * as fake from 'fake-indexeddb';
import { openRepository, type ScenarioRepository } from '../../src/persistence/index.ts';
import { moveToDatabase } from '../../src/persistence/guard.ts';
import { DB_NAME } from '../../src/persistence/db.ts';
import { MemoryScenarioStore } from '../../src/persistence/memory-store.ts';
import { installIndexedDbClasses, scenario } from '../support/persistence.ts';

beforeAll(installIndexedDbClasses);

const request = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));

describe('blocked upgrade, then the blocker closes', () => {
  it('a scenario saved while blocked is in the database after the old tab closes (a reload finds it)', async () => {
    const factory = new fake.IDBFactory();
    const v1 = factory.open(DB_NAME, 1);
    v1.onupgradeneeded = () => v1.result.createObjectStore('scenarios', { keyPath: 'id' });
    const oldTab = await request(v1);

    let unblocked: ((repo: ScenarioRepository) => void) | null = null;
    const db = new Promise<ScenarioRepository>((res) => (unblocked = res));
    const memory = await openRepository({ factory, onFailure: () => {}, blockedTimeoutMs: 50, onUnblocked: (r) => unblocked?.(r) });
    expect(memory.backend).toBe('memory');
    const saved = await memory.save(scenario('made-while-blocked', { name: 'Made while blocked' }), { expectedRevision: 0 });
    expect(saved.ok).toBe(true);
    await memory.saveSession({ scenario: scenario('working'), dirty: true, baseRevision: 0, savedAt: '2026-01-01T00:00:00.000Z' } as never, 'tab:one');

    oldTab.close();
    const repo = await db;
    expect(repo.backend).toBe('indexeddb');
    const moved = await moveToDatabase(memory, repo);
    expect(moved.moved.map((s) => s.name)).toEqual(['Made while blocked']);
    expect(moved.sessions).toBe(1);
    repo.close();

    // "Reload": a fresh open of the same database.
    const after = await openRepository({ factory, onFailure: () => {} });
    expect(after.backend).toBe('indexeddb');
    expect((await after.list()).map((s) => s.name)).toContain('Made while blocked');
    expect((await after.loadAllSessions()).map((s) => s.key)).toContain('tab:one');
    after.close();
  });

  it('a scenario the database already has (changed in the other tab) is kept as a copy, its name within the limit', async () => {
    const memory = new MemoryScenarioStore();
    const dbSide = new MemoryScenarioStore();
    const long = 'n'.repeat(120);
    await dbSide.save(scenario('same', { name: long }), { expectedRevision: 0 });
    await memory.save(scenario('same', { name: long }), { expectedRevision: 0 });
    const r = await moveToDatabase(memory, dbSide, () => 'fresh');
    expect(r.copies).toBe(1);
    const copy = (await dbSide.list()).find((s) => s.id === 'fresh')!;
    expect(copy.name.length).toBeLessThanOrEqual(120);
    expect(copy.name).toMatch(/… \(kept from memory\)$/);
  });

  it('"Copy of" a 120-character name duplicates (within the limit) instead of failing', async () => {
    const store = new MemoryScenarioStore();
    await store.save(scenario('a', { name: 'x'.repeat(120) }), { expectedRevision: 0 });
    const copy = await store.duplicate('a', { newId: 'b', now: '2026-01-02T00:00:00.000Z' });
    expect(copy?.name).toMatch(/^Copy of x+…$/);
    expect(copy!.name.length).toBe(120);
  });
});
