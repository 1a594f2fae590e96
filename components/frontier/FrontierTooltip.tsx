import type { PlottedPoint } from "@/lib/charts/frontierLayout";
import type { TooltipPlacement } from "@/lib/charts/tooltipPlacement";
import { describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import { getMetric, type MetricDefinition } from "@/lib/science/metricRegistry";
import { formatCount, formatInterval } from "@/lib/views/format";

interface FrontierTooltipProps {
  point: PlottedPoint;
  x: MetricDefinition;
  y: MetricDefinition;
  /** Where it goes in the plot container (lib/charts/tooltipPlacement.ts). */
  placement: TooltipPlacement;
}

function MetricLine({ metric, point }: { metric: MetricDefinition; point: PlottedPoint }) {
  const estimate = point.point.metrics[metric.id];
  if (!estimate) return null;
  return (
    <div className="tooltip-row">
      <span>{metric.label}</span>
      <span className="num">
        {metric.format(estimate.value)} <span className="muted">{formatInterval(metric, estimate)}</span>
      </span>
    </div>
  );
}

/** Details of one evaluated α on hover or focus: its kind, both plotted metrics and the solve rate with CIs. */
export function FrontierTooltip({ point, x, y, placement }: FrontierTooltipProps) {
  const alpha = point.point.alpha;
  const solveRate = getMetric("solveRate");
  return (
    <div
      className={`chart-tooltip chart-tooltip--${placement.side}`}
      style={{ left: placement.left, top: placement.top, width: placement.width }}
      role="status"
      data-testid="frontier-tooltip"
    >
      <div className="tooltip-title">
        α = {formatAlpha(alpha)} <span className="muted">· {describeAlpha(alpha)}</span>
      </div>
      {point.pareto ? <div className="tooltip-pareto">Pareto-optimal</div> : null}
      {point.collapsed ? (
        <div className="tooltip-collapsed">Collapsed: fails by crashing or solves far less than A and B</div>
      ) : null}
      <MetricLine metric={x} point={point} />
      <MetricLine metric={y} point={point} />
      {x.id !== solveRate.id && y.id !== solveRate.id ? (
        <MetricLine metric={solveRate} point={point} />
      ) : null}
      <div className="tooltip-row muted">
        <span>Samples</span>
        <span className="num">
          {formatCount(point.point.samples)} on {formatCount(point.point.problems)} problems
        </span>
      </div>
    </div>
  );
}
