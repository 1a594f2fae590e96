import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentHeader, FrontierData, Versioned } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { generateDemoSweep } from "@/lib/demo/generate";
import { memoryFile } from "@/lib/import/inputFile";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { clearJobs, computeAllStatistics, importSeeded, statisticsJobs } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { PATCH: patchRoute } = await import("@/app/api/experiments/[slug]/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: passAtKRoute } = await import("@/app/api/experiments/[slug]/pass-at-k/route");
const { GET: matrixRoute } = await import("@/app/api/experiments/[slug]/matrix/route");
const { POST: ensemblesRoute } = await import("@/app/api/experiments/[slug]/ensembles/route");
const { GET: problemsRoute } = await import("@/app/api/experiments/[slug]/problems/route");

const SLUG = "clustered";
const CONTESTS = 6;
let db: Db;

/** The seeded demo sweep as native JSONL, its 30 problems in 6 contests of 5 (one platform, one day each). */
function contestFiles() {
  const sweep = generateDemoSweep({
    seed: 7,
    problems: { easy: 12, medium: 10, hard: 8 },
    alphas: [0, 0.5, 1],
    samples: 16,
  });
  const difficulty = new Map(sweep.problems.map((problem) => [problem.externalId, problem.difficulty]));
  const contest = new Map(sweep.problems.map((problem, i) => [problem.externalId, i % CONTESTS]));
  return sweep.checkpoints.map((checkpoint) => ({
    alpha: checkpoint.alpha,
    input: memoryFile(
      `alpha${checkpoint.alpha}.jsonl`,
      checkpoint.results
        .map((result) =>
          JSON.stringify({
            problem: result.problemExternalId,
            difficulty: difficulty.get(result.problemExternalId),
            platform: "atcoder",
            contestDate: `2024-03-0${(contest.get(result.problemExternalId) ?? 0) + 1}`,
            n: result.n,
            ...result.verdicts,
          }),
        )
        .join("\n"),
    ),
  }));
}

function patch(body: unknown) {
  return patchRoute(
    new Request(`http://localhost/api/experiments/${SLUG}`, {
      method: "PATCH",
      body: JSON.stringify(body),
      headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
    }),
    { params: Promise.resolve({ slug: SLUG }) },
  );
}

async function frontier(): Promise<FrontierData> {
  const response = await frontierRoute(new Request(`http://localhost/api/experiments/${SLUG}/frontier`), {
    params: Promise.resolve({ slug: SLUG }),
  });
  return (await response.json()) as FrontierData;
}

async function bandsBootstrap(): Promise<unknown> {
  const response = await passAtKRoute(
    new Request(`http://localhost/api/experiments/${SLUG}/pass-at-k?difficulty=all&bands=1`),
    { params: Promise.resolve({ slug: SLUG }) },
  );
  return ((await response.json()) as { bootstrap: unknown }).bootstrap;
}

async function matrixClusters(): Promise<unknown> {
  const response = await matrixRoute(new Request(`http://localhost/api/experiments/${SLUG}/matrix`), {
    params: Promise.resolve({ slug: SLUG }),
  });
  return ((await response.json()) as { clusters: unknown }).clusters;
}

/** The raw interval of an ensemble of α 0 and α 1 (8 samples each) against the best single. */
async function ensembleGainCI(): Promise<unknown> {
  const response = await ensemblesRoute(
    new Request(`http://localhost/api/experiments/${SLUG}/ensembles`, {
      method: "POST",
      body: JSON.stringify({
        members: [
          { alpha: 0, samples: 8 },
          { alpha: 1, samples: 8 },
        ],
      }),
      headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
    }),
    { params: Promise.resolve({ slug: SLUG }) },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { gainCI: unknown }).gainCI;
}

/** The power of the comparison of α 0 and α 1 on every problem (GET …/problems). */
async function comparisonPower(): Promise<{ clusters: number | null; minimumDetectableEffect: number }> {
  const response = await problemsRoute(
    new Request(`http://localhost/api/experiments/${SLUG}/problems?from=0&to=1`),
    { params: Promise.resolve({ slug: SLUG }) },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { power: { clusters: number | null; minimumDetectableEffect: number } })
    .power;
}

/** Every checkpoint's solve-rate interval on "all". */
function solveRateIntervals(data: FrontierData) {
  return data.slices.all.points.map((point) => [
    point.metrics.solveRate?.lower,
    point.metrics.solveRate?.upper,
  ]);
}

async function storedOption(): Promise<string | null> {
  const row = await db.experiment.findUniqueOrThrow({ where: { slug: SLUG }, select: { clusterBy: true } });
  return row.clusterBy;
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await clearJobs(db);
  await importSeeded(db, SLUG, contestFiles());
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the cluster option", () => {
  let naive: FrontierData;
  let naiveGain: unknown;

  it("is off by default: problems are resampled one by one", async () => {
    naive = await frontier();
    expect(naive.status).toBe("ready");
    expect(naive.experiment.clusterBy).toBeNull();
    expect(naive.bootstrap.cluster).toBeNull();
    expect(await storedOption()).toBeNull();
    expect(await matrixClusters()).toBeNull();
    naiveGain = await ensembleGainCI();
    expect((await comparisonPower()).clusters).toBeNull();
  });

  it("is set by PATCH, which makes a new version whose intervals are computed again by contest", async () => {
    await clearJobs(db);
    const response = await patch({ clusterBy: "contest" });
    expect(response.status).toBe(200);
    const changed = (await response.json()) as ExperimentHeader & Versioned;
    expect(changed.clusterBy).toBe("contest");
    expect(changed.version).not.toBe(naive.version);
    expect(await storedOption()).toBe("contest");
    // No stale interval: until the job runs the new version has points only.
    const waiting = await frontier();
    expect(waiting.version).toBe(changed.version);
    expect(waiting.status).toBe("computing");
    expect(waiting.slices.all.points[0].metrics.solveRate?.lower).toBeNull();
    expect((await statisticsJobs(db)).map((job) => job.payload.version)).toEqual([changed.version]);

    await computeAllStatistics(db);
    const clustered = await frontier();
    expect(clustered.status).toBe("ready");
    expect(clustered.bootstrap).toEqual({
      ...naive.bootstrap,
      cluster: { by: "contest", clusters: CONTESTS },
    });
    expect(await bandsBootstrap()).toEqual(clustered.bootstrap);
    // Same point values, other intervals.
    expect(clustered.slices.all.points.map((p) => p.metrics.solveRate?.value)).toEqual(
      naive.slices.all.points.map((p) => p.metrics.solveRate?.value),
    );
    expect(solveRateIntervals(clustered)).not.toEqual(solveRateIntervals(naive));
    // The ensembles resample the same clusters (the matrix carries each problem's contest).
    const clusters = (await matrixClusters()) as { by: string; keys: string[] };
    expect(clusters.by).toBe("contest");
    expect(new Set(clusters.keys).size).toBe(CONTESTS);
    expect(await ensembleGainCI()).not.toEqual(naiveGain);
    // And the power beside the problems' comparison uses the cluster-robust standard error.
    expect((await comparisonPower()).clusters).toBe(CONTESTS);
  });

  it("refuses an unknown option with a 400 naming the field, and changes nothing", async () => {
    const before = await frontier();
    const response = await patch({ clusterBy: "metadata:title" });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("clusterBy");
    expect(await storedOption()).toBe("contest");
    expect((await frontier()).version).toBe(before.version);
  });

  it("turned off again gives the very intervals of before", async () => {
    const response = await patch({ clusterBy: null });
    expect(response.status).toBe(200);
    expect(await storedOption()).toBeNull();
    await computeAllStatistics(db);
    const again = await frontier();
    expect(again.bootstrap.cluster).toBeNull();
    expect(solveRateIntervals(again)).toEqual(solveRateIntervals(naive));
    expect(await ensembleGainCI()).toEqual(naiveGain);
  });
});
