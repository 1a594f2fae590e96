import type { ExperimentDetail, ExperimentListItem, FrontierData, FrontierSlice } from "../api/types";
import type { Db } from "../db/client";
import { listExperiments } from "../db/queries/experiments";
import { alphaKind } from "../domain/alpha";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { bootstrapFrontier } from "../science/bootstrap";
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

/** GET /api/experiments/[slug]/frontier: every registry metric of every checkpoint with its bootstrap CI. */
export function getFrontierData(db: Db, slug: string): Promise<FrontierData | null> {
  return derive(db, slug, "frontier", computeFrontierData);
}

function computeFrontierData({ header, matrix }: LoadedSweep): FrontierData {
  const slices = {} as Record<(typeof DIFFICULTY_SLICES)[number], FrontierSlice>;
  for (const slice of DIFFICULTY_SLICES) {
    const problems = sliceProblemIndices(matrix, slice);
    const estimates = bootstrapFrontier(matrix, problems, FRONTIER_BOOTSTRAP);
    const summaries = matrix.checkpoints.map((checkpoint) => sliceSummary(checkpoint, problems));
    slices[slice] = {
      slice,
      problems: problems.length,
      points: matrix.checkpoints.map((checkpoint, index) => ({
        alpha: checkpoint.alpha,
        kind: alphaKind(checkpoint.alpha),
        label: checkpoint.label,
        problems: summaries[index].problems,
        samples: summaries[index].samples,
        metrics: estimates[index],
      })),
    };
  }
  return { experiment: header, bootstrap: { ...FRONTIER_BOOTSTRAP }, slices };
}
