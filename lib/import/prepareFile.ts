import { DETECT_HEAD_CHARS, resolveFormat } from "../formats/detect";
import type { EvalPlusTests } from "../formats/evalplusStatus";
import { importError } from "../formats/issues";
import { checkImportSize } from "../formats/limits";
import { textFault } from "../formats/storable";
import type { ImportInputFile } from "./inputFile";
import { readHead } from "./manifestImport";
import type { ImportEntry, PlannedFile } from "./plan";

export interface PrepareOptions {
  tests?: EvalPlusTests;
  maxBytes?: number;
  onProgress?: (file: string, read: number, total: number) => void;
}

/** Refuses a file name that cannot be stored with the import's record (and in its notes). */
function checkName(input: ImportInputFile): void {
  const fault = textFault(input.name, "path");
  if (fault) throw importError({ file: input.name, field: "file name", message: fault });
}

/**
 * Checks what can be checked of an entry without reading it whole: the size limit, its name (stored
 * with the import's record), that it is not empty, its format (from the name and the first 64 KiB),
 * and the name of its LiveCodeBench join file. Throws ImportValidationError. The join file and the
 * rows are read by streamFile (where the file is parsed: a parse thread, maybe), while they are written.
 */
export async function prepareFile(entry: ImportEntry, options: PrepareOptions): Promise<PlannedFile> {
  const { input } = entry;
  const progress = (file: string) =>
    options.onProgress && ((read: number, total: number) => options.onProgress?.(file, read, total));
  checkImportSize(input.name, input.size, options.maxBytes);
  checkName(input);
  const head = await readHead(input);
  if (head.replace(/^\uFEFF/, "").trim() === "")
    throw importError({ file: input.name, message: "the file is empty" });
  const format = resolveFormat(input.name, head.slice(0, DETECT_HEAD_CHARS), entry.format);
  const tests = entry.tests ?? options.tests;
  if (entry.generation) {
    checkName(entry.generation);
    checkImportSize(entry.generation.name, entry.generation.size, options.maxBytes);
  }
  return {
    entry,
    format,
    tests,
    maxBytes: options.maxBytes,
    onProgress: progress(input.name),
    onJoinProgress: entry.generation && progress(entry.generation.name),
  };
}
