// The presentation deck's storage: the ordered scenario ids ('current' stands for the working
// scenario) kept in IndexedDB through the library's repository. A storage failure is reported, never thrown.
import { describeFailure, type ScenarioRepository, type StorageFailure } from '../persistence/index.ts';
import { t } from '../i18n/runtime.ts';

/** The deck entry that stands for the working scenario (unsaved edits included). */
export const CURRENT_REF = 'current';

/** What "Add to deck" did: the slide's number, and whether it was there already. */
export interface DeckAddition {
  added: boolean;
  slide: number;
  count: number;
}

export class DeckStore {
  #repo: () => ScenarioRepository | null;
  #onFailure: (message: string) => void;

  constructor(repo: () => ScenarioRepository | null, onFailure: (message: string) => void) {
    this.#repo = repo;
    this.#onFailure = onFailure;
  }

  /** The saved deck's scenario ids in order ([] when none, or when storage fails). */
  async load(): Promise<string[]> {
    try {
      return (await this.#repo()?.loadDeck())?.ids ?? [];
    } catch (e) {
      this.#onFailure(describeFailure(e as StorageFailure));
      return [];
    }
  }

  async save(ids: readonly string[]): Promise<void> {
    try {
      await this.#repo()?.saveDeck(ids);
    } catch (e) {
      this.#onFailure(describeFailure(e as StorageFailure));
    }
  }

  /**
   * "Add to deck" from the library or the scenario bar, without opening the presentation: appends a
   * slide to the saved deck. A deck never saved shows the working scenario alone, so it is kept as
   * the first slide and the new one becomes the second (←/→ then work at once). A slide already in
   * the deck is not added twice. Null when storage failed (reported).
   */
  async append(ref: string): Promise<DeckAddition | null> {
    let ids: string[];
    try {
      ids = [...((await this.#repo()?.loadDeck())?.ids ?? [])];
    } catch (e) {
      this.#onFailure(describeFailure(e as StorageFailure));
      return null;
    }
    if (ids.length === 0 && ref !== CURRENT_REF) ids.push(CURRENT_REF);
    const at = ids.indexOf(ref);
    if (at >= 0) return { added: false, slide: at + 1, count: Math.max(ids.length, 1) };
    ids.push(ref);
    try {
      await this.#repo()?.saveDeck(ids);
    } catch (e) {
      this.#onFailure(describeFailure(e as StorageFailure));
      return null;
    }
    return { added: true, slide: ids.length, count: ids.length };
  }
}

/** What "Add to deck" tells the user: where the slide went, or that it was there already. */
export function deckAddedText(name: string, r: DeckAddition | null): string {
  if (!r) return t('present.deckAdd.failed', { name });
  return r.added ? t('present.deckAdd.added', { name, n: r.slide, count: r.count }) : t('present.deckAdd.already', { name, n: r.slide });
}
