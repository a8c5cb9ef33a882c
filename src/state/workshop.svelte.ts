// The workshop in the app: the session being run (kept in IndexedDB's `workshops` store), collecting
// the groups' scenarios (many files at once, several share links, each checked by the one restore door
// and named by its group; a re-submission replaces a group's entry only when the facilitator confirms),
// the board (computed on its own analysis-role worker: central numbers first, cost bands after, stale
// replies dropped), the room's plan (each lever at the groups' weighted median unless the facilitator
// set its handle; kept in the workshop) and the workshop file out and in.
import type { BoardInput, ModelApi, WorkshopBoard } from '../model/index.ts';
import type { AsyncApi, ModelRunner } from '../runner/runner.ts';
import { createWorkerRunner } from '../runner/worker-runner.ts';
import { restoreFile, restoreLink } from '../scenario/restore-client.ts';
import { describeRestoreError } from '../scenario/restore.ts';
import { toProjectionRequest } from '../scenario/scenario.ts';
import type { RestoreResult, Scenario } from '../scenario/types.ts';
import { MAX_GEOGRAPHIES, MAX_WEIGHT, parseWorkshopText, serializeWorkshop, workshopFileName, type Workshop, type WorkshopGroup, type WorkshopPlan } from '../scenario/workshop-file.ts';
import { LEVER_BY_ID, type LeverId } from '../model/registry/levers.ts';
import { WorkshopStore } from '../persistence/workshop-store.ts';
import { APP_VERSION } from '../lib/constants.ts';
import { keepUnchanged } from '../lib/keep-unchanged.ts';
import { t } from '../i18n/runtime.ts';
import { consensusScenario, defaultPlanGeography, groupNameFor, linesToPayloads, planGeographyChoices, planLevers, replacedBy, type PlanLever } from './workshop-collect.ts';
import { geographyExists } from '../scenario/model-deps.ts';
import { nowIso, uuid } from './current-scenario.ts';

/** What happened to one file or link, for the arrivals list (newest batch first). */
export interface Arrival {
  kind: 'added' | 'refused' | 'waiting' | 'replaced' | 'kept';
  text: string;
}

/** An arrival that would replace a group's entry: waits for the facilitator's answer. */
export interface PendingReplacement {
  key: string;
  groupId: string;
  name: string;
  source: string;
  scenario: Scenario;
}

export interface WorkshopDeps {
  runner?: ModelRunner;
  store?: WorkshopStore;
  /** Saves a scenario to the library ("My scenarios"); returns it, or null when it failed. */
  saveToLibrary: (s: Scenario) => Promise<Scenario | null>;
  restoreFile?: (f: File) => Promise<RestoreResult>;
  restoreLink?: (payload: string) => Promise<RestoreResult>;
}

/** Files restored at once: each runs in its own short-lived worker, and the machine has few cores. */
const FILE_CONCURRENCY = 3;

function emptyWorkshop(): Workshop {
  const at = nowIso();
  return { id: uuid(), name: t('workshop.defaultName', { date: at.slice(0, 10) }), facilitator: '', date: at.slice(0, 10), geographies: [], groups: [], createdAt: at, updatedAt: at };
}

export class WorkshopState {
  workshop = $state.raw<Workshop>(emptyWorkshop());
  saved = $state.raw<Workshop[]>([]);
  board = $state.raw<WorkshopBoard | null>(null);
  boardError = $state<string | null>(null);
  /** True while the central board is being computed; `bandsPending` while the cost bands are. */
  building = $state(false);
  bandsPending = $state(false);
  arrivals = $state.raw<Arrival[]>([]);
  pending = $state.raw<PendingReplacement[]>([]);
  /** Files or links still being checked. */
  inFlight = $state(0);
  /** The room's plan as a scenario (null until it is built), and each of its levers. */
  consensus = $state.raw<Scenario | null>(null);
  plan = $state.raw<Record<LeverId, PlanLever> | null>(null);
  consensusSavedId = $state<string | null>(null);
  message = $state('');
  /** From the last arrival (or change) to the board on screen, ms. */
  lastBuildMs = $state<number | null>(null);
  storageNote = $state('');

  #deps: WorkshopDeps;
  #runner: ModelRunner | null = null;
  #store: WorkshopStore | null = null;
  #seq = 0;
  #changedAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dirty = false;
  #consensusId = uuid();

