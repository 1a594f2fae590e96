import { describe, expect, it } from "vitest";
import { viewContextOf } from "@/lib/views/explorerContext";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

describe("viewContextOf", () => {
  it("offers the registry metrics the checkpoints have, in registry order", () => {
    const context = viewContextOf(makeFrontierFixture());
    expect(context.metrics.map((metric) => metric.id)).toEqual([
      "solveRate",
      "correctness",
      "efficiency",
      "passShare",
      "wrongAnswerShare",
      "timeLimitShare",
      "runtimeErrorShare",
      "compileErrorShare",
      "otherShare",
      "meanPassRuntimeMs",
      "passAt10",
    ]);
    expect(context.defaultX).toBe("correctness");
    expect(context.defaultY).toBe("efficiency");
  });

  it("lists the evaluated α in order and only slices with problems", () => {
    const data = makeFrontierFixture({ alphas: [1, 0, 0.5] });
    data.slices.medium = { ...data.slices.medium, problems: 0, points: [] };
    const context = viewContextOf(data);
    expect(context.alphas).toEqual([0, 0.5, 1]);
    expect(context.slices).toEqual(["all", "easy", "hard"]);
  });
});
