import { DIFFICULTIES, type Difficulty } from "../domain/difficulty";
import type { ResultInput } from "../domain/sweepInput";
import { emptyVerdictCounts, VERDICTS, type VerdictCounts } from "../domain/verdicts";
import { meanPassAtK } from "../science/passAtK";
import type { ImportFormat } from "./formats";
import type { ParsedRun } from "./run";

/** Totals of a set of (checkpoint, problem) results. */
export interface ResultTotals {
  /** Result rows (problems evaluated). */
  problems: number;
  samples: number;
  verdicts: VerdictCounts;
  /** Mean unbiased pass@1 over the rows; NaN when there is none. */
  passAt1: number;
}

/** Totals of one checkpoint's rows of one difficulty, with Σ pass@1 (pass/n per row). */
export interface DifficultyTotals {
  difficulty: Difficulty;
  problems: number;
  samples: number;
  verdicts: VerdictCounts;
  passAt1Sum: number;
}

export interface CheckpointPreview extends ResultTotals {
  alpha: number | null;
}

/** What an import would store, for previews, dry runs and the import report. */
export interface RunSummary extends ResultTotals {
  format: ImportFormat;
  file: string;
  /** Distinct problems in the file (the top-level `problems` counts result rows over all checkpoints). */
  distinctProblems: number;
  /** Distinct problems per difficulty. */
  byDifficulty: Record<Difficulty, number>;
  checkpoints: CheckpointPreview[];
  notes: string[];
}

/** Totals over some results; pass@1 via the science core's {@link meanPassAtK}. */
export function totalResults(results: readonly ResultInput[]): ResultTotals {
  const verdicts = emptyVerdictCounts();
  const n = new Int32Array(results.length);
  const passes = new Int32Array(results.length);
  let samples = 0;
  results.forEach((result, i) => {
    n[i] = result.n;
    passes[i] = result.verdicts.pass;
    samples += result.n;
    for (const verdict of VERDICTS) verdicts[verdict] += result.verdicts[verdict];
  });
  return { problems: results.length, samples, verdicts, passAt1: meanPassAtK(n, passes, 1) };
}

/**
 * Summarizes a parsed run. The top-level totals cover every (checkpoint, problem) row; for a
 * single-checkpoint file they are that checkpoint's figures.
 */
export function summarizeRun(run: ParsedRun): RunSummary {
  const byDifficulty = Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as Record<Difficulty, number>;
  for (const problem of run.problems) byDifficulty[problem.difficulty]++;
  return {
    format: run.format,
    file: run.file,
    ...totalResults(run.checkpoints.flatMap((c) => c.results)),
    distinctProblems: run.problems.length,
    byDifficulty,
    checkpoints: run.checkpoints.map((c) => ({ alpha: c.alpha, ...totalResults(c.results) })),
    notes: run.notes,
  };
}
