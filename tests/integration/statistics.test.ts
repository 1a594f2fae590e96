import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import { listExperiments } from "../../lib/db/queries/experiments";
import { enqueueMissingStatistics } from "../../lib/db/queries/statistics";
import { loadSweepMatrix } from "../../lib/db/queries/sweep";
import { alphaKind } from "../../lib/domain/alpha";
import { DIFFICULTIES, DIFFICULTY_SLICES, type DifficultySlice } from "../../lib/domain/difficulty";
import { memoryFile } from "../../lib/import/inputFile";
import { loadDemoSweep } from "../../lib/import/loadDemo";
import {
  CLAIMS_KIND,
  DETAIL_KIND,
  FRONTIER_KIND,
  FRONTIER_POINTS_KIND,
  INTERVAL_KINDS,
  MATRIX_KIND,
  POINT_KINDS,
  PROBLEMS_KIND,
  passAtKKind,
  SWEEP_COLUMNS_KIND,
  THUMBNAIL_KIND,
} from "../../lib/responses/statisticKinds";
import { CURVE_BOOTSTRAP, FRONTIER_BOOTSTRAP, type LoadedSweep } from "../../lib/responses/statisticPayloads";
import { bootstrapCI, bootstrapFrontierStrata } from "../../lib/science/bootstrap";
import { collapsedFlags } from "../../lib/science/collapse";
import { curveKs } from "../../lib/science/curveKs";
import { METRICS } from "../../lib/science/metricRegistry";
import { checkpointSummaries, sliceSummary, trainedSummaries } from "../../lib/science/metrics";
import { dominates } from "../../lib/science/pareto";
import { meanPassAtK, minSamples } from "../../lib/science/passAtK";
import { sliceProblemIndices } from "../../lib/science/slices";
import { ALL_KINDS, computeStatistics } from "../../lib/server/statistics/computeStatistics";
import { startStatisticsWorker } from "../../lib/server/statistics/worker";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import {
  asJson,
  clearJobs,
  importSeeded,
  rowsPerKind,
  seededSweepFiles,
  statisticsJobs,
  storedBody,
} from "./statisticsSupport";

let db: Db;

async function versionOf(slug: string): Promise<{ id: number; version: string }> {
  return db.experiment.findUniqueOrThrow({ where: { slug }, select: { id: true, version: true } });
}

async function jobOf(slug: string) {
  const { id, version } = await versionOf(slug);
  return { experimentId: id, version };
}

/** The experiment's header and matrix, read straight from the results tables. */
async function sweepOf(slug: string): Promise<LoadedSweep> {
  const sweep = await loadSweepMatrix(db, slug);
  if (!sweep) throw new Error(`no experiment ${slug}`);
  return sweep;
}

/**
 * The default axes' Pareto set by its definition, O(n²): every non-collapsed checkpoint that no
 * other non-collapsed one matches on both axes and beats on one (both axes: higher is better).
 */
function bruteForcePareto(
  points: { alpha: number; collapsed: boolean; metrics: Record<string, { value: number }> }[],
) {
  const competing = points.filter((p) => !p.collapsed);
  const at = (p: (typeof points)[number]) => [p.metrics.correctness.value, p.metrics.efficiency.value];
  const alphas = competing
    .filter((p) =>
      competing.every((q) => {
        const [[px, py], [qx, qy]] = [at(p), at(q)];
        return !(qx >= px && qy >= py && (qx > px || qy > py));
      }),
    )
    .map((p) => p.alpha);
  return { x: "correctness", y: "efficiency", includesCollapsed: false, alphas };
}

