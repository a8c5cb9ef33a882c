// Who the working scenario is: its metadata (identity, texts, the library revision it is based on,
// whether it is a draft), how that metadata is read from a scenario, and how metadata plus the
// workspace's content make a complete Scenario again. Plain functions; the Library holds the state.
import { scenarioTexts } from '../scenario/scenario.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ScenarioContent } from './workspace.svelte.ts';
import { t } from '../i18n/runtime.ts';

/** Who the working scenario is: its metadata, and whether and at what revision it is in the library. */
export interface CurrentMeta {
  id: string;
  name: string;
  description: string;
  notes: string;
  author: string;
  createdAt: string;
  /** Library revision the working copy is based on; 0 = never saved (a draft). */
  baseRevision: number;
  /** Set while the working copy is an unsaved draft opened from a link, a file or a preset. */
  draftOf: 'link' | 'preset' | 'new' | null;
}

/** The metadata a user can edit (Save as…, the scenario's details). */
export type EditableMeta = Pick<CurrentMeta, 'name' | 'description' | 'notes' | 'author'>;

/** A short message to the user, with an optional undo. */
export interface Toast {
  message: string;
  undo?: () => void;
}

export const uuid = (): string => crypto.randomUUID();

/** The name a new scenario gets until the user names it, in the active language ("Untitled scenario"). */
export const untitledName = (): string => t('library.untitled');
export const nowIso = (): string => new Date().toISOString();

/** The metadata of a new, never-saved scenario. */
export function freshMeta(): CurrentMeta {
  return { id: uuid(), name: untitledName(), description: '', notes: '', author: '', createdAt: nowIso(), baseRevision: 0, draftOf: 'new' };
}

/** The metadata of a scenario being opened, with where it stands in the library. */
export function metaOf(s: Scenario, o: Pick<CurrentMeta, 'baseRevision' | 'draftOf'>): CurrentMeta {
  return { ...scenarioTexts(s), baseRevision: o.baseRevision, draftOf: o.draftOf };
}

/** The working scenario as a complete Scenario: its metadata and the workspace's content, updated now. */
export function scenarioOf(m: CurrentMeta, c: ScenarioContent): Scenario {
  return {
    ...scenarioTexts(m),
    updatedAt: nowIso(),
    revision: Math.max(1, m.baseRevision),
    geography: c.geography,
    levers: c.levers,
    overrides: c.overrides,
    seed: c.seed,
    draws: c.draws,
  };
}

/** The workspace's part of a scenario (everything but its metadata). */
export function contentOf(s: Scenario): ScenarioContent {
  return { geography: s.geography, levers: s.levers, overrides: s.overrides, seed: s.seed, draws: s.draws };
}
