// The workshop envelope's type tag and format version, apart from workshop-file.ts so that restore.ts
// (which workshop-file.ts imports) can recognise a workshop file without an import cycle.
export const WORKSHOP_FILE_TYPE = 'pathways-2030/workshop';
/**
 * 2: the room's plan names the geography it is projected on (`plan.geography`, required in a plan).
 * Version 1 files (no geography in the plan: the first session geography, else the groups' most
 * common) are migrated to 2 by WORKSHOP_MIGRATIONS[1] in workshop-file.ts.
 */
export const WORKSHOP_FILE_VERSION = 2;
