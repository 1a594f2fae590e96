import { memo } from "react";
import { ChartDataTable } from "@/components/charts/ChartDataTable";
import type { FrontierLayout, PlottedPoint } from "@/lib/charts/frontierLayout";
import { describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { formatCount, formatInterval } from "@/lib/views/format";

function withInterval(metric: MetricDefinition, p: PlottedPoint): string {
  const e = p.point.metrics[metric.id];
  return `${metric.format(e.value)} ${formatInterval(metric, e)}`;
}

function paretoStatus(p: PlottedPoint): string {
  if (!p.collapsed) return p.pareto ? "optimal" : "dominated";
  return p.pareto ? "optimal · collapsed" : "collapsed (left out)";
}

/**
 * The frontier plot as a table: every evaluated α with both metrics, their CIs and Pareto status.
 * Memoized: it shows the settled α, so the plot's re-render on each move of a drag skips its rows.
 */
export const FrontierTable = memo(function FrontierTable({
  layout,
  x,
  y,
  alpha,
}: {
  layout: FrontierLayout;
  x: MetricDefinition;
  y: MetricDefinition;
  alpha: number;
}) {
  return (
    <ChartDataTable
      caption={`${x.label} and ${y.label} per evaluated α, with 95% intervals`}
      rows={layout.points}
      rowKey={(p) => p.point.alpha}
      isCurrent={(p) => p.point.alpha === alpha}
      testId="frontier-table"
      name="frontier-data"
      columns={[
        { header: "α", numeric: true, cell: (p) => formatAlpha(p.point.alpha) },
        { header: "Kind", cell: (p) => describeAlpha(p.point.alpha) },
        { header: x.label, metric: x, numeric: true, cell: (p) => withInterval(x, p) },
        { header: y.label, metric: y, numeric: true, cell: (p) => withInterval(y, p) },
        { header: "Pareto", cell: paretoStatus },
        { header: "Samples", numeric: true, cell: (p) => formatCount(p.point.samples) },
      ]}
    />
  );
});
