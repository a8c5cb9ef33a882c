// Managing the saved scenarios (the library's shelf): rename, duplicate, delete with an undo, and save a
// scenario built elsewhere. Each write goes to the repository, is announced to other tabs and refreshes
// the list; a storage failure becomes the library's storage message, never an exception.
import { describeFailure, type ScenarioRepository, type StorageFailure, type TabSync } from '../persistence/index.ts';
import { safeName } from '../scenario/names.ts';
import type { Scenario } from '../scenario/types.ts';
import { nowIso, uuid, type CurrentMeta, type Toast } from './current-scenario.ts';
import { t } from '../i18n/runtime.ts';

/** What the shelf reads and writes on the library that owns it. */
export interface ShelfHost {
  readonly scenarios: Scenario[];
  current: CurrentMeta;
  storageMessage: string;
  toast: Toast | null;
  /** Re-reads the library list. */
  refresh(): Promise<void>;
}

/** The library's storage, read at each use (it changes when memory mode moves to the database). */
export interface ShelfStorage {
  repo(): ScenarioRepository | null;
  sync(): TabSync | null;
}

/** Runs a repository call; a storage failure becomes `lib.storageMessage` (prefixed) and `failed`. */
async function attempt<T>(lib: ShelfHost, prefix: string, call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    lib.storageMessage = `${prefix}${describeFailure(e as StorageFailure)}`;
    return { ok: false };
  }
}

/** Renames a saved scenario (at its listed revision); the working copy follows if it is that scenario. */
export async function renameSaved(lib: ShelfHost, store: ShelfStorage, id: string, name: string, say: (m: string) => void): Promise<void> {
  const s = lib.scenarios.find((x) => x.id === id);
  const clean = safeName(name);
  const repo = store.repo();
  if (!s || !repo || !clean) return;
  const r = await attempt(lib, `${t('library.shelf.notRenamed')} `, () => repo.rename(id, clean, s.revision));
  if (!r.ok) return;
  if (!r.value.ok) return say(t('library.shelf.renameConflict'));
  store.sync()?.saved(id, r.value.scenario.revision);
  if (lib.current.id === id) lib.current = { ...lib.current, name: r.value.scenario.name, baseRevision: r.value.scenario.revision };
  await lib.refresh();
}

/** Saves a copy of a saved scenario under a new id and a “(copy)” name. */
export async function duplicateSaved(lib: ShelfHost, store: ShelfStorage, id: string, say: (m: string) => void): Promise<void> {
  const repo = store.repo();
  if (!repo) return;
  const r = await attempt(lib, `${t('library.shelf.notDuplicated')} `, () => repo.duplicate(id, { newId: uuid(), now: nowIso() }));
  if (!r.ok) return;
  const copy = r.value;
  if (copy) store.sync()?.saved(copy.id, copy.revision);
  await lib.refresh();
  if (copy) say(t('library.shelf.duplicated', { name: copy.name }));
}

/**
 * Deletes a saved scenario and offers to restore it (a toast with an undo). The working copy of a
 * deleted scenario stays, as an unsaved draft.
 */
export async function removeSaved(lib: ShelfHost, store: ShelfStorage, id: string): Promise<void> {
  const repo = store.repo();
  if (!repo) return;
  const r = await attempt(lib, `${t('library.shelf.notDeleted')} `, () => repo.delete(id));
  if (!r.ok || !r.value) return;
  const gone = r.value;
  store.sync()?.deleted(id);
  if (lib.current.id === id) lib.current = { ...lib.current, baseRevision: 0, draftOf: 'new' };
  await lib.refresh();
  lib.toast = {
    message: t('library.shelf.deleted', { name: gone.name }),
    undo: () => {
      void (async () => {
        const back = await store.repo()?.restoreDeleted(gone);
        if (back?.ok) {
          store.sync()?.restored(gone.id);
          if (lib.current.id === gone.id) lib.current = { ...lib.current, baseRevision: gone.revision, draftOf: null };
        }
        lib.toast = null;
        await lib.refresh();
      })();
    },
  };
}

/** Saves a scenario built elsewhere (a goal-seek result) as a new library entry; returns it. */
export async function saveNewEntry(lib: ShelfHost, store: ShelfStorage, s: Scenario, say: (m: string) => void): Promise<Scenario | null> {
  const repo = store.repo();
  if (!repo) return null;
  const r = await attempt(lib, '', () => repo.save({ ...s, id: uuid(), revision: 1 }, { expectedRevision: 0 }));
  if (!r.ok || !r.value.ok) return null;
  const saved = r.value.scenario;
  store.sync()?.saved(saved.id, saved.revision);
  await lib.refresh();
  say(t('library.shelf.saved', { name: saved.name }));
  return saved;
}
