// Protects "the project owns its data": no source, script or test names an absolute path on someone's
// machine or reads a folder beside the checkout, so a fresh clone builds, tests and runs on its own.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['src', 'tests', 'scripts', 'workers'];
const TEXT = /\.(ts|mts|mjs|js|svelte|json|html|md)$/;
// Built from pieces so this file does not match itself.
const FORBIDDEN = [['/', 'work/'], ['/', 'home/'], ['/', 'tmp/'], ['..', '/shared']].map((p) => p.join(''));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (TEXT.test(name)) yield full;
  }
}

describe('repository boundary', () => {
  it('no file in src/, tests/, scripts/ or workers/ names an absolute machine path or a folder beside the checkout', () => {
    const hits: string[] = [];
    for (const folder of FOLDERS) {
      for (const file of files(path.join(REPO, folder))) {
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          for (const bad of FORBIDDEN) if (line.includes(bad)) hits.push(`${path.relative(REPO, file)}:${i + 1}: ${bad}`);
        });
      }
    }
    expect(hits).toEqual([]);
  });
});
