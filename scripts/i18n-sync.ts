// Writes the registry strings (src/i18n/registry-source.ts) into the English source catalogue,
// src/i18n/messages/en.json, keeping its other keys. Run after changing a registry label, then update
// the five other catalogues: i18n-catalogues.test.ts fails until every locale has the same keys.
// Usage: npm run i18n:sync            (writes)
//        npm run i18n:sync -- --check (exits 1 and lists the drift, writes nothing)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REGISTRY_NAMESPACES, mergeRegistryMessages } from '../src/i18n/registry-source.ts';

const file = resolve(import.meta.dirname, '../src/i18n/messages/en.json');
const current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
const { merged, added, changed, removed } = mergeRegistryMessages(current);
const drift = [...added.map((k) => `+ ${k}`), ...changed.map((k) => `~ ${k}`), ...removed.map((k) => `- ${k}`)];

if (process.argv.includes('--check')) {
  if (drift.length) {
    console.error(`src/i18n/messages/en.json differs from the registries (${REGISTRY_NAMESPACES.join(', ')}):\n${drift.join('\n')}`);
    process.exit(1);
  }
  console.log('en.json matches the registries');
} else {
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(drift.length ? `en.json updated:\n${drift.join('\n')}` : 'en.json already matched the registries');
}
