import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryFile } from "@/lib/importer/inputFile";
import { prepareFile } from "@/lib/importer/prepareFile";

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/import/${path}`, import.meta.url)));

describe("prepareFile", () => {
  it("gives a harness file the α it is imported at, with label and model", async () => {
    const file = await prepareFile(
      {
        input: memoryFile("humaneval_eval_results.json", fixture("evalplus/humaneval_eval_results.json")),
        alpha: 1.5,
        label: "B+",
        model: "m",
      },
      {},
    );
    expect(file.checkpoints.map(({ alpha, label, model }) => ({ alpha, label, model }))).toEqual([
      { alpha: 1.5, label: "B+", model: "m" },
    ]);
  });

  it("keeps the α values a native file names", async () => {
    const file = await prepareFile({ input: memoryFile("counts.jsonl", fixture("native/counts.jsonl")) }, {});
    expect(file.checkpoints.length).toBeGreaterThan(1);
    expect(file.checkpoints.map((c) => c.alpha)).toEqual(
      [...file.checkpoints.map((c) => c.alpha)].sort((a, b) => a - b),
    );
  });

  it("gives the same EvalPlus bytes read with base or plus tests different content hashes", async () => {
    const bytes = fixture("evalplus/humaneval_eval_results.json");
    const entry = () => ({ input: memoryFile("humaneval_eval_results.json", bytes), alpha: 0 });
    const plus = await prepareFile(entry(), { tests: "plus" });
    const base = await prepareFile(entry(), { tests: "base" });
    const perEntry = await prepareFile({ ...entry(), tests: "base" }, { tests: "plus" });
    expect(plus.contentHash).not.toBe(base.contentHash);
    expect(perEntry.contentHash).toBe(base.contentHash);
    expect(await prepareFile(entry(), {})).toMatchObject({ contentHash: plus.contentHash });
  });

  it("uses the plain sha256 of the bytes for formats without reading options", async () => {
    const bytes = fixture("native/counts.jsonl");
    const { createHash } = await import("node:crypto");
    const file = await prepareFile({ input: memoryFile("counts.jsonl", bytes) }, {});
    expect(file.contentHash).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});
