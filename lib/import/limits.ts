import { importError } from "./issues";

/** Default largest file the importer accepts: 512 MiB. */
export const DEFAULT_MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/**
 * Refuses an empty file or one over `maxBytes`, before any parsing (call it with the size from
 * `stat` or the upload's byte length).
 */
export function checkImportSize(file: string, byteLength: number, maxBytes = DEFAULT_MAX_IMPORT_BYTES): void {
  if (byteLength === 0) throw importError({ file, message: "the file is empty" });
  if (byteLength > maxBytes) {
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
