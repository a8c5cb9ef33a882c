// Protects the healing worker runner (src/runner/healing.ts, issue 14): a worker that errors, is killed
// (stops answering pings) or fails to load is replaced and the running call replayed on the new one;
// after three faults in a row calls fail fast with WorkerFailedError until retry(); model errors pass
// through without a restart; a failed data-chunk load replaces the worker before the next call.
import { describe, expect, it } from 'vitest';
import { Healer, WorkerFailedError, type RunnerHealth, type Spawned } from '../../src/runner/healing.ts';

interface FakeApi {
  work(x: number): Promise<number>;
  ping(): Promise<void>;
}
type Behaviour = 'ok' | 'dead' | 'error-event' | 'model-error' | 'chunk-error';

/** Fake workers: each spawn takes the next behaviour from the list (the last one repeats). */
function fakes(behaviours: Behaviour[]) {
  const spawned: Array<{ behaviour: Behaviour; terminated: boolean }> = [];
  const spawn = (): Spawned<FakeApi> => {
    const behaviour = behaviours[Math.min(spawned.length, behaviours.length - 1)]!;
    const rec = { behaviour, terminated: false };
    spawned.push(rec);
    let onError: (m: string) => void = () => {};
    const never = new Promise<never>(() => {});
    return {
      api: {
        work: (x) => {
          if (behaviour === 'dead') return never;
          if (behaviour === 'error-event') {
            setTimeout(() => onError('failed to load'), 5);
            return never;
          }
          if (behaviour === 'model-error') return Promise.reject(new Error('levers.x: expected a number'));
          if (behaviour === 'chunk-error') return Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/africa.js'));
          return Promise.resolve(x * 2);
        },
        ping: () => (behaviour === 'dead' ? never : Promise.resolve()),
      },
      onError: (l) => (onError = l),
      terminate: () => (rec.terminated = true),
    };
  };
  const health: RunnerHealth[] = [];
  const healer = new Healer<FakeApi>({ spawn, ping: (a) => a.ping(), pingAfterMs: 10, pongWithinMs: 30, coldPongWithinMs: 30, onHealth: (h) => health.push(h) });
  return { healer, spawned, health };
}

describe('Healer', () => {
  it('a killed worker (no answer to pings) is replaced and the call replayed on the new one', async () => {
    const { healer, spawned, health } = fakes(['dead', 'ok']);
    await expect(healer.call((a) => a.work(21))).resolves.toBe(42);
    expect(spawned).toHaveLength(2);
    expect(spawned[0]!.terminated).toBe(true);
    expect(health.map((h) => h.state)).toEqual(['restarting', 'ok']);
  });

  it('a worker error event (failed load) is a fault: restart and replay', async () => {
    const { healer, spawned } = fakes(['error-event', 'ok']);
    await expect(healer.call((a) => a.work(1))).resolves.toBe(2);
    expect(spawned).toHaveLength(2);
  });

  it('three faults in a row give up: WorkerFailedError, no further spawns until retry()', async () => {
    const { healer, spawned, health } = fakes(['dead', 'dead', 'dead', 'ok']);
    await expect(healer.call((a) => a.work(1))).rejects.toBeInstanceOf(WorkerFailedError);
    expect(spawned).toHaveLength(3);
    expect(health.at(-1)).toMatchObject({ state: 'failed', failures: 3 });
    await expect(healer.call((a) => a.work(1))).rejects.toBeInstanceOf(WorkerFailedError);
    expect(spawned).toHaveLength(3);
    healer.retry();
    await expect(healer.call((a) => a.work(5))).resolves.toBe(10);
    expect(healer.health.state).toBe('ok');
  });

  it('a model error passes through unchanged and keeps the worker', async () => {
    const { healer, spawned } = fakes(['model-error']);
    await expect(healer.call((a) => a.work(1))).rejects.toThrow('levers.x: expected a number');
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.terminated).toBe(false);
    expect(healer.health.state).toBe('ok');
  });

  it('a failed chunk load is reported, and the next call runs on a fresh worker (the load is retried)', async () => {
    const { healer, spawned } = fakes(['chunk-error', 'ok']);
    await expect(healer.call((a) => a.work(1))).rejects.toThrow(/dynamically imported/);
    await expect(healer.call((a) => a.work(2))).resolves.toBe(4);
    expect(spawned).toHaveLength(2);
    expect(spawned[0]!.terminated).toBe(true);
  });

  it('a slow call that still answers pings is not a fault', async () => {
    let release: (v: number) => void = () => {};
    const spawn = (): Spawned<FakeApi> => ({
      api: { work: () => new Promise<number>((r) => (release = r)), ping: () => Promise.resolve() },
      onError: () => {},
      terminate: () => {},
    });
    const healer = new Healer<FakeApi>({ spawn, ping: (a) => a.ping(), pingAfterMs: 5, pongWithinMs: 20 });
    const p = healer.call((a) => a.work(0));
    await new Promise((r) => setTimeout(r, 120));
    release(7);
    await expect(p).resolves.toBe(7);
    expect(healer.health.failures).toBe(0);
  });
});

describe('Healer: a fresh worker\'s first calls', () => {
  it('get the longer cold deadline (a slow first compile is not death); later calls the short one', async () => {
    let spawns = 0;
    const spawn = (): Spawned<FakeApi> => {
      spawns++;
      let first = true;
      return {
        api: {
          // The first call blocks the "worker" (no pong) for 80 ms, then answers; later calls never answer.
          work: (x) => (first ? ((first = false), new Promise<number>((r) => setTimeout(() => r(x), 80))) : new Promise<number>(() => {})),
          ping: () => new Promise<void>((r) => setTimeout(r, first ? 80 : 1e9)),
        },
        onError: () => {},
        terminate: () => {},
      };
    };
    const healer = new Healer<FakeApi>({ spawn, ping: (a) => a.ping(), pingAfterMs: 5, pongWithinMs: 20, coldPongWithinMs: 500, coldCalls: 1, maxFailures: 2 });
    await expect(healer.call((a) => a.work(3))).resolves.toBe(3);
    expect(spawns).toBe(1);
    // The second call on the same worker has the short deadline: it is a fault, restarted on a fresh worker.
    await expect(healer.call((a) => a.work(4))).resolves.toBe(4);
    expect(spawns).toBe(2);
  });
});
