/** Where a sweep's import stands: bytes over all its files, and time since it started. */
export interface SweepProgress {
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  elapsedMs: number;
}

const MB = 1e6;

function size(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** A duration as `1 h 02 min`, `4 min 05 s` or `12 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, "0")} s`;
  return `${s} s`;
}

/**
 * One line of a sweep's progress: `3/41 files · 1.20 GB of 25.00 GB (4%) · 87.0 MB/s · 4 min 30 s
 * left`. Speed and time left appear once a second has passed and some bytes are read (before,
 * they would be noise).
 */
export function formatSweepProgress(progress: SweepProgress): string {
  const { bytesDone, bytesTotal, filesDone, filesTotal, elapsedMs } = progress;
  const percent = bytesTotal === 0 ? 100 : Math.floor((bytesDone / bytesTotal) * 100);
  const parts = [
    `${filesDone}/${filesTotal} files`,
    `${size(bytesDone)} of ${size(bytesTotal)} (${percent}%)`,
  ];
  if (elapsedMs >= 1000 && bytesDone > 0) {
    const bytesPerMs = bytesDone / elapsedMs;
    parts.push(`${((bytesPerMs * 1000) / MB).toFixed(1)} MB/s`);
    parts.push(`${formatDuration((bytesTotal - bytesDone) / bytesPerMs)} left`);
  }
  return parts.join(" · ");
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
