import type { FrontierSlice } from "../contracts/types";
import { METRICS } from "../science/metricRegistry";
import type { CsvCell, CsvTable } from "./csv";

/**
 * GET /api/experiments/<slug>/export.csv: one row per evaluated checkpoint of a difficulty slice,
 * with every registry metric and its 95% interval as three columns (`<id>`, `<id>_lower`,
 * `<id>_upper`), in registry order — the numbers of the frontier JSON, unrounded. A metric a
 * checkpoint does not define, or an interval not computed yet, is an empty field. Trained
 * checkpoints, when the slice has some, follow as reference rows (kind `trained`, no α, their label;
 * a last column `coverage`).
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
  const metrics = (values: FrontierSlice["points"][number]["metrics"]) =>
    METRICS.flatMap((metric) => {
      const estimate = values[metric.id];
      return estimate ? [estimate.value, estimate.lower, estimate.upper] : [null, null, null];
    });
  const rows: CsvCell[][] = slice.points.map((point) => [
    point.alpha,
    point.kind,
    point.label,
    point.problems,
    point.samples,
    ...metrics(point.metrics),
  ]);
  const trained = slice.trained ?? [];
  if (trained.length === 0) return { header, rows };
  return {
    header: [...header, "coverage"],
    rows: [
      ...rows.map((row) => [...row, null]),
      ...trained.map((point) => [
        null,
        "trained",
        point.label,
        point.problems,
        point.samples,
        ...metrics(point.metrics),
        point.coverage,
      ]),
    ],
  };
}
