// Protects the thread split and the start-up budget: the main thread (everything statically reachable
// from src/main.ts) never imports the projection model's engine code or its data files. They load in the
// worker; the UI only takes registries, constants (src/model/constants.ts) and types.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const FORBIDDEN = [
  'src/model/catalogue.ts',
  'src/model/project.ts',
  'src/model/compile.ts',
  'src/model/api.ts',
  'src/model/engine.ts',
  'src/model/seek/index.ts',
  'src/model/index.ts',
  'src/model/data/generated/regions.json',
  'src/model/data/curated/baselines.json',
];

/** Static imports and re-exports only: `import(...)` is lazy and allowed. */
function staticImports(file: string): string[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte')) text = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue; // `import type` is erased
    out.push(m[2]!);
  }
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out.filter((s) => s.startsWith('.'));
}

describe('main-thread bundle boundary', () => {
  it('nothing statically reachable from src/main.ts is the model engine or its data', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const stack = [resolve(root, 'src/main.ts')];
    const parents = new Map<string, string>();
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const rel = relative(root, file);
      if (FORBIDDEN.includes(rel)) {
        const chain = [rel];
        for (let p = parents.get(file); p; p = parents.get(p)) chain.unshift(relative(root, p));
        offenders.push(chain.join(' → '));
        continue;
      }
      if (!/\.(ts|svelte)$/.test(file)) continue;
      for (const spec of staticImports(file)) {
        const target = resolve(dirname(file), spec);
        if (!existsSync(target)) continue;
        if (!parents.has(target)) parents.set(target, file);
        stack.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
