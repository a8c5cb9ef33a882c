// The colour theme: "system" follows prefers-color-scheme (light or dark); light, dark and projector
// (high contrast, large type, thick lines) can be chosen and are remembered in localStorage. The
// effective theme is written to <html data-theme>, where global.css holds each theme's tokens; charts
// read their colours from charts/palette.ts, which follows `theme.effective`.

import { t } from '../i18n/runtime.ts';

export type ThemeChoice = 'system' | 'light' | 'dark' | 'projector';
export type ThemeName = 'light' | 'dark' | 'projector';

/** The choices in the picker's order; `label` is read through the active catalogue (theme.<id>). */
export const THEME_CHOICES: ReadonlyArray<{ readonly id: ThemeChoice; readonly label: string }> = (['system', 'light', 'dark', 'projector'] as const).map((id) => ({
  id,
  get label() {
    return t(`theme.${id}`);
  },
}));

const KEY = 'pathways-theme';

function isChoice(v: unknown): v is ThemeChoice {
  return v === 'system' || v === 'light' || v === 'dark' || v === 'projector';
}

export class Theme {
  /** What the user picked (remembered). */
  choice = $state<ThemeChoice>('system');
  /** Whether the system asks for dark (prefers-color-scheme). */
  systemDark = $state(false);
  /** The theme in force. */
  readonly effective: ThemeName = $derived(this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice);
  #media: MediaQueryList | null = null;
  #onMedia = (e: MediaQueryListEvent) => {
    this.systemDark = e.matches;
    this.#apply();
  };

  /** Reads the remembered choice and the system preference, and applies the theme to the page. */
  start(): void {
    if (typeof window === 'undefined') return;
    try {
      const saved = window.localStorage.getItem(KEY);
      if (isChoice(saved)) this.choice = saved;
    } catch {
      /* storage blocked: the system preference still applies */
    }
    this.#media = window.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
    this.systemDark = this.#media?.matches ?? false;
    this.#media?.addEventListener('change', this.#onMedia);
    // Another window of the app (the presenter view) changed the theme: follow it.
    window.addEventListener('storage', this.#onStorage);
    this.#apply();
  }

  #onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    this.choice = isChoice(e.newValue) ? e.newValue : 'system';
    this.#apply();
  };

  /** Chooses a theme, applies it and remembers it. */
  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      if (choice === 'system') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, choice);
    } catch {
      /* not remembered, still applied */
    }
    this.#apply();
  }

  #apply(): void {
    if (typeof document === 'undefined') return;
    document.documentElement.dataset['theme'] = this.effective;
  }

  dispose(): void {
    this.#media?.removeEventListener('change', this.#onMedia);
    if (typeof window !== 'undefined') window.removeEventListener('storage', this.#onStorage);
  }
}

/** The one theme of the page (the presenter window has its own copy, started the same way). */
export const theme = new Theme();
