// The geometry of one lever strip on the workshop board, shared by the on-screen strips
// (WorkshopStrips.svelte) and the exported board (charts/export-workshop.ts): the strip's box and where
// a lever value falls on it (a value snapped to the lever's step: snapLever in the lever registry).
import { LEVER_BY_ID, type LeverId } from '../model/registry/levers.ts';

export const STRIP = { W: 320, H: 30, PAD: 8 } as const;

/** Where a lever value falls on a strip `width` wide (the on-screen strip's own width by default). */
export function stripX(lever: LeverId, v: number, width: number = STRIP.W, pad: number = STRIP.PAD): number {
  const l = LEVER_BY_ID[lever];
  return pad + ((v - l.min) / Math.max(1e-9, l.max - l.min)) * (width - 2 * pad);
}
