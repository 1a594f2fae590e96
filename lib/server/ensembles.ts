import type { EnsembleEvaluation, EnsembleRequest, EnsembleSearchSummary } from "../api/scalingTypes";
import type { Db } from "../db/client";
import { alphaKind } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import { bootstrapEnsembleGain, DEFAULT_BOOTSTRAP } from "../science/bootstrap";
import { ensembleCoverage, SOLVED_THRESHOLD, solvedOnlyBy } from "../science/ensembleCoverage";
import { ensemblePassAtK } from "../science/ensemblePassAtK";
import { searchEnsembles } from "../science/ensembleSearch";
import { summarizeEnsembleSearch } from "../science/ensembleSearchSummary";
import { BadRequestError } from "./errors";
import { resolveMembers, sliceProblems } from "./scalingMembers";
import { getSweep, type LoadedSweep } from "./sweepCache";

/** The gain interval's bootstrap: fixed, so the page, the API and the CLI print the same interval. */
export const ENSEMBLE_BOOTSTRAP = { ...DEFAULT_BOOTSTRAP, resamples: 1000 } as const;

/**
 * An ensemble under a fixed budget K = Σ samples against the best single checkpoint at the same
 * K: pass@K of both, the gain with its paired bootstrap interval over problems, and how many
 * problems each solves that the other does not. Invalid requests throw a BadRequestError.
 */
export function evaluateEnsemble(
  { header, matrix }: LoadedSweep,
  request: EnsembleRequest,
): EnsembleEvaluation {
  const difficulty = request.difficulty ?? "all";
  const problems = sliceProblems(matrix, difficulty);
  const members = resolveMembers(matrix, request.members, problems, difficulty);
  const budget = members.reduce((sum, member) => sum + member.k, 0);
  if (request.budget !== undefined && request.budget !== budget) {
    throw new BadRequestError(
      `The members' samples add up to ${budget}, not to the budget ${request.budget}; make them sum to K.`,
    );
  }
  const gain = bootstrapEnsembleGain(matrix, members, problems, ENSEMBLE_BOOTSTRAP);
  if (!gain) {
    throw new BadRequestError(
      `No single checkpoint has n ≥ K = ${budget} samples on every problem of the slice, so there is no ` +
        "best single to compare with; lower the budget.",
    );
  }
  const coverage = ensembleCoverage(matrix, members, gain.baseline.checkpoint, problems);
  const { onlyA, onlyB } = solvedOnlyBy(coverage.ensemble, coverage.single);
  return {
    experiment: header.slug,
    difficulty,
    problems: problems.length,
    budget,
    members: members.map((member) => {
      const alpha = matrix.checkpoints[member.checkpoint].alpha;
      return {
        alpha,
        samples: member.k,
        kind: alphaKind(alpha),
        passAtK: ensemblePassAtK(matrix, [member], problems),
      };
    }),
    passAtK: ensemblePassAtK(matrix, members, problems),
    bestSingle: { alpha: gain.baseline.alpha, passAtK: gain.baseline.passAtK },
    gain: gain.value,
    gainCI: [gain.lower, gain.upper],
    bootstrap: { ...ENSEMBLE_BOOTSTRAP },
    solvedThreshold: SOLVED_THRESHOLD,
    solvedOnlyByEnsemble: onlyA,
    solvedOnlyByBestSingle: onlyB,
  };
}

/** POST /api/experiments/[slug]/ensembles and `alphascope ensemble`; null when there is no such experiment. */
export async function getEnsembleEvaluation(
  db: Db,
  slug: string,
  request: EnsembleRequest,
): Promise<EnsembleEvaluation | null> {
  const loaded = await getSweep(db, slug);
  return loaded ? evaluateEnsemble(loaded.sweep, request) : null;
}

export interface EnsembleSearchRequest {
  budget: number;
  maxMembers: number;
  difficulty: DifficultySlice;
  top: number;
}

/** `alphascope ensemble --search`: the best equal-split ensembles of up to maxMembers checkpoints. */
export async function getEnsembleSearch(
  db: Db,
  slug: string,
  request: EnsembleSearchRequest,
): Promise<EnsembleSearchSummary | null> {
  const loaded = await getSweep(db, slug);
  if (!loaded) return null;
  const { matrix } = loaded.sweep;
  const problems = sliceProblems(matrix, request.difficulty);
  let result: ReturnType<typeof searchEnsembles>;
  try {
    result = searchEnsembles({
      matrix,
      problems,
      budget: request.budget,
      maxMembers: request.maxMembers,
      top: request.top,
    });
  } catch (error) {
    if (error instanceof RangeError) throw new BadRequestError(error.message);
    throw error;
  }
  return summarizeEnsembleSearch(matrix, result, {
    experiment: slug,
    difficulty: request.difficulty,
    maxMembers: request.maxMembers,
  });
}
