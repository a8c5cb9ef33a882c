// The language of the page (issue 17). `start()` resolves the locale (`?lang=` > remembered > browser >
// English, src/i18n/resolve.ts), loads the first screen's part of that one catalogue (loader.ts, a
// dynamic import per language and part; the parts are src/i18n/areas.ts's), hands it to `t()`
// (src/i18n/runtime.ts) and writes `<html lang dir>` and the page title; the entries (main.ts,
// presenter-main.ts) await it before mounting. The rest of the catalogue loads on the first
// `catalogueComplete()` (the tab panel once the first result is up, a tab, a dialog, a message outside
// the first screen; runtime.ts's isCatalogueComplete() says when it is in). `set()` switches language while the app runs:
// it loads the new catalogue first (on failure the current one stays and `failed` says so), remembers
// the choice and bumps `version`. App.svelte wraps its UI in `{#key locale.version}`, so every component
// re-renders in the new language; the work itself lives in the state classes (Workspace, Library),
// created above the key, so a change of language keeps the scenario and its undo history.
import { loadCataloguePart } from '../i18n/loader.ts';
import type { CatalogueArea } from '../i18n/areas.ts';
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

/** Loads one part of a language's catalogue (tests pass their own). */
export type LoadMessages = (locale: Locale, area: CatalogueArea) => Promise<Catalogue>;

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
  /** Bumped on every activation, so a late rest-of-catalogue load never lands on another language. */
  #generation = 0;

  constructor(load: LoadMessages = loadCataloguePart) {
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
    const ok = await this.#activate(resolved.locale, 'start');
    if (!ok && resolved.locale !== 'en') {
      this.failed = resolved.locale;
      await this.#activate('en', 'start');
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
      const ok = await this.#activate(locale, 'whole', () => request === this.#request);
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

  /**
   * Loads and activates a language: its first screen's part (start-up) or its whole catalogue (a change
   * of language while the app runs). False when it failed (nothing changed).
   */
  async #activate(locale: Locale, part: 'start' | 'whole', stillWanted: () => boolean = () => true): Promise<boolean> {
    let messages: Catalogue;
    try {
      messages =
        part === 'start'
          ? await this.#load(locale, 'start')
          : await Promise.all([this.#load(locale, 'start'), this.#load(locale, 'rest')]).then(([a, b]) => ({ ...a, ...b }));
    } catch (e) {
      console.warn(`Language ${locale}: the catalogue did not load`, e);
      return false;
    }
    if (!stillWanted()) return true;
    const generation = ++this.#generation;
    if (part === 'start') {
      setTranslator(createTranslator(locale, messages), () => this.#completeWith(locale, messages, generation));
    } else {
      setTranslator(createTranslator(locale, messages));
    }
    this.current = locale;
    this.#applyToDocument();
    this.version++;
    return true;
  }

  /** Adds the rest of `locale`'s catalogue to its first part (unless another language came in meanwhile). */
  async #completeWith(locale: Locale, first: Catalogue, generation: number): Promise<void> {
    const rest = await this.#load(locale, 'rest');
    if (generation !== this.#generation) return;
    setTranslator(createTranslator(locale, { ...first, ...rest }));
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
