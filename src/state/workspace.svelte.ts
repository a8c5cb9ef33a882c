// The planner's workspace: the scenario being edited (geography, levers, assumption overrides, seed)
// and the latest projection. Every change goes through request(), which numbers it, marks
// 'lever-input' for latency measurement, and hands it to the two-phase projection client.
import type {
  CustomGeographyDef,
  GeographyListing,
  IndicatorId,
  LeverId,
  ParameterId,
  ProjectionRequest,
  ProjectionResult,
} from '../model/index.ts';
import { LEVERS, LEVER_BY_ID, snapLever } from '../model/registry/levers.ts';
import { COMMON_BASE_YEAR } from '../model/constants.ts';
import { PARAMETER_BY_ID } from '../model/registry/parameters.ts';
import { ProjectionClient } from '../runner/projection-client.ts';
import { keepUnchanged } from '../lib/keep-unchanged.ts';
import { WorkerFailedError } from '../runner/healing.ts';
import { EngineHealth } from './engine-health.svelte.ts';
import type { ModelRunner } from '../runner/runner.ts';
import type { LeverSettingV1 } from '../scenario/types.ts';
import type { Analysis } from './analysis.svelte.ts';
import { DEFAULT_DRAWS, DEFAULT_SEED } from '../lib/constants.ts';
import { summariseTargets, type TargetSummary } from '../model/targets.ts';
import { t } from '../i18n/runtime.ts';


/** A lever's value and start year (null = the year after the base year): the scenario's lever shape. */
export type LeverState = LeverSettingV1;

export type LeverValues = Record<LeverId, LeverState>;

/** What a scenario holds besides its metadata (name, revision…). */
export interface ScenarioContent {
  geography: string | CustomGeographyDef;
  levers: Record<LeverId, LeverState>;
  overrides: Partial<Record<ParameterId, number>>;
  seed: number;
  draws: number;
}

/** What undo and redo restore: lever and assumption edits. */
interface EditSnapshot {
  levers: LeverValues;
  overrides: Partial<Record<ParameterId, number>>;
}

const HISTORY_LIMIT = 200;

export function defaultLevers(): LeverValues {
  return Object.fromEntries(LEVERS.map((l) => [l.id, { value: l.default, start: null }])) as LeverValues;
}

/** Whether two edit snapshots hold the same lever settings and assumption overrides. */
function sameEdit(a: EditSnapshot, b: EditSnapshot): boolean {
  const keys = Object.keys(a.overrides) as ParameterId[];
  return (
    LEVERS.every((l) => a.levers[l.id].value === b.levers[l.id].value && a.levers[l.id].start === b.levers[l.id].start) &&
    keys.length === Object.keys(b.overrides).length &&
    keys.every((k) => a.overrides[k] === b.overrides[k])
  );
}

export class Workspace {
  /** A geography id, or the id of one of `customGeographies`. */
  geographyId = $state('world');
  customGeographies = $state<CustomGeographyDef[]>([]);
  levers = $state<LeverValues>(defaultLevers());
  overrides = $state<Partial<Record<ParameterId, number>>>({});
  seed = $state(DEFAULT_SEED);
  draws = $state(DEFAULT_DRAWS);

  /** Latest central projection (no bands). */
  result = $state.raw<ProjectionResult | null>(null);
  /** "N of 12 targets met · M on track" for `result`: every view's count comes from here (summariseTargets). */
  #lastSummary: TargetSummary | null = null;
  readonly summary: TargetSummary | null = $derived.by(() => {
    // The same object while nothing in it changes (most lever steps), so the headline and the scorecard's
    // count are not redrawn for every result.
    this.#lastSummary = this.result ? keepUnchanged(this.#lastSummary, summariseTargets(this.result.indicators)) : null;
    return this.#lastSummary;
  });
  resultSeq = $state(0);
  /** Request number of the latest projection asked for, and of the result whose bands are shown. */
  requestedSeq = $state(0);
  bandsSeq = $state(0);
  /** Monte Carlo result for the same input as `result`, or null while it is computing. */
  bands = $state.raw<ProjectionResult | null>(null);
  bandsUpdating = $state(false);
  error = $state('');
  geographies = $state.raw<GeographyListing[]>([]);
  focus = $state<IndicatorId>('internetUse');

