// Protects "one door" for the CLI (issue 14): scenario files reach the CLI through the app's restore(),
// so a preset runs the same projection as the app, and what the app refuses (future versions,
// "__proto__", unknown levers, wrong types, typos such as "geograpy") the CLI refuses with the same
// message naming the real field. Flag numbers are plain decimals; an empty --geography is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, toJsonOutput } from '../../src/cli/project-cli.ts';
import { project } from '../../src/model/index.ts';
import { describeRestoreError, parseScenarioText } from '../../src/scenario/restore.ts';
import { toProjectionRequest } from '../../src/scenario/scenario.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PRESETS = readdirSync(path.join(REPO, 'scenarios')).filter((f) => f.endsWith('.json')).sort();
let dir = '';
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'pathways-cli-restore-'))));
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const write = (name: string, data: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};

describe('presets through the CLI give the app\'s projection', { timeout: 120_000 }, () => {
  it.each(PRESETS)('%s: the CLI prints exactly the projection of the restored preset (geography, levers, seed, draws)', async (name) => {
    const p = path.join(REPO, 'scenarios', name);
    const { code, out, err } = await cli([p]);
    expect(code, err).toBe(0);
    const r = parseScenarioText(readFileSync(p, 'utf8'), { kind: 'file', name: p });
    if (!r.ok) throw new Error(describeRestoreError(r));
    const s = r.scenarios[0]!;
    const app = toJsonOutput(await project(toProjectionRequest(s))) as { geography: { id: string }; cost: { totalUsd: number } };
    const printed = JSON.parse(out) as typeof app;
    expect(printed).toEqual(JSON.parse(JSON.stringify(app)));
    expect(printed.geography.id).toBe(typeof s.geography === 'string' ? s.geography : s.geography.id);
    // Presets other than "current trends" move levers, so they cost something (the bug printed 0).
    if (!name.startsWith('current-trends')) expect(printed.cost.totalUsd).toBeGreaterThan(0);
  });
});

describe('the CLI refuses what the app refuses, with the app\'s message', () => {
  const fixture = (n: string) => path.join(REPO, 'tests/fixtures', n);
  it.each([
    ['bad-future-version.json', 'version:'],
    ['bad-proto.json', '__proto__'],
    ['bad-unknown-lever.json', 'fibreToTheMoon'],
    ['bad-wrong-type.json', 'type:'],
  ])('%s is refused (exit 2) naming %s, word for word as restore says it', async (name, field) => {
    const p = fixture(name);
    const { code, out, err } = await cli([p]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(field);
    const r = parseScenarioText(readFileSync(p, 'utf8'), { kind: 'file', name: p });
    if (r.ok) throw new Error('restore accepted a bad fixture');
    expect(err.trim()).toBe(`error: ${describeRestoreError(r)}`);
  });

  it('a typo such as "geograpy" is refused naming that field and the one meant', async () => {
    const { code, err } = await cli([write('typo.json', { geograpy: 'KEN', levers: { networkRollout: 10 } })]);
    expect(code).toBe(2);
    expect(err).toMatch(/geograpy: unknown field "geograpy" \(did you mean "geography"\?\)/);
  });

  it('a pack of several scenarios needs --scenario, which picks by number, name or id', async () => {
    const preset = JSON.parse(readFileSync(path.join(REPO, 'scenarios', PRESETS[0]!), 'utf8')) as { scenarios: Array<{ id: string; name: string; geography: string }> };
    const second = { ...preset.scenarios[0]!, id: 'second', name: 'Second one', geography: 'KEN' };
    const pack = write('pack.json', { ...preset, scenarios: [preset.scenarios[0], second] });
    const none = await cli([pack]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/holds 2 scenarios; choose one with --scenario/);
    for (const which of ['2', 'Second one', 'second']) {
      const { code, out } = await cli([pack, '--scenario', which]);
      expect(code).toBe(0);
      expect((JSON.parse(out) as { geography: { id: string } }).geography.id).toBe('KEN');
    }
    expect((await cli([pack, '--scenario', '3'])).code).toBe(2);
  });

  it('--geography "" is refused instead of running World', async () => {
    const { code, err } = await cli(['--geography', '']);
    expect(code).toBe(2);
    expect(err).toMatch(/--geography: expected a geography id/);
  });

  it.each(['0x10', '0b1', '1_0', 'Infinity', ' '])('--set networkRollout=%s is refused (only plain decimals)', async (v) => {
    const { code, err } = await cli(['--set', `networkRollout=${v}`]);
    expect(code).toBe(2);
    expect(err).toMatch(/--set networkRollout: expected a number \(a plain decimal number\)/);
  });
});
