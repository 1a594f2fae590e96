import { payloadToMatrix } from "../api/payloadMatrix";
import type { EnsembleEvaluation, EnsembleRequest, EnsembleSearchSummary } from "../api/scalingTypes";
import type { Db } from "../db/client";
import { alphaKind } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { bootstrapEnsembleGain } from "../science/bootstrap";
import { ensembleCoverage, SOLVED_THRESHOLD, solvedOnlyBy } from "../science/ensembleCoverage";
import { ensemblePassAtK } from "../science/ensemblePassAtK";
import { searchEnsembles } from "../science/ensembleSearch";
import { summarizeEnsembleSearch } from "../science/ensembleSearchSummary";
import { ENSEMBLE_GAIN_BOOTSTRAP } from "../science/ensembleSelection";
import { computeOffThread } from "./compute/pool";
import { BadRequestError } from "./errors";
import { resolveMembers, sliceProblems } from "./scalingMembers";
import { READS, readStoredResponse } from "./statistics/read";

/** The gain interval's bootstrap, shared with the search's intervals. */
export const ENSEMBLE_BOOTSTRAP = ENSEMBLE_GAIN_BOOTSTRAP;

/**
 * An ensemble under a fixed budget K = Σ samples against the best single checkpoint at the same
 * K: pass@K of both, the gain with its paired bootstrap interval over problems, and how many
 * problems each solves that the other does not. Invalid requests throw a BadRequestError.
 */
export function evaluateEnsemble(
  slug: string,
  matrix: SweepMatrix,
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
    experiment: slug,
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

/** The experiment version's stored matrix (n and pass per problem, JSON text); null without the experiment. */
async function storedMatrix(db: Db, slug: string): Promise<string | null> {
  return (await readStoredResponse(db, slug, READS.matrix))?.body ?? null;
}

/** POST /api/experiments/[slug]/ensembles, computed in a pool thread; null when there is no such experiment. */
export async function evaluateEnsembleOffThread(
  db: Db,
  slug: string,
  request: EnsembleRequest,
): Promise<EnsembleEvaluation | null> {
  const matrix = await storedMatrix(db, slug);
  return matrix === null ? null : computeOffThread<EnsembleEvaluation>({ type: "ensemble", matrix, request });
}

/** `alphascope ensemble`, computed in the CLI's own process; null when there is no such experiment. */
export async function getEnsembleEvaluation(
  db: Db,
  slug: string,
  request: EnsembleRequest,
): Promise<EnsembleEvaluation | null> {
  const matrix = await storedMatrix(db, slug);
  return matrix === null ? null : evaluateEnsemble(slug, payloadToMatrix(JSON.parse(matrix)), request);
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
  const stored = await storedMatrix(db, slug);
  if (stored === null) return null;
  const matrix = payloadToMatrix(JSON.parse(stored));
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
  return summarizeEnsembleSearch(matrix, result, problems, {
    experiment: slug,
    difficulty: request.difficulty,
    maxMembers: request.maxMembers,
  });
}
