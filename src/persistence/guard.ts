// Nothing lost in memory mode: when the database becomes usable after the app fell back to memory
// (an older tab held it open, then closed), everything made meanwhile is written to the database.
// A scenario whose id the database already has (changed in the other tab) is kept as a copy.
import type { Scenario } from '../scenario/types.ts';
import { affixName } from '../scenario/names.ts';
import type { ScenarioRepository } from './repository.ts';

export interface MoveResult {
  /** Scenarios written to the database (copies included). */
  moved: Scenario[];
  /** Of those, the ones written as copies because the database had the same id. */
  copies: number;
  /** Autosave records (one per tab) written. */
  sessions: number;
}

/**
 * Writes every scenario and autosave record of the memory store into the database store. Rejects
 * with the database's StorageFailure if a write fails; whatever was not written stays in memory.
 */
export async function moveToDatabase(memory: ScenarioRepository, db: ScenarioRepository, newId: () => string = () => crypto.randomUUID()): Promise<MoveResult> {
  const moved: Scenario[] = [];
  let copies = 0;
  for (const s of await memory.list()) {
    const r = await db.save(s, { expectedRevision: 0 });
    if (r.ok) {
      moved.push(r.scenario);
      continue;
    }
    const copy = await db.save({ ...s, id: newId(), name: affixName(s.name, { suffix: ' (kept from memory)' }) }, { expectedRevision: 0 });
    if (copy.ok) {
      moved.push(copy.scenario);
      copies++;
    }
  }
  let sessions = 0;
  for (const { key, raw } of await memory.loadAllSessions()) {
    await db.saveSession(raw as Parameters<ScenarioRepository['saveSession']>[0], key);
    sessions++;
  }
  return { moved, copies, sessions };
}
