import { type CheckpointSummary, STANDARD_KS } from "../api/types";
import { alphaKind } from "../domain/alpha";
import type { CheckpointColumns, SweepMatrix } from "../domain/sweep";
import { emptyVerdictCounts, VERDICTS, type Verdict, type VerdictCounts } from "../domain/verdicts";
import { availableKs, sumPassAtK } from "./passAtK";
import { sliceProblemIndices } from "./slices";

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
 * Verdict counts, shares, solve rate, correctness, efficiency, mean pass runtime and pass@k (for
 * the standard k ≤ the smallest n) of one checkpoint over `problems`. Problems with n = 0 for this
 * checkpoint are left out, so `problems` in the result counts those with n > 0.
 */
export function sliceSummary(cp: CheckpointColumns, problems: ArrayLike<number>): SliceSummary {
  const verdicts = emptyVerdictCounts();
  const pass = cp.verdicts.pass;
  let count = 0;
  let solveRateSum = 0;
  let runtimeSumMs = 0;
  let runtimeCount = 0;
  let minN = Number.POSITIVE_INFINITY;
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i];
    const n = cp.n[p];
    if (n === 0) continue;
    count++;
    if (n < minN) minN = n;
    solveRateSum += pass[p] / n;
    for (const v of VERDICTS) verdicts[v] += cp.verdicts[v][p];
    const known = cp.runtimeCount[p];
    if (known > 0) {
      runtimeSumMs += cp.runtimeMeanMs[p] * known;
      runtimeCount += known;
    }
  }
  const ks = availableKs(count === 0 ? 0 : minN, STANDARD_KS);
  const passAtKSums = ks.map((k) => sumPassAtK(cp.n, pass, k, problems).sum);
  return summarizeTotals({
    problems: count,
    verdicts,
    solveRateSum,
    runtimeSumMs,
    runtimeCount,
    ks,
    passAtKSums,
  });
}

const BUCKETS = ["easy", "medium", "hard"] as const;

/**
 * One summary per checkpoint (in matrix order) over all problems, with per-difficulty summaries for
 * the buckets in which the checkpoint has evaluated problems.
 */
export function checkpointSummaries(matrix: SweepMatrix): CheckpointSummary[] {
  const all = sliceProblemIndices(matrix, "all");
  const buckets = BUCKETS.map((bucket) => ({ bucket, problems: sliceProblemIndices(matrix, bucket) }));
  return matrix.checkpoints.map((cp) => {
    const byDifficulty: CheckpointSummary["byDifficulty"] = {};
    for (const { bucket, problems } of buckets) {
      const summary = sliceSummary(cp, problems);
      if (summary.problems > 0) byDifficulty[bucket] = summary;
    }
    return {
      ...sliceSummary(cp, all),
      alpha: cp.alpha,
      kind: alphaKind(cp.alpha),
      label: cp.label,
      model: cp.model ?? null,
      byDifficulty,
    };
  });
}
