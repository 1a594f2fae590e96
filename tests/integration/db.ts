import { inject } from "vitest";
import { createPrisma, type Db } from "../../lib/db/client";
import { generateDemoSweep } from "../../lib/demo/generate";
import type { DemoOptions } from "../../lib/demo/options";
import type { SweepInput } from "../../lib/domain/sweepInput";
import { type WrittenSweep, writeSweep } from "../../lib/import/writeSweep";

/**
 * The URL of this worker's migrated database (see global-setup.ts): files running at the same time
 * in other workers have databases of their own.
 */
export function testDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  const url = urls[Number(process.env.VITEST_POOL_ID ?? "1") - 1];
  if (!url) throw new Error(`No test database for worker ${process.env.VITEST_POOL_ID} of ${urls.length}.`);
  return url;
}

/** A Prisma client on the test database; disconnect it in afterAll. */
export function testDb(): Db {
  return createPrisma(testDatabaseUrl());
}

/** Empties every application table, so each test file starts from an empty database. */
export async function truncateAll(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    'TRUNCATE "results", "checkpoints", "import_batches", "experiments", "problems", "studies" RESTART IDENTITY CASCADE',
  );
}

/** Stores a hand-made or generated sweep through the importer's writer, as the demo loader does. */
export function storeSweep(db: Db, sweep: SweepInput): Promise<WrittenSweep> {
  const { slug } = sweep.experiment;
  return writeSweep(db, sweep, {
    source: "cli",
    file: `${slug} (test sweep)`,
    format: "test",
    contentHash: slug,
    notes: [],
  });
}

/**
 * Stores a small seeded demo sweep as an experiment of its own (its own benchmark, so its problems
 * never meet another test's).
 */
export function storeSmallSweep(
  db: Db,
  experiment: { slug: string; name: string; benchmark: string },
  options: Pick<DemoOptions, "seed" | "problems" | "alphas" | "samples">,
): Promise<WrittenSweep> {
  const sweep = generateDemoSweep(options);
  sweep.experiment = { ...sweep.experiment, ...experiment };
  return storeSweep(db, sweep);
}
