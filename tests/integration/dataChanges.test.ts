import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import { type DataChangeListener, listenForDataChanges } from "../../lib/db/dataChangeListener";
import { dataChangeId } from "../../lib/db/queries/dataChanges";
import { computeStatistics } from "../../lib/server/statistics/computeStatistics";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { clearJobs, importSeeded, seededSweepFiles } from "./statisticsSupport";

const SLUG = "changes";
let db: Db;
let listener: DataChangeListener;
const notified: string[] = [];

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await clearJobs(db);
  listener = listenForDataChanges(testDatabaseUrl(), (slug) => notified.push(slug));
});

afterAll(async () => {
  await listener.stop();
  await clearJobs(db);
  await db.$disconnect();
});

/** Waits until the listener has been told about `slug` (the LISTEN connection may still be opening). */
async function notifiedOf(slug: string): Promise<void> {
  await expect.poll(() => notified.includes(slug), { timeout: 20_000 }).toBe(true);
}

describe("data_changes", () => {
  it("gets a new id, and listeners the slug, when an import commits", async () => {
    // The listener must be listening before the import for its notification to count.
    await expect
      .poll(
        async () => {
          await db.$executeRawUnsafe(`SELECT pg_notify('alphascope_data_changes', 'ping')`);
          return notified.includes("ping");
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const before = await dataChangeId(db);
    await importSeeded(db, SLUG, seededSweepFiles([0, 1]));
    const afterImport = await dataChangeId(db);
    expect(afterImport).not.toBe(before);
    await notifiedOf(SLUG);

    notified.length = 0;
    const { id, version } = await db.experiment.findUniqueOrThrow({ where: { slug: SLUG } });
    await computeStatistics(db, { experimentId: id, version });
    expect(await dataChangeId(db)).not.toBe(afterImport);
    await notifiedOf(SLUG);
  });

  it("keeps its id through a dry run, and shows a change only once it commits", async () => {
    const before = await dataChangeId(db);
    await importSeeded(db, SLUG, seededSweepFiles([0.5]), { dryRun: true });
    expect(await dataChangeId(db)).toBe(before);

    let inside: string | null = null;
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE "experiments" SET "name" = 'renamed' WHERE "slug" = $1`, SLUG);
      inside = await dataChangeId(db);
    });
    expect(inside).toBe(before);
    expect(await dataChangeId(db)).not.toBe(before);
  });

  it("gets a new id when experiments are deleted or truncated", async () => {
    const before = await dataChangeId(db);
    await db.experiment.deleteMany({ where: { slug: SLUG } });
    const afterDelete = await dataChangeId(db);
    expect(afterDelete).not.toBe(before);
    await truncateAll(db);
    expect(await dataChangeId(db)).not.toBe(afterDelete);
  });
});
