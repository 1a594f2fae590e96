import type { TrainedPoint } from "../contracts/types";
import type { CsvCell, CsvTable } from "../responses/csv";
import type { AlphaEstimate } from "../science/estimate";
import { METRICS, type MetricDefinition } from "../science/metricRegistry";
import type { AlphaReadout, MetricScore } from "./alphaScores";

/** An estimate's cells, unrounded: whether it is measured or estimated, its value and 95% interval. */
function estimateCells(estimate: AlphaEstimate | null | undefined): CsvCell[] {
  return [
    estimate ? (estimate.measured ? "measured" : "estimated") : "none",
    estimate?.value,
    estimate?.lower,
    estimate?.upper,
  ];
}

/** The cells of a score's paired changes against A and B, each with its 95% interval, unrounded. */
const DELTA_HEADER = [
  "delta_vs_A",
  "delta_vs_A_lower",
  "delta_vs_A_upper",
  "delta_vs_B",
  "delta_vs_B_lower",
  "delta_vs_B_upper",
];

function deltaCells(score: MetricScore | undefined): CsvCell[] {
  return [score?.deltaA, score?.deltaB].flatMap((delta) => [delta?.value, delta?.lower, delta?.upper]);
}

/**
 * The score panel as CSV: one row per metric at the readout's α with its value, 95% interval and
 * paired change against A and B with its interval, unrounded (fractions as fractions, runtimes in ms), and whether the row
 * is measured or estimated. Trained checkpoints, when there are some, follow as reference rows
 * (status "trained", no α, their label in a last column `trained`).
 */
export function scoreCsvTable(readout: AlphaReadout, trained: readonly TrainedPoint[] = []): CsvTable {
  const header = ["metric", "label", "alpha", "status", "value", "lower", "upper", ...DELTA_HEADER];
  const rows: CsvCell[][] = readout.scores.map((score) => [
    score.metric.id,
    score.metric.label,
    readout.alpha,
    ...estimateCells(score.estimate),
    ...deltaCells(score),
  ]);
  if (trained.length === 0) return { header, rows };
  const referenceRows = trained.flatMap((point) =>
    METRICS.flatMap((metric): CsvCell[][] => {
      const estimate = point.metrics[metric.id];
      if (!estimate) return [];
      const { deltaA, deltaB } = estimate;
      return [
        [
          metric.id,
          metric.label,
          null,
          "trained",
          estimate.value,
          estimate.lower,
          estimate.upper,
          ...[deltaA, deltaB].flatMap((delta) => [delta?.value, delta?.lower, delta?.upper]),
          point.label,
        ],
      ];
    }),
  );
  return { header: [...header, "trained"], rows: [...rows.map((row) => [...row, null]), ...referenceRows] };
}

/** One compared experiment's scores at the shared α (null when the experiments share none). */
export interface ComparedReadout {
  slug: string;
  name: string;
  readout: AlphaReadout | null;
}

/**
 * The comparison's side-by-side scores as CSV: one row per metric and experiment, in the table's
 * order (metric rows, experiment columns), with the same unrounded cells as the score panel's CSV
 * (each experiment's changes against its own endpoints A and B).
 */
export function compareScoreCsvTable(
  compared: readonly ComparedReadout[],
  metrics: readonly MetricDefinition[],
  alpha: number,
): CsvTable {
  return {
    header: [
      "metric",
      "label",
      "experiment",
      "name",
      "alpha",
      "status",
      "value",
      "lower",
      "upper",
      ...DELTA_HEADER,
    ],
    rows: metrics.flatMap((metric) =>
      compared.map(({ slug, name, readout }) => [
        metric.id,
        metric.label,
        slug,
        name,
        alpha,
        ...estimateCells(readout?.estimates.get(metric.id)),
        ...deltaCells(readout?.scores.find((score) => score.metric.id === metric.id)),
      ]),
    ),
  };
}
