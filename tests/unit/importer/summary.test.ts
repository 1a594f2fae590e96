import { describe, expect, it } from "vitest";
import type { ProblemInput, ResultInput } from "@/lib/domain/sweepInput";
import { emptyVerdictCounts } from "@/lib/domain/verdicts";
import { summarizeResults } from "@/lib/importer/summary";
import { reportTotals } from "@/lib/importer/totals";

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
const problem = (externalId: string, difficulty: ProblemInput["difficulty"]): ProblemInput => ({
  externalId,
  difficulty,
  title: null,
  platform: null,
  contestDate: null,
});

describe("summarizeResults", () => {
  it("gives totals and unbiased pass@1 overall and per difficulty", () => {
    const summary = summarizeResults(
      [result("a", 4, 1), result("b", 4, 4), result("c", 2, 0)],
      [problem("a", "easy"), problem("b", "easy"), problem("c", "hard")],
    );
    expect(summary).toMatchObject({ problems: 3, samples: 10, verdicts: { pass: 5, wrongAnswer: 5 } });
    expect(summary.passAt1).toBeCloseTo((0.25 + 1 + 0) / 3, 12);
    expect(summary.byDifficulty.easy).toMatchObject({ problems: 2, samples: 8 });
    expect(summary.byDifficulty.easy?.passAt1).toBeCloseTo(0.625, 12);
    expect(summary.byDifficulty.hard).toMatchObject({ problems: 1, passAt1: 0 });
    expect(summary.byDifficulty.medium).toBeUndefined();
  });

  it("counts a result whose problem is not listed as unknown difficulty", () => {
    expect(summarizeResults([result("x", 1, 1)], []).byDifficulty.unknown).toMatchObject({
      problems: 1,
      passAt1: 1,
    });
  });
});

describe("reportTotals", () => {
  it("counts problems once across files and sums the checkpoints", () => {
    const planned = [
      {
        file: "a",
        format: "alphascope-jsonl" as const,
        contentHash: "",
        notes: [],
        problems: [problem("p", "easy"), problem("q", "easy")],
        checkpoints: [],
      },
      {
        file: "b",
        format: "alphascope-jsonl" as const,
        contentHash: "",
        notes: [],
        problems: [problem("q", "easy")],
        checkpoints: [],
      },
    ];
    const checkpoint = {
      ...summarizeResults([result("p", 2, 1), result("q", 2, 2)], []),
      alpha: 0,
      created: true,
      status: "imported" as const,
      inserted: 2,
      replaced: 0,
      unchanged: 0,
    };
    const files = [
      {
        file: "a",
        format: "alphascope-jsonl" as const,
        contentHash: "",
        notes: [],
        checkpoints: [checkpoint],
      },
      {
        file: "b",
        format: "alphascope-jsonl" as const,
        contentHash: "",
        notes: [],
        checkpoints: [{ ...checkpoint, inserted: 0, unchanged: 2 }],
      },
    ];
    expect(reportTotals(planned, files)).toMatchObject({
      problems: 2,
      rows: 4,
      samples: 8,
      inserted: 2,
      unchanged: 2,
    });
  });
});
