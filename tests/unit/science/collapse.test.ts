import { describe, expect, it } from "vitest";
import type { CheckpointColumns } from "../../../lib/domain/sweep";
import {
  COLLAPSE_RULE,
  collapsedFlags,
  collapseReasons,
  collapseReference,
  crashShareOfFailures,
  solvesLessThan,
} from "../../../lib/science/collapse";
import { sliceSummary } from "../../../lib/science/metrics";
import { createRng } from "../../../lib/science/random";
import { type CellSpec, checkpointColumns } from "./buildMatrix";

/** How a checkpoint's failures split (shares of the failed samples, summing to 1). */
interface FailureMix {
  wrongAnswer: number;
  timeLimit: number;
  runtimeError: number;
}

/** One cell per problem: `passes[i]` of `n` samples pass, the failures split by `mix` (remainder to wrong answers). */
function cells(passes: readonly number[], n: number, mix: FailureMix): CellSpec[] {
  return passes.map((pass) => {
    const failed = n - pass;
    const timeLimit = Math.round(failed * mix.timeLimit);
    const runtimeError = Math.round(failed * mix.runtimeError);
    return { pass, timeLimit, runtimeError, wrongAnswer: failed - timeLimit - runtimeError };
  });
}

/** `solved` problems of 200 passing all 10 samples, then one more passing `extra`, the rest none. */
function passes(solved: number, extra = 0): number[] {
  return Array.from({ length: 200 }, (_, i) => (i < solved ? 10 : i === solved ? extra : 0));
}

const all = Int32Array.from({ length: 200 }, (_, i) => i);
const crashy: FailureMix = { wrongAnswer: 0.3, timeLimit: 0.1, runtimeError: 0.6 };
const trained: FailureMix = { wrongAnswer: 0.6, timeLimit: 0.25, runtimeError: 0.15 };

function judge(checkpoint: CheckpointColumns, endpoints: CheckpointColumns[]) {
  const reference = collapseReference(endpoints.map((endpoint) => sliceSummary(endpoint, all)));
  const below = endpoints.every((endpoint) => solvesLessThan(checkpoint, endpoint, all));
  return { below, reasons: collapseReasons(sliceSummary(checkpoint, all), reference, below) };
}

describe("the collapse rule (issue #21's examples)", () => {
  it("does not flag 29.9 % mostly crashes between endpoints at 30.0 % and 30.5 % that crash as much", () => {
    const a = checkpointColumns(0, cells(passes(61), 10, crashy));
    const b = checkpointColumns(1, cells(passes(60), 10, crashy));
    const checkpoint = checkpointColumns(0.5, cells(passes(59, 8), 10, crashy));
    expect(sliceSummary(checkpoint, all).solveRate).toBeCloseTo(0.299, 12);
    expect(crashShareOfFailures(sliceSummary(checkpoint, all))).toBeGreaterThan(0.5);
    expect(judge(checkpoint, [a, b])).toEqual({ below: false, reasons: [] });
    // Even were it significantly below, crashing as much as the endpoints is not collapse.
    const reference = collapseReference([a, b].map((endpoint) => sliceSummary(endpoint, all)));
    expect(collapseReasons(sliceSummary(checkpoint, all), reference, true)).toEqual([]);
    expect(collapsedFlags([a, checkpoint, b], all)).toEqual([false, false, false]);
  });

  it("flags 55 % of the weaker endpoint's solve rate that times out instead of crashing", () => {
    const a = checkpointColumns(0, cells(passes(80), 10, trained));
    const b = checkpointColumns(1, cells(passes(84), 10, trained));
    const timingOut = { wrongAnswer: 0.3, timeLimit: 0.6, runtimeError: 0.1 };
    const checkpoint = checkpointColumns(2, cells(passes(44), 10, timingOut));
    expect(sliceSummary(checkpoint, all).solveRate / sliceSummary(a, all).solveRate).toBeCloseTo(0.55, 12);
    expect(judge(checkpoint, [a, b])).toEqual({ below: true, reasons: ["time-outs"] });
    expect(collapsedFlags([a, b, checkpoint], all)).toEqual([false, false, true]);
  });
});

