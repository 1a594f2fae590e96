import { formatAlpha } from "@/lib/domain/alpha";

/** Replaces the slider when only one α was evaluated: there is no path to move along yet. */
export function SingleCheckpointNote({ alpha }: { alpha: number }) {
  return (
    <div className="single-checkpoint" data-testid="single-checkpoint">
      <strong>Only one checkpoint (α = {formatAlpha(alpha)}) is evaluated.</strong>
      <p className="muted">
        Import results for more α values (for example the other endpoint and a few interpolations) to see the
        path, the frontier and estimates between them.
      </p>
    </div>
  );
}

/** Stands in for a chart over α when only one α is evaluated: no empty axes, the table says the rest. */
export function SingleCheckpointChartNote({ what }: { what: string }) {
  return (
    <p className="chart-empty-note" role="note" data-testid="single-checkpoint-chart">
      One α is evaluated, so there is no line to draw yet: import more α to see {what}. The table lists its
      values.
    </p>
  );
}
