import { randomLcg } from "d3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEMS_DEFAULT_LIMIT, PROBLEMS_MAX_LIMIT } from "../../lib/contracts/problemSchemas";
import type { ProblemChangesPage, ProblemCounts, ProblemDetail } from "../../lib/contracts/problemTypes";
import type { Db } from "../../lib/db/client";
import { DIFFICULTIES, type Difficulty } from "../../lib/domain/difficulty";
import type { SweepInput } from "../../lib/domain/sweepInput";
import { VERDICTS, type VerdictCounts } from "../../lib/domain/verdicts";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { clearJobs } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: changesRoute } = await import("@/app/api/experiments/[slug]/problems/route");
const { GET: problemRoute } = await import("@/app/api/experiments/[slug]/problems/[id]/route");
const { GET: countsRoute } = await import("@/app/api/experiments/[slug]/problem-counts/route");

const SLUG = "problems-random";
const ALPHAS = [-0.5, 0, 0.25, 0.5, 1, 1.5];
const PROBLEMS = 240;

/**
 * A seeded random experiment: few samples per problem (so many deltas tie), some problems missing
 * at some α, every difficulty, runtimes on some results.
 */
function randomSweep(seed: number): SweepInput {
  const random = randomLcg(seed);
  const int = (below: number) => Math.floor(random() * below);
  const problems = Array.from({ length: PROBLEMS }, (_, i) => ({
    // Not in id order, and with ids whose code-unit order differs from numeric order.
    externalId: `p${(i * 37) % PROBLEMS}`,
    title: `Problem ${i}`,
    difficulty: DIFFICULTIES[int(DIFFICULTIES.length)] as Difficulty,
    platform: ["atcoder", "leetcode", null][int(3)],
    contestDate: random() < 0.5 ? "2024-08-03" : null,
  }));
  return {
    experiment: {
      slug: SLUG,
      name: "Random problems",
      description: "",
      benchmark: "problems-random-bench",
      setting: "pure-reasoning",
      modelFamily: null,
      modelScale: null,
      synthetic: true,
      endpointA: { label: "A", model: null },
      endpointB: { label: "B", model: null },
    },
    problems,
    checkpoints: ALPHAS.map((alpha) => ({
      alpha,
      label: null,
      model: null,
      results: problems
        .filter(() => random() > 0.08)
        .map((problem) => {
          const n = [4, 5, 8][int(3)];
          const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
          for (let s = 0; s < n; s++) verdicts[VERDICTS[int(VERDICTS.length)]]++;
          const timed = verdicts.pass > 0 && random() < 0.5;
          return {
            problemExternalId: problem.externalId,
            n,
            verdicts,
            runtimeCount: timed ? verdicts.pass : 0,
            runtimeMeanMs: timed ? 100 + int(900) : null,
            runtimeMinMs: timed ? 50 : null,
            runtimeMaxMs: timed ? 2000 : null,
            dpsNorm: null,
          };
        }),
    })),
  };
}

interface StoredCount {
  id: string;
  title: string | null;
  difficulty: Difficulty;
  alpha: number;
  n: number;
  pass: number;
}

function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 0; i < k; i++) result = (result * (n - i)) / (i + 1);
  return k > n ? 0 : result;
}

let db: Db;
let stored: StoredCount[];

const context = (id?: string) => ({ params: Promise.resolve({ slug: SLUG, id: id ?? "" }) });
const getChanges = (query: string, headers: Record<string, string> = {}) =>
  changesRoute(new Request(`http://test/api/experiments/${SLUG}/problems?${query}`, { headers }), context());

async function changes(query: string): Promise<ProblemChangesPage> {
  const response = await getChanges(query);
  expect(response.status).toBe(200);
  return response.json();
}

