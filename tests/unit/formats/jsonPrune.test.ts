import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ImportValidationError } from "@/lib/formats/issues";
import { parseJsonDocument } from "@/lib/formats/jsonDocument";
import { JsonPruner, pruneJson } from "@/lib/formats/jsonPrune";
import { parseImportText } from "@/lib/formats/parseImport";
import type { ImportInputFile } from "@/lib/import/inputFile";
import { readImportFile } from "@/lib/import/readFile";

const root = fileURLToPath(new URL("../../fixtures/import/", import.meta.url));

/** Every committed JSON document fixture (real runs and the fault corpus), by path under the root. */
function jsonFixtures(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (/\.json$/.test(entry.name) && !/manifest/.test(path)) found.push(path);
    }
  };
  walk("");
  return found.sort();
}

function chunked(name: string, bytes: Uint8Array, size: number): ImportInputFile {
  return {
    name,
    size: bytes.byteLength,
    async *chunks() {
      for (let start = 0; start < bytes.byteLength; start += size) yield bytes.subarray(start, start + size);
    },
  };
}

/** The outcome of a parse: the run, or the error's full text. */
async function outcome(parse: () => unknown): Promise<unknown> {
  try {
    return await parse();
  } catch (error) {
    if (error instanceof ImportValidationError) return { error: error.format() };
    throw error;
  }
}

describe("JSON documents streamed through the pruner", () => {
  const fixtures = jsonFixtures();

  it("finds the committed real fixtures and the fault corpus", () => {
    expect(fixtures.some((path) => path.startsWith("lcb/"))).toBe(true);
    expect(fixtures.some((path) => path.startsWith("evalplus/"))).toBe(true);
    expect(fixtures.filter((path) => path.startsWith("bad/")).length).toBeGreaterThan(5);
  });

  it.each(fixtures)(
    "%s: same run or same error as the whole-text parser, at any chunk size",
    async (path) => {
      const bytes = readFileSync(join(root, path));
      const name = path.split("/").pop() ?? path;
      const text = bytes.toString("utf8");
      const expected = await outcome(() => parseImportText(text, { file: name }));
      for (const size of [7, 64, 4096, 1 << 20]) {
        const streamed = await outcome(async () => (await readImportFile(chunked(name, bytes, size))).run);
        expect(streamed, `chunks of ${size} bytes`).toEqual(expected);
      }
    },
  );
});

describe("pruneJson", () => {
  const doc = (outputs: string) =>
    `[{"question_id": "a", "output_list": [${outputs}], "code_list": ["x"], "graded_list": [true]}]`;

  it("empties the unread strings, keeping array lengths and every other value", () => {
    const pruned = pruneJson(doc(`"long \\"quoted\\" output \\u00e9", "two"`));
    expect(JSON.parse(pruned.text)).toEqual([
      { question_id: "a", output_list: ["", ""], code_list: [""], graded_list: [true] },
    ]);
  });

  it("tells the pruned length before the text is built (to refuse one too long for a string)", () => {
    const pruner = new JsonPruner();
    pruner.push(doc(`"${"o".repeat(1000)}", "two"`));
    const length = pruner.length;
    expect(length).toBe(pruner.end().text.length);
  });

  it("keeps keys, and strings under other keys, whole", () => {
    const text = `{"eval": {"output_list": {"solution": "s"}, "k": "v"}}`;
    expect(JSON.parse(pruneJson(text).text)).toEqual({ eval: { output_list: { solution: "" }, k: "v" } });
  });

  it("reports a fault after a cut string at the column of the original file", () => {
    const text = `[{"output_list": ["${"o".repeat(500)}"] "x": 1}]`;
    const error = (() => {
      try {
        parseJsonDocument(pruneJson(text), "f.json");
      } catch (caught) {
        return (caught as ImportValidationError).format();
      }
      return "";
    })();
    const whole = (() => {
      try {
        parseJsonDocument(text, "f.json");
      } catch (caught) {
        return (caught as ImportValidationError).format();
      }
      return "";
    })();
    expect(error).toContain(`1:${text.indexOf(' "x"') + 2}`);
    expect(error).toBe(whole);
  });

  it("finds the end of unread and kept strings past escaped quotes and backslash runs, at every chunk size", () => {
    const tricky = ["a\\\\", 'q\\"', '\\\\\\"\\\\', "x\\\\q \\\\users \\u00e9 \\n", ""];
    const text = `{"output_list": [${tricky.map((t) => `"${t}"`).join(", ")}], "metadata": [${tricky.map((t) => `"${t}"`).join(", ")}]}`;
    const original = JSON.parse(text);
    expect(JSON.parse(pruneJson(text).text)).toEqual({ ...original, output_list: tricky.map(() => "") });
    for (let size = 1; size <= 16; size++) {
      const pruner = new JsonPruner();
      for (let i = 0; i < text.length; i += size) pruner.push(text.slice(i, i + size));
      const pruned = JSON.parse(pruner.end().text);
      expect(pruned.metadata, `chunks of ${size}`).toEqual(original.metadata);
      // An escape split by a chunk's end keeps the rest of that one string.
      pruned.output_list.forEach((kept: string, i: number) => {
        expect(original.output_list[i].endsWith(kept), `chunks of ${size}, string ${i}`).toBe(true);
      });
    }
  });

  it("keeps the rest of an unread string holding a bad escape or a raw control character", () => {
    for (const bad of ["bad \\q escape", "raw \u0001 control", "half \\u12"]) {
      const text = doc(`"${bad}"`);
      const pruner = new JsonPruner();
      for (let i = 0; i < text.length; i += 5) pruner.push(text.slice(i, i + 5));
      const pruned = pruner.end();
      expect(() => JSON.parse(pruned.text)).toThrow();
    }
  });
});
