import type { SweepMatrix } from "../domain/sweep";
import { noPassTable } from "./passAtK";

/** One member of an ensemble: a checkpoint (index into `matrix.checkpoints`) and its k samples. */
export interface EnsembleMember {
  checkpoint: number;
  k: number;
}

/** The smallest n over `problems`, counting unevaluated problems (n = 0); Infinity when empty. */
export function smallestSampleCount(n: ArrayLike<number>, problems: ArrayLike<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < problems.length; i++) if (n[problems[i]] < min) min = n[problems[i]];
  return min;
}

/**
 * For each of `problems`, the probability that k samples of one checkpoint, drawn without
 * replacement, contain no pass: C(n−c, k)/C(n, k). Throws a RangeError when a problem has n < k.
 */
export function noPassColumn(
  matrix: SweepMatrix,
  checkpoint: number,
  k: number,
  problems: ArrayLike<number>,
): Float64Array {
  const cp = matrix.checkpoints[checkpoint];
  if (!cp) throw new RangeError(`no checkpoint with index ${checkpoint}`);
  const column = new Float64Array(problems.length);
  let tableN = -1;
  let table: Float64Array = column;
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i];
    const n = cp.n[p];
    if (n !== tableN) {
      if (n < k) {
        throw new RangeError(
          `checkpoint α = ${cp.alpha} has n = ${n} samples on problem ${p}, fewer than its k = ${k}`,
        );
      }
      table = noPassTable(n, k);
      tableN = n;
    }
    column[i] = table[cp.verdicts.pass[p]];
  }
  return column;
}

function assertMembers(matrix: SweepMatrix, members: readonly EnsembleMember[]): void {
  if (members.length === 0) throw new RangeError("an ensemble needs at least one member");
  const seen = new Set<number>();
  for (const { checkpoint, k } of members) {
    if (!Number.isInteger(k) || k < 0)
      throw new RangeError(`member k must be a non-negative integer, got ${k}`);
    if (!matrix.checkpoints[checkpoint]) throw new RangeError(`no checkpoint with index ${checkpoint}`);
    if (seen.has(checkpoint)) {
      throw new RangeError(`checkpoint ${checkpoint} appears twice: give it one member with the summed k`);
    }
    seen.add(checkpoint);
  }
}

/**
 * Per problem, the probability that the ensemble solves it: 1 − Π_i C(n_i−c_i, k_i)/C(n_i, k_i).
 * Throws a RangeError when a member has fewer samples than its k on one of `problems`.
 */
export function ensembleProblemPassProbabilities(
  matrix: SweepMatrix,
  members: readonly EnsembleMember[],
  problems: ArrayLike<number>,
): Float64Array {
  assertMembers(matrix, members);
  const noPass = new Float64Array(problems.length).fill(1);
  for (const { checkpoint, k } of members) {
    const column = noPassColumn(matrix, checkpoint, k, problems);
    for (let i = 0; i < column.length; i++) noPass[i] *= column[i];
  }
  for (let i = 0; i < noPass.length; i++) noPass[i] = 1 - noPass[i];
  return noPass;
}

/** Ensemble pass@K (K = Σ k_i): the mean over `problems` of the per-problem pass probability. */
export function ensemblePassAtK(
  matrix: SweepMatrix,
  members: readonly EnsembleMember[],
  problems: ArrayLike<number>,
): number {
  const probabilities = ensembleProblemPassProbabilities(matrix, members, problems);
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += probabilities[i];
  return probabilities.length === 0 ? Number.NaN : sum / probabilities.length;
}

export interface BestSingle {
  checkpoint: number;
  alpha: number;
  passAtK: number;
}

/**
 * The single checkpoint with the highest pass@K on `problems`, among those with n ≥ K on every one
 * of them (ties go to the lower α); null when none qualifies or `problems` is empty.
 */
export function bestSingle(
  matrix: SweepMatrix,
  budget: number,
  problems: ArrayLike<number>,
): BestSingle | null {
  if (problems.length === 0) return null;
  let best: BestSingle | null = null;
  matrix.checkpoints.forEach((cp, checkpoint) => {
    if (smallestSampleCount(cp.n, problems) < budget) return;
    const value = ensemblePassAtK(matrix, [{ checkpoint, k: budget }], problems);
    if (!best || value > best.passAtK) best = { checkpoint, alpha: cp.alpha, passAtK: value };
  });
  return best;
}
