// The workshop's collecting rules, pure so they are tested in Node: a group's name from its scenario,
// the share-link payloads in pasted text (one link per line), whether an arrival would replace a group
// already on the board (same name or same scenario: the facilitator must confirm), and the consensus
// scenario (the median of each lever, the board's numbers).
import type { LeverStrip } from '../model/index.ts';
import { LEVERS } from '../model/registry/levers.ts';
import { DEFAULT_DRAWS, DEFAULT_SEED } from '../lib/constants.ts';
import { SHARE_PARAM } from '../scenario/share.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Workshop, WorkshopGroup } from '../scenario/workshop-file.ts';
import { t } from '../i18n/runtime.ts';

/** The name a group gets on the board: the scenario's author, else its name, else "Group n". */
export function groupNameFor(s: Pick<Scenario, 'author' | 'name'>, n: number): string {
  return s.author.trim() || s.name.trim() || t('workshop.group.unnamed', { n });
}

/** One pasted line: a share-link payload, or why the line is not one. Blank lines are skipped. */
export type PastedLine = { line: number; payload: string } | { line: number; error: string };

/** The share links in pasted text, one per line (whole addresses, or just the `#s=…` part). */
export function linesToPayloads(text: string): PastedLine[] {
  const out: PastedLine[] = [];
  const re = new RegExp(`[#&?]${SHARE_PARAM}=([^&\\s#]+)`);
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = re.exec(line);
    out.push(m ? { line: i + 1, payload: decodeURIComponent(m[1]!) } : { line: i + 1, error: t('workshop.link.notLink', { n: i + 1 }) });
  });
  return out;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The group an arrival would replace: one with the same scenario id, or the same name. */
export function replacedBy(groups: readonly WorkshopGroup[], name: string, s: Scenario): WorkshopGroup | undefined {
  return groups.find((g) => g.scenario.id === s.id) ?? groups.find((g) => same(g.name, name));
}

/** The geography the consensus is built on: the workshop's first, else the groups' most common. */
export function consensusGeography(w: Workshop): Scenario['geography'] {
  const first = w.geographies[0];
  if (first !== undefined) return first;
  const counts = new Map<string, { n: number; g: Scenario['geography'] }>();
  for (const g of w.groups) {
    const key = typeof g.scenario.geography === 'string' ? g.scenario.geography : `custom:${g.scenario.geography.id}`;
    const c = counts.get(key) ?? { n: 0, g: g.scenario.geography };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.g ?? 'world';
}

/** The room's plan: every lever at the median of the groups' settings, central assumptions. */
export function consensusScenario(w: Workshop, strips: readonly LeverStrip[], id: string, now: string): Scenario {
  const median = new Map(strips.map((s) => [s.lever, s.median]));
  const levers = Object.fromEntries(LEVERS.map((l) => [l.id, { value: median.get(l.id) ?? l.default, start: null }])) as Scenario['levers'];
  return {
    id,
    name: t('workshop.consensus.name', { workshop: w.name }).slice(0, 120),
    description: t('workshop.consensus.description', { n: w.groups.length, workshop: w.name }),
    notes: w.groups.map((g) => `${g.name}: ${g.scenario.name}`).join('\n').slice(0, 20_000),
    author: w.facilitator,
    createdAt: now,
    updatedAt: now,
    revision: 1,
    geography: consensusGeography(w),
    levers,
    overrides: {},
    seed: DEFAULT_SEED,
    draws: DEFAULT_DRAWS,
  };
}
