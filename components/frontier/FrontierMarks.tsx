import type { FrontierSeriesLayout } from "@/lib/charts/frontierLayout";

/** Marks both frontier plots draw the same way: the α path, interval whiskers and the α marker. */

/** The α path, one polyline per run of a part (interpolation solid, extrapolation dashed). */
export function AlphaPath({ path, className }: { path: FrontierSeriesLayout["path"]; className?: string }) {
  return path.map((run) => (
    <path
      key={`${run.part}${run.d.slice(0, 24)}`}
      className={`alpha-path alpha-path--${run.part}${className ? ` ${className}` : ""}`}
      d={run.d}
    />
  ));
}

/** 95% interval whiskers of the points that have them, in each point's colour unless `stroke` is given. */
export function IntervalWhiskers({
  points,
  stroke,
}: {
  points: FrontierSeriesLayout["points"];
  stroke?: string;
}) {
  return points.map((p) =>
    p.whiskers ? (
      <g key={`w${p.point.alpha}`} className="frontier-whiskers" stroke={stroke ?? p.color}>
        <line x1={p.whiskers.x1} x2={p.whiskers.x2} y1={p.cy} y2={p.cy} />
        <line x1={p.cx} x2={p.cx} y1={p.whiskers.y1} y2={p.whiskers.y2} />
      </g>
    ) : null,
  );
}

interface AlphaMarkerProps {
  cx: number;
  cy: number;
  className: string;
  testId: string;
  measured: boolean;
  /** Its colour where the stylesheet draws it in `currentColor` (one per compared experiment). */
  color?: string;
}

/**
 * The crosshair at the chosen α: a ring with four ticks (styled by `className`), moved by its
 * transform on a compositor layer of its own (`.alpha-marker`), so a move does not repaint the plot.
 */
export function AlphaMarker({ cx, cy, className, testId, measured, color }: AlphaMarkerProps) {
  return (
    <g
      className={`alpha-marker ${className}`}
      style={color ? { color } : undefined}
      transform={`translate(${cx},${cy})`}
      pointerEvents="none"
      data-testid={testId}
      data-measured={measured}
    >
      <circle r={11} />
      <line x1={-16} x2={-7} />
      <line x1={7} x2={16} />
      <line y1={-16} y2={-7} />
      <line y1={7} y2={16} />
    </g>
  );
}
