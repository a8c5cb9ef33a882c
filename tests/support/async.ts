// Test helper for promises that must fail: the error they reject with.

/** Awaits a promise that must reject and returns its error; throws when it resolves instead. */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}