/** What the frontier must hold, from the science core: the stratified bootstrap per slice. */
function expectedFrontier({ header, matrix }: LoadedSweep, intervals: boolean) {
  const strata = DIFFICULTIES.map((difficulty) => sliceProblemIndices(matrix, difficulty));
  const bootstrap = bootstrapFrontierStrata(matrix, strata, FRONTIER_BOOTSTRAP);
  const slice = (name: DifficultySlice) => {
    const stratum = DIFFICULTIES.indexOf(name as (typeof DIFFICULTIES)[number]);
    const problems = name === "all" ? sliceProblemIndices(matrix, "all") : strata[stratum];
    const estimates = name === "all" ? bootstrap.combined : bootstrap.strata[stratum];
    const collapsed = collapsedFlags(matrix.checkpoints, problems);
    const resamples = name === "all" ? bootstrap.resamples.combined : bootstrap.resamples.strata[stratum];
    const column = (id: string) => resamples.map((metrics) => metrics[METRICS.findIndex((m) => m.id === id)]);
    const [xs, ys] = [column("correctness"), column("efficiency")];
    // Brute force: in each resample, a competing point no other competing point dominates.
    const pNonDominated = (j: number) => {
      if (collapsed[j]) return null;
      let front = 0;
      for (let r = 0; r < FRONTIER_BOOTSTRAP.resamples; r++) {
        const me = { x: xs[j][r], y: ys[j][r] };
        const beaten = xs.some(
          (_, k) =>
            !collapsed[k] &&
            k !== j &&
            dominates({ x: xs[k][r], y: ys[k][r] }, me, { x: "higher", y: "higher" }),
        );
        if (!beaten) front++;
      }
      return front / FRONTIER_BOOTSTRAP.resamples;
    };
    const noBounds = (value: number) => ({
      value,
      lower: null,
      upper: null,
      lowerJoint: null,
      upperJoint: null,
    });
    const points = matrix.checkpoints.map((cp, index) => {
      const { problems: evaluated, samples } = sliceSummary(cp, problems);
      const metrics = Object.fromEntries(
        Object.entries(estimates[index]).map(([id, e]) => [
          id,
          intervals
            ? e
            : {
                ...noBounds(e?.value ?? Number.NaN),
                deltaA: e?.deltaA ? noBounds(e.deltaA.value) : null,
                deltaB: e?.deltaB ? noBounds(e.deltaB.value) : null,
              },
        ]),
      );
      return {
        alpha: cp.alpha,
        kind: alphaKind(cp.alpha),
        label: cp.label,
        problems: evaluated,
        samples,
        collapsed: collapsed[index],
        pNonDominated: intervals ? pNonDominated(index) : null,
        metrics,
      };
    });
    // These sweeps hold no trained checkpoints (tests/integration/trainedCheckpoints.test.ts has some).
    return { slice: name, problems: problems.length, points, trained: [], pareto: bruteForcePareto(points) };
  };
  const slices = Object.fromEntries(DIFFICULTY_SLICES.map((name) => [name, slice(name)]));
  return asJson({ experiment: header, bootstrap: { ...FRONTIER_BOOTSTRAP, cluster: null }, slices });
}

/** Every checkpoint's pass@k points over a slice, from meanPassAtK (bands: one bootstrapCI per k). */
function expectedCurvePoints({ matrix }: LoadedSweep, slice: DifficultySlice, bands: boolean) {
  const problems = sliceProblemIndices(matrix, slice);
  return matrix.checkpoints.map((cp) =>
    curveKs(minSamples(cp.n, problems)).map((k) => {
      const mean = (sample: ArrayLike<number>) => meanPassAtK(cp.n, cp.verdicts.pass, k, sample);
      if (!bands) return { k, passAtK: mean(problems) };
      const { value, lower, upper } = bootstrapCI(mean, problems, CURVE_BOOTSTRAP);
      return { k, passAtK: value, lower, upper };
    }),
  );
}

