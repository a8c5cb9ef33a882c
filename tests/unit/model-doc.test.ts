// docs/MODEL.md stays true to the registries: its generated tables (indicators, levers, parameters,
// sources, pooled-trend priors) are exactly what `npm run docs:model` makes, and the hand-written text
// stays reviewable (under 50 KB).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handWritten, updateModelDoc } from '../../scripts/lib/model-doc.ts';

const doc = readFileSync(new URL('../../docs/MODEL.md', import.meta.url), 'utf8');

describe('docs/MODEL.md', () => {
  it('has generated tables that match the registries (run `npm run docs:model` after changing one)', () => {
    expect(updateModelDoc(doc)).toBe(doc);
  });

  it('keeps its hand-written text under 50 KB', () => {
    expect(Buffer.byteLength(handWritten(doc))).toBeLessThan(50 * 1024);
  });

  it('cites no source id that sources.json lacks', () => {
    expect(doc).not.toMatch(/missing from sources\.json/);
  });
});
