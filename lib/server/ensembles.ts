import type { EnsembleEvaluation, EnsembleRequest, EnsembleSearchSummary } from "../contracts/scalingTypes";
import type { Db } from "../db/client";
import { alphaKind } from "../domain/alpha";
import type { SweepMatrix } from "../domain/sweep";
import { payloadToMatrix } from "../responses/payloadMatrix";
import { bootstrapEnsembleGain } from "../science/bootstrap";
import { ensembleCoverage, SOLVED_THRESHOLD, solvedOnlyBy } from "../science/ensembleCoverage";
import { ensemblePassAtK } from "../science/ensemblePassAtK";
import { type EnsembleSearchSettings, runEnsembleSearch } from "../science/ensembleSearchSummary";
import { ENSEMBLE_GAIN_BOOTSTRAP } from "../science/ensembleSelection";
import { computeOffThread } from "./compute/pool";
import type { ComputeTask } from "./compute/task";
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

/** A computation on the stored matrix in a pool thread (a web request); null without the experiment. */
async function offThread<T>(db: Db, slug: string, task: (matrix: string) => ComputeTask): Promise<T | null> {
  const matrix = await storedMatrix(db, slug);
  return matrix === null ? null : computeOffThread<T>(task(matrix));
}

/** A computation on the stored matrix in this process (the CLI); null without the experiment. */
async function inProcess<T>(db: Db, slug: string, compute: (matrix: SweepMatrix) => T): Promise<T | null> {
  const matrix = await storedMatrix(db, slug);
  return matrix === null ? null : compute(payloadToMatrix(JSON.parse(matrix)));
}

/** POST /api/experiments/[slug]/ensembles, computed in a pool thread; null when there is no such experiment. */
export function evaluateEnsembleOffThread(
  db: Db,
  slug: string,
  request: EnsembleRequest,
): Promise<EnsembleEvaluation | null> {
  return offThread(db, slug, (matrix) => ({ type: "ensemble", matrix, request }));
}

/** `alphascope ensemble`, computed in the CLI's own process; null when there is no such experiment. */
export function getEnsembleEvaluation(
  db: Db,
  slug: string,
  request: EnsembleRequest,
): Promise<EnsembleEvaluation | null> {
  return inProcess(db, slug, (matrix) => evaluateEnsemble(slug, matrix, request));
}

/**
 * The ensemble search on a matrix, as the API and the CLI run it (the page's worker runs the same
 * runEnsembleSearch). A 400 for a slice without problems, settings the search refuses, or a budget
 * no ensemble can meet.
 */
export function searchEnsemblesOf(
  slug: string,
  matrix: SweepMatrix,
  settings: EnsembleSearchSettings,
): EnsembleSearchSummary {
  const problems = sliceProblems(matrix, settings.difficulty);
  let summary: EnsembleSearchSummary;
  try {
    summary = runEnsembleSearch(matrix, problems, slug, settings);
  } catch (error) {
    if (error instanceof RangeError) throw new BadRequestError(error.message);
    throw error;
  }
  if (summary.ensembles.length === 0) {
    throw new BadRequestError(
      `No ensemble of up to ${settings.maxMembers} checkpoints fits the budget K = ${settings.budget}: every ` +
        "split asks some member for more samples than it has on a problem of the slice; lower the budget.",
    );
  }
  return summary;
}

/** POST /api/experiments/[slug]/ensembles/search, computed in a pool thread; null without the experiment. */
export function searchEnsemblesOffThread(
  db: Db,
  slug: string,
  settings: EnsembleSearchSettings,
): Promise<EnsembleSearchSummary | null> {
  return offThread(db, slug, (matrix) => ({ type: "ensemble-search", matrix, settings }));
}

/** `alphascope ensemble --search`, computed in the CLI's own process; null without the experiment. */
export function getEnsembleSearch(
  db: Db,
  slug: string,
  settings: EnsembleSearchSettings,
): Promise<EnsembleSearchSummary | null> {
  return inProcess(db, slug, (matrix) => searchEnsemblesOf(slug, matrix, settings));
}
