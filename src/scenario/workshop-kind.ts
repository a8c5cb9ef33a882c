// The workshop envelope's type tag and format version, apart from workshop-file.ts so that restore.ts
// (which workshop-file.ts imports) can recognise a workshop file without an import cycle.
export const WORKSHOP_FILE_TYPE = 'pathways-2030/workshop';
export const WORKSHOP_FILE_VERSION = 1;
