// Protects the six catalogues (issue 17): every locale has exactly the English source's keys, every
// message parses as ICU MessageFormat with the same placeholders as the English one, the English registry
// strings match the registries (`npm run i18n:sync` after a registry edit), the status file names only
// real keys, and no module imports a catalogue statically (only loader.ts, by import(), one at a time;
// english.ts, for the CLI and Node tests, is the one exception and no browser module imports it).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LOCALE_CODES, SOURCE_LOCALE } from '../../src/i18n/locales.ts';
import { compareCatalogues, placeholdersOf } from '../../src/i18n/catalogue-check.ts';
import { isRegistryKey, mergeRegistryMessages, registrySourceMessages } from '../../src/i18n/registry-source.ts';
import { INDICATORS, TARGETS } from '../../src/model/registry/indicators.ts';
import { LEVERS } from '../../src/model/registry/levers.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = resolve(root, 'src/i18n/messages');
const read = (file: string) => JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Record<string, string>;
const en = read('en.json');

describe('catalogue checker', () => {
  it('finds a missing key, an extra key, a changed placeholder, a broken message and a plural without other', () => {
    const source = { a: 'A {name}', b: 'B', c: '{n, plural, one {# x} other {# y}}', d: 'D' };
    const bad = { a: 'A {nom}', c: '{n, plural, one {# x}}', d: 'D {', e: 'E' };
    const p = compareCatalogues(source, bad, 'fr');
    expect(p.missing).toEqual(['b']);
    expect(p.extra).toEqual(['e']);
    expect(p.placeholders).toEqual(['a: {name:argument} ≠ {nom:argument}']);
    expect(p.invalid.map((s) => s.split(':')[0]).sort()).toEqual(['c', 'd']);
  });

  it('lets plural cases differ by language but not select cases', () => {
    const source = { n: '{n, plural, one {# a} other {# b}}', s: '{g, select, f {x} other {y}}' };
    const ru = { n: '{n, plural, one {# а} few {# б} many {# в} other {# г}}', s: '{g, select, m {x} other {y}}' };
    const p = compareCatalogues(source, ru, 'ru');
    expect(p.placeholders).toEqual(['s: {g:select[f|other]} ≠ {g:select[m|other]}']);
    expect(placeholdersOf('{n, number} <b>{x}</b>')).toEqual(['b:tag', 'n:number', 'x:argument']);
  });
});

describe('the six catalogues', () => {
  it('a catalogue file exists for every locale and for nothing else', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(LOCALE_CODES.map((c) => `${c}.json`).sort());
  });

  it('the English source parses and has no problems of its own', () => {
    expect(compareCatalogues(en, en, SOURCE_LOCALE)).toEqual({ missing: [], extra: [], invalid: [], placeholders: [] });
  });

  for (const locale of LOCALE_CODES.filter((l) => l !== SOURCE_LOCALE)) {
    it(`${locale}: same keys as English, every message parses, same placeholders`, () => {
      expect(compareCatalogues(en, read(`${locale}.json`), locale)).toEqual({ missing: [], extra: [], invalid: [], placeholders: [] });
    });

    it(`${locale}: translated, not copied (at most the proper names and codes equal English)`, () => {
      const cat = read(`${locale}.json`);
      // Names that stay as they are in every language: lever-group "Infrastructure"/"Institutions" and the
      // region "Europe" in French; the app's name (a proper name, kept in every language) is not counted.
      const KEPT_EVERYWHERE = ['app.title'];
      // A message of placeholders and punctuation only ("{text}", "{indicator} ({unit})") has no words to translate.
      const onlyPlaceholders = (m: string) => !/\p{L}/u.test(m.replace(/\{\w+\}/g, ''));
      const same = Object.keys(en).filter((k) => cat[k] === en[k] && !KEPT_EVERYWHERE.includes(k) && !onlyPlaceholders(en[k]!) && !/^[A-Z0-9 .,/–-]+$/.test(en[k]!));
      expect(same.length, same.join(', ')).toBeLessThanOrEqual(3);
    });
  }
});

