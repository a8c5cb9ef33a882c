// Protects planners' work across the workshop update: a version-2 database (the library before
// workshops) opens with the current code, gains the `workshops` store and keeps every scenario, and a
// workshop saved there comes back through the one door; a stored record that does not restore is named.
import '../../src/i18n/english.ts';
import { describe, expect, it } from 'vitest';
import * as fake from 'fake-indexeddb';
import { DB_NAME, DB_VERSION, openPathwaysDb } from '../../src/persistence/db.ts';
import { ScenarioStore } from '../../src/persistence/scenario-store.ts';
import { WorkshopStore } from '../../src/persistence/workshop-store.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { installIndexedDbClasses, scenario, T0, idbRequest, idbCommitted } from '../support/persistence.ts';

installIndexedDbClasses();

/** What version 2 of the app made: scenarios (with by-updated), session and deck, made with the raw API. */
async function createVersion2(factory: IDBFactory, records: Scenario[]): Promise<void> {
  const open = factory.open(DB_NAME, 2);
  open.onupgradeneeded = () => {
    const s = open.result.createObjectStore('scenarios', { keyPath: 'id' });
    s.createIndex('by-updated', 'updatedAt');
    open.result.createObjectStore('session');
    open.result.createObjectStore('deck');
  };
  const db = await idbRequest(open);
  const tx = db.transaction(['scenarios', 'deck'], 'readwrite');
  for (const r of records) tx.objectStore('scenarios').put(r);
  tx.objectStore('deck').put({ ids: records.map((r) => r.id), updatedAt: T0 }, 'current');
  await idbCommitted(tx);
  db.close();
}

describe('the workshops store', () => {
  it('a version-2 database upgrades to 3 without losing a scenario or the deck, and gains `workshops`', async () => {
    const factory = new fake.IDBFactory();
    const a = scenario('a', { name: 'Rural push', updatedAt: '2026-01-01T00:00:00.000Z' });
    const b = scenario('b', { name: 'Skills first', updatedAt: '2026-02-01T00:00:00.000Z', revision: 3 });
    await createVersion2(factory, [a, b]);
    const db = await openPathwaysDb(factory);
    expect(DB_VERSION).toBe(3);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['deck', 'scenarios', 'session', 'workshops']);
    expect(await db.get('scenarios', 'a')).toEqual(a);
    expect(await db.get('scenarios', 'b')).toEqual(b);
    expect(await db.get('deck', 'current')).toEqual({ ids: ['a', 'b'], updatedAt: T0 });
    expect((await new ScenarioStore({ db }).list()).map((s) => s.name)).toEqual(['Skills first', 'Rural push']);
    db.close();
  });

  it('keeps a workshop and gives it back restored; a broken record is named and the others still load', async () => {
    const factory = new fake.IDBFactory();
    const store = await WorkshopStore.open(factory);
    expect(store.backend).toBe('indexeddb');
    const w = { id: 'w1', name: 'Room A', facilitator: '', date: '', geographies: ['world'], createdAt: T0, updatedAt: T0, groups: [{ id: 'g1', name: 'Group 1', scenario: scenario('s1') }] };
    await store.save(w);
    store.close();
    const db = await openPathwaysDb(factory);
    await db.put('workshops', { ...w, id: 'broken', groups: [{ id: 'g1', name: 'x', scenario: { ...scenario('s2'), draws: -1 } }] });
    db.close();
    const again = await WorkshopStore.open(factory);
    const { workshops, problems } = await again.list();
    expect(workshops).toEqual([w]);
    expect(problems).toEqual([expect.stringMatching(/^Saved data: workshop\.groups\.0\.scenario\.draws: expected/)]);
    again.close();
  });

  it('writes records with their format version; a record written before version 2 (no formatVersion) is migrated through the door', async () => {
    const factory = new fake.IDBFactory();
    const store = await WorkshopStore.open(factory);
    const groups = [{ id: 'g1', name: 'Group 1', scenario: scenario('s1', { geography: 'KEN' }) }, { id: 'g2', name: 'Group 2', scenario: scenario('s2', { geography: 'UGA' }) }];
    const now = { id: 'w2', name: 'Room B', facilitator: '', date: '', geographies: [], createdAt: T0, updatedAt: T0, groups, plan: { geography: 'UGA', levers: {}, weights: {} } };
    await store.save(now);
    store.close();
    const db = await openPathwaysDb(factory);
    expect(await db.get('workshops', 'w2')).toMatchObject({ formatVersion: 2, plan: { geography: 'UGA' } });
    // as an earlier build kept it: a plan without a geography, no formatVersion
    await db.put('workshops', { id: 'old', name: 'Room A', facilitator: '', date: '', geographies: ['africa'], createdAt: T0, updatedAt: '2025-01-01T00:00:00.000Z', groups, plan: { levers: {}, weights: { g2: 2 } } } as never);
    db.close();
    const again = await WorkshopStore.open(factory);
    const { workshops, problems } = await again.list();
    expect(problems).toEqual([]);
    expect(workshops.find((x) => x.id === 'w2')).toEqual(now);
    expect(workshops.find((x) => x.id === 'old')!.plan).toEqual({ geography: 'africa', levers: {}, weights: { g2: 2 } });
    again.close();
  });

  it('falls back to memory when IndexedDB cannot be opened', async () => {
    const store = await WorkshopStore.open({ open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory);
    expect(store.backend).toBe('memory');
    await store.save({ id: 'm', name: 'M', facilitator: '', date: '', geographies: [], createdAt: T0, updatedAt: T0, groups: [] });
    expect((await store.list()).workshops.map((x) => x.id)).toEqual(['m']);
  });
});
