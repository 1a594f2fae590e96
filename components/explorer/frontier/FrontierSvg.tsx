import { type KeyboardEvent, memo, type PointerEventHandler, type Ref } from "react";
import { ChartAxes } from "@/components/charts/ChartAxes";
import type { FrontierLayout, PlottedPoint } from "@/lib/charts/frontierLayout";
import { paletteVar } from "@/lib/charts/palette";
import { ellipsize } from "@/lib/client/format";
import { describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import type { MetricDefinition } from "@/lib/science/metricRegistry";

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
  /** Drag-to-pan handlers for the plot background. */
  panHandlers?: {
    onPointerDown: PointerEventHandler<SVGRectElement>;
    onPointerMove: PointerEventHandler<SVGRectElement>;
    onPointerUp: PointerEventHandler<SVGRectElement>;
  };
}

/** Endpoint labels are names from the manifest: longer ones are cut, with the full label as a tooltip. */
const ENDPOINT_LABEL_CHARS = 36;

/** The cross drawn over a collapsed checkpoint's dot. */
export const COLLAPSED_CROSS = "M-5,-5L5,5M-5,5L5,-5";

/**
 * The axis title: the metric's full label where it fits along the axis (a character is about
 * 0.55 em), without its parenthesised definition where it does not (large presentation type).
 */
function axisTitle(metric: MetricDefinition, length: number, fontSize: number): string {
  const direction = `${metric.direction === "higher" ? "higher" : "lower"} is better`;
  const full = `${metric.label} · ${direction}`;
  if (full.length * fontSize * 0.55 <= length) return full;
  return `${metric.label.replace(/\s*\(.*\)$/, "")} · ${direction}`;
}

function pointLabel(p: PlottedPoint, x: MetricDefinition, y: MetricDefinition): string {
  const vx = p.point.metrics[x.id];
  const vy = p.point.metrics[y.id];
  const status = `${p.collapsed ? ", collapsed" : ""}${p.pareto ? ", Pareto-optimal" : ""}`;
  return `α = ${formatAlpha(p.point.alpha)}, ${describeAlpha(p.point.alpha)}${status}: ${x.label} ${x.format(vx.value)}, ${y.label} ${y.format(vy.value)}`;
}

type FrontierCanvasProps = Omit<FrontierSvgProps, "marker" | "svgRef">;

/**
 * Everything on the plot except the slider marker. Memoized: while α is dragged between evaluated
 * points only the marker moves, so this part does not re-render.
 */
