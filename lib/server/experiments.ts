import type { ExperimentDetail, ExperimentListItem, FrontierData, FrontierSlice } from "../api/types";
import type { Db } from "../db/client";
import { listExperiments } from "../db/queries/experiments";
import { alphaKind } from "../domain/alpha";
import { DIFFICULTIES, type DifficultySlice } from "../domain/difficulty";
import { bootstrapFrontierStrata } from "../science/bootstrap";
import { checkpointSummaries, sliceSummary } from "../science/metrics";
import { sliceProblemIndices } from "../science/slices";
import { derive, type LoadedSweep } from "./sweepCache";

/** Bootstrap settings of the explorer's intervals: fixed, so the same data always shows the same CIs. */
export const FRONTIER_BOOTSTRAP = { resamples: 200, seed: 20260527, level: 0.95 } as const;

export function getExperimentList(db: Db): Promise<ExperimentListItem[]> {
  return listExperiments(db);
}

/** GET /api/experiments/[slug] and `alphascope metrics`: per-checkpoint scores, overall and by difficulty. */
export function getExperimentDetail(db: Db, slug: string): Promise<ExperimentDetail | null> {
  return derive(db, slug, "detail", ({ header, matrix }) => ({
    ...header,
    checkpoints: checkpointSummaries(matrix),
  }));
}

/**
 * GET /api/experiments/[slug]/frontier: every registry metric of every checkpoint with its 95%
 * bootstrap CI, per difficulty slice. Problems are resampled within their difficulty, so the
 * interval of "all" holds the benchmark's difficulty mix fixed.
 */
export function getFrontierData(db: Db, slug: string): Promise<FrontierData | null> {
  return derive(db, slug, "frontier", computeFrontierData);
}

function computeFrontierData({ header, matrix }: LoadedSweep): FrontierData {
  // One stratified bootstrap gives every slice: difficulties are the strata, "all" is their union.
  const strata = DIFFICULTIES.map((difficulty) => sliceProblemIndices(matrix, difficulty));
  const estimates = bootstrapFrontierStrata(matrix, strata, FRONTIER_BOOTSTRAP);
  const sliceData = (slice: DifficultySlice): FrontierSlice => {
    const problems =
      slice === "all" ? sliceProblemIndices(matrix, "all") : strata[DIFFICULTIES.indexOf(slice)];
    const sliceEstimates =
      slice === "all" ? estimates.combined : estimates.strata[DIFFICULTIES.indexOf(slice)];
    return {
      slice,
      problems: problems.length,
      points: matrix.checkpoints.map((checkpoint, index) => {
        const summary = sliceSummary(checkpoint, problems);
        return {
          alpha: checkpoint.alpha,
          kind: alphaKind(checkpoint.alpha),
          label: checkpoint.label,
          problems: summary.problems,
          samples: summary.samples,
          metrics: sliceEstimates[index],
        };
      }),
    };
  };
  return {
    experiment: header,
    bootstrap: { ...FRONTIER_BOOTSTRAP },
    slices: {
      all: sliceData("all"),
      easy: sliceData("easy"),
      medium: sliceData("medium"),
      hard: sliceData("hard"),
    },
  };
}
