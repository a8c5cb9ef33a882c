// Unit tests (Node; a file that needs a DOM opts into jsdom with `// @vitest-environment jsdom`).
// Browser tests live in tests/e2e and run through scripts/e2e.mjs. No global set-up file: each test
// file imports what it uses, so no file pays for another's needs.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { catalogueParts } from './scripts/lib/i18n-precompile.ts';

export default defineConfig({
  // compiles `.svelte.ts` state classes (runes) should a unit test import one
  // catalogueParts: the two parts of each catalogue that src/i18n/loader.ts imports (`xx.json?area=…`)
  plugins: [svelte(), catalogueParts()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