  constructor(deps: WorkshopDeps) {
    this.#deps = deps;
    this.#runner = deps.runner ?? null;
    this.#store = deps.store ?? null;
  }

  get #api(): AsyncApi<ModelApi> {
    this.#runner ??= createWorkerRunner('analysis');
    return this.#runner.api;
  }

  /** Opens the store and the newest stored workshop (or keeps the new empty one). */
  async start(): Promise<void> {
    this.#store ??= await WorkshopStore.open();
    if (this.#store.backend === 'memory') this.storageNote = t('workshop.storage.memory');
    const { workshops, problems } = await this.#store.list();
    this.saved = workshops;
    if (problems.length > 0) this.message = t('workshop.storage.problems', { list: problems.join('; ') });
    if (workshops[0]) this.#set(workshops[0], false);
    // Start the board's worker and load the likely geography now, so the first board after the groups'
    // files arrive does not also pay for a cold worker (about a second on a loaded machine).
    else void this.#api.project({ geography: this.workshop.geographies[0] ?? 'world', uncertainty: false }).catch(() => undefined);
  }

  // ---- the session -------------------------------------------------------------------------------

  setMeta(meta: Partial<Pick<Workshop, 'name' | 'facilitator' | 'date'>>): void {
    this.#set({ ...this.workshop, ...meta }, false);
  }

  /**
   * Adds a geography to the session's list (a known id, each once, at most MAX_GEOGRAPHIES). The list
   * changes no board: the groups project on their own geographies and a built plan keeps its own.
   */
  addGeography(id: string): boolean {
    const list = this.workshop.geographies;
    if (!geographyExists(id) || list.includes(id) || list.length >= MAX_GEOGRAPHIES) return false;
    this.#set({ ...this.workshop, geographies: [...list, id] }, false);
    return true;
  }

  removeGeography(id: string): void {
    if (this.workshop.geographies.includes(id)) this.#set({ ...this.workshop, geographies: this.workshop.geographies.filter((g) => g !== id) }, false);
  }

  newWorkshop(): void {
    this.#set(emptyWorkshop(), true);
    this.arrivals = [];
    this.pending = [];
  }

  open(id: string): void {
    const w = this.saved.find((x) => x.id === id);
    if (w) this.#set(w, true);
  }

  renameGroup(id: string, name: string): void {
    const clean = name.trim();
    if (clean === '') return;
    this.#set({ ...this.workshop, groups: this.workshop.groups.map((g) => (g.id === id ? { ...g, name: clean.slice(0, 120) } : g)) }, false);
  }

  removeGroup(id: string): void {
    this.#set({ ...this.workshop, groups: this.workshop.groups.filter((g) => g.id !== id) }, true);
  }

  // ---- collecting --------------------------------------------------------------------------------

  /** Checks every file (a few at a time, off the main thread); each good scenario arrives as a group. */
  async addFiles(files: readonly File[]): Promise<void> {
    const read = this.#deps.restoreFile ?? ((f: File) => restoreFile(f));
    const queue = [...files];
    this.inFlight += files.length;
    const worker = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const r = await read(f);
        this.inFlight--;
        this.#arrive(r, f.name);
      }
    };
    await Promise.all(Array.from({ length: Math.min(FILE_CONCURRENCY, files.length) }, worker));
    if (this.#dirty) this.#schedule();
  }

  /** Restores every share link in the text (one per line); a line that is not a link is said so. */
  async addLinks(text: string): Promise<void> {
    const read = this.#deps.restoreLink ?? ((p: string) => restoreLink(p));
    const lines = linesToPayloads(text);
    this.inFlight += lines.length;
    for (const l of lines) {
      const source = t('workshop.link.source', { n: l.line });
      if ('error' in l) {
        this.inFlight--;
        this.#log({ kind: 'refused', text: l.error });
        continue;
      }
      const r = await read(l.payload);
      this.inFlight--;
      this.#arrive(r, source);
    }
    if (this.#dirty) this.#schedule();
  }

  /** The facilitator's answer to a re-submission: replace the group's entry, or keep the earlier one. */
  resolve(key: string, replace: boolean): void {
    const p = this.pending.find((x) => x.key === key);
    if (!p) return;
    this.pending = this.pending.filter((x) => x.key !== key);
    if (!replace) return this.#log({ kind: 'kept', text: t('workshop.arrival.kept', { name: p.name, source: p.source }) });
    this.#set({ ...this.workshop, groups: this.workshop.groups.map((g) => (g.id === p.groupId ? { ...g, scenario: p.scenario } : g)) }, true);
    this.#log({ kind: 'replaced', text: t('workshop.arrival.replaced', { name: p.name, source: p.source }) });
  }

  #arrive(r: RestoreResult, source: string): void {
    performance.mark('workshop-arrival');
    if (!r.ok) return this.#log({ kind: 'refused', text: t('workshop.arrival.refused', { detail: describeRestoreError(r) }) });
    let groups = this.workshop.groups;
    for (const s of r.scenarios) {
      const name = groupNameFor(s, groups.length + 1);
      const earlier = replacedBy(groups, name, s);
      if (earlier) {
        this.pending = [...this.pending, { key: uuid(), groupId: earlier.id, name: earlier.name, source, scenario: s }];
        this.#log({ kind: 'waiting', text: t('workshop.arrival.waiting', { name: earlier.name, source }) });
        continue;
      }
      const g: WorkshopGroup = { id: uuid(), name, scenario: s };
      groups = [...groups, g];
      this.#log({ kind: 'added', text: t('workshop.arrival.added', { name, source }) });
    }
    if (groups !== this.workshop.groups) this.#set({ ...this.workshop, groups }, true);
  }

  #log(a: Arrival): void {
    this.arrivals = [a, ...this.arrivals].slice(0, 200);
  }

  // ---- the board ---------------------------------------------------------------------------------

  /** Replaces the workshop, saves it, and (when the groups or the plan changed) rebuilds the board once things settle. */
  #set(w0: Workshop, groupsChanged: boolean, planChanged = false): void {
    let w = w0;
    if (w.plan && groupsChanged) {
      // A removed group's weight goes with it, and so does its custom geography if the plan was on it.
      const ids = new Set(w.groups.map((g) => g.id));
      const onCustomGone = !geographyExists(w.plan.geography) && !w.groups.some((g) => typeof g.scenario.geography !== 'string' && g.scenario.geography.id === w.plan!.geography);
      w = { ...w, plan: { ...w.plan, geography: onCustomGone ? defaultPlanGeography(w) : w.plan.geography, weights: Object.fromEntries(Object.entries(w.plan.weights).filter(([k]) => ids.has(k))) } };
    }
    const replaced = w.id !== this.workshop.id;
    this.workshop = { ...w, updatedAt: nowIso() };
    void this.#store?.save(this.workshop);
    this.saved = [this.workshop, ...this.saved.filter((x) => x.id !== w.id)];
    if (replaced) this.#consensusId = uuid();
    if (groupsChanged || planChanged || replaced || this.board === null) {
      this.#plan();
      this.#changedAt = performance.now();
      this.#schedule();
    }
  }

  /** The plan's levers and scenario from the workshop (none while the plan is not built or no group is in). */
  #plan(): void {
    const w = this.workshop;
    const on = w.plan !== undefined && w.groups.length > 0;
    this.plan = on ? planLevers(w) : null;
    this.consensus = on ? consensusScenario(w, this.#consensusId, nowIso()) : null;
    this.consensusSavedId = null;
  }

  #schedule(): void {
    // While files or links are still being checked, the board waits: it is computed and drawn once,
    // after the last arrival, not once per file.
    this.#dirty = true;
    if (this.inFlight > 0) return;
    this.#dirty = false;
    clearTimeout(this.#timer);
    // Arrivals of one drop come within milliseconds of each other: one board for all of them.
    this.#timer = setTimeout(() => void this.#build(), 30);
  }

  #inputs(): BoardInput[] {
    const inputs: BoardInput[] = this.workshop.groups.map((g) => ({ id: g.id, request: toProjectionRequest(g.scenario) }));
    if (this.consensus) inputs.push({ id: 'consensus', consensus: true, request: toProjectionRequest(this.consensus) });
    return inputs;
  }

  async #build(): Promise<void> {
    const seq = ++this.#seq;
    const inputs = this.#inputs();
    if (inputs.length === 0) {
      this.board = null;
      return;
    }
    this.building = true;
    this.boardError = null;
    try {
      performance.mark('workshop-board-request', { detail: { groups: inputs.length } });
      const board = await this.#api.workshopBoard(inputs);
      if (seq !== this.#seq) return;
      performance.mark('workshop-board-received', { detail: { groups: inputs.length, workerMs: board.ms } });
      // Rows, strips and values equal to the previous board's stay the same objects, so a handle's move
      // or the cost bands redraw only what changed (a board of 30 groups is some 2,500 elements).
      this.board = this.board ? keepUnchanged(this.board, board) : board;
      this.lastBuildMs = performance.now() - this.#changedAt;
      performance.mark('workshop-board-ready', { detail: { groups: inputs.length, ms: this.lastBuildMs } });
      this.building = false;
      this.bandsPending = true;
      const banded = await this.#api.workshopBoard(inputs, { bands: true });
      if (seq !== this.#seq) return;
      this.board = keepUnchanged(this.board, banded);
    } catch (e) {
      if (seq === this.#seq) this.boardError = t('workshop.board.error', { detail: e instanceof Error ? e.message : String(e) });
    } finally {
      if (seq === this.#seq) (this.building = false), (this.bandsPending = false);
    }
  }

  // ---- the room's plan ---------------------------------------------------------------------------

  /** Builds the room's plan (every lever at the groups' median, all weights 1) and draws it against every group. */
  buildConsensus(): void {
    if (this.workshop.groups.length === 0) return;
    this.#setPlan(this.workshop.plan ?? { geography: defaultPlanGeography(this.workshop), levers: {}, weights: {} });
  }

  /** The geography the plan is projected on: one of `planGeographyChoices` (the session's, the groups'). */
  setPlanGeography(key: string): void {
    const plan = this.workshop.plan;
    if (!plan || plan.geography === key || !planGeographyChoices(this.workshop).includes(key)) return;
    this.#setPlan({ ...plan, geography: key });
  }

  /** A lever's handle: sets the plan's value (clamped to the lever's range), or null to take the weighted median again. */
  setPlanLever(lever: LeverId, value: number | null): void {
    const plan = this.workshop.plan;
    if (!plan) return;
    const def = LEVER_BY_ID[lever];
    const levers = { ...plan.levers };
    if (value === null || !Number.isFinite(value)) delete levers[lever];
    else levers[lever] = Math.min(def.max, Math.max(def.min, value));
    this.#setPlan({ ...plan, levers });
  }

  /** A group's weight in the medians: a whole number from 0 (left out) to MAX_WEIGHT. */
  setWeight(groupId: string, weight: number): void {
    const plan = this.workshop.plan;
    if (!plan || !Number.isFinite(weight) || !this.workshop.groups.some((g) => g.id === groupId)) return;
    const w = Math.min(MAX_WEIGHT, Math.max(0, Math.round(weight)));
    const weights = { ...plan.weights };
    if (w === 1) delete weights[groupId];
    else weights[groupId] = w;
    this.#setPlan({ ...plan, weights });
  }

  /** Back to the plain medians: every handle released, every weight 1 (the plan stays on its geography). */
  resetPlan(): void {
    if (this.workshop.plan) this.#setPlan({ geography: this.workshop.plan.geography, levers: {}, weights: {} });
  }

  #setPlan(plan: WorkshopPlan): void {
    this.#set({ ...this.workshop, plan }, false, true);
  }

  /** Saves the consensus to the library as an ordinary scenario. */
  async saveConsensus(): Promise<void> {
    if (!this.consensus) return;
    const saved = await this.#deps.saveToLibrary($state.snapshot(this.consensus) as Scenario);
    if (saved) {
      this.consensusSavedId = saved.id;
      this.message = t('workshop.consensus.saved', { name: saved.name });
    }
  }

  // ---- the file ----------------------------------------------------------------------------------

  /** The workshop as a file: its name and JSON text. */
  exportFile(): { name: string; text: string } {
    return { name: workshopFileName(this.workshop), text: serializeWorkshop(this.workshop, APP_VERSION) };
  }

  /** Opens a workshop file (checked by the workshop door; a bad file changes nothing and says why). */
  async importFile(file: File): Promise<boolean> {
    const r = parseWorkshopText(await file.text(), { kind: 'file', name: file.name }, file.size);
    if (!r.ok) {
      this.message = t('workshop.import.refused', { detail: describeRestoreError(r) });
      return false;
    }
    this.#set(r.workshop, true);
    this.arrivals = [];
    this.pending = [];
    this.message = [t('workshop.import.opened', { name: r.workshop.name, n: r.workshop.groups.length }), ...r.notes].join(' ');
    return true;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#seq++;
    if (!this.#deps.runner) this.#runner?.terminate();
    this.#store?.close();
  }
}
