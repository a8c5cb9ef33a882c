// The IndexedDB database and its schema: what is stored where, and the upgrade steps between versions.
//
// What is stored where (database `pathways-2030`, all on this device, nothing leaves the browser):
//   scenarios  key = scenario.id   the scenario library, one record per saved scenario (a `Scenario`);
//                                  index `by-updated` on `updatedAt` lists newest first.
//   session    key = 'tab:<id>'    the autosaved working state of one tab (`SessionState`; 'current' in
//                                  older data and the default key): the open scenario with
//                                  unsaved edits, so a reload or a crash never loses work.
//   deck       key = 'current'     the presentation deck: the ordered scenario ids to present.
//   workshops  key = workshop.id   workshops (src/scenario/workshop-file.ts): a session and its groups'
//                                  scenarios with `formatVersion` (the workshop format's; none = 1),
//                                  read back through restoreWorkshop() (the one door, migrating).
// Every record is read back through restore() (src/scenario/restore.ts) before the app sees it.
//
// DB_VERSION is the IndexedDB schema version (stores and indexes). It is NOT the scenario file-format
// version (SCENARIO_FILE_VERSION), which restore() migrates record by record.
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Scenario } from '../scenario/types.ts';
import type { Workshop } from '../scenario/workshop-file.ts';
import type { SessionState } from './autosave.ts';
import { StorageFailure, isQuotaError } from './failure.ts';

/** Database name (also the origin-wide BroadcastChannel name, see sync.ts). */
export const DB_NAME = 'pathways-2030';
/** IndexedDB schema version: 1 = `scenarios`; 2 = + index `by-updated`, stores `session` and `deck`; 3 = + `workshops`. */
export const DB_VERSION = 3;
/** The single key used in the `session` and `deck` stores. */
export const CURRENT_KEY = 'current';
/** How long an upgrade may wait for an older tab to close before the app falls back to memory. */
export const BLOCKED_TIMEOUT_MS = 3000;

/** The presentation deck: scenario ids in presentation order. */
export interface DeckRecord {
  ids: string[];
  updatedAt: string;
}

/** The typed schema of `pathways-2030` at DB_VERSION. */
export interface PathwaysSchema extends DBSchema {
  scenarios: {
    key: string;
    value: Scenario;
    indexes: { 'by-updated': string };
  };
  session: {
    key: string;
    value: SessionState;
  };
  deck: {
    key: string;
    value: DeckRecord;
  };
  workshops: {
    key: string;
    value: Workshop & { formatVersion?: number };
  };
}

/** An open connection to `pathways-2030`. */
export type PathwaysDb = IDBPDatabase<PathwaysSchema>;

type UpgradeTx = IDBPTransaction<PathwaysSchema, StoreNames<PathwaysSchema>[], 'versionchange'>;

/**
 * Brings a database from `oldVersion` up to DB_VERSION. Each step runs only if the database is older
 * than it, so a version-1 database gets step 2 and a new one gets both. Never delete a step: a planner
 * may come back after months with a database made by any earlier version.
 */
export function upgradePathwaysDb(db: PathwaysDb, oldVersion: number, _newVersion: number | null, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('scenarios', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    tx.objectStore('scenarios').createIndex('by-updated', 'updatedAt');
    db.createObjectStore('session');
    db.createObjectStore('deck');
  }
  if (oldVersion < 3) {
    db.createObjectStore('workshops', { keyPath: 'id' });
  }
}

/** Callbacks for what can happen to the connection after (or while) it opens. */
export interface OpenDbOptions {
  /** Give up waiting for an older tab after this long (default BLOCKED_TIMEOUT_MS). */
  blockedTimeoutMs?: number;
  /** An older tab holds the database open; the upgrade is waiting for it. */
  onBlocked?: () => void;
  /**
   * A newer tab wants to upgrade (or delete) the database. This connection has already been closed so
   * that it can; every later call on it fails. Tell the planner to reload this tab.
   */
  onBlocking?: () => void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  onTerminated?: () => void;
  /**
   * The open that was given up as blocked went through after all (the older tab closed). Without this
   * callback the late connection is closed at once; with it, the app can move its memory-only work in.
   */
  onLateOpen?: (db: PathwaysDb) => void;
}

function openFailure(err: unknown): StorageFailure {
  const name = err instanceof DOMException || err instanceof Error ? err.name : 'Error';
  const message = err instanceof Error || err instanceof DOMException ? err.message : String(err);
  const detail = `opening ${DB_NAME}: ${name}: ${message}`;
  return new StorageFailure(isQuotaError(err) ? 'full' : 'unavailable', detail, { cause: err });
}

/**
 * Opens (creating or upgrading) the `pathways-2030` database.
 * `factory` defaults to the browser's `indexedDB`; tests pass a fresh fake-indexeddb `IDBFactory`.
 * Rejects with a StorageFailure: `unavailable` (no IndexedDB, SecurityError, any other open error),
 * `full` (quota), `blocked` (an older tab kept the database open for longer than the timeout; if it
 * closes later, the late connection is closed at once, so the app stays on its fallback until reload).
 */
export function openPathwaysDb(factory?: IDBFactory, options: OpenDbOptions = {}): Promise<PathwaysDb> {
  const idb: IDBFactory | undefined = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  return new Promise<PathwaysDb>((resolve, reject) => {
    if (idb === undefined) {
      reject(new StorageFailure('unavailable', 'IndexedDB is not available in this browser'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(DB_NAME, DB_VERSION);
    } catch (err) {
      // Firefox and Safari throw SecurityError here when storage is disabled.
      reject(openFailure(err));
      return;
    }
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    request.addEventListener('upgradeneeded', (event) => {
      const tx = request.transaction;
      if (tx === null) return;
      upgradePathwaysDb(wrap(request.result) as PathwaysDb, event.oldVersion, event.newVersion, wrap(tx) as unknown as UpgradeTx);
    });
    request.addEventListener('blocked', () => {
      options.onBlocked?.();
      timer ??= setTimeout(() => {
        if (settled) return;
        settled = true;
        reject(new StorageFailure('blocked', `opening ${DB_NAME}: an older tab keeps version ${DB_VERSION - 1} or earlier open`));
      }, options.blockedTimeoutMs ?? BLOCKED_TIMEOUT_MS);
    });
    request.addEventListener('success', () => {
      clearTimeout(timer);
      const raw = request.result;
      const late = settled;
      if (late && !options.onLateOpen) {
        // We gave up on this open (blocked too long) and nobody wants the connection now.
        raw.close();
        return;
      }
      settled = true;
      raw.addEventListener('versionchange', () => {
        // Close so the newer tab's upgrade can go ahead instead of being blocked by us.
        raw.close();
        options.onBlocking?.();
      });
      raw.addEventListener('close', () => options.onTerminated?.());
      // The blocker closed after we fell back to memory: hand the connection over so nothing is lost.
      if (late) options.onLateOpen?.(wrap(raw) as PathwaysDb);
      else resolve(wrap(raw) as PathwaysDb);
    });
    request.addEventListener('error', (event) => {
      clearTimeout(timer);
      event.preventDefault();
      if (settled) return;
      settled = true;
      reject(openFailure(request.error));
    });
  });
}
