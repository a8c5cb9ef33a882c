// Safe text for names and notes: control characters, bidi overrides and lone surrogates removed, and
// suffixes ("Copy of …", " (imported)") that never push a name past its length limit. Used by
// restore() for everything that comes in and by the library for every name it makes.
import { LIMITS } from './schema.ts';
import { t } from '../i18n/runtime.ts';

// C0 controls except tab/newline/carriage return, DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates, and the Arabic letter mark: they can make "gnp.exe" read as "exe.png".
const BIDI = /[\u202A-\u202E\u2066-\u2069\u061C]/g;
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /[\t\n\r]+/g;

/**
 * Text as it may be stored and shown: control and bidi-override characters removed, lone surrogates
 * replaced by U+FFFD. Single-line fields (names, authors) also turn tabs and line breaks into spaces.
 */
export function cleanText(text: string, multiline = false): string {
  let out = text.replace(CONTROL, '').replace(BIDI, '').replace(LONE_SURROGATE, '\uFFFD');
  if (!multiline) out = out.replace(LINE_BREAKS, ' ');
  return out;
}

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * `prefix + name + suffix`, shortening the name (with "…") so the whole stays within `max` characters.
 * "Copy of " on a 120-character name gives a 120-character name, not a failed save.
 */
export function affixName(name: string, affix: { prefix?: string; suffix?: string }, max: number = LIMITS.name): string {
  const prefix = affix.prefix ?? '';
  const suffix = affix.suffix ?? '';
  const whole = `${prefix}${name}${suffix}`;
  if (whole.length <= max) return whole;
  const room = max - prefix.length - suffix.length - 1;
  return `${prefix}${cut(name, Math.max(0, room)).trimEnd()}…${suffix}`;
}

/** A name for a scenario typed or made by the app: cleaned, trimmed and within the limit. */
export function safeName(name: string, max: number = LIMITS.name): string {
  return cut(cleanText(name).trim(), max);
}

/**
 * The counter a name field shows under it, so a long name is never cut silently: "37 of 120
 * characters", and past the limit "125 of 120 characters: 5 too many" with `over` set (the field is
 * then marked invalid and saving says why). Counts what would be stored (cleaned and trimmed).
 */
export function nameCounter(name: string, max: number = LIMITS.name): { text: string; over: boolean; length: number } {
  const length = cleanText(name).trim().length;
  const over = length > max;
  return { length, over, text: over ? t('file.nameCounterOver', { length, max, over: length - max }) : t('file.nameCounter', { length, max }) };
}
