import type { MetricId } from "./metricRegistry";
import { frontierStepPath, type ParetoDirections, type ParetoPoint } from "./pareto";

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
