// The offline service worker and new versions. The page registers dist/sw.js (built by vite-plugin-pwa,
// precaching the whole app) relative to itself, so any sub-path works. A new version waits until the
// user presses Reload: this tab never reloads by itself, and before it does, unsaved work is written to
// the tab's autosave record (which the reload reads back). Another tab activating the new version only
// makes this tab show the prompt too. workbox-window is loaded after start-up, off the first screen.
import type { Workbox } from 'workbox-window';
import { t } from '../i18n/runtime.ts';

/** What the Reload button may do about unsaved work, given the library's state. */
export interface UnsavedWork {
  dirty: boolean;
  backend: 'starting' | 'indexeddb' | 'memory';
  flush(): Promise<void>;
  autosave: 'saved' | 'pending' | 'saving' | 'failed';
}

/** How long after the load event the service worker is registered (then at the next idle moment). */
export const REGISTER_DELAY_MS = 2000;

function afterLoadAndIdle(delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 3000 }) : resolve());
    const later = () => setTimeout(idle, delayMs);
    if (document.readyState === 'complete') later();
    else addEventListener('load', later, { once: true });
  });
}

export class AppUpdate {
  /** A new version is installed and waiting (or another tab already switched to it). */
  available = $state(false);
  /** Why the reload did not happen (unsaved work that could not be kept). */
  problem = $state('');
  #wb: Workbox | null = null;
  #reloading = false;

  /** Registers the service worker (production builds only; no-op where service workers are unavailable). */
  async start(swUrl = new URL('sw.js', document.baseURI).href): Promise<void> {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    // Precaching downloads the whole app (~2 MB): let the first screen have the network and the main
    // thread first (the usual advice: register after load), then start when the browser is idle.
    await afterLoadAndIdle(REGISTER_DELAY_MS);
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox(swUrl, { scope: new URL('./', swUrl).href });
    this.#wb = wb;
    wb.addEventListener('waiting', () => {
      this.available = true;
    });
    wb.addEventListener('controlling', (e) => {
      // Only the tab whose user pressed Reload reloads; any other tab is told and keeps its work.
      if (this.#reloading) location.reload();
      else if (e.isUpdate) this.available = true;
    });
    try {
      await wb.register();
    } catch {
      /* No service worker (private mode, file://): the app still works online. */
    }
  }

  /**
   * The user pressed Reload. Unsaved work is first written to this tab's autosave record; if it cannot
   * be kept (storage unavailable or failing) nothing happens unless `anyway` is set.
   */
  async reload(work: UnsavedWork, anyway = false): Promise<void> {
    this.problem = '';
    if (work.dirty && !anyway) {
      if (work.backend !== 'indexeddb') {
        this.problem = t('update.problem.noStorage');
        return;
      }
      await work.flush();
      if (work.autosave !== 'saved') {
        this.problem = t('update.problem.notWritten');
        return;
      }
    }
    this.#reloading = true;
    const registration = this.#wb ? await navigator.serviceWorker.getRegistration() : undefined;
    // The 'controlling' listener reloads once the new worker has taken over.
    if (registration?.waiting) this.#wb!.messageSkipWaiting();
    else location.reload(); // Another tab already switched the worker: only this page is old.
  }
}
