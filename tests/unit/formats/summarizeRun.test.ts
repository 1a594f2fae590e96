import { describe, expect, it } from "vitest";
import { parseNativeJsonl } from "@/lib/formats/nativeJsonl";
import { summarizeRun, totalResults } from "@/lib/formats/summarizeRun";
import { counts, fixture } from "./helpers";

describe("summarizeRun", () => {
  it("totals every (checkpoint, problem) row and counts distinct problems per difficulty", () => {
    const summary = summarizeRun(parseNativeJsonl(fixture("native/counts.jsonl"), "counts.jsonl"));
    expect(summary).toMatchObject({
      format: "alphascope-jsonl",
      file: "counts.jsonl",
      problems: 9,
      distinctProblems: 3,
      samples: 72,
      byDifficulty: { easy: 1, medium: 1, hard: 1, unknown: 0 },
    });
    expect(summary.verdicts).toEqual(
      counts({ pass: 37, wrongAnswer: 19, timeLimit: 10, runtimeError: 3, compileError: 1, other: 2 }),
    );
    // Mean over the nine rows of pass/n: (6+0+4 + 7+1+5 + 8+0+6) / 8 / 9.
    expect(summary.passAt1).toBeCloseTo(37 / 72, 12);
    expect(summary.checkpoints.map((c) => c.samples)).toEqual([24, 24, 24]);
  });

  it("weights problems equally, not samples, in pass@1", () => {
    const run = parseNativeJsonl(
      '{"problem": "a", "n": 1, "pass": 1}\n{"problem": "b", "n": 9, "wrongAnswer": 9}',
      "x.jsonl",
    );
    expect(summarizeRun(run).passAt1).toBe(0.5);
  });

  it("gives NaN pass@1 for no rows", () => {
    expect(totalResults([])).toEqual({ problems: 0, samples: 0, verdicts: counts({}), passAt1: Number.NaN });
  });
});
