// Protects autosave: a burst of edits is one write, a continuous drag still saves at least every second,
// flush (pagehide) saves at once, a failed write is never forgotten, and the working scenario comes
// back through restore after a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, createSessionAutosaver, loadSessionState, type AutosaveStatus } from '../../src/persistence/autosave.ts';
import { StorageFailure } from '../../src/persistence/failure.ts';
import { MemoryScenarioStore } from '../../src/persistence/memory-store.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { scenario } from '../support/persistence.ts';


/** A save function that records what it saved and when (fake time), taking `ms` per write. */
function recorder(ms = 0) {
  const saves: { value: number; at: number }[] = [];
  let running = 0;
  let maxRunning = 0;
  let fail: unknown = null;
  const save = async (value: number) => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      if (ms > 0) await new Promise((r) => setTimeout(r, ms));
      if (fail !== null) throw fail;
      saves.push({ value, at: Date.now() });
    } finally {
      running--;
    }
  };
  return {
    save,
    saves,
    get maxRunning() {
      return maxRunning;
    },
    failWith(err: unknown) {
      fail = err;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver', () => {
  it('coalesces a burst of changes into one save of the last value, 400 ms after the burst', async () => {
    const rec = recorder();
    const statuses: AutosaveStatus[] = [];
    const saver = new Autosaver<number>({ save: rec.save, onStatus: (s) => statuses.push(s) });
    for (let i = 1; i <= 5; i++) {
      saver.schedule(i);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(rec.saves).toEqual([]);
    expect(saver.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(400);
    expect(rec.saves).toEqual([{ value: 5, at: 200 + 400 }]);
    expect(statuses).toEqual(['pending', 'saving', 'saved']);
    expect(saver.lastSavedAt?.getTime()).toBe(600);
    await vi.advanceTimersByTimeAsync(5000);
    expect(rec.saves).toHaveLength(1);
  });

  it('max-wait: a continuous drag (a change every 100 ms for 5 s) still saves within 1 s of the first unsaved change', async () => {
    const rec = recorder(20);
    const saver = new Autosaver<number>({ save: rec.save });
    for (let t = 0; t < 5000; t += 100) {
      saver.schedule(t);
      await vi.advanceTimersByTimeAsync(100);
    }
    // The first save starts at 1000 ms (and takes 20 ms); after that at least one save per second.
    expect(rec.saves.length).toBeGreaterThanOrEqual(4);
    expect(rec.saves[0]?.at).toBeLessThanOrEqual(1000 + 20);
    const times = [0, ...rec.saves.map((s) => s.at)];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(1000 + 100 + 20);
    const flushed = saver.flush(); // the save takes 20 ms of (fake) time
    await vi.advanceTimersByTimeAsync(100);
    await flushed;
    expect(rec.saves.at(-1)?.value).toBe(4900);
    expect(rec.maxRunning).toBe(1);
  });

  it('flush saves at once (pagehide), without waiting for the debounce, and leaves nothing scheduled', async () => {
    const rec = recorder();
    const saver = new Autosaver<number>({ save: rec.save });
    saver.schedule(1);
    expect(saver.hasUnsaved).toBe(true);
    await saver.flush();
    expect(rec.saves).toEqual([{ value: 1, at: 0 }]);
    expect(saver.status).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(rec.saves).toHaveLength(1);
    await saver.flush(); // nothing to do
    expect(rec.saves).toHaveLength(1);
  });

  it('flush during a running save waits for it, then saves the newer value; one save at a time, in order', async () => {
    const rec = recorder(100);
    const saver = new Autosaver<number>({ save: rec.save });
    saver.schedule(1);
    await vi.advanceTimersByTimeAsync(400); // save of 1 starts
    expect(saver.status).toBe('saving');
    saver.schedule(2);
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(300);
    await flushed;
    expect(rec.saves.map((s) => s.value)).toEqual([1, 2]);
    expect(rec.maxRunning).toBe(1);
    expect(saver.status).toBe('saved');
  });

  it('a failed save sets status failed with the StorageFailure, keeps the value and saves it on the next try', async () => {
    const rec = recorder();
    const infos: { status: AutosaveStatus; kind: string | undefined }[] = [];
    const saver = new Autosaver<number>({ save: rec.save, onStatus: (status, info) => infos.push({ status, kind: info.error?.kind }) });
    rec.failWith(new StorageFailure('full', 'quota'));
    saver.schedule(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.status).toBe('failed');
    expect(saver.error?.kind).toBe('full');
    expect(saver.hasUnsaved).toBe(true);
    expect(rec.saves).toEqual([]);

    rec.failWith(null);
    await saver.flush();
    expect(rec.saves.map((s) => s.value)).toEqual([1]);
    expect(saver.status).toBe('saved');
    expect(saver.error).toBeNull();
    expect(infos).toEqual([
      { status: 'pending', kind: undefined },
      { status: 'saving', kind: undefined },
      { status: 'failed', kind: 'full' },
      { status: 'saving', kind: 'full' },
      { status: 'saved', kind: undefined },
    ]);
  });

  it('after a failure, a newer value replaces the failed one, failed stays shown until a save succeeds, and a retry timer tries again', async () => {
    const rec = recorder();
    const saver = new Autosaver<number>({ save: rec.save, retryMs: 5000 });
    rec.failWith(new DOMException('quota', 'QuotaExceededError'));
    saver.schedule(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.error?.kind).toBe('full'); // a raw DOMException is wrapped too
    saver.schedule(2);
    expect(saver.status).toBe('failed');
    await vi.advanceTimersByTimeAsync(400); // fails again
    rec.failWith(null);
    expect(rec.saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000); // the retry timer
    expect(rec.saves.map((s) => s.value)).toEqual([2]);
    expect(saver.status).toBe('saved');
  });

  it('dispose stops the timers; flush still saves what was pending', async () => {
    const rec = recorder();
    const saver = new Autosaver<number>({ save: rec.save });
    saver.schedule(1);
    saver.dispose();
    await vi.advanceTimersByTimeAsync(2000);
    expect(rec.saves).toEqual([]);
    saver.schedule(2); // ignored
    await saver.flush();
    expect(rec.saves.map((s) => s.value)).toEqual([1]);
  });
});

describe('session autosave and reload', () => {
  it('round-trips the working state: autosaved, then read back through restore', async () => {
    const repo = new MemoryScenarioStore();
    const saver = createSessionAutosaver(repo, { now: () => new Date('2026-05-05T10:00:00.000Z') });
    const working = scenario('a', { name: 'Unsaved edits', seed: 99 });
    saver.schedule({ scenario: working, dirty: true, baseRevision: 3 });
    await saver.flush();

    const loaded = await loadSessionState(repo);
    expect(loaded).toEqual({ state: { scenario: working, dirty: true, baseRevision: 3, savedAt: '2026-05-05T10:00:00.000Z' } });
  });

  it('returns state null when nothing was autosaved', async () => {
    expect(await loadSessionState(new MemoryScenarioStore())).toEqual({ state: null });
  });

  it('returns an error (and never throws) for a session whose scenario restore rejects', async () => {
    const repo = new MemoryScenarioStore();
    await repo.saveSession({ scenario: { ...scenario('a'), draws: -1 }, dirty: true, baseRevision: 0, savedAt: '2026-05-05T10:00:00.000Z' });
    const loaded = await loadSessionState(repo);
    expect('error' in loaded && loaded.error).toMatch(/scenario: draws/);
    await repo.saveSession({ scenario: scenario('a'), dirty: 'yes', baseRevision: 0, savedAt: 'x' } as never);
    expect('error' in (await loadSessionState(repo))).toBe(true);
  });

  it('passes the scenario through the injected restore with source storage', async () => {
    const repo = new MemoryScenarioStore();
    await repo.saveSession({ scenario: scenario('a'), dirty: false, baseRevision: 1, savedAt: '2026-05-05T10:00:00.000Z' });
    const standIn = vi.fn(() => ({ ok: true as const, scenarios: [scenario('a', { name: 'restored' })], fromVersion: 1, notes: [] }));
    const loaded = await loadSessionState(repo, standIn);
    expect(standIn).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }), { kind: 'storage' });
    expect('state' in loaded && loaded.state?.scenario.name).toBe('restored');
  });

  it('reports a storage failure while reading as an error, not a rejection', async () => {
    const repo = new MemoryScenarioStore();
    repo.close();
    const loaded = await loadSessionState(repo);
    expect('error' in loaded).toBe(true);
  });
});

