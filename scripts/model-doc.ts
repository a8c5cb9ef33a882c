// Entry point of `npm run docs:model`: regenerates the registry tables in docs/MODEL.md (see
// scripts/lib/model-doc.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { handWritten, updateModelDoc } from './lib/model-doc.ts';

const path = fileURLToPath(new URL('../docs/MODEL.md', import.meta.url));
const text = updateModelDoc(readFileSync(path, 'utf8'));
writeFileSync(path, text);
process.stdout.write(`docs/MODEL.md: ${(text.length / 1024).toFixed(1)} KB, of which ${(Buffer.byteLength(handWritten(text)) / 1024).toFixed(1)} KB hand-written\n`);
