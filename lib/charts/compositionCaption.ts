import type { FrontierPoint } from "../contracts/types";
import { formatAlpha } from "../domain/alpha";

/** A change of a verdict share smaller than this (2 points) is not called a trade. */
const TRADE_THRESHOLD = 0.02;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function share(point: FrontierPoint, metric: string): number | null {
  const value = point.metrics[metric]?.value;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** "from A to B", or between the evaluated ends when an endpoint is missing. */
function ends(points: readonly FrontierPoint[]): { from: FrontierPoint; to: FrontierPoint; name: string } {
  const a = points.find((p) => p.alpha === 0);
  const b = points.find((p) => p.alpha === 1);
  if (a && b) return { from: a, to: b, name: "From A to B" };
  const [from, to] = [points[0], points[points.length - 1]];
  return { from, to, name: `From α = ${formatAlpha(from.alpha)} to α = ${formatAlpha(to.alpha)}` };
}

/**
 * The failure-composition chart's caption, read off the data of the slice shown: how the
 * wrong-answer and time-limit shares and the solve rate move between the endpoints (or the evaluated
 * ends), which of the two failures is traded for the other when both move by ≥ 2 points in opposite
 * directions, and which α collapsed. Null with fewer than two checkpoints (nothing moves).
 */
export function compositionCaption(points: readonly FrontierPoint[]): string | null {
  if (points.length < 2) return null;
  const { from, to, name } = ends(points);
  const moves = (
    [
      ["wrong answers", "wrongAnswerShare"],
      ["time limits", "timeLimitShare"],
      ["solve rate", "solveRate"],
    ] as const
  ).flatMap(([label, metric]) => {
    const [start, end] = [share(from, metric), share(to, metric)];
    return start === null || end === null ? [] : [{ label, start, end, change: end - start }];
  });
  const sentences: string[] = [];
  if (moves.length > 0)
    sentences.push(
      `${name}: ${moves.map((m) => `${m.label} ${percent(m.start)} → ${percent(m.end)}`).join(", ")}.`,
    );
  const [wrong, time] = [
    moves.find((m) => m.label === "wrong answers"),
    moves.find((m) => m.label === "time limits"),
  ];
  if (
    wrong &&
    time &&
    Math.abs(wrong.change) >= TRADE_THRESHOLD &&
    Math.abs(time.change) >= TRADE_THRESHOLD
  ) {
    if (wrong.change > 0 && time.change < 0)
      sentences.push("Time-limit failures are traded for wrong answers.");
    if (wrong.change < 0 && time.change > 0)
      sentences.push("Wrong answers are traded for time-limit failures.");
  }
  const collapsed = points.filter((p) => p.collapsed).map((p) => formatAlpha(p.alpha));
  if (collapsed.length > 0)
    sentences.push(`α = ${collapsed.join(", ")} ${collapsed.length === 1 ? "has" : "have"} collapsed.`);
  return sentences.length > 0 ? sentences.join(" ") : null;
}
