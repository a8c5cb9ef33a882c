// Protects "a key press shows its answer in its own frame": the central worker's answers are kept by
// request, a lever's neighbouring steps can be asked for ahead, and a request whose answer is kept is
// delivered before request() returns, without another run; everything else goes to the worker.
import { describe, expect, it } from 'vitest';
import { ProjectionClient, ANSWER_CACHE_SIZE } from '../../src/runner/projection-client.ts';
import type { ModelRunner } from '../../src/runner/runner.ts';
import type { ProjectionRequest, ProjectionResult } from '../../src/model/index.ts';

function fakeRunner() {
  const calls: ProjectionRequest[] = [];
  const runner = {
    api: {
      project: (req: ProjectionRequest) => {
        calls.push(req);
        const lever = req.levers?.networkRollout;
        const answer = typeof lever === 'number' ? lever : (lever?.value ?? 0);
        return new Promise((r) => setTimeout(() => r({ answer, uncertainty: req.uncertainty } as unknown as ProjectionResult), 2));
      },
    },
    terminate() {},
  } as unknown as ModelRunner;
  return { runner, calls };
}

const req = (v: number): ProjectionRequest => ({ geography: 'world', levers: { networkRollout: { value: v } }, overrides: {}, seed: 1, draws: 10 });

function client() {
  const central = fakeRunner();
  const bands = fakeRunner();
  const got: Array<{ seq: number; answer: number; latest: boolean }> = [];
  const c = new ProjectionClient({
    central: central.runner,
    bands: bands.runner,
    onCentral: (r, seq, latest) => got.push({ seq, answer: (r as unknown as { answer: number }).answer, latest }),
    onBands: () => {},
    onBandsPending: () => {},
    onError: (e) => {
      throw e;
    },
  });
  return { c, central, got };
}

describe('ProjectionClient answer cache', () => {
  it('a prefetched neighbour is delivered synchronously, as the latest, without running again', async () => {
    const { c, central, got } = client();
    c.request(req(5));
    c.prefetch([req(4), req(6)]);
    await c.idle();
    await new Promise((r) => setTimeout(r, 20));
    expect(central.calls.length).toBe(3);
    expect(central.calls.every((q) => q.uncertainty === false)).toBe(true);
    const seq = c.request(req(6));
    expect(got.at(-1)).toEqual({ seq, answer: 6, latest: true });
    expect(central.calls.length).toBe(3);
    // going back: 5 was the worker's own answer, also kept
    const back = c.request(req(5));
    expect(got.at(-1)).toEqual({ seq: back, answer: 5, latest: true });
    expect(central.calls.length).toBe(3);
    c.dispose();
  });

  it('an unknown request goes to the worker; prefetch skips what is kept or already asked for; the cache is bounded', async () => {
    const { c, central, got } = client();
    c.prefetch([req(1), req(1)]);
    c.prefetch([req(1)]);
    expect(central.calls.length).toBe(1);
    const seq = c.request(req(2));
    expect(got.length).toBe(0); // not known: answered later by the worker
    await c.idle();
    expect(got.at(-1)).toEqual({ seq, answer: 2, latest: true });
    c.prefetch(Array.from({ length: ANSWER_CACHE_SIZE + 5 }, (_, i) => req(100 + i)));
    await new Promise((r) => setTimeout(r, 200));
    const before = central.calls.length;
    c.request(req(1)); // evicted: the oldest answers went first
    expect(central.calls.length).toBe(before + 1);
    c.dispose();
  });
});
