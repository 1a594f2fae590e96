import type { SweepMatrix } from "../domain/sweep";
import {
  type BootstrapOptions,
  bootstrapGainOver,
  DEFAULT_BOOTSTRAP,
  resolveBootstrapOptions,
} from "./bootstrap";
import { bestSingle, type EnsembleMember, smallestSampleCount } from "./ensemblePassAtK";
import { searchEnsembles } from "./ensembleSearch";
import { createRng, randomIndex } from "./random";

/** The gain intervals' bootstrap: fixed, so the page, the API and the CLI print the same interval. */
export const ENSEMBLE_GAIN_BOOTSTRAP = { ...DEFAULT_BOOTSTRAP, resamples: 1000 } as const;

/** How {@link sampleSplitGainCI} adjusts for the selection, as the API and the page name it. */
export const SAMPLE_SPLIT_METHOD = "sample-split";

/**
 * A searched ensemble's gain with an interval that accounts for the search having picked it: the
 * search is rerun on a random half of the problems (the selection half) and the gain of what it
 * picks there, over the best single checkpoint picked there, is estimated with a paired bootstrap
 * on the other half only. The estimation half played no part in the choice, so the interval has
 * its nominal coverage for the picked ensemble's gain, at the price of half the problems.
 */
export interface SelectionAdjustedGain {
  method: typeof SAMPLE_SPLIT_METHOD;
  /** One line for the page and the CLI. */
  explanation: string;
  /** Gain on the estimation half and its bootstrap interval. */
  gain: number;
  lower: number;
  upper: number;
  /**
   * Whether the selection half's search picked an ensemble (two or more members). When it picked a
   * single checkpoint — the best single itself — there is no ensemble gain to estimate: the gain is
   * 0 by construction and its "interval" [0, 0] says nothing, so the page and the CLI say so in words.
   */
  pickedEnsemble: boolean;
  /** What the search picked on the selection half (it may differ from the full search's winner). */
  members: EnsembleMember[];
  baseline: number;
  selectionProblems: number;
  estimationProblems: number;
}

export interface SampleSplitOptions {
  matrix: SweepMatrix;
  problems: ArrayLike<number>;
  budget: number;
  maxMembers: number;
  /** Seeds both the split and the bootstrap, so the same data always gives the same interval. */
  bootstrap?: Partial<BootstrapOptions>;
}

/** The problems in a seeded random order, split into two halves (the first gets the odd one). */
function splitHalves(problems: ArrayLike<number>, seed: number): [Int32Array, Int32Array] {
  const shuffled = Int32Array.from(problems);
  const rng = createRng(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const middle = Math.ceil(shuffled.length / 2);
  return [shuffled.slice(0, middle).sort(), shuffled.slice(middle).sort()];
}

/**
 * The selection-adjusted gain interval of the ensemble search (see {@link SelectionAdjustedGain}).
 * Null when the slice has fewer than 2 problems, or too few samples on the estimation half (a
 * single checkpoint or a picked member with n < its k there).
 * Cost: one search on half the problems plus one paired bootstrap, about half of the search itself.
 */
export function sampleSplitGainCI(options: SampleSplitOptions): SelectionAdjustedGain | null {
  const { matrix, problems, budget, maxMembers } = options;
  const bootstrap = resolveBootstrapOptions(options.bootstrap ?? {});
  if (problems.length < 2) return null;
  const [selection, estimation] = splitHalves(problems, bootstrap.seed);
  const single = bestSingle(matrix, budget, selection);
  if (!single || !bestSingle(matrix, budget, estimation)) return null;
  const [winner] = searchEnsembles({ matrix, problems: selection, budget, maxMembers, top: 1 }).ensembles;
  const measurable = winner.members.every(
    ({ checkpoint, k }) => smallestSampleCount(matrix.checkpoints[checkpoint].n, estimation) >= k,
  );
  if (!measurable) return null;
  const pickedEnsemble = winner.members.length > 1;
  const { value, lower, upper } = bootstrapGainOver(
    matrix,
    winner.members,
    single.checkpoint,
    estimation,
    bootstrap,
  );
  return {
    method: SAMPLE_SPLIT_METHOD,
    explanation: pickedEnsemble
      ? `Sample split: the search was rerun on a random half of the problems (${selection.length}) and the ` +
        `gain of its pick over that half's best single was bootstrapped on the other ${estimation.length}, ` +
        "which played no part in the choice."
      : `Sample split: rerun on a random half of the problems (${selection.length}), the search picked a ` +
        "single checkpoint, not an ensemble — on that half no ensemble beat the best single checkpoint, so " +
        "the split finds no ensemble gain to estimate.",
    pickedEnsemble,
    gain: value,
    lower,
    upper,
    members: winner.members,
    baseline: single.checkpoint,
    selectionProblems: selection.length,
    estimationProblems: estimation.length,
  };
}
