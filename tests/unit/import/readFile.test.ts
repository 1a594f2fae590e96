import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ImportValidationError } from "@/lib/formats/issues";
import { type ImportInputFile, memoryFile } from "@/lib/import/inputFile";
import { readImportFile } from "@/lib/import/readFile";

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/import/${path}`, import.meta.url)));

/** The same bytes delivered in chunks of `size` bytes (splitting lines and multi-byte characters). */
function chunked(
  name: string,
  bytes: Uint8Array,
  size: number,
  declaredSize = bytes.byteLength,
): ImportInputFile {
  return {
    name,
    size: declaredSize,
    async *chunks() {
      for (let start = 0; start < bytes.byteLength; start += size) yield bytes.subarray(start, start + size);
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportValidationError);
  return (error as ImportValidationError).format();
}

describe("readImportFile", () => {
  it("parses a streamed line file exactly like the whole file, whatever the chunk size", async () => {
    const bytes = fixture("native/counts.jsonl");
    const whole = await readImportFile(memoryFile("counts.jsonl", bytes));
    for (const size of [1, 7, 64, 4096]) {
      const streamed = await readImportFile(chunked("counts.jsonl", bytes, size));
      expect(streamed.run).toEqual(whole.run);
    }
  });

  it("hashes the raw bytes (sha256) and reports progress up to the file size", async () => {
    const bytes = fixture("human-eval/samples.jsonl_results.jsonl");
    const progress: number[] = [];
    const { sha256, run } = await readImportFile(chunked("samples.jsonl_results.jsonl", bytes, 100), {
      onProgress: (read) => progress.push(read),
    });
    expect(run.format).toBe("human-eval");
    expect(sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(progress.at(-1)).toBe(bytes.byteLength);
  });

  it("decodes a multi-byte character split across chunks", async () => {
    const text = '{"problem": "é-1", "title": "Überlauf ∑", "n": 1, "pass": 1}\n';
    const { run } = await readImportFile(chunked("accents.jsonl", new TextEncoder().encode(text), 3));
    expect(run.problems[0]).toMatchObject({ externalId: "é-1", title: "Überlauf ∑" });
  });

  it("refuses a stream that turns out larger than the limit even when its declared size was small", async () => {
    const bytes = fixture("native/counts.jsonl");
    const message = await failure(readImportFile(chunked("counts.jsonl", bytes, 50, 10), { maxBytes: 100 }));
    expect(message).toMatch(/^counts\.jsonl: the file is \d+ B, over the 100 B limit$/);
  });

  it("refuses empty and whitespace-only files", async () => {
    expect(await failure(readImportFile(memoryFile("e.json", "")))).toBe("e.json: the file is empty");
    expect(await failure(readImportFile(memoryFile("w.json", " \n\t\n")))).toBe("w.json: the file is empty");
  });

  it("asks for --format when neither the name nor the content tells", async () => {
    const message = await failure(readImportFile(memoryFile("data.txt", "hello\n")));
    expect(message).toContain("data.txt: cannot tell the file format; name one with --format");
  });
});
