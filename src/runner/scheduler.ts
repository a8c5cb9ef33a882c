// Coalescing scheduler: one run in flight, only the newest queued input kept, stale replies dropped.
// A slider drag can fire 60 inputs a second; this turns that into at most one queued run, so the
// worker never builds a backlog and the screen always ends on the result of the last input.

/** A result delivered to the subscriber, tagged with the request number it answers. */
export interface Delivery<I, O> {
  seq: number;
  input: I;
  output: O;
  /** True when no newer request is queued or running: this is the answer to the latest input. */
  latest: boolean;
}

export interface SchedulerOptions<I, O> {
  run: (input: I, seq: number) => Promise<O>;
  onResult: (delivery: Delivery<I, O>) => void;
  onError?: (error: unknown, seq: number) => void;
}

export class Scheduler<I, O> {
  #run: SchedulerOptions<I, O>['run'];
  #onResult: SchedulerOptions<I, O>['onResult'];
  #onError: NonNullable<SchedulerOptions<I, O>['onError']>;
  #nextSeq = 1;
  #inFlight: { seq: number; input: I } | null = null;
  #queued: { seq: number; input: I } | null = null;
  #lastDelivered = 0;
  #runs = 0;
  #disposed = false;
  #idleWaiters: Array<() => void> = [];

  constructor(options: SchedulerOptions<I, O>) {
    this.#run = options.run;
    this.#onResult = options.onResult;
    this.#onError = options.onError ?? ((error) => console.error(error));
  }

  /** Queue a new input; returns its request number. Replaces any input still waiting to run. */
  request(input: I): number {
    if (this.#disposed) throw new Error('Scheduler is disposed');
    const seq = this.#nextSeq++;
    if (this.#inFlight) {
      this.#queued = { seq, input };
    } else {
      this.#start({ seq, input });
    }
    return seq;
  }

  /**
   * Delivers an output already known for `input` (a run answered before, kept by the caller) as the
   * newest request, at once and synchronously: it replaces any input still waiting, and a run still in
   * flight becomes stale (its reply is dropped). Returns its request number.
   */
  resolve(input: I, output: O): number {
    if (this.#disposed) throw new Error('Scheduler is disposed');
    const seq = this.#nextSeq++;
    this.#queued = null;
    this.#lastDelivered = seq;
    this.#onResult({ seq, input, output, latest: true });
    return seq;
  }

  /** Number of runs actually started (for tests and diagnostics). */
  get runs(): number {
    return this.#runs;
  }

  /** The newest request number issued so far. */
  get latestSeq(): number {
    return this.#nextSeq - 1;
  }

  get busy(): boolean {
    return this.#inFlight !== null;
  }

  /** Resolves once nothing is running or queued. */
  idle(): Promise<void> {
    if (!this.#inFlight) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  dispose(): void {
    this.#disposed = true;
    this.#queued = null;
  }

  #start(job: { seq: number; input: I }): void {
    this.#inFlight = job;
    this.#runs++;
    this.#run(job.input, job.seq).then(
      (output) => this.#finish(job, output, undefined),
      (error: unknown) => this.#finish(job, undefined, error ?? new Error('run failed')),
    );
  }

  #finish(job: { seq: number; input: I }, output: O | undefined, error: unknown): void {
    this.#inFlight = null;
    if (this.#disposed) return;
    const next = this.#queued;
    this.#queued = null;
    if (next) this.#start(next);
    // Replies arrive in order with one run in flight, but a reply older than one already shown is
    // stale by definition and must never overwrite a newer picture.
    if (job.seq > this.#lastDelivered) {
      if (error !== undefined) {
        this.#onError(error, job.seq);
      } else {
        this.#lastDelivered = job.seq;
        this.#onResult({ seq: job.seq, input: job.input, output: output as O, latest: next === null });
      }
    }
    if (!this.#inFlight) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
