import type { Difficulty } from "../domain/difficulty";
import type { ProblemInput, ResultInput } from "../domain/sweepInput";
import { type ResultTotals, totalResults } from "../import/summarizeRun";

/** One checkpoint's totals and pass@1, overall and by difficulty. */
export interface ResultsSummary extends ResultTotals {
  byDifficulty: Partial<Record<Difficulty, ResultTotals>>;
}

/**
 * Summarizes one checkpoint's results. `problems` gives each problem's difficulty (a result whose
 * problem is not listed counts as unknown).
 */
export function summarizeResults(
  results: readonly ResultInput[],
  problems: readonly ProblemInput[],
): ResultsSummary {
  const difficultyOf = new Map(problems.map((problem) => [problem.externalId, problem.difficulty]));
  const groups = new Map<Difficulty, ResultInput[]>();
  for (const result of results) {
    const difficulty = difficultyOf.get(result.problemExternalId) ?? "unknown";
    const group = groups.get(difficulty);
    if (group) group.push(result);
    else groups.set(difficulty, [result]);
  }
  const byDifficulty: ResultsSummary["byDifficulty"] = {};
  for (const [difficulty, rows] of groups) byDifficulty[difficulty] = totalResults(rows);
  return { ...totalResults(results), byDifficulty };
}
