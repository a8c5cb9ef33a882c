// Presentation mode: the deck (an ordered list of scenarios, saved in IndexedDB through the library),
// which slide is showing, blanking, live lever edits on a slide, each slide's projection, and the
// messages exchanged with the presenter window over BroadcastChannel. The UI is PresentMode.svelte.
import { INDICATOR_BY_ID, TARGETS, type IndicatorId } from '../model/registry/indicators.ts';
import { LEVERS, type LeverDef, type LeverId } from '../model/registry/levers.ts';
import type { IndicatorResult, ProjectionResult } from '../model/index.ts';
import { scenarioBaseYear, toProjectionRequest } from '../scenario/scenario.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Library } from './library.svelte.ts';
import { CURRENT_REF } from './deck-store.ts';
import { readChartChoices, writeChartChoices } from './slide-charts.ts';
import { BOARD_REF, PLAN_REF, groupNotes, isWorkshopRef, workshopHeadline, workshopRefs, type GroupNote, type WorkshopSlides } from './workshop-slides.ts';
import type { Workspace } from './workspace.svelte.ts';
import { formatLever, formatUsd } from '../lib/format.ts';
import { t } from '../i18n/runtime.ts';
import { geographyName, geographyNameById } from '../lib/geography-name.ts';
import { keys } from '../i18n/keys.ts';
import { summariseTargets, type TargetStanding, type TargetSummary } from '../model/targets.ts';
import { PRESETS, geographyIndexName, parsePresetRef, presetOn, presetRef } from '../scenario/presets.ts';

/** The deck entry that stands for the working scenario (unsaved edits included). */
export const CURRENT = CURRENT_REF;
export const PRESENT_CHANNEL = 'pathways-2030-present';
export const DEFAULT_CHART: IndicatorId = 'internetUse';
/** How long a slide change takes to grow the scenario line out of the current-trends line. */
export const ANIMATION_MS = 600;

export interface DeckItem {
  /** Unique per slide (the same scenario may appear twice). */
  key: string;
  /** CURRENT, a saved scenario's id or a preset's id. */
  ref: string;
  /** One or two indicators to chart on this slide. */
  charts: IndicatorId[];
}

/** A changed lever, in words with its unit. */
export interface LeverChange {
  id: LeverId;
  label: string;
  /** "25% of uncovered people newly covered per year" */
  amount: string;
  /** "from 2027", or '' when it acts from the start. */
  from: string;
  /** The whole sentence: "Network rollout: 25% of uncovered people newly covered per year, from 2027". */
  text: string;
}

/** A lever value with its unit in words: "25% of …", "2 USD per person …", "3 percentage points …". */
export function leverAmount(l: LeverDef, value: number): string {
  const v = formatLever(value, l.step);
  const unit = t(keys.lever(l.id, 'unit'));
  return unit.startsWith('%') ? `${v}${unit}` : `${v} ${unit}`;
}

/** The levers a scenario moves away from current trends (every lever at its default), in registry order. */
export function changedLevers(s: Scenario): LeverChange[] {
  const first = scenarioBaseYear(s) + 1;
  const out: LeverChange[] = [];
  for (const l of LEVERS) {
    const set = s.levers[l.id];
    if (!set || set.value === l.default) continue;
    const amount = leverAmount(l, set.value);
    const from = set.start !== null && set.start > first ? t('present.lever.from', { year: String(set.start) }) : '';
    const label = t(keys.lever(l.id, 'label'));
    out.push({ id: l.id, label, amount, from, text: `${label}: ${amount}${from ? `, ${from}` : ''}` });
  }
  return out;
}

/** One target with every one of its indicators' results (2.1 and 2.5 have several), and its standing. */
export interface TargetGroup {
  target: (typeof TARGETS)[number];
  status: TargetStanding['status'];
  inds: IndicatorResult[];
}

