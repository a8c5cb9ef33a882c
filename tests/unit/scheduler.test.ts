// Protects the "a drag never builds a backlog" guarantee: one run in flight, only the newest input
// queued, and the screen always ends on the answer to the last input.
import { describe, expect, it } from 'vitest';
import { Scheduler, type Delivery } from '../../src/runner/scheduler.ts';

function deferredRunner() {
  const started: number[] = [];
  const run = (input: number) =>
    new Promise<number>((resolve) => {
      started.push(input);
      setTimeout(() => resolve(input * 10), 5);
    });
  return { run, started };
}

describe('Scheduler', () => {
  it('runs at most 3 times for a burst of 100 requests and answers the last one last', async () => {
    const { run, started } = deferredRunner();
    const delivered: Delivery<number, number>[] = [];
    const s = new Scheduler<number, number>({ run, onResult: (d) => delivered.push(d) });
    let lastSeq = 0;
    for (let i = 1; i <= 100; i++) lastSeq = s.request(i);
    await s.idle();
    expect(s.runs).toBeLessThanOrEqual(3);
    expect(started.length).toBe(s.runs);
    const last = delivered.at(-1);
    expect(last?.seq).toBe(lastSeq);
    expect(last?.input).toBe(100);
    expect(last?.output).toBe(1000);
    expect(last?.latest).toBe(true);
    // every earlier delivery is flagged as not the latest
    expect(delivered.slice(0, -1).every((d) => !d.latest)).toBe(true);
  });

  it('never delivers results out of order, even when runs finish in reverse', async () => {
    const delays = [30, 1, 1, 1];
    let call = 0;
    const delivered: number[] = [];
    const s = new Scheduler<number, number>({
      run: (input) => new Promise((r) => setTimeout(() => r(input), delays[call++] ?? 1)),
      onResult: (d) => delivered.push(d.seq),
    });
    s.request(1);
    s.request(2);
    s.request(3);
    await s.idle();
    expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
    expect(delivered.at(-1)).toBe(3);
  });

  it('reports a failed run to onError and keeps serving later requests', async () => {
    const errors: number[] = [];
    const results: number[] = [];
    const s = new Scheduler<number, number>({
      run: (input) => (input === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(input)),
      onResult: (d) => results.push(d.output),
      onError: (_e, seq) => errors.push(seq),
    });
    s.request(1);
    await s.idle();
    s.request(2);
    await s.idle();
    expect(errors).toEqual([1]);
    expect(results).toEqual([2]);
  });

  it('runs each request once when requests arrive slower than runs finish', async () => {
    const { run } = deferredRunner();
    const delivered: number[] = [];
    const s = new Scheduler<number, number>({ run, onResult: (d) => delivered.push(d.input) });
    for (let i = 1; i <= 3; i++) {
      s.request(i);
      await s.idle();
    }
    expect(s.runs).toBe(3);
    expect(delivered).toEqual([1, 2, 3]);
  });
});

describe('Scheduler.resolve (an answer already known)', () => {
  it('delivers at once as the latest, drops what was queued, and a run still in flight comes back stale', async () => {
    const delivered: Delivery<number, number>[] = [];
    const s = new Scheduler<number, number>({ run: (input) => new Promise((r) => setTimeout(() => r(input * 10), 5)), onResult: (d) => delivered.push(d) });
    s.request(1); // in flight
    s.request(2); // queued
    const seq = s.resolve(3, 30);
    expect(delivered).toEqual([{ seq, input: 3, output: 30, latest: true }]);
    await s.idle();
    // 1's reply is older than the answer shown; 2 never ran
    expect(delivered.map((d) => d.input)).toEqual([3]);
    expect(s.runs).toBe(1);
  });
});
