import type { FrontierData } from "../contracts/types";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { DEFAULT_FRONTIER_AXES } from "../science/guardedPareto";
import { METRICS } from "../science/metricRegistry";
import type { ViewContext } from "./viewState";

/**
 * What a view of this experiment may contain: the registry metrics some checkpoint has, the
 * evaluated α (sorted), and the difficulty slices with at least one problem.
 */
export function viewContextOf(data: FrontierData): ViewContext {
  const points = data.slices.all.points;
  const metrics = METRICS.filter((metric) => points.some((point) => point.metrics[metric.id] !== undefined));
  const ids = metrics.map((metric) => metric.id as string);
  const pick = (preferred: string, fallbackIndex: number) =>
    ids.includes(preferred) ? preferred : (ids[Math.min(fallbackIndex, ids.length - 1)] ?? preferred);
  return {
    metrics,
    alphas: points.map((point) => point.alpha).sort((a, b) => a - b),
    slices: DIFFICULTY_SLICES.filter((slice) => data.slices[slice].problems > 0),
    defaultX: pick(DEFAULT_FRONTIER_AXES.x, 0),
    defaultY: pick(DEFAULT_FRONTIER_AXES.y, 1),
  };
}
