// The presentation deck's storage: the ordered scenario ids ('current' stands for the working
// scenario) kept in IndexedDB through the library's repository. A storage failure is reported, never thrown.
import { describeFailure, type ScenarioRepository, type StorageFailure } from '../persistence/index.ts';

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
}
