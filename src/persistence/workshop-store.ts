// Where workshops are kept: the `workshops` store of the pathways-2030 database (db.ts, version 3),
// beside the scenario library, or in memory when IndexedDB is unavailable (said by `backend`). Every
// record is read back through restoreWorkshop(), the workshop kind of the one restore door; a record
// that does not restore is reported by name and left untouched.
import { MODEL_VERSION } from '../scenario/model-deps.ts';
import { describeRestoreError } from '../scenario/restore.ts';
import { restoreWorkshop, type Workshop } from '../scenario/workshop-file.ts';
import { WORKSHOP_FILE_TYPE, WORKSHOP_FILE_VERSION } from '../scenario/workshop-kind.ts';
import { openPathwaysDb, type PathwaysDb } from './db.ts';

export interface WorkshopList {
  workshops: Workshop[];
  /** One line per stored record that did not restore (left in the database as it was). */
  problems: string[];
}

export class WorkshopStore {
  readonly backend: 'indexeddb' | 'memory';
  #db: PathwaysDb | null;
  #memory = new Map<string, Workshop>();

  constructor(db: PathwaysDb | null) {
    this.#db = db;
    this.backend = db ? 'indexeddb' : 'memory';
  }

  /** Opens the database (or falls back to memory when it cannot be opened). */
  static async open(factory?: IDBFactory): Promise<WorkshopStore> {
    try {
      return new WorkshopStore(await openPathwaysDb(factory, { blockedTimeoutMs: 3000 }));
    } catch {
      return new WorkshopStore(null);
    }
  }

  /** Every stored workshop, newest first, each restored. */
  async list(): Promise<WorkshopList> {
    const raw: unknown[] = this.#db ? await this.#db.getAll('workshops') : [...this.#memory.values()];
    const workshops: Workshop[] = [];
    const problems: string[] = [];
    for (const rec of raw) {
      // A record carries the format version it was written in (`formatVersion`); one without it was
      // written before version 2 and is migrated as a version 1 file would be.
      const isRecord = typeof rec === 'object' && rec !== null && !Array.isArray(rec);
      const { formatVersion = 1, ...workshop } = isRecord ? (rec as { formatVersion?: unknown }) : {};
      const r = restoreWorkshop({ type: WORKSHOP_FILE_TYPE, version: formatVersion, app: 'unknown', model: MODEL_VERSION, exportedAt: '2000-01-01T00:00:00Z', workshop: isRecord ? workshop : rec }, { kind: 'storage' });
      if (r.ok) workshops.push(r.workshop);
      else problems.push(describeRestoreError(r));
    }
    workshops.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { workshops, problems };
  }

  /** Writes the workshop with its format version (plain data: a $state proxy is snapshotted by the caller). */
  async save(w: Workshop): Promise<void> {
    const copy = { ...structuredClone(w), formatVersion: WORKSHOP_FILE_VERSION };
    if (this.#db) await this.#db.put('workshops', copy);
    else this.#memory.set(w.id, copy);
  }

  async remove(id: string): Promise<void> {
    if (this.#db) await this.#db.delete('workshops', id);
    else this.#memory.delete(id);
  }

  close(): void {
    this.#db?.close();
  }
}
