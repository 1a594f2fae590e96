import { describe, expect, it } from "vitest";
import type { Difficulty } from "@/lib/domain/difficulty";
import type { ProblemInput, ResultInput } from "@/lib/domain/sweepInput";
import { emptyVerdictCounts } from "@/lib/domain/verdicts";
import { SummaryAccumulator, summarizeByDifficulty } from "@/lib/import/summary";
import { reportTotals } from "@/lib/import/totals";

const result = (id: string, n: number, pass: number): ResultInput => ({
  problemExternalId: id,
  n,
  verdicts: { ...emptyVerdictCounts(), pass, wrongAnswer: n - pass },
  runtimeCount: 0,
  runtimeMeanMs: null,
  runtimeMinMs: null,
  runtimeMaxMs: null,
  dpsNorm: null,
});
const problem = (externalId: string, difficulty: Difficulty): ProblemInput => ({
  externalId,
  difficulty,
  title: null,
  platform: null,
  contestDate: null,
});

/** Adds rows to checkpoint 0 of a fresh accumulator and returns its summary. */
function summarize(rows: [difficulty: Difficulty, result: ResultInput][]) {
  const totals = new SummaryAccumulator();
  for (const [difficulty, row] of rows) totals.add(0, difficulty, row);
  return totals.summary(0);
}

describe("SummaryAccumulator", () => {
  it("gives totals and unbiased pass@1 overall and per difficulty", () => {
    const summary = summarize([
      ["easy", result("a", 4, 1)],
      ["easy", result("b", 4, 4)],
      ["hard", result("c", 2, 0)],
    ]);
    expect(summary).toMatchObject({ problems: 3, samples: 10, verdicts: { pass: 5, wrongAnswer: 5 } });
    expect(summary.passAt1).toBeCloseTo((0.25 + 1 + 0) / 3, 12);
    expect(summary.byDifficulty.easy).toMatchObject({ problems: 2, samples: 8 });
    expect(summary.byDifficulty.easy?.passAt1).toBeCloseTo(0.625, 12);
    expect(summary.byDifficulty.hard).toMatchObject({ problems: 1, passAt1: 0 });
    expect(summary.byDifficulty.medium).toBeUndefined();
  });

  it("keeps checkpoints apart and lists difficulties in their usual order", () => {
    const totals = new SummaryAccumulator();
    totals.add(1, "unknown", result("x", 1, 1));
    totals.add(1, "easy", result("y", 2, 1));
    totals.add(0, "hard", result("x", 1, 0));
    expect(Object.keys(totals.summary(1).byDifficulty)).toEqual(["easy", "unknown"]);
    expect(totals.summary(1)).toMatchObject({ problems: 2, samples: 3, passAt1: 0.75 });
    expect(totals.summary(0)).toMatchObject({ problems: 1, passAt1: 0 });
  });

  it("summarizes a checkpoint without rows as empty, pass@1 undefined (NaN)", () => {
    const summary = new SummaryAccumulator().summary(3);
    expect(summary).toMatchObject({ problems: 0, samples: 0, byDifficulty: {} });
    expect(summary.passAt1).toBeNaN();
  });
});

describe("summarizeByDifficulty", () => {
  it("adds per-difficulty totals up into the checkpoint's", () => {
    const verdicts = { ...emptyVerdictCounts(), pass: 3, other: 1 };
    const summary = summarizeByDifficulty([
      {
        difficulty: "hard",
        problems: 1,
        samples: 2,
        verdicts: { ...emptyVerdictCounts(), other: 2 },
        passAt1Sum: 0,
      },
      { difficulty: "easy", problems: 2, samples: 4, verdicts, passAt1Sum: 1.5 },
    ]);
    expect(summary).toMatchObject({ problems: 3, samples: 6, verdicts: { pass: 3, other: 3 }, passAt1: 0.5 });
    expect(summary.byDifficulty).toEqual({
      easy: { problems: 2, samples: 4, verdicts, passAt1: 0.75 },
      hard: { problems: 1, samples: 2, verdicts: { ...emptyVerdictCounts(), other: 2 }, passAt1: 0 },
    });
  });
});

describe("reportTotals", () => {
  it("counts problems once across files and sums the checkpoints", () => {
    const checkpoint = {
      ...summarize([
        ["easy", result("p", 2, 1)],
        ["easy", result("q", 2, 2)],
      ]),
      alpha: 0,
      trained: null,
      created: true,
      status: "imported" as const,
      inserted: 2,
      replaced: 0,
      unchanged: 0,
    };
    const report = (file: string, checkpoints: (typeof checkpoint)[]) => ({
      file,
      format: "alphascope-jsonl" as const,
      contentHash: "",
      notes: [],
      checkpoints,
    });
    const files = [report("a", [checkpoint]), report("b", [{ ...checkpoint, inserted: 0, unchanged: 2 }])];
    const problems = [[problem("p", "easy"), problem("q", "easy")], [problem("q", "easy")]];
    expect(reportTotals(problems, files)).toMatchObject({
      problems: 2,
      rows: 4,
      samples: 8,
      inserted: 2,
      unchanged: 2,
    });
  });
});
