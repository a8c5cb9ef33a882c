// Protects the folder rules of ARCHITECTURE.md ("Modules"): who may import what, checked on the code
// itself as model-purity.test.ts does for src/model. In particular src/state imports nothing from
// src/components, only App.svelte creates workers, only sync-runner.ts runs the model in-process, and
// the rest of src/runner takes the model's types only.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(p) ? [p] : [];
  });
}

interface Import {
  /** Repository-relative path of the imported file. */
  target: string;
  typeOnly: boolean;
}

/** Relative static imports and re-exports of a file (a .svelte file's scripts only). */
function importsOf(file: string): Import[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte')) text = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!m[2]!.startsWith('.')) continue;
    out.push({ target: relative(root, resolve(dirname(file), m[2]!)), typeOnly: Boolean(m[1]) });
  }
  return out;
}

/** A target matches a rule entry when it is that file or lies in that folder. */
const within = (target: string, place: string) => target === place || target.startsWith(`${place}/`);

interface Rule {
  /** What files of the folder may import as values (their own folder is always allowed). */
  values: string[];
  /** What they may import with `import type` only (erased at build time). */
  types?: string[];
  /** Files of the folder with a wider allowance, and why. */
  except?: Record<string, string[]>;
}

// targets.ts (the 'met' rule and summariseTargets, with its 5 kB targets.json) is light: every view's count uses it
const LIGHT_MODEL = ['src/model/registry', 'src/model/constants.ts', 'src/model/geography-ids.ts', 'src/model/targets.ts'];

const RULES: Record<string, Rule> = {
  // format.ts writes in the active language (src/i18n); geography-name.ts names World, regions and economies
  'src/lib': { values: ['src/model/constants.ts', 'package.json', 'src/i18n', 'src/model/geography-ids.ts'] },
  // restore-client.ts starts the restore worker and needs only its API type, as the runner does for the projection worker
  // restore-messages.ts and names.ts, and persistence's failure.ts, word their codes in the active language
  'src/scenario': { values: [...LIGHT_MODEL, 'scenarios', 'src/i18n'], types: ['src/model', 'workers'] },
  'src/persistence': { values: ['src/scenario', 'src/i18n'], types: ['src/model'] },
  // the in-process runner serves Node tests and the CLI: it is the one runner that runs the model
  'src/runner': { values: [], types: ['src/model', 'workers'], except: { 'src/runner/sync-runner.ts': ['src/model/index.ts'] } },
  'src/state': { values: ['src/lib', 'src/i18n', 'src/runner', 'src/scenario', 'src/persistence', ...LIGHT_MODEL], types: ['src/model'] },
  // App.svelte creates the projection workers; every other component reaches them through state
  'src/components': { values: ['src/state', 'src/lib', 'src/i18n', 'src/scenario', ...LIGHT_MODEL], types: ['src/model', 'src/runner'], except: { 'src/components/App.svelte': ['src/runner/worker-runner.ts'] } },
  'src/cli': { values: ['src/model', 'src/runner', 'src/scenario', 'src/lib', 'src/i18n'] },
  // i18n core: pure TS; registry-source.ts reads the registries (and World's and the regions' names) for the English source strings
  'src/i18n': { values: ['src/model/registry', 'src/model/geography-ids.ts'], types: ['src/model'] },
  // each worker is a thin host: the projection worker exposes the model, the restore worker restore()
  workers: { values: ['src/model/index.ts', 'src/scenario'] },
};

describe('import rules between folders', () => {
  for (const [folder, rule] of Object.entries(RULES)) {
    it(`${folder} imports only what ARCHITECTURE.md allows`, () => {
      const all = files(resolve(root, folder));
      expect(all.length).toBeGreaterThan(0);
      const offenders: string[] = [];
      for (const file of all) {
        const rel = relative(root, file);
        const values = [folder, ...rule.values, ...(rule.except?.[rel] ?? [])];
        const types = [...values, ...(rule.types ?? [])];
        for (const imp of importsOf(file)) {
          const allowed = (imp.typeOnly ? types : values).some((p) => within(imp.target, p));
          if (!allowed) offenders.push(`${rel} imports ${imp.typeOnly ? 'types from ' : ''}${imp.target}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('src/state imports nothing from src/components, and nothing but main.ts imports a component', () => {
    const offenders = files(resolve(root, 'src'))
      .filter((f) => !within(relative(root, f), 'src/components') && relative(root, f) !== 'src/main.ts')
      .flatMap((f) => importsOf(f).filter((i) => within(i.target, 'src/components')).map((i) => `${relative(root, f)} imports ${i.target}`));
    expect(offenders).toEqual([]);
  });
});
