import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SLUG_MAX_LENGTH } from "@/lib/domain/slug";
import { MAX_STORED_COUNT, TEXT_LIMITS, type TextField } from "@/lib/formats/limits";

const docs = readFileSync(fileURLToPath(new URL("../../../docs/import-formats.md", import.meta.url)), "utf8");

/** The rows of the "Limits" table: first cell → second cell. */
const rows = new Map(
  docs
    .slice(docs.indexOf("### Limits"))
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| what") && !line.startsWith("| ---"))
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .map(([, what, limit]) => [what, limit]),
);

/** The first number in a cell, with its thousands spaces removed (`4 096` → 4096). */
function firstNumber(cell: string | undefined): number {
  const match = /\d[\d ]*\d|\d/.exec(cell ?? "");
  return match ? Number(match[0].replaceAll(" ", "")) : Number.NaN;
}

const ROW: Record<TextField, string> = {
  problemId: "problem id (`problem`, `task_id`, `question_id`, EvalPlus task keys)",
  title: "problem title (`title`, `question_title`)",
  platform: "platform",
  benchmark: "manifest `benchmark`",
  name: "manifest `name`",
  description: "manifest `description`",
  label: "endpoint and checkpoint `label`",
  model: "endpoint and checkpoint `model`",
  modelFamily: "manifest `modelFamily`, `modelScale`",
  modelScale: "manifest `modelFamily`, `modelScale`",
  path: "manifest `file` and `problems` paths, file names",
};

describe("docs/import-formats.md states the limits the importer applies", () => {
  it.each(Object.entries(ROW))("%s: %s", (field, row) => {
    const limit = TEXT_LIMITS[field as TextField];
    const cell = rows.get(row);
    // The problem id's cell reads "1 to 200 characters".
    expect(field === "problemId" ? firstNumber(cell?.replace(/^1 to /, "")) : firstNumber(cell)).toBe(limit);
  });

  it("the counts and the slug", () => {
    expect(
      firstNumber(
        rows.get("counts (`n` and the verdict counts); the samples of one checkpoint of a file, added up"),
      ),
    ).toBe(MAX_STORED_COUNT);
    expect(rows.get("manifest `slug`")).toContain(`at most ${SLUG_MAX_LENGTH} characters`);
  });
});
