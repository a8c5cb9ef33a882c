// Unit tests (Node; a file that needs a DOM opts into jsdom with `// @vitest-environment jsdom`).
// Browser tests live in tests/e2e and run through scripts/e2e.mjs. No global set-up file: each test
// file imports what it uses, so no file pays for another's needs.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // compiles `.svelte.ts` state classes (runes) should a unit test import one
  plugins: [svelte()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
