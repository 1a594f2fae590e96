import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { importError } from "../formats/issues";
import { diskFile } from "./inputFile";
import type { ImportEntry } from "./plan";

/**
 * The name of a directory holding one α's run: `alpha_<α>` or `alpha=<α>` (case-insensitive), α a
 * decimal number such as `-0.5`, `0`, `1.25` or `1e-3`.
 */
const ALPHA_DIRECTORY = /^alpha[_=]([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)$/i;

/** α named by a run directory's name, or null when the name does not follow the pattern. */
export function alphaFromDirectoryName(name: string): number | null {
  const match = ALPHA_DIRECTORY.exec(name);
  if (!match) return null;
  const alpha = Number(match[1]);
  return Number.isFinite(alpha) ? alpha : null;
}

/**
 * The results file of one α's run directory: LiveCodeBench's `*_eval_all.json` when there is one
 * (it holds everything `_eval.json` does, with the problems joined), else the directory's only file.
 */
function runFile(directory: string, files: string[]): string {
  const evalAll = files.filter((name) => name.endsWith("_eval_all.json"));
  const candidates = evalAll.length > 0 ? evalAll : files;
  if (candidates.length === 1) return candidates[0];
  throw importError({
    file: directory,
    message:
      candidates.length === 0
        ? "no results file in this α directory"
        : `one results file per α directory expected, found ${candidates.length}: ${candidates.sort().join(", ")}`,
  });
}

/**
 * Reads a directory of per-α runs (`<dir>/alpha_-0.5/…_eval_all.json`, `<dir>/alpha=0/run.jsonl`, …)
 * as the entries of one import, in increasing α. Every subdirectory must follow the pattern, so a
 * misspelt one is an error rather than a silently missing α; hidden entries and top-level files
 * (a README, logs) are ignored.
 */
export async function readSweepDirectory(path: string): Promise<ImportEntry[]> {
  const children = await readdir(path, { withFileTypes: true });
  const runs: { alpha: number; directory: string }[] = [];
  for (const child of children) {
    if (!child.isDirectory() || child.name.startsWith(".")) continue;
    const directory = join(path, child.name);
    const alpha = alphaFromDirectoryName(child.name);
    if (alpha === null)
      throw importError({
        file: directory,
        message: "not an α directory: name it alpha_<α> or alpha=<α>, e.g. alpha_-0.5",
      });
    const twin = runs.find((run) => run.alpha === alpha);
    if (twin)
      throw importError({ file: directory, field: "alpha", message: `α ${alpha} is also ${twin.directory}` });
    runs.push({ alpha, directory });
  }
  if (runs.length === 0)
    throw importError({ file: path, message: "no α directories (alpha_<α> or alpha=<α>) in this directory" });
  runs.sort((a, b) => a.alpha - b.alpha);
  const entries: ImportEntry[] = [];
  for (const run of runs) {
    const files = (await readdir(run.directory, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name);
    const file = join(run.directory, runFile(run.directory, files));
    entries.push({ input: await diskFile(file, file), alpha: run.alpha });
  }
  return entries;
}
