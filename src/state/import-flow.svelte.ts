// The import flow: a dropped or picked scenario file becomes a preview (each scenario with the saved
// one it clashes with, by id or name, and the user's keep-both / replace choice), then is written all
// or nothing. A bad file is rejected whole with a specific message and changes nothing. Every file
// passes through src/scenario/restore.ts.
import { describeFailure, type ScenarioRepository, type StorageFailure } from '../persistence/index.ts';
import { describeRestoreError } from '../scenario/restore.ts';
import { restoreFile } from '../scenario/restore-client.ts';
import type { RestoreProgress } from '../scenario/restore-api.ts';
import { affixName } from '../scenario/names.ts';
import { MAX_FILE_BYTES, type RestoreResult, type Scenario } from '../scenario/types.ts';
import { formatNumber } from '../lib/format.ts';
import { t, wholeCatalogue } from '../i18n/runtime.ts';

/** A pending import, shown as a preview before anything is written. */
export interface ImportPreview {
  fileName: string;
  items: Array<{ scenario: Scenario; clash: Scenario | null; choice: 'keep-both' | 'replace' }>;
  notes: string[];
}

/** What the import flow needs from the library that owns it. */
export interface ImportHost {
  readonly scenarios: Scenario[];
  readonly repo: ScenarioRepository | null;
  /** Re-reads the library list. */
  refresh(): Promise<void>;
  /** Tells other tabs a scenario was written. */
  announceSaved(s: Scenario): void;
  /** Shows a short message to the user. */
  say(message: string): void;
}

export class ImportFlow {
  preview = $state.raw<ImportPreview | null>(null);
  /** The last rejected file or link, with its message. */
  error = $state('');
  /** What the restore worker is doing with a file or link being read ('' when idle). */
  progress = $state('');
  /** The last import written: its file and how many scenarios it brought (for views that follow imports). */
  lastImport = $state.raw<{ fileName: string; count: number; message: string } | null>(null);

  #host: ImportHost;

  constructor(host: ImportHost) {
    this.#host = host;
  }

  /** Reads a dropped or picked file into a preview; rejects bad files whole with a specific message. */
  async read(file: File): Promise<void> {
    await wholeCatalogue(); // its messages are outside the first screen's words (src/i18n/areas.ts)
    this.error = '';
    this.preview = null;
    if (file.size > MAX_FILE_BYTES) {
      this.error = t('import.tooLarge', { file: file.name });
      return;
    }
    // restored in its own worker under a time limit: a hostile file never blocks the page
    const r: RestoreResult = await this.offThread(file.name, (onProgress) => restoreFile(file, { onProgress }));
    if (!r.ok) {
      this.error = t('import.rejected', { reason: describeRestoreError(r) });
      return;
    }
    await this.#host.refresh();
    const saved = this.#host.scenarios;
    this.preview = {
      fileName: file.name,
      notes: r.notes,
      items: r.scenarios.map((s) => {
        const clash = saved.find((x) => x.id === s.id) ?? saved.find((x) => x.name === s.name) ?? null;
        return { scenario: s, clash, choice: 'keep-both' as const };
      }),
    };
  }

  setChoice(index: number, choice: 'keep-both' | 'replace'): void {
    const p = this.preview;
    if (!p) return;
    this.preview = { ...p, items: p.items.map((it, i) => (i === index ? { ...it, choice } : it)) };
  }

  /** Writes the previewed import, all or nothing. */
  async confirm(): Promise<void> {
    const p = this.preview;
    const repo = this.#host.repo;
    if (!p || !repo) return;
    const at = new Date().toISOString();
    const items = p.items.map(({ scenario, clash, choice }) => {
      if (clash && choice === 'replace') return { scenario: { ...scenario, id: clash.id }, expectedRevision: clash.revision };
      if (clash) {
        const sameName = clash.name === scenario.name;
        return { scenario: { ...scenario, id: crypto.randomUUID(), name: sameName ? affixName(scenario.name, { suffix: ` (${t('import.importedSuffix')})` }) : scenario.name, createdAt: at }, expectedRevision: 0 };
      }
      return { scenario, expectedRevision: 0 };
    });
    try {
      const r = await repo.saveAll(items);
      if (!r.ok) {
        this.error = t('import.conflict', { file: p.fileName });
        return;
      }
      for (const s of r.scenarios) this.#host.announceSaved(s);
      this.preview = null;
      await this.#host.refresh();
      const message = t('import.done', { n: r.scenarios.length, file: p.fileName });
      this.lastImport = { fileName: p.fileName, count: r.scenarios.length, message };
      this.#host.say(message);
    } catch (e) {
      this.error = t('import.failed', { file: p.fileName, reason: describeFailure(e as StorageFailure) });
    }
  }

  cancel(): void {
    this.preview = null;
  }

  /** Runs a restore job in its worker, showing its progress meanwhile. */
  async offThread(what: string, job: (onProgress: (p: RestoreProgress) => void) => Promise<RestoreResult>): Promise<RestoreResult> {
    this.progress = t('import.reading', { file: what });
    try {
      return await job((p) => {
        if (p.stage === 'checking') this.progress = t('import.checking', { file: what, hasSize: p.bytes ? 'yes' : 'no', kb: formatNumber(Math.max(1, Math.round((p.bytes ?? 0) / 1024)), 0) });
      });
    } finally {
      this.progress = '';
    }
  }
}
