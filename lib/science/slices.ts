import { type DifficultySlice, inSlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";

/** Indices (ascending) of the problems of `matrix` that belong to a difficulty slice. */
export function sliceProblemIndices(matrix: SweepMatrix, slice: DifficultySlice): Int32Array {
  const indices: number[] = [];
  matrix.problems.forEach((problem, index) => {
    if (inSlice(problem.difficulty, slice)) indices.push(index);
  });
  return Int32Array.from(indices);
}
