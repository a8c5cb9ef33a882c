// Protects the main screen's translated model text (issue 17): the codes the model returns beside its
// English (nowcast steps, cautions, trend calibration, screened points, edition) must word, through the
// English catalogue, what the command line prints, for every geography, so an English sentence added or
// changed in src/model without its code fails here. Numbers are compared as numbers (the app formats them
// for the locale; the CLI keeps fixed decimals) and lists as lists ("a and b" where the CLI writes "a, b").
import '../../src/i18n/english.ts';
import { describe, expect, it } from 'vitest';
import { listGeographies, prepareGeography, type IndicatorId } from '../../src/model/index.ts';
import { PROVENANCE_TEXT, STATUS_TEXT, editionText, modelText, nowcastText, screeningText, warningText } from '../../src/components/describe.ts';

const normal = (s: string) =>
  s
    .replace(/-?\d+(?:,\d{3})*(?:\.\d+)?/g, (m) => String(Number(m.replace(/,/g, ''))))
    .replace(/,? and /g, ', ')
    .replace(/-/g, ' ')
    .toLowerCase();

describe('model text in the app’s words', () => {
  it('every geography: nowcast, caution, edition, screening and calibration codes word the CLI’s English', async () => {
    const problems: string[] = [];
    const ids = listGeographies().map((g) => g.id);
    expect(ids.length).toBeGreaterThan(150);
    let worded = 0;
    for (const id of ids) {
      const c = await prepareGeography(id);
      for (const [ind, b] of Object.entries(c.baseline)) {
        const where = `${id} ${ind}`;
        if (b.nowcastMethod !== undefined && normal(nowcastText(b)) !== normal(b.nowcastMethod)) problems.push(`${where} nowcast: ${nowcastText(b)} ≠ ${b.nowcastMethod}`);
        if (b.nowcastMethod !== undefined && !b.nowcastSteps) problems.push(`${where}: nowcast without codes`);
        if (b.warning !== undefined && (!b.warningText || normal(warningText(b)) !== normal(b.warning))) problems.push(`${where} warning: ${warningText(b)} ≠ ${b.warning}`);
        if (b.edition !== undefined && editionText(b) !== b.edition) problems.push(`${where} edition: ${editionText(b)} ≠ ${b.edition}`);
        for (const n of b.screening ?? []) {
          if (normal(screeningText(n)) !== normal(`${n.kind} in ${n.year}: ${n.reason}`)) problems.push(`${where} screening: ${screeningText(n)} ≠ ${n.reason}`);
        }
        const cal = c.calibration[ind as IndicatorId];
        const steps = c.calibrationText[ind as IndicatorId];
        if (cal !== undefined && (!steps || normal(modelText(steps)) !== normal(cal))) problems.push(`${where} calibration: ${steps ? modelText(steps) : 'no codes'} ≠ ${cal}`);
        if (b.nowcastSteps || b.warningText || steps) worded++;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(worded).toBeGreaterThan(100);
  }, 120_000);

  it('status and provenance words come from the catalogue', () => {
    expect(STATUS_TEXT['on-track'].label).toBe('On track');
    expect(PROVENANCE_TEXT['regional-estimate']).toMatchObject({ label: 'Regional estimate', short: 'R' });
  });
});
