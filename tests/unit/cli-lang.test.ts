// Protects the command line's language (issue 17): English by default and byte-for-byte the registry's
// names; `--lang fr` prints French names (indicators, levers, geographies, status labels) while ids,
// codes and numbers stay the same; a `--lang` naming no available language is bad input (exit 2).
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/project-cli.ts';
import { useCliLocale } from '../../src/cli/cli-locale.ts';
import { LEVERS } from '../../src/model/index.ts';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
afterEach(() => useCliLocale('en'));

type Row = { id: string; label: string; unit: string; min: number };
type Projection = { geography: { id: string; name: string }; indicators: Array<{ id: string; name: string; status: string; statusLabel?: string; scenario: number[] }> };

describe('--lang', () => {
  it('English by default: the registry names, no status label field', async () => {
    const rows = JSON.parse((await cli(['--set', 'list', '--format', 'json'])).out) as Row[];
    expect(rows.map((r) => r.label)).toEqual(LEVERS.map((l) => l.label));
    const p = JSON.parse((await cli(['--geography', 'DEU', '--draws', '10'])).out) as Projection;
    expect(p.geography.name).toBe('Germany');
    expect(p.indicators[0]!.statusLabel).toBeUndefined();
  });

  it('--lang fr: French names, the same ids and numbers', async () => {
    const en = JSON.parse((await cli(['--geography', 'DEU', '--draws', '10'])).out) as Projection;
    const fr = JSON.parse((await cli(['--geography', 'DEU', '--draws', '10', '--lang', 'fr'])).out) as Projection;
    expect(fr.geography).toEqual({ id: 'DEU', name: 'Allemagne' });
    expect(fr.indicators.map((i) => i.id)).toEqual(en.indicators.map((i) => i.id));
    expect(fr.indicators.map((i) => i.scenario)).toEqual(en.indicators.map((i) => i.scenario));
    expect(fr.indicators.map((i) => i.status)).toEqual(en.indicators.map((i) => i.status));
    expect(fr.indicators.filter((i, n) => i.name === en.indicators[n]!.name)).toEqual([]);
    expect(fr.indicators.every((i) => typeof i.statusLabel === 'string' && i.statusLabel.length > 0)).toBe(true);
    const rows = JSON.parse((await cli(['--set', 'list', '--format', 'json', '--lang=fr'])).out) as Row[];
    expect(rows.map((r) => r.min)).toEqual(LEVERS.map((l) => l.min));
    expect(rows.map((r) => r.label)).not.toEqual(LEVERS.map((l) => l.label));
  });

  it('a language that is not one of the six is bad input, named', async () => {
    const { code, out, err } = await cli(['--lang', 'de']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('error: --lang: expected one of ar, zh, en, fr, ru, es, got "de"\n');
  });
});
