import type { SweepMatrix } from "../domain/sweep";
import { clustersOf, DEFAULT_BOOTSTRAP, type ProblemClusters } from "./bootstrap";
import {
  bestSingle,
  type EnsembleMember,
  ensembleProblemPassProbabilities,
  noPassColumn,
  smallestSampleCount,
} from "./ensemblePassAtK";
import { searchFamilySize } from "./ensembleSearch";
import { normalQuantile } from "./normalQuantile";

/** The gain intervals' bootstrap: fixed, so the page, the API and the CLI print the same interval. */
export const ENSEMBLE_GAIN_BOOTSTRAP = { ...DEFAULT_BOOTSTRAP, resamples: 1000 } as const;

/** How {@link selectionAdjustedGain} adjusts for the selection, as the API and the page name it. */
export const SIMULTANEOUS_METHOD = "simultaneous-bonferroni";

/**
 * A searched ensemble's gain over the best single checkpoint with an interval that holds whichever
 * set the search picked: it is one of a family of simultaneous intervals — every set the search could
 * pick against every single checkpoint that could be the baseline — at a Bonferroni-adjusted level,
 * so with probability ≥ the level (asymptotically) every one of them covers at once, the shown one
 * included. The target is the shown ensemble's true pass@K minus the truly best single's.
 */
export interface SelectionAdjustedGain {
  method: typeof SIMULTANEOUS_METHOD;
  /** One line for the page and the CLI. */
  explanation: string;
  /** The ensemble's gain over the best single on all the problems (the search's own figure). */
  gain: number;
  lower: number;
  upper: number;
  /**
   * Whether the shown set is an ensemble (two or more members). A single checkpoint has no ensemble
   * gain to show: its gain is 0 by construction, so the page and the CLI say so in words.
   */
  pickedEnsemble: boolean;
  members: EnsembleMember[];
  /** The best single checkpoint on the problems (the point estimate's baseline). */
  baseline: number;
  /** How many (set, single checkpoint) comparisons the interval is simultaneous over. */
  comparisons: number;
  /** The normal critical value used instead of 1.96: Φ⁻¹(1 − (1 − level) / (2 · comparisons)). */
  criticalValue: number;
  problems: number;
}

export interface SelectionAdjustedOptions {
  matrix: SweepMatrix;
  /** The shown set: the search's winner (or any set it ranked: the family covers them all). */
  members: readonly EnsembleMember[];
  problems: ArrayLike<number>;
  /** The search's largest ensemble: sets the search could pick have up to this many members. */
  maxMembers: number;
  level?: number;
}

/**
 * Mean and standard error of the mean of per-problem differences a − b. With `clusters` (positions),
 * the cluster-robust standard error (Liang & Zeger 1986, as Miller 2024 §2.2 uses it for evals):
 * √(G/(G − 1) · Σ_g (Σ_{i∈g} (d_i − mean))²) / n over G clusters, which is the usual one when every
 * cluster is one problem.
 */
function pairedMean(
  a: Float64Array,
  b: Float64Array,
  clusters: ProblemClusters | null,
): { mean: number; standardError: number } {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] - b[i];
  const mean = sum / a.length;
  if (clusters !== null) {
    let clusterSquares = 0;
    for (const cluster of clusters) {
      let deviation = 0;
      for (const i of cluster) deviation += a[i] - b[i] - mean;
      clusterSquares += deviation * deviation;
    }
    const g = clusters.length;
    return { mean, standardError: Math.sqrt((g / (g - 1)) * clusterSquares) / a.length };
  }
  let squares = 0;
  for (let i = 0; i < a.length; i++) squares += (a[i] - b[i] - mean) ** 2;
  return { mean, standardError: Math.sqrt(squares / (a.length - 1) / a.length) };
}

/**
 * The selection-adjusted gain interval of a searched ensemble (see {@link SelectionAdjustedGain}):
 * lower = min over single checkpoints j of (gain over j − z·SE), upper = gain over the best single
 * + z·SE, z the Bonferroni critical value for (sets the search could pick) × (single checkpoints
 * with n ≥ K) comparisons, each SE the paired standard error over problems. Null with fewer than
 * two problems or no single checkpoint with n ≥ K on every problem.
 * Cost: one pass over the problems per single checkpoint, far below the search itself.
 */
export function selectionAdjustedGain(options: SelectionAdjustedOptions): SelectionAdjustedGain | null {
  const { matrix, members, problems, maxMembers, level = ENSEMBLE_GAIN_BOOTSTRAP.level } = options;
  const budget = members.reduce((sum, member) => sum + member.k, 0);
  const best = bestSingle(matrix, budget, problems);
  if (problems.length < 2 || !best) return null;
  const singles = matrix.checkpoints.flatMap((cp, index) =>
    smallestSampleCount(cp.n, problems) >= budget ? [index] : [],
  );
  const sets = searchFamilySize(matrix.checkpoints.length, maxMembers, budget);
  const comparisons = sets * singles.length;
  const criticalValue = -normalQuantile((1 - level) / (2 * comparisons));
  const ensemble = ensembleProblemPassProbabilities(matrix, members, problems);
  const clusters = clustersOf(matrix, problems);
  let lower = Number.POSITIVE_INFINITY;
  let upper = Number.NaN;
  let gain = Number.NaN;
  for (const single of singles) {
    const pass = noPassColumn(matrix, single, budget, problems).map((noPass) => 1 - noPass);
    const { mean, standardError } = pairedMean(ensemble, pass, clusters);
    lower = Math.min(lower, mean - criticalValue * standardError);
    if (single === best.checkpoint) {
      gain = mean;
      upper = mean + criticalValue * standardError;
    }
  }
  const pickedEnsemble = members.length > 1;
  const family =
    `every set of up to ${Math.min(maxMembers, budget, matrix.checkpoints.length)} of the ` +
    `${matrix.checkpoints.length} checkpoints the search could pick (${sets}) against each of the ` +
    `${singles.length} single checkpoints with n ≥ ${budget}`;
  return {
    method: SIMULTANEOUS_METHOD,
    explanation: pickedEnsemble
      ? `Simultaneous over ${family}: ${comparisons} paired comparisons, so each uses z = ` +
        `${criticalValue.toFixed(2)} instead of ${(-normalQuantile((1 - level) / 2)).toFixed(2)} ` +
        "(Bonferroni) and the interval holds for whichever ensemble the search shows."
      : "This set is a single checkpoint, not an ensemble: there is no ensemble gain to give an interval for " +
        "(as the search's winner, it means no ensemble beat the best single checkpoint).",
    pickedEnsemble,
    gain,
    lower,
    upper,
    members: [...members],
    baseline: best.checkpoint,
    comparisons,
    criticalValue,
    problems: problems.length,
  };
}
