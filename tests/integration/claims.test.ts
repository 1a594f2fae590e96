import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/experiments/[slug]/claims/route";
import type { ClaimsResponse } from "@/lib/contracts/claimSchemas";
import type { Db } from "@/lib/db/client";
import type { SweepInput } from "@/lib/domain/sweepInput";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();

const ALPHAS = [-0.5, 0, 0.5, 1, 1.5];
const PROBLEMS = 24;
const N = 10;

/**
 * Hand-written counts (10 samples each): passes fall with the problem's index and vary a little
 * with α; the failures shift from time limits at A towards wrong answers at B; problems 22 and 23
 * pass only at α = 1.5. Nothing crashes, so no checkpoint collapses.
 */
function counts(j: number, p: number): { pass: number; wrongAnswer: number; timeLimit: number } {
  const alpha = ALPHAS[j];
  let pass = Math.max(0, Math.min(N, 8 - Math.floor(p / 3) + ((p + j) % 3) - 1));
  if (p >= 22) pass = alpha === 1.5 ? 3 + (p - 22) : 0;
  const failures = N - pass;
  const wrongAnswer = Math.min(failures, Math.round(failures * (0.3 + 0.3 * alpha)));
  return { pass, wrongAnswer: Math.max(0, wrongAnswer), timeLimit: failures - Math.max(0, wrongAnswer) };
}

const sweep: SweepInput = {
  experiment: {
    slug: "claims-sweep",
    name: "Claims sweep",
    description: "",
    benchmark: "claims-bench",
    setting: "pure-reasoning",
    modelFamily: null,
    modelScale: null,
    synthetic: true,
    endpointA: { label: "low coverage", model: null },
    endpointB: { label: "high coverage", model: null },
  },
  problems: Array.from({ length: PROBLEMS }, (_, p) => ({
    externalId: `q${String(p).padStart(2, "0")}`,
    title: null,
    difficulty: p % 2 === 0 ? "hard" : "easy",
    platform: null,
    contestDate: null,
  })),
  checkpoints: ALPHAS.map((alpha, j) => ({
    alpha,
    label: null,
    model: null,
    results: Array.from({ length: PROBLEMS }, (_, p) => ({
      problemExternalId: `q${String(p).padStart(2, "0")}`,
      n: N,
      verdicts: { ...counts(j, p), runtimeError: 0, compileError: 0, other: 0 },
      runtimeCount: 0,
      runtimeMeanMs: null,
      runtimeMinMs: null,
      runtimeMaxMs: null,
      dpsNorm: null,
    })),
  })),
};

/** The problems of a slice, by index. */
function sliceProblems(difficulty: "all" | "hard" | "easy"): number[] {
  return sweep.problems.flatMap((problem, p) =>
    difficulty === "all" || problem.difficulty === difficulty ? [p] : [],
  );
}

function share(j: number, verdict: "wrongAnswer" | "timeLimit", problems: number[]): number {
  return problems.reduce((sum, p) => sum + counts(j, p)[verdict], 0) / (problems.length * N);
}

function solveRate(j: number, problems: number[]): number {
  return problems.reduce((sum, p) => sum + counts(j, p).pass / N, 0) / problems.length;
}

/** The area dominated by the points (both higher-is-better, reference (0, 0)), by vertical strips. */
function area(points: { x: number; y: number }[]): number {
  const xs = [0, ...points.map((point) => point.x)].sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < xs.length; i++)
    total +=
      (xs[i] - xs[i - 1]) *
      Math.max(0, ...points.filter((point) => point.x >= xs[i]).map((point) => point.y));
  return total;
}

/** pass@K of an ensemble with the budget split equally (remainder to the lower α), by the product of ratios. */
function ensemblePassAtK(members: number[], budget: number, problems: number[]): number {
  const base = Math.floor(budget / members.length);
  const split = members.map((_, i) => base + (i < budget - base * members.length ? 1 : 0));
  let total = 0;
  for (const p of problems) {
    let noPass = 1;
    members.forEach((j, i) => {
      const { pass } = counts(j, p);
      for (let s = 0; s < split[i]; s++) noPass *= Math.max(0, (N - pass - s) / (N - s));
    });
    total += 1 - noPass;
  }
  return total / problems.length;
}

let db: Db;

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await storeSweep(db, sweep);
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

