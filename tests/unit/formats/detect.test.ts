import { describe, expect, it } from "vitest";
import { detectFormat, resolveFormat } from "@/lib/formats/detect";
import { lcbText } from "../../support/lcbFixture";
import { fixture } from "./helpers";

describe("detectFormat", () => {
  it.each([
    ["output/Qwen/Scenario.codegeneration_10_0.2_eval_all.json", "lcb-eval-all"],
    ["Scenario.codegeneration_10_0.2_eval.json", "lcb-eval"],
    ["humaneval/model_temp_0.8/eval_results.json", "evalplus"],
    ["samples_evalperf_results.json", "evalplus"],
    ["samples.jsonl_results.jsonl", "human-eval"],
    ["sweep.CSV", "alphascope-csv"],
  ] as const)("by name: %s → %s", (name, format) => {
    expect(detectFormat(name, "")).toBe(format);
  });

  it.each([
    ["a.json", lcbText("eval_all.json").slice(0, 4096), "lcb-eval-all"],
    ["b.json", lcbText("eval.json").slice(0, 4096), "lcb-eval"],
    ["c.json", fixture("evalplus/humaneval_eval_results.json"), "evalplus"],
    ["d.json", fixture("evalplus/legacy_eval_results.json"), "evalplus"],
    ["e.json", fixture("evalplus/evalperf_results.json"), "evalplus"],
    ["f.jsonl", fixture("human-eval/samples.jsonl_results.jsonl"), "human-eval"],
    ["g.txt", fixture("native/counts.jsonl"), "alphascope-jsonl"],
    ["h.txt", `\uFEFF${fixture("native/samples.jsonl")}`, "alphascope-jsonl"],
    ["i.txt", fixture("native/counts.csv"), "alphascope-csv"],
  ] as const)("by content: %s → %s", (name, head, format) => {
    expect(detectFormat(name, head)).toBe(format);
  });

  it("falls back to native JSONL for a .jsonl name whose content says nothing", () => {
    expect(detectFormat("x.jsonl", "[1]")).toBe("alphascope-jsonl");
    expect(detectFormat("x.json", "[1]")).toBeNull();
  });
});

describe("resolveFormat", () => {
  it("prefers the explicit override", () => {
    expect(resolveFormat("x_eval_all.json", "[", "alphascope-jsonl")).toBe("alphascope-jsonl");
  });

  it("asks for --format when nothing matches", () => {
    expect(() => resolveFormat("notes.txt", "hello")).toThrow(/name one with --format/);
  });
});
