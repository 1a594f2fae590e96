import { memo, type ReactNode, type Ref } from "react";
import { ChartAxes } from "@/components/charts/ChartAxes";
import type { FrontierSeriesPlot } from "@/lib/charts/frontierLayout";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import type { PanHandlers } from "./useFrontierZoom";

interface FrontierFrameProps {
  plot: Pick<FrontierSeriesPlot, "frame" | "type" | "xTicks" | "yTicks">;
  x: MetricDefinition;
  y: MetricDefinition;
  /** The chart's accessible title. */
  title: string;
  /** Unique id of the clip path that keeps lines inside the plotting area (several plots may share a page). */
  clipId: string;
  svgRef?: Ref<SVGSVGElement>;
  panHandlers?: PanHandlers;
  testId?: string;
  /** The marks, drawn in the plotting area's coordinates (origin at its top left). */
  children: ReactNode;
}

/**
 * The axis title: the metric's full label where it fits along the axis (a character is about
 * 0.55 em), without its parenthesised definition where it does not (large presentation type).
 */
export function axisTitle(metric: MetricDefinition, length: number, fontSize: number): string {
  const direction = `${metric.direction === "higher" ? "higher" : "lower"} is better`;
  const full = `${metric.label} · ${direction}`;
  if (full.length * fontSize * 0.55 <= length) return full;
  return `${metric.label.replace(/\s*\(.*\)$/, "")} · ${direction}`;
}

// Memoized: while α is dragged only the marker moves, and the axes need not render again.
const FrontierAxes = memo(ChartAxes);

/**
 * The SVG of a frontier plot (the explorer's and the comparison's): its size, title, axes, the
 * clip path of the plotting area, and a surface that takes a drag to pan anywhere in it.
 */
export function FrontierFrame({
  plot,
  x,
  y,
  title,
  clipId,
  svgRef,
  panHandlers,
  testId,
  children,
}: FrontierFrameProps) {
  const { frame, type } = plot;
  return (
    <svg
      ref={svgRef}
      className="chart frontier-chart"
      width={frame.width}
      height={frame.height}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      data-testid={testId}
      {...panHandlers}
    >
      <title>{title}</title>
      <defs>
        <clipPath id={clipId}>
          <rect width={frame.innerWidth} height={frame.innerHeight} />
        </clipPath>
      </defs>
      <g transform={`translate(${frame.margin.left},${frame.margin.top})`}>
        <rect className="frontier-pan-surface" width={frame.innerWidth} height={frame.innerHeight} />
        <FrontierAxes
          frame={frame}
          xTicks={plot.xTicks}
          yTicks={plot.yTicks}
          xTitle={axisTitle(x, frame.innerWidth, type.title)}
          yTitle={axisTitle(y, frame.innerHeight, type.title)}
          type={type}
        />
        {children}
      </g>
    </svg>
  );
}
