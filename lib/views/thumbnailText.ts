import type { ExperimentThumbnail, ThumbnailPoint } from "../contracts/experimentThumbnail";
import { formatAlpha } from "../domain/alpha";
import { formatPercent } from "./format";

/** What hovering a thumbnail's point says: its α and its numbers (short: a page holds hundreds). */
export function thumbnailPointTitle(point: ThumbnailPoint): string {
  const solveRate = point.solveRate === null ? "—" : formatPercent(point.solveRate);
  return `α = ${formatAlpha(point.alpha)}: correctness ${formatPercent(point.x)}, efficiency ${formatPercent(point.y)}, solve rate ${solveRate}${point.collapsed ? ", collapsed" : ""}`;
}

/** The thumbnail's picture in words, for screen readers: how many α, their range, the best solve rate. */
export function thumbnailDescription(thumbnail: ExperimentThumbnail): string {
  const { points, best } = thumbnail;
  if (points.length === 0) return "No α with both correctness and efficiency.";
  const collapsed = points.filter((point) => point.collapsed).length;
  const range =
    points.length === 1
      ? `α = ${formatAlpha(points[0].alpha)}`
      : `${points.length} α from ${formatAlpha(points[0].alpha)} to ${formatAlpha(points[points.length - 1].alpha)}`;
  const bestText = best === null ? "" : `; best solve rate ${bestSolveRateText(best)}`;
  return `Frontier: ${range} on correctness and efficiency${collapsed > 0 ? `, ${collapsed} collapsed` : ""}${bestText}.`;
}

/** "42.1% at α = 0.5". */
export function bestSolveRateText(best: NonNullable<ExperimentThumbnail["best"]>): string {
  return `${formatPercent(best.solveRate)} at α = ${formatAlpha(best.alpha)}`;
}
