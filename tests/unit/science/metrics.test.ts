import { describe, expect, it } from "vitest";
import { checkpointSummaries, type SliceSummary, sliceSummary } from "../../../lib/science/metrics";
import { sliceProblemIndices } from "../../../lib/science/slices";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import { buildMatrix } from "./buildMatrix";

// Three problems: easy (4 samples), hard (2 samples), hard (not evaluated at α = 1.5).
const matrix = buildMatrix(
  ["easy", "hard", "hard"],
  [
    {
      alpha: 0,
      cells: [
        { pass: 3, wrongAnswer: 1, runtimeMeanMs: 100, runtimeCount: 3 },
        { pass: 1, timeLimit: 1, runtimeMeanMs: 400, runtimeCount: 1 },
        { wrongAnswer: 1, runtimeError: 1 },
      ],
    },
    { alpha: 1.5, cells: [{ pass: 2, compileError: 2 }, { other: 2 }, {}] },
  ],
);

describe("sliceSummary", () => {
  const all = sliceProblemIndices(matrix, "all");

  it("counts verdicts and shares over samples, the solve rate over problems", () => {
    const s = sliceSummary(matrix.checkpoints[0], all);
    expect(s.problems).toBe(3);
    expect(s.samples).toBe(8);
    expect(s.verdicts).toEqual({
      pass: 4,
      wrongAnswer: 2,
      timeLimit: 1,
      runtimeError: 1,
      compileError: 0,
      other: 0,
    });
    expect(s.shares.pass).toBe(0.5);
    expect(s.correctness).toBe(1 - 2 / 8);
    expect(s.efficiency).toBe(1 - 1 / 8);
    expect(s.solveRate).toBeCloseTo((3 / 4 + 1 / 2 + 0) / 3, 15);
  });

  it("pools pass runtimes over samples and keeps pass@k for k ≤ the smallest n", () => {
    const s = sliceSummary(matrix.checkpoints[0], all);
    expect(s.meanPassRuntimeMs).toBe((3 * 100 + 400) / 4);
    expect(Object.keys(s.passAtK)).toEqual(["1"]);
    expect(s.passAtK["1"]).toBeCloseTo(s.solveRate, 15);
  });

  it("leaves out problems the checkpoint was not evaluated on", () => {
    const s = sliceSummary(matrix.checkpoints[1], all);
    expect(s.problems).toBe(2);
    expect(s.solveRate).toBe(0.25);
    expect(s.meanPassRuntimeMs).toBeNull();
    expect(s.shares.compileError).toBe(2 / 6);
  });
});

describe("checkpointSummaries", () => {
  it("reports every checkpoint with its α kind and only the difficulty buckets it has problems in", () => {
    const [a, b] = checkpointSummaries(matrix);
    expect(a.kind).toBe("endpoint");
    expect(b.kind).toBe("extrapolated");
    expect(a.model).toBeNull();
    expect(Object.keys(a.byDifficulty)).toEqual(["easy", "hard"]);
    expect(a.byDifficulty.hard?.problems).toBe(2);
    expect(b.byDifficulty.hard?.problems).toBe(1);
  });

  it("matches per-slice summaries, the overall one merged from the difficulty buckets", () => {
    const synthetic = syntheticMatrix({
      alphas: [-0.5, 0, 0.5, 1, 1.5],
      problems: 90,
      samples: (j, p) => 20 + ((j + p) % 7) * 5,
      seed: 5,
    });
    const summaries = checkpointSummaries(synthetic);
    const close = (actual: SliceSummary | undefined, expected: SliceSummary) => {
      expect(actual?.verdicts).toEqual(expected.verdicts);
      expect(actual?.solveRate).toBeCloseTo(expected.solveRate, 12);
      expect(actual?.meanPassRuntimeMs).toBeCloseTo(expected.meanPassRuntimeMs ?? Number.NaN, 9);
      expect(Object.keys(actual?.passAtK ?? {})).toEqual(Object.keys(expected.passAtK));
      for (const k of Object.keys(expected.passAtK))
        expect(actual?.passAtK[k]).toBeCloseTo(expected.passAtK[k], 12);
    };
    synthetic.checkpoints.forEach((cp, j) => {
      close(summaries[j], sliceSummary(cp, sliceProblemIndices(synthetic, "all")));
      close(summaries[j].byDifficulty.medium, sliceSummary(cp, sliceProblemIndices(synthetic, "medium")));
    });
    expect(Object.keys(summaries[0].passAtK)).toEqual(["1", "5", "10"]);
  });
});
