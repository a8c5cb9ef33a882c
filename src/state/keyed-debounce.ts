// "Recompute shortly after the inputs stop changing, and not at all when they did not change": the
// trade-off curve and the sensitivity share this timing (analysis.svelte.ts).

export class KeyedDebounce {
  readonly #ms: number;
  #key = '';
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(ms: number) {
    this.#ms = ms;
  }

  /**
   * Runs `run` after `ms` without a newer call, replacing any run still waiting. Returns false, and
   * schedules nothing, when `input` equals (as JSON) the input of the previous call.
   */
  schedule(input: unknown, run: () => void): boolean {
    const key = JSON.stringify(input);
    if (key === this.#key) return false;
    this.#key = key;
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      run();
    }, this.#ms);
    return true;
  }

  /** Drops the run still waiting, if any. */
  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
