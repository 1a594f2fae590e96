import { area, line } from "d3";
import type { PassAtKCurvePoint } from "../contracts/scalingTypes";
import { type AxisScale, createAxisScale } from "./axisScale";
import { axisTicks, type Tick, tickCountFor } from "./ticks";
import { type ChartType, marginFor, SCREEN_TYPE, tickSpacing } from "./typography";

export interface CurveInput {
  id: string;
  points: readonly PassAtKCurvePoint[];
}

export interface CurveGeometry {
  id: string;
  /** SVG path of the curve. */
  line: string;
  /** SVG path of the band (lower to upper), null when the points carry none or bands are off. */
  band: string | null;
}

export interface PassAtKChartLayout {
  x: AxisScale;
  y: AxisScale;
  xTicks: Tick[];
  yTicks: Tick[];
  curves: CurveGeometry[];
  /** Font sizes of the chart's text. */
  type: ChartType;
  /** The plotting area inside the margins, in pixels. */
  plot: { left: number; top: number; right: number; bottom: number };
}

export interface PassAtKChartOptions {
  curves: readonly CurveInput[];
  width: number;
  height: number;
  bands: boolean;
  margin?: { top: number; right: number; bottom: number; left: number };
  /** Font sizes; the bottom and left margins and the tick density follow them. Screen type when omitted. */
  type?: ChartType;
}

const DEFAULT_MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };
// The y range snaps outward to this step so the axis ends on round values.
const Y_STEP = 0.05;

/** A whole number of steps as a value, without float noise (6 × 0.05 is 0.30000000000000004). */
function snap(steps: number): number {
  return Number((steps * Y_STEP).toFixed(6));
}

function percentLabel(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function kLabel(value: number): string {
  return String(Math.round(value));
}

/**
 * Scales, ticks and path strings of a pass@k chart: k on a log axis from 1 to the largest k of any
 * curve, pass@k on a linear axis snapped to 5-point steps around everything drawn (bands included
 * when shown), capped to [0, 1].
 */
export function passAtKChartLayout({
  curves,
  width,
  height,
  bands,
  margin: baseMargin = DEFAULT_MARGIN,
  type = SCREEN_TYPE,
}: PassAtKChartOptions): PassAtKChartLayout {
  const margin = marginFor(baseMargin, type);
  const plot = {
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
  };
  const all = curves.flatMap((curve) => curve.points);
  const maxK = Math.max(2, ...all.map((p) => p.k));
  const values = all.flatMap((p) =>
    bands && p.lower !== undefined && p.upper !== undefined ? [p.lower, p.upper, p.passAtK] : [p.passAtK],
  );
  const lo = values.length ? Math.max(0, snap(Math.floor(Math.min(...values) / Y_STEP))) : 0;
  const hi = values.length ? Math.min(1, snap(Math.ceil(Math.max(...values) / Y_STEP))) : 1;
  const x = createAxisScale({ values: [], range: [plot.left, plot.right], log: true, domain: [1, maxK] });
  const y = createAxisScale({
    values: [],
    range: [plot.bottom, plot.top],
    log: false,
    domain: [lo, hi > lo ? hi : lo + Y_STEP],
  });
  const path = line<PassAtKCurvePoint>()
    .x((p) => x(p.k))
    .y((p) => y(p.passAtK));
  const bandPath = area<PassAtKCurvePoint>()
    .x((p) => x(p.k))
    .y0((p) => y(p.lower ?? p.passAtK))
    .y1((p) => y(p.upper ?? p.passAtK));
  return {
    x,
    y,
    plot,
    type,
    // k counts samples: a short log axis (e.g. 1–5) would otherwise get fractional ticks.
    xTicks: axisTicks(x, tickCountFor(plot.right - plot.left, tickSpacing(type)), kLabel).filter((tick) =>
      Number.isInteger(tick.value),
    ),
    yTicks: axisTicks(
      y,
      Math.max(2, Math.round(((plot.bottom - plot.top) / 50) * (SCREEN_TYPE.tick / type.tick))),
      percentLabel,
    ),
    curves: curves.map((curve) => {
      const hasBand =
        bands &&
        curve.points.length > 0 &&
        curve.points.every((p) => p.lower !== undefined && p.upper !== undefined);
      return {
        id: curve.id,
        line: path(curve.points as PassAtKCurvePoint[]) ?? "",
        band: hasBand ? (bandPath(curve.points as PassAtKCurvePoint[]) ?? "") : null,
      };
    }),
  };
}

/**
 * The k a pointer at pixel `px` reads out: the sampled k nearest on the log axis (so hovering
 * between 100 and 250 picks whichever is closer on screen), from the ascending list `ks`.
 */
export function nearestK(ks: readonly number[], px: number, x: AxisScale): number | null {
  let best: number | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const k of ks) {
    const d = Math.abs(x(k) - px);
    if (d < distance) {
      distance = d;
      best = k;
    }
  }
  return best;
}
