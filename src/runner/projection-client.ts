// Two-phase projection client for the UI: the central run answers first (its own worker and
// scheduler), and the Monte Carlo band follows on a second worker, so a drag never waits for draws.
// Replies are tagged with the request number of the central run they belong to. The band waits until
// the input has been still for BANDS_SETTLE_MS: during a drag the second core stays with the central
// run and the page, instead of computing draws for positions the lever has already left. Central
// answers are kept by request, and a lever's neighbouring steps are asked for ahead (prefetch), so a
// key press whose answer is known is shown in its own frame.
import type { ProjectionRequest, ProjectionResult } from '../model/index.ts';
import type { ModelRunner } from './runner.ts';
import { Scheduler, type Delivery } from './scheduler.ts';

export interface ProjectionClientOptions {
  central: ModelRunner;
  bands: ModelRunner;
  onCentral: (result: ProjectionResult, seq: number, latest: boolean) => void;
  onBands: (result: ProjectionResult, seq: number) => void;
  onBandsPending: (seq: number) => void;
  onError: (error: unknown, phase: 'central' | 'bands') => void;
}

/** How long the input must be still before the Monte Carlo band is asked for. */
export const BANDS_SETTLE_MS = 120;

/** Central answers kept by request (the worker's own replies, and the neighbours asked for ahead). */
export const ANSWER_CACHE_SIZE = 24;

/** The cache key of a request: the request as sent (plain data, built in one order by Workspace.toRequest). */
export function requestKey(req: ProjectionRequest): string {
  return JSON.stringify(req);
}

export class ProjectionClient {
  #bandTimer: ReturnType<typeof setTimeout> | null = null;
  #bandWaiting: (() => void) | null = null;
  #central: Scheduler<ProjectionRequest, ProjectionResult>;
  #bands: Scheduler<{ req: ProjectionRequest; seq: number }, { result: ProjectionResult; seq: number }>;
  #latestCentral = 0;
  #runners: ModelRunner[];
  /**
   * The central worker's answers by request, newest last. A key press moves a lever by one step: when
   * the answer for the new position is already here (asked for ahead by prefetch(), or answered before),
   * it is shown in the same frame as the key press, instead of one frame later. Chromium defers every
   * task after a discrete input (key, click) until the next frame is drawn, so a worker's reply, however
   * quick, always lands one frame after the key. The answers are the worker's own: nothing is computed here.
   */
  #answers = new Map<string, ProjectionResult>();
  #prefetching = new Set<string>();
  #centralRunner: ModelRunner;

  constructor(o: ProjectionClientOptions) {
    this.#runners = [o.central, o.bands];
    this.#centralRunner = o.central;
    this.#central = new Scheduler({
      run: async (req) => this.#keep(req, await o.central.api.project({ ...req, uncertainty: false })),
      onResult: (d: Delivery<ProjectionRequest, ProjectionResult>) => {
        o.onCentral(d.output, d.seq, d.latest);
        if (d.latest) {
          o.onBandsPending(d.seq);
          if (this.#bandTimer) clearTimeout(this.#bandTimer);
          this.#bandTimer = setTimeout(() => {
            this.#bandTimer = null;
            // Still the newest input: ask for its band (a newer one restarts the wait).
            if (d.seq === this.#latestCentral) this.#bands.request({ req: d.input, seq: d.seq });
            this.#bandWaiting?.();
            this.#bandWaiting = null;
          }, BANDS_SETTLE_MS);
        }
      },
      onError: (e) => o.onError(e, 'central'),
    });
    this.#bands = new Scheduler({
      run: async ({ req, seq }) => ({ result: await o.bands.api.project({ ...req, uncertainty: true }), seq }),
      onResult: (d) => {
        // A band for an input that has since changed would show the wrong picture: drop it.
        if (d.output.seq === this.#latestCentral) o.onBands(d.output.result, d.output.seq);
      },
      onError: (e) => o.onError(e, 'bands'),
    });
  }

  /**
   * Requests a projection; returns the request number that its results will carry. An answer already
   * kept for this very request is delivered at once (before this returns); the band follows as usual.
   */
  request(req: ProjectionRequest): number {
    const known = this.#answers.get(requestKey(req));
    const seq = known ? this.#central.resolve(req, known) : this.#central.request(req);
    this.#latestCentral = seq;
    return seq;
  }

  /**
   * Asks the central worker, ahead of time, for requests the user is likely to make next (a lever's
   * neighbouring steps), unless already kept or asked for. They queue behind the running request in the
   * worker and change nothing on screen; a failure is ignored (the request then simply runs when made).
   */
  prefetch(reqs: readonly ProjectionRequest[]): void {
    for (const req of reqs) {
      const key = requestKey(req);
      if (this.#answers.has(key) || this.#prefetching.has(key)) continue;
      this.#prefetching.add(key);
      this.#centralRunner.api.project({ ...req, uncertainty: false }).then(
        (result) => {
          this.#prefetching.delete(key);
          this.#keep(req, result);
        },
        () => this.#prefetching.delete(key),
      );
    }
  }

  /** Keeps a central answer (the oldest goes when the cache is full); returns it. */
  #keep(req: ProjectionRequest, result: ProjectionResult): ProjectionResult {
    const key = requestKey(req);
    this.#answers.delete(key);
    this.#answers.set(key, result);
    if (this.#answers.size > ANSWER_CACHE_SIZE) this.#answers.delete(this.#answers.keys().next().value as string);
    return result;
  }

  /** The request number that the next request() will return. */
  get nextSeq(): number {
    return this.#central.latestSeq + 1;
  }

  async idle(): Promise<void> {
    await this.#central.idle();
    if (this.#bandTimer) await new Promise<void>((done) => (this.#bandWaiting = done));
    await this.#bands.idle();
  }

  dispose(): void {
    if (this.#bandTimer) clearTimeout(this.#bandTimer);
    this.#answers.clear();
    this.#central.dispose();
    this.#bands.dispose();
    for (const r of this.#runners) r.terminate();
  }
}
