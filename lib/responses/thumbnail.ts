import type { ExperimentThumbnail, ThumbnailPoint } from "../contracts/experimentThumbnail";
import type { FrontierPoint } from "../contracts/types";
import { DEFAULT_FRONTIER_AXES } from "../science/guardedPareto";

/**
 * The thumbnail of a frontier (kind `thumbnail@1`): its points over all problems, as the explorer
 * first shows them (default axes, no zoom), and the best solve rate among the checkpoints that did
 * not collapse (a collapsed one is no candidate, as on the Pareto set). A point without a finite
 * value on either axis is left out, as the explorer leaves it undrawn.
 */
export function experimentThumbnail(points: readonly FrontierPoint[]): Omit<ExperimentThumbnail, "version"> {
  const { x, y } = DEFAULT_FRONTIER_AXES;
  const finite = (value: number | undefined): value is number => Number.isFinite(value);
  const drawn: ThumbnailPoint[] = [];
  let best: ExperimentThumbnail["best"] = null;
  for (const point of points) {
    const solveRate = point.metrics.solveRate?.value;
    if (!point.collapsed && finite(solveRate) && (best === null || solveRate > best.solveRate))
      best = { alpha: point.alpha, solveRate };
    const [xValue, yValue] = [point.metrics[x]?.value, point.metrics[y]?.value];
    if (!finite(xValue) || !finite(yValue)) continue;
    drawn.push({
      alpha: point.alpha,
      x: xValue,
      y: yValue,
      solveRate: finite(solveRate) ? solveRate : null,
      collapsed: point.collapsed,
    });
  }
  return { axes: { x: "correctness", y: "efficiency" }, points: drawn, best };
}