/** The brute force: every problem at both α, delta from the stored counts, sorted by the rules. */
function bruteForce(from: number, to: number, order: "desc" | "asc", difficulty = "all") {
  const at = (alpha: number) =>
    new Map(stored.filter((row) => row.alpha === alpha).map((row) => [row.id, row]));
  const fromRows = at(from);
  const toRows = at(to);
  const rows = [...fromRows.values()]
    .filter((row) => toRows.has(row.id) && (difficulty === "all" || row.difficulty === difficulty))
    .map((row) => {
      const end = toRows.get(row.id) as StoredCount;
      return {
        id: row.id,
        title: row.title,
        difficulty: row.difficulty,
        from: { n: row.n, pass: row.pass },
        to: { n: end.n, pass: end.pass },
        delta: end.pass / end.n - row.pass / row.n,
      };
    });
  rows.sort((a, b) => {
    if (a.delta !== b.delta) return order === "desc" ? b.delta - a.delta : a.delta - b.delta;
    return a.id < b.id ? -1 : 1;
  });
  return rows;
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await clearJobs(db);
  await storeSweep(db, randomSweep(20261201));
  stored = await db.$queryRawUnsafe<StoredCount[]>(
    `SELECT p."external_id" AS "id", p."title", p."difficulty", c."alpha", r."n", r."pass"
     FROM "results" r JOIN "checkpoints" c ON c."id" = r."checkpoint_id" JOIN "problems" p ON p."id" = r."problem_id"`,
  );
});

afterAll(async () => {
  await clearJobs(db);
  await db.$disconnect();
});

describe("GET /api/experiments/[slug]/problems", () => {
  it("equals the brute force from the stored counts for every pair of α, order and slice", async () => {
    for (const [from, to] of [
      [0, 1],
      [1, 0],
      [-0.5, 1.5],
      [0.25, 0.25],
    ]) {
      for (const order of ["desc", "asc"] as const) {
        for (const difficulty of ["all", "easy", "hard"]) {
          const expected = bruteForce(from, to, order, difficulty);
          const page = await changes(
            `from=${from}&to=${to}&order=${order}&difficulty=${difficulty}&limit=${PROBLEMS_MAX_LIMIT}`,
          );
          expect(page.total).toBe(expected.length);
          expect(page.problems).toEqual(expected);
        }
      }
    }
  });

  it("breaks the many ties by id ascending, in both orders", async () => {
    const page = await changes(`from=0&to=1&limit=${PROBLEMS_MAX_LIMIT}`);
    const tied = page.problems.filter((row, i) => i > 0 && row.delta === page.problems[i - 1].delta);
    expect(tied.length).toBeGreaterThan(20);
    for (const [i, row] of page.problems.entries()) {
      const before = page.problems[i - 1];
      if (before && before.delta === row.delta) expect(before.id < row.id).toBe(true);
      if (before) expect(before.delta).toBeGreaterThanOrEqual(row.delta);
    }
  });

  it("defaults to descending, all difficulties, the documented page size; pages tile the whole list", async () => {
    const expected = bruteForce(0, 1.5, "desc");
    expect(expected.length).toBeGreaterThan(PROBLEMS_DEFAULT_LIMIT);
    const first = await changes("from=0&to=1.5");
    expect(first.problems).toEqual(expected.slice(0, PROBLEMS_DEFAULT_LIMIT));
    const pages: unknown[] = [];
    for (let offset = 0; offset < expected.length + 30; offset += 30) {
      const page = await changes(`from=0&to=1.5&limit=30&offset=${offset}`);
      expect(page.total).toBe(expected.length);
      pages.push(...page.problems);
    }
    expect(pages).toEqual(expected);
    expect((await changes(`from=0&to=1.5&offset=${expected.length}`)).problems).toEqual([]);
  });

  it("accepts the typographic minus of α labels", async () => {
    expect((await changes("from=−0.5&to=1&limit=5")).problems).toEqual(
      bruteForce(-0.5, 1, "desc").slice(0, 5),
    );
  });

  it("answers 400 naming the field for an α that was not evaluated, or a bad value", async () => {
    for (const [query, field] of [
      ["from=0.3&to=1", "from"],
      ["from=0&to=2", "to"],
      ["to=1", "from"],
      ["from=0", "to"],
      ["from=abc&to=1", "from"],
      ["from=0&to=1&order=up", "order"],
      ["from=0&to=1&difficulty=impossible", "difficulty"],
      [`from=0&to=1&limit=${PROBLEMS_MAX_LIMIT + 1}`, "limit"],
      ["from=0&to=1&limit=0", "limit"],
      ["from=0&to=1&offset=-1", "offset"],
      ["from=0&to=1&offset=1.5", "offset"],
    ]) {
      const response = await getChanges(query);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.error.message, query).toContain(`"${field}"`);
    }
    const body = await (await getChanges("from=0.3&to=1")).json();
    expect(body.error.message).toContain("evaluated α: −0.5, 0, 0.25, 0.5, 1, 1.5");
  });

  it("answers 404 for an unknown experiment", async () => {
    const response = await changesRoute(
      new Request("http://test/api/experiments/nope/problems?from=0&to=1"),
      {
        params: Promise.resolve({ slug: "nope" }),
      },
    );
    expect(response.status).toBe(404);
  });

  it("carries the version and its ETag, and answers 304 to a current one", async () => {
    const response = await getChanges("from=0&to=1");
    const etag = response.headers.get("etag") as string;
    const { version } = await response.json();
    expect(etag).toContain(version);
    expect((await getChanges("from=0&to=1", { "if-none-match": etag })).status).toBe(304);
  });
});

