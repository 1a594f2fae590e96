import type { CheckpointColumns, SweepMatrix } from "../domain/sweep";
import { unionOfStrata } from "./bootstrap";
import { METRICS, type MetricId } from "./metricRegistry";
import { sliceSummary } from "./metrics";

/** Every registry metric defined for one checkpoint, as a point value. */
export type MetricValues = Partial<Record<MetricId, number>>;

function metricValues(matrix: SweepMatrix, problems: ArrayLike<number>): MetricValues[] {
  return matrix.checkpoints.map((cp) => {
    const summary = sliceSummary(cp, problems);
    const values: MetricValues = {};
    for (const metric of METRICS) {
      const value = metric.value(summary);
      if (value !== null) values[metric.id] = value;
    }
    return values;
  });
}

/**
 * The point values of {@link bootstrapFrontierStrata} without its resamples (a few milliseconds
 * where the intervals take seconds): every registry metric of every checkpoint over each stratum
 * and over their union, summed in the same order, so the values are the same to the last bit.
 */
export function frontierPointValues(
  matrix: SweepMatrix,
  strata: readonly ArrayLike<number>[],
): { strata: MetricValues[][]; combined: MetricValues[] } {
  return {
    strata: strata.map((stratum) => metricValues(matrix, stratum)),
    combined: metricValues(matrix, unionOfStrata(strata).union),
  };
}

/**
 * The matrix with its trained checkpoints appended after the α ones, so one run of the frontier's
 * bootstrap gives them intervals from the same problem resamples (the draws depend on the problems
 * only, and every column is summed on its own, so the α columns' values and bounds are exactly those
 * without them) and paired changes against the endpoints. The trained columns' α is NaN, which no
 * endpoint lookup matches; callers split the result at `alphaCount`.
 */
export function withTrainedColumns(matrix: SweepMatrix): { matrix: SweepMatrix; alphaCount: number } {
  const trained = matrix.trained ?? [];
  if (trained.length === 0) return { matrix, alphaCount: matrix.checkpoints.length };
  const appended = trained.map(
    ({ coverage: _coverage, ...columns }): CheckpointColumns => ({ ...columns, alpha: Number.NaN }),
  );
  return {
    matrix: { ...matrix, checkpoints: [...matrix.checkpoints, ...appended], trained: [] },
    alphaCount: matrix.checkpoints.length,
  };
}