/** Polls until `check` holds (the worker runs in the background); a generous guard against a hang. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(() => {
  db = testDb();
});

beforeEach(async () => {
  await truncateAll(db);
  await clearJobs(db);
});

afterAll(async () => {
  await clearJobs(db);
  await db.$disconnect();
});

describe("an import", () => {
  it("stores the point statistics of its new version and enqueues one job, in its transaction", async () => {
    await importSeeded(db, "seeded", seededSweepFiles());
    const { id, version } = await versionOf("seeded");
    expect(version).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(await rowsPerKind(db, "seeded")).sort()).toEqual([...POINT_KINDS].sort());
    expect(await statisticsJobs(db)).toEqual([
      { key: `statistics:${id}`, payload: { experimentId: id, version }, attempts: 0 },
    ]);

    const sweep = await sweepOf("seeded");
    expect(await storedBody(db, "seeded", DETAIL_KIND)).toEqual(
      asJson({ version, ...sweep.header, checkpoints: checkpointSummaries(sweep.matrix), trained: [] }),
    );
    expect(await storedBody(db, "seeded", "list-item")).toEqual(asJson((await listExperiments(db))[0]));
    const matrix = (await storedBody(db, "seeded", MATRIX_KIND)) as {
      version: string;
      problems: { externalId: string }[];
      checkpoints: { alpha: number; n: number[]; pass: number[] }[];
    };
    expect(matrix.version).toBe(version);
    expect(matrix.problems.map((p) => p.externalId)).toEqual(sweep.matrix.problems.map((p) => p.externalId));
    expect(matrix.checkpoints).toEqual(
      sweep.matrix.checkpoints.map((cp, index) => ({
        alpha: cp.alpha,
        label: cp.label,
        collapsedIn: DIFFICULTY_SLICES.filter(
          (slice) =>
            collapsedFlags(sweep.matrix.checkpoints, sliceProblemIndices(sweep.matrix, slice))[index],
        ),
        n: Array.from(cp.n),
        pass: Array.from(cp.verdicts.pass),
      })),
    );
    for (const slice of DIFFICULTY_SLICES) {
      const curves = (await storedBody(db, "seeded", passAtKKind(slice, false))) as {
        version: string;
        bootstrap: null;
        curves: { points: unknown }[];
      };
      expect(curves).toMatchObject({ version, bootstrap: null });
      expect(curves.curves.map((curve) => curve.points)).toEqual(expectedCurvePoints(sweep, slice, false));
    }
  });

  it("stores the frontier's points at once: the bootstrap's point values, every interval null", async () => {
    await importSeeded(db, "seeded", seededSweepFiles());
    const { version } = await versionOf("seeded");
    expect(await storedBody(db, "seeded", FRONTIER_POINTS_KIND)).toEqual({
      version,
      ...(expectedFrontier(await sweepOf("seeded"), false) as object),
    });
  });

  it("that rolls back leaves no version, no statistics and no job; a dry run neither", async () => {
    await importSeeded(db, "seeded", seededSweepFiles([0]));
    const before = await versionOf("seeded");
    const jobsBefore = await statisticsJobs(db);
    await importSeeded(db, "seeded", seededSweepFiles([0.5]), { dryRun: true });
    expect(await versionOf("seeded")).toEqual(before);
    // α = 0 from another seed contradicts what is stored: the whole import is refused, α = 0.5 too.
    const conflicting = seededSweepFiles([0], { seed: 8 });
    await expect(importSeeded(db, "seeded", [...seededSweepFiles([0.5]), ...conflicting])).rejects.toThrow(
      /^alpha0\.jsonl: /,
    );
    expect(await versionOf("seeded")).toEqual(before);
    expect(await statisticsJobs(db)).toEqual(jobsBefore);
    expect(Object.values(await rowsPerKind(db, "seeded"))).toEqual(POINT_KINDS.map(() => 1));
  });

  it("of new results makes a new version, replaces the waiting job and drops the old bodies", async () => {
    await importSeeded(db, "seeded", seededSweepFiles([0, 1]));
    const first = await versionOf("seeded");
    await importSeeded(db, "seeded", seededSweepFiles([0, 1]));
    expect(await versionOf("seeded")).toEqual(first);
    await importSeeded(db, "seeded", seededSweepFiles([0.5]));
    const second = await versionOf("seeded");
    expect(second.version).not.toBe(first.version);
    expect(await statisticsJobs(db)).toEqual([
      {
        key: `statistics:${first.id}`,
        payload: { experimentId: first.id, version: second.version },
        attempts: 0,
      },
    ]);
    expect(Object.values(await rowsPerKind(db, "seeded"))).toEqual(POINT_KINDS.map(() => 1));
    const detail = (await storedBody(db, "seeded", DETAIL_KIND)) as {
      version: string;
      checkpoints: unknown[];
    };
    expect(detail.version).toBe(second.version);
    expect(detail.checkpoints).toHaveLength(3);
  });
});

describe("the compute_statistics job", () => {
  it("stores exactly what the science core computes: frontier intervals and pass@k bands", async () => {
    await importSeeded(db, "seeded", seededSweepFiles());
    const job = await jobOf("seeded");
    const outcome = await computeStatistics(db, job);
    expect(outcome).toMatchObject({ status: "done", slug: "seeded", computed: INTERVAL_KINDS });
    const sweep = await sweepOf("seeded");
    expect(await storedBody(db, "seeded", FRONTIER_KIND)).toEqual({
      version: job.version,
      ...(expectedFrontier(sweep, true) as object),
    });
    for (const slice of DIFFICULTY_SLICES) {
      const curves = (await storedBody(db, "seeded", passAtKKind(slice, true))) as {
        bootstrap: unknown;
        curves: { points: unknown }[];
      };
      expect(curves.bootstrap).toEqual({ ...CURVE_BOOTSTRAP, cluster: null });
      expect(curves.curves.map((curve) => curve.points)).toEqual(expectedCurvePoints(sweep, slice, true));
    }
  });

  it("stores a slice without problems as the route's 400", async () => {
    const rows = [
      { problem: "e1", difficulty: "easy", n: 4, pass: 1, wrongAnswer: 3 },
      { problem: "e2", difficulty: "easy", n: 4, pass: 4 },
    ];
    const text = rows.map((row) => JSON.stringify(row)).join("\n");
    await importSeeded(db, "easy-only", [{ input: memoryFile("easy.jsonl", text), alpha: 0 }]);
    await computeStatistics(db, await jobOf("easy-only"));
    const stored = await db.$queryRawUnsafe<{ kind: string; http_status: number; payload: string }[]>(
      `SELECT "kind", "http_status", "payload" FROM "experiment_statistics"
       WHERE "kind" IN ($1, $2) ORDER BY "kind"`,
      passAtKKind("hard", false),
      passAtKKind("hard", true),
    );
    const error = { error: { code: "bad_request", message: "This experiment has no hard problems." } };
    expect(stored.map((row) => ({ ...row, payload: JSON.parse(row.payload) }))).toEqual([
      { kind: passAtKKind("hard", false), http_status: 400, payload: error },
      { kind: passAtKKind("hard", true), http_status: 400, payload: error },
    ]);
  });

  it("is idempotent: a second run computes nothing and each kind has one row", async () => {
    await importSeeded(db, "seeded", seededSweepFiles([0, 1]));
    const job = await jobOf("seeded");
    expect((await computeStatistics(db, job)).computed).toEqual(INTERVAL_KINDS);
    expect(await computeStatistics(db, job)).toMatchObject({ status: "done", computed: [] });
    expect(await rowsPerKind(db, "seeded")).toEqual(Object.fromEntries(ALL_KINDS.map((kind) => [kind, 1])));
  });

  it("computes each kind once when two runs of the same version start together", async () => {
    await importSeeded(db, "seeded", seededSweepFiles());
    const job = await jobOf("seeded");
    const [one, two] = await Promise.all([computeStatistics(db, job), computeStatistics(db, job)]);
    expect([...one.computed, ...two.computed].sort()).toEqual([...INTERVAL_KINDS].sort());
    expect(await rowsPerKind(db, "seeded")).toEqual(Object.fromEntries(ALL_KINDS.map((kind) => [kind, 1])));
  });

  it("skips a version that is no longer current", async () => {
    await importSeeded(db, "seeded", seededSweepFiles([0]));
    const old = await jobOf("seeded");
    await importSeeded(db, "seeded", seededSweepFiles([1]));
    expect(await computeStatistics(db, old)).toMatchObject({ status: "stale", computed: [] });
    await db.experiment.delete({ where: { slug: "seeded" } });
    expect(await computeStatistics(db, old)).toMatchObject({ status: "stale", slug: null, computed: [] });
    expect(await rowsPerKind(db, "seeded")).toEqual({});
  });

  it("computes every kind of an experiment stored without statistics (data from before they existed)", async () => {
    await loadDemoSweep(db, { problems: { easy: 6, medium: 5, hard: 4 }, alphas: [0, 1], samples: 8 });
    await db.$executeRawUnsafe(`DELETE FROM "experiment_statistics"`);
    const demo = (await db.experiment.findFirstOrThrow({ select: { slug: true } })).slug;
    const job = await jobOf(demo);
    expect((await computeStatistics(db, job)).computed).toEqual(ALL_KINDS);
    const sweep = await sweepOf(demo);
    expect(await storedBody(db, demo, DETAIL_KIND)).toEqual(
      asJson({
        version: job.version,
        ...sweep.header,
        checkpoints: checkpointSummaries(sweep.matrix),
        // The demo holds two trained checkpoints beside its α line.
        trained: trainedSummaries(sweep.matrix),
      }),
    );
    expect(trainedSummaries(sweep.matrix).map((summary) => summary.label)).toEqual([
      "Coverage 25%",
      "Coverage 50%",
    ]);
  });
});

describe("a database from before a kind's format changed", () => {
  it("is recomputed: old rows are never served, the job stores the new kinds and drops the old", async () => {
    await importSeeded(db, "seeded", seededSweepFiles([0, 1]));
    const job = await jobOf("seeded");
    await computeStatistics(db, job);
    // Rename the current kinds to the names of their old format, as an older alphascope stored them.
    await db.$executeRawUnsafe(
      `UPDATE "experiment_statistics" SET "kind" = regexp_replace("kind", '@[0-9]+', '') WHERE "kind" LIKE '%@%'`,
    );
    await clearJobs(db);
    expect(await enqueueMissingStatistics(db, ALL_KINDS)).toBe(1);
    const outcome = await computeStatistics(db, job);
    const versioned = [
      DETAIL_KIND,
      FRONTIER_KIND,
      FRONTIER_POINTS_KIND,
      MATRIX_KIND,
      PROBLEMS_KIND,
      CLAIMS_KIND,
      SWEEP_COLUMNS_KIND,
      THUMBNAIL_KIND,
      ...DIFFICULTY_SLICES.map((s) => passAtKKind(s, true)),
    ];
    expect(outcome.computed.sort()).toEqual(versioned.sort());
    expect(await rowsPerKind(db, "seeded")).toEqual(Object.fromEntries(ALL_KINDS.map((kind) => [kind, 1])));
    expect(await enqueueMissingStatistics(db, ALL_KINDS)).toBe(0);
  });
});

describe("statistics workers", () => {
  it("pick up the import's job; two started together compute the version once", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const url = testDatabaseUrl();
    const workers = await Promise.all([
      startStatisticsWorker({ url, concurrency: 1, log }),
      startStatisticsWorker({ url, concurrency: 2, log }),
    ]);
    try {
      await importSeeded(db, "seeded", seededSweepFiles());
      const job = await jobOf("seeded");
      // A second job of the same version under another key (as a backfill racing the import would make).
      await db.$executeRawUnsafe(
        "SELECT graphile_worker.add_job('compute_statistics', json_build_object('experimentId', $1::int, 'version', $2::text))",
        job.experimentId,
        job.version,
      );
      await eventually(async () => (await statisticsJobs(db)).length === 0, "both jobs to finish");
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    expect(await rowsPerKind(db, "seeded")).toEqual(Object.fromEntries(ALL_KINDS.map((kind) => [kind, 1])));
    const computed = lines.flatMap((line) => /^Computed (.*) of /.exec(line)?.[1].split(", ") ?? []);
    expect(computed.sort()).toEqual([...INTERVAL_KINDS].sort());
    expect(lines).toContainEqual(expect.stringMatching(/computed and stored in \d+ ms/));
  });
});
