// The "Reach targets" analysis: the goal-seek form (goals, budget, locked levers, confidence), the
// running search with its progress and cancel, its result, the cost / achievement trade-off curve and
// the sensitivity (tornado and attribution) of the focused indicator. Everything runs on a dedicated
// analysis worker, created on first use, so a long search never delays the projections of a drag.
// One Analysis per workspace, kept while the tab is hidden (the panel unmounts; its state does not).
import { proxy } from 'comlink';
import type {
  AttributionEntry,
  AttributionRequest,
  Goal,
  IndicatorId,
  LeverId,
  ProjectionRequest,
  ProjectionResult,
  SeekProgress,
  SeekRequest,
  SeekResult,
  SensitivityRequest,
  TornadoResult,
  TradeoffRequest,
  TradeoffResult,
} from '../model/index.ts';
import { INDICATOR_BY_ID, TARGETS, type IndicatorDef } from '../model/registry/indicators.ts';
import { LEVERS } from '../model/registry/levers.ts';
import type { ModelRunner } from '../runner/runner.ts';
import { createWorkerRunner } from '../runner/worker-runner.ts';
import type { Scenario } from '../scenario/types.ts';
import { formatProbability, formatUsd } from '../lib/format.ts';
import { t } from '../i18n/runtime.ts';
import type { LeverState, LeverValues, Workspace } from './workspace.svelte.ts';
import { BUDGET_UNITS, GOAL_INDICATORS, budgetError, confidenceError, goalLevelError, goalOp, goalText, parseNumber, targetLevel, type BudgetUnit, type GoalRow } from './goal-form.ts';
import { identityOf, leversKey, type ScenarioIdentity } from './scenario-identity.ts';
import { KeyedDebounce } from './keyed-debounce.ts';

// ---- runs ---------------------------------------------------------------------------------------

export interface RunContext {
  id: string;
  goals: Goal[];
  /** The scenario's levers when the search started (the "current" column). */
  levers: LeverValues;
  identity: ScenarioIdentity;
  geographyName: string;
  /** Cost of the scenario the search started from. */
  costUsd: number | null;
  budgetUsd: number | null;
  locked: LeverId[];
  confidence: number | null;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The search's phase in words: "building up lever settings", "looking for cheaper settings", … */
export function phaseWords(p: SeekProgress['phase']): string {
  return t('seek.phase', { phase: p });
}

const isCancel = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'SeekCancelled';
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

let runCounter = 0;
const nextId = (kind: string) => `${kind}-${Date.now().toString(36)}-${++runCounter}`;

/** Quiet time after the last scenario edit before the curve and the tornado are recomputed. */
const DEBOUNCE_MS = 300;

export class Analysis {
  // the form
  goals = $state<GoalRow[]>(GOAL_INDICATORS.map((d) => ({ indicator: d.id, checked: false, level: '' })));
  budget = $state('');
  budgetUnit = $state<BudgetUnit>('billion');
  locked = $state<Partial<Record<LeverId, boolean>>>({});
  useConfidence = $state(false);
  confidence = $state('90');
  /** Set when Run was pressed with invalid fields: shows the summary and keeps the search from starting. */
  showErrors = $state(false);

  // the search
  status = $state<RunStatus>('idle');
  progress = $state.raw<SeekProgress | null>(null);
  /** Polite announcement: changes at phase changes and every quarter of the work, not on every tick. */
  announcement = $state('');
  result = $state.raw<SeekResult | null>(null);
  context = $state.raw<RunContext | null>(null);
  error = $state('');
  /** What happened to the result: applied, saved… (shown and announced under the buttons). */
  notice = $state('');

  // the trade-off curve
  tradeoffChoice = $state<IndicatorId | null>(null);
  tradeoff = $state.raw<TradeoffResult | null>(null);
  tradeoffBusy = $state(false);
  tradeoffError = $state('');

  // the sensitivity of the focused indicator
  tornado = $state.raw<TornadoResult | null>(null);
  attribution = $state.raw<AttributionEntry[] | null>(null);
  attributionDraws = $state(0);
  sensitivityBusy = $state(false);
  sensitivityError = $state('');

  /** Goal searches sent to the worker whose answer (result or rejection) has not come back yet. */
  searchesInFlight = $state(0);

