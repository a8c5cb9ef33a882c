// The model's callable surface: the same object runs in-process (Node tests, CLI) and behind comlink
// in the worker. Every function takes and returns plain, structured-cloneable data.
import { checksum } from './checksum.ts';
import { listGeographies, type GeographyListing } from './catalogue.ts';
import { project, type ProjectionRequest, type ProjectionResult } from './project.ts';
import { MODEL_VERSION } from './version.ts';

export interface EchoReply {
  modelVersion: string;
  checksum: string;
}

export const modelApi = {
  /** Diagnostic round trip: the model version and the checksum of the inputs it received. */
  echo(input: unknown): EchoReply {
    return { modelVersion: MODEL_VERSION, checksum: checksum(input) };
  },
  /** World, the six ITU regions and every economy, for pickers and the CLI. */
  listGeographies(): GeographyListing[] {
    return listGeographies();
  },
  /** Projects a scenario: current trends, the scenario's central run, bands, costs and the scorecard. */
  project(request: ProjectionRequest): Promise<ProjectionResult> {
    return project(request);
  },
};

export type ModelApi = typeof modelApi;
