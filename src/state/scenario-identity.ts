// What a goal search was run on, as comparable keys (geography, overrides, every lever's value and
// start): enough to tell whether the working scenario has changed since.
import type { ProjectionRequest } from '../model/index.ts';
import { LEVERS } from '../model/registry/levers.ts';
import { geographyKey } from '../scenario/scenario.ts';
import type { LeverValues, Workspace } from './workspace.svelte.ts';

function sortedOverrides(o: ProjectionRequest['overrides']): string {
  return JSON.stringify(Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every lever's value and start year as one comparable key. */
export function leversKey(levers: LeverValues): string {
  return LEVERS.map((l) => `${levers[l.id].value}@${levers[l.id].start ?? ''}`).join('|');
}

/** What a search was run on: enough to tell whether the scenario has since changed. */
export interface ScenarioIdentity {
  geography: string;
  overrides: string;
  levers: string;
}

/** The identity of the workspace's current scenario. */
export function identityOf(ws: Workspace): ScenarioIdentity {
  return { geography: geographyKey(ws.geography as ProjectionRequest['geography']), overrides: sortedOverrides(ws.overrides), levers: leversKey(ws.levers) };
}
