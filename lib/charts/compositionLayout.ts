import { area, type SeriesPoint, scaleLinear, stack } from "d3";
import type { FrontierPoint } from "../contracts/types";
import { formatAlpha } from "../domain/alpha";
import { VERDICTS, type Verdict } from "../domain/verdicts";
import type { MetricId } from "../science/metricRegistry";
import { chartFrame, type Frame, px } from "./frame";
import { axisTicks, type Tick, tickCountFor } from "./ticks";

/** Registry metric holding each verdict's share of samples. */
export const VERDICT_SHARE_METRIC: Record<Verdict, MetricId> = {
  pass: "passShare",
  wrongAnswer: "wrongAnswerShare",
  timeLimit: "timeLimitShare",
  runtimeError: "runtimeErrorShare",
  compileError: "compileErrorShare",
  other: "otherShare",
};

export interface CompositionLayout {
  frame: Frame;
  /** One band per verdict, bottom (pass) to top (other). */
  bands: { verdict: Verdict; d: string }[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** The interpolation range [0, 1] clipped to the evaluated range, in pixels; null if disjoint. */
  interpolation: { x0: number; x1: number } | null;
  /** Pixel x of an α, for the current-α rule. */
  xOf: (alpha: number) => number;
  /** The collapsed checkpoints, marked above the bands. */
  collapsed: { alpha: number; x: number }[];
}

export const COMPOSITION_MARGIN = { top: 18, right: 16, bottom: 40, left: 52 };

const percent = (value: number) => `${Math.round(value * 100)}%`;

type Row = { alpha: number } & Record<Verdict, number>;

/** Shares of a checkpoint per verdict; a missing share counts as 0 so the stack stays aligned. */
function sharesOf(point: FrontierPoint): Record<Verdict, number> {
  const shares = {} as Record<Verdict, number>;
  for (const verdict of VERDICTS) shares[verdict] = point.metrics[VERDICT_SHARE_METRIC[verdict]]?.value ?? 0;
  return shares;
}

/**
 * The failure-composition chart: verdict shares stacked over α (they sum to 1 at every evaluated α),
 * with the interpolation range and the collapsed checkpoints marked. Points must be sorted by α.
 */
export function layoutComposition(
  points: readonly FrontierPoint[],
  width: number,
  height: number,
): CompositionLayout {
  const frame = chartFrame(width, height, COMPOSITION_MARGIN);
  const alphaMin = points[0]?.alpha ?? 0;
  const alphaMax = points[points.length - 1]?.alpha ?? 1;
  const x = scaleLinear()
    .domain(alphaMin === alphaMax ? [alphaMin - 0.5, alphaMax + 0.5] : [alphaMin, alphaMax])
    .range([0, frame.innerWidth]);
  const y = scaleLinear().domain([0, 1]).range([frame.innerHeight, 0]);
  const rows: Row[] = points.map((point) => ({ alpha: point.alpha, ...sharesOf(point) }));
  const series = stack<Row, Verdict>().keys(VERDICTS)(rows);
  const band = area<SeriesPoint<Row>>()
    .x((d) => x(d.data.alpha))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]))
    .digits(2);
  const [i0, i1] = [Math.max(0, alphaMin), Math.min(1, alphaMax)];
  return {
    frame,
    bands: series.map((s) => ({ verdict: s.key, d: band(s) ?? "" })),
    xTicks: axisTicks(x, tickCountFor(frame.innerWidth), formatAlpha),
    yTicks: axisTicks(y, 5, percent),
    interpolation: i0 < i1 ? { x0: px(x(i0)), x1: px(x(i1)) } : null,
    xOf: (alpha) => px(x(alpha)),
    collapsed: points.filter((p) => p.collapsed).map((p) => ({ alpha: p.alpha, x: px(x(p.alpha)) })),
  };
}
