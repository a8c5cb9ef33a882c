// A worker that heals. Promises: every call either answers or fails within bounded time; a worker
// that errors, stops answering (killed, crashed, hung) or fails to load is terminated, a fresh one is
// started and the call that was running is replayed on it; after `maxFailures` faults in a row the
// runner stops restarting and every call fails fast with WorkerFailedError until retry(). A worker
// whose code-split data chunk failed to load is replaced before the next call (browsers remember a
// failed module fetch for the life of the worker). Health changes are reported to the UI.

/** One live worker as the healer sees it (browser: a Web Worker behind comlink; tests: a fake). */
export interface Spawned<Api> {
  api: Api;
  /** Registers the listener for the worker's own error events (failed load, uncaught error). */
  onError(listener: (message: string) => void): void;
  terminate(): void;
}

export type HealthState = 'ok' | 'restarting' | 'failed';

export interface RunnerHealth {
  state: HealthState;
  /** Faults in a row (0 after any good answer). */
  failures: number;
  /** What went wrong last, for the error message ('' when ok). */
  message: string;
}

export interface HealingOptions<Api> {
  spawn: () => Spawned<Api>;
  /** A cheap call the worker answers at once when it is alive (the model's echo). */
  ping: (api: Api) => Promise<unknown>;
  /** How long a call may go unanswered before the worker is pinged (ms). */
  pingAfterMs: number;
  /** How long a ping may take before the worker counts as dead (ms); its longest synchronous run must fit. */
  pongWithinMs: number;
  /**
   * The same for a fresh worker's first calls (default 20 s): loading the module, fetching data and the
   * first compile run synchronously for longer, much longer on a busy machine, and must not count as death.
   */
  coldPongWithinMs?: number;
  /** How many calls on a fresh worker get coldPongWithinMs (default 2). */
  coldCalls?: number;
  /** Faults in a row before giving up and asking the user to retry. */
  maxFailures?: number;
  onHealth?: (h: RunnerHealth) => void;
  /** Timers (tests). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

/** Thrown by every call once the worker has failed `maxFailures` times in a row; retry() clears it. */
export class WorkerFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailedError';
  }
}

/** The live worker, the fault listeners of the calls it is running, and how many calls it has had. */
interface Live<Api> {
  spawned: Spawned<Api>;
  faults: Array<(m: string) => void>;
  calls: number;
}

/** A fault of the worker itself, as opposed to an error the model returned (which passes through). */
class WorkerFault extends Error {}

const CHUNK_LOAD_FAILURE = /dynamically imported module|Importing a module script failed|error loading dynamically imported|Failed to fetch/i;

export class Healer<Api> {
  readonly #o: Required<Pick<HealingOptions<Api>, 'maxFailures' | 'setTimer' | 'clearTimer'>> & HealingOptions<Api>;
  #current: Live<Api> | null = null;
  #health: RunnerHealth = { state: 'ok', failures: 0, message: '' };
  #replaceBeforeNext = false;

  constructor(options: HealingOptions<Api>) {
    this.#o = {
      maxFailures: 3,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  get health(): RunnerHealth {
    return this.#health;
  }

  /** The live worker's API, started if needed (for callers that pass comlink proxies themselves). */
  get api(): Api {
    return this.#worker().spawned.api;
  }

  /**
   * Runs `call` on the live worker; on a fault, restarts the worker and replays the call, up to
   * maxFailures faults in a row. Errors the model itself returns are passed through unchanged.
   */
  async call<T>(call: (api: Api) => Promise<T>): Promise<T> {
    for (;;) {
      if (this.#health.state === 'failed') throw new WorkerFailedError(this.#health.message);
      if (this.#replaceBeforeNext) {
        this.#replaceBeforeNext = false;
        this.#drop();
      }
      const w = this.#worker();
      try {
        const out = await this.#watch(w, call);
        if (this.#health.failures > 0 || this.#health.state !== 'ok') this.#set({ state: 'ok', failures: 0, message: '' });
        return out;
      } catch (e) {
        if (!(e instanceof WorkerFault)) {
          if (e instanceof Error && CHUNK_LOAD_FAILURE.test(e.message)) this.#replaceBeforeNext = true;
          throw e;
        }
        if (this.#current === w) this.#drop();
        const failures = this.#health.failures + 1;
        if (failures >= this.#o.maxFailures) {
          this.#set({ state: 'failed', failures, message: e.message });
          throw new WorkerFailedError(e.message);
        }
        this.#set({ state: 'restarting', failures, message: e.message });
      }
    }
  }

  /** After a give-up: start afresh (the next call starts a new worker). */
  retry(): void {
    this.#drop();
    this.#set({ state: 'ok', failures: 0, message: '' });
  }

  terminate(): void {
    this.#drop();
  }

  #set(h: RunnerHealth): void {
    this.#health = h;
    this.#o.onHealth?.(h);
  }

  #worker(): Live<Api> {
    if (this.#current) return this.#current;
    const spawned = this.#o.spawn();
    const entry: Live<Api> = { spawned, faults: [], calls: 0 };
    spawned.onError((m) => {
      for (const f of entry.faults) f(m);
    });
    this.#current = entry;
    return entry;
  }

  #drop(): void {
    const w = this.#current;
    this.#current = null;
    if (w) {
      for (const f of w.faults) f('the projection engine was restarted');
      w.spawned.terminate();
    }
  }

  /** The call, raced against the worker's error events and a liveness ping while it is unanswered. */
  #watch<T>(w: Live<Api>, call: (api: Api) => Promise<T>): Promise<T> {
    const { setTimer, clearTimer, pingAfterMs, ping } = this.#o;
    const cold = w.calls++ < (this.#o.coldCalls ?? 2);
    const pongWithinMs = cold ? Math.max(this.#o.pongWithinMs, this.#o.coldPongWithinMs ?? 20_000) : this.#o.pongWithinMs;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      let pingTimer: unknown = null;
      let pongTimer: unknown = null;
      const finish = (fn: () => void) => {
        if (done) return;
        done = true;
        if (pingTimer !== null) clearTimer(pingTimer);
        if (pongTimer !== null) clearTimer(pongTimer);
        w.faults.splice(w.faults.indexOf(onFault) >>> 0, 1);
        fn();
      };
      const onFault = (m: string) => finish(() => reject(new WorkerFault(m)));
      w.faults.push(onFault);
      const schedulePing = () => {
        pingTimer = setTimer(() => {
          pingTimer = null;
          pongTimer = setTimer(() => onFault('the projection engine stopped answering'), pongWithinMs);
          ping(w.spawned.api).then(
            () => {
              if (done) return;
              if (pongTimer !== null) clearTimer(pongTimer);
              pongTimer = null;
              schedulePing();
            },
            () => onFault('the projection engine stopped answering'),
          );
        }, pingAfterMs);
      };
      schedulePing();
      let p: Promise<T>;
      try {
        p = call(w.spawned.api);
      } catch (e) {
        finish(() => reject(e));
        return;
      }
      p.then(
        (v) => finish(() => resolve(v)),
        (e: unknown) => finish(() => reject(e)),
      );
    });
  }
}
