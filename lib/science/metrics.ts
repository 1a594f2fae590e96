import { type AlphaKind, alphaKind } from "../domain/alpha";
import { DIFFICULTIES } from "../domain/difficulty";
import type { ResultColumns, SweepMatrix } from "../domain/sweep";
import { emptyVerdictCounts, VERDICTS, type Verdict, type VerdictCounts } from "../domain/verdicts";
import { availableKs, STANDARD_KS, sumPassAtK } from "./passAtK";

/** Scores of one checkpoint on one set of problems (all, or one difficulty). */
export interface SliceSummary {
  /** Problems with at least one sample. */
  problems: number;
  samples: number;
  verdicts: VerdictCounts;
  /** Share of samples per verdict (0–1). */
  shares: Record<Verdict, number>;
  /** Mean pass@1 over problems. */
  solveRate: number;
  /** 1 − wrong-answer share. */
  correctness: number;
  /** 1 − time-limit share. */
  efficiency: number;
  /** Mean runtime of passing samples in ms, null when no runtime is known. */
  meanPassRuntimeMs: number | null;
  /** pass@k keyed by k (as a string), for the standard k ≤ the smallest n. */
  passAtK: Record<string, number>;
}

/** One checkpoint's scores over all problems, and per difficulty where it has problems of it. */
export interface CheckpointSummary extends SliceSummary {
  alpha: number;
  kind: AlphaKind;
  label: string | null;
  model: string | null;
  byDifficulty: { easy?: SliceSummary; medium?: SliceSummary; hard?: SliceSummary };
}

/** A trained checkpoint's scores (beside the α line): label and coverage instead of α. */
export interface TrainedSummary extends SliceSummary {
  label: string;
  coverage: number | null;
  model: string | null;
  byDifficulty: CheckpointSummary["byDifficulty"];
}

/**
 * Sums over a set of problems from which a {@link SliceSummary} follows. Kept separate so that a
 * bootstrap resample (problems weighted by how often they were drawn) summarizes the same way.
 */
export interface SliceTotals {
  problems: number;
  verdicts: VerdictCounts;
  /** Σ c/n over problems. */
  solveRateSum: number;
  /** Σ runtimeMean × runtimeCount over problems with known runtimes. */
  runtimeSumMs: number;
  runtimeCount: number;
  /** The k with pass@k defined, and Σ pass@k over problems for each (same order). */
  ks: readonly number[];
  passAtKSums: readonly number[];
}

/** Turns sums into shares and means; an empty set gives NaN rates. */
export function summarizeTotals(totals: SliceTotals): SliceSummary {
  let samples = 0;
  for (const v of VERDICTS) samples += totals.verdicts[v];
  const shares = emptyVerdictCounts();
  for (const v of VERDICTS) shares[v] = totals.verdicts[v] / samples;
  const passAtK: Record<string, number> = {};
  totals.ks.forEach((k, j) => {
    passAtK[String(k)] = totals.passAtKSums[j] / totals.problems;
  });
  return {
    problems: totals.problems,
    samples,
    verdicts: { ...totals.verdicts },
    shares,
    solveRate: totals.solveRateSum / totals.problems,
    correctness: 1 - shares.wrongAnswer,
    efficiency: 1 - shares.timeLimit,
    meanPassRuntimeMs: totals.runtimeCount > 0 ? totals.runtimeSumMs / totals.runtimeCount : null,
    passAtK,
  };
}

/**
 * The sums of one checkpoint over `problems` (see {@link sliceSummary}), with pass@k for the
 * standard k ≤ the smallest n among the problems with n > 0.
 */
function sliceTotals(cp: ResultColumns, problems: ArrayLike<number>): SliceTotals {
  // Columns and running sums are kept in locals: this loop runs for every slice on every change.
  const { pass, wrongAnswer, timeLimit, runtimeError, compileError, other } = cp.verdicts;
  const { n: samples, runtimeCount: runtimeKnown, runtimeMeanMs } = cp;
  let passes = 0;
  let wrongAnswers = 0;
  let timeLimits = 0;
  let runtimeErrors = 0;
  let compileErrors = 0;
  let others = 0;
  let count = 0;
  let solveRateSum = 0;
  let runtimeSumMs = 0;
  let runtimeCount = 0;
  let minN = Number.POSITIVE_INFINITY;
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i];
    const n = samples[p];
    if (n === 0) continue;
    count++;
    if (n < minN) minN = n;
    solveRateSum += pass[p] / n;
    passes += pass[p];
    wrongAnswers += wrongAnswer[p];
    timeLimits += timeLimit[p];
    runtimeErrors += runtimeError[p];
    compileErrors += compileError[p];
    others += other[p];
    const known = runtimeKnown[p];
    if (known > 0) {
      runtimeSumMs += runtimeMeanMs[p] * known;
      runtimeCount += known;
    }
  }
  const verdicts: VerdictCounts = {
    pass: passes,
    wrongAnswer: wrongAnswers,
    timeLimit: timeLimits,
    runtimeError: runtimeErrors,
    compileError: compileErrors,
    other: others,
  };
  const ks = availableKs(count === 0 ? 0 : minN, STANDARD_KS);
  const { sums } = sumPassAtK(cp.n, pass, ks, problems);
  return {
    problems: count,
    verdicts,
    solveRateSum,
    runtimeSumMs,
    runtimeCount,
    ks,
    passAtKSums: Array.from(sums),
  };
}

