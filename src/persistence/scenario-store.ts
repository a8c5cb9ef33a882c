// ScenarioStore: the scenario library, the autosave record and the deck in IndexedDB (database
// `pathways-2030`, see db.ts for what is stored where). Every record read goes through restore(); every
// revision-checked write re-reads the stored record in the same readwrite transaction, so two tabs can
// never silently overwrite each other. All failures surface as StorageFailure.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Scenario } from '../scenario/types.ts';
import type { SessionState } from './autosave.ts';
import { CURRENT_KEY, openPathwaysDb, type DeckRecord, type OpenDbOptions, type PathwaysDb, type PathwaysSchema } from './db.ts';
import { StorageFailure, toStorageFailure } from './failure.ts';
import { CheckedStore } from './checked-store.ts';
import { makeDuplicate, newestFirst, plain, planSave, readDeck, restoreExisting, type DuplicateOptions, type SaveAllResult, type SaveResult, type WritePlan } from './records.ts';
import type { RepositoryOptions, ScenarioRepository } from './repository.ts';

/** Options for `new ScenarioStore(...)`: an open connection plus the shared repository options. */
export interface ScenarioStoreOptions extends RepositoryOptions {
  db: PathwaysDb;
}

/** Options for `ScenarioStore.open(...)`. */
export interface ScenarioStoreOpenOptions extends RepositoryOptions, Omit<OpenDbOptions, 'onLateOpen'> {
  factory?: IDBFactory;
  /** The open was given up as blocked, then went through: the store, for moving memory-only work in. */
  onUnblocked?: (store: ScenarioRepository) => void;
}

type Tx<M extends IDBTransactionMode> = IDBPTransaction<PathwaysSchema, StoreNames<PathwaysSchema>[], M>;

/** The IndexedDB implementation of ScenarioRepository. */
export class ScenarioStore extends CheckedStore implements ScenarioRepository {
  readonly backend = 'indexeddb' as const;
  readonly #db: PathwaysDb;
  #closedBecause: string | null = null;

  /** Wraps an already open connection (see openPathwaysDb). */
  constructor(options: ScenarioStoreOptions) {
    super(options);
    this.#db = options.db;
  }

  /**
   * Opens the database and wraps it. Rejects with StorageFailure (see openPathwaysDb). When another tab
   * needs a newer version this connection is closed, and later calls fail with a message saying so.
   */
  static async open(options: ScenarioStoreOpenOptions = {}): Promise<ScenarioStore> {
    const { factory, blockedTimeoutMs, onBlocked, onBlocking, onTerminated, onUnblocked, ...repo } = options;
    let store: ScenarioStore | undefined;
    const db = await openPathwaysDb(factory, {
      ...(blockedTimeoutMs === undefined ? {} : { blockedTimeoutMs }),
      ...(onBlocked === undefined ? {} : { onBlocked }),
      ...(onUnblocked === undefined
        ? {}
        : {
            onLateOpen: (late: PathwaysDb) => {
              store = new ScenarioStore({ ...repo, db: late });
              onUnblocked(store);
            },
          }),
      onBlocking: () => {
        if (store) store.#markClosed('Pathways 2030 was updated in another tab; reload this tab to keep saving');
        onBlocking?.();
      },
      onTerminated: () => {
        if (store) store.#markClosed('the browser closed the database (storage was cleared or failed)');
        onTerminated?.();
      },
    });
    store = new ScenarioStore({ ...repo, db });
    return store;
  }

