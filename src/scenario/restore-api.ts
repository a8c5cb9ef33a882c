// What the restore worker offers: a file or a share link in, a RestoreData out (problems and notes as
// codes: the worker has no catalogue; restore-client.ts says them in the active language), with progress.
// The same functions run in-process where there is no Worker (Node tests); the browser reaches them
// through workers/restore.worker.ts so that reading a hostile input never blocks the main thread.
import { parseScenarioData, tooLarge } from './restore.ts';
import { decodeShareData } from './share.ts';
import { MAX_FILE_BYTES, type RestoreData, type RestoreSource } from './types.ts';

/** Where a restore job is: reported to the caller, who shows it and runs the time limit. */
export interface RestoreProgress {
  stage: 'started' | 'reading' | 'checking' | 'done';
  /** Bytes of input, when known. */
  bytes?: number;
}

export type ProgressFn = (p: RestoreProgress) => void;

export const restoreApi = {
  /** Reads a picked or dropped file (size checked before reading) and restores it. */
  async file(file: Blob, name: string, onProgress?: ProgressFn): Promise<RestoreData> {
    const source: RestoreSource = { kind: 'file', name };
    onProgress?.({ stage: 'started', bytes: file.size });
    if (file.size > MAX_FILE_BYTES) return tooLarge(source, file.size);
    onProgress?.({ stage: 'reading', bytes: file.size });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return { ok: false, source, path: '(top level)', problem: { code: 'file.error.unreadable' } };
    }
    onProgress?.({ stage: 'checking', bytes: file.size });
    const r = parseScenarioData(text, source, file.size);
    onProgress?.({ stage: 'done' });
    return r;
  },

  /** Restores text already in hand (a pasted file, a test). */
  async text(text: string, source: RestoreSource, onProgress?: ProgressFn): Promise<RestoreData> {
    onProgress?.({ stage: 'started', bytes: text.length });
    onProgress?.({ stage: 'checking', bytes: text.length });
    const r = parseScenarioData(text, source);
    onProgress?.({ stage: 'done' });
    return r;
  },

  /** Decompresses and restores a share link's payload. */
  async link(payload: string, onProgress?: ProgressFn): Promise<RestoreData> {
    onProgress?.({ stage: 'started', bytes: payload.length });
    onProgress?.({ stage: 'checking', bytes: payload.length });
    const r = await decodeShareData(payload);
    onProgress?.({ stage: 'done' });
    return r;
  },
};

export type RestoreApi = typeof restoreApi;
