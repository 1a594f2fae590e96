import type { AlphaEstimate } from "@/lib/science/estimate";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { deltaTone, formatDelta } from "@/lib/views/alphaScores";

/** A change with its 95% interval, coloured only when the interval excludes 0. */
export function Delta({
  metric,
  delta,
  testId,
}: {
  metric: MetricDefinition;
  delta: AlphaEstimate | null;
  testId?: string;
}) {
  if (delta === null) return <span className="muted">—</span>;
  return (
    <span className={`delta delta--${deltaTone(metric, delta)}`} data-testid={testId}>
      {formatDelta(metric, delta.value)}
      {delta.lower !== null && delta.upper !== null ? (
        // Two unbreakable halves, so a narrow column breaks the interval after its dash only.
        <span className="score-interval delta-interval">
          <span className="delta-bound">{formatDelta(metric, delta.lower)} –</span>{" "}
          <span className="delta-bound">{formatDelta(metric, delta.upper)}</span>
        </span>
      ) : null}
    </span>
  );
}
