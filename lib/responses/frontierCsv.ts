import type { FrontierSlice } from "../contracts/types";
import { METRICS } from "../science/metricRegistry";
import type { CsvTable } from "./csv";

/**
 * GET /api/experiments/<slug>/export.csv: one row per evaluated checkpoint of a difficulty slice,
 * with every registry metric and its 95% interval as three columns (`<id>`, `<id>_lower`,
 * `<id>_upper`), in registry order — the numbers of the frontier JSON, unrounded. A metric a
 * checkpoint does not define, or an interval not computed yet, is an empty field.
 */
export function frontierCsvTable(slice: FrontierSlice): CsvTable {
  const header = [
    "alpha",
    "kind",
    "label",
    "problems",
    "samples",
    ...METRICS.flatMap((metric) => [metric.id, `${metric.id}_lower`, `${metric.id}_upper`]),
  ];
  const rows = slice.points.map((point) => [
    point.alpha,
    point.kind,
    point.label,
    point.problems,
    point.samples,
    ...METRICS.flatMap((metric) => {
      const estimate = point.metrics[metric.id];
      return estimate ? [estimate.value, estimate.lower, estimate.upper] : [null, null, null];
    }),
  ]);
  return { header, rows };
}
