import { describe, expect, it } from "vitest";
import { parseHumanEval } from "@/lib/formats/humanEval";
import { humanEvalVerdict } from "@/lib/formats/humanEvalResult";
import { summarizeRun } from "@/lib/formats/summarizeRun";
import { counts, fixture } from "./helpers";

describe("humanEvalVerdict", () => {
  it.each([
    ["passed", "pass"],
    ["timed out", "timeLimit"],
    ["failed: ", "wrongAnswer"],
    ["failed:", "wrongAnswer"],
    ["failed: AssertionError: expected 3", "wrongAnswer"],
    ["failed: invalid syntax (<string>, line 14)", "compileError"],
    ["failed: unexpected indent (<string>, line 3)", "compileError"],
    ["failed: SyntaxError: '(' was never closed", "compileError"],
    ["failed: IndentationError: unindent does not match any outer indentation level", "compileError"],
    ["failed: name 'foo' is not defined", "runtimeError"],
    ["failed: division by zero", "runtimeError"],
  ] as const)("%j → %s", (result, verdict) => {
    expect(humanEvalVerdict(result)).toBe(verdict);
  });

  it("does not know other strings", () => {
    expect(humanEvalVerdict("error")).toBeUndefined();
  });
});

describe("parseHumanEval", () => {
  it("aggregates non-adjacent samples per task", () => {
    const run = parseHumanEval(
      fixture("human-eval/samples.jsonl_results.jsonl"),
      "samples.jsonl_results.jsonl",
    );
    const [he0, he1, he2] = run.checkpoints[0].results;
    expect(he0.verdicts).toEqual(counts({ pass: 2, wrongAnswer: 1, timeLimit: 1 }));
    expect(he1.verdicts).toEqual(counts({ compileError: 2, runtimeError: 1 }));
    expect(he2.verdicts).toEqual(counts({ pass: 1, wrongAnswer: 1, runtimeError: 1 }));
    const summary = summarizeRun(run);
    expect(summary.samples).toBe(10);
    expect(summary.verdicts).toEqual(
      counts({ pass: 3, wrongAnswer: 2, timeLimit: 1, runtimeError: 2, compileError: 2 }),
    );
    expect(summary.passAt1).toBeCloseTo((2 / 4 + 0 + 1 / 3) / 3, 12);
  });
});
