import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { bootstrapEnsembleGain } from "./bootstrap";
import type { EnsembleMember } from "./ensemblePassAtK";
import { type EnsembleSearchResult, searchEnsembles } from "./ensembleSearch";
import { ENSEMBLE_GAIN_BOOTSTRAP, selectionAdjustedGain } from "./ensembleSelection";

/**
 * One ensemble member named by α, the way a user writes it (and the CLI and the API take it): an
 * evaluated checkpoint and how many of the budget's samples it gets.
 */
export interface EnsembleMemberInput {
  alpha: number;
  samples: number;
}

/** One ensemble of a search result, members named by α. */
export interface RankedEnsembleSummary {
  members: EnsembleMemberInput[];
  passAtK: number;
  gain: number | null;
}

/** The answer of `alphascope ensemble --search --json` and of the page's search worker. */
export interface EnsembleSearchSummary {
  experiment: string;
  difficulty: DifficultySlice;
  budget: number;
  maxMembers: number;
  method: "exact" | "greedy";
  approximation: string;
  evaluated: number;
  bestSingle: { alpha: number; passAtK: number } | null;
  ensembles: RankedEnsembleSummary[];
  /**
   * The winner's paired-bootstrap interval of its gain over the best single, as if it had not been
   * picked (the search reuses the problems that chose it, so it is optimistic); null without a gain.
   */
  gainCI: [number, number] | null;
  /**
   * The winner's interval that accounts for the search having picked it (the headline); null
   * without a winner or a best single, or with fewer than two problems.
   */
  adjustedGainCI: AdjustedGainCI | null;
  bootstrap: { resamples: number; seed: number; level: number };
}

/** The selection-adjusted interval as the page, the builder and the CLI print it (see SelectionAdjustedGain). */
export interface AdjustedGainCI {
  method: string;
  explanation: string;
  lower: number;
  upper: number;
  /** The shown set's gain over the best single on all the problems. */
  gain: number;
  /** False when the shown set is a single checkpoint: no ensemble, no gain interval to show. */
  pickedEnsemble: boolean;
  /** The shown set, and the best single it is compared with. */
  members: EnsembleMemberInput[];
  bestSingleAlpha: number;
  /** The (set, single checkpoint) comparisons the interval is simultaneous over, and its critical value. */
  comparisons: number;
  criticalValue: number;
  problems: number;
}

/**
 * The selection-adjusted gain interval of `members` picked by a search of up to `maxMembers`, by α:
 * what the search summary reports for its winner and what the scaling page's builder shows for a
 * loaded search result. Null when {@link selectionAdjustedGain} is.
 */
export function adjustedGainSummary(
  matrix: SweepMatrix,
  members: readonly EnsembleMember[],
  problems: ArrayLike<number>,
  maxMembers: number,
): AdjustedGainCI | null {
  const adjusted = selectionAdjustedGain({ matrix, members, problems, maxMembers });
  if (!adjusted) return null;
  const { baseline, members: shown, ...rest } = adjusted;
  return {
    ...rest,
    members: membersByAlpha(matrix, shown),
    bestSingleAlpha: matrix.checkpoints[baseline].alpha,
  };
}

function membersByAlpha(matrix: SweepMatrix, members: readonly EnsembleMember[]): EnsembleMemberInput[] {
  return members.map((member) => ({ alpha: matrix.checkpoints[member.checkpoint].alpha, samples: member.k }));
}

/**
 * A search result stated by α instead of checkpoint index, the form the CLI prints and the page's
 * search worker posts back (the same shape on both sides, so a loaded ensemble matches the CLI's),
 * with the winner's raw gain interval and the selection-adjusted one (simultaneous over every set
 * the search could pick: one pass over the problems per single checkpoint).
 */
export function summarizeEnsembleSearch(
  matrix: SweepMatrix,
  result: EnsembleSearchResult,
  problems: ArrayLike<number>,
  context: { experiment: string; difficulty: DifficultySlice; maxMembers: number },
): EnsembleSearchSummary {
  const [winner] = result.ensembles;
  const raw = winner
    ? bootstrapEnsembleGain(matrix, winner.members, problems, ENSEMBLE_GAIN_BOOTSTRAP)
    : null;
  return {
    ...context,
    budget: result.budget,
    method: result.method,
    approximation: result.approximation,
    evaluated: result.evaluated,
    bestSingle: result.bestSingle
      ? { alpha: result.bestSingle.alpha, passAtK: result.bestSingle.passAtK }
      : null,
    ensembles: result.ensembles.map((ensemble) => ({
      members: membersByAlpha(matrix, ensemble.members),
      passAtK: ensemble.passAtK,
      gain: ensemble.gain,
    })),
    gainCI: raw ? [raw.lower, raw.upper] : null,
    adjustedGainCI: winner ? adjustedGainSummary(matrix, winner.members, problems, context.maxMembers) : null,
    bootstrap: { ...ENSEMBLE_GAIN_BOOTSTRAP },
  };
}

/**
 * What one ensemble search is asked: the budget K split equally, the largest ensemble, the slice and
 * how many ensembles to list. The API's search body parses to exactly this (lib/contracts/scalingSchemas.ts).
 */
export interface EnsembleSearchSettings {
  budget: number;
  maxMembers: number;
  difficulty: DifficultySlice;
  top: number;
}

/**
 * The search and its summary in one step: what the API's search route, `alphascope ensemble
 * --search` and the scaling page's worker run, so the three give the same document for the same
 * input. Throws the search's RangeError for settings it cannot run.
 */
export function runEnsembleSearch(
  matrix: SweepMatrix,
  problems: ArrayLike<number>,
  experiment: string,
  settings: EnsembleSearchSettings,
  onProgress?: (done: number, total: number) => void,
): EnsembleSearchSummary {
  const { budget, maxMembers, difficulty, top } = settings;
  const result = searchEnsembles({ matrix, problems, budget, maxMembers, top, onProgress });
  return summarizeEnsembleSearch(matrix, result, problems, { experiment, difficulty, maxMembers });
}
