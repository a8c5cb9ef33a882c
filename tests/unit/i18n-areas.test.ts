// Protects the split of each language's catalogue (src/i18n/areas.ts, issue 17: start-up size): only the
// first screen's words load before the app mounts, so a module that loads at start-up and says a word
// from the rest must wait for the rest first. Walks the start-up module graph (static, non-type imports
// from src/main.ts), finds every catalogue key each module names (literal keys and `prefix.${…}`
// templates), and fails on a module that names a key outside the first screen's part unless it is
// listed below with how it waits — and a module that says it awaits must call wholeCatalogue() or
// catalogueComplete() itself.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { areaOf, pickArea, START_KEYS } from '../../src/i18n/areas.ts';
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { loadCataloguePart, loadMessages } from '../../src/i18n/loader.ts';

const root = resolve(import.meta.dirname, '../..');
const KEYS = Object.keys(en);

/** Start-up modules that name words from the rest of the catalogue, and how they wait for it. */
const WAITS: Readonly<Record<string, { awaits: true } | { reason: string }>> = {
  // they await wholeCatalogue() before they speak
  'src/state/library.svelte.ts': { awaits: true },
  'src/state/import-flow.svelte.ts': { awaits: true },
  'src/components/ScenarioBar.svelte': { awaits: true },
  'src/components/LeverControl.svelte': { awaits: true },
  'src/components/ExportButtons.svelte': { awaits: true },
  'src/components/App.svelte': { awaits: true },
  // what they say is asked for only by code that has awaited it
  'src/components/describe.ts': { reason: 'its met-rule sentence serves the Scorecard (after wholeCatalogue()) and the lazy tabs' },
  'src/scenario/names.ts': { reason: 'its name counter is shown by the Save-as dialog and lazy panels' },
  'src/state/deck-store.ts': { reason: 'deckAddedText() is called after wholeCatalogue() (ScenarioBar.addToDeck, lazy panels)' },
  'src/state/library-shelf.ts': { reason: 'rename, duplicate and delete are the Scenarios tab’s (lazy) actions' },
  'src/scenario/restore-messages.ts': { reason: 'restore problems are put in words by Library and ImportFlow after wholeCatalogue(), and by lazy panels' },
  'src/scenario/restore.ts': { reason: 'its problems are codes until restore-messages.ts says them (see there)' },
  'src/scenario/restore-client.ts': { reason: 'its problems are codes until restore-messages.ts says them' },
  'src/scenario/expected.ts': { reason: 'expected-value phrases are said by restore-messages.ts' },
  'src/scenario/model-input.ts': { reason: 'its problems are said by restore-messages.ts' },
  'src/scenario/share.ts': { reason: 'a bad link is reported by Library.openShareLink(), after wholeCatalogue()' },
  'src/i18n/param-keys.ts': { reason: 'parameter texts are shown in the lever ⓘ panel (after wholeCatalogue()) and lazy tabs' },
  'src/i18n/keys.ts': { reason: 'builds keys for every area; the lever description it names is shown in the ⓘ panel only' },
};

const STATIC_IMPORT = /(?:^|[\s;}])import\s+(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|(?:^|[\s;}])export\s+[\w*${}\s,]*?\s+from\s+['"]([^'"]+)['"]/g;
const TYPE_ONLY = /^\s*[;}]?\s*(?:import|export)\s+type\b/;

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.') || /\.(json|css)(\?|$)/.test(spec)) return null;
  const path = resolve(dirname(from), spec);
  for (const candidate of [path, `${path}.ts`]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Every module the entry loads before anything else, following static runtime imports only. */
function startupGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (TYPE_ONLY.test(m[0])) continue;
      const next = resolveImport(file, m[1] ?? m[2] ?? '');
      if (next) stack.push(next);
    }
  }
  return seen;
}

/** The catalogue keys a module names: literal keys, and every key under a `prefix.${…}` template. */
function keysNamedIn(source: string): Set<string> {
  const named = new Set<string>();
  for (const m of source.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)) if (Object.hasOwn(en, m[1]!)) named.add(m[1]!);
  const prefixes = [...source.matchAll(/`([a-zA-Z][\w.-]*\.)\$\{/g)].map((m) => m[1]!);
  for (const key of KEYS) if (prefixes.some((p) => key.startsWith(p))) named.add(key);
  return named;
}

describe('catalogue parts (src/i18n/areas.ts)', () => {
  const graph = startupGraph(resolve(root, 'src/main.ts'));
  const files = [...graph].map((f) => relative(root, f).split('\\').join('/'));

  it('finds the start-up graph (the walk itself works)', () => {
    expect(files).toContain('src/components/App.svelte');
    expect(files).toContain('src/i18n/runtime.ts');
    // lazy tabs are not in it
    expect(files).not.toContain('src/components/ComparePanel.svelte');
  });

  it('no start-up module names a word outside the first screen’s part unless it waits for the rest', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const later = [...keysNamedIn(readFileSync(resolve(root, file), 'utf8'))].filter((k) => areaOf(k) === 'rest');
      if (later.length && !WAITS[file]) offenders.push(`${file}: ${later.slice(0, 5).join(', ')}${later.length > 5 ? ` and ${later.length - 5} more` : ''}`);
    }
    expect(offenders).toEqual([]);
  });

  it('a module listed as awaiting the rest calls it, and every listed module is still in the start-up graph', () => {
    for (const [file, how] of Object.entries(WAITS)) {
      expect(files, `${file} is listed but no longer loads at start-up: remove it`).toContain(file);
      if ('awaits' in how) expect(readFileSync(resolve(root, file), 'utf8'), file).toMatch(/\b(?:wholeCatalogue|catalogueComplete)\(/);
    }
  });

  it('every first-screen entry names real keys, and the two parts split every catalogue without overlap', () => {
    for (const entry of START_KEYS) {
      const hits = entry.endsWith('.') ? KEYS.filter((k) => k.startsWith(entry)) : KEYS.filter((k) => k === entry);
      expect(hits.length, `${entry} names no key`).toBeGreaterThan(0);
    }
    const start = pickArea(en, 'start');
    const rest = pickArea(en, 'rest');
    expect(Object.keys(start).length + Object.keys(rest).length).toBe(KEYS.length);
    expect(Object.keys(start).filter((k) => Object.hasOwn(rest, k))).toEqual([]);
    // the first screen's part stays small: a quarter of the keys at most
    expect(Object.keys(start).length).toBeLessThan(KEYS.length / 4);
  });

  it('the loader gives each part only its keys, and the whole catalogue is both parts', async () => {
    const start = await loadCataloguePart('fr', 'start');
    const rest = await loadCataloguePart('fr', 'rest');
    expect(Object.keys(start).every((k) => areaOf(k) === 'start')).toBe(true);
    expect(Object.keys(rest).every((k) => areaOf(k) === 'rest')).toBe(true);
    expect(Object.keys(await loadMessages('fr')).sort()).toEqual([...KEYS].sort());
  });
});