describe("GET /api/experiments/[slug]/problem-counts", () => {
  it("holds every problem's stored counts at every α (n = 0 where not evaluated), ordered by id", async () => {
    const response = await countsRoute(
      new Request(`http://test/api/experiments/${SLUG}/problem-counts`),
      context(),
    );
    expect(response.status).toBe(200);
    const counts = (await response.json()) as ProblemCounts;
    expect(counts.alphas).toEqual(ALPHAS);
    const ids = [...new Set(stored.map((row) => row.id))].sort((a, b) => (a < b ? -1 : 1));
    expect(counts.problems.map((problem) => problem.id)).toEqual(ids);
    for (const problem of counts.problems) {
      for (const [i, alpha] of ALPHAS.entries()) {
        const row = stored.find((candidate) => candidate.id === problem.id && candidate.alpha === alpha);
        expect([problem.n[i], problem.pass[i]]).toEqual(row ? [row.n, row.pass] : [0, 0]);
      }
    }
  });
});

describe("GET /api/experiments/[slug]/problems/[id]", () => {
  it("gives the stored verdicts at every α that evaluated the problem, with pass@k and runtimes", async () => {
    const rows = await db.$queryRawUnsafe<
      ({ alpha: number; n: number; runtime_count: number; runtime_mean_ms: number | null } & VerdictCounts)[]
    >(
      `SELECT c."alpha", r."n", r."pass", r."wrong_answer" AS "wrongAnswer", r."time_limit" AS "timeLimit",
         r."runtime_error" AS "runtimeError", r."compile_error" AS "compileError", r."other",
         r."runtime_count", r."runtime_mean_ms"
       FROM "results" r JOIN "checkpoints" c ON c."id" = r."checkpoint_id" JOIN "problems" p ON p."id" = r."problem_id"
       WHERE p."external_id" = 'p37' ORDER BY c."alpha"`,
    );
    const response = await problemRoute(
      new Request(`http://test/api/experiments/${SLUG}/problems/p37`),
      context("p37"),
    );
    expect(response.status).toBe(200);
    const detail = (await response.json()) as ProblemDetail;
    expect(detail).toMatchObject({ id: "p37", title: "Problem 1", experiment: SLUG });
    expect(detail.checkpoints.map((cp) => cp.alpha)).toEqual(rows.map((row) => row.alpha));
    for (const [i, cp] of detail.checkpoints.entries()) {
      const row = rows[i];
      expect(cp.n).toBe(row.n);
      expect(cp.verdicts).toEqual(Object.fromEntries(VERDICTS.map((v) => [v, row[v]])));
      // The definition, counted: the share of k-subsets of the n samples that hold a pass.
      expect(cp.passAtK.map((point) => point.k)).toEqual([1, 5].filter((k) => k <= row.n));
      for (const { k, value } of cp.passAtK)
        expect(value).toBeCloseTo(1 - choose(row.n - row.pass, k) / choose(row.n, k), 12);
      expect(cp.runtime?.meanMs ?? null).toBe(row.runtime_count > 0 ? row.runtime_mean_ms : null);
    }
  });

  it("answers 404 for a problem the experiment has no results for, and for an unknown experiment", async () => {
    const missing = await problemRoute(new Request("http://test/x"), context("no-such-problem"));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain("no-such-problem");
    const unknown = await problemRoute(new Request("http://test/x"), {
      params: Promise.resolve({ slug: "nope", id: "p37" }),
    });
    expect(unknown.status).toBe(404);
  });

  it("carries the version's ETag and answers 304 to it", async () => {
    const response = await problemRoute(new Request("http://test/x"), context("p37"));
    const etag = response.headers.get("etag") as string;
    expect(etag).toContain((await response.json()).version);
    const again = await problemRoute(
      new Request("http://test/x", { headers: { "if-none-match": etag } }),
      context("p37"),
    );
    expect(again.status).toBe(304);
  });
});