  /** Number of steps undo and redo can take (reactive, for the buttons). */
  undoDepth = $state(0);
  redoDepth = $state(0);

  /** Called after every user edit of the scenario content (for autosave and the dirty flag). */
  onEdit: (() => void) | null = null;

  /** Whether the numbers on screen are current, and the engine's health (out of date, restarting, failed). */
  readonly health: EngineHealth;
  #client: ProjectionClient;
  #listRunner: ModelRunner;
  #undo: EditSnapshot[] = [];
  #redo: EditSnapshot[] = [];
  /** State before the drag in progress; committed as one undo step when the drag ends. */
  #dragStart: EditSnapshot | null = null;
  #disposers: Array<() => void> = [];
  /** The goal-seek and sensitivity state, created by the Reach targets panel on first use (analysis.svelte.ts). */
  analysis: Analysis | null = null;

  constructor(central: ModelRunner, bands: ModelRunner) {
    this.#listRunner = central;
    this.health = new EngineHealth(central, bands);
    this.#client = new ProjectionClient({
      central,
      bands,
      onCentral: (result, seq, latest) => {
        // bench:ui splits input-to-painted at this mark: the worker's share before it, rendering after.
        performance.mark('projection-received', { detail: { seq } });
        this.health.answered(latest);
        // Parts equal to the previous result's stay the same objects, so only what moved re-renders;
        // the result itself is always a new object (whoever reads it whole sees every answer).
        const prev = this.result;
        const shared = prev ? keepUnchanged(prev, result) : result;
        this.result = shared === prev ? { ...shared } : shared;
        this.resultSeq = seq;
        this.error = '';
      },
      onBandsPending: () => {
        this.bandsUpdating = true;
        this.bands = null;
      },
      onBands: (result, seq) => {
        if (seq !== this.resultSeq) return;
        this.bands = result;
        this.bandsSeq = seq;
        this.bandsUpdating = false;
      },
      onError: (e, phase) => {
        if (phase === 'central') this.health.answered(true);
        if (e instanceof WorkerFailedError) {
          this.error = t(phase === 'central' ? 'engine.gaveUp.projection' : 'engine.gaveUp.bands', { error: e.message });
          if (phase === 'bands') this.bandsUpdating = false;
          return;
        }
        this.error = t(phase === 'central' ? 'engine.failed.projection' : 'engine.failed.bands', { error: e instanceof Error ? e.message : String(e) });
        if (phase === 'bands') this.bandsUpdating = false;
      },
    });
  }

  /** Loads the geography list; the library then opens the working scenario (or starts fresh). */
  async start(): Promise<void> {
    try {
      this.geographies = await this.#listRunner.api.listGeographies();
    } catch (e) {
      // A worker that cannot load must not stop the rest of start-up (autosave, share links).
      this.error = t('engine.couldNotStart', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** After the engine gave up: start its workers afresh and send the current state again. */
  async retryEngine(): Promise<void> {
    this.health.retry();
    this.error = '';
    if (this.geographies.length === 0) await this.start();
    this.request(false);
  }

  /** The geography as the model takes it. */
  get geography(): string | CustomGeographyDef {
    return this.customGeographies.find((c) => c.id === this.geographyId) ?? this.geographyId;
  }

  get baseYear(): number {
    return this.result?.baseYear ?? 2025;
  }

  /**
   * The request for the current state (plain data, safe to post to a worker); `moved` replaces lever
   * values (a request the user may make next: prefetchAround).
   */
  toRequest(moved: Partial<Record<LeverId, number>> = {}): ProjectionRequest {
    const levers: NonNullable<ProjectionRequest['levers']> = {};
    // A start at or before the geography's base year means "already acting" (as toProjectionRequest has
    // it): sent without a start, so switching to a geography with a later base year never breaks a run.
    const g = this.geography;
    const base = typeof g === 'string' ? COMMON_BASE_YEAR : (g.baseYear ?? COMMON_BASE_YEAR);
    for (const l of LEVERS) {
      const s = this.levers[l.id];
      const value = moved[l.id] ?? s.value;
      if (value !== l.default || s.start !== null) {
        levers[l.id] = s.start === null || s.start <= base ? { value } : { value, start: s.start };
      }
    }
    return {
      geography: $state.snapshot(this.geography) as ProjectionRequest['geography'],
      levers,
      overrides: { ...this.overrides },
      seed: this.seed,
      draws: this.draws,
    };
  }

  /** Sends the current state for projection; returns its request number. */
  request(edited = true): number {
    const seq = this.#client.nextSeq;
    performance.mark('lever-input', { detail: { seq } });
    this.health.requested();
    this.requestedSeq = this.#client.request(this.toRequest());
    // After the request is posted, so the worker starts while the autosave is scheduled.
    if (edited) this.onEdit?.();
    return this.requestedSeq;
  }

  // ---- undo and redo ----------------------------------------------------------------------------

  #snapshot(): EditSnapshot {
    return { levers: this.#leverCopy(), overrides: { ...this.overrides } };
  }

  /** A plain copy of the flat lever settings (taken on every key press of a range, so no deep clone). */
  #leverCopy(): LeverValues {
    const levers = {} as LeverValues;
    for (const l of LEVERS) levers[l.id] = { value: this.levers[l.id].value, start: this.levers[l.id].start };
    return levers;
  }

  #pushUndo(before: EditSnapshot): void {
    this.#undo.push(before);
    if (this.#undo.length > HISTORY_LIMIT) this.#undo.shift();
    this.#redo = [];
    this.undoDepth = this.#undo.length;
    this.redoDepth = 0;
  }

  /** Records the state before a discrete edit (one undo step). */
  #record(): void {
    this.commitDrag();
    this.#pushUndo(this.#snapshot());
  }

  /** Ends a drag: everything since its first input becomes one undo step. */
  commitDrag(): void {
    if (!this.#dragStart) return;
    const before = this.#dragStart;
    this.#dragStart = null;
    if (!sameEdit(before, this.#snapshot())) this.#pushUndo(before);
  }

  #apply(s: EditSnapshot): void {
    this.levers = s.levers;
    this.overrides = s.overrides;
    this.request();
  }

  undo(): void {
    this.commitDrag();
    this.#travel(this.#undo, this.#redo);
  }

  redo(): void {
    this.commitDrag();
    this.#travel(this.#redo, this.#undo);
  }

  /** One undo or redo step: the edit on top of `from` becomes the present, the present goes onto `to`. */
  #travel(from: EditSnapshot[], to: EditSnapshot[]): void {
    const snapshot = from.pop();
    if (!snapshot) return;
    to.push(this.#snapshot());
    this.undoDepth = this.#undo.length;
    this.redoDepth = this.#redo.length;
    this.#apply(snapshot);
  }

  /** Clears history (a different scenario was opened). */
  clearHistory(): void {
    this.#undo = [];
    this.#redo = [];
    this.#dragStart = null;
    this.undoDepth = 0;
    this.redoDepth = 0;
  }

  // ---- edits ------------------------------------------------------------------------------------

  /** A lever moved. During a drag call commitDrag() when it ends (the range's change event). */
  setLever(id: LeverId, value: number): void {
    if (this.levers[id].value === value) return;
    this.#dragStart ??= this.#snapshot();
    this.levers[id].value = value;
    this.request();
    this.prefetchAround(id);
  }

  /**
   * Asks the engine ahead for the lever one step down and one step up (what an arrow key does next), so
   * that a key press shows its answer in its own frame (ProjectionClient keeps the answers). Called when
   * a lever gets focus and after each of its moves.
   */
  prefetchAround(id: LeverId): void {
    const def = LEVER_BY_ID[id];
    const value = this.levers[id].value;
    const next = [value - def.step, value + def.step].map((v) => snapLever(def, v)).filter((v) => v !== value);
    this.#client.prefetch(next.map((v) => this.toRequest({ [id]: v })));
  }

  /** Sets several levers at once (a goal-seek result): one undo step. */
  applyLevers(levers: Partial<Record<LeverId, LeverState>>): void {
    this.#record();
    for (const l of LEVERS) {
      const s = levers[l.id];
      if (s) this.levers[l.id] = { value: s.value, start: s.start };
    }
    this.request();
  }

  setLeverStart(id: LeverId, start: number | null): void {
    this.#record();
    this.levers[id].start = start;
    this.request();
  }

  resetLever(id: LeverId): void {
    const def = LEVERS.find((l) => l.id === id)!;
    this.#record();
    this.levers[id] = { value: def.default, start: null };
    this.request();
  }

  resetAllLevers(): void {
    this.#record();
    this.levers = defaultLevers();
    this.request();
  }

  setGeography(id: string): void {
    if (id === this.geographyId) return;
    this.geographyId = id;
    // Start years are relative to the base year, which a custom geography may change.
    for (const l of LEVERS) this.levers[l.id].start = null;
    this.request();
  }

  /** Adds or replaces a custom geography and selects it. */
  saveCustomGeography(def: CustomGeographyDef): void {
    const i = this.customGeographies.findIndex((c) => c.id === def.id);
    if (i >= 0) this.customGeographies[i] = def;
    else this.customGeographies.push(def);
    this.geographyId = def.id;
    for (const l of LEVERS) this.levers[l.id].start = null;
    this.request();
  }

  setOverride(id: ParameterId, value: number): void {
    const def = PARAMETER_BY_ID[id];
    if (!(value >= def.low && value <= def.high)) return; // the form reports the range; nothing changes
    if (this.overrides[id] === value) return;
    this.#record();
    this.overrides[id] = value;
    this.request();
  }

  resetOverride(id: ParameterId): void {
    if (!(id in this.overrides)) return;
    this.#record();
    delete this.overrides[id];
    this.request();
  }

  resetAllOverrides(): void {
    this.#record();
    this.overrides = {};
    this.request();
  }

  get hasOverrides(): boolean {
    return Object.keys(this.overrides).length > 0;
  }

  /** The scenario content the workspace holds (everything but the name and other metadata). */
  content(): ScenarioContent {
    return {
      geography: $state.snapshot(this.geography) as ScenarioContent['geography'],
      levers: this.#leverCopy(),
      overrides: { ...this.overrides },
      seed: this.seed,
      draws: this.draws,
    };
  }

  /** Replaces the workspace content with a scenario's (opening it); clears undo history. */
  loadContent(c: ScenarioContent): void {
    if (typeof c.geography !== 'string') {
      const def = c.geography;
      const i = this.customGeographies.findIndex((g) => g.id === def.id);
      if (i >= 0) this.customGeographies[i] = def;
      else this.customGeographies.push(def);
      this.geographyId = def.id;
    } else {
      this.geographyId = c.geography;
    }
    const levers = defaultLevers();
    for (const l of LEVERS) {
      const s = c.levers[l.id];
      if (s) levers[l.id] = { value: s.value, start: s.start };
    }
    this.levers = levers;
    this.overrides = { ...c.overrides };
    this.seed = c.seed;
    this.draws = c.draws;
    this.clearHistory();
    this.request(false);
  }

  /** A one-off projection outside the drag scheduler (comparisons, reports). */
  projectOnce(req: ProjectionRequest): Promise<ProjectionResult> {
    return this.#listRunner.api.project(req);
  }

  /** Runs `fn` when the workspace is disposed (parts created later, such as the analysis, end with it). */
  onDispose(fn: () => void): void {
    this.#disposers.push(fn);
  }

  dispose(): void {
    this.health.dispose();
    this.#client.dispose();
    for (const fn of this.#disposers.splice(0)) fn();
  }
}
