"use client";

import { memo, useId, useMemo, useRef } from "react";
import { ChartAxes } from "@/components/charts/ChartAxes";
import { ChartExport } from "@/components/charts/ChartExport";
import { useFrontierZoom } from "@/components/explorer/frontier/useFrontierZoom";
import { ZoomButtons } from "@/components/explorer/frontier/ZoomButtons";
import { useElementWidth } from "@/components/explorer/useElementWidth";
import type { FrontierPoint } from "@/lib/api/types";
import { px } from "@/lib/charts/frame";
import { layoutFrontierSeries, type PlottedPoint } from "@/lib/charts/frontierLayout";
import { paletteVar } from "@/lib/charts/palette";
import { seriesStyle } from "@/lib/charts/seriesStyle";
import type { AlphaReadout } from "@/lib/client/alphaScores";
import type { HistoryMode } from "@/lib/client/urlView";
import type { Zoom } from "@/lib/client/viewState";
import { describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import styles from "./Compare.module.css";
import { CompareLegend } from "./CompareLegend";

/** One compared experiment as the plot draws it. */
export interface CompareSeries {
  slug: string;
  name: string;
  points: readonly FrontierPoint[];
  /** Its scores at the shared α; null when the experiments share none. */
  readout: AlphaReadout | null;
}

interface ComparePlotProps {
  series: readonly CompareSeries[];
  x: MetricDefinition;
  y: MetricDefinition;
  xLog: boolean;
  yLog: boolean;
  ci: boolean;
  /** Whether collapsed checkpoints compete for each experiment's Pareto set (`collapsed=include`). */
  includeCollapsed: boolean;
  zoom: Zoom | null;
  /** Whether α can be chosen by clicking a point (it must lie in the shared range). */
  selectable: (alpha: number) => boolean;
  onSelectAlpha: (alpha: number) => void;
  onZoom: (zoom: Zoom | null, mode: HistoryMode) => void;
}

const MARKER_SIZE = { pareto: 120, dominated: 70 };

function heightFor(width: number): number {
  return Math.round(Math.min(520, Math.max(300, width * 0.58)));
}

function axisTitle(metric: MetricDefinition): string {
  return `${metric.label} · ${metric.direction === "higher" ? "higher" : "lower"} is better`;
}

function pointLabel(name: string, p: PlottedPoint, x: MetricDefinition, y: MetricDefinition): string {
  const { alpha, metrics } = p.point;
  return `${name}, α = ${formatAlpha(alpha)}, ${describeAlpha(alpha)}${p.pareto ? ", Pareto-optimal in its experiment" : ""}: ${x.label} ${x.format(metrics[x.id].value)}, ${y.label} ${y.format(metrics[y.id].value)}`;
}

/**
 * 2–4 experiments' frontiers on shared axes: each its own α path (interpolation solid,
 * extrapolation dashed, as in the explorer), its own colour and marker shape, its Pareto points
 * filled and its staircase faint, and a crosshair at the shared α (dashed where it is an estimate).
 * Zoom and pan as in the explorer.
 */
export const ComparePlot = memo(function ComparePlot(props: ComparePlotProps) {
  const { series, x, y, xLog, yLog, ci, includeCollapsed, zoom, onZoom } = props;
  const [containerRef, width] = useElementWidth<HTMLDivElement>(720);
  const svgRef = useRef<SVGSVGElement>(null);
  const clipId = useId();
  const plot = useMemo(
    () =>
      layoutFrontierSeries({
        series: series.map((entry) => entry.points),
        x,
        y,
        xLog,
        yLog,
        ci,
        includeCollapsed,
        zoom,
        width,
        height: heightFor(width),
      }),
    [series, x, y, xLog, yLog, ci, includeCollapsed, zoom, width],
  );
  const { panHandlers, zoomIn, zoomOut } = useFrontierZoom(svgRef, plot, { x: xLog, y: yLog }, onZoom);
  const { frame } = plot;

  return (
    <div className="frontier-plot">
      <div className="chart-toolbar" role="toolbar" aria-label="Zoom">
        <ZoomButtons zoom={zoom} zoomIn={zoomIn} zoomOut={zoomOut} onZoom={onZoom} />
        <ChartExport
          chart={() => svgRef.current}
          title={`Comparison: ${x.label} against ${y.label}`}
          name="compare"
        />
        <span className="muted chart-hint">Scroll to zoom, drag to pan, click a point to select its α.</span>
      </div>
      <div ref={containerRef} className="chart-container">
        <svg
          ref={svgRef}
          className="chart frontier-chart"
          width={frame.width}
          height={frame.height}
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          data-testid="compare-plot"
        >
          <title>{`Frontiers of ${series.map((entry) => entry.name).join(", ")}: ${x.label} against ${y.label}`}</title>
          <defs>
            <clipPath id={clipId}>
              <rect x={-8} y={-8} width={frame.innerWidth + 16} height={frame.innerHeight + 16} />
            </clipPath>
          </defs>
          <g transform={`translate(${frame.margin.left},${frame.margin.top})`}>
            <rect
              className="frontier-pan-surface"
              width={frame.innerWidth}
              height={frame.innerHeight}
              {...panHandlers}
            />
            <ChartAxes
              frame={frame}
              xTicks={plot.xTicks}
              yTicks={plot.yTicks}
              xTitle={axisTitle(x)}
              yTitle={axisTitle(y)}
            />
            <g clipPath={`url(#${clipId})`}>
              {plot.series.map((layout, index) => {
                const style = seriesStyle(index);
                const { slug, name, readout } = series[index];
                const at = readout && {
                  x: readout.estimates.get(x.id),
                  y: readout.estimates.get(y.id),
                };
                return (
                  <g key={slug} className={styles.series} style={{ color: style.color }} data-series={slug}>
                    {layout.frontier ? (
                      <path className={`frontier-step ${styles.step}`} d={layout.frontier} />
                    ) : null}
                    {layout.path.map((run) => (
                      <path
                        key={`${run.part}${run.d.slice(0, 24)}`}
                        className={`alpha-path alpha-path--${run.part} ${styles.alphaPath}`}
                        d={run.d}
                      />
                    ))}
                    {layout.points.map((p) =>
                      p.whiskers ? (
                        <g key={`w${p.point.alpha}`} className="frontier-whiskers" stroke="currentColor">
                          <line x1={p.whiskers.x1} x2={p.whiskers.x2} y1={p.cy} y2={p.cy} />
                          <line x1={p.cx} x2={p.cx} y1={p.whiskers.y1} y2={p.whiskers.y2} />
                        </g>
                      ) : null,
                    )}
                    {layout.points.map((p) => (
                      // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role and keys make it one.
                      <g
                        key={p.point.alpha}
                        className={styles.point}
                        transform={`translate(${p.cx},${p.cy})`}
                        role="button"
                        tabIndex={0}
                        aria-label={pointLabel(name, p, x, y)}
                        aria-disabled={!props.selectable(p.point.alpha)}
                        data-alpha={p.point.alpha}
                        onClick={() => props.selectable(p.point.alpha) && props.onSelectAlpha(p.point.alpha)}
                        onKeyDown={(event) => {
                          if (event.key !== "Enter" && event.key !== " ") return;
                          event.preventDefault();
                          if (props.selectable(p.point.alpha)) props.onSelectAlpha(p.point.alpha);
                        }}
                      >
                        <circle className={styles.hit} r={11} />
                        <path
                          d={style.marker(p.pareto ? MARKER_SIZE.pareto : MARKER_SIZE.dominated)}
                          fill={p.pareto ? "currentColor" : paletteVar("surface")}
                          stroke={p.pareto ? paletteVar("text") : "currentColor"}
                          strokeWidth={p.pareto ? 1.25 : 2}
                        />
                      </g>
                    ))}
                    {at?.x && at.y ? (
                      <g
                        className={`${styles.marker}${at.x.measured && at.y.measured ? "" : ` ${styles.markerEstimate}`}`}
                        transform={`translate(${px(plot.xScale(at.x.value))},${px(plot.yScale(at.y.value))})`}
                        pointerEvents="none"
                        data-testid="compare-marker"
                        data-measured={at.x.measured && at.y.measured}
                      >
                        <circle r={11} />
                        <line x1={-16} x2={-7} />
                        <line x1={7} x2={16} />
                        <line y1={-16} y2={-7} />
                        <line y1={7} y2={16} />
                      </g>
                    ) : null}
                  </g>
                );
              })}
            </g>
          </g>
        </svg>
      </div>
      {plot.series.some((layout) => layout.missing.length > 0) ? (
        <p className="chart-note">
          Evaluated α without a value for {x.label} or {y.label} are not drawn.
        </p>
      ) : null}
      <CompareLegend series={series} />
    </div>
  );
});
