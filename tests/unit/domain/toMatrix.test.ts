import { describe, expect, it } from "vitest";
import type { CheckpointInput, ResultInput, SweepInput } from "../../../lib/domain/sweepInput";
import { sweepInputToMatrix } from "../../../lib/domain/toMatrix";

function result(
  problemExternalId: string,
  pass: number,
  wrongAnswer: number,
  runtimeMeanMs: number | null,
): ResultInput {
  return {
    problemExternalId,
    n: pass + wrongAnswer,
    verdicts: { pass, wrongAnswer, timeLimit: 0, runtimeError: 0, compileError: 0, other: 0 },
    runtimeCount: runtimeMeanMs === null ? 0 : pass,
    runtimeMeanMs,
    runtimeMinMs: runtimeMeanMs,
    runtimeMaxMs: runtimeMeanMs,
    dpsNorm: null,
  };
}

function sweep(checkpoints: CheckpointInput[]): SweepInput {
  return {
    experiment: {
      slug: "t",
      name: "t",
      description: "",
      benchmark: "b",
      setting: "pure-reasoning",
      modelFamily: null,
      modelScale: null,
      synthetic: false,
      endpointA: { label: "A", model: null },
      endpointB: { label: "B", model: null },
    },
    problems: [
      { externalId: "p2", title: "Two", difficulty: "hard", platform: null, contestDate: null },
      { externalId: "P1", title: "One", difficulty: "easy", platform: "atcoder", contestDate: "2024-05-01" },
      { externalId: "p10", title: null, difficulty: "unknown", platform: null, contestDate: null },
    ],
    checkpoints,
  };
}

describe("sweepInputToMatrix", () => {
  const matrix = sweepInputToMatrix(
    sweep([
      { alpha: 1, label: "B", model: "m/b", results: [result("p2", 1, 3, 12.5), result("P1", 4, 0, null)] },
      { alpha: -0.5, label: null, model: null, results: [result("p10", 0, 2, null)] },
    ]),
  );

  it("orders problems by external id in code-unit order and keeps only matrix fields", () => {
    expect(matrix.problems).toEqual([
      { externalId: "P1", title: "One", difficulty: "easy", platform: "atcoder", contestDate: "2024-05-01" },
      { externalId: "p10", title: null, difficulty: "unknown", platform: null, contestDate: null },
      { externalId: "p2", title: "Two", difficulty: "hard", platform: null, contestDate: null },
    ]);
  });

  it("orders checkpoints by α and fills columns, with n = 0 where a result is missing", () => {
    expect(matrix.checkpoints.map((cp) => [cp.alpha, cp.label, cp.model])).toEqual([
      [-0.5, null, null],
      [1, "B", "m/b"],
    ]);
    const [low, high] = matrix.checkpoints;
    expect(Array.from(low.n)).toEqual([0, 2, 0]);
    expect(Array.from(low.verdicts.wrongAnswer)).toEqual([0, 2, 0]);
    expect(Array.from(high.n)).toEqual([4, 0, 4]);
    expect(Array.from(high.verdicts.pass)).toEqual([4, 0, 1]);
    expect(Array.from(high.verdicts.wrongAnswer)).toEqual([0, 0, 3]);
    expect(Array.from(high.verdicts.timeLimit)).toEqual([0, 0, 0]);
  });

  it("keeps runtimes only where known and marks the rest NaN with count 0", () => {
    const high = matrix.checkpoints[1];
    expect(Array.from(high.runtimeMeanMs)).toEqual([Number.NaN, Number.NaN, 12.5]);
    expect(Array.from(high.runtimeCount)).toEqual([0, 0, 1]);
  });

  it("rejects a result for an unknown problem and a repeated result", () => {
    expect(() =>
      sweepInputToMatrix(
        sweep([{ alpha: 0, label: null, model: null, results: [result("nope", 1, 0, null)] }]),
      ),
    ).toThrow(/unknown problem nope/);
    expect(() =>
      sweepInputToMatrix(
        sweep([
          {
            alpha: 0,
            label: null,
            model: null,
            results: [result("p2", 1, 0, null), result("p2", 0, 1, null)],
          },
        ]),
      ),
    ).toThrow(/two results for problem p2/);
  });
});
