import { memo, useId } from "react";
import { type MetricDefinition, metricAnchor } from "@/lib/science/metricRegistry";
import { directionText } from "./directionText";

/**
 * A "?" link to a metric's glossary entry. Hovering or focusing it shows the definition, and the
 * link is described by it, so a screen reader reads the definition too.
 */
export function MetricHelp({ metric }: { metric: MetricDefinition }) {
  const tipId = useId();
  return (
    <span className="metric-help">
      {/* A document load, not a client-side push, so the entry becomes the :target and is highlighted. */}
      <a className="metric-help-link" href={`/glossary#${metricAnchor(metric.id)}`} aria-describedby={tipId}>
        ?<span className="visually-hidden"> {metric.label} in the glossary</span>
      </a>
      <span className="metric-tip" role="tooltip" id={tipId} data-testid={`metric-tip-${metric.id}`}>
        {metric.glossary.measures} {directionText(metric)}.
      </span>
    </span>
  );
}

/**
 * A metric's short name followed by its {@link MetricHelp}. Memoized: a score panel's rows re-render
 * on every slider move, their metric names need not.
 */
export const MetricName = memo(function MetricName({ metric }: { metric: MetricDefinition }) {
  return (
    <span className="metric-name" data-testid={`metric-name-${metric.id}`}>
      {metric.label}
      <MetricHelp metric={metric} />
    </span>
  );
});
