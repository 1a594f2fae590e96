import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentDetail, FrontierData } from "../../lib/contracts/types";
import type { Db } from "../../lib/db/client";
import type { ImportReport } from "../../lib/import/report";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { runCliCaptured, snapshotDb, storedResults, storedTrainedResults } from "./importSupport";
import { clearJobs, computeAllStatistics } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: detailRoute } = await import("@/app/api/experiments/[slug]/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { POST: importRoute } = await import("@/app/api/imports/route");
const { GET: claimsRoute } = await import("@/app/api/experiments/[slug]/claims/route");

let db: Db;
let dir: string;

/**
 * A native JSONL file of 30 problems, 10 samples each, passing `rate(i)` of them on problem i; of the
 * failures a share `wrong` are wrong answers, the rest time-outs (so each file has its own position).
 */
function native(rate: (i: number) => number, wrong: number, { alpha }: { alpha?: number } = {}): string {
  return Array.from({ length: 30 }, (_, i) => {
    const pass = Math.round(10 * rate(i));
    const wrongAnswer = Math.round((10 - pass) * wrong);
    const difficulty = ["easy", "medium", "hard"][i % 3];
    const head = alpha === undefined ? "" : `"alpha": ${alpha}, `;
    return `{${head}"problem": "p${String(i).padStart(2, "0")}", "difficulty": "${difficulty}", "n": 10, "pass": ${pass}, "wrongAnswer": ${wrongAnswer}, "timeLimit": ${10 - pass - wrongAnswer}}`;
  }).join("\n");
}

const RATES = {
  a: (i: number) => ((i * 7) % 10) / 10,
  b: (i: number) => ((i * 3 + 1) % 10) / 10,
  mid: (i: number) => ((i * 5 + 2) % 10) / 10,
  quarter: (i: number) => ((i * 9 + 4) % 10) / 10,
};
/** The wrong-answer share of failures: more coverage trades time-outs for wrong answers. */
const WRONG = { a: 0.2, mid: 0.5, quarter: 0.35, b: 0.8 };

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const MANIFEST = (slug: string, trained: string) => `slug: ${slug}
name: Trained sweep
benchmark: custom
setting: pure-reasoning
endpoints: { a: { label: low coverage }, b: { label: full coverage } }
checkpoints:
  - { alpha: 0, file: a.jsonl }
  - { alpha: 0.5, file: half.jsonl }
  - { alpha: 1, file: b.jsonl }
${trained}`;

const context = (slug: string) => ({ params: Promise.resolve({ slug }) });
async function detail(slug: string): Promise<ExperimentDetail> {
  const response = await detailRoute(new Request(`http://test/api/experiments/${slug}`), context(slug));
  expect(response.status).toBe(200);
  return (await response.json()) as ExperimentDetail;
}
async function frontier(slug: string): Promise<FrontierData> {
  const response = await frontierRoute(
    new Request(`http://test/api/experiments/${slug}/frontier`),
    context(slug),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as FrontierData;
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await clearJobs(db);
  dir = mkdtempSync(join(tmpdir(), "alphascope-trained-"));
  file("a.jsonl", native(RATES.a, WRONG.a));
  file("half.jsonl", native(RATES.mid, WRONG.mid));
  file("b.jsonl", native(RATES.b, WRONG.b));
  file("mid.jsonl", native(RATES.mid, WRONG.mid));
  file("quarter.jsonl", native(RATES.quarter, WRONG.quarter));
  file("named.jsonl", native(RATES.mid, WRONG.mid, { alpha: 0.25 }));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await clearJobs(db);
  await db.$disconnect();
});

describe("trained checkpoints", () => {
  it("import from a manifest beside the α checkpoints, and every read keeps them off the α line", async () => {
    const manifest = file(
      "sweep.yaml",
      MANIFEST(
        "trained-sweep",
        `study: coverage-study
studyName: Coverage study
trained:
  - { label: "coverage 50%", coverage: 50, file: mid.jsonl }
  - { label: "coverage 25%", coverage: 25, file: quarter.jsonl, model: org/cov-25 }`,
      ),
    );
    const run = await runCliCaptured("import", manifest, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as ImportReport;
    expect(report.files.flatMap((f) => f.checkpoints.map((c) => [c.alpha, c.trained, c.created]))).toEqual([
      [0, null, true],
      [0.5, null, true],
      [1, null, true],
      [null, "coverage 50%", true],
      [null, "coverage 25%", true],
    ]);
    // α = 0.5 and "coverage 50%" hold the same counts: trained checkpoints are not α duplicates.
    const trained = await storedTrainedResults(db, "trained-sweep");
    expect(trained.filter((row) => row.label === "coverage 50%")).toHaveLength(30);
    expect(trained.find((row) => row.label === "coverage 25%")?.coverage).toBe(25);
    expect((await storedResults(db, "trained-sweep")).map((row) => row.alpha)).not.toContain(null);

    const body = await detail("trained-sweep");
    expect(body.checkpoints.map((cp) => cp.alpha)).toEqual([0, 0.5, 1]);
    expect(body.trained?.map((cp) => [cp.label, cp.coverage, cp.model])).toEqual([
      ["coverage 25%", 25, "org/cov-25"],
      ["coverage 50%", 50, null],
    ]);
    const half = body.checkpoints[1];
    const mid = body.trained?.[1];
    expect(mid?.solveRate).toBe(half.solveRate);
    expect(mid?.problems).toBe(30);
    expect(mid?.samples).toBe(300);
    // The manifest's study, joined in the same import.
    const study = await db.study.findUniqueOrThrow({
      where: { slug: "coverage-study" },
      include: { experiments: { select: { slug: true } } },
    });
    expect([study.name, study.experiments.map((e) => e.slug)]).toEqual(["Coverage study", ["trained-sweep"]]);
  });

  it("give every frontier slice trained points with intervals from the α points' resamples, α points as without them", async () => {
    const alphaOnly = file("alpha-only.yaml", MANIFEST("alpha-only", ""));
    expect((await runCliCaptured("import", alphaOnly)).code).toBe(0);
    await computeAllStatistics(db);
    const withTrained = await frontier("trained-sweep");
    const without = await frontier("alpha-only");
    expect(withTrained.status).toBe("ready");
    for (const slice of ["all", "easy", "medium", "hard"] as const) {
      expect(withTrained.slices[slice].points).toEqual(without.slices[slice].points);
      expect(withTrained.slices[slice].pareto).toEqual(without.slices[slice].pareto);
      expect(without.slices[slice].trained).toEqual([]);
      const [quarter, mid] = withTrained.slices[slice].trained ?? [];
      expect(quarter.label).toBe("coverage 25%");
      // The same counts as α = 0.5 give exactly its estimates: the same seeded resamples.
      expect(mid.metrics).toEqual(withTrained.slices[slice].points[1].metrics);
      expect(quarter.metrics.solveRate.lower).not.toBeNull();
      expect(quarter.metrics.solveRate.lower).toBeLessThanOrEqual(quarter.metrics.solveRate.value);
    }
    expect(withTrained.slices.all.pareto.alphas.every((alpha) => [0, 0.5, 1].includes(alpha))).toBe(true);

    // retraces: "coverage 50%" holds α = 0.5's counts, so the path passes through it exactly.
    const answer = await claimsRoute(
      new Request("http://test/api/experiments/trained-sweep/claims?difficulty=all"),
      context("trained-sweep"),
    );
    expect(answer.status).toBe(200);
    const { claims } = (await answer.json()) as {
      claims: { id: string; detail: string; estimate: number }[];
    };
    const claim = claims.find((candidate) => candidate.id === "retraces");
    expect(claim?.detail).toMatch(
      /coverage 50%: nearest α 0\.500, distance 0\.0000, 90 % interval of its offset \[-?0\.0000, 0\.0000\], the path passes through its 95 % box/,
    );
    // On other axes it is tested again, in a compute thread, on those axes.
    const onAxes = await claimsRoute(
      new Request(
        "http://test/api/experiments/trained-sweep/claims?difficulty=all&x=solveRate&y=wrongAnswerShare",
      ),
      context("trained-sweep"),
    );
    expect(onAxes.status).toBe(200);
    const other = (
      (await onAxes.json()) as { claims: { id: string; detail: string; rule: string }[] }
    ).claims.find((candidate) => candidate.id === "retraces");
    expect(other?.rule).toContain("Solve rate");
    expect(other?.detail).toMatch(/coverage 50%: nearest α 0\.500, distance 0\.0000/);
    const alphaOnlyClaims = await claimsRoute(
      new Request("http://test/api/experiments/alpha-only/claims?difficulty=all"),
      context("alpha-only"),
    );
    const ids = ((await alphaOnlyClaims.json()) as { claims: { id: string }[] }).claims.map((c) => c.id);
    expect(ids).not.toContain("retraces");
  });

  it("import one file with --trained and --coverage, refuse different results without --replace and take them with it", async () => {
    const path = join(dir, "quarter.jsonl");
    const run = await runCliCaptured(
      "import",
      path,
      "--experiment",
      "trained-sweep",
      "--trained",
      "coverage 75%",
      "--coverage",
      "75",
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain('trained "coverage 75%"');
    expect((await detail("trained-sweep")).trained?.map((cp) => cp.label)).toEqual([
      "coverage 25%",
      "coverage 50%",
      "coverage 75%",
    ]);

    const before = await snapshotDb(db);
    const conflict = await runCliCaptured(
      "import",
      join(dir, "a.jsonl"),
      "--experiment",
      "trained-sweep",
      "--trained",
      "coverage 75%",
    );
    expect(conflict.code).toBe(1);
    expect(conflict.err).toContain('trained "coverage 75%" already has different results for');
    expect(conflict.err).toContain("--replace");
    expect(await snapshotDb(db)).toEqual(before);

    const replaced = await runCliCaptured(
      "import",
      join(dir, "a.jsonl"),
      "--experiment",
      "trained-sweep",
      "--trained",
      "coverage 75%",
      "--replace",
      "--json",
    );
    expect(replaced.code).toBe(0);
    const [checkpoint] = (JSON.parse(replaced.out) as ImportReport).files[0].checkpoints;
    expect(checkpoint).toMatchObject({ alpha: null, trained: "coverage 75%", created: false });
    // The problems whose counts are the same in both files stay; every other is replaced.
    const [stored, incoming] = [native(RATES.quarter, WRONG.quarter), native(RATES.a, WRONG.a)].map((text) =>
      text.split("\n"),
    );
    const same = stored.filter((line, i) => line === incoming[i]).length;
    expect([checkpoint.replaced, checkpoint.unchanged]).toEqual([30 - same, same]);
  });

  it("refuse, writing nothing, a file naming α as a trained checkpoint, --trained with --alpha, and a manifest with a label twice", async () => {
    const before = await snapshotDb(db);
    const named = await runCliCaptured(
      "import",
      join(dir, "named.jsonl"),
      "--experiment",
      "trained-sweep",
      "--trained",
      "x",
    );
    expect(named.code).toBe(1);
    expect(named.err).toContain("named.jsonl");
    expect(named.err).toContain("alpha");
    expect(named.err).toContain('trained checkpoint "x" is not on the α line');

    const both = await runCliCaptured(
      "import",
      join(dir, "mid.jsonl"),
      "--experiment",
      "trained-sweep",
      "--trained",
      "x",
      "--alpha",
      "0.5",
    );
    expect(both).toMatchObject({
      code: 2,
      err: expect.stringContaining("--trained and --alpha exclude each other"),
    });
    const badCoverage = await runCliCaptured(
      "import",
      join(dir, "mid.jsonl"),
      "--experiment",
      "trained-sweep",
      "--trained",
      "x",
      "--coverage",
      "half",
    );
    expect(badCoverage.code).toBe(1);
    expect(badCoverage.err).toContain('coverage must be a finite number, got "half"');

    const twice = file(
      "twice.yaml",
      MANIFEST(
        "twice",
        `trained:
  - { label: same, file: mid.jsonl }
  - { label: same, file: quarter.jsonl }`,
      ),
    );
    const duplicate = await runCliCaptured("import", twice);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain("$.trained[1].label");
    expect(duplicate.err).toContain("duplicate trained label (also trained[0])");
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("import through POST /api/imports with `trained` and `coverage`, and refuse `trained` with `alpha`", async () => {
    const request = (body: unknown) =>
      new Request("http://localhost/api/imports", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
      });
    const content = native(RATES.quarter, WRONG.quarter);
    const refused = await importRoute(
      request({
        experiment: "trained-sweep",
        alpha: 0.5,
        trained: "api",
        files: [{ name: "q.jsonl", content }],
      }),
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('give \\"alpha\\" or \\"trained\\", not both');

    const response = await importRoute(
      request({
        experiment: "trained-sweep",
        trained: "api 60%",
        coverage: 60,
        files: [{ name: "q.jsonl", content }],
      }),
    );
    expect(response.status).toBe(201);
    const report = (await response.json()) as ImportReport;
    expect(report.files[0].checkpoints[0]).toMatchObject({ alpha: null, trained: "api 60%", created: true });
    const stored = await db.checkpoint.findFirstOrThrow({ where: { trainedLabel: "api 60%" } });
    expect(stored).toMatchObject({ alpha: null, coverage: 60 });
  });

  it("import a manifest with trained checkpoints and a study through POST /api/imports", async () => {
    const files = ["a.jsonl", "half.jsonl", "b.jsonl", "mid.jsonl"].map((name) => ({
      name,
      content: readFileSync(join(dir, name), "utf8"),
    }));
    const manifest = MANIFEST(
      "api-trained-sweep",
      `study: api-study
studyName: API study
trained:
  - { label: "coverage 50%", coverage: 50, file: mid.jsonl }`,
    );
    const response = await importRoute(
      new Request("http://localhost/api/imports", {
        method: "POST",
        body: JSON.stringify({ files: [{ name: "sweep.yaml", content: manifest }, ...files] }),
        headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
      }),
    );
    expect(response.status).toBe(201);
    const body = await detail("api-trained-sweep");
    expect(body.checkpoints.map((cp) => cp.alpha)).toEqual([0, 0.5, 1]);
    expect(body.trained?.map((cp) => [cp.label, cp.coverage])).toEqual([["coverage 50%", 50]]);
    const study = await db.study.findUniqueOrThrow({
      where: { slug: "api-study" },
      include: { experiments: { select: { slug: true } } },
    });
    expect([study.name, study.experiments.map((e) => e.slug)]).toEqual(["API study", ["api-trained-sweep"]]);
  });
});
