import type { MetricId } from "./metricRegistry";
import { frontierStepPath, type ParetoDirections, type ParetoPoint, paretoFront } from "./pareto";

/** The axes the explorer and GET …/frontier use when none are asked for. */
export const DEFAULT_FRONTIER_AXES: { x: MetricId; y: MetricId } = { x: "correctness", y: "efficiency" };

/** A checkpoint's position on two metrics, and whether it has collapsed (see collapse.ts). */
export interface GuardedPoint extends ParetoPoint {
  collapsed: boolean;
}

/**
 * The Pareto front and its staircase (as {@link frontierStepPath}) over the points that may be on
 * it: collapsed checkpoints compete only when `includeCollapsed` is set. Indices refer to `points`.
 */
export function guardedFrontier(
  points: readonly GuardedPoint[],
  directions: ParetoDirections,
  includeCollapsed: boolean,
): { indices: number[]; vertices: ParetoPoint[] } {
  const eligible = points.flatMap((point, index) => (includeCollapsed || !point.collapsed ? [index] : []));
  const { indices, vertices } = frontierStepPath(
    eligible.map((index) => points[index]),
    directions,
  );
  return { indices: indices.map((i) => eligible[i]), vertices };
}

/** One evaluated checkpoint as {@link paretoAlphas} reads it: its α, collapse flag and metric values. */
export interface ParetoCandidate {
  alpha: number;
  collapsed: boolean;
  metrics: Partial<Record<string, { value: number | null } | undefined>>;
}

/**
 * The evaluated α (ascending) not dominated on metrics x and y among the checkpoints with a finite
 * value of both, collapsed checkpoints left out unless `includeCollapsed`.
 */
export function paretoAlphas(
  candidates: readonly ParetoCandidate[],
  axes: { x: MetricId; y: MetricId },
  directions: ParetoDirections,
  includeCollapsed = false,
): number[] {
  const metricValue = (candidate: ParetoCandidate, id: MetricId) =>
    candidate.metrics[id]?.value ?? Number.NaN;
  const points = candidates.map((candidate) => ({
    x: metricValue(candidate, axes.x),
    y: metricValue(candidate, axes.y),
    collapsed: candidate.collapsed,
  }));
  return guardedFrontier(points, directions, includeCollapsed)
    .indices.map((index) => candidates[index].alpha)
    .sort((a, b) => a - b);
}

/**
 * Each point's probability of being non-dominated (a probable Pareto set): the share of bootstrap
 * resamples in which it is on the front of (x, y) among the eligible points, where x[j][r] and
 * y[j][r] are point j's values in resample r (problems resampled once for all points, so the
 * resamples are paired). Null for a point that does not compete (`eligible` false). A resample where
 * a point has no finite value counts as one where it is not on the front.
 */
export function nonDominatedShares(
  x: readonly ArrayLike<number>[],
  y: readonly ArrayLike<number>[],
  directions: ParetoDirections,
  eligible: readonly boolean[],
): (number | null)[] {
  const resamples = x.length === 0 ? 0 : x[0].length;
  const onFront = new Int32Array(x.length);
  const points: ParetoPoint[] = x.map(() => ({ x: Number.NaN, y: Number.NaN }));
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < x.length; j++) {
      points[j].x = eligible[j] ? x[j][r] : Number.NaN;
      points[j].y = eligible[j] ? y[j][r] : Number.NaN;
    }
    for (const j of paretoFront(points, directions)) onFront[j]++;
  }
  return eligible.map((competes, j) => (competes && resamples > 0 ? onFront[j] / resamples : null));
}
