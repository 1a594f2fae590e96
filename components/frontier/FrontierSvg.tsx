import { memo, type Ref } from "react";
import type { FrontierLayout, PlottedPoint } from "@/lib/charts/frontierLayout";
import { paletteVar } from "@/lib/charts/palette";
import { labelCharsThatFit, placePointLabel } from "@/lib/charts/plotArea";
import { describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { ellipsize } from "@/lib/views/format";
import { FrontierFrame } from "./FrontierFrame";
import { AlphaMarker, AlphaPath, IntervalWhiskers } from "./FrontierMarks";
import { TrainedLines, TrainedMarks } from "./TrainedMarks";
import type { PanHandlers } from "./useFrontierZoom";
import { useRovingPoints } from "./useRovingPoints";

/** Where the slider's α sits on the plot; dashed when it is an estimate between evaluated α. */
export interface FrontierMarker {
  cx: number;
  cy: number;
  measured: boolean;
}

interface FrontierSvgProps {
  layout: FrontierLayout;
  x: MetricDefinition;
  y: MetricDefinition;
  endpointLabels: { a: string; b: string };
  marker: FrontierMarker | null;
  /** The current α when it is an evaluated α (its point is marked), else null. */
  selectedAlpha: number | null;
  /** Unique id for the clip path (several plots may share a page). */
  clipId: string;
  onPointHover?: (point: PlottedPoint | null) => void;
  onPointSelect?: (alpha: number) => void;
  svgRef?: Ref<SVGSVGElement>;
  panHandlers?: PanHandlers;
}

/** Endpoint labels are names from the manifest: longer ones are cut, with the full label as a tooltip. */
const ENDPOINT_LABEL_CHARS = 36;

/** The cross drawn over a collapsed checkpoint's dot. */
export const COLLAPSED_CROSS = "M-5,-5L5,5M-5,5L5,-5";

function pointLabel(p: PlottedPoint, x: MetricDefinition, y: MetricDefinition): string {
  const vx = p.point.metrics[x.id];
  const vy = p.point.metrics[y.id];
  const probability =
    p.point.pNonDominated === null
      ? ""
      : `, non-dominated in ${Math.round(p.point.pNonDominated * 100)}% of resamples`;
  const status = `${p.collapsed ? ", collapsed" : ""}${p.pareto ? ", Pareto-optimal (point estimate)" : ""}${probability}`;
  return `α = ${formatAlpha(p.point.alpha)}, ${describeAlpha(p.point.alpha)}${status}: ${x.label} ${x.format(vx.value)}, ${y.label} ${y.format(vy.value)}`;
}

type FrontierCanvasProps = Omit<FrontierSvgProps, "marker" | "svgRef" | "panHandlers" | "clipId">;

/** The labels "A · name" and "B · name" beside the endpoints, kept inside the plotting area. */
function EndpointLabels({ layout, endpointLabels }: Pick<FrontierCanvasProps, "layout" | "endpointLabels">) {
  const area = { width: layout.frame.innerWidth, height: layout.frame.innerHeight };
  const fontSize = layout.type.label;
  const chars = Math.min(ENDPOINT_LABEL_CHARS, labelCharsThatFit(area, fontSize));
  return layout.points
    .filter((p) => p.point.alpha === 0 || p.point.alpha === 1)
    .map((p) => {
      const label = p.point.alpha === 0 ? `A · ${endpointLabels.a}` : `B · ${endpointLabels.b}`;
      const shown = ellipsize(label, chars);
      const place = placePointLabel(p, Array.from(shown).length, fontSize, area);
      return place ? (
        <text
          key={`label${p.point.alpha}`}
          className="frontier-endpoint-label"
          x={place.x}
          y={place.y}
          textAnchor={place.anchor}
          fontSize={fontSize}
        >
          {shown === label ? null : <title>{label}</title>}
          {shown}
        </text>
      ) : null;
    });
}

/**
 * Everything on the plot except the axes and the slider marker. Memoized: while α is dragged
 * between evaluated points only the marker moves, so this part does not re-render.
 */
const FrontierCanvas = memo(function FrontierCanvas(props: FrontierCanvasProps & { clipPath: string }) {
  const { layout, x, y, selectedAlpha, onPointHover, onPointSelect } = props;
  const shown = layout.points.filter((p) => p.inside);
  const { listProps, pointProps } = useRovingPoints(
    shown.map((p) => String(p.point.alpha)),
    selectedAlpha === null ? null : String(selectedAlpha),
    (key) => onPointSelect?.(Number(key)),
  );
  return (
    <>
      <g clipPath={props.clipPath}>
        <TrainedLines trained={layout.trained} />
        {layout.frontier ? <path className="frontier-step" d={layout.frontier} /> : null}
        <AlphaPath path={layout.path} />
        <IntervalWhiskers points={layout.points} />
      </g>
      <TrainedMarks trained={layout.trained} x={x} y={y} type={layout.type} />
      <g role="listbox" {...listProps}>
        {shown.map((p) => (
          <g
            key={p.point.alpha}
            className={`frontier-point${p.pareto ? " frontier-point--pareto" : " frontier-point--dominated"}${p.collapsed ? " frontier-point--collapsed" : ""}${p.point.alpha === selectedAlpha ? " frontier-point--selected" : ""}`}
            transform={`translate(${p.cx},${p.cy})`}
            role="option"
            aria-label={pointLabel(p, x, y)}
            aria-selected={p.point.alpha === selectedAlpha}
            data-alpha={p.point.alpha}
            onPointerEnter={() => onPointHover?.(p)}
            onPointerLeave={() => onPointHover?.(null)}
            onFocus={() => onPointHover?.(p)}
            onBlur={() => onPointHover?.(null)}
            {...pointProps(String(p.point.alpha))}
          >
            <circle className="frontier-point-hit" r={11} />
            <circle
              className="frontier-point-dot"
              r={p.pareto ? 6 : 4.5}
              // Fill opacity encodes P(non-dominated); without it (axes not computed, or computing)
              // the point estimate's set alone: filled Pareto-optimal, hollow dominated.
              fill={p.point.pNonDominated === null && !p.pareto ? paletteVar("surface") : p.color}
              fillOpacity={p.point.pNonDominated ?? 1}
              data-p-non-dominated={p.point.pNonDominated ?? undefined}
              stroke={p.color}
            />
            {p.collapsed ? <path className="frontier-point-collapsed" d={COLLAPSED_CROSS} /> : null}
          </g>
        ))}
      </g>
      <EndpointLabels layout={layout} endpointLabels={props.endpointLabels} />
    </>
  );
});

/**
 * The frontier plot's SVG, a pure function of its layout: axes, α path (interpolation solid,
 * extrapolation dashed), Pareto staircase, interval whiskers (lines clipped to the plotting area),
 * one point per evaluated α inside it (Pareto points filled, dominated ones hollow, collapsed ones
 * crossed; one tab stop, arrow keys between them), endpoint labels, the trained checkpoints as
 * labelled diamonds apart from the α path (with their own staircase) and the slider marker.
 */
export function FrontierSvg({ marker, svgRef, panHandlers, clipId, ...canvas }: FrontierSvgProps) {
  const { layout, x, y } = canvas;
  return (
    <FrontierFrame
      plot={layout}
      x={x}
      y={y}
      title={`Frontier plot: ${x.label} against ${y.label}, one point per evaluated α`}
      clipId={clipId}
      svgRef={svgRef}
      panHandlers={panHandlers}
    >
      <FrontierCanvas {...canvas} clipPath={`url(#${clipId})`} />
      {marker ? (
        <AlphaMarker
          cx={marker.cx}
          cy={marker.cy}
          className={`frontier-marker${marker.measured ? "" : " frontier-marker--estimate"}`}
          testId="frontier-marker"
          measured={marker.measured}
        />
      ) : null}
    </FrontierFrame>
  );
}
