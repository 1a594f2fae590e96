import { DIFFICULTY_SLICES, type DifficultySlice } from "../../domain/difficulty";

/**
 * What experiment_statistics holds per experiment version, one response body per kind. The import
 * stores the point kinds in its own transaction (cheap: a reader sees the new version's numbers at
 * once); the statistics job adds the interval kinds (bootstrap resamples: seconds for a large sweep).
 */
export type StatisticKind =
  | "list-item"
  | "detail"
  | "frontier-points"
  | "frontier"
  | "matrix"
  | "problems"
  | `pass-at-k:${DifficultySlice}`
  | `pass-at-k:${DifficultySlice}:bands`;

/** The pass@k curves of every checkpoint over one slice, with or without bootstrap bands. */
export function passAtKKind(slice: DifficultySlice, bands: boolean): StatisticKind {
  return bands ? `pass-at-k:${slice}:bands` : `pass-at-k:${slice}`;
}

/** Stored by the import, in its transaction. */
export const POINT_KINDS: readonly StatisticKind[] = [
  "list-item",
  "detail",
  "frontier-points",
  "matrix",
  "problems",
  ...DIFFICULTY_SLICES.map((slice) => passAtKKind(slice, false)),
];

/** Stored by the statistics job, in this order (the explorer's intervals first). */
export const INTERVAL_KINDS: readonly StatisticKind[] = [
  "frontier",
  ...DIFFICULTY_SLICES.map((slice) => passAtKKind(slice, true)),
];