  #markClosed(reason: string): void {
    this.#closedBecause = reason;
  }

  /** Runs one operation, turning anything IndexedDB throws into a StorageFailure. */
  async #run<R>(doing: string, op: () => Promise<R>): Promise<R> {
    if (this.#closedBecause !== null) throw new StorageFailure('failed', `${doing}: ${this.#closedBecause}`);
    try {
      return await op();
    } catch (err) {
      throw toStorageFailure(err, doing);
    }
  }

  /**
   * Runs `body` in one transaction; on any error the transaction is aborted, so a failed operation
   * leaves the stored data exactly as it was.
   */
  async #inTx<R, M extends IDBTransactionMode>(stores: StoreNames<PathwaysSchema>[], mode: M, body: (tx: Tx<M>) => Promise<R>): Promise<R> {
    const tx = this.#db.transaction(stores, mode) as unknown as Tx<M>;
    // Observe `done` at once: if the body fails first, its rejection must not go unhandled.
    const done = tx.done;
    done.catch(() => {});
    try {
      const result = await body(tx);
      await done;
      return result;
    } catch (err) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      throw err;
    }
  }

  /** Every readable scenario, newest first; corrupt records are reported through onCorrupt and skipped. */
  async list(): Promise<Scenario[]> {
    const [keys, values] = await this.#run('listing scenarios', () =>
      this.#inTx(['scenarios'], 'readonly', async (tx) => {
        const store = tx.objectStore('scenarios');
        // The whole store, not the by-updated index: a record without a valid updatedAt is missing from
        // the index, and it must be reported, not silently left out.
        return Promise.all([store.getAllKeys(), store.getAll()]);
      }),
    );
    // Restored after the transaction, in slices of at most ~40 ms with a yield between them, so a large
    // library never holds the main thread for long (issue 14: no long task on stored records).
    const out: Scenario[] = [];
    let slice = performance.now();
    for (let i = 0; i < values.length; i++) {
      const s = this.readOne(values[i], String(keys[i]));
      if (s) out.push(s);
      if (performance.now() - slice > 40) {
        await new Promise((r) => setTimeout(r, 0));
        slice = performance.now();
      }
    }
    return out.sort(newestFirst);
  }

  /** One scenario through restore; undefined if absent or corrupt (reported). */
  get(id: string): Promise<Scenario | undefined> {
    return this.#run(`reading scenario ${id}`, async () => this.readOne(await this.#db.get('scenarios', id), id));
  }

  /** Re-reads, plans and (if the plan says so) writes, all in one readwrite transaction. */
  protected writeChecked(id: string, doing: string, plan: (stored: unknown) => WritePlan): Promise<SaveResult> {
    return this.#run(doing, () =>
      this.#inTx(['scenarios'], 'readwrite', async (tx) => {
        const store = tx.objectStore('scenarios');
        const p = plan(await store.get(id));
        if ('result' in p) return p.result;
        await store.put(p.write);
        return { ok: true, scenario: p.write } as const;
      }),
    );
  }

  duplicate(id: string, options: DuplicateOptions): Promise<Scenario | undefined> {
    return this.#run(`duplicating scenario ${id}`, () =>
      this.#inTx(['scenarios'], 'readwrite', async (tx) => {
        const store = tx.objectStore('scenarios');
        const source = restoreExisting(await store.get(id), id, this.restore);
        if (source === null) return undefined;
        if ((await store.get(options.newId)) !== undefined) {
          throw new StorageFailure('failed', `a scenario with id ${options.newId} already exists`);
        }
        const copy = makeDuplicate(source, options, this.restore);
        await store.add(copy);
        return copy;
      }),
    );
  }

  delete(id: string): Promise<Scenario | undefined> {
    return this.#run(`deleting scenario ${id}`, () =>
      this.#inTx(['scenarios'], 'readwrite', async (tx) => {
        const store = tx.objectStore('scenarios');
        const existing = restoreExisting(await store.get(id), id, this.restore);
        if (existing === null) return undefined;
        await store.delete(id);
        return existing;
      }),
    );
  }

  saveAll(items: ReadonlyArray<{ scenario: Scenario; expectedRevision: number }>): Promise<SaveAllResult> {
    const abort = Symbol('conflict');
    let conflict: SaveAllResult | null = null;
    return this.#run(`saving ${items.length} scenarios`, async () => {
      try {
        return await this.#inTx(['scenarios'], 'readwrite', async (tx) => {
          const store = tx.objectStore('scenarios');
          const written: Scenario[] = [];
          for (const { scenario, expectedRevision } of items) {
            const p = planSave(await store.get(scenario.id), scenario, expectedRevision, this.now(), this.restore);
            if ('result' in p) {
              if (!p.result.ok) conflict = { ok: false, id: scenario.id, conflict: p.result.conflict };
              throw abort; // aborts the transaction: nothing is written
            }
            await store.put(p.write);
            written.push(p.write);
          }
          return { ok: true, scenarios: written } as const;
        });
      } catch (err) {
        if (err === abort && conflict) return conflict;
        throw err;
      }
    });
  }

  saveSession(state: SessionState, key = CURRENT_KEY): Promise<void> {
    return this.#run('autosaving the working scenario', async () => {
      await this.#db.put('session', plain(state), key);
    });
  }

  loadSession(key = CURRENT_KEY): Promise<unknown> {
    return this.#run('reading the autosaved scenario', () => this.#db.get('session', key));
  }

  loadAllSessions(): Promise<Array<{ key: string; raw: unknown }>> {
    return this.#run('reading the autosaved scenarios', () =>
      this.#inTx(['session'], 'readonly', async (tx) => {
        const store = tx.objectStore('session');
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
        return values.map((raw, i) => ({ key: String(keys[i]), raw: raw as unknown }));
      }),
    );
  }

  clearSession(key = CURRENT_KEY): Promise<void> {
    return this.#run('clearing the autosaved scenario', () => this.#db.delete('session', key));
  }

  saveDeck(ids: readonly string[]): Promise<DeckRecord> {
    return this.#run('saving the presentation deck', async () => {
      const record: DeckRecord = { ids: [...ids], updatedAt: this.now() };
      await this.#db.put('deck', record, CURRENT_KEY);
      return record;
    });
  }

  loadDeck(): Promise<DeckRecord | undefined> {
    return this.#run('reading the presentation deck', async () => {
      const raw: unknown = await this.#db.get('deck', CURRENT_KEY);
      if (raw === undefined) return undefined;
      const deck = readDeck(raw);
      if (!deck) this.onCorrupt('deck', 'the presentation deck record is not {ids: string[], updatedAt: string}');
      return deck;
    });
  }

  close(): void {
    this.#markClosed('the store was closed');
    this.#db.close();
  }
}
