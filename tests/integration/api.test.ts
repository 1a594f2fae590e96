import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import type { ExperimentDetail, ExperimentListItem, FrontierData } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { generateDemoSweep } from "@/lib/demo/generate";
import type { SweepInput } from "@/lib/domain/sweepInput";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: getHealth } = await import("@/app/api/health/route");
const { GET: listRoute } = await import("@/app/api/experiments/route");
const { GET: detailRoute } = await import("@/app/api/experiments/[slug]/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");

const smallDemo = generateDemoSweep({
  seed: 7,
  problems: { easy: 12, medium: 14, hard: 10 },
  alphas: [-0.5, 0, 0.5, 1, 1.5],
  samples: 32,
});
// A benchmark of its own: problems are shared per benchmark, and the full demo loaded below gives
// the same problem ids other difficulties (an import refuses contradicting difficulties).
const sweep: SweepInput = {
  ...smallDemo,
  experiment: { ...smallDemo.experiment, slug: "api-test-sweep", benchmark: "api-test-bench" },
};
const slug = sweep.experiment.slug;
let db: Db;

function routeContext(value: string) {
  return { params: Promise.resolve({ slug: value }) };
}

async function getJson<T>(response: Response | Promise<Response>): Promise<{ status: number; body: T }> {
  const resolved = await response;
  return { status: resolved.status, body: (await resolved.json()) as T };
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await storeSweep(db, sweep);
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("GET /api/health", () => {
  it("reports a reachable database", async () => {
    const { status, body } = await getJson<{ status: string; database: { ok: boolean } }>(getHealth());
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
  });
});

describe("GET /api/experiments", () => {
  it("lists the stored experiment with its α range and sizes", async () => {
    const { status, body } = await getJson<ExperimentListItem[]>(listRoute(new Request("http://x")));
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      slug,
      synthetic: true,
      alphaMin: -0.5,
      alphaMax: 1.5,
      checkpoints: 5,
      problems: 36,
    });
  });
});

describe("GET /api/experiments/[slug]", () => {
  it("returns every checkpoint sorted by α with the numbers computed by hand", async () => {
    const { status, body } = await getJson<ExperimentDetail>(
      detailRoute(new Request("http://x"), routeContext(slug)),
    );
    expect(status).toBe(200);
    expect(body.endpoints).toEqual({
      a: { label: sweep.experiment.endpointA.label, model: sweep.experiment.endpointA.model },
      b: { label: sweep.experiment.endpointB.label, model: sweep.experiment.endpointB.model },
    });
    expect(body.checkpoints.map((c) => [c.alpha, c.kind])).toEqual([
      [-0.5, "extrapolated"],
      [0, "endpoint"],
      [0.5, "interpolated"],
      [1, "endpoint"],
      [1.5, "extrapolated"],
    ]);
    for (const checkpoint of body.checkpoints) {
      const input = sweep.checkpoints.find((c) => c.alpha === checkpoint.alpha);
      if (!input) throw new Error(`no input checkpoint at ${checkpoint.alpha}`);
      const passes = input.results.reduce((sum, r) => sum + r.verdicts.pass, 0);
      const timeLimits = input.results.reduce((sum, r) => sum + r.verdicts.timeLimit, 0);
      const solveRate =
        input.results.reduce((sum, r) => sum + r.verdicts.pass / r.n, 0) / input.results.length;
      expect(checkpoint.problems).toBe(36);
      expect(checkpoint.samples).toBe(36 * 32);
      expect(checkpoint.verdicts.pass).toBe(passes);
      expect(checkpoint.verdicts.timeLimit).toBe(timeLimits);
      expect(checkpoint.solveRate).toBeCloseTo(solveRate, 12);
      expect(checkpoint.passAtK["1"]).toBeCloseTo(solveRate, 12);
      // n = 32: pass@k is listed for the standard k up to 25 and no further.
      expect(Object.keys(checkpoint.passAtK)).toEqual(["1", "5", "10", "25"]);
      const hard = input.results.filter((r) =>
        sweep.problems.some((p) => p.externalId === r.problemExternalId && p.difficulty === "hard"),
      );
      expect(checkpoint.byDifficulty.hard?.problems).toBe(10);
      expect(checkpoint.byDifficulty.hard?.verdicts.pass).toBe(
        hard.reduce((sum, r) => sum + r.verdicts.pass, 0),
      );
    }
  });

  it("answers an unknown experiment with 404 and a malformed slug with 400, in the one error shape", async () => {
    const missing = await getJson<{ error: { code: string; message: string } }>(
      detailRoute(new Request("http://x"), routeContext("no-such-experiment")),
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: "not_found", message: 'No experiment "no-such-experiment".' },
    });
    const malformed = await getJson<{ error: { code: string } }>(
      detailRoute(new Request("http://x"), routeContext("Bad Slug!")),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("bad_request");
  });
});

