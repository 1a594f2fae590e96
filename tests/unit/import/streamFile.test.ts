import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Difficulty } from "@/lib/domain/difficulty";
import type { ResultInput } from "@/lib/domain/sweepInput";
import { ImportValidationError } from "@/lib/formats/issues";
import { memoryFile } from "@/lib/import/inputFile";
import type { ImportEntry } from "@/lib/import/plan";
import { type PrepareOptions, prepareFile } from "@/lib/import/prepareFile";
import { streamFile } from "@/lib/import/streamFile";
import type { CheckpointKey } from "../../../lib/domain/checkpointKey";

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/import/${path}`, import.meta.url)));

/** Prepares and streams an entry, collecting the rows the sink receives and how often it was asked to wait. */
async function stream(entry: ImportEntry, options: PrepareOptions = {}) {
  const rows: { alpha: CheckpointKey; result: ResultInput; difficulty: Difficulty }[] = [];
  let waits = 0;
  const planned = await prepareFile(entry, options);
  const file = await streamFile(planned, {
    add: (alpha, result, difficulty) => rows.push({ alpha, result, difficulty }),
    afterChunk: async () => {
      waits++;
    },
  });
  return { planned, file, rows, waits };
}

const countLines = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `{"alpha":${i % 2},"problem":"p${i}","n":2,"pass":1,"other":1,"difficulty":"easy"}`,
  ).join("\n");

describe("prepareFile", () => {
  it("detects the format and refuses an empty or oversized file before reading it whole", async () => {
    const planned = await prepareFile({ input: memoryFile("x.jsonl", fixture("native/counts.jsonl")) }, {});
    expect(planned.format).toBe("alphascope-jsonl");
    await expect(prepareFile({ input: memoryFile("e.jsonl", "\n \n") }, {})).rejects.toThrow(
      "e.jsonl: the file is empty",
    );
    await expect(prepareFile({ input: memoryFile("b.jsonl", "{}") }, { maxBytes: 1 })).rejects.toThrow(
      ImportValidationError,
    );
  });
});

describe("streamFile", () => {
  it("gives a harness file the α it is imported at", async () => {
    const { file, rows } = await stream({
      input: memoryFile("humaneval_eval_results.json", fixture("evalplus/humaneval_eval_results.json")),
      alpha: 1.5,
      label: "B+",
      model: "m",
    });
    expect(file.checkpoints).toEqual([{ key: 1.5 }]);
    expect(rows.length).toBe(file.problems.length);
    expect(new Set(rows.map((row) => row.alpha))).toEqual(new Set([1.5]));
  });

  it("gives a harness file imported as a trained checkpoint its label, and refuses a file naming α as one", async () => {
    const { file, rows } = await stream({
      input: memoryFile("humaneval_eval_results.json", fixture("evalplus/humaneval_eval_results.json")),
      trained: { label: "coverage 50%", coverage: 50 },
    });
    expect(file.checkpoints).toEqual([{ key: "coverage 50%" }]);
    expect(new Set(rows.map((row) => row.alpha))).toEqual(new Set(["coverage 50%"]));
    const named = stream({
      input: memoryFile("counts.jsonl", fixture("native/counts.jsonl")),
      trained: { label: "t", coverage: null },
    });
    await expect(named).rejects.toThrow('trained checkpoint "t" is not on the α line');
  });

  it("keeps the α values a native file names, sorted", async () => {
    const { file } = await stream({ input: memoryFile("counts.jsonl", fixture("native/counts.jsonl")) });
    expect(file.checkpoints.length).toBeGreaterThan(1);
    const alphas = file.checkpoints.map((c) => c.key as number);
    expect(alphas).toEqual([...alphas].sort((a, b) => a - b));
  });

  it("hands native rows on as their lines are read, waiting after each chunk", async () => {
    const text = countLines(3000);
    const chunked = {
      name: "many.jsonl",
      size: text.length,
      async *chunks() {
        for (let start = 0; start < text.length; start += 4096)
          yield new TextEncoder().encode(text.slice(start, start + 4096));
      },
    };
    const { file, rows, waits } = await stream({ input: chunked });
    expect(rows.length).toBe(3000);
    expect(rows[2999]).toMatchObject({
      alpha: 1,
      difficulty: "easy",
      result: { problemExternalId: "p2999", n: 2 },
    });
    expect(waits).toBe(Math.ceil(text.length / 4096));
    expect(file.problems.length).toBe(3000);
  });

  it("refuses a file that names no α when none is given, after reading it", async () => {
    const error = await stream({
      input: memoryFile("no-alpha.jsonl", '{"problem":"p","n":1,"pass":1}'),
    }).catch((caught: unknown) => caught);
    expect((error as ImportValidationError).format()).toBe(
      "no-alpha.jsonl: alpha: the file names no α: give one (--alpha, or alpha in the manifest)",
    );
  });

  it("gives the same EvalPlus bytes read with base or plus tests different content hashes", async () => {
    const bytes = fixture("evalplus/humaneval_eval_results.json");
    const entry = () => ({ input: memoryFile("humaneval_eval_results.json", bytes), alpha: 0 });
    const plus = (await stream(entry(), { tests: "plus" })).file;
    const base = (await stream(entry(), { tests: "base" })).file;
    const perEntry = (await stream({ ...entry(), tests: "base" }, { tests: "plus" })).file;
    expect(plus.contentHash).not.toBe(base.contentHash);
    expect(perEntry.contentHash).toBe(base.contentHash);
    expect((await stream(entry())).file.contentHash).toBe(plus.contentHash);
  });

  it("uses the plain sha256 of the bytes for formats without reading options", async () => {
    const bytes = fixture("native/counts.jsonl");
    const { file } = await stream({ input: memoryFile("counts.jsonl", bytes) });
    expect(file.contentHash).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});
