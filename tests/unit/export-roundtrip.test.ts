// Protects "exports always re-import" (issue 14): a library of 1,000 scenarios, or 500 with the longest
// descriptions and notes, is exported in parts that each stay within the import limits (500 scenarios,
// 5 MB) and each restore; together they give back every scenario unchanged.
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { exportParts } from '../../src/scenario/file.ts';
import { parseScenarioText } from '../../src/scenario/restore.ts';
import { LIMITS } from '../../src/scenario/schema.ts';
import { MAX_FILE_BYTES, type Scenario } from '../../src/scenario/types.ts';
import { scenario } from '../support/persistence.ts';

const NOW = () => '2026-03-01T00:00:00.000Z';

function roundTrip(list: Scenario[]): { parts: number; back: Scenario[] } {
  const parts = exportParts(list, '0.1.0', NOW);
  const back: Scenario[] = [];
  for (const p of parts) {
    expect(new TextEncoder().encode(p.text).length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const r = parseScenarioText(p.text, { kind: 'file', name: p.name });
    if (!r.ok) throw new Error(`${p.name}: ${r.path}: ${r.message}`);
    expect(r.scenarios.length).toBeLessThanOrEqual(LIMITS.maxScenarios);
    back.push(...r.scenarios);
  }
  return { parts: parts.length, back };
}

describe('exports always re-import', { timeout: 120_000 }, () => {
  it('a library of 1,000 scenarios exports in 2 parts that re-import to the same 1,000', () => {
    const list = Array.from({ length: 1000 }, (_, i) => scenario(`s-${i}`, { name: `Scenario ${i}` }));
    const { parts, back } = roundTrip(list);
    expect(parts).toBe(2);
    expect(back).toEqual(list);
  });

  it('500 scenarios with 20,000-character descriptions and notes (over 5 MB) are split by size and re-import', () => {
    const long = 'é'.repeat(LIMITS.text);
    const list = Array.from({ length: 500 }, (_, i) => scenario(`l-${i}`, { description: long, notes: long }));
    const { parts, back } = roundTrip(list);
    expect(parts).toBeGreaterThan(1);
    expect(back.map((s) => s.id)).toEqual(list.map((s) => s.id));
  });

  it('one file keeps its plain name; parts are numbered "part-i-of-n"', () => {
    expect(exportParts([scenario('a', { name: 'My plan' })], '0.1.0', NOW).map((p) => p.name)).toEqual(['my-plan.json']);
    const names = exportParts(Array.from({ length: 501 }, (_, i) => scenario(`n-${i}`)), '0.1.0', NOW).map((p) => p.name);
    expect(names).toEqual(['pathways-2030-scenarios-501-part-1-of-2.json', 'pathways-2030-scenarios-501-part-2-of-2.json']);
  });
});
