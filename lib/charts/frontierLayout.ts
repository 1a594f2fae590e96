import { line } from "d3";
import type { FrontierEstimate, FrontierPoint, TrainedPoint } from "../contracts/types";
import { guardedFrontier } from "../science/guardedPareto";
import type { MetricDefinition } from "../science/metricRegistry";
import { alphaColor } from "./alphaColor";
import { type AxisScale, createAxisScale } from "./axisScale";
import { chartFrame, type Frame, px } from "./frame";
import { insidePlot, type PlotArea } from "./plotArea";
import { axisTicks, type Tick, tickCountFor } from "./ticks";
import { drawableTrained, layoutTrained, type TrainedLayout } from "./trainedLayout";
import { type ChartType, marginFor, SCREEN_TYPE, tickSpacing } from "./typography";
import type { Zoom } from "./zoom";

/** Which part of the α path a stretch belongs to; they are drawn in different styles. */
export type PathPart = "extrapolationA" | "interpolation" | "extrapolationB";

export interface PlottedPoint {
  point: FrontierPoint;
  cx: number;
  cy: number;
  color: string;
  /** Not dominated by any other evaluated α that competes (collapsed ones only when included). */
  pareto: boolean;
  /** The checkpoint has collapsed on this slice (lib/science/collapse.ts). */
  collapsed: boolean;
  /** 95% interval whiskers in pixels, when intervals are shown. */
  whiskers: { x1: number; x2: number; y1: number; y2: number } | null;
  /** Its centre lies in the plotting area: drawn and focusable (a zoom may leave it outside). */
  inside: boolean;
}

/** A plot of one series: its shared frame, scales and ticks, and the series itself. */
export type FrontierLayout = Omit<FrontierSeriesPlot, "series"> & FrontierSeriesLayout;

