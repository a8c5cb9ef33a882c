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
    const banned = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'HTMLElement', 'self', 'fetch', 'XMLHttpRequest']);
    const offenders: string[] = [];
    for (const file of files(root)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        // An identifier used as a value, not as a property name (x.window) or a declaration name.
        if (ts.isIdentifier(node) && banned.has(node.text)) {
          const parent = node.parent;
          const isProperty = ts.isPropertyAccessExpression(parent) && parent.name === node;
          const isDeclName = (ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
          if (!isProperty && !isDeclName) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            offenders.push(`${relative(root, file)}:${line + 1} uses ${node.text}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
