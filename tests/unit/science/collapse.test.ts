import { describe, expect, it } from "vitest";
import { emptyVerdictCounts, type VerdictCounts } from "../../../lib/domain/verdicts";
import {
  COLLAPSE_RULE,
  collapsedFlags,
  collapseReasons,
  collapseReference,
  crashShareOfFailures,
} from "../../../lib/science/collapse";
import { type SliceSummary, summarizeTotals } from "../../../lib/science/metrics";

/** One problem's worth of samples with these verdict counts (solve rate = pass share). */
function summary(counts: Partial<VerdictCounts>): SliceSummary {
  const verdicts = { ...emptyVerdictCounts(), ...counts };
  const n = Object.values(verdicts).reduce((a, b) => a + b, 0);
  return summarizeTotals({
    problems: 1,
    verdicts,
    solveRateSum: verdicts.pass / n,
    runtimeSumMs: 0,
    runtimeCount: 0,
    ks: [],
    passAtKSums: [],
  });
}

// Endpoints as on a hard slice: a fifth solved, few crashes (4% of samples).
const A = summary({ pass: 20, wrongAnswer: 30, timeLimit: 46, runtimeError: 3, compileError: 1 });
const B = summary({ pass: 21, wrongAnswer: 50, timeLimit: 25, runtimeError: 3, compileError: 1 });
const reference = collapseReference([A, B], [0, 1]);

describe("collapseReasons", () => {
  it("never flags a checkpoint that solves at least as much as the weaker endpoint", () => {
    const crashesButSolves = summary({ pass: 20, runtimeError: 70, compileError: 10 });
    expect(crashShareOfFailures(crashesButSolves)).toBe(1);
    expect(collapseReasons(crashesButSolves, reference)).toEqual([]);
    expect(collapseReasons(A, reference)).toEqual([]);
  });

  it("flags failures that are mostly crashes", () => {
    const crashing = summary({
      pass: 15,
      wrongAnswer: 20,
      timeLimit: 20,
      runtimeError: 30,
      compileError: 15,
    });
    expect(crashShareOfFailures(crashing)).toBeCloseTo(45 / 85, 12);
    expect(collapseReasons(crashing, reference)).toContain("crashes");
  });

  it("flags crashes at ≥ 3× the endpoints' share and ≥ 10% of samples, not below either", () => {
    // 12% crashes = 3× the endpoints' 4%, yet far from most of the failures.
    const rising = summary({ pass: 18, wrongAnswer: 30, timeLimit: 40, runtimeError: 8, compileError: 4 });
    expect(collapseReasons(rising, reference)).toEqual(["crash-rise"]);
    const belowRise = summary({ pass: 18, wrongAnswer: 30, timeLimit: 41, runtimeError: 7, compileError: 4 });
    expect(collapseReasons(belowRise, reference)).toEqual([]);
    // 3× of tiny endpoint crash shares is still below the 10% floor.
    const clean = collapseReference(
      [summary({ pass: 50, wrongAnswer: 49, other: 1 }), summary({ pass: 50, timeLimit: 49, other: 1 })],
      [0, 1],
    );
    expect(collapseReasons(summary({ pass: 40, wrongAnswer: 51, runtimeError: 9 }), clean)).toEqual([]);
  });

  it("flags a solve rate at most half the weaker endpoint's", () => {
    expect(collapseReasons(summary({ pass: 10, wrongAnswer: 50, timeLimit: 40 }), reference)).toEqual([
      "solve-rate",
    ]);
    expect(collapseReasons(summary({ pass: 11, wrongAnswer: 50, timeLimit: 39 }), reference)).toEqual([]);
  });

  it("without evaluated endpoints judges by the crash share of failures alone", () => {
    const none = collapseReference([], []);
    expect(collapseReasons(summary({ pass: 1, runtimeError: 60, wrongAnswer: 39 }), none)).toEqual([
      "crashes",
    ]);
    expect(collapseReasons(summary({ pass: 1, runtimeError: 40, wrongAnswer: 59 }), none)).toEqual([]);
  });

  it("never flags a checkpoint without samples", () => {
    expect(collapseReasons(summary({}), reference)).toEqual([]);
  });

  it("states thresholds the docs quote", () => {
    expect(COLLAPSE_RULE).toEqual({
      crashShareOfFailures: 0.5,
      crashShareOfSamples: 0.1,
      crashRiseOverEndpoints: 3,
      solveRateOfWeakerEndpoint: 0.5,
    });
  });
});

describe("collapsedFlags", () => {
  it("takes the endpoints from the checkpoints at α = 0 and α = 1", () => {
    const far = summary({ pass: 5, wrongAnswer: 40, timeLimit: 25, compileError: 20, runtimeError: 10 });
    expect(collapsedFlags([far, A, B, far], [-1, 0, 1, 2])).toEqual([true, false, false, true]);
  });
});
