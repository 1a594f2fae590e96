import type { Frame } from "@/lib/charts/frame";
import type { Tick } from "@/lib/charts/ticks";
import { type ChartType, SCREEN_TYPE } from "@/lib/charts/typography";

interface ChartAxesProps {
  frame: Frame;
  xTicks: Tick[];
  yTicks: Tick[];
  xTitle: string;
  yTitle: string;
  /** Draw horizontal grid lines at the y ticks (and vertical ones at the x ticks). */
  grid?: boolean;
  /** Font sizes of tick labels and titles; the margins of `frame` must have been made for them. */
  type?: ChartType;
}

/**
 * Bottom and left axes of a chart, drawn inside the plotting area's coordinate system (the parent
 * <g> is translated by the margins): tick marks, labels, titles and optional grid lines.
 */
export function ChartAxes({
  frame,
  xTicks,
  yTicks,
  xTitle,
  yTitle,
  grid = true,
  type = SCREEN_TYPE,
}: ChartAxesProps) {
  const { innerWidth, innerHeight, margin } = frame;
  return (
    <g className="chart-axes">
      {grid ? (
        <g className="chart-grid">
          {yTicks.map((tick) => (
            <line key={`gy${tick.value}`} x1={0} x2={innerWidth} y1={tick.offset} y2={tick.offset} />
          ))}
          {xTicks.map((tick) => (
            <line key={`gx${tick.value}`} x1={tick.offset} x2={tick.offset} y1={0} y2={innerHeight} />
          ))}
        </g>
      ) : null}
      <g className="chart-axis chart-axis--x" transform={`translate(0,${innerHeight})`}>
        <line x1={0} x2={innerWidth} />
        {xTicks.map((tick) => (
          <g key={tick.value} transform={`translate(${tick.offset},0)`}>
            <line y2={5} />
            <text y={6 + type.tick} textAnchor="middle" fontSize={type.tick}>
              {tick.label}
            </text>
          </g>
        ))}
        <text
          className="chart-axis-title"
          x={innerWidth / 2}
          y={margin.bottom - 8}
          textAnchor="middle"
          fontSize={type.title}
        >
          {xTitle}
        </text>
      </g>
      <g className="chart-axis chart-axis--y">
        <line y1={0} y2={innerHeight} />
        {yTicks.map((tick) => (
          <g key={tick.value} transform={`translate(0,${tick.offset})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end" fontSize={type.tick}>
              {tick.label}
            </text>
          </g>
        ))}
        <text
          className="chart-axis-title"
          transform={`translate(${-margin.left + type.title + 1.5},${innerHeight / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={type.title}
        >
          {yTitle}
        </text>
      </g>
    </g>
  );
}
