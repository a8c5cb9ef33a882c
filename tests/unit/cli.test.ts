// The projection CLI: bad input exits 2 with one stderr line naming the file or field (no stack
// trace); a good run prints the documented JSON / CSV; the list commands print the documented arrays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/project-cli.ts';
import { INDICATORS, LEVERS, listGeographies } from '../../src/model/index.ts';
import { parseCsv } from '../support/csv.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pathways-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
/** Splits one CSV line (RFC 4180 quoting). */
const csvFields = (line: string): string[] => parseCsv(line)[0] ?? [''];

const jsonFile = (name: string, data: unknown): string => file(name, JSON.stringify(data));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Exit code 2, nothing on stdout, exactly one stderr line containing every `names`, no stack frame. */
async function expectBadInput(argv: string[], ...names: string[]): Promise<string> {
  return checkBadInput(await cli(argv), ...names);
}

function checkBadInput({ code, out, err }: { code: number; out: string; err: string }, ...names: string[]): string {
  expect(code, err).toBe(2);
  expect(out).toBe('');
  const lines = err.split('\n').filter((l) => l !== '');
  expect(lines, err).toHaveLength(1);
  expect(err.endsWith('\n')).toBe(true);
  const line = lines[0]!;
  expect(line).toMatch(/^error: /);
  expect(line).not.toMatch(/\n\s+at /);
  expect(line).not.toMatch(/unexpected failure/);
  for (const n of names) expect(line, `stderr should name ${n}`).toContain(n);
  return line;
}

describe('CLI bad input: exit 2, one stderr line naming the file or field', () => {
  it('a missing file names the file', async () => {
    const p = path.join(dir, 'does-not-exist.json');
    await expectBadInput([p], p);
  });

  it('a directory given as the scenario file names it', async () => {
    const sub = path.join(dir, 'a-directory');
    mkdirSync(sub, { recursive: true });
    await expectBadInput([sub], sub);
  });

  // Root can read a mode-000 file, so under root (as in CI containers) the CLI runs in a child process
  // as the unprivileged user nobody (uid 65534): the case is tested everywhere, never skipped.
  it('an unreadable file (no read permission) names the file', async () => {
    const p = file('unreadable.json', '{}');
    chmodSync(p, 0o000);
    if (process.getuid?.() !== 0) {
      await expectBadInput([p], p);
      return;
    }
    chmodSync(dir, 0o755); // nobody may enter the folder, but not read the file
    const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', '.bin', 'tsx'), 'scripts/project.ts', p], {
      cwd: REPO,
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
    });
    const line = checkBadInput({ code: r.status ?? -1, out: r.stdout, err: r.stderr }, p);
    expect(line).toContain('EACCES');
  }, 60000);

  it('an unreadable path (a file used as a directory) names the path', async () => {
    const p = path.join(file('plain.json', '{}'), 'inner.json');
    await expectBadInput([p], p, 'cannot read');
  });

  it('a file that is not JSON names the file', async () => {
    const p = file('broken.json', '{"levers": {"networkRollout": ');
    await expectBadInput([p], p, 'JSON');
  });

  it('a top-level JSON array names the file', async () => {
    const p = jsonFile('array.json', [1, 2]);
    await expectBadInput([p], p);
  });

  it('an unknown lever in the file names the file and levers.<id>', async () => {
    const p = jsonFile('unknown-lever.json', { levers: { warpDrive: 3 } });
    await expectBadInput([p], p, 'levers.warpDrive');
  });

  it('an unknown lever via --set names it', async () => {
    await expectBadInput(['--set', 'warpDrive=3'], 'warpDrive');
  });

  it('--geography takes an id in any case or a geography\'s name (World, Kenya, ken, Arab States)', async () => {
    for (const [flag, id] of [['World', 'world'], ['Kenya', 'KEN'], ['ken', 'KEN'], ['Arab States', 'arab-states']] as const) {
      const { code, out } = await cli(['--geography', flag, '--draws', '10']);
      expect(code, flag).toBe(0);
      expect(JSON.parse(out).geography.id, flag).toBe(id);
    }
  });

  it('an unknown geography (flag and file) names the geography field and the id', async () => {
    await expectBadInput(['--geography', 'atlantis'], 'geography', 'atlantis');
    const p = jsonFile('unknown-geo.json', { geography: 'atlantis' });
    await expectBadInput([p], p, 'geography', 'atlantis');
  });

  it('a lever value out of range (file and --set) names the lever field', async () => {
    const p = jsonFile('out-of-range.json', { levers: { networkRollout: 99 } });
    await expectBadInput([p], p, 'levers.networkRollout');
    await expectBadInput(['--set', 'networkRollout=99'], 'levers.networkRollout');
    await expectBadInput(['--set', 'networkRollout=10@2020'], 'levers.networkRollout.start');
  });

  it('a value of the wrong type (file and --set) names the field', async () => {
    const p = jsonFile('wrong-type.json', { levers: { networkRollout: 'ten' } });
    await expectBadInput([p], p, 'levers.networkRollout');
    await expectBadInput(['--set', 'networkRollout=ten'], 'networkRollout');
    const q = jsonFile('wrong-seed.json', { seed: 'abc' });
    await expectBadInput([q], q, 'seed');
  });

  it('draws out of range (flag and file) names draws', async () => {
    await expectBadInput(['--draws', '5'], 'draws');
    await expectBadInput(['--draws', '999999'], 'draws');
    await expectBadInput(['--draws', 'many'], 'draws');
    const p = jsonFile('draws.json', { draws: 5 });
    await expectBadInput([p], p, 'draws');
  });

  it('an unknown parameter in --assume names it; an out-of-range one names overrides.<id>', async () => {
    await expectBadInput(['--assume', 'noSuchParameter=1'], 'noSuchParameter');
    await expectBadInput(['--assume', 'siteCapexUsd=1'], 'overrides.siteCapexUsd');
  });

  it('an unknown option names the option', async () => {
    await expectBadInput(['--frobnicate'], '--frobnicate');
    await expectBadInput(['--format', 'xml'], '--format');
  });

  it('a spawned run (npx tsx scripts/project.ts) exits 2 with exactly one stderr line and no stack frames', () => {
    const p = jsonFile('spawn-bad.json', { levers: { networkRollout: 'ten' } });
    const res = spawnSync('npx', ['tsx', 'scripts/project.ts', p], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false', NODE_OPTIONS: '' },
      timeout: 60000,
    });
    expect(res.error).toBeUndefined();
    expect(res.status, res.stderr).toBe(2);
    expect(res.stdout).toBe('');
    const lines = res.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines, res.stderr).toHaveLength(1);
    expect(lines[0]).toContain(p);
    expect(lines[0]).toContain('levers.networkRollout');
    expect(res.stderr).not.toMatch(/^\s*at /m);
    // a fresh npx + tsx start takes seconds, many more on a loaded 2-core machine: the spawn has 60 s
  }, 70_000);
});