describe('English catalogue and the registries', () => {
  it('en.json holds exactly the registry strings (run `npm run i18n:sync` after a registry edit)', () => {
    const { added, changed, removed } = mergeRegistryMessages(en);
    expect({ added, changed, removed }).toEqual({ added: [], changed: [], removed: [] });
  });

  it('the registry source covers every target, indicator field and lever field', () => {
    const src = registrySourceMessages();
    for (const t of TARGETS) expect(src[`target.${t.id}.title`]).toBe(t.title);
    for (const i of INDICATORS) for (const f of ['name', 'short', 'unit'] as const) expect(src[`indicator.${i.id}.${f}`]).toBe(i[f]);
    for (const l of LEVERS) for (const f of ['label', 'unit', 'description'] as const) expect(src[`lever.${l.id}.${f}`]).toBe(l[f]);
    expect(Object.keys(src).every(isRegistryKey)).toBe(true);
  });
});

describe('status file', () => {
  const status = JSON.parse(readFileSync(resolve(root, 'src/i18n/status.json'), 'utf8')) as Record<string, unknown>;
  type Entry = { role: string; official: string[]; reviewed: string[]; awaitingReview: string[] };
  const matches = (entry: string, key: string) => (entry.endsWith('.*') ? key.startsWith(entry.slice(0, -1)) : entry === key);
  /** Which list a key falls under: an exact entry wins over a pattern. */
  const listsOf = (e: Entry, key: string): string[] => {
    const lists = { official: e.official, reviewed: e.reviewed, awaitingReview: e.awaitingReview };
    const exact = Object.entries(lists).filter(([, l]) => l.includes(key)).map(([n]) => n);
    return exact.length ? exact : Object.entries(lists).filter(([, l]) => l.some((p) => matches(p, key))).map(([n]) => n);
  };

  it('has an entry per locale; the source is English and the rest are translations', () => {
    for (const locale of LOCALE_CODES) expect((status[locale] as Entry | undefined)?.role, locale).toBe(locale === SOURCE_LOCALE ? 'source' : 'translation');
  });

  for (const locale of LOCALE_CODES.filter((l) => l !== SOURCE_LOCALE)) {
    it(`${locale}: every key is official, reviewed or awaiting review, exactly once; every named key exists`, () => {
      const entry = status[locale] as Entry;
      const wrong = Object.keys(en).filter((k) => listsOf(entry, k).length !== 1).map((k) => `${k}: ${listsOf(entry, k).join('+') || 'unmarked'}`);
      expect(wrong).toEqual([]);
      const named = [...entry.official, ...entry.reviewed, ...entry.awaitingReview];
      expect(named.filter((n) => !Object.keys(en).some((k) => matches(n, k)))).toEqual([]);
    });
  }

  it('the English source names only keys that exist', () => {
    const entry = status[SOURCE_LOCALE] as Entry;
    for (const key of entry.official) expect(Object.hasOwn(en, key), key).toBe(true);
  });
});

describe('one locale at a time', () => {
  it('no module imports a catalogue statically; loader.ts reaches each by import()', () => {
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : /\.(ts|svelte)$/.test(n) ? [join(d, n)] : []));
    const all = files(resolve(root, 'src'));
    // english.ts (English, synchronously, for the CLI and Node tests) is the one exception, and only the
    // command line may import it: nothing the browser loads.
    const offenders = all.filter((f) => /^\s*import\s[^(]*['"][^'"]*messages\/\w+\.json['"]/m.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual(['src/i18n/english.ts']);
    const englishUsers = all.filter((f) => /['"][^'"]*i18n\/english\.ts['"]/.test(readFileSync(f, 'utf8')));
    expect(englishUsers.map((f) => relative(root, f)).filter((f) => !f.startsWith('src/cli/'))).toEqual([]);
    const loader = readFileSync(resolve(root, 'src/i18n/loader.ts'), 'utf8');
    for (const locale of LOCALE_CODES) {
      // each language in two parts (src/i18n/areas.ts): the first screen's words, and the rest
      expect(loader).toContain(`import('./messages/${locale}.json?area=start')`);
      expect(loader).toContain(`import('./messages/${locale}.json?area=rest')`);
    }
  });
});

describe('src/i18n stays framework-free', () => {
  it('imports no Svelte and touches no browser global, so Node tests and the CLI can run it', () => {
    const dirI18n = resolve(root, 'src/i18n');
    const offenders = readdirSync(dirI18n)
      .filter((n) => n.endsWith('.ts'))
      .flatMap((n) => {
        const text = readFileSync(join(dirI18n, n), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
        const hits = [/from\s+['"]svelte/, /\b(window|document|navigator|localStorage|location)\s*\./].filter((re) => re.test(text));
        return hits.map((re) => `${n}: ${re}`);
      });
    expect(offenders).toEqual([]);
  });
});
