// The workshop board's numbers, computed where the projections are (the analysis worker; in-process in
// Node): each group's projection, then per lever the groups' settings with median, range and a
// disagreement score; per indicator each group's 2030 value against its target; per group the cost
// (p10–p90 when bands are asked for) and the targets met of 12 (summariseTargets, the app's one count).
import { project, type ProjectionRequest, type ProjectionResult } from './project.ts';
import { LEVERS, type LeverId } from './registry/levers.ts';
import { INDICATORS, type IndicatorId } from './registry/indicators.ts';
import { summariseTargets } from './targets.ts';
import { TARGET_YEAR } from './constants.ts';
import { now } from './seek/driver.ts';

export interface BoardInput {
  id: string;
  /** The consensus is drawn against the groups but left out of the lever statistics. */
  consensus?: boolean;
  request: ProjectionRequest;
}

export interface LeverStrip {
  lever: LeverId;
  /** Each group's setting, in input order (consensus excluded). */
  values: Array<{ id: string; value: number }>;
  median: number;
  min: number;
  max: number;
  /** Standard deviation of the settings as a share of the lever's range (0 = all agree, 0.5 = split to both ends). */
  disagreement: number;
}

export interface TargetRow {
  indicator: IndicatorId;
  target: string;
  rule: '>=' | '<=' | 'band';
  target2030: number;
  values: Array<{ id: string; value: number; met: boolean }>;
}

export interface GroupRow {
  id: string;
  consensus: boolean;
  costUsd: number | null;
  /** Present when the board was built with bands. */
  costP10?: number;
  costP90?: number;
  met: number;
  total: number;
}

export interface WorkshopBoard {
  /** Levers, most disagreement first (registry order among equals). */
  levers: LeverStrip[];
  targets: TargetRow[];
  groups: GroupRow[];
  bands: boolean;
  /** Time the worker spent, ms (projections and statistics). */
  ms: number;
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Per lever: the settings, median, range and disagreement of the groups (consensus excluded). */
export function leverStrips(groups: ReadonlyArray<{ id: string; levers: Partial<Record<LeverId, number>> }>): LeverStrip[] {
  if (groups.length === 0) return [];
  const strips = LEVERS.map((l, order) => {
    const values = groups.map((g) => ({ id: g.id, value: g.levers[l.id] ?? l.default }));
    const xs = values.map((v) => v.value);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    return { order, strip: { lever: l.id, values, median: median(xs), min: Math.min(...xs), max: Math.max(...xs), disagreement: l.max > l.min ? sd / (l.max - l.min) : 0 } };
  });
  strips.sort((a, b) => b.strip.disagreement - a.strip.disagreement || a.order - b.order);
  return strips.map((s) => s.strip);
}

/** Projects every input (central run; with bands when asked) and builds the board. */
export async function workshopBoard(inputs: readonly BoardInput[], options: { bands?: boolean } = {}): Promise<WorkshopBoard> {
  const t0 = now();
  const bands = options.bands ?? false;
  const results: Array<{ input: BoardInput; result: ProjectionResult }> = [];
  for (const i of inputs) results.push({ input: i, result: await project({ ...i.request, uncertainty: bands }) });
  const groupsOnly = results.filter((r) => !r.input.consensus);
  const levers = leverStrips(groupsOnly.map((r) => ({ id: r.input.id, levers: Object.fromEntries(LEVERS.map((l) => [l.id, r.result.levers[l.id].value])) })));
  const targets: TargetRow[] = INDICATORS.map((d) => {
    const first = results[0]?.result.indicators.find((x) => x.id === d.id);
    return {
      indicator: d.id,
      target: d.target,
      rule: first?.rule ?? '>=',
      target2030: first?.target2030 ?? NaN,
      values: results.map(({ input, result }) => {
        const ind = result.indicators.find((x) => x.id === d.id)!;
        return { id: input.id, value: ind.scenario[result.years.indexOf(TARGET_YEAR)] ?? NaN, met: ind.metCentral };
      }),
    };
  });
  const groups: GroupRow[] = results.map(({ input, result }) => {
    const summary = summariseTargets(result.indicators);
    const row: GroupRow = { id: input.id, consensus: input.consensus === true, costUsd: result.cost.available ? result.cost.totalUsd : null, met: summary.met, total: summary.total };
    const band = result.cost.bands?.total;
    if (bands && band && result.cost.available) (row.costP10 = band.p10), (row.costP90 = band.p90);
    return row;
  });
  return { levers, targets, groups, bands, ms: now() - t0 };
}
