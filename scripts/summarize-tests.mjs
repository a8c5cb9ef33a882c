#!/usr/bin/env node
// Prints one plain closing line, "N passed, N failed", over every Vitest JSON report in test-results/.
// A non-zero exit status passed as argv[2] with no failing test counted (e.g. the type check failed)
// counts as one failure, so the line never claims a clean run that was not.
import { readdirSync, readFileSync, existsSync } from 'node:fs';

const dir = 'test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(dir)) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const r = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'));
      passed += r.numPassedTests ?? 0;
      failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
      skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    } catch {
      failed += 1;
    }
  }
}
const status = Number(process.argv[2] ?? 0);
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
