// The sources registry (about 78 KB) for the Assumptions tab, loaded on first use with a dynamic
// import so it stays out of the start-up bundle. Titles and links are shown as text, never as HTML.

import type { SourceMap } from '../model/registry/source-entry.ts';
import { formatNumber } from '../lib/format.ts';
export type { SourceEntry, SourceMap } from '../model/registry/source-entry.ts';

let pending: Promise<SourceMap> | null = null;

export function loadSources(): Promise<SourceMap> {
  pending ??= import('../model/data/curated/sources.json').then(
    (m) => m.default as unknown as SourceMap,
    (e: unknown) => {
      pending = null; // let a later visit try again
      throw e;
    },
  );
  return pending;
}

/**
 * Loads the source map for a mounted component: `loaded` gets it, `failed` runs when it cannot be
 * loaded, and neither runs once the component is gone. Returns that teardown, for `onMount`.
 */
export function loadSourcesWhileMounted(loaded: (sources: SourceMap) => void, failed: () => void): () => void {
  let live = true;
  loadSources().then(
    (s) => live && loaded(s),
    () => live && failed(),
  );
  return () => {
    live = false;
  };
}

/** Only web links become anchors; anything else is shown as plain text. */
export function safeUrl(url: string | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** A parameter value as written, in the page's language: "100,000", "0.107", "-1.3" ("100 000", "0,107"). */
export function formatParam(value: number): string {
  return formatNumber(value, 4);
}

/** An input step that divides the range's ends and the central value: coarse enough for arrow keys. */
export function paramStep(low: number, central: number, high: number): number {
  const fits = (x: number, s: number) => Math.abs(x / s - Math.round(x / s)) < 1e-9;
  let step = Number((10 ** (Math.floor(Math.log10(high - low)) - 2)).toPrecision(1));
  while (step > 1e-6 && ![low, central, high].every((x) => fits(x, step))) step = Number((step / 10).toPrecision(1));
  return step;
}
