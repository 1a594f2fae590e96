import { LongText } from "@/components/common/LongText";
import { AlphaPathLegend, CollapsedLegend } from "@/components/frontier/FrontierLegend";
import { SeriesSwatch } from "./SeriesSwatch";

interface CompareLegendProps {
  series: readonly { slug: string; name: string }[];
  /** Whether any plotted checkpoint is collapsed (its cross then needs a key). */
  collapsed: boolean;
}

/** Key to the comparison plot: each experiment's colour and shape, the path styles, filled vs hollow. */
export function CompareLegend({ series, collapsed }: CompareLegendProps) {
  return (
    <ul className="chart-legend" aria-label="Legend" data-testid="compare-legend">
      {series.map((entry, index) => (
        <li key={entry.slug}>
          <SeriesSwatch index={index} />
          <LongText text={entry.name} />
        </li>
      ))}
      <AlphaPathLegend />
      {collapsed ? <CollapsedLegend /> : null}
      <li>filled: Pareto-optimal within its experiment; hollow: dominated</li>
    </ul>
  );
}
