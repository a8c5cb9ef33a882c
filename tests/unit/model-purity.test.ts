// Protects the thread split: src/model imports nothing but its own files (and JSON data), so the same
// code runs in the worker, in Node tests and in the CLI. tsconfig.model.json also leaves out the DOM lib.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../../src/model');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('model purity', () => {
  it('src/model only imports relative modules inside src/model', () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const imp of info.importedFiles) {
        const spec = imp.fileName;
        const inside = spec.startsWith('.') && !relative(root, resolve(dirname(file), spec)).startsWith('..');
        if (!inside) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('src/model never touches browser globals', () => {
    const offenders: string[] = [];
    const banned = /\b(window|document|localStorage|indexedDB|navigator|HTMLElement)\b/;
    for (const file of files(root)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (banned.test(code)) offenders.push(`${relative(root, file)}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
