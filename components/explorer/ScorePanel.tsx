import { memo } from "react";
import { CollapsedBadge } from "@/components/common/CollapsedBadge";
import { CsvDownload } from "@/components/common/CsvDownload";
import { Delta } from "@/components/common/Delta";
import type { TrainedPoint } from "@/lib/contracts/types";
import { alphaKind, describeAlpha, formatAlpha } from "@/lib/domain/alpha";
import { getMetric, METRIC_GROUPS } from "@/lib/science/metricRegistry";
import type { AlphaReadout, MetricScore } from "@/lib/views/alphaScores";
import { scoreCsvTable } from "@/lib/views/scoreCsv";
import { MetricName } from "../glossary/MetricName";

const KIND_LABELS = {
  endpoint: "endpoint",
  interpolated: "interpolated",
  extrapolated: "extrapolated",
} as const;

function ScoreRow({ score }: { score: MetricScore }) {
  const { metric, estimate } = score;
  const interval =
    estimate && estimate.lower !== null && estimate.upper !== null
      ? `${metric.format(estimate.lower)} – ${metric.format(estimate.upper)}`
      : "—";
  return (
    <tr>
      <th scope="row">
        <MetricName metric={metric} />
      </th>
      <td className="num">
        <span className="score-value" data-testid={`score-${metric.id}`}>
          {estimate ? metric.format(estimate.value) : "—"}
        </span>
        <span className="score-interval">{interval}</span>
        {estimate?.unreliable ? (
          <span className="badge badge--unreliable" data-testid={`unreliable-${metric.id}`}>
            unreliable: next to a collapsed α
          </span>
        ) : null}
      </td>
      <td className="num">
        <Delta metric={metric} delta={score.deltaA} testId={`delta-a-${metric.id}`} />
      </td>
      <td className="num">
        <Delta metric={metric} delta={score.deltaB} testId={`delta-b-${metric.id}`} />
      </td>
    </tr>
  );
}

/**
 * The trained checkpoints' headline scores with their 95% intervals: reference rows, whatever α
 * the slider is at (they are not on the α line; memoized, so a drag does not re-render them).
 */
const TrainedRows = memo(function TrainedRows({ trained }: { trained: readonly TrainedPoint[] }) {
  const metrics = METRIC_GROUPS[0].ids.map(getMetric);
  return (
    <table className="data-table data-table--compact score-table trained-scores" data-testid="trained-scores">
      <caption>Trained checkpoints (reference, not on the α line)</caption>
      <thead>
        <tr>
          <th scope="col">Checkpoint</th>
          {metrics.map((metric) => (
            <th key={metric.id} scope="col" className="num">
              <MetricName metric={metric} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {trained.map((point) => (
          <tr key={point.label}>
            <th scope="row">{point.label}</th>
            {metrics.map((metric) => {
              const estimate = point.metrics[metric.id];
              return (
                <td key={metric.id} className="num">
                  <span className="score-value">{estimate ? metric.format(estimate.value) : "—"}</span>
                  {estimate && estimate.lower !== null && estimate.upper !== null ? (
                    <span className="score-interval">{`${metric.format(estimate.lower)} – ${metric.format(estimate.upper)}`}</span>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/**
 * Every score at the current α (or only the headline ones) with its 95% interval and its change
 * against A and B. Between evaluated α the numbers are estimates and the panel says so in words and
 * in style.
 */
export const ScorePanel = memo(function ScorePanel({
  readout,
  collapsedAlphas,
  trained = [],
  headlineOnly = false,
}: {
  readout: AlphaReadout;
  /** Evaluated α collapsed on the slice shown. */
  collapsedAlphas: readonly number[];
  /** Trained checkpoints on the slice shown, listed as reference rows. */
  trained?: readonly TrainedPoint[];
  headlineOnly?: boolean;
}) {
  const { alpha, scores, measured, neighbours } = readout;
  // Presenting, the panel keeps to the headline numbers so the plot and they fit one screen.
  const groups = headlineOnly ? METRIC_GROUPS.slice(0, 1) : METRIC_GROUPS;
  const byId = new Map(scores.map((score) => [score.metric.id, score]));
  return (
    <section
      className={`score-panel${measured ? "" : " score-panel--estimate"}`}
      aria-labelledby="score-panel-title"
      data-testid="score-panel"
    >
      <div className="score-panel-head">
        <h2 id="score-panel-title">
          Scores at <span data-testid="score-alpha">α = {formatAlpha(alpha)}</span>
        </h2>
        <div className="score-panel-badges">
          <span className="badge badge--kind" data-testid="score-kind">
            {KIND_LABELS[alphaKind(alpha)]}
          </span>
          {measured ? (
            <span className="badge badge--measured" data-testid="score-status">
              measured
            </span>
          ) : (
            <span className="badge badge--estimate" data-testid="score-status">
              estimated — not evaluated
            </span>
          )}
          <CollapsedBadge readout={readout} collapsedAlphas={collapsedAlphas} />
          <CsvDownload
            name="scores"
            label="Download the scores as CSV"
            table={() => scoreCsvTable(readout, trained)}
          />
        </div>
        <p className="muted score-panel-sub">
          {describeAlpha(alpha)}
          {!measured && neighbours
            ? ` · interpolated between evaluated α = ${formatAlpha(neighbours[0])} and ${formatAlpha(neighbours[1])}; intervals span both neighbours' 97.5% bounds (95% jointly if the metric is monotone between them)`
            : ""}
        </p>
      </div>
      <table className="data-table data-table--compact score-table">
        <caption className="visually-hidden">
          Scores at α = {formatAlpha(alpha)} with 95% intervals and paired changes against A and B with 95%
          intervals (coloured only when the interval excludes 0)
        </caption>
        <colgroup>
          <col className="score-col-metric" />
          <col className="score-col-value" />
          <col className="score-col-delta" />
          <col className="score-col-delta" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Value · 95% CI
            </th>
            <th scope="col" className="num">
              Δ vs A
            </th>
            <th scope="col" className="num">
              Δ vs B
            </th>
          </tr>
        </thead>
        {groups.map((group) => {
          const rows = group.ids.flatMap((id) => byId.get(id) ?? []);
          return rows.length === 0 ? null : (
            <tbody key={group.title}>
              <tr className="score-group">
                <th scope="colgroup" colSpan={4}>
                  {group.title}
                </th>
              </tr>
              {rows.map((score) => (
                <ScoreRow key={score.metric.id} score={score} />
              ))}
            </tbody>
          );
        })}
      </table>
      {trained.length > 0 ? <TrainedRows trained={trained} /> : null}
    </section>
  );
});
