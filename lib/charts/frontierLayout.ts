import { line } from "d3";
import type { FrontierEstimate, FrontierPoint } from "../api/types";
import type { MetricDefinition } from "../science/metricRegistry";
import { frontierStepPath } from "../science/pareto";
import { alphaColor } from "./alphaColor";
import { type AxisScale, createAxisScale } from "./axisScale";
import { chartFrame, type Frame, px } from "./frame";
import { axisTicks, type Tick, tickCountFor } from "./ticks";
import { type ChartType, marginFor, SCREEN_TYPE, tickSpacing } from "./typography";
import type { Zoom } from "./zoom";

/** Which part of the α path a stretch belongs to; they are drawn in different styles. */
export type PathPart = "extrapolationA" | "interpolation" | "extrapolationB";

export interface PlottedPoint {
  point: FrontierPoint;
  cx: number;
  cy: number;
  color: string;
  /** Not dominated by any other evaluated α on the two chosen metrics. */
  pareto: boolean;
  /** 95% interval whiskers in pixels, when intervals are shown. */
  whiskers: { x1: number; x2: number; y1: number; y2: number } | null;
}

export interface FrontierLayout {
  frame: Frame;
  /** Font sizes of the chart's text. */
  type: ChartType;
  xScale: AxisScale;
  yScale: AxisScale;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Points in α order. */
  points: PlottedPoint[];
  path: { part: PathPart; d: string }[];
  /** The Pareto staircase, or null with fewer than two front points. */
  frontier: string | null;
  /** Evaluated α without a value for one of the two metrics (not drawn). */
  missing: number[];
}

export interface FrontierLayoutInput {
  /** Evaluated checkpoints, sorted by α. */
  points: readonly FrontierPoint[];
  x: MetricDefinition;
  y: MetricDefinition;
  xLog: boolean;
  yLog: boolean;
  ci: boolean;
  zoom: Zoom | null;
  width: number;
  height: number;
  /** Font sizes; the axis margins and tick density follow them. Screen type when omitted. */
  type?: ChartType;
}

export const FRONTIER_MARGIN = { top: 16, right: 24, bottom: 52, left: 72 };

/** The part of the path a segment between two evaluated α belongs to, judged by its midpoint. */
export function pathPart(alphaFrom: number, alphaTo: number): PathPart {
  const middle = (alphaFrom + alphaTo) / 2;
  if (middle < 0) return "extrapolationA";
  return middle > 1 ? "extrapolationB" : "interpolation";
}

const polyline = line<[number, number]>().digits(2);

/** Splits the α path into maximal runs of one part, each run a polyline through its points. */
function pathRuns(plotted: readonly PlottedPoint[]): { part: PathPart; d: string }[] {
  const runs: { part: PathPart; vertices: [number, number][] }[] = [];
  for (let i = 1; i < plotted.length; i++) {
    const [from, to] = [plotted[i - 1], plotted[i]];
    const part = pathPart(from.point.alpha, to.point.alpha);
    const last = runs[runs.length - 1];
    if (last && last.part === part) last.vertices.push([to.cx, to.cy]);
    else
      runs.push({
        part,
        vertices: [
          [from.cx, from.cy],
          [to.cx, to.cy],
        ],
      });
  }
  return runs.map((run) => ({ part: run.part, d: polyline(run.vertices) ?? "" }));
}

/**
 * Everything the frontier plot draws, in pixels: scales, ticks, one point per evaluated α (coloured
 * by α, flagged when Pareto-optimal), the α path split into its extrapolation and interpolation
 * parts, and the Pareto staircase. The Pareto front is computed on all points, not only the zoomed
 * window, so zooming never changes which α are optimal.
 */
/** The interval whiskers of a point; null when an interval is unknown (not computed yet, or undefined). */
function whiskersOf(
  x: FrontierEstimate,
  y: FrontierEstimate,
  xScale: (value: number) => number,
  yScale: (value: number) => number,
): PlottedPoint["whiskers"] {
  const { lower: x1, upper: x2 } = x;
  const { lower: y1, upper: y2 } = y;
  if (x1 === null || x2 === null || y1 === null || y2 === null) return null;
  if (![x1, x2, y1, y2].every(Number.isFinite)) return null;
  return { x1: px(xScale(x1)), x2: px(xScale(x2)), y1: px(yScale(y1)), y2: px(yScale(y2)) };
}

export function layoutFrontier(input: FrontierLayoutInput): FrontierLayout {
  const type = input.type ?? SCREEN_TYPE;
  const frame = chartFrame(input.width, input.height, marginFor(FRONTIER_MARGIN, type));
  // JSON turns a NaN into null: a value must be a finite number to be drawn.
  const hasValue = (p: FrontierPoint, id: string) => Number.isFinite(p.metrics[id]?.value);
  const withValues = input.points.filter((p) => hasValue(p, input.x.id) && hasValue(p, input.y.id));
  const missing = input.points.filter((p) => !withValues.includes(p)).map((p) => p.alpha);
  const xs = withValues.map((p) => p.metrics[input.x.id]);
  const ys = withValues.map((p) => p.metrics[input.y.id]);
  // Bounds are null while the intervals are computed, and NaN-turned-null where undefined.
  const bounds = (estimates: typeof xs) =>
    input.ci
      ? estimates.flatMap((e) => [e.value, e.lower, e.upper]).filter((v): v is number => v !== null)
      : estimates.map((e) => e.value);

  const xScale = createAxisScale({
    values: bounds(xs),
    range: [0, frame.innerWidth],
    log: input.xLog,
    domain: input.zoom?.x,
  });
  const yScale = createAxisScale({
    values: bounds(ys),
    range: [frame.innerHeight, 0],
    log: input.yLog,
    domain: input.zoom?.y,
  });

  const { indices, vertices } = frontierStepPath(
    withValues.map((_, i) => ({ x: xs[i].value, y: ys[i].value })),
    { x: input.x.direction, y: input.y.direction },
  );
  const onFront = new Set(indices);
  const alphaMin = input.points[0]?.alpha ?? 0;
  const alphaMax = input.points[input.points.length - 1]?.alpha ?? 1;

  const points = withValues.map((point, i): PlottedPoint => {
    const cx = px(xScale(xs[i].value));
    const cy = px(yScale(ys[i].value));
    return {
      point,
      cx,
      cy,
      color: alphaColor(point.alpha, alphaMin, alphaMax),
      pareto: onFront.has(i),
      whiskers: input.ci ? whiskersOf(xs[i], ys[i], xScale, yScale) : null,
    };
  });

  return {
    frame,
    type,
    xScale,
    yScale,
    xTicks: axisTicks(xScale, tickCountFor(frame.innerWidth, tickSpacing(type)), input.x.format),
    yTicks: axisTicks(yScale, tickCountFor(frame.innerHeight, tickSpacing(type)), input.y.format),
    points,
    path: pathRuns(points),
    frontier:
      vertices.length >= 2
        ? (polyline(vertices.map((v): [number, number] => [xScale(v.x), yScale(v.y)])) ?? null)
        : null,
    missing,
  };
}
