import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentDetail, FrontierData } from "../../lib/contracts/types";
import { createPrisma, type Db } from "../../lib/db/client";
import { getExperimentList, getFrontierData } from "../../lib/server/experiments";
import { getScalingMatrix } from "../../lib/server/scalingMatrix";
import { computeStatistics } from "../../lib/server/statistics/computeStatistics";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { clearJobs, importSeeded, seededSweepFiles } from "./statisticsSupport";

/** A role that may only read, as a replica would be: the server's reads go there (DATABASE_READ_URL). */
const READER = "alphascope_reader";
const readerUrl = (() => {
  const url = new URL(testDatabaseUrl());
  url.username = READER;
  url.password = "reader";
  return url.toString();
})();

process.env.DATABASE_URL = testDatabaseUrl();
process.env.DATABASE_READ_URL = readerUrl;
const { GET: listRoute } = await import("@/app/api/experiments/route");
const { GET: detailRoute } = await import("@/app/api/experiments/[slug]/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: matrixRoute } = await import("@/app/api/experiments/[slug]/matrix/route");
const { GET: passAtKRoute } = await import("@/app/api/experiments/[slug]/pass-at-k/route");
const { POST: ensembleRoute } = await import("@/app/api/experiments/[slug]/ensembles/route");

const SLUG = "reads";
let db: Db;
let reader: Db;

const context = { params: Promise.resolve({ slug: SLUG }) };
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://test/api/experiments/${SLUG}${path}`, { headers });

async function job() {
  const { id, version } = await db.experiment.findUniqueOrThrow({ where: { slug: SLUG } });
  return { experimentId: id, version };
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await clearJobs(db);
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP OWNED BY ${READER} CASCADE`).catch(() => undefined);
  await admin.query(`DROP ROLE IF EXISTS ${READER}`);
  await admin.query(`CREATE ROLE ${READER} LOGIN PASSWORD 'reader'`);
  await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER}`);
  await admin.end();
  reader = createPrisma(readerUrl);
  await importSeeded(db, SLUG, seededSweepFiles([0, 0.5, 1]));
});

afterAll(async () => {
  await clearJobs(db);
  await reader.$disconnect();
  await db.$disconnect();
});

describe("versioned reads", () => {
  it("say the version, carry an ETag derived from it and answer 304 to If-None-Match", async () => {
    const { version } = await job();
    const first = await detailRoute(get(""), context);
    expect(first.status).toBe(200);
    expect(((await first.json()) as ExperimentDetail).version).toBe(version);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toContain(version);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await detailRoute(get("", { "if-none-match": etag }), context);
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const list = await listRoute(new Request("http://test/api/experiments"));
    const listed = await listRoute(
      new Request("http://test/api/experiments", {
        headers: { "if-none-match": list.headers.get("etag") ?? "" },
      }),
    );
    expect(listed.status).toBe(304);
  });

  it("serve the frontier's points as computing, then the intervals as ready under a new ETag", async () => {
    await importSeeded(db, SLUG, seededSweepFiles([1.5]));
    const computing = await frontierRoute(get("/frontier"), context);
    const points = (await computing.json()) as FrontierData;
    expect(points.status).toBe("computing");
    expect(points.slices.all.points[0].metrics.solveRate).toMatchObject({ lower: null, upper: null });
    await computeStatistics(db, await job());
    const stale = computing.headers.get("etag") ?? "";
    const ready = await frontierRoute(get("/frontier", { "if-none-match": stale }), context);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("etag")).not.toBe(stale);
    const data = (await ready.json()) as FrontierData;
    expect(data.status).toBe("ready");
    expect(data.slices.all.points.map((p) => p.metrics.solveRate.value)).toEqual(
      points.slices.all.points.map((p) => p.metrics.solveRate.value),
    );
    expect(data.slices.all.points[0].metrics.solveRate.lower).toEqual(expect.any(Number));
  });

  it("show an import made through another connection on the very next request", async () => {
    const before = (await (await detailRoute(get(""), context)).json()) as ExperimentDetail;
    const elsewhere = createPrisma(testDatabaseUrl());
    try {
      await importSeeded(elsewhere, SLUG, seededSweepFiles([2], { alphas: [2] }));
    } finally {
      await elsewhere.$disconnect();
    }
    const after = (await (await detailRoute(get(""), context)).json()) as ExperimentDetail;
    expect(after.version).not.toBe(before.version);
    expect(after.checkpoints.map((cp) => cp.alpha)).toEqual([...before.checkpoints.map((cp) => cp.alpha), 2]);
  });

  it("serve pass@k without bands as ready, and asked-for bands not stored yet as computing", async () => {
    await importSeeded(db, SLUG, seededSweepFiles([3], { alphas: [3] }));
    const plain = (await (await passAtKRoute(get("/pass-at-k?difficulty=all"), context)).json()) as {
      status: string;
      bootstrap: unknown;
    };
    expect(plain).toMatchObject({ status: "ready", bootstrap: null });
    const waiting = (await (
      await passAtKRoute(get("/pass-at-k?difficulty=all&bands=1"), context)
    ).json()) as {
      status: string;
      bootstrap: unknown;
    };
    expect(waiting).toMatchObject({ status: "computing", bootstrap: null });
    await computeStatistics(db, await job());
    const banded = await (await passAtKRoute(get("/pass-at-k?difficulty=all&bands=1"), context)).json();
    expect(banded).toMatchObject({ status: "ready", bootstrap: { resamples: 200 } });
  });
});

describe("a read-only role (DATABASE_READ_URL)", () => {
  it("serves every read route and what the pages read, and cannot write", async () => {
    await computeStatistics(db, await job());
    const responses = await Promise.all([
      listRoute(new Request("http://test/api/experiments")),
      detailRoute(get(""), context),
      frontierRoute(get("/frontier"), context),
      matrixRoute(get("/matrix"), context),
      passAtKRoute(get("/pass-at-k?difficulty=all&bands=1"), context),
      passAtKRoute(get("/pass-at-k?difficulty=hard&alphas=0,1&members=0:4,1:4"), context),
      ensembleRoute(
        new Request(`http://test/api/experiments/${SLUG}/ensembles`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            members: [
              { alpha: 0, samples: 4 },
              { alpha: 1, samples: 4 },
            ],
          }),
        }),
        context,
      ),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(await getExperimentList(reader)).toHaveLength(1);
    expect((await getFrontierData(reader, SLUG))?.status).toBe("ready");
    expect((await getScalingMatrix(reader, SLUG))?.checkpoints).toHaveLength(6);
    await expect(reader.experiment.deleteMany({})).rejects.toThrow(/permission denied/);
  });
});
