import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrontierData, FrontierPoint } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { loadSweepMatrix } from "@/lib/db/queries/sweep";
import { DEMO_EXPERIMENT_SLUG } from "@/lib/demo/experiment";
import { DIFFICULTY_SLICES } from "@/lib/domain/difficulty";
import { loadDemoSweep } from "@/lib/import/loadDemo";
import { crashShareOfSamples } from "@/lib/science/collapse";
import { getMetric, type MetricId } from "@/lib/science/metricRegistry";
import { sliceSummary } from "@/lib/science/metrics";
import { sliceProblemIndices } from "@/lib/science/slices";
import { testDatabaseUrl, testDb, truncateAll } from "./db";

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");

let db: Db;

function frontier(query = "", headers: Record<string, string> = {}): Promise<Response> {
  return frontierRoute(
    new Request(`http://x/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier${query}`, { headers }),
    {
      params: Promise.resolve({ slug: DEMO_EXPERIMENT_SLUG }),
    },
  );
}

async function frontierJson(query = ""): Promise<FrontierData> {
  const response = await frontier(query);
  expect(response.status).toBe(200);
  return (await response.json()) as FrontierData;
}

/** The Pareto set by its definition, O(n²), over the points that compete. */
function bruteForceAlphas(points: FrontierPoint[], x: MetricId, y: MetricId, includeCollapsed: boolean) {
  const sign = (id: MetricId) => (getMetric(id).direction === "higher" ? 1 : -1);
  const at = (p: FrontierPoint) => [sign(x) * p.metrics[x].value, sign(y) * p.metrics[y].value];
  const competing = points.filter(
    (p) => (includeCollapsed || !p.collapsed) && p.metrics[x] !== undefined && p.metrics[y] !== undefined,
  );
  return competing
    .filter((p) =>
      competing.every((q) => {
        const [[px, py], [qx, qy]] = [at(p), at(q)];
        return !(qx >= px && qy >= py && (qx > px || qy > py));
      }),
    )
    .map((p) => p.alpha)
    .sort((a, b) => a - b);
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  // The import stores the frontier's points (frontier-points): the Pareto sets need no intervals.
  await loadDemoSweep(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("GET /api/experiments/<slug>/frontier on the demo: the collapse guard", () => {
  it("marks α = −1 and α = 2 collapsed on the hard slice and leaves them out of the default Pareto set", async () => {
    const hard = (await frontierJson()).slices.hard;
    expect(hard.points.filter((p) => p.collapsed).map((p) => p.alpha)).toEqual([-1, 2]);
    expect(hard.pareto.x).toBe("correctness");
    expect(hard.pareto.y).toBe("efficiency");
    expect(hard.pareto.includesCollapsed).toBe(false);
    expect(hard.pareto.alphas).not.toContain(-1);
    expect(hard.pareto.alphas).not.toContain(2);
    expect(hard.pareto.alphas).toEqual(bruteForceAlphas(hard.points, "correctness", "efficiency", false));
    // Without the guard both would be "optimal": they crash instead of answering wrongly or timing out.
    const unguarded = bruteForceAlphas(hard.points, "correctness", "efficiency", true);
    expect(unguarded).toContain(-1);
    expect(unguarded).toContain(2);
  });

  it("flags a point exactly when it solves less than both endpoints and crashes ≥ 3× more or solves ≤ half", async () => {
    const sweep = await loadSweepMatrix(db, DEMO_EXPERIMENT_SLUG);
    if (!sweep) throw new Error("the demo is loaded");
    const data = await frontierJson();
    for (const slice of DIFFICULTY_SLICES) {
      const problems = sliceProblemIndices(sweep.matrix, slice);
      const summaries = sweep.matrix.checkpoints.map((cp) => sliceSummary(cp, problems));
      const endpoints = summaries.filter((_, i) => [0, 1].includes(sweep.matrix.checkpoints[i].alpha));
      const weakest = Math.min(...endpoints.map((s) => s.solveRate));
      const mostCrashes = Math.max(...endpoints.map(crashShareOfSamples));
      const expected = summaries.map((s) => {
        const crashes = s.verdicts.runtimeError + s.verdicts.compileError + s.verdicts.other;
        const failures = s.samples - s.verdicts.pass;
        const crashing =
          crashes >= 0.5 * failures || (crashes / s.samples >= 0.1 && crashes / s.samples >= 3 * mostCrashes);
        return s.solveRate < weakest && (crashing || s.solveRate <= 0.5 * weakest);
      });
      expect(data.slices[slice].points.map((p) => p.collapsed)).toEqual(expected);
    }
  });

  it("gives the Pareto set of the axes asked for, in every slice, as the definition does", async () => {
    const cases: [MetricId, MetricId, boolean][] = [
      ["solveRate", "meanPassRuntimeMs", false],
      ["wrongAnswerShare", "timeLimitShare", false],
      ["correctness", "efficiency", true],
    ];
    for (const [x, y, include] of cases) {
      const data = await frontierJson(`?x=${x}&y=${y}${include ? "&collapsed=include" : ""}`);
      for (const slice of DIFFICULTY_SLICES) {
        const { pareto, points } = data.slices[slice];
        expect(pareto).toEqual({
          x,
          y,
          includesCollapsed: include,
          alphas: bruteForceAlphas(points, x, y, include),
        });
      }
    }
  });

  it("answers the same numbers as the stored body apart from the Pareto sets, under an ETag of its own", async () => {
    const plain = await frontier();
    const other = await frontier("?x=solveRate&y=efficiency");
    const [a, b] = [(await plain.json()) as FrontierData, (await other.json()) as FrontierData];
    for (const slice of DIFFICULTY_SLICES) expect(b.slices[slice].points).toEqual(a.slices[slice].points);
    const etag = other.headers.get("etag") ?? "";
    expect(etag).not.toBe(plain.headers.get("etag"));
    expect((await frontier("?x=solveRate&y=efficiency", { "if-none-match": etag })).status).toBe(304);
    expect((await frontier("?x=solveRate&y=passAt5", { "if-none-match": etag })).status).toBe(200);
  });

  it("refuses unknown metric names and collapsed values with a 400 naming the parameter", async () => {
    for (const [query, field] of [
      ["?x=accuracy", "x"],
      ["?y=speed", "y"],
      ["?collapsed=maybe", "collapsed"],
    ]) {
      const response = await frontier(query);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toContain(`Invalid query parameter "${field}"`);
    }
  });
});
