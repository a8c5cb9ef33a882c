// The workshop in presentation mode: "Present the board" in the Workshop tab opens the deck with two
// slides in front of the saved ones: the board (every lever's strip, the groups' targets met and costs)
// and, once built, the room's plan (an ordinary scenario slide). They come from the Workshop tab as it
// is and are never written to the stored deck. The presenter window lists each group's notes.
import type { WorkshopBoard } from '../model/index.ts';
import type { LeverId } from '../model/registry/levers.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Workshop } from '../scenario/workshop-file.ts';
import { geographyKey, type PlanLever } from './workshop-collect.ts';
import { formatUsd } from '../lib/format.ts';
import { keys } from '../i18n/keys.ts';
import { t } from '../i18n/runtime.ts';

export const BOARD_REF = 'workshop:board';
export const PLAN_REF = 'workshop:plan';

export interface WorkshopSlides {
  workshop: Workshop;
  board: WorkshopBoard;
  plan: Record<LeverId, PlanLever> | null;
  consensus: Scenario | null;
}

/** A group's notes for the presenter: its name, its scenario's name and what the group wrote. */
export interface GroupNote {
  name: string;
  scenario: string;
  notes: string;
}

export const isWorkshopRef = (ref: string): boolean => ref === BOARD_REF || ref === PLAN_REF;

/** The workshop's slides: the board, then the plan when it is built. */
export function workshopRefs(w: WorkshopSlides | null): string[] {
  if (!w) return [];
  return w.consensus ? [BOARD_REF, PLAN_REF] : [BOARD_REF];
}

/** Each group's notes (its scenario's notes, else its description), in the board's order. */
export function groupNotes(w: Workshop): GroupNote[] {
  return w.groups.map((g) => ({ name: g.name, scenario: g.scenario.name, notes: (g.scenario.notes.trim() || g.scenario.description.trim()).slice(0, 2000) }));
}

/**
 * The one-line summary of a workshop slide, for the presenter window (the next slide's preview, and the
 * slide showing): the board ("6 groups on 2 geographies · targets met: 3 to 7 of 12 · most disputed:
 * Network rollout"), or the plan (its geography, targets met and cost from the board's plan row, and how
 * it was shaped). `placeName` names a scenario's geography. Null when the slide has nothing to say yet
 * (the plan's row not on the board).
 */
export function workshopHeadline(w: WorkshopSlides, ref: string, placeName: (g: Scenario['geography']) => string): string | null {
  const groups = w.board.groups.filter((g) => !g.consensus);
  if (ref === BOARD_REF) {
    const geographies = new Set(w.workshop.groups.map((g) => geographyKey(g.scenario.geography))).size;
    const parts = [t('workshop.slide.headGroups', { n: groups.length, g: geographies })];
    if (groups.length > 0) {
      const met = groups.map((g) => g.met);
      parts.push(t('workshop.slide.headMet', { min: Math.min(...met), max: Math.max(...met), total: groups[0]!.total }));
    }
    const top = w.board.levers[0];
    if (top && top.disagreement > 0) parts.push(t('workshop.slide.headDisputed', { lever: t(keys.lever(top.lever, 'label')) }));
    return parts.join(' · ');
  }
  if (ref === PLAN_REF && w.consensus) {
    const row = w.board.groups.find((g) => g.consensus);
    if (!row) return null;
    const adjusted = w.plan ? Object.values(w.plan).filter((l) => l.adjusted).length : 0;
    return t('workshop.slide.headPlan', {
      n: groups.length,
      place: placeName(w.consensus.geography),
      met: row.met,
      total: row.total,
      cost: row.costUsd === null ? t('present.cost.unavailable') : formatUsd(row.costUsd),
      adjusted,
    });
  }
  return null;
}
