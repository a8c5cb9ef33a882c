// Structural sharing between two projection results: every part of the new result that equals the
// previous one's is replaced by the previous object, so Svelte sees unchanged rows, paths and badges
// as unchanged (=== ) and re-renders only what a lever actually moved.

/**
 * Returns `next` with every nested array or plain object that deep-equals its counterpart in `prev`
 * replaced by that counterpart; returns `prev` itself when the two are equal throughout. Leaves
 * compare with Object.is. Neither argument is modified.
 */
export function keepUnchanged<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const out = next.map((v, i) => keepUnchanged(prev[i], v));
    return (prev.length === next.length && out.every((v, i) => Object.is(v, prev[i])) ? prev : out) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    const out: Record<string, unknown> = {};
    let same = keys.length === Object.keys(prev).length;
    for (const k of keys) {
      const v = Object.hasOwn(prev, k) ? keepUnchanged(prev[k], next[k]) : next[k];
      out[k] = v;
      if (!Object.hasOwn(prev, k) || !Object.is(v, prev[k])) same = false;
    }
    return (same ? prev : out) as T;
  }
  return next;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  // Object.prototype of any realm (a worker's reply is cloned into this one, a test's may not be).
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