describe('CLI good runs', () => {
  it('prints the documented JSON fields (exit 0)', async () => {
    const p = jsonFile('good.json', { geography: 'africa', levers: { networkRollout: 20, schoolConnectivity: { value: 10, start: 2027 } }, seed: 11 });
    const { code, out, err } = await cli([p, '--draws', '20']);
    expect(code, err).toBe(0);
    expect(err).toBe('');
    const doc = JSON.parse(out) as Record<string, any>;
    expect(typeof doc.model.version).toBe('string');
    expect(doc.model.version.length).toBeGreaterThan(0);
    expect(doc.geography).toEqual({ id: 'africa', name: expect.any(String) });
    expect(Number.isInteger(doc.baseYear)).toBe(true);
    expect(doc.years[0]).toBe(doc.baseYear);
    expect(doc.years).toContain(2030);
    expect(doc.indicators).toHaveLength(INDICATORS.length);
    const n = doc.years.length;
    for (const i of doc.indicators) {
      for (const k of ['id', 'target', 'name', 'unit', 'direction', 'target2030', 'baselineSource', 'baseline', 'scenario', 'p10', 'p50', 'p90', 'pMeet', 'metCentral']) {
        expect(i, `${i.id} lacks ${k}`).toHaveProperty(k);
      }
      expect(INDICATORS.map((d) => d.id)).toContain(i.id);
      for (const k of ['baseline', 'scenario', 'p10', 'p50', 'p90']) expect(i[k], `${i.id}.${k}`).toHaveLength(n);
      expect(typeof i.pMeet).toBe('number');
      expect(typeof i.metCentral).toBe('boolean');
      expect(typeof i.baselineSource.status).toBe('string');
      expect(typeof i.baselineSource.fact.value).toBe('number');
    }
    expect(typeof doc.cost.totalUsd).toBe('number');
    expect(Object.keys(doc.cost.byLever).sort()).toEqual(LEVERS.map((l) => l.id).sort());
    const sum = Object.values(doc.cost.byLever as Record<string, number>).reduce((s, c) => s + c, 0);
    expect(doc.cost.totalUsd).toBeGreaterThan(0);
    expect(Math.abs(doc.cost.totalUsd - sum)).toBeLessThanOrEqual(1e-9 * sum);
  });

  it('--set and --assume override the file and reach the result', async () => {
    const p = jsonFile('base.json', { geography: 'world', levers: { greenNetworks: 5 } });
    const a = JSON.parse((await cli([p, '--draws', '10'])).out);
    const b = JSON.parse((await cli([p, '--draws', '10', '--set', 'greenNetworks=15', '--assume', 'ictElectricityShareOfEmissions=0.9'])).out);
    const em = (d: any) => d.indicators.find((i: any) => i.id === 'ictEmissions').scenario.at(-1);
    expect(em(b)).toBeLessThan(em(a));
    expect(b.cost.byLever.greenNetworks).toBeGreaterThan(a.cost.byLever.greenNetworks);
  });

  it('--format csv gives a header plus one row per indicator and year', async () => {
    const { code, out } = await cli(['--geography', 'europe', '--draws', '10', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    const header = csvFields(lines[0]!);
    expect(header).toEqual(['indicator', 'target', 'year', 'baseline', 'scenario', 'p10', 'p50', 'p90', 'target2030', 'unit']);
    const rows = lines.slice(1).map(csvFields);
    const years = new Set(rows.map((r) => r[2]));
    expect(rows).toHaveLength(INDICATORS.length * years.size);
    expect(years.has('2030')).toBe(true);
    const pairs = new Set(rows.map((r) => `${r[0]}@${r[2]}`));
    expect(pairs.size).toBe(rows.length);
    for (const d of INDICATORS) for (const y of years) expect(pairs.has(`${d.id}@${y}`), `${d.id}@${y}`).toBe(true);
    for (const r of rows) {
      expect(r).toHaveLength(header.length);
      for (const k of [3, 4, 5, 6, 7]) expect(Number.isFinite(Number(r[k])), r.join('|')).toBe(true);
      expect(INDICATORS.find((d) => d.id === r[0])!.unit).toBe(r[9]);
    }
  });

  it('--geography all prints the same on every core as in one thread (CSV, French names), in list order', () => {
    const run = (threads: string) => spawnSync(process.execPath, [path.join(REPO, 'node_modules', '.bin', 'tsx'), 'scripts/project.ts', '--geography', 'all', '--format', 'csv', '--draws', '30', '--lang', 'fr'], {
      cwd: REPO, encoding: 'utf8', env: { ...process.env, PATHWAYS_THREADS: threads }, maxBuffer: 256 * 1024 * 1024,
    });
    const one = run('1'), two = run('2');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // every geography, in the order --geography list gives, each once
    const ids = [...new Set(one.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]))];
    expect(ids).toEqual(listGeographies().map((g) => g.id));
  }, 120_000);

  it('--geography list prints every geography (text: one id per line; --format json: [{id, name}])', async () => {
    const all = listGeographies();
    const text = await cli(['--geography', 'list']);
    expect(text.code).toBe(0);
    const ids = text.out.trimEnd().split('\n').map((l) => l.split('\t')[0]);
    expect(ids).toEqual(all.map((g) => g.id));
    const json = await cli(['--geography', 'list', '--format', 'json']);
    expect(json.code).toBe(0);
    const arr = JSON.parse(json.out) as Array<{ id: string; name: string }>;
    expect(arr).toEqual(all.map((g) => ({ id: g.id, name: g.name })));
    expect(arr[0]!.id).toBe('world');
  });

  it('--set list --format json prints the lever registry as [{id, label, unit, min, max, step, default}]', async () => {
    const { code, out } = await cli(['--set', 'list', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(LEVERS.map((l) => ({ id: l.id, label: l.label, unit: l.unit, min: l.min, max: l.max, step: l.step, default: l.default })));
  });
});
