// The workshop in presentation mode: "Present the board" in the Workshop tab opens the deck with two
// slides in front of the saved ones: the board (every lever's strip, the groups' targets met and costs)
// and, once built, the room's plan (an ordinary scenario slide). They come from the Workshop tab as it
// is and are never written to the stored deck. The presenter window lists each group's notes.
import type { WorkshopBoard } from '../model/index.ts';
import type { LeverId } from '../model/registry/levers.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Workshop } from '../scenario/workshop-file.ts';
import type { PlanLever } from './workshop-collect.ts';

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
