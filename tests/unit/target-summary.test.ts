// Protects the one count every view shows ("N of 12 targets met"): targets, not indicators, and a
// target with several indicators (2.1, 2.5) is met only when all of them are.
import { describe, expect, it } from 'vitest';
import { summariseTargets } from '../../src/model/targets.ts';
import { INDICATORS } from '../../src/model/registry/indicators.ts';

const all = (status: 'met' | 'on-track' | 'off-track') => INDICATORS.map((d) => ({ id: d.id, status }));

describe('summariseTargets', () => {
  it('counts twelve targets, not fifteen indicators', () => {
    const s = summariseTargets(all('met'));
    expect(s.total).toBe(12);
    expect(s.met).toBe(12);
    expect(s.targets.find((t) => t.id === '2.1')?.indicators).toEqual(['genderParity', 'urbanRuralRatio', 'youthRatio']);
    expect(s.targets.find((t) => t.id === '2.5')?.indicators).toEqual(['ewasteRecycling', 'ictEmissions']);
  });

  it('a multi-indicator target is met only when every indicator is, and off track when any is', () => {
    const rows = all('met').map((r) => (r.id === 'youthRatio' ? { ...r, status: 'on-track' as const } : r.id === 'ictEmissions' ? { ...r, status: 'off-track' as const } : r));
    const s = summariseTargets(rows);
    expect(s.targets.find((t) => t.id === '2.1')?.status).toBe('on-track');
    expect(s.targets.find((t) => t.id === '2.5')?.status).toBe('off-track');
    expect([s.met, s.onTrack, s.offTrack]).toEqual([10, 1, 1]);
  });

  it('an indicator missing from the rows counts against its target', () => {
    const s = summariseTargets(all('met').filter((r) => r.id !== 'schools'));
    expect(s.targets.find((t) => t.id === '1.5')?.status).toBe('off-track');
    expect(s.met).toBe(11);
  });
});
