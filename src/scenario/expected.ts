// What a field expects, as data: the schemas' messages are codes (`restore.expected.<name>` with their
// values) rather than English, so that restore can run in a worker or the CLI without a catalogue and
// the words are made with t() where they are shown (restore-messages.ts). valibot carries a message as a
// string, so a code travels as one: a marker, the name, and the values as JSON.
import type { RestoreText } from './types.ts';

const MARK = '\u0001';
/** The code of a schema message that is not one of ours (valibot's own words, shown as they are). */
export const OTHER = 'restore.expected.other';

/** The schema message for "expected <name>" with `values` (numbers kept as written: 4294967295, 20000). */
export function expected(name: string, values?: Readonly<Record<string, string | number>>): string {
  if (!values) return `${MARK}${name}`;
  const text = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return `${MARK}${name}${MARK}${JSON.stringify(text)}`;
}

/** A schema message back as a RestoreText; a message that is not a code (valibot's own) is kept as text. */
export function expectedText(message: string): RestoreText {
  if (!message.startsWith(MARK)) return { code: OTHER, values: { text: message.replace(/^Invalid type: Expected /, '') } };
  const [name, json] = message.slice(1).split(MARK);
  return json === undefined ? { code: `restore.expected.${name}` } : { code: `restore.expected.${name}`, values: JSON.parse(json) as Record<string, string> };
}
