// Protects the analysis tabs' strings (issue 17): the parameters' catalogue keys follow the registry
// (a renamed parameter or a changed label fails here until en.json is updated), the UI words a goal's
// out-of-reach reason exactly as the command line does from the same code, the per-lever amounts in
// English match the lever units, and the analysis text helpers read the active catalogue.
import '../../src/i18n/english.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PARAMETERS } from '../../src/model/registry/parameters.ts';
import { PARAMETER_BASIS } from '../../src/model/registry/parameter-basis.ts';
import { LEVERS } from '../../src/model/registry/levers.ts';
import { INDICATORS } from '../../src/model/registry/indicators.ts';
import { reachReasonText, type ReachReason } from '../../src/model/reach-explain.ts';
import { paramKey } from '../../src/i18n/param-keys.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { setTranslator } from '../../src/i18n/runtime.ts';
import { reachReasonWords, deltaText, factorName } from '../../src/components/reach-text.ts';
import { leverAmount, movedLeverText } from '../../src/components/library-text.ts';
import { budgetError, goalLevelError, parseNumber } from '../../src/state/goal-form.ts';

const dir = resolve(import.meta.dirname, '../../src/i18n/messages');
const read = (locale: string) => JSON.parse(readFileSync(resolve(dir, `${locale}.json`), 'utf8')) as Record<string, string>;
const en = read('en');

describe('parameter keys', () => {
  it('en.json holds every parameter’s label, unit and basis exactly as the registry writes them', () => {
    for (const p of PARAMETERS) {
      expect(en[paramKey(p.id, 'label')], p.id).toBe(p.label);
      expect(en[paramKey(p.id, 'unit')], p.id).toBe(p.unit);
      expect(en[paramKey(p.id, 'basis')], p.id).toBe(PARAMETER_BASIS[p.id]);
    }
  });

  it('en.json has no parameter key the registry does not have', () => {
    const fields = new Set(PARAMETERS.flatMap((p) => (['label', 'unit', 'basis'] as const).map((f) => paramKey(p.id, f))));
    expect(Object.keys(en).filter((k) => k.startsWith('param.') && !fields.has(k))).toEqual([]);
  });
});

describe('out-of-reach reasons', () => {
  const cases: ReachReason[] = [
    { indicator: 'schools', value2030: 91.23, goal: 100, year: 2033, endValue: 100, limit: { kind: 'lever', lever: 'schoolConnectivity', max: 30 } },
    { indicator: 'internetUse', value2030: 84.5, goal: 95, year: null, endValue: 93.25, limit: { kind: 'useGain', pointsPerYear: 7.5 } },
    { indicator: 'coverage4g', value2030: 97.7, goal: 100, year: 2031, endValue: 100, limit: { kind: 'locked', lever: 'networkRollout' } },
    { indicator: 'genderParity', value2030: 0.951, goal: 0.98, year: null, endValue: 0.97, limit: { kind: 'none' } },
  ];
  for (const c of cases) {
    it(`the UI's English equals the command line's for ${c.indicator} (${c.limit.kind})`, () => {
      expect(reachReasonWords(c)).toBe(reachReasonText(c));
    });
  }

  it('is worded in the active language', () => {
    setTranslator(createTranslator('fr', read('fr')));
    try {
      const text = reachReasonWords(cases[0]!);
      expect(text).toMatch(/^Avec tous les leviers non verrouillés/);
      expect(text).toContain('2033');
    } finally {
      setTranslator(createTranslator('en', en));
    }
  });
});

describe('lever amounts and analysis wording', () => {
  it('each lever’s English amount is its number followed by its registry unit', () => {
    for (const l of LEVERS) {
      const text = leverAmount(l, l.max);
      const unit = l.unit.startsWith('USD ') ? l.unit.slice(4) : l.unit;
      expect(text.endsWith(unit), `${l.id}: ${text}`).toBe(true);
    }
    expect(movedLeverText({ lever: LEVERS[0]!, value: 25, start: 2027 })).toBe(`${LEVERS[0]!.label}: 25${LEVERS[0]!.unit}, from 2027`);
  });

  it('differences, factors and form messages come from the catalogue', () => {
    expect(deltaText('internetUse', -11.46)).toBe('11.5 percentage points');
    expect(factorName({ kind: 'parameter', id: 'discountRate', label: 'x', swing: 0, low: { setting: 0, value2030: 0 }, high: { setting: 0, value2030: 0 } })).toBe('Discount rate (uncertain parameter)');
    expect(goalLevelError('schools', '150')).toBe('Schools connected: enter a level from 0 to 100 (% of schools); 150 is outside that range.');
    expect(budgetError('lots')).toBe('Budget: “lots” is not a number. Enter an amount, or leave it empty for no ceiling.');
    expect(INDICATORS.every((i) => goalLevelError(i.id, '') !== '')).toBe(true);
  });

  it('reads numbers as English writes them while English is active', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('82.5 %')).toBe(82.5);
    expect(parseNumber('2,5x')).toBeNaN();
  });
});
