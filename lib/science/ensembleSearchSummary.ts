import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import type { EnsembleSearchResult } from "./ensembleSearch";

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
}

/**
 * A search result stated by α instead of checkpoint index, the form the CLI prints and the page's
 * search worker posts back (the same shape on both sides, so a loaded ensemble matches the CLI's).
 */
export function summarizeEnsembleSearch(
  matrix: SweepMatrix,
  result: EnsembleSearchResult,
  context: { experiment: string; difficulty: DifficultySlice; maxMembers: number },
): EnsembleSearchSummary {
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
      members: ensemble.members.map((member) => ({
        alpha: matrix.checkpoints[member.checkpoint].alpha,
        samples: member.k,
      })),
      passAtK: ensemble.passAtK,
      gain: ensemble.gain,
    })),
  };
}
