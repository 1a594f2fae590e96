import { alphaColor } from "@/lib/charts/alphaColor";
import { paletteVar } from "@/lib/charts/palette";
import { formatAlpha } from "@/lib/domain/alpha";
import { COLLAPSED_CROSS } from "./FrontierSvg";
import { TrainedLegend } from "./TrainedMarks";

const RAMP_STEPS = 24;
/** The legend's sample points stand for any α. */
const NEUTRAL = paletteVar("chart-neutral");

/** The legend's entries for the two styles of the α path (shared with the comparison's legend). */
export function AlphaPathLegend() {
  return (
    <>
      <li>
        <svg width="28" height="10" aria-hidden="true">
          <line className="alpha-path alpha-path--interpolation" x1="0" x2="28" y1="5" y2="5" />
        </svg>
        interpolation 0 ≤ α ≤ 1
      </li>
      <li>
        <svg width="28" height="10" aria-hidden="true">
          <line className="alpha-path alpha-path--extrapolationB" x1="0" x2="28" y1="5" y2="5" />
        </svg>
        extrapolation
      </li>
    </>
  );
}

/** The legend's entry for a collapsed checkpoint's cross (shared with the comparison's legend). */
export function CollapsedLegend() {
  return (
    <li>
      <svg width="14" height="14" aria-hidden="true">
        <g transform="translate(7,7)">
          <circle r="4" fill={paletteVar("surface")} stroke={NEUTRAL} strokeWidth="1.5" />
          <path className="frontier-point-collapsed" d={COLLAPSED_CROSS} />
        </g>
      </svg>
      collapsed
    </li>
  );
}

/**
 * Key to the frontier plot: path styles, Pareto, dominated and collapsed points, trained checkpoints
 * when the plot has some, the α colour ramp.
 */
export function FrontierLegend({
  alphaMin,
  alphaMax,
  trained = false,
}: {
  alphaMin: number;
  alphaMax: number;
  trained?: boolean;
}) {
  const stops = Array.from({ length: RAMP_STEPS + 1 }, (_, i) => {
    const alpha = alphaMin + ((alphaMax - alphaMin) * i) / RAMP_STEPS;
    return `${alphaColor(alpha, alphaMin, alphaMax)} ${((i / RAMP_STEPS) * 100).toFixed(1)}%`;
  });
  return (
    <ul className="chart-legend" aria-label="Legend">
      <AlphaPathLegend />
      <li>
        <svg width="28" height="10" aria-hidden="true">
          <path className="frontier-step" d="M0,2H14V8H28" />
        </svg>
        Pareto frontier
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5" fill={NEUTRAL} stroke={paletteVar("text")} strokeWidth="1.5" />
        </svg>
        Pareto-optimal (point estimate)
      </li>
      <li data-testid="legend-p-non-dominated">
        <svg width="42" height="14" aria-hidden="true">
          {[1, 0.5, 0.1].map((opacity, i) => (
            <circle
              key={opacity}
              cx={7 + i * 14}
              cy="7"
              r="5"
              fill={NEUTRAL}
              fillOpacity={opacity}
              stroke={NEUTRAL}
              strokeWidth="1.5"
            />
          ))}
        </svg>
        fill: share of bootstrap resamples in which the point is non-dominated (100% · 50% · 10%)
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4" fill={paletteVar("surface")} stroke={NEUTRAL} strokeWidth="1.5" />
        </svg>
        dominated
      </li>
      <CollapsedLegend />
      {trained ? <TrainedLegend /> : null}
      <li className="legend-ramp">
        <span>α {formatAlpha(alphaMin)}</span>
        <span
          className="legend-ramp-bar"
          style={{ background: `linear-gradient(to right, ${stops.join(", ")})` }}
        />
        <span>{formatAlpha(alphaMax)}</span>
      </li>
    </ul>
  );
}
