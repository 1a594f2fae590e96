import { inject } from "vitest";
import { createPrisma, type Db } from "../../lib/db/client";

/** The URL of the suite's migrated database (see global-setup.ts). */
export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

/** A Prisma client on the test database; disconnect it in afterAll. */
export function testDb(): Db {
  return createPrisma(testDatabaseUrl());
}

/** Empties every application table, so each test file starts from an empty database. */
export async function truncateAll(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    'TRUNCATE "results", "checkpoints", "import_batches", "experiments", "problems" RESTART IDENTITY CASCADE',
  );
}
