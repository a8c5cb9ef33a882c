// The Compare tab's state, kept while another tab is shown (the panel unmounts; this does not): the
// chosen scenarios with the style slot each keeps, the chosen indicator, and the projections cached
// by input (at most CACHE_LIMIT, the chosen and last-shown inputs never evicted), each input run once
// on the workspace's on-demand projection after a short quiet time.
import type { IndicatorId, ProjectionRequest, ProjectionResult } from '../model/index.ts';

export type CompareEntry = { ok: true; result: ProjectionResult } | { ok: false; message: string };
export interface ComparePick {
  key: string;
  slot: number;
}
/** One input to project: the option it is for, its cache key and the request. */
export interface CompareInput {
  source: string;
  key: string;
  req: ProjectionRequest;
}

/** Quiet time after the last edit of the working scenario before it is re-projected. */
const DEBOUNCE_MS = 250;
const CACHE_LIMIT = 32;

export class CompareState {
  /** Chosen options in the order they were picked, each with the style slot it keeps while chosen. */
  picks = $state.raw<ComparePick[]>([{ key: 'current', slot: 0 }]);
  indicator = $state<IndicatorId | null>(null);
  cache = $state.raw<Record<string, CompareEntry>>({});
  /** Latest input key that has an entry, per option: shown (marked as updating) while a newer input runs. */
  lastDone = $state.raw<Record<string, string>>({});
  #inFlight = new Set<string>();

  /**
   * Projects every wanted input that has no entry yet, after a short quiet time (so dragging a lever
   * with the working scenario chosen does not queue a run per step on the shared worker). Returns a
   * cancel for the pending start (call it when the wanted set changes again).
   */
  want(wanted: readonly CompareInput[], project: (req: ProjectionRequest) => Promise<ProjectionResult>): () => void {
    const missing = wanted.filter((w) => !(w.key in this.cache) && !this.#inFlight.has(w.key));
    if (missing.length === 0) return () => undefined;
    const keep = () => wanted.map((w) => w.key);
    const timer = setTimeout(() => {
      for (const m of missing) void this.#run(m, project, keep);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }

  /** Forgets these inputs' (failed) entries and runs them again at once. */
  retry(inputs: readonly CompareInput[], project: (req: ProjectionRequest) => Promise<ProjectionResult>): void {
    const drop = new Set(inputs.map((a) => a.key));
    this.cache = Object.fromEntries(Object.entries(this.cache).filter(([k]) => !drop.has(k)));
    for (const a of inputs) void this.#run(a, project, () => inputs.map((i) => i.key));
  }

  /** Picks or drops an option; `live` are the picks whose scenario still exists, at most `max`. */
  toggle(key: string, on: boolean, live: readonly ComparePick[], max: number, exists: (key: string) => boolean): void {
    if (!on) {
      this.picks = this.picks.filter((p) => p.key !== key);
      return;
    }
    if (live.length >= max || this.picks.some((p) => p.key === key)) return;
    const used = new Set(live.map((p) => p.slot));
    const slot = [...Array(max).keys()].find((i) => !used.has(i)) ?? 0;
    this.picks = [...this.picks.filter((p) => exists(p.key)), { key, slot }];
  }

  async #run(input: CompareInput, project: (req: ProjectionRequest) => Promise<ProjectionResult>, chosen: () => string[]): Promise<void> {
    const { source, key, req } = input;
    if (this.#inFlight.has(key) || key in this.cache) return;
    this.#inFlight.add(key);
    let entry: CompareEntry;
    try {
      entry = { ok: true, result: await project(req) };
    } catch (e) {
      entry = { ok: false, message: e instanceof Error ? e.message : String(e) };
    } finally {
      this.#inFlight.delete(key);
    }
    let next = { ...this.cache, [key]: entry };
    const keys = Object.keys(next);
    if (keys.length > CACHE_LIMIT) {
      const keep = new Set([...chosen(), ...Object.values(this.lastDone), key]);
      next = Object.fromEntries(keys.filter((k) => keep.has(k)).map((k) => [k, next[k]!]));
    }
    this.cache = next;
    this.lastDone = { ...this.lastDone, [source]: key };
  }
}
