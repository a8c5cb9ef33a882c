// The scenario library as the UI sees it: the current scenario's identity (name, revision, saved or
// draft), the saved scenarios, autosave of the working state, cross-tab sync with revision conflicts,
// export and share links. Its parts: the working scenario's metadata (current-scenario.ts), managing
// the saved scenarios (library-shelf.ts), the import flow (import-flow.svelte.ts), tab presence and
// recovery (tab-presence.ts) and the deck's storage (deck-store.ts). Storage lives behind
// src/persistence; every scenario that comes in (file, link, stored record, preset) passes through
// src/scenario/restore.ts.
import {
  createSessionAutosaver,
  describeFailure,
  openRepository,
  TabSync,
  type Autosaver,
  type AutosaveStatus,
  type ScenarioRepository,
  type SessionDraft,
  type StorageFailure,
} from '../persistence/index.ts';
import { exportParts, fileNameFor, serializeScenarioFile, toScenarioFile } from '../scenario/file.ts';
import { PRESETS, geographyIndexName, presetOn } from '../scenario/presets.ts';
import { describeRestoreError } from '../scenario/restore.ts';
import { newScenario } from '../scenario/scenario.ts';
import { shareLink, sharePayload } from '../scenario/share.ts';
import { restoreLink } from '../scenario/restore-client.ts';
import { StorageHealth, installUnloadGuard } from './storage-health.svelte.ts';
import { moveToDatabase } from '../persistence/guard.ts';
import { affixName, safeName } from '../scenario/names.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Workspace } from './workspace.svelte.ts';
import { formatDateTime } from '../lib/format.ts';
import { t, wholeCatalogue } from '../i18n/runtime.ts';
import { APP_VERSION } from '../lib/constants.ts';
import { DeckStore } from './deck-store.ts';
import { ImportFlow } from './import-flow.svelte.ts';
import { TabPresence, recoverSessions } from './tab-presence.ts';
import { contentOf, freshMeta, metaOf, nowIso, scenarioOf, untitledName, uuid, type CurrentMeta, type EditableMeta, type Toast } from './current-scenario.ts';
import { duplicateSaved, removeSaved, renameSaved, saveNewEntry, type ShelfStorage } from './library-shelf.ts';

export type { CurrentMeta, Toast } from './current-scenario.ts';

export class Library {
  scenarios = $state.raw<Scenario[]>([]);
  current = $state<CurrentMeta>(freshMeta());
  dirty = $state(false);
  backend = $state<'starting' | 'indexeddb' | 'memory'>('starting');
  /** A storage problem the user must know about (private mode, full, blocked, corrupt records). */
  storageMessage = $state('');
  autosave = $state<AutosaveStatus>('saved');
  /** When the working state was last autosaved (null: not yet in this visit). */
  autosavedAt = $state<Date | null>(null);
  /** Another tab saved a newer revision of the scenario this tab is editing. */
  conflict = $state.raw<{ theirs: Scenario | null } | null>(null);
  toast = $state.raw<Toast | null>(null);
  readonly presets = PRESETS;
  /** The file import flow (preview, choices, all-or-nothing write); its `error` also reports bad links. */
  readonly imports: ImportFlow;
  /** The presentation deck's storage. */
  readonly deck: DeckStore;

  #ws: Workspace;
  #repo: ScenarioRepository | null = null;
  #presence = new TabPresence();
  #autosaver: Autosaver<SessionDraft> | null = null;
  #sync: TabSync | null = null;
  /** Corrupt records (all of them) and memory-only mode, shown apart from other notices. */
  readonly storage = new StorageHealth();
  #removeUnloadGuard: () => void = () => {};
  /** The storage as the shelf sees it, read at each use. */
  readonly #store: ShelfStorage = { repo: () => this.#repo, sync: () => this.#sync };
  #started = false;

