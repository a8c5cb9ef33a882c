// Cross-tab notices over BroadcastChannel('pathways-2030'): "scenario X was saved / deleted / restored".
// Messages carry ids and revisions only, never scenario content: a receiving tab re-reads the store,
// which stays the single source of truth (and the single place records pass through restore).
import { DB_NAME } from './db.ts';

/** The channel name (the same as the database name). */
export const SYNC_CHANNEL = DB_NAME;

/** What one tab tells the others. `tabId` is the sender, so a tab can ignore its own messages. */
export type SyncMessage =
  | { type: 'saved'; id: string; revision: number; tabId: string }
  | { type: 'deleted'; id: string; tabId: string }
  | { type: 'restored'; id: string; tabId: string };

/** The part of BroadcastChannel TabSync uses; tests may pass any object with this shape. */
export interface SyncChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** Options for TabSync. */
export interface TabSyncOptions {
  /** The channel to use; default `new BroadcastChannel('pathways-2030')`, or none (null) if unsupported. */
  channel?: SyncChannel | null;
  /** This tab's id; default a random UUID. */
  tabId?: string;
}

/** True for a well-formed SyncMessage (other tabs may run another version of the app). */
export function isSyncMessage(data: unknown): data is SyncMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (typeof m.id !== 'string' || typeof m.tabId !== 'string') return false;
  if (m.type === 'saved') return typeof m.revision === 'number' && Number.isInteger(m.revision);
  return m.type === 'deleted' || m.type === 'restored';
}

function defaultChannel(): SyncChannel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  try {
    return new BroadcastChannel(SYNC_CHANNEL) as unknown as SyncChannel;
  } catch {
    return null;
  }
}

function randomTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `tab-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
}

/** Distributive Omit, so each message variant keeps its own fields. */
type WithoutTabId<M> = M extends unknown ? Omit<M, 'tabId'> : never;

/**
 * Tells other tabs of this origin what changed, and hears what they changed. A no-op (posts go nowhere,
 * no messages arrive) when BroadcastChannel is missing. Own messages are ignored.
 */
export class TabSync {
  /** This tab's id, sent with every message. */
  readonly tabId: string;
  readonly #channel: SyncChannel | null;
  readonly #listeners = new Set<(message: SyncMessage) => void>();
  #closed = false;

  constructor(options: TabSyncOptions = {}) {
    this.tabId = options.tabId ?? randomTabId();
    this.#channel = options.channel === undefined ? defaultChannel() : options.channel;
    this.#channel?.addEventListener('message', (event) => this.#receive(event.data));
  }

  /** False when there is no channel (cross-tab notices are off). */
  get enabled(): boolean {
    return this.#channel !== null && !this.#closed;
  }

  /** Announces that scenario `id` was saved at `revision`. */
  saved(id: string, revision: number): void {
    this.post({ type: 'saved', id, revision });
  }

  /** Announces that scenario `id` was deleted. */
  deleted(id: string): void {
    this.post({ type: 'deleted', id });
  }

  /** Announces that scenario `id` was restored (undo of delete). */
  restored(id: string): void {
    this.post({ type: 'restored', id });
  }

  /** Posts a message (this tab's id is added). */
  post(message: WithoutTabId<SyncMessage>): void {
    if (!this.enabled) return;
    this.#channel?.postMessage({ ...message, tabId: this.tabId });
  }

  /** Listens for other tabs' messages; returns a function that stops listening. */
  onMessage(callback: (message: SyncMessage) => void): () => void {
    this.#listeners.add(callback);
    return () => this.#listeners.delete(callback);
  }

  /** Stops listening and closes the channel. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#listeners.clear();
    this.#channel?.close();
  }

  #receive(data: unknown): void {
    if (this.#closed || !isSyncMessage(data) || data.tabId === this.tabId) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener(data);
      } catch (err) {
        // One failing listener must not keep the others from hearing the message.
        (globalThis as { reportError?: (e: unknown) => void }).reportError?.(err);
      }
    }
  }
}
