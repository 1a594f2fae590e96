import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DETECT_HEAD_CHARS } from "@/lib/formats/detect";
import { isManifestFile, parseManifest } from "@/lib/formats/manifest";
import { parseImportBytes, parseImportText } from "@/lib/formats/parseImport";
import { BAD_IMPORTS_DIR, type BadImport, badImportFiles, readBadImports } from "../../support/badImports";
import { issueLines } from "./helpers";

const countLine = (extra: Record<string, unknown>) =>
  JSON.stringify({ problem: "p1", n: 4, pass: 1, wrongAnswer: 1, timeLimit: 1, runtimeError: 1, ...extra });

const CORPUS = readBadImports();

/** What the importer says about a corpus file: a manifest is parsed as one, anything else as results. */
function refusal({ file, format }: BadImport): string[] {
  const bytes = readFileSync(BAD_IMPORTS_DIR + file);
  const head = new TextDecoder().decode(bytes.subarray(0, DETECT_HEAD_CHARS));
  if (isManifestFile(file, head)) return issueLines(() => parseManifest(bytes.toString("utf8"), file));
  return issueLines(() => parseImportBytes(bytes, { file, format }));
}

describe("bad inputs are rejected with file, line or JSON path, and field", () => {
  it("the corpus has at least 60 distinct faults, one file each, every file in the table", () => {
    expect(new Set(CORPUS.map((c) => c.fault)).size).toBe(CORPUS.length);
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(CORPUS.map((c) => c.file).sort()).toEqual(badImportFiles());
  });

  it.each(CORPUS)("$fault ($file)", (badImport) => {
    expect(refusal(badImport)).toEqual(badImport.expected.map((after) => `${badImport.file}${after}`));
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

describe("names that come from the file print on one line, at a bounded length", () => {
  it("shortens a 1 MB unknown key to 300 characters and escapes its control characters", () => {
    const key = `k\u0007${"x".repeat(1_000_000)}`;
    const text = JSON.stringify({ problem: "p1", n: 1, pass: 1, [key]: 1 });
    expect(issueLines(() => parseImportText(text, { file: "run.jsonl" }))).toEqual([
      `run.jsonl:1: k\\u0007${"x".repeat(298)}…: unknown field`,
    ]);
  });
});
