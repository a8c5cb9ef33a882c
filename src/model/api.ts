// The model's callable surface: the same object runs in-process (Node tests, CLI) and behind comlink
// in the worker. Every function takes and returns plain, structured-cloneable data.
import { listGeographies, type GeographyListing } from './catalogue.ts';
import { project, type ProjectionRequest, type ProjectionResult } from './project.ts';
import { cancelSeek, seekGoals, tradeoffCurve, type SeekProgress, type SeekRequest, type SeekResult, type TradeoffRequest, type TradeoffResult } from './seek/index.ts';
import { workshopBoard, type BoardInput, type WorkshopBoard } from './workshop-board.ts';
import { attribution, tornado, type AttributionEntry, type AttributionRequest, type SensitivityRequest, type TornadoResult } from './sensitivity.ts';

export const modelApi = {
  /** Liveness: answers at once, so a healing runner can tell a busy worker from a dead one. */
  ping(): 'pong' {
    return 'pong';
  },
  /** World, the six ITU regions and every economy, for pickers and the CLI. */
  listGeographies(): GeographyListing[] {
    return listGeographies();
  },
  /** Projects a scenario: current trends, the scenario's central run, bands, costs and the scorecard. */
  project(request: ProjectionRequest): Promise<ProjectionResult> {
    return project(request);
  },
  /**
   * Goal seek: the cheapest lever settings found that meet every goal within the budget. Pass an `id`
   * to be able to cancel it (it then rejects with an error named 'SeekCancelled'); `onProgress` may
   * be a comlink proxy.
   */
  seekGoals(request: SeekRequest, onProgress?: (p: SeekProgress) => unknown): Promise<SeekResult> {
    return seekGoals(request, onProgress);
  },
  /** Cancels the running goal seek or trade-off curve with this id; false when none is running. */
  cancelSeek(id: string): boolean {
    return cancelSeek(id);
  },
  /** Cost against the achievable 2030 level of one indicator, over about ten budget levels. */
  tradeoffCurve(request: TradeoffRequest, onProgress?: (p: SeekProgress) => unknown): Promise<TradeoffResult> {
    return tradeoffCurve(request, onProgress);
  },
  /** Tornado: each lever and uncertain parameter swung across its range, bars sorted by swing. */
  tornado(request: SensitivityRequest): Promise<TornadoResult> {
    return tornado(request);
  },
  /** Which uncertainty matters most: correlation of each parameter's draws with the 2030 value. */
  attribution(request: AttributionRequest): Promise<AttributionEntry[]> {
    return attribution(request);
  },
  /** The workshop board: every group projected, lever statistics, targets and costs (workshop-board.ts). */
  workshopBoard(inputs: BoardInput[], options?: { bands?: boolean }): Promise<WorkshopBoard> {
    return workshopBoard(inputs, options);
  },
};

export type ModelApi = typeof modelApi;
