import { memo } from "react";
import { CollapsedBadge } from "@/components/common/CollapsedBadge";
import { CsvDownload } from "@/components/common/CsvDownload";
import { Delta } from "@/components/common/Delta";
import { LongText } from "@/components/common/LongText";
import { formatAlpha } from "@/lib/domain/alpha";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { compareScoreCsvTable } from "@/lib/views/scoreCsv";
import styles from "./Compare.module.css";
import type { CompareSeries } from "./ComparePlot";
import { SeriesSwatch } from "./SeriesSwatch";

interface CompareScoresProps {
  series: readonly CompareSeries[];
  /** The metrics every experiment has, in registry order. */
  metrics: readonly MetricDefinition[];
  alpha: number;
}

/** Where an experiment's values at α come from: measured, or estimated between two evaluated α. */
function provenance(series: CompareSeries): string {
  if (!series.readout) return "no value";
  const { measured, neighbours } = series.readout;
  if (measured) return "evaluated";
  return neighbours
    ? `estimated between α = ${formatAlpha(neighbours[0])} and ${formatAlpha(neighbours[1])}`
    : "no value";
}

/**
 * Every compared experiment's scores at the shared α, side by side, with 95% intervals and each one's
 * paired change against its own endpoints (coloured only when its interval excludes 0); the CSV
 * holds the same numbers unrounded.
 */
export const CompareScores = memo(function CompareScores({ series, metrics, alpha }: CompareScoresProps) {
  return (
    <section className="panel" aria-labelledby="compare-scores-title">
      <div className="panel-head">
        <h2 id="compare-scores-title">Scores at α = {formatAlpha(alpha)}</h2>
        <CsvDownload
          name="compare-scores"
          label="Download the side-by-side scores as CSV"
          table={() => compareScoreCsvTable(series, metrics, alpha)}
        />
      </div>
      <div className={styles.scores}>
        <table className="data-table data-table--compact" data-testid="compare-scores">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {series.map((entry, index) => (
                <th key={entry.slug} scope="col" data-testid={`compare-column-${entry.slug}`}>
                  <SeriesSwatch index={index} /> <LongText text={entry.name} />
                  <span className={styles.estimated}>{provenance(entry)}</span>
                  {entry.readout ? (
                    <CollapsedBadge
                      readout={entry.readout}
                      collapsedAlphas={entry.points.filter((p) => p.collapsed).map((p) => p.alpha)}
                    />
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((metric) => (
              <tr key={metric.id}>
                <th scope="row">{metric.label}</th>
                {series.map((entry) => {
                  const score = entry.readout?.scores.find((candidate) => candidate.metric.id === metric.id);
                  const estimate = score?.estimate ?? null;
                  return (
                    <td key={entry.slug} className="num">
                      <span data-testid={`compare-score-${entry.slug}-${metric.id}`}>
                        {estimate ? metric.format(estimate.value) : "—"}
                        {estimate && estimate.lower !== null && estimate.upper !== null ? (
                          <span className={styles.interval}>
                            {metric.format(estimate.lower)} – {metric.format(estimate.upper)}
                          </span>
                        ) : null}
                      </span>
                      {score?.deltaA || score?.deltaB ? (
                        <span className={styles.interval}>
                          vs A{" "}
                          <Delta
                            metric={metric}
                            delta={score.deltaA}
                            testId={`compare-delta-a-${entry.slug}-${metric.id}`}
                          />{" "}
                          · vs B{" "}
                          <Delta
                            metric={metric}
                            delta={score.deltaB}
                            testId={`compare-delta-b-${entry.slug}-${metric.id}`}
                          />
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