describe('one autosave record per tab', () => {
  it('each tab reads its own record; a new tab starts from the newest readable one', async () => {
    const { MemoryScenarioStore, loadSessionState, loadLatestSessionState } = await import('../../src/persistence/index.ts');
    const { newScenario } = await import('../../src/scenario/scenario.ts');
    let n = 0;
    const deps = { now: () => '2026-11-27T10:00:00.000Z', newId: () => `s-${++n}` };
    const repo = new MemoryScenarioStore();
    const a = newScenario({ name: 'Tab A work' }, deps);
    const b = newScenario({ name: 'Tab B work' }, deps);
    await repo.saveSession({ scenario: a, dirty: true, baseRevision: 0, savedAt: '2026-11-27T10:00:01.000Z' }, 'tab:a');
    await repo.saveSession({ scenario: b, dirty: true, baseRevision: 0, savedAt: '2026-11-27T10:00:05.000Z' }, 'tab:b');
    await repo.saveSession({ scenario: { ...b, name: 'x' } as never, dirty: 'yes' as never, baseRevision: 0, savedAt: '2026-11-27T10:00:09.000Z' }, 'tab:broken');
    const own = await loadSessionState(repo, undefined, 'tab:a');
    expect('state' in own && own.state?.scenario.name).toBe('Tab A work');
    const latest = await loadLatestSessionState(repo, undefined, 'tab:new');
    expect('state' in latest && latest.state?.scenario.name).toBe('Tab B work'); // the broken newer one is skipped
    const none = await loadSessionState(repo, undefined, 'tab:unknown');
    expect(none).toEqual({ state: null });
  });
});
