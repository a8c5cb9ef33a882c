// Two-phase projection client for the UI: the central run answers first (its own worker and
// scheduler), and the Monte Carlo band follows on a second worker, so a drag never waits for draws.
// Replies are tagged with the request number of the central run they belong to.
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

export class ProjectionClient {
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
          this.#bands.request({ req: d.input, seq: d.seq });
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
    await this.#bands.idle();
  }

  dispose(): void {
    this.#central.dispose();
    this.#bands.dispose();
    for (const r of this.#runners) r.terminate();
  }
}
