/** Saves a blob as a file the browser downloads, under the given name. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; free it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A file name made of parts ("demo", "frontier", "hard" → "demo-frontier-hard.svg"): letters,
 * digits, dots and dashes only, so it is safe on every file system.
 */
export function exportFileName(parts: readonly string[], extension: string): string {
  const stem = parts
    .map((part) => part.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("-");
  return `${stem || "alphascope"}.${extension}`;
}
