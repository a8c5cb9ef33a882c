// Two-phase projection client for the UI: the central run answers first (its own worker and
// scheduler), and the Monte Carlo band follows on a second worker, so a drag never waits for draws.
// Replies are tagged with the request number of the central run they belong to. The band waits until
// the input has been still for BANDS_SETTLE_MS: during a drag the second core stays with the central
// run and the page, instead of computing draws for positions the lever has already left.
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

export class ProjectionClient {
  #bandTimer: ReturnType<typeof setTimeout> | null = null;
  #bandWaiting: (() => void) | null = null;
  #central: Scheduler<ProjectionRequest, ProjectionResult>;
  #bands: Scheduler<{ req: ProjectionRequest; seq: number }, { result: ProjectionResult; seq: number }>;
  #latestCentral = 0;
  #runners: ModelRunner[];

  constructor(o: ProjectionClientOptions) {
    this.#runners = [o.central, o.bands];
    this.#central = new Scheduler({
      run: (req) => o.central.api.project({ ...req, uncertainty: false }),
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

  /** Requests a projection; returns the request number that its results will carry. */
  request(req: ProjectionRequest): number {
    const seq = this.#central.request(req);
    this.#latestCentral = seq;
    return seq;
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
    this.#central.dispose();
    this.#bands.dispose();
    for (const r of this.#runners) r.terminate();
  }
}
