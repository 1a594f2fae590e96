import type { AlphaKind } from "../domain/alpha";
import type { Difficulty } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import type { VerdictCounts } from "../domain/verdicts";
import type { ComparisonPower } from "../science/power";
import type { Versioned } from "./types";

export type { ComparisonPower } from "../science/power";

/** A problem's metadata as the problem routes send it; `id` is the benchmark's own id. */
export interface ProblemMetadata {
  id: string;
  title: string | null;
  difficulty: Difficulty;
  platform: string | null;
}

/** One problem and its counts at every evaluated α (n = 0 where the checkpoint did not evaluate it). */
export interface ProblemCountsEntry extends ProblemMetadata {
  n: number[];
  pass: number[];
}

/**
 * GET /api/experiments/[slug]/problem-counts: every problem of the experiment with its sample and pass
 * counts at every evaluated α (entry i of `n` and `pass` is at `alphas[i]`), ordered by id. Stored per
 * version, so the problems view's pass-rate strips cost one lookup.
 */
export interface ProblemCounts extends Versioned {
  experiment: string;
  /** Evaluated α, ascending. */
  alphas: number[];
  problems: ProblemCountsEntry[];
  /** Each problem's cluster key when the experiment resamples by cluster, else null (as the matrix's). */
  clusters: NonNullable<SweepMatrix["clusters"]> | null;
}

/** Sample and pass count of one problem at one α. */
export interface ProblemAtAlpha {
  n: number;
  pass: number;
}

/** Problems gained and lost: every change, and the discoveries (q < 0.1). */
export interface ProblemChangeSummary {
  gained: number;
  lost: number;
  unchanged: number;
  gainedDiscoveries: number;
  lostDiscoveries: number;
}

/** One row of GET /api/experiments/[slug]/problems. */
export interface ProblemChangeRow {
  id: string;
  title: string | null;
  difficulty: Difficulty;
  from: ProblemAtAlpha;
  to: ProblemAtAlpha;
  /** pass/n at `to` − pass/n at `from`. */
  delta: number;
  /** The change shrunk toward 0 by beta-binomial empirical Bayes over the listed problems. */
  shrunkDelta: number;
  /** Two-sided Fisher's exact p-value of the two α's pass/fail counts. */
  p: number;
  /** Benjamini–Hochberg q-value over the listed problems (every page of them). */
  q: number;
}

/**
 * GET /api/experiments/[slug]/problems?from&to: the problems evaluated at both α, sorted by the
 * change in pass rate (ties by id ascending), one page of them.
 */
export interface ProblemChangesPage extends Versioned {
  /** Problems evaluated at both α in the difficulty slice (every page of them). */
  total: number;
  /** Among the listed problems: solved more or less often at `to`, in all and at q < 0.1. */
  summary: ProblemChangeSummary;
  /** The comparison's power with the data at hand (problems of the slice evaluated at both α). */
  power: ComparisonPower;
  problems: ProblemChangeRow[];
}

/** Runtime of a checkpoint's passing samples on one problem, where the source recorded it. */
export interface ProblemRuntime {
  /** Passing samples with a known runtime. */
  samples: number;
  meanMs: number;
  minMs: number | null;
  maxMs: number | null;
}

/** One evaluated α of GET /api/experiments/[slug]/problems/[id]. */
export interface ProblemCheckpoint {
  alpha: number;
  kind: AlphaKind;
  label: string | null;
  n: number;
  verdicts: VerdictCounts;
  /** Unbiased pass@k of this problem at the standard k ≤ n. */
  passAtK: { k: number; value: number }[];
  /** Null when no passing sample's runtime is known. */
  runtime: ProblemRuntime | null;
  /** EvalPerf's normalised differential performance score, when imported. */
  dpsNorm: number | null;
}

/** GET /api/experiments/[slug]/problems/[id]: one problem's verdicts at every α it was evaluated at. */
export interface ProblemDetail extends ProblemMetadata, Versioned {
  experiment: string;
  /** ISO date (YYYY-MM-DD) of the contest, when known. */
  contestDate: string | null;
  /** Sorted by α. */
  checkpoints: ProblemCheckpoint[];
}