  constructor(ws: Workspace) {
    this.#ws = ws;
    const lib = this; // the host's getters read this library's private state
    this.imports = new ImportFlow({
      get scenarios() {
        return lib.scenarios;
      },
      get repo() {
        return lib.#repo;
      },
      refresh: () => this.refresh(),
      announceSaved: (s) => this.#sync?.saved(s.id, s.revision),
      say: (m) => this.#say(m),
    });
    this.deck = new DeckStore(() => this.#repo, (m) => (this.storageMessage = m));
  }

  /** The working scenario as a complete Scenario (metadata + the workspace content). */
  toScenario(): Scenario {
    return scenarioOf(this.current, this.#ws.content());
  }

  get isSaved(): boolean {
    return this.current.baseRevision > 0;
  }

  // ---- start-up -------------------------------------------------------------------------------

  /**
   * Opens storage, restores the autosaved working state (or opens a share link in the address), and
   * starts autosave and cross-tab sync. Never throws: failures become storageMessage.
   */
  async start(hash: string): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const repo = await openRepository({
      // Shown in its own notice, which stays until storage works (other notices cannot replace it).
      onFailure: (f: StorageFailure) => (this.storage.memoryOnly = describeFailure(f)),
      onCorrupt: (id, message) => this.storage.reportCorrupt(id, message),
      onUnblocked: (db) => void this.#moveToDatabase(db),
      onBlocking: () => void wholeCatalogue().then(() => (this.storageMessage = t('library.msg.blocking'))),
    });
    this.#repo = repo;
    this.backend = repo.backend;
    // Ask before a reload or close would lose work: memory-only storage, or an autosave not yet written.
    this.#removeUnloadGuard = installUnloadGuard(
      () => (this.backend === 'memory' && (this.dirty || this.scenarios.length > 0)) || this.autosave === 'pending' || this.autosave === 'saving' || this.autosave === 'failed',
      () => void this.flush(),
    );
    const ownKey = `tab:${this.#presence.key}`;
    this.#startAutosave(repo);
    this.#sync = new TabSync();
    this.#sync.onMessage((m) => void this.#onRemote(m.id, m.type));
    await this.refresh();

    const session = await recoverSessions(repo, ownKey, this.#presence, (name) => void wholeCatalogue().then(() => this.#say(t('library.msg.recovered', { name }))));
    await this.refresh();
    let restored = false;
    if ('error' in session) this.storageMessage = session.error;
    else if (session.state) {
      const { scenario, dirty, baseRevision } = session.state;
      // A clean working copy of a saved scenario that another tab has since saved again: open the newer one.
      const newer = !dirty && baseRevision > 0 ? this.scenarios.find((s) => s.id === scenario.id && s.revision > baseRevision) : undefined;
      if (newer) this.#open(newer, { baseRevision: newer.revision, draftOf: null, dirty: false });
      else this.#open(scenario, { baseRevision, draftOf: baseRevision > 0 ? null : 'new', dirty });
      restored = true;
    }
    const payload = sharePayload(hash);
    if (payload) {
      await this.openShareLink(payload);
    } else if (!restored) {
      this.#ws.request(false);
    }
  }

  /** Re-reads the library list. */
  async refresh(): Promise<void> {
    if (!this.#repo) return;
    try {
      this.scenarios = await this.#repo.list();
    } catch (e) {
      this.storageMessage = describeFailure(e as StorageFailure);
    }
  }

  /** Called by the UI after any edit of the working scenario (levers, assumptions, geography, metadata). */
  touched(): void {
    this.dirty = true;
    this.#autosaver?.schedule({ scenario: $state.snapshot(this.toScenario()) as Scenario, dirty: this.dirty, baseRevision: this.current.baseRevision });
  }

  /** Writes the autosave at once (page hidden or closing). */
  flush(): Promise<void> {
    return this.#autosaver?.flush() ?? Promise.resolve();
  }

  // ---- opening --------------------------------------------------------------------------------

  #open(s: Scenario, o: { baseRevision: number; draftOf: CurrentMeta['draftOf']; dirty: boolean }): void {
    this.current = metaOf(s, o);
    this.conflict = null;
    this.#ws.loadContent(contentOf(s));
    this.dirty = o.dirty;
    this.#autosaver?.schedule({ scenario: s, dirty: o.dirty, baseRevision: o.baseRevision });
  }

  /** Opens a saved scenario from the library (keeping unsaved work first, if any). */
  async openSaved(id: string): Promise<void> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    await this.#keepUnsavedWork();
    const s = this.scenarios.find((x) => x.id === id) ?? (await this.#repo?.get(id));
    if (!s) return this.#say(t('library.msg.gone'));
    this.#open(s, { baseRevision: s.revision, draftOf: null, dirty: false });
    this.#say(t('library.msg.opened', { name: s.name }));
  }

  /** Opens a preset as an unsaved copy (presets themselves are read-only). */
  async openPreset(id: string): Promise<void> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    await this.#keepUnsavedWork();
    const p = this.presets.find((x) => x.id === id);
    if (!p) return;
    const at = nowIso();
    // A preset is lever settings: applied to the geography being worked on, and named with it.
    const g = $state.snapshot(this.#ws.geography) as Scenario['geography'];
    const on = presetOn(p, g, typeof g === 'string' ? (this.#ws.geographies.find((x) => x.id === g)?.name ?? geographyIndexName(g) ?? g) : g.name);
    // An untouched copy of a preset loses nothing if it is dropped (the preset stays): not dirty.
    this.#open({ ...on, id: uuid(), createdAt: at, updatedAt: at, revision: 1 }, { baseRevision: 0, draftOf: 'preset', dirty: false });
    this.#say(t('library.msg.openedPreset', { name: on.name }));
  }

  /** Starts a new, empty scenario (current trends). */
  async newScenario(): Promise<void> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    await this.#keepUnsavedWork();
    const s = newScenario({ name: untitledName() }, { now: nowIso, newId: uuid });
    this.#open(s, { baseRevision: 0, draftOf: 'new', dirty: false });
  }

  /**
   * Opening something else must never lose unsaved edits: a dirty working copy is first saved into the
   * library (as itself if it is already there and unchanged elsewhere, else as a copy).
   */
  async #keepUnsavedWork(): Promise<void> {
    if (!this.dirty || !this.#repo) return;
    const mine = this.toScenario();
    const r = this.isSaved
      ? await this.#repo.save(mine, { expectedRevision: this.current.baseRevision })
      : await this.#repo.save({ ...mine, name: mine.name === untitledName() ? t('library.unsavedWorkName', { date: formatDateTime(new Date()) }) : mine.name }, { expectedRevision: 0 });
    if (r.ok) this.#say(t('library.msg.keptUnsaved', { name: r.scenario.name }));
    if (!r.ok) {
      const copy = { ...mine, id: uuid(), name: affixName(mine.name, { suffix: ` (${t('library.suffix.unsaved')})` }) };
      const c = await this.#repo.save(copy, { expectedRevision: 0 });
      if (c.ok) this.#sync?.saved(c.scenario.id, c.scenario.revision);
    } else {
      this.#sync?.saved(r.scenario.id, r.scenario.revision);
    }
    await this.refresh();
  }

  // ---- saving ---------------------------------------------------------------------------------

  /** Save: writes the working scenario over its library copy (or asks for a name when it is a draft). */
  async save(): Promise<'saved' | 'needs-name' | 'conflict' | 'failed'> {
    if (!this.isSaved) return 'needs-name';
    return this.#write(this.toScenario(), this.current.baseRevision);
  }

  /** Save as…: a new library entry with its own id and the given metadata. */
  async saveAs(meta: EditableMeta): Promise<'saved' | 'conflict' | 'failed'> {
    const at = nowIso();
    this.current = { ...this.current, ...meta, name: safeName(meta.name), id: uuid(), createdAt: at, baseRevision: 0, draftOf: null };
    return this.#write(this.toScenario(), 0);
  }

  async #write(s: Scenario, expectedRevision: number): Promise<'saved' | 'conflict' | 'failed'> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    if (!this.#repo) return 'failed';
    try {
      const r = await this.#repo.save(s, { expectedRevision });
      if (!r.ok) {
        this.conflict = { theirs: r.conflict.theirs };
        return 'conflict';
      }
      this.current = { ...this.current, baseRevision: r.scenario.revision, draftOf: null };
      this.dirty = false;
      this.conflict = null;
      this.#sync?.saved(r.scenario.id, r.scenario.revision);
      this.#autosaver?.schedule({ scenario: r.scenario, dirty: false, baseRevision: r.scenario.revision });
      await this.#autosaver?.flush(); // a reload right after Save must find the saved state
      await this.refresh();
      this.#say(t('library.msg.saved', { name: r.scenario.name, revision: String(r.scenario.revision) }));
      return 'saved';
    } catch (e) {
      this.storageMessage = describeFailure(e as StorageFailure);
      return 'failed';
    }
  }

  /** Conflict resolution: keep mine over theirs, keep mine as a copy, or take theirs. */
  async resolveConflict(choice: 'overwrite' | 'copy' | 'theirs'): Promise<void> {
    const c = this.conflict;
    if (!c) return;
    if (choice === 'theirs') {
      if (c.theirs) this.#open(c.theirs, { baseRevision: c.theirs.revision, draftOf: null, dirty: false });
      else this.conflict = null;
      return;
    }
    if (choice === 'copy') {
      await this.saveAs({ name: affixName(this.current.name, { suffix: ` (${t('library.suffix.myCopy')})` }), description: this.current.description, notes: this.current.notes, author: this.current.author });
      return;
    }
    await this.#write(this.toScenario(), c.theirs?.revision ?? 0);
  }

  /** Edits the working scenario's metadata (marks it dirty). */
  setMeta(meta: Partial<EditableMeta>): void {
    this.current = { ...this.current, ...meta };
    this.touched();
  }

  // ---- library management ---------------------------------------------------------------------

  rename(id: string, name: string): Promise<void> {
    return renameSaved(this, this.#store, id, name, (m) => this.#say(m));
  }

  duplicate(id: string): Promise<void> {
    return duplicateSaved(this, this.#store, id, (m) => this.#say(m));
  }

  /** Deletes a saved scenario, with an undo in the toast. */
  remove(id: string): Promise<void> {
    return removeSaved(this, this.#store, id);
  }

  // ---- files (import: ImportFlow) ---------------------------------------------------------------

  /** The working scenario (or a selection of saved ones) as a file to download. */
  exportFile(ids?: readonly string[]): { name: string; text: string } {
    const list = ids && ids.length ? this.scenarios.filter((s) => ids.includes(s.id)) : [this.toScenario()];
    return { name: fileNameFor(list), text: serializeScenarioFile(toScenarioFile(list, APP_VERSION)) };
  }

  #startAutosave(repo: ScenarioRepository): void {
    this.#autosaver = createSessionAutosaver(repo, {
      key: `tab:${this.#presence.key}`,
      onStatus: (s, info) => {
        this.autosave = s;
        this.autosavedAt = info.lastSavedAt;
      },
    });
  }

  /**
   * The older tab that blocked the database closed: write everything made in memory meanwhile to the
   * database and carry on there. If that fails, memory mode continues and the planner is told to export.
   */
  async #moveToDatabase(db: ScenarioRepository): Promise<void> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    const memory = this.#repo;
    if (!memory || memory.backend !== 'memory') return;
    try {
      await this.#autosaver?.flush();
      const r = await moveToDatabase(memory, db);
      this.#autosaver?.dispose();
      this.#repo = db;
      this.backend = 'indexeddb';
      this.#startAutosave(db);
      if (this.dirty || this.current.draftOf === null) this.#autosaver?.schedule({ scenario: $state.snapshot(this.toScenario()) as Scenario, dirty: this.dirty, baseRevision: this.current.baseRevision });
      await this.#autosaver?.flush();
      memory.close();
      this.storage.memoryOnly = '';
      this.storageMessage = t('library.msg.storageBack', { n: r.moved.length, copies: r.copies });
      await this.refresh();
    } catch (e) {
      this.storageMessage = t('library.msg.moveFailed', { reason: describeFailure(e as StorageFailure) });
    }
  }

