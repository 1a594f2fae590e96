import type { SliceSummary } from "./metrics";

/**
 * When a checkpoint counts as collapsed (see docs/science.md). Far extrapolation produces models
 * that fail by crashing — compile errors, runtime errors, ungradable output — rather than by wrong
 * answers or time-outs, so the default axes (1 − wrong-answer rate, 1 − time-limit rate) rate them
 * highly while they solve almost nothing. Both rules need the checkpoint to solve less than every
 * evaluated endpoint: a weight average that solves as much as a trained model has not collapsed,
 * whatever its failures look like.
 */
export const COLLAPSE_RULE = {
  /**
   * "Fails mainly by crashing": crashes are at least this share of the failed samples. A trained
   * code model's failures are mostly wrong answers and time-outs (on LiveCodeBench crashes are a
   * minority), so crashes outnumbering both together says the model no longer writes programs.
   */
  crashShareOfFailures: 0.5,
  /**
   * "Crashes far more than the trained models": crashes are at least this share of all samples and
   * at least `crashRiseOverEndpoints` times every evaluated endpoint's share. Catches collapse on
   * slices where time-outs still outnumber crashes; a few points of noise never reach 3×.
   */
  crashShareOfSamples: 0.1,
  crashRiseOverEndpoints: 3,
  /**
   * "Far below both endpoints": the solve rate is at most this fraction of the weaker endpoint's.
   * Halving the solve rate is far outside the sampling noise of a slice of ≥ 50 problems and far
   * outside how much interpolated checkpoints move (the research: the solve rate barely moves
   * between the endpoints).
   */
  solveRateOfWeakerEndpoint: 0.5,
} as const;

/** Why a checkpoint is collapsed; empty when it is not. */
export type CollapseReason = "crashes" | "crash-rise" | "solve-rate";

/** What a checkpoint is compared with: the evaluated endpoints over the same problems. */
export interface CollapseReference {
  solveRates: readonly number[];
  crashShares: readonly number[];
}

function crashes(summary: SliceSummary): number {
  const { runtimeError, compileError, other } = summary.verdicts;
  return runtimeError + compileError + other;
}

/** Compile errors, runtime errors and ungradable samples over all failed samples (NaN without failures). */
export function crashShareOfFailures(summary: SliceSummary): number {
  return crashes(summary) / (summary.samples - summary.verdicts.pass);
}

/** Compile errors, runtime errors and ungradable samples over all samples. */
export function crashShareOfSamples(summary: SliceSummary): number {
  return crashes(summary) / summary.samples;
}

/**
 * The reasons a checkpoint with `summary` is collapsed, judged against the evaluated endpoints
 * (α = 0 and α = 1) over the same problems. Without an evaluated endpoint only the first crash
 * rule applies; a checkpoint without samples is never collapsed.
 */
export function collapseReasons(summary: SliceSummary, reference: CollapseReference): CollapseReason[] {
  if (summary.samples === 0 || !Number.isFinite(summary.solveRate)) return [];
  const solveRates = reference.solveRates.filter(Number.isFinite);
  const weaker = solveRates.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...solveRates);
  if (!(summary.solveRate < weaker)) return [];
  const reasons: CollapseReason[] = [];
  if (crashShareOfFailures(summary) >= COLLAPSE_RULE.crashShareOfFailures) reasons.push("crashes");
  const crashShares = reference.crashShares.filter(Number.isFinite);
  const crashShare = crashShareOfSamples(summary);
  if (
    crashShares.length > 0 &&
    crashShare >= COLLAPSE_RULE.crashShareOfSamples &&
    crashShare >= COLLAPSE_RULE.crashRiseOverEndpoints * Math.max(...crashShares)
  )
    reasons.push("crash-rise");
  if (solveRates.length > 0 && summary.solveRate <= COLLAPSE_RULE.solveRateOfWeakerEndpoint * weaker)
    reasons.push("solve-rate");
  return reasons;
}

/** The evaluated endpoints among checkpoints (summaries over one set of problems, aligned with `alphas`). */
export function collapseReference(
  summaries: readonly SliceSummary[],
  alphas: readonly number[],
): CollapseReference {
  const endpoints = summaries.filter((_, index) => alphas[index] === 0 || alphas[index] === 1);
  return {
    solveRates: endpoints.map((summary) => summary.solveRate),
    crashShares: endpoints.map(crashShareOfSamples),
  };
}

/** Whether each checkpoint (summaries over one set of problems, aligned with `alphas`) is collapsed. */
export function collapsedFlags(summaries: readonly SliceSummary[], alphas: readonly number[]): boolean[] {
  const reference = collapseReference(summaries, alphas);
  return summaries.map((summary) => collapseReasons(summary, reference).length > 0);
}
