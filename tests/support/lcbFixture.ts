import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The real LiveCodeBench run committed under tests/fixtures/livecodebench/qwen3-8b/ (gzip-compressed;
 * source, licence and totals in tests/fixtures/livecodebench/README.md): lcb_runner's two output forms
 * of one Qwen3-8B evaluation.
 */
export type LcbForm = "eval_all.json" | "eval.json";

export const LCB_FORMS: readonly LcbForm[] = ["eval_all.json", "eval.json"];

const DIR = new URL("../fixtures/livecodebench/qwen3-8b/", import.meta.url);

/** The file's name as lcb_runner wrote it (the importers detect the form by this name). */
export function lcbFileName(form: LcbForm): string {
  return `Scenario.codegeneration_1_0.2_${form}`;
}

/** The file's original bytes. */
export function lcbBytes(form: LcbForm): Buffer {
  return gunzipSync(readFileSync(new URL(`${lcbFileName(form)}.gz`, DIR)));
}

/** The file's text. */
export function lcbText(form: LcbForm): string {
  return lcbBytes(form).toString("utf8");
}

export interface LcbFilesOnDisk {
  /** The path of the decompressed file, under its original name. */
  path(form: LcbForm): string;
  /** Deletes the temporary directory. */
  remove(): void;
}

/**
 * Both files decompressed into a fresh temporary directory, for tests that must hand a real path to
 * the CLI or the import pipeline. Call `remove()` when done (the repository is never written).
 */
export function lcbFilesOnDisk(): LcbFilesOnDisk {
  const dir = mkdtempSync(join(tmpdir(), "alphascope-lcb-"));
  for (const form of LCB_FORMS) writeFileSync(join(dir, lcbFileName(form)), lcbBytes(form));
  return {
    path: (form) => join(dir, lcbFileName(form)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
