import type { SweepMatrix } from "../domain/sweep";
import { type EnsembleMember, ensembleProblemPassProbabilities } from "./ensemblePassAtK";

/**
 * A problem counts as solved by a configuration (a checkpoint at k samples, or an ensemble at its
 * budget) when its pass probability there is at least one half: "more likely solved than not".
 * A threshold keeps the counts whole and readable; the means (pass@K) carry the exact numbers.
 */
export const SOLVED_THRESHOLD = 0.5;

/** Per problem of a slice, the pass probability of each configuration that the coverage view compares. */
export interface EnsembleCoverage {
  /** Problem indices, in the order of the input. */
  problems: Int32Array;
  /** One column per member: that member alone at its own k. */
  members: Float64Array[];
  /** The ensemble at its budget K = Σ k_i. */
  ensemble: Float64Array;
  /** The comparison checkpoint alone at the full K. */
  single: Float64Array;
}

/**
 * The pass probabilities behind the coverage picture: each member at its share, the ensemble at K,
 * and one single checkpoint at K (usually the best single). Throws a RangeError where some n < k.
 */
export function ensembleCoverage(
  matrix: SweepMatrix,
  members: readonly EnsembleMember[],
  singleCheckpoint: number,
  problems: ArrayLike<number>,
): EnsembleCoverage {
  const budget = members.reduce((sum, member) => sum + member.k, 0);
  return {
    problems: Int32Array.from(problems),
    members: members.map((member) => ensembleProblemPassProbabilities(matrix, [member], problems)),
    ensemble: ensembleProblemPassProbabilities(matrix, members, problems),
    single: ensembleProblemPassProbabilities(matrix, [{ checkpoint: singleCheckpoint, k: budget }], problems),
  };
}

/** How many problems one configuration solves and the other does not, both ways (see SOLVED_THRESHOLD). */
export function solvedOnlyBy(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  threshold = SOLVED_THRESHOLD,
): { onlyA: number; onlyB: number } {
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < a.length; i++) {
    const solvedA = a[i] >= threshold;
    const solvedB = b[i] >= threshold;
    if (solvedA && !solvedB) onlyA++;
    if (solvedB && !solvedA) onlyB++;
  }
  return { onlyA, onlyB };
}
