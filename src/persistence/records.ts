// The rules both repositories share: every stored record goes through restore() when read, and a write
// only happens when the stored revision is the one the caller last saw. Pure functions, no IndexedDB.
import { affixName } from '../scenario/names.ts';
import type { RestoreResult, RestoreSource, Scenario } from '../scenario/types.ts';
import { StorageFailure } from './failure.ts';

/** The signature of src/scenario/restore.ts `restore`, injectable for tests. */
export type RestoreFn = (input: unknown, source: RestoreSource) => RestoreResult;

/** The source every stored record is restored with. */
export const STORAGE_SOURCE: RestoreSource = { kind: 'storage' };

/** A stored record after restore: the scenario, or why it could not be read. */
export type Restored = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Runs one stored record through restore. Never throws: a throwing restore counts as a corrupt record. */
export function restoreRecord(raw: unknown, restore: RestoreFn): Restored {
  let result: RestoreResult;
  try {
    result = restore(raw, STORAGE_SOURCE);
  } catch (err) {
    return { ok: false, message: `restore failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!result.ok) return { ok: false, message: result.path ? `${result.path}: ${result.message}` : result.message };
  const [scenario, ...rest] = result.scenarios;
  if (scenario === undefined || rest.length > 0) {
    return { ok: false, message: `expected one scenario in the record, found ${result.scenarios.length}` };
  }
  return { ok: true, scenario };
}

/** The id to report a corrupt record under: its own id if it has one, else the store key. */
export function recordId(raw: unknown, key: string): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return key;
}

/**
 * A plain-data copy. Svelte 5 `$state` proxies cannot be structured-cloned into IndexedDB, and the
 * memory store must not share objects with the caller; scenarios are JSON data, so JSON is exact.
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The result of a write that checks revisions.
 * `theirs` is the stored scenario that won (so the UI can show both versions), or `null` when the
 * scenario was deleted in another tab since the caller read it.
 */
export type SaveResult = { ok: true; scenario: Scenario } | { ok: false; conflict: { theirs: Scenario | null } };

/** What to do after reading the stored record: write `record`, or return `result` without writing. */
export type WritePlan = { write: Scenario } | { result: SaveResult };

function unreadable(id: string, message: string): StorageFailure {
  return new StorageFailure('failed', `the stored copy of scenario ${id} cannot be read (${message}); it was left as it is`);
}

/** Restores a record that is about to be overwritten or deleted; a corrupt one is never touched. */
export function restoreExisting(raw: unknown, id: string, restore: RestoreFn): Scenario | null {
  if (raw === undefined) return null;
  const r = restoreRecord(raw, restore);
  if (!r.ok) throw unreadable(id, r.message);
  return r.scenario;
}

/** Checks that restore will accept `record` on the way back, so nothing unreadable is ever stored. */
export function checkWritable(record: Scenario, restore: RestoreFn): Scenario {
  const copy = plain(record);
  const r = restoreRecord(copy, restore);
  if (!r.ok) throw new StorageFailure('failed', `scenario ${record.id} was not saved because it would not read back: ${r.message}`);
  return copy;
}

/**
 * Plans a save: if the stored revision (0 when absent) equals `expectedRevision`, write `scenario` with
 * `revision = expectedRevision + 1` and `updatedAt = now`; otherwise report the conflict and write nothing.
 */
export function planSave(stored: unknown, scenario: Scenario, expectedRevision: number, now: string, restore: RestoreFn): WritePlan {
  const theirs = restoreExisting(stored, scenario.id, restore);
  const storedRevision = theirs === null ? 0 : theirs.revision;
  if (storedRevision !== expectedRevision) return { result: { ok: false, conflict: { theirs } } };
  return { write: checkWritable({ ...scenario, revision: expectedRevision + 1, updatedAt: now }, restore) };
}

/** Result of saveAll: every scenario written, or the first conflict and nothing written. */
export type SaveAllResult = { ok: true; scenarios: Scenario[] } | { ok: false; id: string; conflict: { theirs: Scenario | null } };

/** Plans a rename: like a save of the stored scenario with a new name; a missing scenario is a conflict. */
export function planRename(stored: unknown, id: string, name: string, expectedRevision: number, now: string, restore: RestoreFn): WritePlan {
  const theirs = restoreExisting(stored, id, restore);
  if (theirs === null) return { result: { ok: false, conflict: { theirs: null } } };
  return planSave(stored, { ...theirs, name }, expectedRevision, now, restore);
}

/** Options for `duplicate`. */
export interface DuplicateOptions {
  /** The copy's id (a fresh UUID). */
  newId: string;
  /** ISO 8601 time used for the copy's createdAt and updatedAt. */
  now: string;
  /** The copy's name; default "Copy of <name>". */
  name?: string;
}

/** Builds the copy written by `duplicate`: a new scenario at revision 1. */
export function makeDuplicate(source: Scenario, options: DuplicateOptions, restore: RestoreFn): Scenario {
  return checkWritable(
    {
      ...source,
      id: options.newId,
      name: options.name ?? affixName(source.name, { prefix: 'Copy of ' }),
      createdAt: options.now,
      updatedAt: options.now,
      revision: 1,
    },
    restore,
  );
}

/** Sorts newest first (ISO 8601 UTC strings compare as times), then by name for equal times. */
export function newestFirst(a: Scenario, b: Scenario): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.name.localeCompare(b.name);
}

/** Reads a stored deck record defensively; undefined when it has the wrong shape. */
export function readDeck(raw: unknown): { ids: string[]; updatedAt: string } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { ids, updatedAt } = raw as { ids?: unknown; updatedAt?: unknown };
  if (!Array.isArray(ids) || !ids.every((x): x is string => typeof x === 'string') || typeof updatedAt !== 'string') return undefined;
  return { ids: [...ids], updatedAt };
}
