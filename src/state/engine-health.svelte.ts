// What the screen says about the projection engine: current, out of date (a reply is overdue, or a
// worker is being restarted), or failed after three restarts (with Retry). Fed by the Workspace
// (requests and answers) and by the healing runners' health reports (src/runner/healing.ts).
import type { RunnerHealth } from '../runner/healing.ts';
import type { ModelRunner } from '../runner/runner.ts';
import type { HealingRunner } from '../runner/worker-runner.ts';

/** Numbers count as out of date once a request has waited this long with no answer (normal runs take tens of ms). */
export const STALE_AFTER_MS = 200;

const OK: RunnerHealth = { state: 'ok', failures: 0, message: '' };
const isHealing = (r: ModelRunner): r is HealingRunner => typeof (r as Partial<HealingRunner>).onHealth === 'function';

export class EngineHealth {
  /** A request has waited longer than STALE_AFTER_MS. */
  overdue = $state(false);
  central = $state.raw<RunnerHealth>(OK);
  bands = $state.raw<RunnerHealth>(OK);
  readonly failed = $derived(this.central.state === 'failed' || this.bands.state === 'failed');
  readonly restarting = $derived(this.central.state === 'restarting' || this.bands.state === 'restarting');
  /** Every number on screen is out of date: mark it so. */
  readonly stale = $derived(this.overdue || this.central.state !== 'ok');

  #timer: ReturnType<typeof setTimeout> | null = null;
  #runners: HealingRunner[] = [];
  #unsubscribe: Array<() => void> = [];

  constructor(central: ModelRunner, bands: ModelRunner) {
    for (const [runner, key] of [[central, 'central'], [bands, 'bands']] as const) {
      if (!isHealing(runner)) continue;
      this.#runners.push(runner);
      this.#unsubscribe.push(runner.onHealth((h) => (this[key] = h)));
    }
  }

  /** A request went out: if nothing answers soon, the numbers are out of date. */
  requested(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.overdue = true;
    }, STALE_AFTER_MS);
  }

  /** An answer came: the numbers are current again (if newer input is waiting, its clock starts now). */
  answered(latest: boolean): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.overdue = false;
    if (!latest) this.requested();
  }

  /** Starts the failed runners afresh. */
  retry(): void {
    for (const r of this.#runners) if (r.health.state === 'failed') r.retry();
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const u of this.#unsubscribe) u();
  }
}