describe("GET /api/experiments/[slug]/frontier", () => {
  it("gives each slice's points with intervals around the measured values of the detail API", async () => {
    const detail = (await getJson<ExperimentDetail>(detailRoute(new Request("http://x"), routeContext(slug))))
      .body;
    const { status, body } = await getJson<FrontierData>(
      frontierRoute(new Request("http://x"), routeContext(slug)),
    );
    expect(status).toBe(200);
    expect(body.slices.all.problems).toBe(36);
    expect(body.slices.hard.problems).toBe(10);
    expect(body.bootstrap.level).toBe(0.95);
    body.slices.all.points.forEach((point, index) => {
      const checkpoint = detail.checkpoints[index];
      expect(point.alpha).toBe(checkpoint.alpha);
      const { solveRate, correctness, efficiency } = point.metrics;
      expect(solveRate.value).toBeCloseTo(checkpoint.solveRate, 12);
      expect(correctness.value).toBeCloseTo(1 - checkpoint.shares.wrongAnswer, 12);
      expect(efficiency.value).toBeCloseTo(1 - checkpoint.shares.timeLimit, 12);
      for (const { value, lower, upper } of [solveRate, correctness, efficiency]) {
        if (lower === null || upper === null) throw new Error("the intervals are stored");
        expect(lower).toBeLessThanOrEqual(value);
        expect(upper).toBeGreaterThanOrEqual(value);
        expect(upper - lower).toBeGreaterThan(0);
      }
    });
  });

  it("is deterministic: the same data gives the same intervals", async () => {
    const first = await getJson<FrontierData>(frontierRoute(new Request("http://x"), routeContext(slug)));
    const second = await getJson<FrontierData>(frontierRoute(new Request("http://x"), routeContext(slug)));
    expect(second.body.slices).toEqual(first.body.slices);
  });
});

describe("the CLI reads the same numbers as the API", () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
  }

  it("`alphascope metrics <slug> --json` prints the API's document", async () => {
    const { io, out } = capture();
    expect(await runCli(["metrics", slug, "--json"], io)).toBe(0);
    const api = (await getJson<ExperimentDetail>(detailRoute(new Request("http://x"), routeContext(slug))))
      .body;
    expect(JSON.parse(out.join("\n"))).toEqual(api);
  });

  it("`alphascope experiments --json` prints the API's list", async () => {
    const { io, out } = capture();
    expect(await runCli(["experiments", "--json"], io)).toBe(0);
    expect(JSON.parse(out.join("\n"))).toEqual((await getJson(listRoute(new Request("http://x")))).body);
  });

  it("an unknown experiment is an error message and exit code 1, not a stack trace", async () => {
    const { io, err } = capture();
    expect(await runCli(["metrics", "nope"], io)).toBe(1);
    expect(err.join("\n")).toBe('No experiment "nope". List them with `alphascope experiments`.');
  });

  it("unknown commands and options exit 2 with the usage", async () => {
    const unknown = capture();
    expect(await runCli(["frobnicate"], unknown.io)).toBe(2);
    expect(unknown.err.join("\n")).toContain('Unknown command "frobnicate"');
    const badOption = capture();
    expect(await runCli(["experiments", "--bogus"], badOption.io)).toBe(2);
    expect(badOption.err.join("\n")).toContain("Usage:");
  });

  it("`alphascope demo` is idempotent once the demo is stored", async () => {
    const first = capture();
    expect(await runCli(["demo"], first.io)).toBe(0);
    expect(first.out.join("\n")).toMatch(
      /^Loaded the synthetic demo sweep "demo-coverage-sweep": 13 checkpoints/,
    );
    const second = capture();
    expect(await runCli(["demo"], second.io)).toBe(0);
    expect(second.out.join("\n")).toContain("Nothing to do");
  });

  it("`alphascope delete` asks for --yes, then moves the experiment to the trash and leaves the problems", async () => {
    const refused = capture();
    expect(await runCli(["delete", "demo-coverage-sweep"], refused.io)).toBe(2);
    expect(refused.err.join("\n")).toContain("Run again with --yes");
    const problemsBefore = await db.problem.count();
    const deleted = capture();
    expect(await runCli(["delete", "demo-coverage-sweep", "--yes"], deleted.io)).toBe(0);
    expect(deleted.out.join("\n")).toBe(
      'Moved experiment "demo-coverage-sweep" to the trash; `alphascope restore demo-coverage-sweep` brings it back within 30 days.',
    );
    const listed = capture();
    expect(await runCli(["experiments", "--json"], listed.io)).toBe(0);
    expect(listed.out.join("\n")).not.toContain("demo-coverage-sweep");
    expect(await db.problem.count()).toBe(problemsBefore);
    const missing = capture();
    expect(await runCli(["delete", "demo-coverage-sweep", "--yes"], missing.io)).toBe(1);
  });
});
