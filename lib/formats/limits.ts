import { importError } from "./issues";

// The limits every import is checked against before the database sees it, in one place
// (docs/import-formats.md lists them; lib/formats/storable.ts applies them). The experiment slug's
// rule is the domain's, shared with the API and the pages (lib/domain/slug.ts).

/**
 * Default largest file an HTTP upload carries: 8 GiB (a paper-scale lcb_runner file with reasoning
 * traces is several GB). Uploads are spooled to disk and JSON documents stream through the pruner,
 * so the server's memory does not follow this number. A local file has no default limit.
 */
export const DEFAULT_UPLOAD_MAX_BYTES = 8 * 1024 * 1024 * 1024;

/**
 * The largest count (samples, verdicts, runtimes counted) one result or one checkpoint of a file
 * may hold: PostgreSQL's `integer`, the type of every count column (prisma/schema.prisma `Int`).
 */
export const MAX_STORED_COUNT = 2_147_483_647;

/**
 * The longest text, in characters, of each stored field: room for any real benchmark's ids and
 * titles and for model paths, while a hostile file cannot make the pages or the database carry
 * megabytes per row.
 */
export const TEXT_LIMITS = {
  /** A problem id: `abc301_a`, `HumanEval/0`, a LeetCode slug. */
  problemId: 200,
  title: 500,
  platform: 100,
  benchmark: 100,
  /** An experiment's name. */
  name: 200,
  description: 5_000,
  /** A checkpoint's or an endpoint's label. */
  label: 200,
  /** A model reference: a hub id or a local path. */
  model: 500,
  modelFamily: 100,
  modelScale: 100,
  /** A file name or path (a manifest's `file` and `problems`, an upload's name). */
  path: 4_096,
} as const;

export type TextField = keyof typeof TEXT_LIMITS;

/**
 * Refuses an empty file or one over `maxBytes` (when a limit is set), before any parsing (call it
 * with the size from `stat` or the upload's byte length).
 */
export function checkImportSize(file: string, byteLength: number, maxBytes?: number): void {
  if (byteLength === 0) throw importError({ file, message: "the file is empty" });
  if (maxBytes !== undefined && byteLength > maxBytes) {
    throw importError({
      file,
      message: `the file is ${formatBytes(byteLength)}, over the ${formatBytes(maxBytes)} limit`,
    });
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}
