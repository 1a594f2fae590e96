import { line, scaleLinear } from "d3";
import type { FrontierPoint } from "../contracts/types";
import { formatAlpha } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import { fitDomain } from "./axisScale";
import { chartFrame, type Frame, px } from "./frame";
import { axisTicks, type Tick, tickCountFor } from "./ticks";

export interface SliceSeries {
  slice: DifficultySlice;
  /** Sorted by α. */
  points: readonly FrontierPoint[];
}

export interface MetricLinesLayout {
  frame: Frame;
  lines: { slice: DifficultySlice; d: string }[];
  xTicks: Tick[];
  yTicks: Tick[];
  interpolation: { x0: number; x1: number } | null;
  xOf: (alpha: number) => number;
  yOf: (value: number) => number;
  /** Points of checkpoints collapsed on their slice, in pixels, to be crossed out. */
  collapsed: { slice: DifficultySlice; alpha: number; x: number; y: number }[];
}

export const MULTIPLES_MARGIN = { top: 8, right: 12, bottom: 30, left: 56 };

/**
 * One small multiple: a metric against α with one line per difficulty slice, on a shared α axis
 * and a y axis fitted to every slice's values. Gaps where a checkpoint has no value stay gaps;
 * checkpoints collapsed on a slice are marked on its line.
 */
export function layoutMetricLines(
  series: readonly SliceSeries[],
  metricId: string,
  format: (value: number) => string,
  width: number,
  height: number,
): MetricLinesLayout {
  const frame = chartFrame(width, height, MULTIPLES_MARGIN);
  const alphas = series.flatMap((s) => s.points.map((p) => p.alpha));
  const [alphaMin, alphaMax] = [Math.min(...alphas), Math.max(...alphas)];
  const x = scaleLinear()
    .domain(alphaMin === alphaMax ? [alphaMin - 0.5, alphaMax + 0.5] : [alphaMin, alphaMax])
    .range([0, frame.innerWidth]);
  const values = series.flatMap((s) => s.points.flatMap((p) => p.metrics[metricId]?.value ?? []));
  const y = scaleLinear().domain(fitDomain(values, false)).range([frame.innerHeight, 0]).nice();
  const path = line<FrontierPoint>()
    .defined((p) => p.metrics[metricId] !== undefined)
    .x((p) => x(p.alpha))
    .y((p) => y(p.metrics[metricId]?.value ?? 0))
    .digits(2);
  const [i0, i1] = [Math.max(0, alphaMin), Math.min(1, alphaMax)];
  return {
    frame,
    lines: series.map((s) => ({ slice: s.slice, d: path(s.points) ?? "" })),
    xTicks: axisTicks(x, tickCountFor(frame.innerWidth), formatAlpha),
    yTicks: axisTicks(y, tickCountFor(frame.innerHeight), format),
    interpolation: i0 < i1 ? { x0: px(x(i0)), x1: px(x(i1)) } : null,
    xOf: (alpha) => px(x(alpha)),
    yOf: (value) => px(y(value)),
    collapsed: series.flatMap((s) =>
      s.points.flatMap((p) => {
        const value = p.metrics[metricId]?.value;
        return p.collapsed && value !== undefined
          ? [{ slice: s.slice, alpha: p.alpha, x: px(x(p.alpha)), y: px(y(value)) }]
          : [];
      }),
    ),
  };
}
