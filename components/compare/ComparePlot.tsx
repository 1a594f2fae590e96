"use client";

import { memo, useId, useMemo, useRef } from "react";
import { useElementWidth } from "@/components/browser/useElementWidth";
import { useStableList } from "@/components/browser/useStableList";
import { ChartExport } from "@/components/charts/ChartExport";
import { CollapsedNote } from "@/components/frontier/CollapsedNote";
import { FrontierFrame } from "@/components/frontier/FrontierFrame";
import { AlphaMarker, AlphaPath, IntervalWhiskers } from "@/components/frontier/FrontierMarks";
import { COLLAPSED_CROSS } from "@/components/frontier/FrontierSvg";
import { frontierMarker } from "@/components/frontier/frontierMarker";
import { TrainedLines, TrainedMarks } from "@/components/frontier/TrainedMarks";
import type { FrontierPlotView } from "@/components/frontier/useFrontierView";
import { useFrontierZoom } from "@/components/frontier/useFrontierZoom";
import { useRovingPoints } from "@/components/frontier/useRovingPoints";
import { ZoomButtons } from "@/components/frontier/ZoomButtons";
import {
  type FrontierSeriesPlot,
  layoutFrontierSeries,
  type PlottedPoint,
} from "@/lib/charts/frontierLayout";
import { paletteVar } from "@/lib/charts/palette";
import { seriesStyle } from "@/lib/charts/seriesStyle";
import type { FrontierPoint, TrainedPoint } from "@/lib/contracts/types";
import { describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import type { AlphaReadout } from "@/lib/views/alphaScores";
import type { HistoryMode } from "@/lib/views/urlView";
import type { Zoom } from "@/lib/views/viewState";
import styles from "./Compare.module.css";
import { CompareLegend } from "./CompareLegend";

/** One compared experiment as the plot draws it. */
export interface CompareSeries {
  slug: string;
  name: string;
  points: readonly FrontierPoint[];
  /** Its trained checkpoints (reference marks beside its α path); none when absent. */
  trained?: readonly TrainedPoint[];
  /** Its scores at the shared α; null when the experiments share none. */
  readout: AlphaReadout | null;
}

interface ComparePlotProps {
  series: readonly CompareSeries[];
  /** The shared α the selected points show: during a drag, behind the series' readouts (deferred). */
  settledAlpha: number | null;
  /** Points the axes must fit beyond the series drawn (a study's panel: every experiment's). */
  domainSeries?: readonly (readonly FrontierPoint[])[];
  /** The trained checkpoints the axes must fit with `domainSeries` (a study's panel: every experiment's). */
  domainTrained?: readonly (readonly TrainedPoint[])[];
  /**
   * One panel of several (a study's grid): no usage hint, collapsed note or legend of its own; the
   * page shows them once for every panel.
   */
  compact?: boolean;
  x: MetricDefinition;
  y: MetricDefinition;
  /** Scales, intervals, collapsed checkpoints (competing within each experiment) and zoom. */
  view: FrontierPlotView;
  /** Whether α can be chosen by clicking a point (it must lie in the shared range). */
  selectable: (alpha: number) => boolean;
  onSelectAlpha: (alpha: number) => void;
  onZoom: (zoom: Zoom | null, mode: HistoryMode) => void;
  onIncludeCollapsed: (include: boolean) => void;
}

const MARKER_SIZE = { pareto: 120, dominated: 70 };

/** A series without trained checkpoints (one constant, so the memoized layout sees no change). */
const NO_TRAINED: readonly TrainedPoint[] = [];

function heightFor(width: number): number {
  return Math.round(Math.min(520, Math.max(300, width * 0.58)));
}

function pointLabel(name: string, p: PlottedPoint, x: MetricDefinition, y: MetricDefinition): string {
  const { alpha, metrics } = p.point;
  const status = `${p.collapsed ? ", collapsed" : ""}${p.pareto ? ", Pareto-optimal in its experiment" : ""}`;
  return `${name}, α = ${formatAlpha(alpha)}, ${describeAlpha(alpha)}${status}: ${x.label} ${x.format(metrics[x.id].value)}, ${y.label} ${y.format(metrics[y.id].value)}`;
}

/** A point of one experiment, keyed for keyboard focus by its experiment's place and its α. */
interface SeriesPoint {
  key: string;
  index: number;
  name: string;
  point: PlottedPoint;
}

interface ComparePointsProps {
  plot: FrontierSeriesPlot;
  names: readonly string[];
  slugs: readonly string[];
  x: MetricDefinition;
  y: MetricDefinition;
  /** The shared α where it is evaluated (its points are selected), else null. */
  selectedAlpha: number | null;
  selectable: (alpha: number) => boolean;
  onSelectAlpha: (alpha: number) => void;
}

/**
 * Every experiment's paths, whiskers, trained marks and points. Memoized: while α is dragged between
 * evaluated points only the markers move, so this part does not re-render.
 */
const ComparePoints = memo(function ComparePoints(props: ComparePointsProps & { clipPath: string }) {
  const { plot, names, slugs, x, y, selectedAlpha, selectable, onSelectAlpha } = props;
  const points = plot.series.flatMap((layout, index) =>
    layout.points
      .filter((p) => p.inside)
      .map((p): SeriesPoint => ({ key: `${index}:${p.point.alpha}`, index, name: names[index], point: p })),
  );
  const alphaOf = new Map(points.map((p) => [p.key, p.point.point.alpha]));
  const { listProps, pointProps } = useRovingPoints(
    points.map((p) => p.key),
    selectedAlpha === null ? null : `0:${selectedAlpha}`,
    (key) => {
      const chosen = alphaOf.get(key);
      if (chosen !== undefined && selectable(chosen)) onSelectAlpha(chosen);
    },
  );
  return (
    <>
      <g clipPath={props.clipPath}>
        {plot.series.map((layout, index) => (
          <g
            key={slugs[index]}
            className={styles.series}
            style={{ color: seriesStyle(index).color }}
            data-series={slugs[index]}
          >
            {layout.frontier ? <path className={`frontier-step ${styles.step}`} d={layout.frontier} /> : null}
            <AlphaPath path={layout.path} className={styles.alphaPath} />
            <IntervalWhiskers points={layout.points} stroke="currentColor" />
            <TrainedLines trained={layout.trained} />
          </g>
        ))}
      </g>
      {plot.series.map((layout, index) => (
        <TrainedMarks key={slugs[index]} trained={layout.trained} x={x} y={y} type={plot.type} />
      ))}
      <g role="listbox" {...listProps}>
        {points.map(({ key, index, name, point: p }) => {
          const style = seriesStyle(index);
          return (
            <g
              key={key}
              className={styles.point}
              style={{ color: style.color }}
              transform={`translate(${p.cx},${p.cy})`}
              role="option"
              aria-label={pointLabel(name, p, x, y)}
              aria-selected={p.point.alpha === selectedAlpha}
              aria-disabled={!selectable(p.point.alpha)}
              data-experiment={slugs[index]}
              data-alpha={p.point.alpha}
              {...pointProps(key)}
            >
              <circle className={styles.hit} r={11} />
              <path
                d={style.marker(p.pareto ? MARKER_SIZE.pareto : MARKER_SIZE.dominated)}
                fill={p.pareto ? "currentColor" : paletteVar("surface")}
                stroke={p.pareto ? paletteVar("text") : "currentColor"}
                strokeWidth={p.pareto ? 1.25 : 2}
              />
              {p.collapsed ? <path className="frontier-point-collapsed" d={COLLAPSED_CROSS} /> : null}
            </g>
          );
        })}
      </g>
    </>
  );
});

/**
 * 2–4 experiments' frontiers on shared axes: each its own α path (interpolation solid,
 * extrapolation dashed, as in the explorer), its own colour and marker shape, its Pareto points
 * filled and its staircase faint, and a crosshair at the shared α (dashed where it is an estimate).
 * Zoom, pan, clipping and keyboard focus as in the explorer: the points of every experiment are one
 * tab stop, the arrow keys going through one experiment's α before the next experiment's.
 */
export const ComparePlot = memo(function ComparePlot(props: ComparePlotProps) {
  const {
    series,
    settledAlpha,
    domainSeries,
    domainTrained,
    compact,
    x,
    y,
    view,
    onZoom,
    selectable,
    onSelectAlpha,
    onIncludeCollapsed,
  } = props;
  const { xLog, yLog, ci, includeCollapsed, zoom } = view;
  const [containerRef, width] = useElementWidth<HTMLDivElement>(720);
  const svgRef = useRef<SVGSVGElement>(null);
  const clipId = useId();
  // The series carry the readout at α, so they are new on every move; what the layout is made of is not.
  const pointSets = useStableList(series.map((entry) => entry.points));
  const trainedSets = useStableList(series.map((entry) => entry.trained ?? NO_TRAINED));
  const names = useStableList(series.map((entry) => entry.name));
  const slugs = useStableList(series.map((entry) => entry.slug));
  const plot = useMemo(
    () =>
      layoutFrontierSeries({
        series: pointSets,
        trained: trainedSets,
        domainSeries,
        domainTrained,
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
    [
      pointSets,
      trainedSets,
      domainSeries,
      domainTrained,
      x,
      y,
      xLog,
      yLog,
      ci,
      includeCollapsed,
      zoom,
      width,
    ],
  );
  const { panHandlers, zoomIn, zoomOut } = useFrontierZoom(svgRef, plot, { x: xLog, y: yLog }, onZoom);
  const selectedAlpha =
    settledAlpha !== null && pointSets.some((points) => points.some((p) => p.alpha === settledAlpha))
      ? settledAlpha
      : null;

  return (
    <div className="frontier-plot">
      <div className="chart-toolbar" role="toolbar" aria-label="Zoom">
        <ZoomButtons zoom={zoom} zoomIn={zoomIn} zoomOut={zoomOut} onZoom={onZoom} />
        <ChartExport
          chart={() => svgRef.current}
          title={`Comparison: ${x.label} against ${y.label}`}
          name="compare"
        />
        {compact ? null : (
          <span className="muted chart-hint">
            Scroll to zoom, drag to pan, click a point to select its α.
          </span>
        )}
      </div>
      <div ref={containerRef} className="chart-container">
        <FrontierFrame
          plot={plot}
          x={x}
          y={y}
          title={`Frontiers of ${series.map((entry) => entry.name).join(", ")}: ${x.label} against ${y.label}`}
          clipId={clipId}
          svgRef={svgRef}
          panHandlers={panHandlers}
          testId="compare-plot"
        >
          <ComparePoints
            plot={plot}
            names={names}
            slugs={slugs}
            x={x}
            y={y}
            selectedAlpha={selectedAlpha}
            selectable={selectable}
            onSelectAlpha={onSelectAlpha}
            clipPath={`url(#${clipId})`}
          />
          {series.map((entry, index) => {
            const marker = frontierMarker(plot, entry.readout, { x: x.id, y: y.id });
            return marker ? (
              <AlphaMarker
                key={entry.slug}
                cx={marker.cx}
                cy={marker.cy}
                className={`${styles.marker}${marker.measured ? "" : ` ${styles.markerEstimate}`}`}
                testId="compare-marker"
                measured={marker.measured}
                color={seriesStyle(index).color}
              />
            ) : null;
          })}
        </FrontierFrame>
      </div>
      {plot.series.some((layout) => layout.missing.length > 0) ? (
        <p className="chart-note">
          Evaluated α without a value for {x.label} or {y.label} are not drawn.
        </p>
      ) : null}
      {compact ? null : (
        <>
          <CollapsedNote
            groups={plot.series.map((layout, index) => ({
              name: series[index].name,
              alphas: layout.points.filter((p) => p.collapsed).map((p) => p.point.alpha),
            }))}
            includeCollapsed={includeCollapsed}
            onIncludeCollapsed={onIncludeCollapsed}
          />
          <CompareLegend
            series={series}
            collapsed={plot.series.some((layout) => layout.points.some((p) => p.collapsed))}
          />
        </>
      )}
    </div>
  );
});
