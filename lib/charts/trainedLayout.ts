import { line } from "d3";
import type { FrontierEstimate, TrainedPoint } from "../contracts/types";
import { guardedFrontier } from "../science/guardedPareto";
import type { MetricDefinition } from "../science/metricRegistry";
import { px } from "./frame";
import {
  insidePlot,
  type LabelPlacement,
  labelCharsThatFit,
  type PlotArea,
  placePointLabel,
} from "./plotArea";
import type { ChartType } from "./typography";

/**
 * The diamond a trained checkpoint is drawn as (α points are circles): a separate training run,
 * a reference point beside the α path, never joined to it.
 */
export const TRAINED_DIAMOND = "M0,-7L7,0L0,7L-7,0Z";

/** Trained labels longer than this are cut, the full label in the mark's title. */
const TRAINED_LABEL_CHARS = 24;

/** One trained checkpoint as the plot draws it. */
export interface TrainedMark {
  point: TrainedPoint;
  cx: number;
  cy: number;
  /** 95% interval whiskers in pixels, when intervals are shown and known. */
  whiskers: { x1: number; x2: number; y1: number; y2: number } | null;
  /** Drawn only when its centre lies in the plotting area (a zoom may leave it outside). */
  inside: boolean;
  /** The label as shown (cut to fit) and where it goes; null when the mark is outside. */
  label: { text: string; place: LabelPlacement } | null;
}

/** The trained checkpoints of one plot: their marks and their own Pareto staircase. */
export interface TrainedLayout {
  marks: TrainedMark[];
  /** The staircase of the trained checkpoints' own Pareto set; null with fewer than two on it. */
  frontier: string | null;
}

const polyline = line<[number, number]>().digits(2);

/** Trained points with a finite value of both metrics (JSON turns NaN into null). */
export function drawableTrained(points: readonly TrainedPoint[], x: string, y: string): TrainedPoint[] {
  return points.filter((p) => Number.isFinite(p.metrics[x]?.value) && Number.isFinite(p.metrics[y]?.value));
}

function whiskers(
  x: FrontierEstimate,
  y: FrontierEstimate,
  xScale: (value: number) => number,
  yScale: (value: number) => number,
): TrainedMark["whiskers"] {
  const bounds = [x.lower, x.upper, y.lower, y.upper];
  if (!bounds.every((bound): bound is number => bound !== null && Number.isFinite(bound))) return null;
  const [x1, x2, y1, y2] = bounds;
  return { x1: px(xScale(x1)), x2: px(xScale(x2)), y1: px(yScale(y1)), y2: px(yScale(y2)) };
}

/**
 * The pixels of the trained checkpoints on the α plot's scales: a labelled diamond per checkpoint
 * (with its interval whiskers when `ci`), and the staircase of their own Pareto set (they are never
 * part of the α Pareto set). Labels are cut to fit and kept inside the plotting area.
 */
export function layoutTrained(input: {
  points: readonly TrainedPoint[];
  x: MetricDefinition;
  y: MetricDefinition;
  xScale: (value: number) => number;
  yScale: (value: number) => number;
  ci: boolean;
  area: PlotArea;
  type: ChartType;
}): TrainedLayout {
  const { x, y, xScale, yScale, area } = input;
  const points = drawableTrained(input.points, x.id, y.id);
  const chars = Math.min(TRAINED_LABEL_CHARS, labelCharsThatFit(area, input.type.label));
  const marks = points.map((point): TrainedMark => {
    const cx = px(xScale(point.metrics[x.id].value));
    const cy = px(yScale(point.metrics[y.id].value));
    const characters = Array.from(point.label);
    const text = characters.length > chars ? `${characters.slice(0, chars - 1).join("")}…` : point.label;
    const place = placePointLabel({ cx, cy }, Array.from(text).length, input.type.label, area);
    return {
      point,
      cx,
      cy,
      whiskers: input.ci ? whiskers(point.metrics[x.id], point.metrics[y.id], xScale, yScale) : null,
      inside: insidePlot(cx, cy, area),
      label: place ? { text, place } : null,
    };
  });
  const { vertices } = guardedFrontier(
    points.map((point) => ({ x: point.metrics[x.id].value, y: point.metrics[y.id].value, collapsed: false })),
    { x: x.direction, y: y.direction },
    true,
  );
  return {
    marks,
    frontier:
      vertices.length >= 2
        ? (polyline(vertices.map((v): [number, number] => [xScale(v.x), yScale(v.y)])) ?? null)
        : null,
  };
}
