"use client";

import { memo, useMemo } from "react";
import { ChartAxes } from "@/components/charts/ChartAxes";
import { ChartExport } from "@/components/charts/ChartExport";
import { layoutMetricLines, type MetricLinesLayout, type SliceSeries } from "@/lib/charts/metricLinesLayout";
import { formatAlpha } from "@/lib/domain/alpha";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { useElementWidth } from "../../browser/useElementWidth";
import { COLLAPSED_CROSS } from "../../frontier/FrontierSvg";
import { MetricName } from "../../glossary/MetricName";
import { SLICE_STYLES } from "./sliceStyles";

const HEIGHT = 190;

const Lines = memo(function Lines({
  layout,
  selected,
}: {
  layout: MetricLinesLayout;
  selected: DifficultySlice;
}) {
  return (
    <>
      {layout.interpolation ? (
        <rect
          className="multiples-interpolation"
          x={layout.interpolation.x0}
          width={layout.interpolation.x1 - layout.interpolation.x0}
          height={layout.frame.innerHeight}
        />
      ) : null}
      <ChartAxes frame={layout.frame} xTicks={layout.xTicks} yTicks={layout.yTicks} xTitle="α" yTitle="" />
      {layout.lines.map((line) => (
        <path
          key={line.slice}
          className="multiples-line"
          d={line.d}
          stroke={SLICE_STYLES[line.slice].color}
          strokeDasharray={SLICE_STYLES[line.slice].dash}
          strokeWidth={line.slice === selected ? 3 : 1.5}
        />
      ))}
    </>
  );
});

interface MultiplesSvgProps {
  metric: MetricDefinition;
  series: readonly SliceSeries[];
  alpha: number;
  selected: DifficultySlice;
  width: number;
}

/** One small multiple's SVG; pure, so snapshot tests can render it. */
export function MultiplesSvg({ metric, series, alpha, selected, width }: MultiplesSvgProps) {
  const layout = useMemo(
    () => layoutMetricLines(series, metric.id, metric.format, width, HEIGHT),
    [series, metric, width],
  );
  const ruleX = layout.xOf(alpha);
  return (
    <svg
      className="chart"
      width={layout.frame.width}
      height={layout.frame.height}
      viewBox={`0 0 ${layout.frame.width} ${layout.frame.height}`}
      role="img"
      aria-label={`${metric.label} against α for each difficulty slice; the data table below lists every value.`}
    >
      <g transform={`translate(${layout.frame.margin.left},${layout.frame.margin.top})`}>
        <Lines layout={layout} selected={selected} />
        {layout.collapsed.map((mark) => (
          <path
            key={`${mark.slice}${mark.alpha}`}
            className="frontier-point-collapsed"
            d={COLLAPSED_CROSS}
            transform={`translate(${mark.x},${mark.y}) scale(0.7)`}
            data-testid="multiples-collapsed"
          >
            <title>{`α = ${formatAlpha(mark.alpha)} has collapsed on ${SLICE_STYLES[mark.slice].label}`}</title>
          </path>
        ))}
        <line
          className="multiples-rule alpha-rule"
          transform={`translate(${ruleX},0)`}
          y1={0}
          y2={layout.frame.innerHeight}
        />
      </g>
    </svg>
  );
}

/** One metric's panel, sized to its grid cell. */
export function MultiplePanel(props: Omit<MultiplesSvgProps, "width">) {
  const [ref, width] = useElementWidth<HTMLDivElement>(300);
  return (
    <div className="multiples-panel">
      <div className="panel-head">
        <h3>
          <MetricName metric={props.metric} />
        </h3>
        <ChartExport
          chart={() => ref.current?.querySelector("svg") ?? null}
          title={`${props.metric.label} against α per difficulty`}
          name={`multiples-${props.metric.id}`}
        />
      </div>
      <div ref={ref} className="chart-container">
        <MultiplesSvg {...props} width={width} />
      </div>
    </div>
  );
}
