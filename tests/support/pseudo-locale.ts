// The pseudo-locale for tests only (issue 17): every message of the English catalogue with its letters
// accented ("Save" → "[Šåṽé ~~]") and about 30% longer, its ICU syntax ({placeholders}, plural and
// select cases, '-quoted text) untouched. Text still in plain ASCII letters on a page running it did
// not come from the catalogue; text cut short shows a missing "]". Generated at test time from en.json
// (never a seventh language: the app cannot load it; the e2e test serves it in place of the English
// chunk). Run as a script to see it: `npx tsx tests/support/pseudo-locale.ts`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const LOWER = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž';
const UPPER = 'ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';

/** Accents the ASCII letters of plain text. */
export function accent(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 97 && c <= 122) out += LOWER[c - 97];
    else if (c >= 65 && c <= 90) out += UPPER[c - 65];
    else out += ch;
  }
  return out;
}

/**
 * Accents the literal text of an ICU message, leaving its syntax as it is: argument names and types,
 * plural/select keys, number/date styles, `#`, and apostrophe-quoted text.
 */
function transform(src: string): { text: string } {
  let i = 0;
  const literal = (s: string) => accent(s);
  // A message up to an unmatched "}" (or the end); `inPlural`: "#" is syntax.
  const message = (inPlural: boolean): string => {
    let out = '';
    let run = '';
    const flush = () => {
      out += literal(run);
      run = '';
    };
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === "'") {
        const next = src[i + 1];
        if (next === "'") {
          run += "''";
          i += 2;
        } else if (next === '{' || next === '}' || (inPlural && next === '#')) {
          flush();
          const end = src.indexOf("'", i + 1);
          const stop = end < 0 ? src.length : end + 1;
          out += src.slice(i, stop);
          i = stop;
        } else {
          run += ch;
          i++;
        }
      } else if (ch === '{') {
        flush();
        out += argument();
      } else if (ch === '}') {
        break;
      } else if (ch === '#' && inPlural) {
        flush();
        out += '#';
        i++;
      } else if (ch === '<') {
        // ICU tags <b>…</b>: the tag names are syntax
        const close = src.indexOf('>', i);
        if (close > 0 && /^<\/?[\w-]+\/?>$/.test(src.slice(i, close + 1))) {
          flush();
          out += src.slice(i, close + 1);
          i = close + 1;
        } else {
          run += ch;
          i++;
        }
      } else {
        run += ch;
        i++;
      }
    }
    flush();
    return out;
  };
  // From "{" to its matching "}".
  const argument = (): string => {
    const start = i;
    i++; // {
    const head = /^\s*([^,}\s]+)\s*(?:,\s*(\w+)\s*)?/.exec(src.slice(i))!;
    const type = head[2];
    i += head[0].length;
    if (!type) {
      i++; // }
      return src.slice(start, i);
    }
    if (type === 'plural' || type === 'select' || type === 'selectordinal') {
      let out = src.slice(start, i);
      if (src[i] === ',') {
        out += ',';
        i++;
      }
      // options: key {message} … (plural also "offset:n")
      while (i < src.length && src[i] !== '}') {
        const key = /^\s*[^{}\s]+\s*/.exec(src.slice(i));
        if (!key) break;
        out += key[0];
        i += key[0].length;
        if (src[i] === '{') {
          i++;
          out += '{' + message(type !== 'select') + '}';
          i++; // }
        }
        const ws = /^\s*/.exec(src.slice(i))![0];
        out += ws;
        i += ws.length;
      }
      i++; // }
      return out + '}';
    }
    // number, date, time with an optional style: copied as is up to the matching "}"
    let depth = 1;
    while (i < src.length && depth > 0) {
      if (src[i] === '{') depth++;
      else if (src[i] === '}') depth--;
      i++;
    }
    return src.slice(start, i);
  };
  const text = message(false);
  return { text };
}

/** One message in the pseudo-locale: accented, bracketed and padded to about 130% of its length. */
export function pseudoMessage(message: string): string {
  const { text } = transform(message);
  const pad = Math.max(1, Math.ceil(message.length * 0.3) - 3);
  return `[${text} ${'~'.repeat(pad)}]`;
}

/** The whole pseudo catalogue, from the English one. */
export function pseudoCatalogue(en: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(en).map(([k, v]) => [k, pseudoMessage(v)]));
}

/** The English source catalogue as committed. */
export function englishCatalogue(): Record<string, string> {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/i18n/messages/en.json'), 'utf8')) as Record<string, string>;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.stdout.write(`${JSON.stringify(pseudoCatalogue(englishCatalogue()), null, 2)}\n`);
}
