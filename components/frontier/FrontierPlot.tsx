"use client";

import { memo, useId, useMemo, useRef, useState } from "react";
import { ChartExport } from "@/components/charts/ChartExport";
import { GlossaryLink } from "@/components/glossary/GlossaryLink";
import { layoutFrontier, type PlottedPoint } from "@/lib/charts/frontierLayout";
import { placeTooltip } from "@/lib/charts/tooltipPlacement";
import { PRESENTATION_TYPE, SCREEN_TYPE } from "@/lib/charts/typography";
import type { FrontierPoint, TrainedPoint } from "@/lib/contracts/types";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { metricAnchor } from "@/lib/science/metricRegistry";
import type { AlphaReadout } from "@/lib/views/alphaScores";
import type { HistoryMode } from "@/lib/views/urlView";
import type { Zoom } from "@/lib/views/viewState";
import { useElementSize } from "../browser/useElementWidth";
import { CollapsedNote } from "./CollapsedNote";
import { FrontierLegend } from "./FrontierLegend";
import { FrontierSvg } from "./FrontierSvg";
import { FrontierTable } from "./FrontierTable";
import { FrontierTooltip } from "./FrontierTooltip";
import { frontierMarker } from "./frontierMarker";
import type { FrontierPlotView } from "./useFrontierView";
import { useFrontierZoom } from "./useFrontierZoom";
import { ZoomButtons } from "./ZoomButtons";

interface FrontierPlotProps {
  points: readonly FrontierPoint[];
  /** Trained checkpoints: labelled reference points beside the α path, not on the slider. */
  trained: readonly TrainedPoint[];
  x: MetricDefinition;
  y: MetricDefinition;
  /** Scales, intervals, collapsed checkpoints and zoom, as the view has them. */
  view: FrontierPlotView;
  /** The estimates at the current α, shared with the score panel: where the marker sits. */
  readout: AlphaReadout;
  /** The α the selected point and the data table show: during a drag, behind `readout` (deferred). */
  settledAlpha: number;
  endpointLabels: { a: string; b: string };
  onSelectAlpha: (alpha: number) => void;
  onZoom: (zoom: Zoom | null, mode: HistoryMode) => void;
  onIncludeCollapsed: (include: boolean) => void;
  /** Presentation mode: large type, and the plot fills the height its container is given. */
  present: boolean;
}

/**
 * On a desk screen the height follows the width (about 5:8) within what fits a 720-px-high screen
 * next to the controls; presenting, the plot takes the height the one-screen layout leaves it.
 */
function heightFor(width: number, available: number, present: boolean): number {
  if (present) return Math.max(200, available);
  return Math.round(Math.min(500, Math.max(300, width * 0.62)));
}

/**
 * The interactive frontier plot: responsive SVG, hover/focus tooltip, click to select an α,
 * wheel zoom and drag pan with zoom buttons and a reset, the collapsed checkpoints named with their
 * Pareto toggle, a legend and the data table.
 */
export const FrontierPlot = memo(function FrontierPlot(props: FrontierPlotProps) {
  const { points, trained, x, y, view, readout, settledAlpha, endpointLabels, present } = props;
  const { xLog, yLog, ci, includeCollapsed, zoom } = view;
  const { onSelectAlpha, onZoom, onIncludeCollapsed } = props;
  const [containerRef, { width, height: available }] = useElementSize<HTMLDivElement>({
    width: 720,
    height: 0,
  });
  const svgRef = useRef<SVGSVGElement>(null);
  const clipId = useId();
  const [hovered, setHovered] = useState<PlottedPoint | null>(null);

  const layout = useMemo(
    () =>
      layoutFrontier({
        points,
        trained,
        x,
        y,
        xLog,
        yLog,
        ci,
        includeCollapsed,
        zoom,
        width,
        height: heightFor(width, available, present),
        type: present ? PRESENTATION_TYPE : SCREEN_TYPE,
      }),
    [points, trained, x, y, xLog, yLog, ci, includeCollapsed, zoom, width, available, present],
  );
  const marker = frontierMarker(layout, readout, { x: x.id, y: y.id });
  const collapsedGroups = useMemo(
    () => [{ alphas: points.filter((p) => p.collapsed).map((p) => p.alpha) }],
    [points],
  );
  const { panHandlers, zoomIn, zoomOut } = useFrontierZoom(svgRef, layout, { x: xLog, y: yLog }, onZoom);
  const alphaMin = points[0]?.alpha ?? 0;
  const alphaMax = points[points.length - 1]?.alpha ?? 1;

  return (
    <div className="frontier-plot">
      <div className="chart-toolbar" role="toolbar" aria-label="Zoom">
        <ZoomButtons zoom={zoom} zoomIn={zoomIn} zoomOut={zoomOut} onZoom={onZoom} />
        <span className="muted chart-hint">Scroll to zoom, drag to pan, click a point to select its α.</span>
        <GlossaryLink anchor={metricAnchor(x.id)} what={`${x.label} and ${y.label}`} />
        <ChartExport
          chart={() => svgRef.current}
          title={`Frontier: ${x.label} against ${y.label}`}
          name="frontier"
        />
      </div>
      <div ref={containerRef} className="chart-container">
        <FrontierSvg
          layout={layout}
          x={x}
          y={y}
          endpointLabels={endpointLabels}
          marker={marker}
          selectedAlpha={points.some((p) => p.alpha === settledAlpha) ? settledAlpha : null}
          clipId={clipId}
          onPointHover={setHovered}
          onPointSelect={onSelectAlpha}
          svgRef={svgRef}
          panHandlers={panHandlers}
        />
        {hovered ? (
          <FrontierTooltip
            point={hovered}
            x={x}
            y={y}
            placement={placeTooltip(
              { x: layout.frame.margin.left + hovered.cx, y: layout.frame.margin.top + hovered.cy },
              layout.frame.width,
            )}
          />
        ) : null}
      </div>
      {layout.missing.length > 0 ? (
        <p className="chart-note">
          {layout.missing.length} evaluated α without a value for {x.label} or {y.label} are not drawn.
        </p>
      ) : null}
      <CollapsedNote
        groups={collapsedGroups}
        includeCollapsed={includeCollapsed}
        onIncludeCollapsed={onIncludeCollapsed}
      />
      <FrontierLegend alphaMin={alphaMin} alphaMax={alphaMax} trained={trained.length > 0} />
      <FrontierTable layout={layout} x={x} y={y} alpha={settledAlpha} />
    </div>
  );
});
