import type { FrontierData } from "../api/types";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { METRICS } from "../science/metricRegistry";
import type { ViewContext } from "./viewState";

const DEFAULT_X = "correctness";
const DEFAULT_Y = "efficiency";

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
    defaultX: pick(DEFAULT_X, 0),
    defaultY: pick(DEFAULT_Y, 1),
  };
}
