import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JsonPruner } from "@/lib/formats/jsonPrune";
import { LcbEvalAllStream, NotStreamableError, parseLcbEvalAll } from "@/lib/formats/lcbEvalAll";
import { summarizeRun } from "@/lib/formats/summarizeRun";
import { BAD_IMPORTS_DIR, badImportFiles } from "../../support/badImports";
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

/** The text streamed in pieces of `size` characters through the element pruner and LcbEvalAllStream. */
function streamed(text: string, file: string, size: number) {
  const pruner = new JsonPruner(true);
  const stream = new LcbEvalAllStream(file);
  for (let start = 0; start < text.length; start += size) {
    pruner.push(text.slice(start, start + size));
    for (const element of pruner.takeElements()) stream.element(element);
  }
  return stream.end(pruner.end().text);
}

describe("LcbEvalAllStream", () => {
  const file = "Scenario.codegeneration_1_0.2_eval_all.json";

  it("gives the whole parse's run for the real Qwen3-8B run, problem by problem, at any piece size", () => {
    const text = lcbText("eval_all.json");
    const whole = parseLcbEvalAll(text, file);
    for (const size of [100, 4096, 65_536, text.length]) expect(streamed(text, file, size)).toEqual(whole);
  });

  it("takes JSON whitespace around the elements, as the whole parse does", () => {
    const entry = (id: string) =>
      `{"question_id": "${id}", "graded_list": [true], "metadata": ["{\\"execution time\\": 0.5}"], "output_list": ["x"]}`;
    const text = `\r\n [\t${entry("a")}\n,\n  ${entry("b")} ] \n`;
    expect(streamed(text, file, 3)).toEqual(parseLcbEvalAll(text, file));
  });

  it("gives up (the file is then read whole) on anything the whole parse refuses or it does not check", () => {
    const entry = '{"question_id": "a", "graded_list": [true], "metadata": ["{}"]}';
    const other = '{"question_id": "b", "graded_list": [false], "metadata": ["{\\"error_code\\": -2}"]}';
    for (const text of [
      "[]",
      `{"a": ${entry}}`,
      `[${entry} ${other}]`,
      `[${entry},, ${other}]`,
      `[${entry}, 1, ${other}]`,
      `[${entry}, ${other}`,
      `[${entry}, ${other}] x`,
      `[${entry}, ${other}]]`,
      `[${entry}, ${entry}]`,
      `[${entry.replace('"a"', '"a", "question_id": "c"')}]`,
      `[${entry.replace("true", "1")}]`,
      `[${entry.replace("{", "[")}]`,
      `[\u00a0${entry}]`,
    ]) {
      expect(() => streamed(text, file, 5), text).toThrow(NotStreamableError);
    }
  });

  it("gives up on every _eval_all.json of the fault corpus", () => {
    const corpus = badImportFiles().filter((name) => name.endsWith("_eval_all.json"));
    expect(corpus.length).toBeGreaterThan(5);
    for (const name of corpus) {
      const text = readFileSync(BAD_IMPORTS_DIR + name, "utf8");
      expect(() => streamed(text, name, 64), name).toThrow(NotStreamableError);
    }
  });
});
