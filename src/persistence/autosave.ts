// Autosave: a debounced saver with a max-wait (a continuous drag still saves every second), a flush for
// pagehide / visibilitychange, and a status for the UI; plus the autosaved session record (the working
// scenario with unsaved edits) and how it is read back, through restore(), after a reload.
import { restore as defaultRestore } from '../scenario/restore.ts';
import type { Scenario } from '../scenario/types.ts';
import { StorageFailure, toStorageFailure } from './failure.ts';
import { restoreRecord, type RestoreFn } from './records.ts';
import type { ScenarioRepository } from './repository.ts';

/** `saved`: nothing unsaved. `pending`: a change waits for the debounce. `saving`: a write is running. `failed`: the last write failed; the value is kept and retried. */
export type AutosaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

/** What the status callback gets besides the status. */
export interface AutosaveInfo {
  /** When the last successful save finished, or null if none yet. */
  lastSavedAt: Date | null;
  /** The failure of the last attempt while status is `failed`, else null. */
  error: StorageFailure | null;
}

/** Options for Autosaver. */
export interface AutosaverOptions<T> {
  /** Writes one value; may reject (a StorageFailure is passed on as is). */
  save: (value: T) => Promise<void>;
  /** Quiet time before a save (default 400 ms). */
  delayMs?: number;
  /** Longest time from the first unsaved change to its save starting (default 1000 ms). */
  maxWaitMs?: number;
  /** After a failure, try again this long later if nothing else triggers a save (default 5000 ms; null: never). */
  retryMs?: number | null;
  /** Called on every status change. */
  onStatus?: (status: AutosaveStatus, info: AutosaveInfo) => void;
  /** Clock for lastSavedAt (tests). */
  now?: () => Date;
}

type Timer = ReturnType<typeof setTimeout>;

/**
 * Saves the latest value of something that changes often. `schedule(v)` keeps only the newest value;
 * it is saved 400 ms after the changes stop, but never later than 1 s after the first unsaved change.
 * One save runs at a time. A failed save keeps its value (unless a newer one arrived) for the next try:
 * the next schedule, flush or the retry timer. `failed` stays shown until a save succeeds.
 */
export class Autosaver<T> {
  readonly #save: (value: T) => Promise<void>;
  readonly #delayMs: number;
  readonly #maxWaitMs: number;
  readonly #retryMs: number | null;
  readonly #onStatus: (status: AutosaveStatus, info: AutosaveInfo) => void;
  readonly #now: () => Date;
  #pending: { value: T } | null = null;
  #inFlight: Promise<boolean> | null = null;
  #debounce: Timer | null = null;
  #maxWait: Timer | null = null;
  #retry: Timer | null = null;
  #status: AutosaveStatus = 'saved';
  #lastSavedAt: Date | null = null;
  #error: StorageFailure | null = null;
  #disposed = false;

  constructor(options: AutosaverOptions<T>) {
    this.#save = options.save;
    this.#delayMs = options.delayMs ?? 400;
    this.#maxWaitMs = options.maxWaitMs ?? 1000;
    this.#retryMs = options.retryMs === undefined ? 5000 : options.retryMs;
    this.#onStatus = options.onStatus ?? (() => {});
    this.#now = options.now ?? (() => new Date());
  }

  /** The current status. */
  get status(): AutosaveStatus {
    return this.#status;
  }

  /** When the last successful save finished, or null. */
  get lastSavedAt(): Date | null {
    return this.#lastSavedAt;
  }

  /** The failure of the last attempt while `failed`, else null. */
  get error(): StorageFailure | null {
    return this.#error;
  }

  /** True while a value is waiting or being saved (warn before unload if so). */
  get hasUnsaved(): boolean {
    return this.#pending !== null || this.#inFlight !== null;
  }

