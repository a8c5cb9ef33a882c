// Storage problems the planner must not miss, kept apart from passing notices: every stored record
// that could not be read (all of them, not the first), whether work is only in memory, and the
// beforeunload guard that asks before a reload or close would lose work not yet written to disk.

export interface CorruptRecord {
  id: string;
  message: string;
}

export class StorageHealth {
  /** Every stored record restore refused this visit (each id once). */
  corrupt = $state.raw<CorruptRecord[]>([]);
  /** Why work is only in memory ('' when storage works). */
  memoryOnly = $state('');

  /** Records one unreadable record; repeats of the same id are merged. */
  reportCorrupt(id: string, message: string): void {
    if (this.corrupt.some((c) => c.id === id)) return;
    this.corrupt = [...this.corrupt, { id, message }];
  }

  dismissCorrupt(): void {
    this.corrupt = [];
  }
}

/**
 * Asks before the page unloads while `atRisk()` says work would be lost (memory-only storage, or an
 * autosave not yet written). Returns the function that removes the guard.
 */
export function installUnloadGuard(atRisk: () => boolean, flush: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    flush();
    if (!atRisk()) return;
    e.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