export interface FrontierLayoutInput {
  /** Evaluated checkpoints, sorted by α. */
  points: readonly FrontierPoint[];
  /** Trained checkpoints beside the α line, drawn as labelled reference points (none when absent). */
  trained?: readonly TrainedPoint[];
  x: MetricDefinition;
  y: MetricDefinition;
  xLog: boolean;
  yLog: boolean;
  ci: boolean;
  /** Whether collapsed checkpoints compete for the Pareto set. */
  includeCollapsed: boolean;
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

/** Splits the α path (points in α order) into maximal runs of one part, each a polyline through its points. */
export function pathRuns(
  plotted: readonly { alpha: number; cx: number; cy: number }[],
): { part: PathPart; d: string }[] {
  const runs: { part: PathPart; vertices: [number, number][] }[] = [];
  for (let i = 1; i < plotted.length; i++) {
    const [from, to] = [plotted[i - 1], plotted[i]];
    const part = pathPart(from.alpha, to.alpha);
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

/** One series of a plot with several: its points, α path, Pareto staircase and undrawn α. */
export interface FrontierSeriesLayout {
  /** Points in α order. */
  points: PlottedPoint[];
  path: { part: PathPart; d: string }[];
  /** The series' own Pareto staircase, or null with fewer than two front points. */
  frontier: string | null;
  /** Evaluated α without a value for one of the two metrics (not drawn). */
  missing: number[];
  /** The series' trained checkpoints: labelled diamonds and their own staircase, apart from the α path. */
  trained: TrainedLayout;
}

/** Several experiments' frontiers on shared axes (the comparison page). */
export interface FrontierSeriesPlot {
  frame: Frame;
  /** Font sizes of the chart's text. */
  type: ChartType;
  xScale: AxisScale;
  yScale: AxisScale;
  xTicks: Tick[];
  yTicks: Tick[];
  /** In the order given. */
  series: FrontierSeriesLayout[];
}

export interface FrontierSeriesInput extends Omit<FrontierLayoutInput, "points" | "trained"> {
  /** Each series' evaluated checkpoints, sorted by α. */
  series: readonly (readonly FrontierPoint[])[];
  /** Each series' trained checkpoints (entry i for series i; none where absent). */
  trained?: readonly (readonly TrainedPoint[])[];
  /**
   * The points the scales must fit, when more than the series drawn: a study's panels each draw one
   * experiment on the scales of all of them, so every panel reads against the same ticks.
   */
  domainSeries?: readonly (readonly FrontierPoint[])[];
  /** The trained checkpoints the scales must fit with `domainSeries` (a study's: every experiment's). */
  domainTrained?: readonly (readonly TrainedPoint[])[];
}

// JSON turns a NaN into null: a value must be a finite number to be drawn.
function drawable(points: readonly FrontierPoint[], x: string, y: string): FrontierPoint[] {
  return points.filter((p) => Number.isFinite(p.metrics[x]?.value) && Number.isFinite(p.metrics[y]?.value));
}

/**
 * The pixels of one series on scales shared with the others: one point per evaluated α (coloured by
 * α within its own range, flagged when Pareto-optimal within its own series), the α path split into
 * its parts, and the series' Pareto staircase. The front is computed on all of the series' points,
 * not only the zoomed window, so zooming never changes which α are optimal.
 */
function layoutSeries(
  points: readonly FrontierPoint[],
  trained: readonly TrainedPoint[],
  input: Omit<FrontierSeriesInput, "series" | "trained" | "domainTrained"> & { type: ChartType },
  xScale: AxisScale,
  yScale: AxisScale,
  area: PlotArea,
): FrontierSeriesLayout {
  const withValues = drawable(points, input.x.id, input.y.id);
  const missing = points.filter((p) => !withValues.includes(p)).map((p) => p.alpha);
  const xs = withValues.map((p) => p.metrics[input.x.id]);
  const ys = withValues.map((p) => p.metrics[input.y.id]);
  const { indices, vertices } = guardedFrontier(
    withValues.map((point, i) => ({ x: xs[i].value, y: ys[i].value, collapsed: point.collapsed })),
    { x: input.x.direction, y: input.y.direction },
    input.includeCollapsed,
  );
  const onFront = new Set(indices);
  const alphaMin = points[0]?.alpha ?? 0;
  const alphaMax = points[points.length - 1]?.alpha ?? 1;

  const plotted = withValues.map((point, i): PlottedPoint => {
    const cx = px(xScale(xs[i].value));
    const cy = px(yScale(ys[i].value));
    return {
      point,
      cx,
      cy,
      color: alphaColor(point.alpha, alphaMin, alphaMax),
      pareto: onFront.has(i),
      collapsed: point.collapsed,
      whiskers: input.ci ? whiskersOf(xs[i], ys[i], xScale, yScale) : null,
      inside: insidePlot(cx, cy, area),
    };
  });
  return {
    points: plotted,
    path: pathRuns(plotted.map(({ point, cx, cy }) => ({ alpha: point.alpha, cx, cy }))),
    frontier:
      vertices.length >= 2
        ? (polyline(vertices.map((v): [number, number] => [xScale(v.x), yScale(v.y)])) ?? null)
        : null,
    missing,
    trained: layoutTrained({
      points: trained,
      x: input.x,
      y: input.y,
      xScale,
      yScale,
      ci: input.ci,
      area,
      type: input.type,
    }),
  };
}

/**
 * Several series of evaluated checkpoints on one pair of axes: the scales fit every series' values
 * (and their intervals, when shown), or those of `domainSeries` when given, so every series is read
 * against the same ticks; each series is
 * laid out as {@link layoutFrontier} lays out one.
 */
export function layoutFrontierSeries(input: FrontierSeriesInput): FrontierSeriesPlot {
  const { series, domainSeries, domainTrained, trained = [], ...shared } = input;
  const type = input.type ?? SCREEN_TYPE;
  const frame = chartFrame(input.width, input.height, marginFor(FRONTIER_MARGIN, type));
  // The scales fit the trained checkpoints too: a reference point off the plot would say nothing.
  const estimates: { metrics: Record<string, FrontierEstimate> }[] = [
    ...(domainSeries ?? series).flatMap((points) => drawable(points, input.x.id, input.y.id)),
    ...(domainTrained ?? trained).flatMap((points) => drawableTrained(points, input.x.id, input.y.id)),
  ];
  // Bounds are null while the intervals are computed, and NaN-turned-null where undefined.
  const bounds = (values: FrontierEstimate[]) =>
    input.ci
      ? values.flatMap((e) => [e.value, e.lower, e.upper]).filter((v): v is number => v !== null)
      : values.map((e) => e.value);
  const xScale = createAxisScale({
    values: bounds(estimates.map((p) => p.metrics[input.x.id])),
    range: [0, frame.innerWidth],
    log: input.xLog,
    domain: input.zoom?.x,
  });
  const yScale = createAxisScale({
    values: bounds(estimates.map((p) => p.metrics[input.y.id])),
    range: [frame.innerHeight, 0],
    log: input.yLog,
    domain: input.zoom?.y,
  });
  return {
    frame,
    type,
    xScale,
    yScale,
    xTicks: axisTicks(xScale, tickCountFor(frame.innerWidth, tickSpacing(type)), input.x.format),
    yTicks: axisTicks(yScale, tickCountFor(frame.innerHeight, tickSpacing(type)), input.y.format),
    series: series.map((points, i) =>
      layoutSeries(points, trained[i] ?? [], { ...shared, type }, xScale, yScale, {
        width: frame.innerWidth,
        height: frame.innerHeight,
      }),
    ),
  };
}

/**
 * Everything the frontier plot draws, in pixels: scales, ticks, one point per evaluated α (coloured
 * by α, flagged when Pareto-optimal), the α path split into its extrapolation and interpolation
 * parts, and the Pareto staircase: the one-series case of {@link layoutFrontierSeries}.
 */
export function layoutFrontier(input: FrontierLayoutInput): FrontierLayout {
  const { points, trained = [], ...shared } = input;
  const { series, ...plot } = layoutFrontierSeries({ ...shared, series: [points], trained: [trained] });
  return { ...plot, ...series[0] };
}
