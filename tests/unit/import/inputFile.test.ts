import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskFile, UnreadableFileError } from "@/lib/import/inputFile";

const dir = mkdtempSync(join(tmpdir(), "alphascope-input-"));
const file = join(dir, "run.jsonl");
writeFileSync(file, "0123456789");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string): Promise<UnreadableFileError> {
  const error = await diskFile(path).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe("diskFile", () => {
  it("gives a readable file's name and size", async () => {
    expect(await diskFile(file)).toMatchObject({ name: "run.jsonl", size: 10 });
  });

  it("refuses a directory before reading it", async () => {
    const error = await refusal(dir);
    expect(error.message).toBe(`Cannot read "${dir}": it is a directory, not a file.`);
    expect(error.missing).toBe(false);
  });

  it("says a missing path is missing", async () => {
    expect(await refusal(join(dir, "nope.jsonl"))).toMatchObject({ reason: "no such file", missing: true });
    expect(await refusal(join(file, "inside"))).toMatchObject({ missing: true });
  });

  it("refuses a path the system cannot take", async () => {
    expect(await refusal(`${dir}/a\u0000b`)).toMatchObject({ reason: "not a valid path", missing: false });
  });
});
