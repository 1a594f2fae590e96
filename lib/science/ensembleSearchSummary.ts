import type { EnsembleSearchSummary } from "../api/scalingTypes";
import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import type { EnsembleSearchResult } from "./ensembleSearch";

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
