// Seeded pseudo-random numbers (mulberry32) and the triangular draws of the Monte Carlo.

/** A deterministic generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse CDF of the triangular distribution on [lo, hi] with mode c, at u in [0, 1). */
export function triangular(u: number, lo: number, c: number, hi: number): number {
  if (hi <= lo) return c;
  const fc = (c - lo) / (hi - lo);
  return u < fc ? lo + Math.sqrt(u * (hi - lo) * (c - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - c));
}

/** Two independent standard normal draws (Box–Muller) into out[0], out[1]. */
export function normalPair(rand: () => number, out: Float64Array): void {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  const r = Math.sqrt(-2 * Math.log(u));
  out[0] = r * Math.cos(2 * Math.PI * v);
  out[1] = r * Math.sin(2 * Math.PI * v);
}
