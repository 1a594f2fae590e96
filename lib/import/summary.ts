import { DIFFICULTIES, type Difficulty } from "../domain/difficulty";
import type { ResultInput } from "../domain/sweepInput";
import { emptyVerdictCounts, VERDICTS, type VerdictCounts } from "../domain/verdicts";
import type { DifficultyTotals, ResultTotals } from "../formats/summarizeRun";

/** One checkpoint's totals and pass@1, overall and by difficulty. */
export interface ResultsSummary extends ResultTotals {
  byDifficulty: Partial<Record<Difficulty, ResultTotals>>;
}

function totals(
  problems: number,
  samples: number,
  verdicts: VerdictCounts,
  passAt1Sum: number,
): ResultTotals {
  return { problems, samples, verdicts, passAt1: problems === 0 ? Number.NaN : passAt1Sum / problems };
}

/**
 * A checkpoint's summary from its totals per difficulty (at most one entry per difficulty):
 * pass@1 is the mean over rows, overall and per difficulty; NaN when there is no row.
 * Difficulties are listed in their usual order.
 */
export function summarizeByDifficulty(groups: readonly DifficultyTotals[]): ResultsSummary {
  const verdicts = emptyVerdictCounts();
  let problems = 0;
  let samples = 0;
  let passAt1Sum = 0;
  const byDifficulty: ResultsSummary["byDifficulty"] = {};
  for (const difficulty of DIFFICULTIES) {
    const group = groups.find((candidate) => candidate.difficulty === difficulty);
    if (!group) continue;
    byDifficulty[difficulty] = totals(group.problems, group.samples, { ...group.verdicts }, group.passAt1Sum);
    problems += group.problems;
    samples += group.samples;
    passAt1Sum += group.passAt1Sum;
    for (const verdict of VERDICTS) verdicts[verdict] += group.verdicts[verdict];
  }
  return { ...totals(problems, samples, verdicts, passAt1Sum), byDifficulty };
}

function emptyTotals(difficulty: Difficulty): DifficultyTotals {
  return { difficulty, problems: 0, samples: 0, verdicts: emptyVerdictCounts(), passAt1Sum: 0 };
}

/**
 * Totals per checkpoint (an ordinal) and difficulty, added up row by row as a file is read, in
 * O(checkpoints) memory. A row counts under the difficulty its problem has when the row is read.
 */
export class SummaryAccumulator {
  private readonly groups: Partial<Record<Difficulty, DifficultyTotals>>[] = [];

  add(checkpoint: number, difficulty: Difficulty, result: ResultInput): void {
    this.groups[checkpoint] ??= {};
    const byDifficulty = this.groups[checkpoint];
    byDifficulty[difficulty] ??= emptyTotals(difficulty);
    const group = byDifficulty[difficulty];
    const { verdicts } = group;
    const counts = result.verdicts;
    group.problems++;
    group.samples += result.n;
    verdicts.pass += counts.pass;
    verdicts.wrongAnswer += counts.wrongAnswer;
    verdicts.timeLimit += counts.timeLimit;
    verdicts.runtimeError += counts.runtimeError;
    verdicts.compileError += counts.compileError;
    verdicts.other += counts.other;
    group.passAt1Sum += counts.pass / result.n;
  }

  /** The summary of one checkpoint (empty when no row was added for it). */
  summary(checkpoint: number): ResultsSummary {
    return summarizeByDifficulty(Object.values(this.groups[checkpoint] ?? {}));
  }
}
