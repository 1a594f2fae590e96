import { DIFFICULTIES } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import {
  type BootstrapOptions,
  bootstrapFrontierStrata,
  type StratifiedFrontier,
} from "../science/bootstrap";
import { withTrainedColumns } from "../science/frontierPoints";
import { sliceProblemIndices } from "../science/slices";

/** Each difficulty's problems: the strata of the frontier's and the claims' bootstrap. */
export function difficultyStrata(matrix: SweepMatrix): Int32Array[] {
  return DIFFICULTIES.map((difficulty) => sliceProblemIndices(matrix, difficulty));
}

const computed = new WeakMap<SweepMatrix, { options: BootstrapOptions; frontier: StratifiedFrontier }>();

/**
 * The version's stratified bootstrap of every registry metric (bootstrapFrontierStrata over the
 * difficulty strata, the α columns then the trained ones), computed once per loaded matrix and
 * options: the frontier's intervals and the claims read the same resamples, and computing them
 * twice was a third of the statistics job's time (docs/performance.md). Kept while the matrix is.
 */
export function stratifiedBootstrap(matrix: SweepMatrix, options: BootstrapOptions): StratifiedFrontier {
  const cached = computed.get(matrix);
  if (cached?.options === options) return cached.frontier;
  const frontier = bootstrapFrontierStrata(
    withTrainedColumns(matrix).matrix,
    difficultyStrata(matrix),
    options,
  );
  computed.set(matrix, { options, frontier });
  return frontier;
}
