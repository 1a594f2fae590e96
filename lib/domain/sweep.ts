import type { ClusterBy } from "./clusterBy";
import type { Difficulty } from "./difficulty";
import type { Verdict } from "./verdicts";

/**
 * One checkpoint's results over the problems of a sweep, column-wise: entry i of each array
 * belongs to problem i of {@link SweepMatrix.problems}. A problem the checkpoint was not evaluated
 * on has n = 0 and is left out of every statistic of that checkpoint.
 */
export interface CheckpointColumns {
  alpha: number;
  label: string | null;
  /** The merged model's name or path when known. */
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
  return {
    alpha: checkpoint.alpha,
    label: checkpoint.label,
    model: checkpoint.model,
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
