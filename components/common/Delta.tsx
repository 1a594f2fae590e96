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
        <span className="score-interval">
          {formatDelta(metric, delta.lower)} – {formatDelta(metric, delta.upper)}
        </span>
      ) : null}
    </span>
  );
}
