import { DIFFICULTY_SLICES, type DifficultySlice } from "../domain/difficulty";

/**
 * What experiment_statistics holds per experiment version, one response body per kind. The import
 * stores the point kinds in its own transaction (cheap: a reader sees the new version's numbers at
 * once); the statistics job adds the interval kinds (bootstrap resamples: seconds for a large sweep).
 */
export type StatisticKind =
  | "list-item"
  | typeof DETAIL_KIND
  | typeof FRONTIER_POINTS_KIND
  | typeof FRONTIER_KIND
  | typeof MATRIX_KIND
  | typeof CLAIMS_KIND
  | typeof SWEEP_COLUMNS_KIND
  | typeof THUMBNAIL_KIND
  | typeof PROBLEMS_KIND
  | "problem-ids"
  | `pass-at-k:${DifficultySlice}`
  | `pass-at-k@3:${DifficultySlice}:bands`;

/*
 * A kind whose body changes shape gets a new name (`@2`: points marked collapsed, slices with their
 * Pareto set; checkpoints with the slices they collapsed on; `@3`: paired changes against the
 * endpoints, joint-level bounds and each point's pNonDominated, and the collapse rule's paired test,
 * relative crash share and time-out rule; the curves' bands `@2`: drawn with the frontier's 2 000
 * resamples and seed; `@4`, bands `@3`, claims `@2`, sweep columns and detail `@2`: the header's
 * cluster option, the bootstrap record's clusters; `matrix@4`, `problems@2`: the problems' cluster keys;
 * `detail@3`, `frontier@5`, `frontier-points@5`, `claims@3`, `sweep-columns@3`: the trained checkpoints, `retraces`). A database from before keeps the old
 * rows under the old name, which no read asks for: the worker counts only the current kinds as
 * stored (enqueueMissingStatistics), computes the new ones and drops the old (dropObsoleteStatistics),
 * so an existing database never serves a stale shape.
 */
/** GET /api/experiments/[slug]: the header and per-checkpoint scores. */
export const DETAIL_KIND = "detail@3";
export const FRONTIER_POINTS_KIND = "frontier-points@5";
export const FRONTIER_KIND = "frontier@5";
export const MATRIX_KIND = "matrix@4";
/** Every problem's counts at every α (GET …/problem-counts, the problems view and its API). */
export const PROBLEMS_KIND = "problems@2";
/** Every slice's claims tested on the data (GET …/claims), at the default margin and axes. */
export const CLAIMS_KIND = "claims@3";
/** The whole result matrix for compute threads (claims on other axes); served by no route. */
export const SWEEP_COLUMNS_KIND = "sweep-columns@3";

/**
 * The home page row's frontier thumbnail (GET /api/experiments with `limit` joins it): few numbers,
 * stored by the worker so that a version's row says "computing…" until its statistics are.
 */
export const THUMBNAIL_KIND = "thumbnail@1";

/** The pass@k curves of every checkpoint over one slice, with or without bootstrap bands. */
export function passAtKKind(slice: DifficultySlice, bands: boolean): StatisticKind {
  return bands ? `pass-at-k@3:${slice}:bands` : `pass-at-k:${slice}`;
}

/** Stored by the import, in its transaction. */
export const POINT_KINDS: readonly StatisticKind[] = [
  "list-item",
  DETAIL_KIND,
  FRONTIER_POINTS_KIND,
  MATRIX_KIND,
  PROBLEMS_KIND,
  "problem-ids",
  ...DIFFICULTY_SLICES.map((slice) => passAtKKind(slice, false)),
];

/**
 * Stored by the statistics job, in this order within each of its two threads (most bands in one, the
 * rest in the other: computeStatistics), so the explorer's intervals and the "all" bands come first.
 */
export const INTERVAL_KINDS: readonly StatisticKind[] = [
  FRONTIER_KIND,
  THUMBNAIL_KIND,
  ...DIFFICULTY_SLICES.map((slice) => passAtKKind(slice, true)),
  SWEEP_COLUMNS_KIND,
  CLAIMS_KIND,
];
