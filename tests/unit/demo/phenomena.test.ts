import { describe, expect, it } from "vitest";
import { generateDemoSweep } from "../../../lib/demo/generate";
import type { CheckpointColumns } from "../../../lib/domain/sweep";
import { sweepInputToMatrix } from "../../../lib/domain/toMatrix";
import {
  bestSingle,
  ensemblePassAtK,
  searchEnsembles,
  splitBudgetEqual,
} from "../../../lib/science/ensemble";
import { sliceSummary } from "../../../lib/science/metrics";
import { sliceProblemIndices } from "../../../lib/science/slices";

const matrix = sweepInputToMatrix(generateDemoSweep());
const hard = sliceProblemIndices(matrix, "hard");
const INTERPOLATION = [0, 0.25, 0.5, 0.75, 1];

function checkpointAt(alpha: number): CheckpointColumns {
  const cp = matrix.checkpoints.find((c) => c.alpha === alpha);
  if (!cp) throw new Error(`the demo has no checkpoint at α = ${alpha}`);
  return cp;
}

function checkpointIndex(alpha: number): number {
  return matrix.checkpoints.indexOf(checkpointAt(alpha));
}

function hardSummary(alpha: number) {
  return sliceSummary(checkpointAt(alpha), hard);
}

describe("demo sweep, hard problems between the endpoints", () => {
  it("keeps the solve rate within ±2 points of the low-coverage endpoint", () => {
    const atA = hardSummary(0).solveRate;
    for (const alpha of INTERPOLATION) {
      expect(Math.abs(hardSummary(alpha).solveRate - atA)).toBeLessThanOrEqual(0.02);
    }
  });

  it("trades time limits for wrong answers as coverage grows", () => {
    const shares = INTERPOLATION.map((alpha) => hardSummary(alpha).shares);
    for (let i = 1; i < shares.length; i++) {
      expect(shares[i].timeLimit).toBeLessThan(shares[i - 1].timeLimit);
      expect(shares[i].wrongAnswer).toBeGreaterThan(shares[i - 1].wrongAnswer);
    }
    expect(shares[0].timeLimit - shares[4].timeLimit).toBeGreaterThan(0.15);
    expect(shares[4].wrongAnswer - shares[0].wrongAnswer).toBeGreaterThan(0.15);
  });
});

describe("demo sweep, extrapolation on hard problems", () => {
  it("continues both trends a little past each endpoint", () => {
    const [beyondA, a, b, beyondB] = [-0.25, 0, 1, 1.25].map((alpha) => hardSummary(alpha).shares);
    expect(beyondA.timeLimit).toBeGreaterThan(a.timeLimit);
    expect(beyondA.wrongAnswer).toBeLessThan(a.wrongAnswer);
    expect(beyondB.timeLimit).toBeLessThan(b.timeLimit);
    expect(beyondB.wrongAnswer).toBeGreaterThan(b.wrongAnswer);
  });

  it("collapses far out: lower solve rate, many more crashes and compile errors", () => {
    const a = hardSummary(0);
    const b = hardSummary(1);
    for (const alpha of [-1, 2]) {
      const far = hardSummary(alpha);
      expect(far.solveRate).toBeLessThanOrEqual(Math.min(a.solveRate, b.solveRate) - 0.05);
      for (const verdict of ["runtimeError", "compileError"] as const) {
        expect(far.shares[verdict]).toBeGreaterThan(3 * Math.max(a.shares[verdict], b.shares[verdict]));
      }
    }
  });
});

describe("demo sweep, ensembles on hard problems at K = 250", () => {
  const single = bestSingle(matrix, 250, hard);

  it("leaves pass@250 of the best single checkpoint far from saturated", () => {
    expect(single?.passAtK).toBeGreaterThan(0.6);
    expect(single?.passAtK).toBeLessThan(0.95);
  });

  it("beats the best single checkpoint by ≥ 2 points with members at α −0.5, 0.5 and 1.5", () => {
    const split = splitBudgetEqual(250, 3);
    expect(split).toEqual([84, 83, 83]);
    const members = [-0.5, 0.5, 1.5].map((alpha, i) => ({ checkpoint: checkpointIndex(alpha), k: split[i] }));
    const ensemble = ensemblePassAtK(matrix, members, hard);
    expect(ensemble - (single?.passAtK ?? 1)).toBeGreaterThanOrEqual(0.02);
  });

  it("finds its best ensemble with an extrapolated member", () => {
    const result = searchEnsembles({ matrix, budget: 250, maxMembers: 3, problems: hard, top: 1 });
    const [best] = result.ensembles;
    expect(best.gain).toBeGreaterThanOrEqual(0.02);
    const alphas = best.members.map((m) => matrix.checkpoints[m.checkpoint].alpha);
    expect(alphas.some((alpha) => alpha < 0 || alpha > 1)).toBe(true);
  });
});

describe("demo sweep, easy and medium problems", () => {
  it("orders solve rates easy > medium > hard, with mild trends between the endpoints", () => {
    for (const slice of ["easy", "medium"] as const) {
      const problems = sliceProblemIndices(matrix, slice);
      const rates = INTERPOLATION.map((alpha) => sliceSummary(checkpointAt(alpha), problems).solveRate);
      expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(0.03);
    }
    const easy = sliceSummary(checkpointAt(0.5), sliceProblemIndices(matrix, "easy")).solveRate;
    const medium = sliceSummary(checkpointAt(0.5), sliceProblemIndices(matrix, "medium")).solveRate;
    expect(easy).toBeGreaterThan(0.85);
    expect(medium).toBeGreaterThan(0.45);
    expect(medium).toBeLessThan(easy - 0.15);
    expect(hardSummary(0.5).solveRate).toBeLessThan(medium - 0.15);
  });
});

describe("demo sweep, runtimes", () => {
  it("gets faster as coverage grows", () => {
    const all = sliceProblemIndices(matrix, "all");
    const runtimes = [-0.5, 0, 0.5, 1, 1.5].map(
      (alpha) => sliceSummary(checkpointAt(alpha), all).meanPassRuntimeMs ?? 0,
    );
    for (let i = 1; i < runtimes.length; i++) expect(runtimes[i]).toBeLessThan(runtimes[i - 1]);
  });
});
