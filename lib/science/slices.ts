import { type Difficulty, type DifficultySlice, inSlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";

/** Indices (ascending) of the problems of `matrix` in a difficulty slice or a single bucket. */
export function sliceProblemIndices(matrix: SweepMatrix, slice: DifficultySlice | Difficulty): Int32Array {
  const indices: number[] = [];
  matrix.problems.forEach((problem, index) => {
    if (inSlice(problem.difficulty, slice)) indices.push(index);
  });
  return Int32Array.from(indices);
}
