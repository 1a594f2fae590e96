import type { SweepMatrix } from "../domain/sweep";
import { type BootstrapOptions, bootstrapCI, clustersOf, type Estimate } from "./bootstrap";
import { splitBudgetByWeights } from "./budget";
import { type EnsembleMember, ensembleProblemPassProbabilities } from "./ensemblePassAtK";
import { meanPassAtK } from "./passAtK";
import { drawProblemResamples, type ProblemResamples, passAtKBands } from "./passAtKBands";

/** pass@k at one k, with its bootstrap band over problems when one was asked for. */
export interface CurvePoint {
  k: number;
  passAtK: number;
  lower?: number;
  upper?: number;
}

function point(k: number, estimate: Estimate | number): CurvePoint {
  if (typeof estimate === "number") return { k, passAtK: estimate };
  return { k, passAtK: estimate.value, lower: estimate.lower, upper: estimate.upper };
}

/**
 * Mean pass@k of one checkpoint over `problems` at each k of `ks` (all ≤ the checkpoint's smallest
 * n there). With `bootstrap`, every k gets a percentile band from the same seeded resamples of
 * problems (bootstrapCI with one seed draws the same problem sets each call), so the band is one
 * coherent curve rather than independent intervals; by cluster when the matrix says so. `draws`:
 * those resamples drawn once for every checkpoint's curve (drawProblemResamples, with the matrix's
 * clusters), the same bands at a fraction of the cost.
 */
export function checkpointPassAtKCurve(
  matrix: SweepMatrix,
  checkpoint: number,
  ks: readonly number[],
  problems: ArrayLike<number>,
  bootstrap?: Partial<BootstrapOptions>,
  draws?: ProblemResamples,
): CurvePoint[] {
  const cp = matrix.checkpoints[checkpoint];
  if (!cp) throw new RangeError(`no checkpoint with index ${checkpoint}`);
  const pass = cp.verdicts.pass;
  const clusters = clustersOf(matrix, problems);
  const resamples =
    draws ?? (bootstrap ? drawProblemResamples(problems.length, bootstrap, clusters) : undefined);
  const bands = bootstrap ? passAtKBands(cp.n, pass, ks, problems, bootstrap, resamples) : null;
  if (bands) return ks.map((k, j) => point(k, bands[j]));
  return ks.map((k) =>
    point(
      k,
      bootstrap
        ? bootstrapCI((sample) => meanPassAtK(cp.n, pass, k, sample), problems, bootstrap, clusters)
        : meanPassAtK(cp.n, pass, k, problems),
    ),
  );
}

/**
 * Ensemble pass@k as the total budget k grows with the members' proportions kept: at each k of
 * `ks` the budget is split by `weights` (largest remainder, see splitBudgetByWeights) and the
 * ensemble's mean pass probability taken over `problems`. Callers keep every k small enough that
 * each member's share stays ≤ its n (a RangeError otherwise). Bands as in checkpointPassAtKCurve.
 */
export function ensemblePassAtKCurve(
  matrix: SweepMatrix,
  members: readonly { checkpoint: number; weight: number }[],
  ks: readonly number[],
  problems: ArrayLike<number>,
  bootstrap?: Partial<BootstrapOptions>,
): CurvePoint[] {
  const weights = members.map((member) => member.weight);
  // Per-problem probabilities indexed by problem index, so a resample (indices with repeats) can read them.
  const byProblem = new Float64Array(matrix.problems.length);
  return ks.map((k) => {
    const split = splitBudgetByWeights(k, weights);
    const ensemble: EnsembleMember[] = members.map((member, i) => ({
      checkpoint: member.checkpoint,
      k: split[i],
    }));
    const probabilities = ensembleProblemPassProbabilities(matrix, ensemble, problems);
    const mean = (sample: ArrayLike<number>) => {
      let sum = 0;
      for (let i = 0; i < sample.length; i++) sum += byProblem[sample[i]];
      return sum / sample.length;
    };
    for (let i = 0; i < problems.length; i++) byProblem[problems[i]] = probabilities[i];
    return point(k, bootstrap ? bootstrapCI(mean, problems, bootstrap) : mean(problems));
  });
}
