import { bindCheckpoints } from "../import/bindCheckpoints";
import type { EvalPlusTests } from "../import/evalplusStatus";
import type { ImportFormat } from "../import/formats";
import { contentHash } from "../import/hash";
import { parseLcbProblemList } from "../import/lcbProblemList";
import type { ImportInputFile } from "./inputFile";
import type { PlannedFile } from "./plan";
import { type ProgressListener, readFileText, readImportFile } from "./readFile";

/** One file of an import and how to read it (from CLI flags, an API request or a manifest entry). */
export interface ImportEntry {
  input: ImportInputFile;
  /** Required unless the file names its α values (native files with an `alpha` field). */
  alpha?: number;
  format?: ImportFormat;
  /** EvalPlus: which tests decide a pass (default: the request's, else plus). */
  tests?: EvalPlusTests;
  label?: string | null;
  model?: string | null;
  /** LiveCodeBench `_eval.json`: the matching `_eval_all.json` or generation file, joined by index. */
  generation?: ImportInputFile;
}

export interface PrepareOptions {
  tests?: EvalPlusTests;
  maxBytes?: number;
  onProgress?: (file: string, read: number, total: number) => void;
}

/**
 * The identity of what a file imports: the sha256 of its bytes, mixed with the options that change
 * how those bytes are read (EvalPlus tests, the joined LiveCodeBench problem list) when they apply.
 */
function importHash(
  sha256: string,
  format: ImportFormat,
  tests: EvalPlusTests | undefined,
  joinSha: string | null,
): string {
  const options: string[] = [];
  if (format === "evalplus") options.push(`tests=${tests ?? "plus"}`);
  if (joinSha !== null) options.push(`join=${joinSha}`);
  return options.length === 0 ? sha256 : contentHash([sha256, ...options].join("\n"));
}

/** Reads, parses and validates one entry and settles its α; throws ImportValidationError. */
export async function prepareFile(entry: ImportEntry, options: PrepareOptions): Promise<PlannedFile> {
  const progress = (file: string): ProgressListener | undefined =>
    options.onProgress && ((read, total) => options.onProgress?.(file, read, total));
  const tests = entry.tests ?? options.tests;
  const readOptions = { maxBytes: options.maxBytes, tests, format: entry.format };
  let join = null;
  if (entry.generation) {
    const generation = await readFileText(entry.generation, {
      ...readOptions,
      onProgress: progress(entry.generation.name),
    });
    join = { list: parseLcbProblemList(generation.text, entry.generation.name), sha256: generation.sha256 };
  }
  const { run, sha256 } = await readImportFile(entry.input, {
    ...readOptions,
    lcbProblems: join?.list,
    onProgress: progress(entry.input.name),
  });
  const checkpoints = bindCheckpoints(run, entry.alpha).map((checkpoint) => ({
    ...checkpoint,
    label: entry.label ?? null,
    model: entry.model ?? null,
  }));
  return {
    file: run.file,
    format: run.format,
    contentHash: importHash(sha256, run.format, tests, join?.sha256 ?? null),
    notes: run.notes,
    problems: run.problems,
    checkpoints,
  };
}
