import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonData } from "@/lib/contracts/compareTypes";
import type { StudyDetail, StudyListItem } from "@/lib/contracts/studies";
import type { ExperimentHeader, FrontierData } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { POST: importRoute } = await import("@/app/api/imports/route");
const { PATCH: patchRoute } = await import("@/app/api/experiments/[slug]/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: studiesRoute } = await import("@/app/api/studies/route");
const { GET: studyRoute } = await import("@/app/api/studies/[slug]/route");
const { GET: studyFrontiersRoute } = await import("@/app/api/studies/[slug]/frontiers/route");

let db: Db;

/** The run at α = 0 and at α = 1 (different, so neither is refused as the other's copy). */
const RUNS: Record<string, string> = {
  "0": [
    '{"problem": "p1", "difficulty": "easy", "n": 4, "pass": 3, "wrongAnswer": 1}',
    '{"problem": "p2", "difficulty": "hard", "n": 4, "pass": 0, "timeLimit": 4}',
  ].join("\n"),
  "1": [
    '{"problem": "p1", "difficulty": "easy", "n": 4, "pass": 4}',
    '{"problem": "p2", "difficulty": "hard", "n": 4, "pass": 1, "wrongAnswer": 3}',
  ].join("\n"),
};

/** An upload as the upload page sends it: a new experiment in a study, at α = 0 and 1. */
async function upload(fields: Record<string, string>): Promise<void> {
  for (const alpha of ["0", "1"]) {
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...fields, alpha })) form.set(key, value);
    form.append("file", new File([`${RUNS[alpha]}\n`], `run-${alpha}.jsonl`));
    const response = await importRoute(
      new Request("http://localhost/api/imports", {
        method: "POST",
        body: form,
        headers: { ...LOCAL_CLIENT },
      }),
    );
    expect(response.status).toBe(201);
  }
}

const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function study(slug: string): Promise<{ status: number; body: StudyDetail }> {
  const response = await studyRoute(new Request(`http://localhost/api/studies/${slug}`), slugContext(slug));
  return { status: response.status, body: await response.json() };
}

async function studies(): Promise<StudyListItem[]> {
  return (await studiesRoute(new Request("http://localhost/api/studies"))).json();
}

function patch(slug: string, body: unknown) {
  return patchRoute(
    new Request(`http://localhost/api/experiments/${slug}`, {
      method: "PATCH",
      body: JSON.stringify(body),
      headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
    }),
    slugContext(slug),
  );
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  // Three experiments of one study, uploaded as the upload page does: two settings, one scale
  // missing; a fourth outside any study.
  await upload({
    experiment: "grid-reasoning-7b",
    setting: "pure-reasoning",
    modelScale: "7B",
    study: "grid",
    studyName: "The grid",
  });
  await upload({ experiment: "grid-agentic-32b", setting: "agentic", modelScale: "32B", study: "grid" });
  await upload({ experiment: "grid-agentic-7b", setting: "agentic", modelScale: "7B", study: "grid" });
  await upload({ experiment: "grid-reasoning-unsized", setting: "pure-reasoning", study: "grid" });
  await upload({ experiment: "loner" });
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("studies", () => {
  it("are listed with their number of experiments, by name", async () => {
    expect(await studies()).toEqual([{ slug: "grid", name: "The grid", experiments: 4 }]);
  });

  it("lay their experiments out as settings across and model scales down, smallest first, unknown last", async () => {
    const { status, body } = await study("grid");
    expect(status).toBe(200);
    expect(body.columns).toEqual(["pure-reasoning", "agentic"]);
    expect(body.rows).toEqual(["7B", "32B", "unknown scale"]);
    expect(body.experiments.map((e) => [e.slug, e.row, e.column])).toEqual([
      ["grid-reasoning-7b", 0, 0],
      ["grid-agentic-7b", 0, 1],
      ["grid-agentic-32b", 1, 1],
      ["grid-reasoning-unsized", 2, 0],
    ]);
  });

  it("serve each experiment's own frontier body, in the grid's order", async () => {
    const response = await studyFrontiersRoute(
      new Request("http://localhost/api/studies/grid/frontiers"),
      slugContext("grid"),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as ComparisonData;
    const own = await Promise.all(
      ["grid-reasoning-7b", "grid-agentic-7b", "grid-agentic-32b", "grid-reasoning-unsized"].map(
        async (slug) =>
          (await (
            await frontierRoute(
              new Request(`http://localhost/api/experiments/${slug}/frontier`),
              slugContext(slug),
            )
          ).json()) as FrontierData,
      ),
    );
    expect(body.experiments).toEqual(own);
    expect(body.sameBenchmark).toBe(true);
    expect(body.problems.all).toEqual({ sizes: [2, 2, 2, 2], shared: 2, union: 2 });
  });

  it("answer 404 for an unknown study and 400 for a malformed slug", async () => {
    expect((await study("no-such-study")).status).toBe(404);
    expect((await study("Not A Slug")).status).toBe(400);
  });

  it("change membership by PATCH without a new version; an emptied study leaves the list", async () => {
    const before = (await db.experiment.findUniqueOrThrow({ where: { slug: "loner" } })).version;
    const joined = await patch("loner", { study: "second", studyName: "Second study" });
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as ExperimentHeader & { version: string }).version).toBe(before);
    expect((await study("second")).body.experiments.map((e) => e.slug)).toEqual(["loner"]);

    expect((await patch("loner", { study: "second", studyName: "Renamed" })).status).toBe(200);
    expect((await study("second")).body.name).toBe("Renamed");

    expect((await patch("loner", { study: null })).status).toBe(200);
    expect((await studies()).map((s) => s.slug)).toEqual(["grid"]);
    expect((await study("second")).body.experiments).toEqual([]);
  });

  it("refuse a study name without its slug, naming the field", async () => {
    const response = await patch("loner", { studyName: "Orphan" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("studyName");
  });
});
