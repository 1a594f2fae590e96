import type { ClusterBy } from "./clusterBy";
import type { Difficulty } from "./difficulty";
import type { Verdict } from "./verdicts";

/**
 * One checkpoint's results over the problems of a sweep, column-wise: entry i of each array
 * belongs to problem i of {@link SweepMatrix.problems}. A problem the checkpoint was not evaluated
 * on has n = 0 and is left out of every statistic of that checkpoint.
 */
export interface ResultColumns {
  /** The model's name or path when known. */
  model?: string | null;
  /** Samples per problem. */
  n: Int32Array;
  /** Samples per problem with each verdict; for every i they sum to n[i]. */
  verdicts: Record<Verdict, Int32Array>;
  /** Mean runtime in milliseconds of the passing samples whose runtime is known; NaN where none. */
  runtimeMeanMs: Float64Array;
  /** How many passing samples the runtime mean is over (0 where unknown). */
  runtimeCount: Int32Array;
}

/** The results of the merged checkpoint at one α. */
export interface CheckpointColumns extends ResultColumns {
  alpha: number;
  label: string | null;
}

/**
 * The results of a trained checkpoint beside the α line (a separate RL run, e.g. at 50 % unit-test
 * coverage), over the same problems as the α checkpoints.
 */
export interface TrainedColumns extends ResultColumns {
  label: string;
  /** The coverage level it was trained at, when known. */
  coverage: number | null;
}

export interface SweepProblem {
  externalId: string;
  title: string | null;
  difficulty: Difficulty;
  /** Where the problem comes from (e.g. atcoder), when the source says; absent where no view needs it. */
  platform?: string | null;
  /** ISO date of the problem's contest, when known; absent where no statistic needs it. */
  contestDate?: string | null;
}

/** Everything the science core needs about one experiment, independent of storage. */
export interface SweepMatrix {
  problems: SweepProblem[];
  /** Sorted by α ascending. */
  checkpoints: CheckpointColumns[];
  /**
   * Trained checkpoints, by coverage (unknown last) then label; absent or empty when there are none.
   * Nothing about the α line reads them: only code that draws or tests them as reference points.
   */
  trained?: TrainedColumns[];
  /**
   * The experiment's cluster option and each problem's cluster key (entry i for problem i), when its
   * bootstrap resamples problems by cluster; absent: problems are resampled one by one.
   */
  clusters?: { by: ClusterBy; keys: (string | null)[] };
}

/** Columns for `size` problems with nothing evaluated yet (n = 0, runtimes unknown). */
export function emptyCheckpointColumns(
  checkpoint: { alpha: number; label: string | null; model: string | null },
  size: number,
): CheckpointColumns {
  return { alpha: checkpoint.alpha, label: checkpoint.label, ...emptyResultColumns(checkpoint.model, size) };
}

/** A trained checkpoint's columns for `size` problems with nothing evaluated yet. */
export function emptyTrainedColumns(
  checkpoint: { label: string; coverage: number | null; model: string | null },
  size: number,
): TrainedColumns {
  return {
    label: checkpoint.label,
    coverage: checkpoint.coverage,
    ...emptyResultColumns(checkpoint.model, size),
  };
}

/** Trained checkpoints in the matrix's order: by coverage (unknown last), then label. */
export function compareTrained(
  a: { label: string; coverage: number | null },
  b: { label: string; coverage: number | null },
): number {
  if (a.coverage !== b.coverage) {
    if (a.coverage === null) return 1;
    if (b.coverage === null) return -1;
    return a.coverage - b.coverage;
  }
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

function emptyResultColumns(model: string | null, size: number): ResultColumns {
  return {
    model,
    n: new Int32Array(size),
    verdicts: {
      pass: new Int32Array(size),
      wrongAnswer: new Int32Array(size),
      timeLimit: new Int32Array(size),
      runtimeError: new Int32Array(size),
      compileError: new Int32Array(size),
      other: new Int32Array(size),
    },
    runtimeMeanMs: new Float64Array(size).fill(Number.NaN),
    runtimeCount: new Int32Array(size),
  };
}