/** The twelve targets, each with all its indicators, by the one rule every view shares (summariseTargets). */
export function targetGroups(r: ProjectionResult): { groups: TargetGroup[]; summary: TargetSummary } {
  const summary = summariseTargets(r.indicators);
  const groups = summary.targets.map((t, i): TargetGroup => ({
    target: TARGETS[i]!,
    status: t.status,
    inds: t.indicators.flatMap((id) => r.indicators.filter((x) => x.id === id)),
  }));
  return { groups, summary };
}

/** "3 of 12 targets met · 2 on track": the headline count, the same words in every view. */
export function countText(s: TargetSummary): string {
  return t('present.count', { met: s.met, total: s.total, onTrack: s.onTrack });
}

/** The scenario line part of the way from the trends line (0) to itself (1), eased in and out. */
export function interpolate(trends: readonly number[], scenario: readonly number[], t: number): number[] {
  const k = t <= 0 ? 0 : t >= 1 ? 1 : t < 0.5 ? 4 * t ** 3 : 1 - (2 - 2 * t) ** 3 / 2;
  return scenario.map((v, i) => {
    const from = trends[i] ?? v;
    return from + (v - from) * k;
  });
}

/** A short summary of a slide, for the presenter window and the deck list. */
export interface SlideSummary {
  title: string;
  geography: string;
  levers: string[];
  met: number | null;
  onTrack: number | null;
  targets: number;
  cost: string;
  /** A workshop slide's own one-line summary (the board's groups, the plan's standing), said instead of the scenario summary. */
  headline?: string;
}

export function summarize(title: string, s: Scenario | null, r: ProjectionResult | null): SlideSummary {
  const sum = r ? summariseTargets(r.indicators) : null;
  return {
    title,
    geography: r ? geographyName(r.geography) : (s ? (typeof s.geography === 'string' ? s.geography : s.geography.name) : ''),
    levers: s ? changedLevers(s).map((c) => c.text) : [],
    met: sum ? sum.met : null,
    onTrack: sum ? sum.onTrack : null,
    targets: TARGETS.length,
    cost: r ? (r.cost.available ? formatUsd(r.cost.totalUsd) : t('present.cost.unavailable')) : '',
  };
}

// ---- messages between the presentation and the presenter window ------------------------------------

export interface PresentStateMessage {
  type: 'state';
  session: string;
  index: number;
  count: number;
  blank: boolean;
  startedAt: number;
  current: (SlideSummary & { notes: string; groups?: GroupNote[] }) | null;
  next: SlideSummary | null;
  titles: string[];
}
export type PresenterCommand = 'next' | 'prev' | 'first' | 'last' | 'blank' | { goto: number };
export type PresentMessage =
  | PresentStateMessage
  | { type: 'hello'; session: string }
  | { type: 'command'; session: string; action: PresenterCommand }
  | { type: 'ended'; session: string };

export function isPresentMessage(x: unknown): x is PresentMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { type?: unknown; session?: unknown };
  return typeof m.session === 'string' && (m.type === 'state' || m.type === 'hello' || m.type === 'command' || m.type === 'ended');
}

let keySeq = 0;
const newKey = () => `slide-${++keySeq}`;

export class Presentation {
  deck = $state<DeckItem[]>([]);
  index = $state(0);
  blank = $state(false);
  live = $state(false);
  loaded = $state(false);
  /** Polite announcement ("Slide 2 of 3: Balanced plan"). */
  announcement = $state('');
  /** Something about the deck the facilitator should know (a saved scenario that is gone). */
  deckNote = $state('');
  /** Live-edited copies of slides' scenarios, by slide key (never written to the library). */
  copies = $state.raw<Record<string, Scenario>>({});
  /** Latest projection of each non-current slide, by slide key. */
  results = $state.raw<Record<string, ProjectionResult>>({});
  errors = $state.raw<Record<string, string>>({});
  readonly startedAt = Date.now();

  #lib: Library;
  #ws: Workspace;
  /** The workshop's board and plan, when presenting from the Workshop tab. */
  readonly workshop: WorkshopSlides | null;
  #wanted = new Map<string, string>();
  #busy = new Set<string>();
  #seq = 0;
  #shownSeq = new Map<string, number>();

