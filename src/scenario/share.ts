// Share links: a scenario travels in the URL fragment (#s=…), deflate-compressed with the platform's
// CompressionStream and base64url-encoded. No server sees it (fragments are never sent). Opening a link
// goes through the same restore() as files, so a broken or tampered link gets the same clear rejection.
import { toScenarioFile } from './file.ts';
import { parseScenarioData } from './restore.ts';
import { localizeRestore } from './restore-messages.ts';
import type { RestoreData, RestoreResult, Scenario } from './types.ts';

export const SHARE_PARAM = 's';
/** Longer links are cut or refused by common chat and mail tools; the UI offers the file instead. */
export const SHARE_LINK_COMFORT_LIMIT = 2000;
/** A decompressed link larger than this is refused (a guard against decompression bombs). */
const MAX_DECOMPRESSED = 1024 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The fragment payload for one scenario (without "#s="). */
export async function encodeShare(scenario: Scenario, appVersion: string): Promise<string> {
  const json = JSON.stringify(toScenarioFile([scenario], appVersion));
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return toBase64Url(packed!);
}

/** A full share link for the page at `base` (its own origin and path). */
export async function shareLink(base: string, scenario: Scenario, appVersion: string): Promise<string> {
  const url = new URL(base);
  url.hash = `${SHARE_PARAM}=${await encodeShare(scenario, appVersion)}`;
  return url.toString();
}

/** The payload of "#s=…" in a location hash, or null when the hash holds no share link. */
export function sharePayload(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}

/** Decodes a share payload through restore(), in words of the active language; never throws. */
export async function decodeShare(payload: string): Promise<RestoreResult> {
  return localizeRestore(await decodeShareData(payload));
}

/** The same, the problem and notes as codes (the restore worker); never throws. */
export async function decodeShareData(payload: string): Promise<RestoreData> {
  const fail = (code: string): RestoreData => ({ ok: false, source: { kind: 'link' }, path: '(link)', problem: { code: `share.error.${code}` } });
  const bytes = fromBase64Url(payload.trim());
  if (!bytes || bytes.length === 0) return fail('incomplete');
  let text: string;
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_DECOMPRESSED);
    if (!raw) return fail('tooLarge');
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return fail('damaged');
  }
  return parseScenarioData(text, { kind: 'link' });
}
