import { describe, expect, it } from "vitest";
import { bindCheckpoints } from "@/lib/formats/bindCheckpoints";
import { parseHumanEval } from "@/lib/formats/humanEval";
import { parseNativeJsonl } from "@/lib/formats/nativeJsonl";
import { fixture, issueLines } from "./helpers";

const single = parseHumanEval(fixture("human-eval/samples.jsonl_results.jsonl"), "s.jsonl");
const sweep = parseNativeJsonl(fixture("native/counts.jsonl"), "counts.jsonl");
const oneAlpha = parseNativeJsonl('{"alpha": 0.25, "problem": "p", "n": 1, "pass": 1}', "one.jsonl");

describe("bindCheckpoints", () => {
  it("gives a file without α the α supplied by the caller", () => {
    const bound = bindCheckpoints(single, 0.75);
    expect(bound).toHaveLength(1);
    expect(bound[0].alpha).toBe(0.75);
    expect(bound[0].results).toBe(single.checkpoints[0].results);
  });

  it("keeps the α values a native file names", () => {
    expect(bindCheckpoints(sweep).map((c) => c.alpha)).toEqual([-0.5, 0, 1.5]);
    expect(bindCheckpoints(oneAlpha, 0.25).map((c) => c.alpha)).toEqual([0.25]);
  });

  it("refuses a missing, non-finite or conflicting α", () => {
    expect(issueLines(() => bindCheckpoints(single))).toEqual([
      "s.jsonl: alpha: the file names no α: give one (--alpha, or alpha in the manifest)",
    ]);
    expect(issueLines(() => bindCheckpoints(single, Number.NaN))).toEqual([
      "s.jsonl: alpha: α must be a finite number, got NaN",
    ]);
    expect(issueLines(() => bindCheckpoints(sweep, 0))).toEqual([
      "counts.jsonl: alpha: the file holds α = −0.5, 0, 1.5 but α = 0 was given",
    ]);
  });
});
