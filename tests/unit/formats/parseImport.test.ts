import { describe, expect, it } from "vitest";
import { contentHash, createContentHasher } from "@/lib/formats/hash";
import { formatIssue, ImportValidationError } from "@/lib/formats/issues";
import { parseLcbProblemList } from "@/lib/formats/lcbProblemList";
import { createLineParser, parseImportBytes, parseImportText } from "@/lib/formats/parseImport";
import { summarizeRun } from "@/lib/formats/summarizeRun";
import { counts, fixture } from "./helpers";

describe("parseImportText", () => {
  it("detects each fixture's format and parses it", () => {
    const cases = [
      ["lcb/Scenario.codegeneration_3_0.2_eval_all.json", "lcb-eval-all"],
      ["lcb/Scenario.codegeneration_3_0.2_eval.json", "lcb-eval"],
      ["evalplus/humaneval_eval_results.json", "evalplus"],
      ["human-eval/samples.jsonl_results.jsonl", "human-eval"],
      ["native/counts.jsonl", "alphascope-jsonl"],
      ["native/samples.csv", "alphascope-csv"],
    ] as const;
    for (const [path, format] of cases) {
      expect(parseImportText(fixture(path), { file: path }).format).toBe(format);
    }
  });

  it("passes the EvalPlus test choice and the LiveCodeBench join through", () => {
    const evalplus = parseImportText(fixture("evalplus/humaneval_eval_results.json"), {
      file: "eval_results.json",
      evalplusTests: "base",
    });
    expect(summarizeRun(evalplus).verdicts.pass).toBe(9);
    const lcbProblems = parseLcbProblemList(fixture("lcb/2024_generation.json"), "gen.json");
    const joined = parseImportText(fixture("lcb/Scenario.codegeneration_3_0.2_eval.json"), {
      file: "x_eval.json",
      lcbProblems,
    });
    expect(joined.problems[1].externalId).toBe("abc320_a");
  });

  it("reads the same run from UTF-8 bytes with a byte-order mark", () => {
    const text = fixture("native/counts.csv");
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(parseImportBytes(bytes, { file: "c.csv" })).toEqual(parseImportText(text, { file: "c.csv" }));
  });
});

describe("createLineParser", () => {
  it("streams the line formats only", () => {
    expect(createLineParser("alphascope-jsonl", "a")).not.toBeNull();
    expect(createLineParser("alphascope-csv", "a")).not.toBeNull();
    expect(createLineParser("human-eval", "a")).not.toBeNull();
    expect(createLineParser("lcb-eval-all", "a")).toBeNull();
    expect(createLineParser("evalplus", "a")).toBeNull();
  });
});

describe("ImportValidationError", () => {
  it("formats file, line, column, path and field", () => {
    expect(formatIssue({ file: "a.jsonl", line: 3, field: "pass", message: "bad" })).toBe(
      "a.jsonl:3: pass: bad",
    );
    expect(formatIssue({ file: "a.json", line: 2, column: 7, message: "bad" })).toBe("a.json:2:7: bad");
    expect(formatIssue({ file: "a.json", path: "$[1].x", field: "x", message: "bad" })).toBe(
      "a.json: $[1].x: bad",
    );
    const error = new ImportValidationError([{ file: "f", message: "m" }]);
    expect(error.message).toBe("f: m");
    expect(error.name).toBe("ImportValidationError");
  });
});

describe("contentHash", () => {
  it("is the SHA-256 of the raw bytes, whole or in chunks", () => {
    const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    expect(contentHash(new Uint8Array(0))).toBe(empty);
    const bytes = new TextEncoder().encode(fixture("native/counts.jsonl"));
    const hasher = createContentHasher();
    hasher.update(bytes.subarray(0, 100));
    hasher.update(bytes.subarray(100));
    expect(hasher.digest()).toBe(contentHash(bytes));
    expect(contentHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("verdict totals survive every entry point", () => {
  it("native CSV through bytes", () => {
    const run = parseImportBytes(new TextEncoder().encode(fixture("native/samples.csv")), { file: "s.csv" });
    expect(summarizeRun(run).verdicts).toEqual(
      counts({ pass: 3, wrongAnswer: 1, timeLimit: 1, compileError: 1, other: 1, runtimeError: 1 }),
    );
  });
});
