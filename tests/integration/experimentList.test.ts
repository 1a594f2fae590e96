import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentPage } from "@/lib/contracts/experimentListQuery";
import type { ExperimentListItem, FrontierData } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { generateDemoSweep } from "@/lib/demo/generate";
import type { Setting } from "@/lib/domain/setting";
import type { SweepInput } from "@/lib/domain/sweepInput";
import { FRONTIER_POINTS_KIND } from "@/lib/responses/statisticKinds";
import { experimentThumbnail } from "@/lib/responses/thumbnail";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics, storedBody } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { GET: listRoute } = await import("@/app/api/experiments/route");

interface Spec {
  slug: string;
  name: string;
  benchmark: string;
  setting: Setting;
  scale: string | null;
  family: string | null;
  modelB: string;
  study?: string;
}

/** Nine experiments whose filters and sort columns overlap in every way a page could get wrong. */
const SPECS: Spec[] = [
  {
    slug: "list-a",
    name: "Zeta 7B",
    benchmark: "lcb",
    setting: "pure-reasoning",
    scale: "7B",
    family: "qwen",
    modelB: "org/qwen-r1",
  },
  {
    slug: "list-b",
    name: "alpha 7B",
    benchmark: "lcb",
    setting: "tool-use",
    scale: "7B",
    family: "llama",
    modelB: "org/llama-think",
    study: "grid",
  },
  {
    slug: "list-c",
    name: "Beta 32B",
    benchmark: "aime",
    setting: "agentic",
    scale: "32B",
    family: "qwen",
    modelB: "org/qwen-r1-32b",
    study: "grid",
  },
  {
    slug: "list-d",
    name: "Beta 32B",
    benchmark: "aime",
    setting: "pure-reasoning",
    scale: null,
    family: null,
    modelB: "x/100%_sure",
  },
  {
    slug: "list-e",
    name: "gamma",
    benchmark: "lcb",
    setting: "pure-reasoning",
    scale: "1.5B",
    family: "qwen",
    modelB: "org/deep",
  },
  {
    slug: "list-f",
    name: "Delta",
    benchmark: "swe",
    setting: "agentic",
    scale: "7B",
    family: "llama",
    modelB: "org/Agent-7",
  },
  {
    slug: "list-g",
    name: "epsilon",
    benchmark: "swe",
    setting: "tool-use",
    scale: "32B",
    family: "qwen",
    modelB: "org/qwen-tools",
  },
  {
    slug: "list-h",
    name: "Beta 32B",
    benchmark: "lcb",
    setting: "tool-use",
    scale: "32B",
    family: "llama",
    modelB: "org/b",
  },
  {
    slug: "list-i",
    name: "eta",
    benchmark: "aime",
    setting: "pure-reasoning",
    scale: "7B",
    family: "qwen",
    modelB: "org/c",
  },
];

function sweepOf(spec: Spec, index: number): SweepInput {
  const demo = generateDemoSweep({
    seed: index + 1,
    problems: { easy: 2, medium: 2, hard: 2 },
    alphas: [0, 1],
    samples: 4,
  });
  return {
    ...demo,
    // Problems are shared per benchmark: each experiment's own ids keep their difficulties apart.
    problems: demo.problems.map((problem) => ({
      ...problem,
      externalId: `${spec.slug}-${problem.externalId}`,
    })),
    checkpoints: demo.checkpoints.map((checkpoint) => ({
      ...checkpoint,
      results: checkpoint.results.map((result) => ({
        ...result,
        problemExternalId: `${spec.slug}-${result.problemExternalId}`,
      })),
    })),
    trained: [], // the list shows α sweeps; trained checkpoints have their own tests
    experiment: {
      ...demo.experiment,
      slug: spec.slug,
      name: spec.name,
      benchmark: spec.benchmark,
      setting: spec.setting,
      modelScale: spec.scale,
      modelFamily: spec.family,
      endpointB: { label: "B", model: spec.modelB },
      study: spec.study ? { slug: spec.study, name: "Grid" } : null,
    },
  };
}

let db: Db;

async function get<T>(query: string): Promise<{ status: number; body: T }> {
  const response = await listRoute(new Request(`http://x/api/experiments?${query}`));
  return { status: response.status, body: (await response.json()) as T };
}

