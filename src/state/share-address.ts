// Which address a share link points at. A link made on a loopback address (npm start, a local preview)
// only opens on this computer, so the Share dialog says so and lets the user name the public address of
// their team's hosted copy, which is remembered in this browser (localStorage) and validated here.
import { t } from '../i18n/runtime.ts';

/** localStorage key of the team's hosted address (a normalised http(s) URL ending in "/"). */
export const HOSTED_ADDRESS_KEY = 'pathways-2030:hosted-address';

/** True for host names that only this computer can reach: localhost, 127.0.0.0/8, ::1, 0.0.0.0. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1' || h === '0.0.0.0' || h === '::') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type AddressCheck = { ok: true; address: string } | { ok: false; message: string };

/**
 * Checks what the user typed as their team's hosted address and normalises it to origin + path ending in
 * "/" (query and fragment dropped), so a share link is `<address>#s=…`. The message names the field.
 */
export function checkHostedAddress(text: string): AddressCheck {
  const raw = text.trim();
  const fail = (key: string, values?: Record<string, string>): AddressCheck => ({ ok: false, message: t('dialog.share.address.invalid', { why: t(key, values) }) });
  if (!raw) return fail('dialog.share.address.empty');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('dialog.share.address.notAddress', { text: raw.slice(0, 80) });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('dialog.share.address.protocol', { protocol: `${url.protocol}//` });
  if (url.username || url.password) return fail('dialog.share.address.credentials');
  if (isLoopbackHost(url.hostname)) return fail('dialog.share.address.loopback', { host: url.hostname });
  let path = url.pathname;
  // A page address (…/index.html) stands for its folder; the app lives at the folder.
  if (/\/index\.html?$/i.test(path)) path = path.replace(/index\.html?$/i, '');
  if (!path.endsWith('/')) path += '/';
  return { ok: true, address: `${url.origin}${path}` };
}

/** The remembered hosted address, or '' when none (or storage is unavailable or holds something invalid). */
export function loadHostedAddress(storage: Pick<Storage, 'getItem'> | null = safeStorage()): string {
  const saved = storage?.getItem(HOSTED_ADDRESS_KEY) ?? '';
  const checked = saved ? checkHostedAddress(saved) : null;
  return checked?.ok ? checked.address : '';
}

/** Remembers (or, with '', forgets) the hosted address; false when this browser refuses storage. */
export function saveHostedAddress(address: string, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): boolean {
  if (!storage) return false;
  try {
    if (address) storage.setItem(HOSTED_ADDRESS_KEY, address);
    else storage.removeItem(HOSTED_ADDRESS_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * The address a share link is built on: the team's hosted copy when one is set, else this page's own
 * address (origin + path, which already works for anyone who can reach this copy).
 */
export function shareBase(here: Pick<Location, 'origin' | 'pathname'>, hosted: string): string {
  if (hosted) return hosted;
  return `${here.origin}${here.pathname.replace(/index\.html?$/i, '')}`;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
