import type { FrontierData, FrontierPareto } from "../contracts/types";
import { type ParetoCandidate, paretoAlphas } from "../science/guardedPareto";
import { getMetric, type MetricId } from "../science/metricRegistry";

/** The axes a Pareto set is asked for, and whether collapsed checkpoints compete. */
export interface ParetoAxes {
  x: MetricId;
  y: MetricId;
  includeCollapsed?: boolean;
}

/** The non-dominated α of one slice's points on two metrics (collapsed ones left out by default). */
export function frontierPareto(points: readonly ParetoCandidate[], axes: ParetoAxes): FrontierPareto {
  const directions = { x: getMetric(axes.x).direction, y: getMetric(axes.y).direction };
  return {
    x: axes.x,
    y: axes.y,
    includesCollapsed: axes.includeCollapsed ?? false,
    alphas: paretoAlphas(points, axes, directions, axes.includeCollapsed ?? false),
  };
}

/**
 * The frontier data with every slice's Pareto set recomputed for other axes. Each point's
 * pNonDominated is stored for the default axes only (collapsed left out): for others it is null,
 * "not computed", since the resamples behind it are not kept.
 */
export function withParetoAxes<T extends Pick<FrontierData, "slices">>(data: T, axes: ParetoAxes): T {
  const slices = Object.fromEntries(
    Object.entries(data.slices).map(([slice, value]) => [
      slice,
      {
        ...value,
        points: value.points.map((point) => ({ ...point, pNonDominated: null })),
        pareto: frontierPareto(value.points, axes),
      },
    ]),
  ) as T["slices"];
  return { ...data, slices };
}
