import { availableParallelism } from "node:os";

/**
 * How many unit and integration test files run at once: one per core. Vitest's default (cores − 1) is
 * a single worker on a 2-core CI machine, though the files spend much of their time waiting on
 * PostgreSQL and child processes. Each integration worker has a migrated database of its own (see
 * global-setup.ts), so files running at the same time never share tables.
 */
export const TEST_WORKERS = Math.max(2, availableParallelism());
