// Protects issue 17 for the restore door: a rejected file, link or stored record is refused with codes
// (no words: the restore worker and the CLI have no catalogue of their own), and the message a user
// sees names the file and the bad field in the active language; the CLI's English is unchanged; every
// code restore and the schemas produce has a message in the English catalogue.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import english from '../../src/i18n/messages/en.json' with { type: 'json' };
import '../../src/i18n/english.ts';
import { setTranslator } from '../../src/i18n/runtime.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { parseScenarioData, parseScenarioText, describeRestoreError } from '../../src/scenario/restore.ts';
import { localizeRestore } from '../../src/scenario/restore-messages.ts';
import { decodeShare } from '../../src/scenario/share.ts';
import type { RestoreData, RestoreErrorData, RestoreText } from '../../src/scenario/types.ts';

const catalogue = (locale: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../src/i18n/messages/${locale}.json`), 'utf8')) as Record<string, string>;
const use = (locale: string) => setTranslator(createTranslator(locale as 'fr', locale === 'en' ? english : catalogue(locale)));
afterEach(() => use('en'));

const file = { kind: 'file', name: 'mon-plan.json' } as const;
const scenario = (levers: Record<string, unknown>) =>
  JSON.stringify({ type: 'pathways-2030/scenarios', version: 1, app: 'x', model: 'x', exportedAt: '2030-01-01T00:00:00Z', scenarios: [{ id: 'a', name: 'Plan', description: '', notes: '', author: '', createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', revision: 1, geography: 'world', levers, overrides: {}, seed: 1, draws: 100 }] });
const refused = (r: RestoreData): RestoreErrorData => {
  if (r.ok) throw new Error('expected a refusal');
  return r;
};
const codes = (t: RestoreText): string[] => [t.code, ...(t.inner ? codes(t.inner) : [])];

// Inputs that reach every kind of refusal: bad JSON, wrong type, newer version, a bad value, an unknown
// field, a missing field, an unknown lever, a duplicate id, an unknown geography, a bare array.
const BAD: string[] = [
  '{"type": ',
  '',
  '[]',
  '{"type": "excalidraw", "version": 1}',
  '{"type": "pathways-2030/scenarios", "version": 9, "scenarios": []}',
  scenario({ networkRollout: { value: 99, start: null } }),
  scenario({ warpDrive: { value: 1, start: null } }),
  scenario({ networkRollout: { value: 1, start: null, colour: 1 } }),
  scenario({ networkRollout: { start: null } }),
  scenario({}).replace('"geography":"world"', '"geography":"atlantis"'),
  scenario({}).replace('"name":"Plan"', '"name":"' + 'x'.repeat(200) + '"'),
  scenario({}).replace('"createdAt":"2030-01-01T00:00:00Z"', '"createdAt":"yesterday"'),
  '{"geograpy": "world"}',
  '{"levers": {"networkRollout": "lots"}}',
];

describe('the restore door speaks in codes, the screen in the reader’s language', () => {
  it('restoreData gives a code with the field path and no words; the code has an English message', () => {
    for (const text of BAD) {
      const r = refused(parseScenarioData(text, file));
      expect(r.problem.code, text.slice(0, 40)).toMatch(/^restore\./);
      for (const c of codes(r.problem)) expect(Object.hasOwn(english, c) || c === 'restore.expected.other', `${c} (${text.slice(0, 40)})`).toBe(true);
      expect(r).not.toHaveProperty('message');
      const line = describeRestoreError(r);
      expect(line.startsWith('mon-plan.json: '), line).toBe(true);
      expect(line, line).not.toMatch(/restore\.(error|expected|note)\./);
    }
  });

  it('in French, a bad lever value names the file and the field, with the lever’s unit in French', () => {
    use('fr');
    const r = parseScenarioText(scenario({ networkRollout: { value: 99, start: null } }), file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.path).toBe('scenarios.0.levers.networkRollout.value');
    expect(describeRestoreError(r)).toBe(
      `mon-plan.json : scenarios.0.levers.networkRollout.value : valeur attendue : un nombre de 0 à 40 (${catalogue('fr')['lever.networkRollout.unit']})`,
    );
  });

  it('in Russian and Arabic, the same refusal is in their words (no English left)', () => {
    for (const locale of ['ru', 'ar', 'zh', 'es']) {
      use(locale);
      const r = localizeRestore(parseScenarioData('{"type": "excalidraw", "version": 1}', file));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message, locale).not.toMatch(/expected|not a Pathways/);
      expect(r.message, locale).toContain('excalidraw');
    }
  });

  it('a damaged share link and the notes of a filled-in file are said in the active language too', async () => {
    use('es');
    const link = await decodeShare('!!!');
    expect(link.ok).toBe(false);
    if (!link.ok) expect(describeRestoreError(link)).toMatch(/^Enlace para compartir: \(enlace\): el enlace está incompleto/);
    const filled = localizeRestore(parseScenarioData(scenario({}), file));
    expect(filled.ok ? filled.notes.join(' ') : filled.message).toMatch(/«Plan»: faltan las palancas .* se fijaron en su valor predeterminado/);
  });

  it('English stays as it was (the CLI prints these)', () => {
    const r = parseScenarioText(scenario({ networkRollout: { value: 99, start: null } }), file);
    expect(!r.ok && describeRestoreError(r)).toBe('mon-plan.json: scenarios.0.levers.networkRollout.value: expected a number from 0 to 40 (% of uncovered people newly covered per year)');
  });
});