  constructor(lib: Library, ws: Workspace, workshop: WorkshopSlides | null = null) {
    this.#lib = lib;
    this.#ws = ws;
    this.workshop = workshop;
  }

  /** Reads the saved deck (empty: the working scenario alone); scenarios no longer in the library are left out, and said so. */
  async load(): Promise<void> {
    const ids = await this.#lib.deck.load();
    const choices = readChartChoices();
    const known = ids.filter((id) => this.#known(id));
    const missing = ids.length - known.length;
    this.deckNote = missing ? t('present.deck.missing', { count: missing }) : '';
    const refs = [...workshopRefs(this.workshop), ...(known.length ? known : [CURRENT])];
    this.deck = refs.map((ref) => ({ key: newKey(), ref, charts: choices[ref] ?? [DEFAULT_CHART] }));
    this.index = 0;
    this.loaded = true;
    // Not written back here: the stored deck changes only when the facilitator edits it.
  }

  #known(ref: string): boolean {
    if (isWorkshopRef(ref)) return workshopRefs(this.workshop).includes(ref);
    return ref === CURRENT || this.#lib.scenarios.some((s) => s.id === ref) || this.#presetSlide(ref) !== null;
  }

  /** A preset slide's scenario: the preset on the geography the slide keeps, named with it. */
  #presetSlide(ref: string): Scenario | null {
    const p = parsePresetRef(ref, this.#lib.presets);
    if (!p) return null;
    const g = this.#geography(p.geographyId);
    return g ? presetOn(p.preset, g.geography, g.name) : null;
  }

