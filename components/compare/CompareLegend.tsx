import { LongText } from "@/components/common/LongText";
import { SeriesSwatch } from "./SeriesSwatch";

/** Key to the comparison plot: each experiment's colour and shape, the path styles, filled vs hollow. */
export function CompareLegend({ series }: { series: readonly { slug: string; name: string }[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend" data-testid="compare-legend">
      {series.map((entry, index) => (
        <li key={entry.slug}>
          <SeriesSwatch index={index} />
          <LongText text={entry.name} />
        </li>
      ))}
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
      <li>filled: Pareto-optimal within its experiment; hollow: dominated</li>
    </ul>
  );
}
