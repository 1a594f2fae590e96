import { formatTransfer } from "../../views/transferProgress";

/** Where a sweep's import stands: bytes over all its files, and time since it started. */
export interface SweepProgress {
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  elapsedMs: number;
}

/**
 * One line of a sweep's progress: `3/41 files · 1.20 GB of 25.00 GB (4%) · 87.0 MB/s · 4 min 30 s
 * left` (speed and time left once a second has passed).
 */
export function formatSweepProgress({ filesDone, filesTotal, ...transfer }: SweepProgress): string {
  return `${filesDone}/${filesTotal} files · ${formatTransfer(transfer)}`;
}

/** Plain lines (not a terminal) are written at most this often, plus one per finished file. */
const PLAIN_LINE_EVERY_MS = 10_000;

/**
 * One progress bar over every byte of a sweep's files, on `stream`: redrawn in place on a terminal,
 * plain lines (each finished file, and every 10 s) when stderr is a pipe or a log. `now` is the
 * clock (injected by tests).
 */
export function sweepProgress(
  files: readonly { name: string; size: number }[],
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  now: () => number = Date.now,
): { onProgress(file: string, read: number, total: number): void; done(): void } {
  const started = now();
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  const read = new Map<string, number>();
  const finished = new Set<string>();
  let lastLine = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    onProgress(file, bytes, total) {
      read.set(file, bytes);
      const fileDone = bytes >= total && !finished.has(file);
      if (fileDone) finished.add(file);
      const time = now();
      if (!stream.isTTY && !fileDone && time - lastLine < PLAIN_LINE_EVERY_MS) return;
      lastLine = time;
      const line = formatSweepProgress({
        bytesDone: [...read.values()].reduce((sum, value) => sum + value, 0),
        bytesTotal,
        filesDone: finished.size,
        filesTotal: files.length,
        elapsedMs: time - started,
      });
      stream.write(stream.isTTY ? `\r\u001b[2K${line}` : `${line}\n`);
      drawn = true;
    },
    done() {
      if (drawn && stream.isTTY) stream.write("\r\u001b[2K");
    },
  };
}
