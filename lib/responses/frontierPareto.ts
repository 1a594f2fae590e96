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

/** The frontier data with every slice's Pareto set recomputed for other axes. */
export function withParetoAxes<T extends Pick<FrontierData, "slices">>(data: T, axes: ParetoAxes): T {
  const slices = Object.fromEntries(
    Object.entries(data.slices).map(([slice, value]) => [
      slice,
      { ...value, pareto: frontierPareto(value.points, axes) },
    ]),
  ) as T["slices"];
  return { ...data, slices };
}
