// Protects the analysis panel's timing (trade-off curve, sensitivity): a burst of changes runs once,
// with the last input, after the quiet period; an unchanged input runs nothing; dispose drops a
// waiting run.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedDebounce } from '../../src/state/keyed-debounce.ts';

describe('KeyedDebounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last input, after the inputs stop changing', () => {
    const d = new KeyedDebounce(300);
    const ran: number[] = [];
    for (const n of [1, 2, 3]) expect(d.schedule({ n }, () => ran.push(n))).toBe(true);
    vi.advanceTimersByTime(299);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([3]);
  });

  it('schedules nothing for an input equal to the previous one, even after it ran', () => {
    const d = new KeyedDebounce(300);
    const ran: string[] = [];
    expect(d.schedule({ a: 1 }, () => ran.push('first'))).toBe(true);
    expect(d.schedule({ a: 1 }, () => ran.push('again'))).toBe(false);
    vi.advanceTimersByTime(300);
    expect(d.schedule({ a: 1 }, () => ran.push('after'))).toBe(false);
    vi.advanceTimersByTime(300);
    expect(ran).toEqual(['first']);
    expect(d.schedule({ a: 2 }, () => ran.push('changed'))).toBe(true);
    vi.advanceTimersByTime(300);
    expect(ran).toEqual(['first', 'changed']);
  });

  it('cancel drops the waiting run', () => {
    const d = new KeyedDebounce(300);
    const ran: number[] = [];
    d.schedule(1, () => ran.push(1));
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual([]);
  });
});
