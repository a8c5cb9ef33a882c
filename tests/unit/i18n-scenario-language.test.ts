// Protects "scenario files and share links carry no language" (issue 17): a scenario exported while
// French is active restores identically while Russian or Chinese is, and a share link made in Spanish
// opens unchanged in Arabic; the file names no language at all. (Node environment: share links need
// the real Blob streams, which jsdom lacks.)
import { afterEach, describe, expect, it } from 'vitest';
import { setTranslator } from '../../src/i18n/runtime.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { exportParts } from '../../src/scenario/file.ts';
import { parseScenarioText } from '../../src/scenario/restore.ts';
import { decodeShare, encodeShare } from '../../src/scenario/share.ts';

afterEach(() => setTranslator(createTranslator('en', {})));

describe('scenario files and share links carry no language', () => {
  const use = (l: Locale) => setTranslator(createTranslator(l, {}));
  it('a file exported under French restores identically under Russian and Chinese', () => {
    use('fr');
    const [part] = exportParts(PRESETS, '0.1.0', () => '2026-12-02T00:00:00.000Z');
    expect(part).toBeDefined();
    expect(part!.text).not.toMatch(/"(lang|locale|language)"/);
    for (const l of ['ru', 'zh'] as const) {
      use(l);
      const back = parseScenarioText(part!.text, { kind: 'file', name: 'plan.json' });
      expect(back.ok, l).toBe(true);
      if (back.ok) expect(back.scenarios).toEqual(PRESETS);
    }
  });
  it('a share link made under Spanish opens unchanged under Arabic', async () => {
    use('es');
    const payload = await encodeShare(PRESETS.at(-1)!, '0.1.0');
    use('ar');
    const back = await decodeShare(payload);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.scenarios[0]).toEqual(PRESETS.at(-1));
  });
});
