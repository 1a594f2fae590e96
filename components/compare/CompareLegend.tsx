import { LongText } from "@/components/common/LongText";
import { AlphaPathLegend } from "@/components/explorer/frontier/FrontierLegend";
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
      <AlphaPathLegend />
      <li>filled: Pareto-optimal within its experiment; hollow: dominated</li>
    </ul>
  );
}
