// The storage adapter the app talks to (ScenarioRepository), and openRepository(): IndexedDB when the
// browser allows it, otherwise an in-memory store so the planner can keep working, with the failure
// reported once so the UI can say what is (not) being kept.
import type { Scenario } from '../scenario/types.ts';
import type { SaveAllResult } from './records.ts';
import type { SessionState } from './autosave.ts';
import type { DeckRecord, OpenDbOptions } from './db.ts';
import { StorageFailure, toStorageFailure } from './failure.ts';
import { MemoryScenarioStore } from './memory-store.ts';
import type { DuplicateOptions, RestoreFn, SaveResult } from './records.ts';
import { ScenarioStore } from './scenario-store.ts';

/** Options shared by both repositories. */
export interface RepositoryOptions {
  /** The one door for stored records; defaults to src/scenario/restore.ts `restore`. */
  restore?: RestoreFn;
  /** Clock for `updatedAt` (ISO 8601); defaults to the current time. */
  now?: () => string;
  /** Called for each stored record that restore rejects; the record is skipped, never deleted. */
  onCorrupt?: (id: string, message: string) => void;
}

/**
 * The scenario library, the autosaved session and the deck. Implemented by ScenarioStore (IndexedDB) and
 * MemoryScenarioStore (fallback); both have the same revision and conflict rules. Every method that
 * touches storage rejects only with StorageFailure. Writes never overwrite a newer revision: a stale
 * `expectedRevision` returns `{ ok: false, conflict }` and changes nothing.
 */
export interface ScenarioRepository {
  /** Where the data lives: `memory` means nothing survives a reload. */
  readonly backend: 'indexeddb' | 'memory';
  /** Every readable scenario, newest `updatedAt` first; corrupt records are skipped and reported. */
  list(): Promise<Scenario[]>;
  /** One scenario, or undefined if absent (or corrupt, which is reported). */
  get(id: string): Promise<Scenario | undefined>;
  /**
   * Saves if the stored revision is `expectedRevision` (0 for a new scenario): writes `revision + 1`
   * and a new `updatedAt`, in one transaction with the check. Returns the saved scenario or the conflict.
   */
  save(scenario: Scenario, options: { expectedRevision: number }): Promise<SaveResult>;
  /** Renames with the same revision check as save. */
  rename(id: string, name: string, expectedRevision: number): Promise<SaveResult>;
  /** Writes a copy ("Copy of …", revision 1); undefined if the source no longer exists. */
  duplicate(id: string, options: DuplicateOptions): Promise<Scenario | undefined>;
  /** Deletes and returns the scenario as it was stored (keep it for undo); undefined if absent. */
  delete(id: string): Promise<Scenario | undefined>;
  /**
   * Undo of delete: writes the scenario back exactly as given (same revision and times). If a scenario
   * with that id exists again, nothing is written and the conflict is returned.
   */
  restoreDeleted(scenario: Scenario): Promise<SaveResult>;
  /**
   * Saves several scenarios all or nothing (an import): each with the revision it expects to replace
   * (0 for a new one). On the first conflict nothing at all is written and that conflict is returned.
   */
  saveAll(items: ReadonlyArray<{ scenario: Scenario; expectedRevision: number }>): Promise<SaveAllResult>;
  /** Writes the autosave record (see autosave.ts). */
  saveSession(state: SessionState, key?: string): Promise<void>;
  /** The autosave record as stored, unchecked: read it with loadSessionState(), which restores it. */
  loadSession(key?: string): Promise<unknown>;
  /** Every autosave record (one per browser tab), unchecked. */
  loadAllSessions(): Promise<Array<{ key: string; raw: unknown }>>;
  /** Deletes the autosave record. */
  clearSession(key?: string): Promise<void>;
  /** Stores the presentation deck (scenario ids in order) and returns the record written. */
  saveDeck(ids: readonly string[]): Promise<DeckRecord>;
  /** The presentation deck, or undefined if none was saved (or it is unreadable). */
  loadDeck(): Promise<DeckRecord | undefined>;
  /** Closes the connection; later calls fail. */
  close(): void;
}

/** Options for openRepository. */
export interface OpenRepositoryOptions extends RepositoryOptions, Omit<OpenDbOptions, 'onBlocked' | 'onLateOpen'> {
  /** A blocked open went through after the fallback: the database store (see guard.ts moveToDatabase). */
  onUnblocked?: (repo: ScenarioRepository) => void;
  /** IndexedDB factory; defaults to the browser's `indexedDB` (tests pass a fake-indexeddb one). */
  factory?: IDBFactory;
  /** Called once if IndexedDB cannot be used and the memory store is returned instead. */
  onFailure: (failure: StorageFailure) => void;
}

/**
 * Opens the IndexedDB repository, or falls back to MemoryScenarioStore and reports why: `unavailable`
 * (no `indexedDB`, SecurityError or another error on open), `full`, or `blocked` (an older tab kept the
 * database open for `blockedTimeoutMs`, default 3 s). Never rejects.
 */
export async function openRepository(options: OpenRepositoryOptions): Promise<ScenarioRepository> {
  const { factory, onFailure, blockedTimeoutMs, onBlocking, onTerminated, onUnblocked, ...repoOptions } = options;
  try {
    return await ScenarioStore.open({
      ...repoOptions,
      ...(factory === undefined ? {} : { factory }),
      ...(blockedTimeoutMs === undefined ? {} : { blockedTimeoutMs }),
      ...(onBlocking === undefined ? {} : { onBlocking }),
      ...(onTerminated === undefined ? {} : { onTerminated }),
      ...(onUnblocked === undefined ? {} : { onUnblocked }),
    });
  } catch (err) {
    const failure = err instanceof StorageFailure ? err : toStorageFailure(err, 'opening IndexedDB');
    onFailure(failure);
    return new MemoryScenarioStore(repoOptions);
  }
}