  /**
   * A selection of saved scenarios as files to download: one file, or several parts when the selection
   * is over the import limits (500 scenarios, 5 MB), so every export re-imports.
   */
  exportFiles(ids: readonly string[]): Array<{ name: string; text: string; count: number }> {
    return exportParts(this.scenarios.filter((s) => ids.includes(s.id)), APP_VERSION);
  }

  // ---- share links ----------------------------------------------------------------------------

  shareLink(base: string): Promise<string> {
    return shareLink(base, $state.snapshot(this.toScenario()) as Scenario, APP_VERSION);
  }

  /** Opens a share link's scenario as an unsaved draft; a bad link is rejected like a bad file. */
  async openShareLink(payload: string): Promise<void> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    const r = await this.imports.offThread(t('import.shareLink'), (onProgress) => restoreLink(payload, { onProgress }));
    if (!r.ok) {
      this.imports.error = t('import.linkRejected', { reason: describeRestoreError(r) });
      if (!this.#ws.result) this.#ws.request(false);
      return;
    }
    await this.#keepUnsavedWork();
    const s = r.scenarios[0]!;
    const existing = this.scenarios.find((x) => x.id === s.id);
    this.#open({ ...s, id: existing ? uuid() : s.id }, { baseRevision: 0, draftOf: 'link', dirty: true });
    this.#say(t('library.msg.openedLink', { name: s.name }));
  }