/** Every page of a query, following nextCursor. */
async function allPages(query: string, limit: number): Promise<{ slugs: string[]; totals: number[] }> {
  const slugs: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const { status, body }: { status: number; body: ExperimentPage } = await get<ExperimentPage>(
      `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    slugs.push(...body.items.map((item) => item.slug));
    totals.push(body.total);
    cursor = body.nextCursor;
  } while (cursor !== null);
  return { slugs, totals };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  for (const [index, spec] of SPECS.entries()) await storeSweep(db, sweepOf(spec, index));
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("GET /api/experiments with a query", () => {
  it("without parameters answers today's array of every experiment", async () => {
    const { body } = await get<ExperimentListItem[]>("");
    expect(body.map((item) => item.slug).sort()).toEqual(SPECS.map((spec) => spec.slug).sort());
  });

  it.each([
    ["benchmark=lcb", (s: Spec) => s.benchmark === "lcb"],
    ["setting=tool-use", (s: Spec) => s.setting === "tool-use"],
    ["scale=32B", (s: Spec) => s.scale === "32B"],
    ["family=llama", (s: Spec) => s.family === "llama"],
    ["study=grid", (s: Spec) => s.study === "grid"],
    ["synthetic=false", () => false],
    ["synthetic=true", () => true],
    ["q=BETA", (s: Spec) => s.name.toLowerCase().includes("beta")],
    ["q=qwen-r1", (s: Spec) => s.modelB.includes("qwen-r1")],
    ["q=list-e", (s: Spec) => s.slug === "list-e"],
    ["q=aime", (s: Spec) => s.benchmark === "aime"],
    ["q=100%25_", (s: Spec) => s.modelB.includes("100%_")],
    ["q=%25", (s: Spec) => s.modelB.includes("%")],
    [
      "benchmark=lcb&family=qwen&scale=7B",
      (s: Spec) => s.benchmark === "lcb" && s.family === "qwen" && s.scale === "7B",
    ],
  ])("%s matches exactly the experiments it names, on every page", async (query, keep) => {
    const expected = SPECS.filter(keep).map((spec) => spec.slug);
    const { slugs, totals } = await allPages(`${query}&sort=name`, 2);
    expect([...slugs].sort()).toEqual([...expected].sort());
    expect(new Set(totals)).toEqual(new Set([expected.length]));
    const { body } = await get<ExperimentListItem[]>(query);
    expect(body.map((item) => item.slug).sort()).toEqual([...expected].sort());
  });

  it.each([
    ["name", (s: Spec) => s.name],
    ["benchmark", (s: Spec) => s.benchmark],
    ["setting", (s: Spec) => s.setting],
    ["scale", (s: Spec) => s.scale ?? ""],
    ["family", (s: Spec) => s.family ?? ""],
  ] as const)("sort=%s pages through every row once, in order, both ways", async (sort, value) => {
    for (const order of ["asc", "desc"] as const) {
      const { slugs } = await allPages(`sort=${sort}&order=${order}`, 2);
      const byColumn = (a: Spec, b: Spec) => compare(value(a), value(b)) || compare(a.slug, b.slug);
      const sorted = [...SPECS].sort(byColumn).map((spec) => spec.slug);
      // PostgreSQL's collation orders text; the test's check is what a reader sees: the same set,
      // no repeats, and the first page's first row the column's extreme.
      expect(new Set(slugs).size).toBe(SPECS.length);
      expect([...slugs].sort()).toEqual([...sorted].sort());
      const values = slugs.map((slug) =>
        value(SPECS.find((spec) => spec.slug === slug) as Spec).toLowerCase(),
      );
      const ordered = [...values].sort((a, b) => (order === "asc" ? compare(a, b) : compare(b, a)));
      expect(values.map((v) => v.replace(/[^a-z0-9]/g, ""))).toEqual(
        ordered.map((v) => v.replace(/[^a-z0-9]/g, "")),
      );
    }
  });

  it("sort=updated (the default) pages newest first, each row once", async () => {
    const { slugs } = await allPages("sort=updated", 4);
    const listed = (await get<ExperimentListItem[]>("")).body.map((item) => item.slug);
    expect(slugs).toEqual(listed);
  });

  it("refuses a bad limit, sort or cursor with a 400 naming the parameter", async () => {
    for (const [query, field] of [
      ["limit=500", "limit"],
      ["limit=x", "limit"],
      ["sort=problems", "sort"],
      ["setting=nope", "setting"],
      ["limit=2&cursor=bm90LWpzb24", "cursor"],
      // A well-formed key whose value is no timestamp, for the default sort by update time.
      [
        `limit=2&cursor=${Buffer.from(JSON.stringify(["not a time", "list-a"])).toString("base64url")}`,
        "cursor",
      ],
    ]) {
      const { status, body } = await get<{ error: { message: string } }>(query);
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toContain(field);
    }
  });

  it("says where a page starts and how to go back: previous pages are the next pages reversed", async () => {
    for (const [sort, order] of [
      ["name", "asc"],
      ["updated", "desc"],
      ["scale", "desc"],
    ] as const) {
      const query = `sort=${sort}&order=${order}&limit=2`;
      const forward: ExperimentPage[] = [];
      let cursor: string | null = null;
      do {
        const page: ExperimentPage = (
          await get<ExperimentPage>(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
        ).body;
        forward.push(page);
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(forward.map((page) => page.offset)).toEqual(forward.map((_, index) => index * 2));
      expect(forward[0].previousCursor).toBeNull();
      expect(forward[1].previousCursor).toBeNull();
      // From the last page back to the first by previousCursor: the same pages in reverse.
      let page = forward[forward.length - 1];
      for (let index = forward.length - 2; index >= 0; index--) {
        const back = page.previousCursor ? `&cursor=${encodeURIComponent(page.previousCursor)}` : "";
        page = (await get<ExperimentPage>(`${query}${back}`)).body;
        expect(page.items.map((item) => item.slug)).toEqual(forward[index].items.map((item) => item.slug));
        expect(page.offset).toBe(forward[index].offset);
      }
    }
  });

  it("gives each row its model columns and the thumbnail the worker stored, equal to the explorer's points", async () => {
    const { body } = await get<ExperimentPage>("sort=name&limit=50");
    expect(body.items).toHaveLength(SPECS.length);
    for (const item of body.items) {
      const spec = SPECS.find((candidate) => candidate.slug === item.slug) as Spec;
      expect([item.modelScale, item.modelFamily]).toEqual([spec.scale, spec.family]);
      const points = (await storedBody(db, item.slug, FRONTIER_POINTS_KIND)) as FrontierData;
      expect(item.thumbnail).toEqual({
        version: item.version,
        ...experimentThumbnail(points.slices.all.points),
      });
      expect(item.thumbnail?.points.length).toBe(2);
    }
  });

  it("answers a thumbnail of null until the worker stored the new version's", async () => {
    const [spec] = SPECS;
    const sweep = sweepOf(spec, 0);
    await storeSweep(db, { ...sweep, experiment: { ...sweep.experiment, name: "Zeta again" } });
    const { body } = await get<ExperimentPage>(`q=${spec.slug}&limit=5`);
    expect(body.items.map((item) => [item.slug, item.name, item.thumbnail])).toEqual([
      [spec.slug, "Zeta again", null],
    ]);
    await computeAllStatistics(db);
    const after = (await get<ExperimentPage>(`q=${spec.slug}&limit=5`)).body.items[0];
    expect(after.thumbnail?.version).toBe(after.version);
    expect(after.thumbnail?.best).not.toBeNull();
  });
});

describe("the search q", () => {
  const slugsOf = async (query: string) =>
    (await get<ExperimentPage>(`${query}&limit=50`)).body.items.map((item) => item.slug);

  it("follows a rename at once and folds case beyond ASCII, as ILIKE did", async () => {
    await db.experiment.update({ where: { slug: "list-i" }, data: { name: "Ärger Ωmega eta" } });
    try {
      for (const q of ["ärger", "ÄRGER", "ärGER", "ωMEGA", "Ω", "ärger ωmega eta list-i"])
        expect(await slugsOf(`q=${encodeURIComponent(q)}`), q).toEqual(["list-i"]);
    } finally {
      await db.experiment.update({ where: { slug: "list-i" }, data: { name: "eta" } });
    }
    expect(await slugsOf("q=%C3%A4rger")).toEqual([]);
  });

  it("is indexed for three characters and more, and the index never defers an insert to a vacuum", async () => {
    const [index] = await db.$queryRawUnsafe<{ definition: string; options: string[] | null }[]>(
      `SELECT pg_get_indexdef(c."oid") AS "definition", c."reloptions" AS "options"
       FROM pg_class c WHERE c."relname" = 'experiments_search_text_idx'`,
    );
    expect(index.definition).toContain("USING gin (search_text gin_trgm_ops)");
    expect(index.options).toEqual(["fastupdate=off"]);
    // With sequential scans off, the planner reads the index for a search the list sends.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT "slug" FROM "experiments" e WHERE e."search_text" LIKE lower('%QWEN-r1%')`,
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("experiments_search_text_idx");
  });
});
