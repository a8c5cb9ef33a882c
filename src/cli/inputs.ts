// Parses the CLI's input files through the shared runtime schemas; errors name file and field path.
import { parseCustomGeographyInput, parseProjectionInput, type ProjectionInput } from '../scenario/model-input.ts';
import type { CustomGeographyDef } from '../model/index.ts';
import { CliError } from './cli-error.ts';

export function parseScenarioInput(data: unknown, file: string): ProjectionInput {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError(file, `${file}: (top level): expected a JSON object`);
  }
  const r = parseProjectionInput(data);
  if (!r.ok) throw new CliError(file, `${file}: ${r.problem.path}: expected ${r.problem.message}`);
  return r.value;
}

export function parseCustomGeography(data: unknown, file: string): CustomGeographyDef {
  const r = parseCustomGeographyInput(data);
  if (!r.ok) throw new CliError(file, `${file}: ${r.problem.path}: expected ${r.problem.message}`);
  return r.value;
}
