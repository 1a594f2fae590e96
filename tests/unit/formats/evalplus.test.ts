import { describe, expect, it } from "vitest";
import { parseEvalPlus } from "@/lib/formats/evalplus";
import { summarizeRun } from "@/lib/formats/summarizeRun";
import { counts, fixture, issueLines } from "./helpers";

const current = fixture("evalplus/humaneval_eval_results.json");

describe("parseEvalPlus, current schema", () => {
  it("with plus tests (default) passes a sample only if base and plus pass", () => {
    const run = parseEvalPlus(current, "eval_results.json");
    const [he0, he1, he2] = run.checkpoints[0].results;
    // HE/0: pass+pass ×2, pass+fail, fail+fail. HE/1: timeout+timeout, pass+timeout, pass+pass, fail+pass.
    expect(he0.verdicts).toEqual(counts({ pass: 2, wrongAnswer: 2 }));
    expect(he1.verdicts).toEqual(counts({ pass: 1, timeLimit: 2, wrongAnswer: 1 }));
    expect(he2.verdicts).toEqual(counts({ pass: 4 }));
    const summary = summarizeRun(run);
    expect(summary.verdicts).toEqual(counts({ pass: 7, wrongAnswer: 3, timeLimit: 2 }));
    // The file's own pass_at_k.plus["pass@1"]: (2/4 + 1/4 + 4/4) / 3.
    expect(summary.passAt1).toBeCloseTo(0.5833333333333334, 12);
    expect(run.problems.map((p) => [p.externalId, p.difficulty])).toEqual([
      ["HumanEval/0", "unknown"],
      ["HumanEval/1", "unknown"],
      ["HumanEval/2", "unknown"],
    ]);
  });

  it("with base tests ignores plus results", () => {
    const summary = summarizeRun(parseEvalPlus(current, "eval_results.json", "base"));
    expect(summary.verdicts).toEqual(counts({ pass: 9, wrongAnswer: 2, timeLimit: 1 }));
    expect(summary.passAt1).toBeCloseTo(0.75, 12);
  });

  it("falls back to base tests for a base-only run and says so", () => {
    const baseOnly = JSON.stringify({
      eval: {
        "Mbpp/2": [
          { task_id: "Mbpp/2", base_status: "pass", plus_status: null },
          { base_status: "fail", plus_status: null },
        ],
      },
    });
    const run = parseEvalPlus(baseOnly, "eval_results.json");
    expect(run.checkpoints[0].results[0].verdicts).toEqual(counts({ pass: 1, wrongAnswer: 1 }));
    expect(run.notes).toContain("base-only run (no plus results): verdicts come from the base tests");
  });
});

describe("parseEvalPlus, legacy schema", () => {
  const legacy = fixture("evalplus/legacy_eval_results.json");

  it("maps success/failed/timed out, plus by default", () => {
    const run = parseEvalPlus(legacy, "eval_results.json");
    const [he0, he1] = run.checkpoints[0].results;
    expect(he0.verdicts).toEqual(counts({ pass: 1, wrongAnswer: 1, timeLimit: 1 }));
    expect(he1.verdicts).toEqual(counts({ pass: 2, wrongAnswer: 1 }));
    expect(run.notes).toContain("legacy EvalPlus schema (≤ 0.1)");
  });

  it("with base tests", () => {
    const summary = summarizeRun(parseEvalPlus(legacy, "eval_results.json", "base"));
    expect(summary.verdicts).toEqual(counts({ pass: 4, wrongAnswer: 1, timeLimit: 1 }));
    expect(summary.passAt1).toBeCloseTo((1 / 3 + 3 / 3) / 2, 12);
  });

  it("rejects nfiles that disagrees with the samples", () => {
    const bad = JSON.stringify({ eval: { "HumanEval/0": { nfiles: 2, base: [["success", []]], plus: [] } } });
    expect(issueLines(() => parseEvalPlus(bad, "eval_results.json"))).toEqual([
      'eval_results.json: $.eval["HumanEval/0"].nfiles: is the number 2 but base has 1 samples',
    ]);
  });
});

describe("parseEvalPlus, EvalPerf", () => {
  it("counts failing samples as other and keeps per-task dps_norm", () => {
    const run = parseEvalPlus(fixture("evalplus/evalperf_results.json"), "evalperf_results.json");
    const [he10, mbpp3] = run.checkpoints[0].results;
    expect(he10).toMatchObject({ problemExternalId: "HumanEval/10", n: 4, dpsNorm: 62.5 });
    expect(he10.verdicts).toEqual(counts({ pass: 2, other: 2 }));
    expect(mbpp3).toMatchObject({ problemExternalId: "Mbpp/3", dpsNorm: null });
    expect(mbpp3.verdicts).toEqual(counts({ other: 4 }));
    expect(summarizeRun(run).passAt1).toBeCloseTo(0.25, 12);
  });
});
