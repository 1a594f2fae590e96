/**
 * How every launcher starts the statistics worker (scripts/worker.ts): `npm start`, and the
 * benchmarks that run one beside their import.
 *
 * `--max-semi-space-size=32`: the frontier's bootstrap of a paper-sized sweep makes ~410 000 short-lived
 * summary objects, and with V8's default young generation its thread spent 5.2 s of 21 s in the
 * garbage collector (a CPU profile of the worker); the collector's helper threads also took the core
 * the bands' thread computes on. `npm run bench:statistics` (41 α × 1 055 × 250, 2026-12-06, load
 * 1.3–2.2): every statistic stored 10.8 s after the commit with V8's default (16 MB), 6.2 s with 32 MB
 * (twice) and 6.2 s with 64 MB, so 32 MB: at most 48 MB more young generation in the worker process.
 * A worker started another way needs the same flag (docs/deploy.md).
 */
export const WORKER_NODE_ARGS: readonly string[] = [
  "--max-semi-space-size=32",
  "--import",
  "tsx",
  "scripts/worker.ts",
];

/** The first pause before `npm start` starts again a worker that exited on its own, ms. */
export const WORKER_RESTART_FIRST_MS = 1_000;
/** The longest such pause, ms: a database down for long is tried again this often. */
export const WORKER_RESTART_LONGEST_MS = 30_000;
/** A worker that ran this long before it exited starts again after the first pause, ms. */
export const WORKER_RAN_WELL_MS = 60_000;

/**
 * The pause before a worker that exited on its own is started again: the first pause, doubled after
 * each quick exit up to the longest, and the first again after a run of a minute or more (a worker
 * that cannot reach the database exits at once, over and over, until it is back).
 */
export function workerRestartPause(previousPauseMs: number | null, ranMs: number): number {
  if (previousPauseMs === null || ranMs >= WORKER_RAN_WELL_MS) return WORKER_RESTART_FIRST_MS;
  return Math.min(previousPauseMs * 2, WORKER_RESTART_LONGEST_MS);
}
