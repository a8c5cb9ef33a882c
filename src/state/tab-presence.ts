// Tab presence and recovery of closed tabs' work. Each tab autosaves under its own key (kept in
// sessionStorage, so a reload of this tab keeps it) and answers "who is there?" on the
// `pathways-2030-tabs` BroadcastChannel; at start-up, records of tabs that no longer answer and hold
// unsaved work are saved into the library as "(recovered)" copies.
import { affixName } from '../scenario/names.ts';
import { loadLatestSessionState, loadSessionState, type ScenarioRepository, type SessionState } from '../persistence/index.ts';
import { t } from '../i18n/runtime.ts';

const TAB_KEY = 'pathways-2030-tab';
const TABS_CHANNEL = 'pathways-2030-tabs';
/** How long other tabs get to answer "who is there?". */
const ANSWER_MS = 250;

/** This tab's key and its presence on the tabs channel. */
export class TabPresence {
  /** This tab's autosave key: kept in sessionStorage, so it survives a reload of this tab only. */
  readonly key: string = TabPresence.#ownKey();
  #channel: BroadcastChannel | null = null;

  constructor() {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(TABS_CHANNEL);
    this.#channel.onmessage = (e: MessageEvent) => {
      if ((e.data as { type?: string })?.type === 'who') this.#channel?.postMessage({ type: 'here', key: this.key });
    };
  }

  static #ownKey(): string {
    try {
      const k = sessionStorage.getItem(TAB_KEY);
      if (k) return k;
      const fresh = crypto.randomUUID();
      sessionStorage.setItem(TAB_KEY, fresh);
      return fresh;
    } catch {
      return crypto.randomUUID();
    }
  }

  /** Session keys (`tab:<key>`) of the other open tabs: those answering on the tabs channel within a moment. */
  async aliveTabs(): Promise<Set<string>> {
    const alive = new Set<string>();
    const ch = this.#channel;
    if (!ch) return alive;
    const onReply = (e: MessageEvent) => {
      const d = e.data as { type?: string; key?: string };
      if (d?.type === 'here' && typeof d.key === 'string') alive.add(`tab:${d.key}`);
    };
    ch.addEventListener('message', onReply);
    ch.postMessage({ type: 'who' });
    await new Promise((r) => setTimeout(r, ANSWER_MS));
    ch.removeEventListener('message', onReply);
    return alive;
  }

  close(): void {
    this.#channel?.close();
  }
}

/**
 * The session to restore at start-up: this tab's own record if it has one; otherwise the newest record
 * of any tab (a new tab continues the latest work). Records of tabs that no longer answer (closed, or
 * a crashed browser) holding unsaved work are saved into the library as "(recovered)" copies, so no
 * tab's work is lost; `onKept` is told the name of each copy.
 */
export async function recoverSessions(
  repo: ScenarioRepository,
  ownKey: string,
  presence: TabPresence,
  onKept: (name: string) => void,
): Promise<{ state: SessionState | null } | { error: string }> {
  const own = await loadSessionState(repo, undefined, ownKey);
  if ('error' in own || own.state) return own;
  const alive = await presence.aliveTabs();
  const latest = await loadLatestSessionState(repo, undefined, ownKey);
  if ('error' in latest) return latest;
  // Continuing the work of a tab that is still open: that tab keeps (and autosaves) its unsaved
  // edits, so this one starts clean on the same scenario.
  const liveKeys = new Set<string>();
  for (const { key, raw } of await repo.loadAllSessions().catch(() => [])) {
    if (alive.has(key) && latest.state && (raw as { savedAt?: unknown })?.savedAt === latest.state.savedAt) liveKeys.add(key);
  }
  if (liveKeys.size > 0 && latest.state) latest.state = { ...latest.state, dirty: false };
  let all: Array<{ key: string; raw: unknown }> = [];
  try {
    all = await repo.loadAllSessions();
  } catch {
    return latest;
  }
  for (const { key } of all) {
    if (key === ownKey || alive.has(key)) continue;
    const r = await loadSessionState(repo, undefined, key);
    const st = 'state' in r ? r.state : null;
    const adopted = st && latest.state && st.savedAt === latest.state.savedAt && st.scenario.id === latest.state.scenario.id;
    if (st && st.dirty && !adopted) {
      const saved = await repo.save({ ...st.scenario, id: crypto.randomUUID(), name: affixName(st.scenario.name, { suffix: ` (${t('library.suffix.recovered')})` }) }, { expectedRevision: 0 }).catch(() => null);
      if (saved?.ok) onKept(saved.scenario.name);
      else continue; // keep the record rather than lose it
    }
    await repo.clearSession(key).catch(() => undefined);
  }
  return latest;
}
