import { importError } from "../formats/issues";
import { type ManifestCheckpoint, parseManifest } from "../formats/manifest";
import type { ExperimentSpec } from "./experimentSpec";
import { type ImportInputFile, UnreadableFileError } from "./inputFile";
import type { ImportEntry } from "./plan";
import { readFileText } from "./readFile";

/**
 * Finds the bytes of a file a manifest names: on disk for the CLI, among the uploaded files for
 * the API. `path` is resolved against the manifest's location; null (or an UnreadableFileError
 * saying it is missing) when there is no such file, an UnreadableFileError when it cannot be read.
 */
export type ManifestFileLocator = (path: string) => Promise<ImportInputFile | null>;

/** What a manifest asks to import: the experiment and one entry per checkpoint. */
export interface ManifestImport {
  experiment: ExperimentSpec;
  entries: ImportEntry[];
}

/** Largest manifest read: it lists files, it does not hold results. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

async function locate(
  manifest: string,
  entry: string,
  key: "file" | "problems",
  path: string,
  locator: ManifestFileLocator,
): Promise<ImportInputFile> {
  const where = { file: manifest, path: `${entry}.${key}`, field: key };
  const found = await locator(path).catch((error: unknown) => {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.missing) return null;
    throw importError({ ...where, message: `cannot read ${JSON.stringify(path)}: ${error.reason}` });
  });
  if (found) return found;
  throw importError({
    ...where,
    message: `no file ${JSON.stringify(path)} (paths are relative to the manifest; upload every file it names with it)`,
  });
}

async function entryOf(
  manifest: string,
  checkpoint: ManifestCheckpoint,
  locator: ManifestFileLocator,
): Promise<ImportEntry> {
  return {
    input: await locate(manifest, checkpoint.where, "file", checkpoint.path, locator),
    alpha: checkpoint.alpha ?? undefined,
    trained: checkpoint.trained ?? undefined,
    format: checkpoint.format ?? undefined,
    tests: checkpoint.tests ?? undefined,
    label: checkpoint.label,
    model: checkpoint.model,
    generation:
      checkpoint.problemsPath === null
        ? undefined
        : await locate(manifest, checkpoint.where, "problems", checkpoint.problemsPath, locator),
  };
}

/**
 * Reads a sweep manifest and finds every file it names (before anything is parsed, so a missing
 * file is reported at once). Throws ImportValidationError naming the manifest line or path.
 */
export async function readManifest(
  input: ImportInputFile,
  locator: ManifestFileLocator,
): Promise<ManifestImport> {
  const { text } = await readFileText(input, { maxBytes: MAX_MANIFEST_BYTES });
  const manifest = parseManifest(text, input.name);
  const entries: ImportEntry[] = [];
  for (const checkpoint of manifest.checkpoints) {
    entries.push(await entryOf(input.name, checkpoint, locator));
  }
  return { experiment: manifest.experiment, entries };
}

/** Reads at most the first `bytes` of a file (to tell a manifest from a results file). */
export async function readHead(input: ImportInputFile, bytes = 64 * 1024): Promise<string> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of input.chunks()) {
    parts.push(Uint8Array.from(chunk));
    length += chunk.byteLength;
    if (length >= bytes) break;
  }
  const head = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    head.set(part, offset);
    offset += part.byteLength;
  }
  return new TextDecoder().decode(head.subarray(0, bytes));
}
