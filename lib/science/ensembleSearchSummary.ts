import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { bootstrapEnsembleGain } from "./bootstrap";
import type { EnsembleMember } from "./ensemblePassAtK";
import { type EnsembleSearchResult, searchEnsembles } from "./ensembleSearch";
import { ENSEMBLE_GAIN_BOOTSTRAP, sampleSplitGainCI } from "./ensembleSelection";

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
  /** An interval that accounts for the search having picked the winner; null when the slice is too small. */
  adjustedGainCI: AdjustedGainCI | null;
  bootstrap: { resamples: number; seed: number; level: number };
}

/** The selection-adjusted interval as the page and the CLI print it (see SelectionAdjustedGain). */
export interface AdjustedGainCI {
  method: string;
  explanation: string;
  lower: number;
  upper: number;
  /** The gain of the half-search's pick on the held-out half. */
  gain: number;
  /** What the search picked on the selection half, and the best single there. */
  members: EnsembleMemberInput[];
  bestSingleAlpha: number;
  selectionProblems: number;
  estimationProblems: number;
}

/**
 * A search result stated by α instead of checkpoint index, the form the CLI prints and the page's
 * search worker posts back (the same shape on both sides, so a loaded ensemble matches the CLI's),
 * with the winner's raw gain interval and the selection-adjusted one (a search on half the
 * problems and a bootstrap on the other half: about half the search's cost again).
 */
export function summarizeEnsembleSearch(
  matrix: SweepMatrix,
  result: EnsembleSearchResult,
  problems: ArrayLike<number>,
  context: { experiment: string; difficulty: DifficultySlice; maxMembers: number },
): EnsembleSearchSummary {
  const byAlpha = (members: readonly EnsembleMember[]) =>
    members.map((member) => ({ alpha: matrix.checkpoints[member.checkpoint].alpha, samples: member.k }));
  const [winner] = result.ensembles;
  const raw = winner
    ? bootstrapEnsembleGain(matrix, winner.members, problems, ENSEMBLE_GAIN_BOOTSTRAP)
    : null;
  const adjusted = sampleSplitGainCI({
    matrix,
    problems,
    budget: result.budget,
    maxMembers: context.maxMembers,
    bootstrap: ENSEMBLE_GAIN_BOOTSTRAP,
  });
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
      members: byAlpha(ensemble.members),
      passAtK: ensemble.passAtK,
      gain: ensemble.gain,
    })),
    gainCI: raw ? [raw.lower, raw.upper] : null,
    adjustedGainCI: adjusted && {
      method: adjusted.method,
      explanation: adjusted.explanation,
      lower: adjusted.lower,
      upper: adjusted.upper,
      gain: adjusted.gain,
      members: byAlpha(adjusted.members),
      bestSingleAlpha: matrix.checkpoints[adjusted.baseline].alpha,
      selectionProblems: adjusted.selectionProblems,
      estimationProblems: adjusted.estimationProblems,
    },
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
