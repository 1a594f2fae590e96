import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonData } from "../../lib/contracts/compareTypes";
import type { Db } from "../../lib/db/client";
import { DIFFICULTY_SLICES } from "../../lib/domain/difficulty";
import { computeStatistics } from "../../lib/server/statistics/computeStatistics";
import { storeSmallSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { clearJobs, importSeeded, seededSweepFiles } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: compareRoute } = await import("@/app/api/compare/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");

let db: Db;

const compare = (query: string, headers: Record<string, string> = {}) =>
  compareRoute(new Request(`http://test/api/compare?${query}`, { headers }));

async function ownFrontier(slug: string): Promise<unknown> {
  const response = await frontierRoute(new Request(`http://test/api/experiments/${slug}/frontier`), {
    params: Promise.resolve({ slug }),
  });
  return response.json();
}

/** Brute force: each experiment's problem ids with their difficulty, straight from its results. */
async function problemsOf(slug: string): Promise<{ id: string; difficulty: string }[]> {
  return db.$queryRawUnsafe(
    `SELECT DISTINCT p."external_id" AS "id", p."difficulty" FROM "results" r
     JOIN "checkpoints" c ON c."id" = r."checkpoint_id" JOIN "experiments" e ON e."id" = c."experiment_id"
     JOIN "problems" p ON p."id" = r."problem_id" WHERE e."slug" = $1`,
    slug,
  );
}

async function bruteForceOverlap(slugs: string[], slice: string) {
  const sets = await Promise.all(
    slugs.map(async (slug) =>
      (await problemsOf(slug)).filter((p) => slice === "all" || p.difficulty === slice).map((p) => p.id),
    ),
  );
  const union = new Set(sets.flat());
  const shared = [...union].filter((id) => sets.every((set) => set.includes(id)));
  return { sizes: sets.map((set) => set.length), shared: shared.length, union: union.size };
}

async function computeAll(slug: string) {
  const { id, version } = await db.experiment.findUniqueOrThrow({ where: { slug } });
  await computeStatistics(db, { experimentId: id, version });
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await clearJobs(db);
  // Two imports on one benchmark ("custom"): every α, and three α of the same sweep without every 7th problem.
  await importSeeded(db, "cmp-wide", seededSweepFiles());
  await importSeeded(
    db,
    "cmp-narrow",
    seededSweepFiles([0, 0.5, 1], {}, (_, index) => index % 7 !== 3),
  );
  // A third on another benchmark.
  await storeSmallSweep(
    db,
    { slug: "cmp-other", name: "Other benchmark", benchmark: "other-bench" },
    { seed: 3, problems: { easy: 5, medium: 5, hard: 5 }, alphas: [0, 1], samples: 8 },
  );
  await computeAll("cmp-wide");
});

afterAll(async () => {
  await clearJobs(db);
  await db.$disconnect();
});

describe("GET /api/compare", () => {
  it("answers each experiment's own frontier, number for number, in the order asked", async () => {
    const response = await compare("experiments=cmp-narrow,cmp-wide");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ComparisonData;
    expect(body.experiments.map((e) => e.experiment.slug)).toEqual(["cmp-narrow", "cmp-wide"]);
    expect(body.experiments[0]).toEqual(await ownFrontier("cmp-narrow"));
    expect(body.experiments[1]).toEqual(await ownFrontier("cmp-wide"));
    // The wide one's intervals are computed, the narrow one's not yet: each says so, as its own route does.
    expect(body.experiments.map((e) => e.status)).toEqual(["computing", "ready"]);
    expect(body.sameBenchmark).toBe(true);
  });

  it("counts the problem-set overlap per slice exactly as the stored results give it", async () => {
    for (const slugs of [
      ["cmp-wide", "cmp-narrow"],
      ["cmp-wide", "cmp-other"],
      ["cmp-wide", "cmp-narrow", "cmp-other"],
    ]) {
      const body = (await (await compare(`experiments=${slugs.join(",")}`)).json()) as ComparisonData;
      for (const slice of DIFFICULTY_SLICES)
        expect(body.problems[slice], `${slugs} ${slice}`).toEqual(await bruteForceOverlap(slugs, slice));
    }
    const narrow = (await (await compare("experiments=cmp-wide,cmp-narrow")).json()) as ComparisonData;
    // The narrow sweep lacks every 7th problem (4 of the 30): the sets differ.
    expect(narrow.problems.all).toEqual({ sizes: [30, 26], shared: 26, union: 30 });
  });

  it("says when the benchmarks differ", async () => {
    const body = (await (await compare("experiments=cmp-wide,cmp-other")).json()) as ComparisonData;
    expect(body.sameBenchmark).toBe(false);
    expect(body.experiments.map((e) => e.experiment.benchmark)).toEqual(["custom", "other-bench"]);
  });

  it("carries an ETag of the experiments' versions and answers 304 to it", async () => {
    const first = await compare("experiments=cmp-wide,cmp-other");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    expect((await compare("experiments=cmp-wide,cmp-other", { "if-none-match": etag })).status).toBe(304);
    expect((await compare("experiments=cmp-other,cmp-narrow", { "if-none-match": etag })).status).toBe(200);
  });

  it("refuses 400 for a list that is not 2–4 distinct valid slugs, naming the parameter", async () => {
    for (const query of [
      "",
      "experiments=cmp-wide",
      "experiments=cmp-wide,cmp-wide",
      "experiments=a,b,c,d,e",
      "experiments=cmp-wide,Not_A_Slug",
    ]) {
      const response = await compare(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toMatch(/^Invalid query parameter "experiments/);
    }
  });

  it("answers 404 naming every unknown experiment", async () => {
    const response = await compare("experiments=cmp-wide,nope-one,nope-two");
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe('No experiment "nope-one", "nope-two".');
  });
});
