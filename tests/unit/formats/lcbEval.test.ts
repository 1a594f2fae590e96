import { describe, expect, it } from "vitest";
import { parseLcbEval } from "@/lib/formats/lcbEval";
import { parseLcbEvalAll } from "@/lib/formats/lcbEvalAll";
import { parseLcbProblemList } from "@/lib/formats/lcbProblemList";
import { summarizeRun } from "@/lib/formats/summarizeRun";
import { lcbText } from "../../support/lcbFixture";
import { counts, fixture, issueLines } from "./helpers";

const QWEN3_TOTALS = counts({ pass: 305, wrongAnswer: 527, runtimeError: 141, timeLimit: 82 });

describe("parseLcbEval", () => {
  it("gives the same verdict totals as _eval_all.json for the real Qwen3-8B run, without a join", () => {
    const run = parseLcbEval(lcbText("eval.json"), "x_eval.json");
    const summary = summarizeRun(run);
    expect(summary.verdicts).toEqual(QWEN3_TOTALS);
    expect(summary.passAt1).toBeCloseTo(305 / 1055, 12);
    expect(summary.byDifficulty).toEqual({ easy: 0, medium: 0, hard: 0, unknown: 1055 });
    expect(run.problems[7].externalId).toBe("7");
    expect(run.notes).toEqual([
      "no problem list given: problem ids are the indices 0…1054 and difficulty is unknown",
    ]);
  });

  it("joined with _eval_all.json, matches it problem by problem, runtimes included", () => {
    const join = parseLcbProblemList(lcbText("eval_all.json"), "x_eval_all.json");
    const run = parseLcbEval(lcbText("eval.json"), "x_eval.json", join);
    const direct = parseLcbEvalAll(lcbText("eval_all.json"), "x_eval_all.json");
    expect(run.problems).toEqual(direct.problems);
    expect(run.checkpoints[0].results).toEqual(direct.checkpoints[0].results);
    expect(summarizeRun(run).byDifficulty).toEqual({ easy: 322, medium: 383, hard: 350, unknown: 0 });
  });

  it("reads 2024 per-test codes (false and −2 wrong answer, −1 compile error) joined with a generation file", () => {
    const join = parseLcbProblemList(fixture("lcb/2024_generation.json"), "2024_generation.json");
    const run = parseLcbEval(fixture("lcb/Scenario.codegeneration_3_0.2_eval.json"), "small_eval.json", join);
    const direct = parseLcbEvalAll(
      fixture("lcb/Scenario.codegeneration_3_0.2_eval_all.json"),
      "small_eval_all.json",
    );
    expect(run.checkpoints[0].results).toEqual(direct.checkpoints[0].results);
    expect(run.problems.map((p) => p.externalId)).toEqual(["2849", "abc320_a", "abc320_g"]);
  });

  it("refuses a join file of another run (graded_list disagrees)", () => {
    const other = parseLcbProblemList(fixture("lcb/2025_eval_all.json"), "2025_eval_all.json");
    const results = { 0: [[true], [true]], 1: [[-2], [true]] };
    const metadata = [
      ["{}", "{}"],
      ['{"error_code": -2}', "{}"],
    ];
    const text = JSON.stringify([{ "pass@1": 0.75 }, results, metadata]);
    expect(issueLines(() => parseLcbEval(text, "b_eval.json", other))).toEqual([
      'b_eval.json: $[1]["1"][1]: passes here but graded_list of 2025_eval_all.json says false: not the matching problem list',
    ]);
  });

  it("refuses a join file with another number of problems", () => {
    const join = parseLcbProblemList(fixture("lcb/2024_generation.json"), "gen.json");
    const text = JSON.stringify([{}, { 0: [[true]] }, [["{}"]]]);
    expect(issueLines(() => parseLcbEval(text, "c_eval.json", join))).toEqual([
      "c_eval.json: $[2]: has 1 problems but gen.json lists 3: not the matching problem list",
    ]);
  });
});
