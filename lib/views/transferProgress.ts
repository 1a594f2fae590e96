/** How far a transfer of bytes (an upload, an import's reading) has got, and since when. */
export interface TransferProgress {
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
}

const MB = 1e6;

/** A byte count as `845.2 kB`, `12.3 MB` or `2.51 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(1)} kB`;
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
 * `1.20 GB of 25.00 GB (4%) · 87.0 MB/s · 4 min 30 s left`. Speed and time left appear once a
 * second has passed and some bytes are done (before, they would be noise).
 */
export function formatTransfer({ bytesDone, bytesTotal, elapsedMs }: TransferProgress): string {
  const percent = bytesTotal === 0 ? 100 : Math.floor((bytesDone / bytesTotal) * 100);
  const parts = [`${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)} (${percent}%)`];
  if (elapsedMs >= 1000 && bytesDone > 0) {
    const bytesPerMs = bytesDone / elapsedMs;
    parts.push(`${((bytesPerMs * 1000) / MB).toFixed(1)} MB/s`);
    parts.push(`${formatDuration((bytesTotal - bytesDone) / bytesPerMs)} left`);
  }
  return parts.join(" · ");
}