  /** Saves a scenario built elsewhere (a goal-seek result) as a new library entry; returns it. */
  saveNew(s: Scenario): Promise<Scenario | null> {
    return saveNewEntry(this, this.#store, s, (m) => this.#say(m));
  }

  // ---- cross-tab ------------------------------------------------------------------------------

  async #onRemote(id: string, type: 'saved' | 'deleted' | 'restored'): Promise<void> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    await this.refresh();
    if (id !== this.current.id || !this.#repo) return;
    if (type === 'deleted') {
      this.current = { ...this.current, baseRevision: 0, draftOf: 'new' };
      this.#say(t('library.msg.deletedElsewhere'));
      return;
    }
    const theirs = await this.#repo.get(id);
    if (!theirs || theirs.revision <= this.current.baseRevision) return;
    if (!this.dirty) {
      this.#open(theirs, { baseRevision: theirs.revision, draftOf: null, dirty: false });
      this.#say(t('library.msg.updatedElsewhere', { name: theirs.name, revision: String(theirs.revision) }));
    } else {
      this.conflict = { theirs };
    }
  }

  #say(message: string): void {
    this.toast = { message };
  }

  dispose(): void {
    this.#removeUnloadGuard();
    void this.flush();
    this.#sync?.close();
    this.#presence.close();
    this.#autosaver?.dispose();
    this.#repo?.close();
  }
}
