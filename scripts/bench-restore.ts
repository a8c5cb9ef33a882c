// Restore under a budget (issue 14): medians of parseScenarioText on the largest valid files and on
// the hostile inputs that used to freeze the tab. Prints one line per case; `npm run bench:restore`.
import { exportParts } from '../src/scenario/file.ts';
import { parseScenarioText } from '../src/scenario/restore.ts';
import { LEVERS } from '../src/model/registry/levers.ts';
import type { Scenario } from '../src/scenario/types.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const T0 = '2026-01-01T00:00:00.000Z';
const scenario = (i: number, text = ''): Scenario => ({
  id: `s-${i}`, name: `Scenario ${i}`, description: text, notes: text, author: '', createdAt: T0, updatedAt: T0, revision: 1, geography: 'world',
  levers: Object.fromEntries(LEVERS.map((l) => [l.id, { value: l.default, start: null }])) as Scenario['levers'], overrides: {}, seed: 7, draws: 1000,
});
const ENVELOPE = '{"type":"pathways-2030/scenarios","version":1,"app":"x","model":"x","exportedAt":"2030-01-01T00:00:00Z","scenarios":';
const longText = 'x'.repeat(4_300);
const cases: Array<[string, string]> = [
  ['valid: 500 scenarios, ~5 MB (largest importable)', exportParts(Array.from({ length: 500 }, (_, i) => scenario(i, longText)), '0.1.0')[0]!.text],
  ['valid: 500 plain scenarios', exportParts(Array.from({ length: 500 }, (_, i) => scenario(i)), '0.1.0')[0]!.text],
  ['hostile: 1 MB list of {} scenarios', `${ENVELOPE}[${Array(330_000).fill('{}').join(',')}]}`],
  ['hostile: 5 MB [0,0,…] scenarios', `${ENVELOPE}[${Array(2_500_000).fill('0').join(',')}]}`],
  ['hostile: 500 {} scenarios', `${ENVELOPE}[${Array(500).fill('{}').join(',')}]}`],
  ['hostile: v0 levers as a 1 MB list', `{"levers":[${Array(500_000).fill('0').join(',')}]}`],
];
for (const [label, text] of cases) {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = parseScenarioText(text, { kind: 'file', name: 'bench.json' });
    times.push(performance.now() - t);
    outcome = r.ok ? `restored ${r.scenarios.length}` : `refused at ${r.path}`;
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(50)} ${(text.length / 1024 / 1024).toFixed(2)} MB  median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms  (${outcome})`);
}
