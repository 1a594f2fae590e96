import { describe, expect, it } from "vitest";
import { parseLcbEvalAll } from "@/lib/formats/lcbEvalAll";
import { summarizeRun } from "@/lib/formats/summarizeRun";
import { lcbText } from "../../support/lcbFixture";
import { counts, fixture, verdictTotals } from "./helpers";

describe("parseLcbEvalAll", () => {
  it("gives the known totals of the real Qwen3-8B run (current grader)", () => {
    const run = parseLcbEvalAll(lcbText("eval_all.json"), "Scenario.codegeneration_1_0.2_eval_all.json");
    const summary = summarizeRun(run);
    expect(summary.verdicts).toEqual(
      counts({ pass: 305, wrongAnswer: 527, runtimeError: 141, timeLimit: 82 }),
    );
    expect(summary.distinctProblems).toBe(1055);
    expect(summary.samples).toBe(1055);
    expect(summary.byDifficulty).toEqual({ easy: 322, medium: 383, hard: 350, unknown: 0 });
    expect(summary.passAt1).toBeCloseTo(305 / 1055, 12);
    expect(run.checkpoints).toHaveLength(1);
    expect(run.checkpoints[0].alpha).toBeNull();
  });

  it("keeps problem metadata and the pass runtime in milliseconds", () => {
    const run = parseLcbEvalAll(lcbText("eval_all.json"), "x_eval_all.json");
    expect(run.problems[0]).toEqual({
      externalId: "1873_A",
      title: "A. Short Sort",
      difficulty: "easy",
      platform: "codeforces",
      contestDate: "2023-08-21T00:00:00",
    });
    const first = run.checkpoints[0].results[0];
    expect(first.verdicts.pass).toBe(1);
    expect(first.runtimeCount).toBe(1);
    expect(first.runtimeMeanMs).toBeCloseTo(14.230728149414062, 9);
    const withRuntime = run.checkpoints[0].results.filter((r) => r.runtimeCount > 0);
    expect(withRuntime).toHaveLength(305);
  });

  it("reads the 2024 grader: −1 compile error and {} pass metadata without runtime", () => {
    const run = parseLcbEvalAll(
      fixture("lcb/Scenario.codegeneration_3_0.2_eval_all.json"),
      "old_eval_all.json",
    );
    const [leetcode, easy, hard] = run.checkpoints[0].results;
    expect(leetcode.verdicts).toEqual(counts({ pass: 1, compileError: 1, wrongAnswer: 1 }));
    expect(easy.verdicts).toEqual(counts({ pass: 2, timeLimit: 1 }));
    expect(hard.verdicts).toEqual(counts({ runtimeError: 1, compileError: 1, wrongAnswer: 1 }));
    expect(easy.runtimeCount).toBe(0);
    expect(easy.runtimeMeanMs).toBeNull();
    expect(verdictTotals(run.checkpoints[0].results)).toEqual(
      counts({ pass: 3, compileError: 2, wrongAnswer: 2, timeLimit: 1, runtimeError: 1 }),
    );
    expect(run.problems.map((p) => p.difficulty)).toEqual(["medium", "easy", "hard"]);
  });

  it("reads the 2025 grader: −5 test-runner error is other; runtime statistics over passes", () => {
    const run = parseLcbEvalAll(fixture("lcb/2025_eval_all.json"), "2025_eval_all.json");
    const [easy, hard] = run.checkpoints[0].results;
    expect(easy).toMatchObject({
      n: 2,
      runtimeCount: 2,
      runtimeMeanMs: 1000,
      runtimeMinMs: 500,
      runtimeMaxMs: 1500,
    });
    expect(hard.verdicts).toEqual(counts({ other: 1, timeLimit: 1 }));
  });
});
