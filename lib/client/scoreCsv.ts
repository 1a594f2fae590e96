import type { CsvTable } from "../api/csv";
import type { AlphaReadout } from "./alphaScores";

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
      estimate ? (estimate.measured ? "measured" : "estimated") : "none",
      estimate?.value,
      estimate?.lower,
      estimate?.upper,
      deltaA,
      deltaB,
    ]),
  };
}
