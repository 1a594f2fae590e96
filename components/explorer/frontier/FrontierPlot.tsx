"use client";

import { memo, useId, useMemo, useRef, useState } from "react";
import { ChartExport } from "@/components/charts/ChartExport";
import type { FrontierPoint } from "@/lib/api/types";
import { layoutFrontier, type PlottedPoint } from "@/lib/charts/frontierLayout";
import type { AlphaReadout } from "@/lib/client/alphaScores";
import type { HistoryMode } from "@/lib/client/urlView";
import type { Zoom } from "@/lib/client/viewState";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { useElementWidth } from "../useElementWidth";
import { FrontierLegend } from "./FrontierLegend";
import { FrontierSvg } from "./FrontierSvg";
import { FrontierTable } from "./FrontierTable";
import { FrontierTooltip } from "./FrontierTooltip";
import { frontierMarker } from "./frontierMarker";
import { useFrontierZoom } from "./useFrontierZoom";

interface FrontierPlotProps {
  points: readonly FrontierPoint[];
  x: MetricDefinition;
  y: MetricDefinition;
  xLog: boolean;
  yLog: boolean;
  ci: boolean;
  zoom: Zoom | null;
  /** The estimates at the current α, shared with the score panel. */
  readout: AlphaReadout;
  endpointLabels: { a: string; b: string };
  onSelectAlpha: (alpha: number) => void;
  onZoom: (zoom: Zoom | null, mode: HistoryMode) => void;
}

/** Height follows width (about 5:8) within what fits a 720-px-high screen next to the controls. */
function heightFor(width: number): number {
  return Math.round(Math.min(500, Math.max(300, width * 0.62)));
}

/**
 * The interactive frontier plot: responsive SVG, hover/focus tooltip, click to select an α,
 * wheel zoom and drag pan with zoom buttons and a reset, a legend and the data table.
 */
export const FrontierPlot = memo(function FrontierPlot(props: FrontierPlotProps) {
  const { points, x, y, xLog, yLog, ci, zoom, readout, endpointLabels, onSelectAlpha, onZoom } = props;
  const { alpha } = readout;
  const [containerRef, width] = useElementWidth<HTMLDivElement>(720);
  const svgRef = useRef<SVGSVGElement>(null);
  const clipId = useId();
  const [hovered, setHovered] = useState<PlottedPoint | null>(null);

  const layout = useMemo(
    () => layoutFrontier({ points, x, y, xLog, yLog, ci, zoom, width, height: heightFor(width) }),
    [points, x, y, xLog, yLog, ci, zoom, width],
  );
  const marker = frontierMarker(layout, readout, { x: x.id, y: y.id });
  const { panHandlers, zoomIn, zoomOut } = useFrontierZoom(svgRef, layout, { x: xLog, y: yLog }, onZoom);
  const alphaMin = points[0]?.alpha ?? 0;
  const alphaMax = points[points.length - 1]?.alpha ?? 1;

  return (
    <div className="frontier-plot">
      <div className="chart-toolbar" role="toolbar" aria-label="Zoom">
        <button type="button" className="button button--small" onClick={zoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button button--small" onClick={zoomOut} aria-label="Zoom out">
          −
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => onZoom(null, "push")}
          disabled={zoom === null}
          data-testid="zoom-reset"
        >
          Reset zoom
        </button>
        <span className="muted chart-hint">Scroll to zoom, drag to pan, click a point to select its α.</span>
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
          selectedAlpha={points.some((p) => p.alpha === alpha) ? alpha : null}
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
            left={layout.frame.margin.left + hovered.cx}
            top={layout.frame.margin.top + hovered.cy}
            flip={hovered.cx > layout.frame.innerWidth * 0.6}
          />
        ) : null}
      </div>
      {layout.missing.length > 0 ? (
        <p className="chart-note">
          {layout.missing.length} evaluated α without a value for {x.shortLabel} or {y.shortLabel} are not
          drawn.
        </p>
      ) : null}
      <FrontierLegend alphaMin={alphaMin} alphaMax={alphaMax} />
      <FrontierTable layout={layout} x={x} y={y} alpha={alpha} />
    </div>
  );
});