  /** Records a new value to save; replaces any value not yet saved. */
  schedule(value: T): void {
    if (this.#disposed) return;
    this.#pending = { value };
    if (this.#status === 'saved') this.#setStatus('pending');
    if (this.#debounce !== null) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#fire(), this.#delayMs);
    this.#maxWait ??= setTimeout(() => this.#fire(), this.#maxWaitMs);
  }

  /**
   * Saves whatever is unsaved now, waiting for a save already running. Call on `pagehide` and on
   * `visibilitychange` to hidden. Never rejects; check `status` afterwards.
   */
  async flush(): Promise<void> {
    this.#clearTimers();
    await this.#drain(true);
  }

  /** Stops the timers and ignores later schedules (an unsaved value stays until `flush`). */
  dispose(): void {
    this.#disposed = true;
    this.#clearTimers();
  }

  #clearTimers(): void {
    for (const t of [this.#debounce, this.#maxWait, this.#retry]) if (t !== null) clearTimeout(t);
    this.#debounce = this.#maxWait = this.#retry = null;
  }

  #fire(): void {
    this.#clearTimers();
    void this.#drain(false);
  }

  /** Saves the pending value (after any running save); with `untilEmpty`, also what arrives meanwhile. */
  async #drain(untilEmpty: boolean): Promise<void> {
    for (;;) {
      while (this.#inFlight !== null) {
        const running = this.#inFlight;
        await running;
        if (this.#inFlight === running) this.#inFlight = null;
      }
      const next = this.#pending;
      if (next === null) return;
      this.#pending = null;
      const attempt = this.#attempt(next.value);
      this.#inFlight = attempt;
      const ok = await attempt;
      if (this.#inFlight === attempt) this.#inFlight = null;
      if (!ok || !untilEmpty) return;
    }
  }

  async #attempt(value: T): Promise<boolean> {
    this.#setStatus('saving');
    try {
      await this.#save(value);
      this.#lastSavedAt = this.#now();
      this.#error = null;
      this.#setStatus(this.#pending === null ? 'saved' : 'pending', true);
      return true;
    } catch (err) {
      // Keep the value for the next try, unless a newer one has arrived meanwhile.
      this.#pending ??= { value };
      this.#error = toStorageFailure(err, 'autosaving');
      this.#setStatus('failed', true);
      if (this.#retryMs !== null && !this.#disposed && this.#debounce === null && this.#maxWait === null) {
        this.#retry ??= setTimeout(() => this.#fire(), this.#retryMs);
      }
      return false;
    }
  }

  #setStatus(status: AutosaveStatus, always = false): void {
    if (status === this.#status && !always) return;
    this.#status = status;
    this.#onStatus(status, { lastSavedAt: this.#lastSavedAt, error: this.#error });
  }
}

/**
 * The autosaved working state (store `session`, key 'current'): the scenario being edited including
 * unsaved edits, whether it differs from the library copy, the library revision it was based on (the
 * `expectedRevision` for the next library save; 0 = never saved) and when it was autosaved.
 */
export interface SessionState {
  scenario: Scenario;
  dirty: boolean;
  baseRevision: number;
  savedAt: string;
}

/** A session state before the autosaver stamps `savedAt`. */
export type SessionDraft = Omit<SessionState, 'savedAt'>;

/** An Autosaver that writes SessionDraft values to `repo.saveSession`, stamping `savedAt`. */
export function createSessionAutosaver(
  repo: Pick<ScenarioRepository, 'saveSession'>,
  options: Omit<AutosaverOptions<SessionDraft>, 'save'> & { key?: string } = {},
): Autosaver<SessionDraft> {
  const now = options.now ?? (() => new Date());
  const { key, ...rest } = options;
  return new Autosaver<SessionDraft>({ ...rest, now, save: (draft) => repo.saveSession({ ...draft, savedAt: now().toISOString() }, key) });
}

/** What loadSessionState found: the state (null when nothing was autosaved) or why it is unusable. */
export type LoadSessionResult = { state: SessionState | null } | { error: string };

/**
 * Reads the autosave record back after a reload. The scenario goes through restore (source `storage`);
 * the other fields are checked here. Never rejects: a storage failure or a bad record is `{ error }`,
 * and the record is left in place (the UI decides whether to discard it with `clearSession`).
 */
export async function loadSessionState(repo: Pick<ScenarioRepository, 'loadSession'>, restore: RestoreFn = defaultRestore, key?: string): Promise<LoadSessionResult> {
  let raw: unknown;
  try {
    raw = await repo.loadSession(key);
  } catch (err) {
    return { error: `The autosaved work could not be read: ${toStorageFailure(err, 'reading the autosaved scenario').message}` };
  }
  return readSessionRecord(raw, restore);
}

/**
 * The newest readable autosave record of any tab (the one a new tab starts from), skipping `except`
 * (this tab's own) and unreadable records.
 */
export async function loadLatestSessionState(repo: Pick<ScenarioRepository, 'loadAllSessions'>, restore: RestoreFn = defaultRestore, except?: string): Promise<LoadSessionResult> {
  let all: Array<{ key: string; raw: unknown }>;
  try {
    all = await repo.loadAllSessions();
  } catch (err) {
    return { error: `The autosaved work could not be read: ${toStorageFailure(err, 'reading the autosaved scenarios').message}` };
  }
  let best: SessionState | null = null;
  for (const { key, raw } of all) {
    if (key === except) continue;
    const r = readSessionRecord(raw, restore);
    if ('state' in r && r.state && (!best || r.state.savedAt > best.savedAt)) best = r.state;
  }
  return { state: best };
}

/** Checks one stored autosave record and restores its scenario. */
function readSessionRecord(raw: unknown, restore: RestoreFn): LoadSessionResult {
  if (raw === undefined) return { state: null };
  if (typeof raw !== 'object' || raw === null) return { error: 'The autosaved work could not be read: the record is not an object' };
  const { scenario, dirty, baseRevision, savedAt } = raw as Record<string, unknown>;
  if (typeof dirty !== 'boolean') return { error: 'The autosaved work could not be read: dirty: expected true or false' };
  if (typeof baseRevision !== 'number' || !Number.isInteger(baseRevision) || baseRevision < 0) {
    return { error: 'The autosaved work could not be read: baseRevision: expected a whole number from 0' };
  }
  if (typeof savedAt !== 'string') return { error: 'The autosaved work could not be read: savedAt: expected an ISO 8601 date-time' };
  const r = restoreRecord(scenario, restore);
  if (!r.ok) return { error: `The autosaved work could not be read: scenario: ${r.message}` };
  return { state: { scenario: r.scenario, dirty, baseRevision, savedAt } };
}
