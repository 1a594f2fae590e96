/** Files smaller than this import in a blink: no bar. */
const MIN_BYTES_FOR_BAR = 8 * 1024 * 1024;
const BAR_WIDTH = 30;

/**
 * A progress bar on stderr for large files, drawn only when stderr is a terminal (never in pipes,
 * logs or tests). Returns the listener to hand to the importer and a function that clears the bar.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  onProgress?: (file: string, read: number, total: number) => void;
  done(): void;
} {
  if (!stream.isTTY) return { done() {} };
  let drawn = false;
  let lastPercent = -1;
  return {
    onProgress(file, read, total) {
      if (total < MIN_BYTES_FOR_BAR) return;
      const percent = Math.min(100, Math.floor((read / total) * 100));
      if (percent === lastPercent) return;
      lastPercent = percent;
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      stream.write(
        `\r${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${String(percent).padStart(3)}% ${file}`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\u001b[2K");
    },
  };
}
