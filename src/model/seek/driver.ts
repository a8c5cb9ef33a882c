// The cooperative driver: a search is a generator whose every `yield` is a point where it may pause;
// the driver runs it in ~20 ms slices, yields to the event loop between them so a cancel can arrive,
// reports progress, and keeps the registry of running searches that cancelSeek(id) stops.
import { ModelInputError } from '../errors.ts';
import { SeekCancelled, type SeekPhase, type SeekProgress } from './types.ts';

interface TimerHost {
  setTimeout(cb: () => void, ms: number): unknown;
  performance?: { now(): number };
}
const host = globalThis as unknown as TimerHost;
export const now = (): number => (host.performance ? host.performance.now() : Date.now());
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => host.setTimeout(resolve, 0));
const SLICE_MS = 20;

interface Token {
  cancelled: boolean;
}
const running = new Map<string, Token>();

/** Cancels the running search (goal seek or trade-off curve) with this id; false if none is running. */
export function cancelSeek(id: string): boolean {
  const t = running.get(id);
  if (!t) return false;
  t.cancelled = true;
  return true;
}

export interface Checkpoint {
  phase: SeekPhase;
  fraction: number;
  bestCost: number | null;
}


/** A search phase: yields checkpoints, returns its result. */
export type Search<T> = Generator<Checkpoint, T, void>;

/** Calls a progress callback; a failing (or rejecting, when proxied) callback never stops the search. */
function notify(onProgress: ((p: SeekProgress) => unknown) | undefined, p: SeekProgress): void {
  if (!onProgress) return;
  try {
    const r = onProgress(p);
    if (r instanceof Promise) r.catch(() => undefined);
  } catch {
    // ignored
  }
}

/**
 * Runs a search, yielding to the event loop every ~20 ms so a cancel can arrive, and reporting
 * progress at each pause and phase change (fractions never decrease); ends with fraction 1.
 */
async function drive<T>(gen: Search<T>, token: Token, id: string, onProgress: ((p: SeekProgress) => unknown) | undefined, final: (r: T) => Checkpoint): Promise<T> {
  let last = now();
  let fraction = 0;
  let phase: SeekPhase | null = null;
  const report = (c: Checkpoint): void => {
    fraction = Math.max(fraction, Math.min(1, c.fraction));
    notify(onProgress, { phase: c.phase, fraction, bestCost: c.bestCost });
  };
  for (;;) {
    const r = gen.next();
    if (r.done) {
      const c = final(r.value);
      report({ ...c, phase: phase ?? c.phase, fraction: 1 });
      return r.value;
    }
    const c = r.value;
    const t = now();
    if (c.phase !== phase || t - last >= SLICE_MS) {
      phase = c.phase;
      report(c);
      if (t - last >= SLICE_MS) {
        await yieldToEventLoop();
        last = now();
        if (token.cancelled) throw new SeekCancelled(id);
      }
    }
  }
}

/** A registered search: its id, a cancellation check, and the driver bound to its cancel token. */
export interface SearchRun {
  readonly id: string;
  /** Throws SeekCancelled when cancelSeek(id) has been called. */
  checkCancelled(): void;
  drive<T>(gen: Search<T>, onProgress: ((p: SeekProgress) => unknown) | undefined, final: (r: T) => Checkpoint): Promise<T>;
}

/**
 * Registers a search under the request's id (when it has one) so cancelSeek(id) can stop it, runs
 * `body`, and unregisters it however the body ends. The one cancellation preamble of every search.
 */
export async function withCancellation<T>(reqId: unknown, body: (run: SearchRun) => Promise<T>): Promise<T> {
  const id = reqId === undefined ? '' : reqId;
  if (typeof id !== 'string') throw new ModelInputError('id', 'a string', reqId);
  const token: Token = { cancelled: false };
  if (reqId !== undefined) running.set(id, token);
  try {
    return await body({
      id,
      checkCancelled: () => {
        if (token.cancelled) throw new SeekCancelled(id);
      },
      drive: (gen, onProgress, final) => drive(gen, token, id, onProgress, final),
    });
  } finally {
    if (reqId !== undefined && running.get(id) === token) running.delete(id);
  }
}
