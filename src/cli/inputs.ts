// Parses the CLI's custom-geography file through the shared runtime schema; errors name file and field
// path. Scenario files go through restore() instead (read-input.ts).
// The command line speaks English: the messages of the restore door come from the English catalogue.
import '../i18n/english.ts';
import { parseCustomGeographyInput } from '../scenario/model-input.ts';
import type { CustomGeographyDef } from '../model/index.ts';
import { CliError } from './cli-error.ts';

export function parseCustomGeography(data: unknown, file: string): CustomGeographyDef {
  const r = parseCustomGeographyInput(data);
  if (!r.ok) throw new CliError(file, `${file}: ${r.problem.path}: expected ${r.problem.message}`);
  return r.value;
}