  /** The trade-off curve's request for the current scenario, chosen indicator and locks (null before a projection). */
  readonly tradeoffRequest = $derived.by((): TradeoffRequest | null => {
    if (!this.#ws.result) return null;
    const base = this.#ws.toRequest();
    const req: TradeoffRequest = { geography: base.geography, indicator: this.tradeoffIndicator, points: 10 };
    if (base.levers) req.levers = base.levers;
    if (base.overrides) req.overrides = base.overrides;
    const locked = this.lockedIds;
    if (locked.length) req.locked = locked;
    return req;
  });

  /** The tornado and attribution request for the current scenario and focused indicator (null before a projection). */
  readonly sensitivityRequest = $derived.by((): AttributionRequest | null => {
    if (!this.#ws.result) return null;
    const base = this.#ws.toRequest();
    const req: AttributionRequest = { geography: base.geography, indicator: this.#ws.focus, draws: this.#ws.draws, seed: this.#ws.seed };
    if (base.levers) req.levers = base.levers;
    if (base.overrides) req.overrides = base.overrides;
    return req;
  });

  #ws: Workspace;
  #runner: ModelRunner | null = null;
  #defaultsFilled = false;
  #lastBucket = -1;
  #tradeoffId: string | null = null;
  #tradeoffLater = new KeyedDebounce(DEBOUNCE_MS);
  #tradeoffSeq = 0;
  #sensitivityLater = new KeyedDebounce(DEBOUNCE_MS);
  #sensitivitySeq = 0;

  constructor(ws: Workspace) {
    this.#ws = ws;
  }

  /** The analysis worker, started on first use. */
  get #api(): ModelRunner['api'] {
    this.#runner ??= createWorkerRunner('analysis');
    return this.#runner.api;
  }

  /** Fills the goal levels with the targets once a projection is known (never over what was typed). */
  fillDefaults(result: ProjectionResult | null): void {
    if (this.#defaultsFilled || !result) return;
    this.#defaultsFilled = true;
    for (const row of this.goals) {
      const t = targetLevel(result, row.indicator);
      if (row.level === '' && t !== null) row.level = String(t);
    }
  }

  /** Resets a goal's level to its 2030 target. */
  resetLevel(indicator: IndicatorId): void {
    const t = targetLevel(this.#ws.result, indicator);
    const row = this.goals.find((g) => g.indicator === indicator);
    if (row && t !== null) row.level = String(t);
  }

  get checkedGoals(): GoalRow[] {
    return this.goals.filter((g) => g.checked);
  }

  /** Every problem that keeps the search from running, in form order, with the field it belongs to. */
  get errors(): Array<{ field: string; message: string }> {
    const out: Array<{ field: string; message: string }> = [];
    const checked = this.checkedGoals;
    if (checked.length === 0) out.push({ field: `goal-${GOAL_INDICATORS[0]!.id}`, message: t('seek.err.noGoal') });
    for (const g of checked) {
      const m = goalLevelError(g.indicator, g.level);
      if (m) out.push({ field: `level-${g.indicator}`, message: m });
    }
    const b = budgetError(this.budget);
    if (b) out.push({ field: 'budget', message: b });
    if (this.useConfidence) {
      const c = confidenceError(this.confidence);
      if (c) out.push({ field: 'confidence', message: c });
    }
    const r = this.#ws.result;
    if (r && !(r.cost.available && Number.isFinite(r.cost.totalUsd))) {
      out.push({ field: 'goals', message: t('seek.err.noCosts', { geography: r.geography.name }) });
    }
    return out;
  }

  get budgetUsd(): number | null {
    if (this.budget.trim() === '' || budgetError(this.budget)) return null;
    const f = BUDGET_UNITS.find((u) => u.id === this.budgetUnit)!.factor;
    return parseNumber(this.budget) * f;
  }

  get lockedIds(): LeverId[] {
    return LEVERS.filter((l) => this.locked[l.id]).map((l) => l.id);
  }

  /** The goals as the model takes them (valid rows only). */
  get goalList(): Goal[] {
    return this.checkedGoals
      .filter((g) => !goalLevelError(g.indicator, g.level))
      .map((g) => ({ indicator: g.indicator, op: goalOp(g.indicator), level: parseNumber(g.level) }));
  }

  /** The trade-off indicator: the user's choice, else the first ticked goal's, else Internet use. */
  get tradeoffIndicator(): IndicatorId {
    return this.tradeoffChoice ?? this.checkedGoals[0]?.indicator ?? 'internetUse';
  }

  // ---- goal seek ------------------------------------------------------------------------------

  /**
   * Starts the search; false (nothing started) while a field is invalid or a search is running.
   * `candidates`: further settings to refine from (the presets' levers).
   */
  run(candidates: ReadonlyArray<Partial<Record<LeverId, number>>> = []): boolean {
    if (this.status === 'running') return false;
    if (this.errors.length > 0) {
      this.showErrors = true;
      return false;
    }
    this.showErrors = false;
    const ws = this.#ws;
    const base = ws.toRequest();
    const goals = this.goalList;
    const id = nextId('reach');
    const confidence = this.useConfidence ? parseNumber(this.confidence) / 100 : null;
    const req: SeekRequest = { id, geography: base.geography, goals, seed: ws.seed };
    if (base.levers) req.levers = base.levers;
    if (base.overrides) req.overrides = base.overrides;
    const budgetUsd = this.budgetUsd;
    if (budgetUsd !== null) req.budgetUsd = budgetUsd;
    const locked = this.lockedIds;
    if (locked.length) req.locked = locked;
    if (confidence !== null) req.confidence = confidence;
    if (candidates.length) req.candidates = candidates.map((c) => ({ ...c }));

    const r = ws.result;
    this.context = {
      id,
      goals,
      levers: $state.snapshot(ws.levers) as LeverValues,
      identity: identityOf(ws),
      geographyName: r?.geography.name ?? String(base.geography),
      costUsd: r && r.cost.available ? r.cost.totalUsd : null,
      budgetUsd,
      locked,
      confidence,
    };
    this.result = null;
    this.error = '';
    this.notice = '';
    this.progress = { phase: 'greedy', fraction: 0, bestCost: null };
    this.#lastBucket = -1;
    this.status = 'running';
    this.announcement = t('seek.searching', { n: goals.length });

    const onProgress = proxy((p: SeekProgress) => {
      if (this.context?.id !== id || this.status !== 'running') return;
      this.progress = p;
      const bucket = Math.floor(p.fraction * 4);
      if (bucket !== this.#lastBucket && p.fraction < 1) {
        this.#lastBucket = bucket;
        this.announcement = t('seek.progress', { done: formatProbability(p.fraction), phase: phaseWords(p.phase) });
      }
    });
    this.searchesInFlight++;
    this.#api.seekGoals(req, onProgress).then(
      (res) => {
        this.searchesInFlight--;
        if (this.context?.id !== id) return;
        if (this.status !== 'running') return; // cancelled meanwhile: the cancel stands
        this.result = res;
        this.status = 'done';
        this.progress = null;
        this.announcement = summary(res);
      },
      (e: unknown) => {
        this.searchesInFlight--;
        if (this.context?.id !== id) return;
        this.progress = null;
        if (isCancel(e) || this.status === 'cancelled') {
          this.status = 'cancelled';
          this.announcement = t('seek.cancelled');
        } else {
          this.status = 'error';
          this.error = t('seek.failed', { message: message(e) });
          this.announcement = this.error;
        }
      },
    );
    return true;
  }

  /** Stops the running search: the scenario is left exactly as it was. */
  cancel(): void {
    const c = this.context;
    if (this.status !== 'running' || !c) return;
    this.status = 'cancelled';
    this.progress = null;
    this.announcement = t('seek.cancelled');
    void this.#api.cancelSeek(c.id);
  }

  /** The found settings as workspace lever states (start years as the scenario had them). */
  foundLevers(): LeverValues | null {
    const r = this.result;
    const c = this.context;
    if (!r || !c) return null;
    return Object.fromEntries(LEVERS.map((l) => [l.id, { value: r.levers[l.id].value, start: c.levers[l.id].start }])) as LeverValues;
  }

  /** Where the workspace stands relative to the last result. */
  get freshness(): 'none' | 'fresh' | 'applied' | 'levers-changed' | 'other-scenario' {
    const c = this.context;
    const found = this.foundLevers();
    if (!c || !found || !this.result) return 'none';
    const now = identityOf(this.#ws);
    if (now.geography !== c.identity.geography || now.overrides !== c.identity.overrides) return 'other-scenario';
    if (now.levers === c.identity.levers) return 'fresh';
    if (now.levers === leversKey(found)) return 'applied';
    return 'levers-changed';
  }

  /** Sets the found levers on the scenario as one undo step. */
  apply(): void {
    const found = this.foundLevers();
    if (!found || this.freshness === 'other-scenario') return;
    const levers: Partial<Record<LeverId, LeverState>> = {};
    for (const l of LEVERS) {
      const cur = this.#ws.levers[l.id];
      const f = found[l.id];
      if (cur.value !== f.value || cur.start !== f.start) levers[l.id] = f;
    }
    const n = Object.keys(levers).length;
    if (n === 0) {
      this.notice = t('seek.alreadyApplied');
      return;
    }
    this.#ws.applyLevers(levers);
    this.notice = t('seek.applied', { n });
  }

  /** The name a saved result gets: "Reach: Internet use ≥ 90%". */
  scenarioName(): string {
    const goals = this.context?.goals ?? [];
    const full = t('seek.scenarioName', { goals: goals.map(goalText).join(', ') });
    return full.length <= 120 ? full : `${full.slice(0, 119)}…`;
  }

  /** Saves the current scenario with the found levers as a new library entry. */
  async save(lib: { toScenario(): Scenario; saveNew(s: Scenario): Promise<Scenario | null> }): Promise<void> {
    const found = this.foundLevers();
    const r = this.result;
    const c = this.context;
    if (!found || !r || !c || this.freshness === 'other-scenario') return;
    const base = lib.toScenario();
    const met = r.goals.filter((g) => g.met).length;
    const description = t('seek.scenarioDescription', {
      geography: c.geographyName,
      goals: c.goals.map(goalText).join(', '),
      met,
      n: r.goals.length,
      cost: formatUsd(r.costUsd),
      hasBudget: c.budgetUsd !== null ? 'yes' : 'no',
      budget: c.budgetUsd !== null ? formatUsd(c.budgetUsd) : '',
    });
    const s: Scenario = { ...base, name: this.scenarioName(), description: description.slice(0, 2000), levers: found };
    const saved = await lib.saveNew(s);
    this.notice = saved ? t('seek.saved', { name: saved.name }) : t('seek.notSaved');
  }

  // ---- trade-off curve ------------------------------------------------------------------------

  /** Recomputes the curve shortly after its inputs stop changing (skipped when they did not change). */
  requestTradeoff(req: TradeoffRequest): void {
    if (this.#tradeoffLater.schedule(req, () => this.#runTradeoff(req))) this.tradeoffBusy = true;
  }

  #runTradeoff(req: TradeoffRequest): void {
    const api = this.#api;
    if (this.#tradeoffId) void api.cancelSeek(this.#tradeoffId);
    const id = nextId('tradeoff');
    this.#tradeoffId = id;
    const seq = ++this.#tradeoffSeq;
    api.tradeoffCurve({ ...req, id }).then(
      (r) => {
        if (seq !== this.#tradeoffSeq) return;
        this.tradeoff = r;
        this.tradeoffError = '';
        this.tradeoffBusy = false;
        this.#tradeoffId = null;
      },
      (e: unknown) => {
        if (seq !== this.#tradeoffSeq) return;
        this.tradeoffBusy = false;
        this.#tradeoffId = null;
        if (!isCancel(e)) this.tradeoffError = t('seek.tradeoffFailed', { message: message(e) });
      },
    );
  }

  // ---- sensitivity ----------------------------------------------------------------------------

  /** Recomputes the tornado and the attribution shortly after their inputs stop changing. */
  requestSensitivity(req: AttributionRequest): void {
    const scheduled = this.#sensitivityLater.schedule(req, () => {
      const seq = ++this.#sensitivitySeq;
      const tornadoReq: SensitivityRequest = { geography: req.geography, indicator: req.indicator };
      if (req.levers) tornadoReq.levers = req.levers;
      if (req.overrides) tornadoReq.overrides = req.overrides;
      Promise.all([this.#api.tornado(tornadoReq), this.#api.attribution(req)]).then(
        ([t, a]) => {
          if (seq !== this.#sensitivitySeq) return;
          this.tornado = t;
          this.attribution = a;
          this.attributionDraws = req.draws ?? 1000;
          this.sensitivityError = '';
          this.sensitivityBusy = false;
        },
        (e: unknown) => {
          if (seq !== this.#sensitivitySeq) return;
          this.sensitivityBusy = false;
          this.sensitivityError = t('seek.sensitivityFailed', { message: message(e) });
        },
      );
    });
    if (scheduled) this.sensitivityBusy = true;
  }

  /** Stops the worker and the timers (the app is closing). */
  dispose(): void {
    this.#tradeoffLater.cancel();
    this.#sensitivityLater.cancel();
    this.#runner?.terminate();
    this.#runner = null;
  }
}

/** One sentence for the screen reader when a search ends. */
function summary(r: SeekResult): string {
  const n = r.goals.length;
  if (!r.withinBudget) return t('seek.done.overBudget');
  if (r.feasible) return t('seek.done.feasible', { n, cost: formatUsd(r.costUsd) });
  return t('seek.done.infeasible', { n, k: r.infeasible.length, budget: r.budgetUsd !== null ? 'yes' : 'no' });
}

/**
 * The workspace's analysis, created on first use and kept for the workspace's lifetime (the Reach
 * targets panel unmounts when its tab is hidden; the analysis does not). It is disposed with the
 * workspace, which ends its worker.
 */
export function getAnalysis(ws: Workspace): Analysis {
  if (!ws.analysis) {
    ws.analysis = new Analysis(ws);
    ws.onDispose(() => disposeAnalysis(ws));
  }
  return ws.analysis;
}

/** Terminates the workspace's analysis worker, if one was started (the workspace's dispose calls it). */
export function disposeAnalysis(ws: Workspace): void {
  ws.analysis?.dispose();
  ws.analysis = null;
}