async function claims(query: string): Promise<ClaimsResponse> {
  const response = await GET(new Request(`http://localhost/api/experiments/claims-sweep/claims?${query}`), {
    params: Promise.resolve({ slug: "claims-sweep" }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ClaimsResponse;
}

function claim(body: ClaimsResponse, id: string) {
  const found = body.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} in ${body.claims.map((c) => c.id).join(", ")}`);
  return found;
}

describe("GET /api/experiments/<slug>/claims", () => {
  it.each(["all", "hard", "easy"] as const)(
    "answers the exact estimates of the %s slice",
    async (difficulty) => {
      const body = await claims(`difficulty=${difficulty}`);
      const problems = sliceProblems(difficulty);
      const [A, B] = [1, 3];
      expect(body.difficulty).toBe(difficulty);
      expect(body.version).toMatch(/\S/);
      expect(claim(body, "tradeoff-time-limit").estimate).toBeCloseTo(
        share(B, "timeLimit", problems) - share(A, "timeLimit", problems),
        12,
      );
      expect(claim(body, "tradeoff-wrong-answer").estimate).toBeCloseTo(
        share(B, "wrongAnswer", problems) - share(A, "wrongAnswer", problems),
        12,
      );
      expect(claim(body, "flat-solve-rate").estimate).toBeCloseTo(
        solveRate(B, problems) - solveRate(A, problems),
        12,
      );
      const point = (j: number) => ({
        x: 1 - share(j, "wrongAnswer", problems),
        y: 1 - share(j, "timeLimit", problems),
      });
      expect(claim(body, "extrapolation-extends").estimate).toBeCloseTo(
        area([0, 1, 2, 3, 4].map(point)) - area([1, 2, 3].map(point)),
        12,
      );
      const onlyExtrapolated = problems.filter(
        (p) =>
          (counts(0, p).pass > 0 || counts(4, p).pass > 0) && [1, 2, 3].every((j) => counts(j, p).pass === 0),
      );
      expect(claim(body, "complementary-problems").estimate).toBe(onlyExtrapolated.length);
      const budget = 10;
      const sets = [[0], [1], [2], [3], [4]];
      for (let a = 0; a < 5; a++)
        for (let b = a + 1; b < 5; b++) {
          sets.push([a, b]);
          for (let c = b + 1; c < 5; c++) sets.push([a, b, c]);
        }
      const bestSingle = Math.max(...[0, 1, 2, 3, 4].map((j) => ensemblePassAtK([j], budget, problems)));
      const best = Math.max(...sets.map((set) => ensemblePassAtK(set, budget, problems)));
      const gain = body.claims.find((c) => c.id === "ensemble-gain");
      // The adjusted interval needs two problems and a best single: a tiny slice may have neither.
      if (gain) expect(gain.estimate).toBeCloseTo(best - bestSingle, 12);
      for (const c of body.claims) {
        expect(c.ci[0]).toBeLessThanOrEqual(c.ci[1]);
        expect(["supported", "contradicted", "inconclusive"]).toContain(c.verdict);
      }
    },
  );

  it("finds the two problems solved only at α = 1.5 on the whole sweep", async () => {
    const body = await claims("");
    expect(claim(body, "complementary-problems").estimate).toBe(2);
    expect(claim(body, "ensemble-gain").title).toContain("pass@10");
  });

  it("judges flat-solve-rate at the asked margin without changing its numbers", async () => {
    const narrow = claim(await claims("margin=0.1"), "flat-solve-rate");
    const wide = claim(await claims("margin=50"), "flat-solve-rate");
    expect(wide.estimate).toBe(narrow.estimate);
    expect(wide.ci).toEqual(narrow.ci);
    expect(wide.level).toBe(0.9);
    expect(wide.verdict).toBe("supported");
    expect(narrow.verdict).not.toBe("supported");
    expect(wide.rule).toContain("±50.0 points");
  });

  it("recomputes extrapolation-extends on other axes, with their reference point", async () => {
    const body = await claims("x=solveRate&y=timeLimitShare");
    const problems = sliceProblems("all");
    const point = (j: number) => ({ x: solveRate(j, problems), y: 1 - share(j, "timeLimit", problems) });
    // Time-limit share is lower-is-better with reference 1: the oriented area is that of 1 − share from 0.
    expect(claim(body, "extrapolation-extends").estimate).toBeCloseTo(
      area([0, 1, 2, 3, 4].map(point)) - area([1, 2, 3].map(point)),
      12,
    );
    expect(claim(body, "extrapolation-extends").detail).toContain("reference point (0.00, 1.00)");
    expect(body.axes).toEqual({ x: "solveRate", y: "timeLimitShare" });
    expect(claim(body, "tradeoff-time-limit")).toEqual(claim(await claims(""), "tradeoff-time-limit"));
  });

  it("names the field of a bad parameter in a 400", async () => {
    for (const [query, field] of [
      ["margin=abc", "margin"],
      ["margin=0", "margin"],
      ["difficulty=impossible", "difficulty"],
      ["x=nope", "x"],
      ["x=solveRate&y=solveRate", "y"],
    ]) {
      const response = await GET(
        new Request(`http://localhost/api/experiments/claims-sweep/claims?${query}`),
        {
          params: Promise.resolve({ slug: "claims-sweep" }),
        },
      );
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toContain(`"${field}"`);
    }
  });
});
