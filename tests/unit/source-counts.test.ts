// Protects the sources rule of issue 12: every source a parameter cites says what kind of publication it
// is (the publisher's own, a copy of its text, or news quoting it), no parameter rests on news alone, a
// parameter without a source is an assumption with a range and a reason, and the counts quoted in
// docs/MODEL-costs.md are the ones `npm run sources:count` computes from the registries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/model/registry/parameters.ts';
import { PARAMETER_BASIS } from '../../src/model/registry/parameter-basis.ts';
import sources from '../../src/model/data/curated/sources.json';
import { countSources, sourceKind, summaryLine, type SourceEntry } from '../../scripts/lib/source-counts.ts';

const table = sources as Record<string, SourceEntry & { title?: string; publisher?: string; year?: number }>;

describe('source kinds', () => {
  it('every source has a kind, and `secondary` marks exactly the news items', () => {
    for (const [id, entry] of Object.entries(table)) {
      expect(['primary', 'copy', 'news'], id).toContain(entry.kind);
      expect(entry.secondary === true, id).toBe(entry.kind === 'news');
      expect(entry.title && entry.publisher && entry.year, `${id} needs title, publisher and year`).toBeTruthy();
    }
  });

  it('an entry without `kind` is classified by its old flag and host', () => {
    expect(sourceKind({ secondary: true, url: 'https://www.itu.int/x' })).toBe('news');
    expect(sourceKind({ url: 'https://fliphtml5.com/abc/report' })).toBe('copy');
    expect(sourceKind({ url: 'https://www.itu.int/pub/D-GEN-INVEST.CON-2020' })).toBe('primary');
    expect(sourceKind({ kind: 'copy', url: 'https://www.itu.int/x' })).toBe('copy');
  });
});

describe('parameters and their sources', () => {
  const counts = countSources(PARAMETERS, table);

  it('no parameter rests on news alone', () => {
    expect(counts.newsOnly).toEqual([]);
  });

  it('a parameter that cites a primary or copied source has a URL to read it at', () => {
    for (const def of PARAMETERS) {
      for (const id of def.sources) if (sourceKind(table[id]!) !== 'news') expect(table[id]!.url, `${def.id}: ${id}`).toMatch(/^https?:\/\//);
    }
  });

  it('a parameter without a source is an assumption with a range and a reason', () => {
    for (const id of counts.noSource) {
      const def = PARAMETERS.find((p) => p.id === id)!;
      expect(def.kind, id).toBe('assumption');
      expect(def.low, id).toBeLessThan(def.high);
      expect(PARAMETER_BASIS[def.id].length, id).toBeGreaterThan(40);
    }
  });

  it('docs/MODEL-costs.md quotes the current counts (run `npm run sources:count` after changing a source)', () => {
    const doc = readFileSync(new URL('../../docs/MODEL-costs.md', import.meta.url), 'utf8');
    expect(doc).toContain(summaryLine(counts));
  });
});