const FrontierCanvas = memo(function FrontierCanvas(props: FrontierCanvasProps) {
  const { layout, x, y, endpointLabels, selectedAlpha, clipId, onPointHover, onPointSelect } = props;
  const { frame } = layout;
  const onKey = (event: KeyboardEvent, alpha: number) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onPointSelect?.(alpha);
  };
  const endpoints = layout.points.filter((p) => p.point.alpha === 0 || p.point.alpha === 1);
  return (
    <>
      <rect
        className="frontier-pan-surface"
        width={frame.innerWidth}
        height={frame.innerHeight}
        {...props.panHandlers}
      />
      <ChartAxes
        frame={frame}
        xTicks={layout.xTicks}
        yTicks={layout.yTicks}
        xTitle={axisTitle(x, frame.innerWidth, layout.type.title)}
        yTitle={axisTitle(y, frame.innerHeight, layout.type.title)}
        type={layout.type}
      />
      <g clipPath={`url(#${clipId})`}>
        {layout.frontier ? <path className="frontier-step" d={layout.frontier} /> : null}
        {layout.path.map((run) => (
          <path
            key={`${run.part}${run.d.slice(0, 24)}`}
            className={`alpha-path alpha-path--${run.part}`}
            d={run.d}
          />
        ))}
        {layout.points.map((p) =>
          p.whiskers ? (
            <g key={`w${p.point.alpha}`} className="frontier-whiskers" stroke={p.color}>
              <line x1={p.whiskers.x1} x2={p.whiskers.x2} y1={p.cy} y2={p.cy} />
              <line x1={p.cx} x2={p.cx} y1={p.whiskers.y1} y2={p.whiskers.y2} />
            </g>
          ) : null,
        )}
        {layout.points.map((p) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role and keys make it one.
          <g
            key={p.point.alpha}
            className={`frontier-point${p.pareto ? " frontier-point--pareto" : " frontier-point--dominated"}${p.collapsed ? " frontier-point--collapsed" : ""}${p.point.alpha === selectedAlpha ? " frontier-point--selected" : ""}`}
            transform={`translate(${p.cx},${p.cy})`}
            role="button"
            tabIndex={0}
            aria-label={pointLabel(p, x, y)}
            aria-pressed={p.point.alpha === selectedAlpha}
            data-alpha={p.point.alpha}
            onPointerEnter={() => onPointHover?.(p)}
            onPointerLeave={() => onPointHover?.(null)}
            onFocus={() => onPointHover?.(p)}
            onBlur={() => onPointHover?.(null)}
            onClick={() => onPointSelect?.(p.point.alpha)}
            onKeyDown={(event) => onKey(event, p.point.alpha)}
          >
            <circle className="frontier-point-hit" r={11} />
            <circle
              className="frontier-point-dot"
              r={p.pareto ? 6 : 4.5}
              fill={p.pareto ? p.color : paletteVar("surface")}
              stroke={p.color}
            />
            {p.collapsed ? <path className="frontier-point-collapsed" d={COLLAPSED_CROSS} /> : null}
          </g>
        ))}
        {endpoints.map((p) => {
          const label = p.point.alpha === 0 ? `A · ${endpointLabels.a}` : `B · ${endpointLabels.b}`;
          const shown = ellipsize(label, ENDPOINT_LABEL_CHARS);
          // Drawn to the left of the point where it would run past the plot (a character is about 0.6 em).
          const flip = p.cx > frame.innerWidth - 12 - Math.max(128, shown.length * layout.type.label * 0.6);
          return (
            <text
              key={`label${p.point.alpha}`}
              className="frontier-endpoint-label"
              x={p.cx + (flip ? -12 : 12)}
              y={p.cy - 10}
              textAnchor={flip ? "end" : "start"}
              fontSize={layout.type.label}
            >
              {shown === label ? null : <title>{label}</title>}
              {shown}
            </text>
          );
        })}
      </g>
    </>
  );
});

/**
 * The frontier plot's SVG, a pure function of its layout: axes, α path (interpolation solid,
 * extrapolation dashed), Pareto staircase, interval whiskers, one point per evaluated α (Pareto
 * points filled, dominated ones hollow, collapsed ones crossed), endpoint labels and the slider marker.
 */
export function FrontierSvg({ marker, svgRef, ...canvas }: FrontierSvgProps) {
  const { layout, x, y, clipId } = canvas;
  const { frame } = layout;
  return (
    <svg
      ref={svgRef}
      className="chart frontier-chart"
      width={frame.width}
      height={frame.height}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
    >
      <title>{`Frontier plot: ${x.label} against ${y.label}, one point per evaluated α`}</title>
      <defs>
        <clipPath id={clipId}>
          <rect x={-8} y={-8} width={frame.innerWidth + 16} height={frame.innerHeight + 16} />
        </clipPath>
      </defs>
      <g transform={`translate(${frame.margin.left},${frame.margin.top})`}>
        <FrontierCanvas {...canvas} />
        <g clipPath={`url(#${clipId})`}>
          {marker ? (
            <g
              className={`frontier-marker${marker.measured ? "" : " frontier-marker--estimate"}`}
              transform={`translate(${marker.cx},${marker.cy})`}
              data-testid="frontier-marker"
            >
              <circle r={11} />
              <line x1={-16} x2={-7} />
              <line x1={7} x2={16} />
              <line y1={-16} y2={-7} />
              <line y1={7} y2={16} />
            </g>
          ) : null}
        </g>
      </g>
    </svg>
  );
}
