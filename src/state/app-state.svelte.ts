// Application state: owns the model runner and reports whether the projection worker answers.
import type { ModelRunner } from '../runner/runner.ts';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export class AppState {
  status = $state<EngineStatus>('starting');
  modelVersion = $state<string>('');
  error = $state<string>('');
  #runner: ModelRunner;

  constructor(runner: ModelRunner) {
    this.#runner = runner;
  }

  get runner(): ModelRunner {
    return this.#runner;
  }

  /** Round-trips to the worker once, so the shell can say the engine is ready. */
  async start(): Promise<void> {
    try {
      const reply = await this.#runner.api.echo({ hello: 'pathways' });
      this.modelVersion = reply.modelVersion;
      this.status = 'ready';
    } catch (error) {
      this.status = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  dispose(): void {
    this.#runner.terminate();
  }
}