  /** A geography by id: a listed one, or a custom one known to the workspace or to a saved scenario. */
  #geography(id: string): { geography: Scenario['geography']; name: string } | null {
    const custom = this.#ws.customGeographies.find((c) => c.id === id) ?? this.#lib.scenarios.map((s) => s.geography).find((g) => typeof g !== 'string' && g.id === id);
    if (custom && typeof custom !== 'string') return { geography: $state.snapshot(custom) as Scenario['geography'], name: custom.name };
    const name = this.#ws.geographies.find((g) => g.id === id)?.name ?? geographyIndexName(id);
    return name ? { geography: id, name } : null;
  }

  /**
   * The deck entry for a slide: a preset is added on the geography being worked on ("Balanced plan —
   * Kenya") and keeps it; anything else is added as it is.
   */
  refFor(ref: string): string {
    return PRESETS.some((p) => p.id === ref) || this.#lib.presets.some((p) => p.id === ref) ? presetRef(ref, this.#ws.geographyId) : ref;
  }

  get count(): number {
    return this.deck.length;
  }

  get item(): DeckItem | null {
    return this.deck[this.index] ?? null;
  }

  // ---- what a slide shows ------------------------------------------------------------------------

  /** The scenario behind a slide: the working scenario, a live copy, a saved one or a preset. */
  scenarioOf(item: DeckItem): Scenario | null {
    if (item.ref === CURRENT) return this.#lib.toScenario();
    if (item.ref === BOARD_REF) return null;
    if (item.ref === PLAN_REF) return this.copies[item.key] ?? this.workshop?.consensus ?? null;
    return this.copies[item.key] ?? this.#lib.scenarios.find((s) => s.id === item.ref) ?? this.#presetSlide(item.ref);
  }

  nameOf(item: DeckItem): string {
    if (item.ref === CURRENT) return this.#lib.current.name;
    if (item.ref === BOARD_REF) return t('workshop.slide.boardTitle', { name: this.workshop?.workshop.name ?? '' });
    return this.scenarioOf(item)?.name ?? t('present.item.gone');
  }

  kindOf(item: DeckItem): string {
    if (item.ref === CURRENT) return t('present.kind.working');
    if (isWorkshopRef(item.ref)) return t('workshop.slide.kind');
    if (parsePresetRef(item.ref, this.#lib.presets)) return t('present.kind.preset');
    return t('present.kind.saved');
  }

  resultOf(item: DeckItem): ProjectionResult | null {
    if (item.ref === CURRENT) return this.#ws.result;
    return this.results[item.key] ?? null;
  }

  /** The slide's run with Monte Carlo bands (the live scenario's band run; saved slides are run with them). */
  bandsOf(item: DeckItem): ProjectionResult | null {
    if (item.ref === CURRENT) return this.#ws.bands;
    return this.results[item.key] ?? null;
  }

  summaryOf(item: DeckItem): SlideSummary {
    const s = summarize(this.nameOf(item), this.scenarioOf(item), this.resultOf(item));
    const headline = this.workshop && isWorkshopRef(item.ref) ? workshopHeadline(this.workshop, item.ref, (g) => this.#placeName(g)) : null;
    return headline ? { ...s, headline } : s;
  }

  #placeName(g: Scenario['geography']): string {
    return typeof g === 'string' ? geographyNameById(g, this.#ws.geographies) : g.name;
  }

  /**
   * Projects every slide whose scenario changed since its last projection (call from an effect: it
   * reads the deck, the live copies and the library). One request per slide at a time; the latest wins.
   */
  refresh(): void {
    for (const item of this.deck) {
      if (item.ref === CURRENT) continue;
      const s = this.scenarioOf(item);
      if (!s) continue;
      // with uncertainty: a slide shows the cost's p10–p90
      const sig = JSON.stringify(toProjectionRequest(s, { uncertainty: true }));
      if (this.#wanted.get(item.key) === sig) continue;
      this.#wanted.set(item.key, sig);
      void this.#run(item.key);
    }
  }

  async #run(key: string): Promise<void> {
    if (this.#busy.has(key)) return; // picked up when the running one ends
    const sig = this.#wanted.get(key);
    if (sig === undefined) return;
    this.#busy.add(key);
    const seq = ++this.#seq;
    try {
      const r = await this.#ws.projectOnce(JSON.parse(sig) as ReturnType<typeof toProjectionRequest>);
      if (seq > (this.#shownSeq.get(key) ?? 0)) {
        this.#shownSeq.set(key, seq);
        this.results = { ...this.results, [key]: r };
        if (this.errors[key]) {
          const { [key]: _gone, ...rest } = this.errors;
          this.errors = rest;
        }
      }
    } catch (e) {
      this.errors = { ...this.errors, [key]: e instanceof Error ? e.message : String(e) };
    } finally {
      this.#busy.delete(key);
    }
    if (this.#wanted.get(key) !== sig) void this.#run(key);
  }

  // ---- moving through the deck -------------------------------------------------------------------

  #announce(): void {
    const item = this.item;
    this.announcement = this.blank ? t('present.announce.blank') : item ? t('present.announce.slide', { n: this.index + 1, count: this.count, name: this.nameOf(item) }) : '';
  }

  go(i: number): void {
    if (!this.count) return;
    const next = Math.max(0, Math.min(this.count - 1, i));
    const moved = next !== this.index;
    this.index = next;
    if (this.blank) this.blank = false;
    else if (!moved) return;
    this.#announce();
  }

  /** Runs a key or presenter command. A navigation key while blanked only brings the slide back. */
  command(a: PresenterCommand): void {
    if (a === 'blank') {
      this.blank = !this.blank;
      this.#announce();
      return;
    }
    if (this.blank) {
      this.blank = false;
      this.#announce();
      return;
    }
    if (a === 'next') this.go(this.index + 1);
    else if (a === 'prev') this.go(this.index - 1);
    else if (a === 'first') this.go(0);
    else if (a === 'last') this.go(this.count - 1);
    else if (a.goto < this.count) this.go(a.goto);
  }

  /** Announces the slide on entry. */
  announceCurrent(): void {
    this.#announce();
  }

  // ---- editing the deck --------------------------------------------------------------------------

  async #save(): Promise<void> {
    // The workshop's slides belong to this presentation only.
    await this.#lib.deck.save(this.deck.map((d) => d.ref).filter((r) => !isWorkshopRef(r)));
  }

  #rememberCharts(ref: string, charts: IndicatorId[]): void {
    const all = readChartChoices();
    all[ref] = charts;
    writeChartChoices(all);
  }

  add(ref0: string): void {
    const ref = this.refFor(ref0);
    if (!this.#known(ref)) return;
    const choices = readChartChoices();
    this.deck.push({ key: newKey(), ref, charts: choices[ref] ?? [DEFAULT_CHART] });
    void this.#save();
  }

  remove(key: string): void {
    const i = this.deck.findIndex((d) => d.key === key);
    if (i < 0) return;
    this.deck.splice(i, 1);
    if (this.index >= this.deck.length) this.index = Math.max(0, this.deck.length - 1);
    else if (i < this.index) this.index--;
    this.#wanted.delete(key);
    void this.#save();
  }

  move(key: string, delta: number): void {
    const i = this.deck.findIndex((d) => d.key === key);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= this.deck.length) return;
    const showing = this.deck[this.index]?.key;
    const [it] = this.deck.splice(i, 1);
    this.deck.splice(j, 0, it!);
    const at = this.deck.findIndex((d) => d.key === showing);
    if (at >= 0) this.index = at;
    void this.#save();
  }

  setCharts(key: string, charts: IndicatorId[]): void {
    const item = this.deck.find((d) => d.key === key);
    const clean = [...new Set(charts)].filter((c) => c in INDICATOR_BY_ID).slice(0, 2);
    if (!item || !clean.length) return;
    item.charts = clean;
    this.#rememberCharts(item.ref, clean);
  }

  // ---- live levers -------------------------------------------------------------------------------

  /** The lever value a slide shows (its copy, or the workspace for the working scenario). */
  leverValue(item: DeckItem, id: LeverId): number {
    if (item.ref === CURRENT) return this.#ws.levers[id].value;
    return this.scenarioOf(item)?.levers[id]?.value ?? 0;
  }

  /** A live lever move: the working scenario edits the workspace; any other slide edits its own copy. */
  setLever(item: DeckItem, id: LeverId, value: number): void {
    if (item.ref === CURRENT) {
      this.#ws.setLever(id, value);
      return;
    }
    const s = this.scenarioOf(item);
    if (!s) return;
    const prev = s.levers[id];
    this.copies = { ...this.copies, [item.key]: { ...s, levers: { ...s.levers, [id]: { value, start: prev?.start ?? null } } } };
  }

  /** The end of a drag (the range's change event). */
  commitLever(item: DeckItem): void {
    if (item.ref === CURRENT) this.#ws.commitDrag();
  }

  isEdited(item: DeckItem): boolean {
    return item.ref !== CURRENT && item.key in this.copies;
  }

  /** Drops a slide's live edits (back to its scenario as saved). */
  resetLive(item: DeckItem): void {
    if (!(item.key in this.copies)) return;
    const { [item.key]: _gone, ...rest } = this.copies;
    this.copies = rest;
  }

  // ---- the presenter window ----------------------------------------------------------------------

  stateMessage(session: string): PresentStateMessage {
    const item = this.item;
    const next = this.deck[this.index + 1];
    const cur = item ? this.summaryOf(item) : null;
    return {
      type: 'state',
      session,
      index: this.index,
      count: this.count,
      blank: this.blank,
      startedAt: this.startedAt,
      current: cur && item ? { ...cur, notes: item.ref === CURRENT ? this.#lib.current.notes : (this.scenarioOf(item)?.notes ?? ''), ...(item.ref === BOARD_REF && this.workshop ? { groups: groupNotes(this.workshop.workshop) } : {}) } : null,
      next: next ? this.summaryOf(next) : null,
      titles: this.deck.map((d) => this.nameOf(d)),
    };
  }
}
