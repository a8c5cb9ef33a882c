// MemoryScenarioStore: the fallback when IndexedDB cannot be used (private browsing, storage disabled,
// an older tab blocking the upgrade). Same interface and the same revision, conflict and restore rules
// as ScenarioStore, so the app behaves identically; nothing survives a reload.
import type { Scenario } from '../scenario/types.ts';
import type { SessionState } from './autosave.ts';
import type { DeckRecord } from './db.ts';
import { StorageFailure, toStorageFailure } from './failure.ts';
import { CheckedStore } from './checked-store.ts';
import { makeDuplicate, newestFirst, plain, readDeck, restoreExisting, planSave, type DuplicateOptions, type SaveAllResult, type SaveResult, type WritePlan } from './records.ts';
import type { ScenarioRepository } from './repository.ts';

/** The in-memory implementation of ScenarioRepository. Stores copies, returns copies. */
export class MemoryScenarioStore extends CheckedStore implements ScenarioRepository {
  readonly backend = 'memory' as const;
  readonly #scenarios = new Map<string, unknown>();
  readonly #sessions = new Map<string, unknown>();
  #deck: DeckRecord | undefined = undefined;
  #closed = false;

  // Each method body runs synchronously inside its async wrapper, so every read-check-write is atomic,
  // just as one IndexedDB transaction is.
  async #run<R>(doing: string, op: () => R): Promise<R> {
    if (this.#closed) throw new StorageFailure('failed', `${doing}: the store was closed`);
    try {
      return op();
    } catch (err) {
      throw toStorageFailure(err, doing);
    }
  }

  protected writeChecked(id: string, doing: string, plan: (stored: unknown) => WritePlan): Promise<SaveResult> {
    return this.#run(doing, () => {
      const p = plan(this.#scenarios.get(id));
      if ('result' in p) return p.result;
      this.#scenarios.set(id, plain(p.write));
      return { ok: true, scenario: p.write } as const;
    });
  }

  list(): Promise<Scenario[]> {
    return this.#run('listing scenarios', () => {
      const out: Scenario[] = [];
      for (const [key, raw] of this.#scenarios) {
        const s = this.readOne(raw, key);
        if (s) out.push(s);
      }
      return out.sort(newestFirst);
    });
  }

  get(id: string): Promise<Scenario | undefined> {
    return this.#run(`reading scenario ${id}`, () => this.readOne(this.#scenarios.get(id), id));
  }

  duplicate(id: string, options: DuplicateOptions): Promise<Scenario | undefined> {
    return this.#run(`duplicating scenario ${id}`, () => {
      const source = restoreExisting(this.#scenarios.get(id), id, this.restore);
      if (source === null) return undefined;
      if (this.#scenarios.has(options.newId)) throw new StorageFailure('failed', `a scenario with id ${options.newId} already exists`);
      const copy = makeDuplicate(source, options, this.restore);
      this.#scenarios.set(copy.id, plain(copy));
      return copy;
    });
  }

  delete(id: string): Promise<Scenario | undefined> {
    return this.#run(`deleting scenario ${id}`, () => {
      const existing = restoreExisting(this.#scenarios.get(id), id, this.restore);
      if (existing === null) return undefined;
      this.#scenarios.delete(id);
      return existing;
    });
  }

  saveAll(items: ReadonlyArray<{ scenario: Scenario; expectedRevision: number }>): Promise<SaveAllResult> {
    return this.#run(`saving ${items.length} scenarios`, () => {
      // Plan everything first; write only if every plan succeeds (all or nothing).
      const staged = new Map<string, unknown>();
      const written: Scenario[] = [];
      for (const { scenario, expectedRevision } of items) {
        const stored = staged.has(scenario.id) ? staged.get(scenario.id) : this.#scenarios.get(scenario.id);
        const p = planSave(stored, scenario, expectedRevision, this.now(), this.restore);
        if ('result' in p) return p.result.ok ? { ok: true as const, scenarios: written } : { ok: false as const, id: scenario.id, conflict: p.result.conflict };
        staged.set(scenario.id, plain(p.write));
        written.push(p.write);
      }
      for (const [id, raw] of staged) this.#scenarios.set(id, raw);
      return { ok: true as const, scenarios: written };
    });
  }

  saveSession(state: SessionState, key = 'current'): Promise<void> {
    return this.#run('autosaving the working scenario', () => {
      this.#sessions.set(key, plain(state));
    });
  }

  loadSession(key = 'current'): Promise<unknown> {
    return this.#run('reading the autosaved scenario', () => {
      const raw = this.#sessions.get(key);
      return raw === undefined ? undefined : plain(raw);
    });
  }

  loadAllSessions(): Promise<Array<{ key: string; raw: unknown }>> {
    return this.#run('reading the autosaved scenarios', () => [...this.#sessions].map(([key, raw]) => ({ key, raw: plain(raw) })));
  }

  clearSession(key = 'current'): Promise<void> {
    return this.#run('clearing the autosaved scenario', () => {
      this.#sessions.delete(key);
    });
  }

  saveDeck(ids: readonly string[]): Promise<DeckRecord> {
    return this.#run('saving the presentation deck', () => {
      this.#deck = { ids: [...ids], updatedAt: this.now() };
      return plain(this.#deck);
    });
  }

  loadDeck(): Promise<DeckRecord | undefined> {
    return this.#run('reading the presentation deck', () => (this.#deck === undefined ? undefined : readDeck(this.#deck)));
  }

  close(): void {
    this.#closed = true;
  }
}
