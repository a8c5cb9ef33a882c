// The language of the page (issue 17). `start()` resolves the locale (`?lang=` > remembered > browser >
// English, src/i18n/resolve.ts), loads that one catalogue (loader.ts, a dynamic import per language),
// hands it to `t()` (src/i18n/runtime.ts) and writes `<html lang dir>` and the page title; the entries
// (main.ts, presenter-main.ts) await it before mounting. `set()` switches language while the app runs:
// it loads the new catalogue first (on failure the current one stays and `failed` says so), remembers
// the choice and bumps `version`. App.svelte wraps its UI in `{#key locale.version}`, so every component
// re-renders in the new language; the work itself lives in the state classes (Workspace, Library),
// created above the key, so a change of language keeps the scenario and its undo history.
import { loadMessages } from '../i18n/loader.ts';
import { directionOf, type Locale } from '../i18n/locales.ts';
import { readStoredLocale, rememberLocale, resolveLocale, LOCALE_STORAGE_KEY } from '../i18n/resolve.ts';
import { activeLocale, setTranslator, t } from '../i18n/runtime.ts';
import { createTranslator, type Catalogue } from '../i18n/translator.ts';
import { isLocale } from '../i18n/locales.ts';

export interface LocaleStartOptions {
  /** Catalogue key of the page's `<title>` (the presenter window has its own). */
  titleKey?: string;
  /** Follow a language chosen in another window of the app (storage events), as the presenter does. */
  follow?: boolean;
}

export type LoadMessages = (locale: Locale) => Promise<Catalogue>;

export class LocaleState {
  /** The language shown. */
  current = $state<Locale>('en');
  /** Bumped on every change of language: `{#key locale.version}` re-renders the UI below it. */
  version = $state(0);
  /** A `?lang=` value that named no available language (shown as a notice until dismissed). */
  rejected = $state<string | null>(null);
  /** A language whose catalogue failed to load (the page stayed in `current`); null when none. */
  failed = $state<Locale | null>(null);
  /** A change of language is loading its catalogue. */
  busy = $state(false);
  #titleKey = 'app.title';
  #load: LoadMessages;
  #request = 0;

  constructor(load: LoadMessages = loadMessages) {
    this.#load = load;
  }

  /**
   * Resolves and loads the locale before the app mounts. A catalogue that cannot load falls back to
   * English (and, if even that fails, to the keys themselves) rather than leaving a blank page.
   */
  async start(options: LocaleStartOptions = {}): Promise<void> {
    this.#titleKey = options.titleKey ?? this.#titleKey;
    const win = typeof window === 'undefined' ? undefined : window;
    const resolved = resolveLocale({
      search: win?.location.search ?? null,
      stored: readStoredLocale(safeStorage()),
      languages: typeof navigator === 'undefined' ? null : navigator.languages,
    });
    this.rejected = resolved.rejectedQuery ?? null;
    const ok = await this.#activate(resolved.locale);
    if (!ok && resolved.locale !== 'en') {
      this.failed = resolved.locale;
      await this.#activate('en');
    }
    if (options.follow && win) win.addEventListener('storage', this.#onStorage);
  }

  /**
   * Shows the page in `locale` and remembers the choice. Resolves to false (and sets `failed`) when the
   * catalogue could not load: the current language then stays, with nothing else changed.
   */
  async set(locale: Locale, remember = true): Promise<boolean> {
    if (locale === this.current && this.failed === null) {
      if (remember) rememberLocale(safeStorage(), locale);
      return true;
    }
    const request = ++this.#request;
    this.busy = true;
    try {
      const ok = await this.#activate(locale, () => request === this.#request);
      if (request !== this.#request) return ok; // a later choice superseded this one
      this.failed = ok ? null : locale;
      if (ok && remember) rememberLocale(safeStorage(), locale);
      return ok;
    } finally {
      if (request === this.#request) this.busy = false;
    }
  }

  dismissNotice(): void {
    this.rejected = null;
    this.failed = null;
  }

  dispose(): void {
    if (typeof window !== 'undefined') window.removeEventListener('storage', this.#onStorage);
  }

  #onStorage = (e: StorageEvent): void => {
    if (e.key === LOCALE_STORAGE_KEY && isLocale(e.newValue)) void this.set(e.newValue, false);
  };

  /** Loads and activates one catalogue; false when it failed (nothing changed). */
  async #activate(locale: Locale, stillWanted: () => boolean = () => true): Promise<boolean> {
    let messages: Catalogue;
    try {
      messages = await this.#load(locale);
    } catch (e) {
      console.warn(`Language ${locale}: the catalogue did not load`, e);
      return false;
    }
    if (!stillWanted()) return true;
    setTranslator(createTranslator(locale, messages));
    this.current = locale;
    this.#applyToDocument();
    this.version++;
    return true;
  }

  #applyToDocument(): void {
    if (typeof document === 'undefined') return;
    const root = document.documentElement;
    root.lang = activeLocale();
    root.dir = directionOf(activeLocale());
    document.title = t(this.#titleKey);
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The one language state of a page (each window of the app starts its own). */
export const locale = new LocaleState();