describe("collapseReasons", () => {
  const a = checkpointColumns(0, cells(passes(80), 10, trained));
  const b = checkpointColumns(1, cells(passes(84), 10, trained));
  const reference = collapseReference([a, b].map((endpoint) => sliceSummary(endpoint, all)));

  it("flags nothing that does not solve less by the paired test", () => {
    const crashing = checkpointColumns(
      2,
      cells(passes(20), 10, { wrongAnswer: 0, timeLimit: 0, runtimeError: 1 }),
    );
    expect(collapseReasons(sliceSummary(crashing, all), reference, false)).toEqual([]);
    expect(collapseReasons(sliceSummary(crashing, all), reference, true)).toEqual([
      "crashes",
      "crash-rise",
      "solve-rate",
    ]);
  });

  it("without evaluated endpoints judges by the crash share of failures alone", () => {
    const none = collapseReference([]);
    const mostlyCrashes = checkpointColumns(2, cells(passes(10), 10, crashy));
    expect(collapseReasons(sliceSummary(mostlyCrashes, all), none, true)).toEqual(["crashes"]);
    expect(collapseReasons(sliceSummary(a, all), none, true)).toEqual([]);
    expect(collapsedFlags([mostlyCrashes], all)).toEqual([true]);
  });

  it("states thresholds the docs quote", () => {
    expect(COLLAPSE_RULE).toEqual({
      solvesLessLevel: 0.05,
      crashShareOfFailures: 0.5,
      crashShareRiseOverEndpoints: 1.5,
      crashShareOfSamples: 0.1,
      crashRiseOverEndpoints: 3,
      timeoutShareOfSamples: 0.1,
      timeoutRiseOverEndpoints: 2,
      solveRateOfWeakerEndpoint: 0.5,
    });
  });
});

/** Binomial draw by counting uniforms (n is small). */
function binomial(rng: () => number, n: number, p: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (rng() < p) count++;
  return count;
}

/** A checkpoint sampling 10 times per problem at per-problem rates `rates`, failures split by `mix`. */
function sampled(rng: () => number, alpha: number, rates: readonly number[], mix: FailureMix) {
  return checkpointColumns(
    alpha,
    cells(
      rates.map((rate) => binomial(rng, 10, rate)),
      10,
      mix,
    ),
  );
}

describe("the thresholds' simulation (docs/science.md)", () => {
  // 200 problems, 10 samples each; endpoints at ≈ 40 % with a trained model's failures.
  const problems = Int32Array.from({ length: 200 }, (_, i) => i);
  const rng = createRng(2107);
  const base = Array.from({ length: 200 }, () => rng() ** 1.5);
  const shifted = base.map((rate) => Math.min(1, rate * 1.05));
  const trials = 150;

  it("flags fewer than 2 % of interpolations that solve between the endpoints with the endpoints' failures", () => {
    let flagged = 0;
    for (let trial = 0; trial < trials; trial++) {
      const a = sampled(rng, 0, base, trained);
      const b = sampled(rng, 1, shifted, trained);
      const t = rng();
      const between = sampled(
        rng,
        0.5,
        base.map((rate, i) => (1 - t) * rate + t * shifted[i]),
        trained,
      );
      if (collapsedFlags([a, between, b], problems)[1]) flagged++;
    }
    expect(flagged / trials).toBeLessThan(0.02);
  });

  it("flags more than 95 % of checkpoints at 55 % of the weaker endpoint failing by time-outs or by crashes", () => {
    for (const mix of [
      { wrongAnswer: 0.3, timeLimit: 0.6, runtimeError: 0.1 },
      { wrongAnswer: 0.3, timeLimit: 0.1, runtimeError: 0.6 },
    ]) {
      let flagged = 0;
      for (let trial = 0; trial < trials; trial++) {
        const a = sampled(rng, 0, base, trained);
        const b = sampled(rng, 1, shifted, trained);
        const collapsed = sampled(
          rng,
          2,
          base.map((rate) => 0.55 * rate),
          mix,
        );
        if (collapsedFlags([a, b, collapsed], problems)[2]) flagged++;
      }
      expect(flagged / trials).toBeGreaterThan(0.95);
    }
  });
});
