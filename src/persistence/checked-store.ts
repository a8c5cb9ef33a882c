// What both repositories (IndexedDB and memory) share above their storage: the options they are built
// with, reading a stored record through restore() (a corrupt one is reported and skipped), and the
// revision-checked writes (save, rename, undo of delete) as plans over one checked write. Each store
// supplies only that checked write, in its own kind of transaction.
import { restore as defaultRestore } from '../scenario/restore.ts';
import type { Scenario } from '../scenario/types.ts';
import { checkWritable, planRename, planSave, recordId, restoreExisting, restoreRecord, type RestoreFn, type SaveResult, type WritePlan } from './records.ts';
import type { RepositoryOptions } from './repository.ts';

export abstract class CheckedStore {
  protected readonly restore: RestoreFn;
  protected readonly now: () => string;
  protected readonly onCorrupt: (id: string, message: string) => void;

  constructor(options: RepositoryOptions = {}) {
    this.restore = options.restore ?? defaultRestore;
    this.now = options.now ?? (() => new Date().toISOString());
    this.onCorrupt = options.onCorrupt ?? (() => {});
  }

  /** Re-reads the record stored under `id`, plans, and writes what the plan says, atomically. */
  protected abstract writeChecked(id: string, doing: string, plan: (stored: unknown) => WritePlan): Promise<SaveResult>;

  /** One stored record through restore; undefined if absent, or corrupt or under a wrong key (reported). */
  protected readOne(raw: unknown, key: string): Scenario | undefined {
    if (raw === undefined) return undefined;
    const r = restoreRecord(raw, this.restore);
    if (!r.ok) {
      this.onCorrupt(recordId(raw, key), r.message);
      return undefined;
    }
    if (r.scenario.id !== key) {
      this.onCorrupt(key, `the record's id "${r.scenario.id}" does not match its key`);
      return undefined;
    }
    return r.scenario;
  }

  save(scenario: Scenario, options: { expectedRevision: number }): Promise<SaveResult> {
    return this.writeChecked(scenario.id, `saving scenario ${scenario.id}`, (stored) =>
      planSave(stored, scenario, options.expectedRevision, this.now(), this.restore),
    );
  }

  rename(id: string, name: string, expectedRevision: number): Promise<SaveResult> {
    return this.writeChecked(id, `renaming scenario ${id}`, (stored) => planRename(stored, id, name, expectedRevision, this.now(), this.restore));
  }

  restoreDeleted(scenario: Scenario): Promise<SaveResult> {
    return this.writeChecked(scenario.id, `restoring scenario ${scenario.id}`, (stored) => {
      const theirs = restoreExisting(stored, scenario.id, this.restore);
      if (theirs !== null) return { result: { ok: false, conflict: { theirs } } };
      return { write: checkWritable(scenario, this.restore) };
    });
  }
}
