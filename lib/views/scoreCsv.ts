import type { CsvCell, CsvTable } from "../responses/csv";
import type { AlphaEstimate } from "../science/estimate";
import type { MetricDefinition } from "../science/metricRegistry";
import type { AlphaReadout } from "./alphaScores";

/** An estimate's cells, unrounded: whether it is measured or estimated, its value and 95% interval. */
function estimateCells(estimate: AlphaEstimate | null | undefined): CsvCell[] {
  return [
    estimate ? (estimate.measured ? "measured" : "estimated") : "none",
    estimate?.value,
    estimate?.lower,
    estimate?.upper,
  ];
}

/**
 * The score panel as CSV: one row per metric at the readout's α with its value, 95% interval and
 * change against A and B, unrounded (fractions as fractions, runtimes in ms), and whether the row
 * is measured or estimated.
 */
export function scoreCsvTable(readout: AlphaReadout): CsvTable {
  return {
    header: ["metric", "label", "alpha", "status", "value", "lower", "upper", "delta_vs_A", "delta_vs_B"],
    rows: readout.scores.map(({ metric, estimate, deltaA, deltaB }) => [
      metric.id,
      metric.label,
      readout.alpha,
      ...estimateCells(estimate),
      deltaA,
      deltaB,
    ]),
  };
}

/** One compared experiment's scores at the shared α (null when the experiments share none). */
export interface ComparedReadout {
  slug: string;
  name: string;
  readout: AlphaReadout | null;
}

/**
 * The comparison's side-by-side scores as CSV: one row per metric and experiment, in the table's
 * order (metric rows, experiment columns), with the same unrounded cells as the score panel's CSV.
 */
export function compareScoreCsvTable(
  compared: readonly ComparedReadout[],
  metrics: readonly MetricDefinition[],
  alpha: number,
): CsvTable {
  return {
    header: ["metric", "label", "experiment", "name", "alpha", "status", "value", "lower", "upper"],
    rows: metrics.flatMap((metric) =>
      compared.map(({ slug, name, readout }) => [
        metric.id,
        metric.label,
        slug,
        name,
        alpha,
        ...estimateCells(readout?.estimates.get(metric.id)),
      ]),
    ),
  };
}
