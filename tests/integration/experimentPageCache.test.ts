import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentListQuery, ExperimentPage } from "@/lib/contracts/experimentListQuery";
import type { Db } from "@/lib/db/client";
import { putExperimentShare, type ReadScope, removeExperimentShare } from "@/lib/db/queries/experimentShares";
import { putUser } from "@/lib/db/queries/users";
import { cachedExperimentPage } from "@/lib/server/experimentPageCache";
import { getExperimentPage } from "@/lib/server/experiments";
import { storeSmallSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: listRoute } = await import("@/app/api/experiments/route");

let db: Db;
let owner: number;
let reader: number;

const QUERY: ExperimentListQuery = { sort: "name", limit: 50 };

const store = (slug: string, seed: number) =>
  storeSmallSweep(
    db,
    { slug, name: `Cache ${slug}`, benchmark: `cache-${slug}` },
    { seed, problems: { easy: 1, medium: 1, hard: 1 }, alphas: [0, 1], samples: 2 },
  );

async function page(scope: ReadScope, query: ExperimentListQuery = QUERY): Promise<ExperimentPage> {
  const answer = await cachedExperimentPage(db, query, scope);
  return JSON.parse(answer.body as string) as ExperimentPage;
}

const slugs = async (scope: ReadScope, query?: ExperimentListQuery) =>
  (await page(scope, query)).items.map((item) => item.slug);

async function experimentId(slug: string): Promise<number> {
  return (await db.experiment.findUniqueOrThrow({ where: { slug } })).id;
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  owner = (await putUser(db, { email: "cache-owner@example.com", role: "viewer" })).id;
  reader = (await putUser(db, { email: "cache-reader@example.com", role: "viewer" })).id;
  await store("cache-a", 1);
  await store("cache-b", 2);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the list's page cache", () => {
  it("answers a repeated query with the bytes it encoded, whatever the parameters' order, and 304 for its ETag", async () => {
    const first = await cachedExperimentPage(db, QUERY, { kind: "all" });
    const again = await cachedExperimentPage(db, { limit: 50, sort: "name" }, { kind: "all" });
    expect(again.encoded?.bytes).toBe(first.encoded?.bytes);
    // What it holds is what the query reads.
    expect(JSON.parse(first.body as string)).toEqual(
      JSON.parse(JSON.stringify(await getExperimentPage(db, QUERY, { kind: "all" }))),
    );
    const revalidated = await listRoute(
      new Request("http://localhost/api/experiments?sort=name&limit=50", {
        headers: { "if-none-match": first.etag },
      }),
    );
    expect(revalidated.status).toBe(304);
    const changed = await listRoute(
      new Request("http://localhost/api/experiments?sort=name&limit=50", {
        headers: { "if-none-match": '"another"' },
      }),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).toBe(first.etag);
    expect(((await changed.json()) as ExperimentPage).items.map((item) => item.slug)).toEqual([
      "cache-a",
      "cache-b",
    ]);
  });

  it("shows an import, a deletion and a stored thumbnail at the very next read", async () => {
    expect(await slugs({ kind: "all" })).toEqual(["cache-a", "cache-b"]);
    await store("cache-c", 3);
    expect(await slugs({ kind: "all" })).toEqual(["cache-a", "cache-b", "cache-c"]);
    expect((await page({ kind: "all" })).items.every((item) => item.thumbnail === null)).toBe(true);
    await computeAllStatistics(db);
    expect((await page({ kind: "all" })).items.every((item) => item.thumbnail !== null)).toBe(true);
    await db.$executeRaw`UPDATE "experiments" SET "deleted_at" = now() WHERE "slug" = 'cache-c'`;
    expect(await slugs({ kind: "all" })).toEqual(["cache-a", "cache-b"]);
    expect((await page({ kind: "all" })).total).toBe(2);
  });

  it("keeps each reader's page apart and follows visibility and share changes at once", async () => {
    const asOwner: ReadScope = { kind: "user", userId: owner };
    const asReader: ReadScope = { kind: "user", userId: reader };
    const everyone = ["cache-a", "cache-b"];
    for (const scope of [asOwner, asReader, { kind: "all" } as const])
      expect(await slugs(scope)).toEqual(everyone);
    expect(await slugs({ kind: "public" })).toEqual([]);

    const hidden = await experimentId("cache-b");
    await db.$executeRaw`UPDATE "experiments" SET "visibility" = 'private', "owner_id" = ${owner} WHERE "id" = ${hidden}`;
    expect(await slugs(asOwner)).toEqual(everyone);
    expect(await slugs(asReader)).toEqual(["cache-a"]);
    expect((await page(asReader)).total).toBe(1);
    expect(await slugs({ kind: "all" })).toEqual(everyone);

    await db.$transaction((tx) =>
      putExperimentShare(tx, { experimentId: hidden, userId: reader, role: "viewer" }),
    );
    expect(await slugs(asReader)).toEqual(everyone);
    await db.$transaction((tx) => removeExperimentShare(tx, hidden, reader));
    expect(await slugs(asReader)).toEqual(["cache-a"]);

    await db.$executeRaw`UPDATE "experiments" SET "visibility" = 'public' WHERE "id" = ${hidden}`;
    expect(await slugs({ kind: "public" })).toEqual(["cache-b"]);
    expect(await slugs(asReader)).toEqual(everyone);
  });

  it("follows a study's new slug in the study filter", async () => {
    const study = await db.study.create({ data: { slug: "cache-study", name: "Cache study" } });
    await db.experiment.update({ where: { slug: "cache-a" }, data: { studyId: study.id } });
    const inStudy = (slug: string) => slugs({ kind: "all" }, { ...QUERY, study: slug });
    expect(await inStudy("cache-study")).toEqual(["cache-a"]);
    expect(await inStudy("cache-renamed")).toEqual([]);
    await db.study.update({ where: { id: study.id }, data: { slug: "cache-renamed" } });
    expect(await inStudy("cache-renamed")).toEqual(["cache-a"]);
    expect(await inStudy("cache-study")).toEqual([]);
  });
});
