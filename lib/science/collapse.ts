import type { CheckpointColumns } from "../domain/sweep";
import { type SliceSummary, sliceSummary } from "./metrics";
import { normalQuantile } from "./normalQuantile";

/**
 * When a checkpoint counts as collapsed (see docs/science.md, "Collapsed checkpoints", for the
 * seeded simulation these thresholds were checked by). Far extrapolation produces models that fail
 * by crashing or by running into the time limit rather than by wrong answers, so the default axes
 * (1 − wrong-answer rate, 1 − time-limit rate) can rate them highly while they solve almost nothing.
 * Every rule needs the checkpoint to solve less than every evaluated endpoint by a one-sided paired
 * test over the problems both evaluated: a weight average that solves as much as a trained model has
 * not collapsed, whatever its failures look like. Every failure rule is relative to the endpoints'
 * own shares, so a benchmark on which the trained models crash a lot does not flag its interpolations.
 */
export const COLLAPSE_RULE = {
  /** One-sided level of the paired test "solves less than the endpoint" (per endpoint). */
  solvesLessLevel: 0.05,
  /**
   * "Fails mainly by crashing": crashes are at least this share of the failed samples and at least
   * `crashShareRiseOverEndpoints` times every evaluated endpoint's share of its failures.
   */
  crashShareOfFailures: 0.5,
  crashShareRiseOverEndpoints: 1.5,
  /**
   * "Crashes far more than the trained models": crashes are at least this share of all samples and
   * at least `crashRiseOverEndpoints` times every evaluated endpoint's share. Catches collapse on
   * slices where time-outs still outnumber crashes.
   */
  crashShareOfSamples: 0.1,
  crashRiseOverEndpoints: 3,
  /**
   * "Degenerates into time-outs" (endless loops, runaway output): time-outs at least this share of all
   * samples and at least `timeoutRiseOverEndpoints` times every evaluated endpoint's share.
   */
  timeoutShareOfSamples: 0.1,
  timeoutRiseOverEndpoints: 2,
  /** "Far below both endpoints": the solve rate is at most this fraction of the weaker endpoint's. */
  solveRateOfWeakerEndpoint: 0.5,
} as const;

/** Why a checkpoint is collapsed; empty when it is not. */
export type CollapseReason = "crashes" | "crash-rise" | "time-outs" | "solve-rate";

/** What a checkpoint is compared with: the evaluated endpoints over the same problems. */
export interface CollapseReference {
  solveRates: readonly number[];
  crashShares: readonly number[];
  crashSharesOfFailures: readonly number[];
  timeoutShares: readonly number[];
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

/** Time-outs over all samples. */
export function timeoutShareOfSamples(summary: SliceSummary): number {
  return summary.verdicts.timeLimit / summary.samples;
}

/** The largest finite value, −∞ when there is none. */
function largest(values: readonly number[]): number {
  return Math.max(Number.NEGATIVE_INFINITY, ...values.filter(Number.isFinite));
}

/** Whether `share` is at least `floor` and at least `rise` times every endpoint's (`endpoints` finite ones). */
function risesAbove(share: number, floor: number, rise: number, endpoints: readonly number[]): boolean {
  return share >= floor && share >= rise * largest(endpoints);
}

/**
 * The reasons a checkpoint with `summary` is collapsed, judged against the evaluated endpoints
 * (α = 0 and α = 1) over the same problems, given whether it solves less than every endpoint by the
 * paired test ({@link solvesLessThan}). Without an evaluated endpoint only the crash share of
 * failures applies (against no endpoint share); a checkpoint without samples is never collapsed.
 */
export function collapseReasons(
  summary: SliceSummary,
  reference: CollapseReference,
  solvesLessThanEveryEndpoint: boolean,
): CollapseReason[] {
  if (summary.samples === 0 || !Number.isFinite(summary.solveRate) || !solvesLessThanEveryEndpoint) return [];
  const rule = COLLAPSE_RULE;
  const reasons: CollapseReason[] = [];
  const failureShare = crashShareOfFailures(summary);
  if (
    failureShare >= rule.crashShareOfFailures &&
    failureShare >= rule.crashShareRiseOverEndpoints * largest(reference.crashSharesOfFailures)
  )
    reasons.push("crashes");
  if (
    reference.crashShares.some(Number.isFinite) &&
    risesAbove(
      crashShareOfSamples(summary),
      rule.crashShareOfSamples,
      rule.crashRiseOverEndpoints,
      reference.crashShares,
    )
  )
    reasons.push("crash-rise");
  if (
    reference.timeoutShares.some(Number.isFinite) &&
    risesAbove(
      timeoutShareOfSamples(summary),
      rule.timeoutShareOfSamples,
      rule.timeoutRiseOverEndpoints,
      reference.timeoutShares,
    )
  )
    reasons.push("time-outs");
  const solveRates = reference.solveRates.filter(Number.isFinite);
  if (solveRates.length > 0 && summary.solveRate <= rule.solveRateOfWeakerEndpoint * Math.min(...solveRates))
    reasons.push("solve-rate");
  return reasons;
}

/** The evaluated endpoints' summaries as a collapse reference. */
export function collapseReference(endpoints: readonly SliceSummary[]): CollapseReference {
  return {
    solveRates: endpoints.map((summary) => summary.solveRate),
    crashShares: endpoints.map(crashShareOfSamples),
    crashSharesOfFailures: endpoints.map(crashShareOfFailures),
    timeoutShares: endpoints.map(timeoutShareOfSamples),
  };
}

/**
 * The one-sided paired test that `checkpoint` solves less than `endpoint` over `problems`: over the
 * problems both evaluated, the per-problem difference of pass rates has a mean below 0 by more than
 * z_(1 − level) standard errors (normal approximation to the paired t-test; problems are the
 * independent units, as in the bootstrap). False with fewer than two shared problems.
 */
export function solvesLessThan(
  checkpoint: CheckpointColumns,
  endpoint: CheckpointColumns,
  problems: ArrayLike<number>,
  level: number = COLLAPSE_RULE.solvesLessLevel,
): boolean {
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i];
    const n = checkpoint.n[p];
    const m = endpoint.n[p];
    if (n === 0 || m === 0) continue;
    const d = checkpoint.verdicts.pass[p] / n - endpoint.verdicts.pass[p] / m;
    count++;
    sum += d;
    sumSquares += d * d;
  }
  if (count < 2) return false;
  const mean = sum / count;
  if (mean >= 0) return false;
  const variance = Math.max(0, (sumSquares - count * mean * mean) / (count - 1));
  const standardError = Math.sqrt(variance / count);
  return standardError === 0 || mean / standardError <= normalQuantile(level);
}

/**
 * Whether each checkpoint is collapsed over `problems`, judged against the evaluated endpoints
 * (α = 0 and α = 1) among `checkpoints`.
 */
export function collapsedFlags(
  checkpoints: readonly CheckpointColumns[],
  problems: ArrayLike<number>,
): boolean[] {
  const summaries = checkpoints.map((checkpoint) => sliceSummary(checkpoint, problems));
  const endpoints = checkpoints.flatMap((checkpoint, index) =>
    checkpoint.alpha === 0 || checkpoint.alpha === 1 ? [index] : [],
  );
  const reference = collapseReference(endpoints.map((index) => summaries[index]));
  return checkpoints.map((checkpoint, index) => {
    const below = endpoints.every(
      (endpoint) => endpoint !== index && solvesLessThan(checkpoint, checkpoints[endpoint], problems),
    );
    return collapseReasons(summaries[index], reference, below).length > 0;
  });
}