/**
 * Totals of a union of disjoint problem sets; pass@k is kept for the k defined in every part
 * (parts without problems put no limit on k).
 */
function mergeTotals(parts: readonly SliceTotals[]): SliceTotals {
  const used = parts.filter((part) => part.problems > 0);
  const ks = used.length === 0 ? [] : used[0].ks.filter((k) => used.every((part) => part.ks.includes(k)));
  const verdicts = emptyVerdictCounts();
  for (const part of used) for (const v of VERDICTS) verdicts[v] += part.verdicts[v];
  const sum = (read: (part: SliceTotals) => number) => used.reduce((total, part) => total + read(part), 0);
  return {
    problems: sum((part) => part.problems),
    verdicts,
    solveRateSum: sum((part) => part.solveRateSum),
    runtimeSumMs: sum((part) => part.runtimeSumMs),
    runtimeCount: sum((part) => part.runtimeCount),
    ks,
    passAtKSums: ks.map((k) => sum((part) => part.passAtKSums[part.ks.indexOf(k)])),
  };
}

/**
 * Verdict counts, shares, solve rate, correctness, efficiency, mean pass runtime and pass@k (for
 * the standard k ≤ the smallest n) of one checkpoint over `problems`. Problems with n = 0 for this
 * checkpoint are left out, so `problems` in the result counts those with n > 0.
 */
export function sliceSummary(cp: ResultColumns, problems: ArrayLike<number>): SliceSummary {
  return summarizeTotals(sliceTotals(cp, problems));
}

const BUCKETS = ["easy", "medium", "hard"] as const;

/**
 * One summary per checkpoint (in matrix order) over all problems, with per-difficulty summaries for
 * the buckets in which the checkpoint has evaluated problems. The summary over all problems merges
 * the per-difficulty sums (unknown difficulty included), so each problem is read once.
 */
export function checkpointSummaries(matrix: SweepMatrix): CheckpointSummary[] {
  const summarize = columnsSummarizer(matrix);
  return matrix.checkpoints.map((cp) => {
    const { model, byDifficulty, ...scores } = summarize(cp);
    return { ...scores, alpha: cp.alpha, kind: alphaKind(cp.alpha), label: cp.label, model, byDifficulty };
  });
}

/** Every trained checkpoint's scores (see {@link checkpointSummaries}), in the matrix's order. */
export function trainedSummaries(matrix: SweepMatrix): TrainedSummary[] {
  const summarize = columnsSummarizer(matrix);
  return (matrix.trained ?? []).map((cp) => {
    const { model, byDifficulty, ...scores } = summarize(cp);
    return { ...scores, label: cp.label, coverage: cp.coverage, model, byDifficulty };
  });
}

/** A function giving one column set's scores overall and by difficulty over the matrix's problems. */
function columnsSummarizer(
  matrix: SweepMatrix,
): (cp: ResultColumns) => SliceSummary & Pick<CheckpointSummary, "model" | "byDifficulty"> {
  // Problem indices per difficulty, aligned with DIFFICULTIES.
  const groups = DIFFICULTIES.map((difficulty) =>
    Int32Array.from(
      matrix.problems.flatMap((problem, index) => (problem.difficulty === difficulty ? [index] : [])),
    ),
  );
  return (cp) => {
    const parts = groups.map((problems) => sliceTotals(cp, problems));
    const byDifficulty: CheckpointSummary["byDifficulty"] = {};
    for (const bucket of BUCKETS) {
      const totals = parts[DIFFICULTIES.indexOf(bucket)];
      if (totals.problems > 0) byDifficulty[bucket] = summarizeTotals(totals);
    }
    return { ...summarizeTotals(mergeTotals(parts)), model: cp.model ?? null, byDifficulty };
  };
}
