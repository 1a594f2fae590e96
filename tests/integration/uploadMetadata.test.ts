import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentHeader, FrontierData } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { memoryFile } from "@/lib/import/inputFile";
import { runImport } from "@/lib/import/runImport";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { snapshotDb } from "./importSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { POST: importRoute } = await import("@/app/api/imports/route");
const { PATCH: patchRoute } = await import("@/app/api/experiments/[slug]/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");

let db: Db;

const FILE_A = [
  '{"problem": "p1", "difficulty": "easy", "n": 4, "pass": 3, "wrongAnswer": 1}',
  '{"problem": "p2", "difficulty": "hard", "n": 4, "pass": 0, "timeLimit": 4}',
].join("\n");
const FILE_B = [
  '{"problem": "p1", "difficulty": "easy", "n": 4, "pass": 4}',
  '{"problem": "p2", "difficulty": "hard", "n": 4, "pass": 1, "wrongAnswer": 3}',
].join("\n");

/** A multipart upload as the upload page sends it (source "web"). */
function upload(fields: Record<string, string>, content: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.append("file", new File([content], "run.jsonl"));
  return importRoute(
    new Request("http://localhost/api/imports", { method: "POST", body: form, headers: { ...LOCAL_CLIENT } }),
  );
}

function patch(slug: string, body: unknown, headers: Record<string, string> = {}) {
  return patchRoute(
    new Request(`http://localhost/api/experiments/${slug}`, {
      method: "PATCH",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { ...LOCAL_CLIENT, "content-type": "application/json", ...headers },
    }),
    { params: Promise.resolve({ slug }) },
  );
}

async function frontier(slug: string): Promise<FrontierData> {
  const response = await frontierRoute(new Request(`http://localhost/api/experiments/${slug}/frontier`), {
    params: Promise.resolve({ slug }),
  });
  return (await response.json()) as FrontierData;
}

type ErrorBody = { error: { code: string; message: string; details?: { confirm?: string } } };

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the upload page's metadata", () => {
  it("creates an experiment with its benchmark, setting, endpoint labels and models, which the plot data carries", async () => {
    const response = await upload(
      {
        experiment: "meta-new",
        alpha: "0",
        benchmark: "lcb-mini",
        setting: "tool-use",
        endpointALabel: "low coverage",
        endpointAModel: "org/low",
        endpointBLabel: "high coverage",
      },
      FILE_A,
    );
    expect(response.status).toBe(201);
    const { experiment } = await frontier("meta-new");
    expect(experiment).toMatchObject({
      benchmark: "lcb-mini",
      setting: "tool-use",
      endpoints: {
        a: { label: "low coverage", model: "org/low" },
        b: { label: "high coverage", model: null },
      },
    });
  });

  it("refuses a field that cannot be stored with 400 naming it, storing nothing", async () => {
    const before = await snapshotDb(db);
    const response = await upload({ experiment: "meta-bad", alpha: "0", setting: "sometimes" }, FILE_A);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^Invalid field "setting"/);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("names the page's checkbox, not the CLI flag, when results conflict", async () => {
    const response = await upload({ experiment: "meta-new", alpha: "0" }, FILE_B);
    expect(response.status).toBe(409);
    const { message } = ((await response.json()) as ErrorBody).error;
    expect(message).toContain("tick “Replace stored results that differ” to overwrite them");
    expect(message).not.toContain("--replace");
  });
});

describe("identical content at two α", () => {
  it("is refused (409, the confirming field named) with the database unchanged, dry run or not", async () => {
    const before = await snapshotDb(db);
    for (const dryRun of ["true", "false"]) {
      const response = await upload({ experiment: "meta-new", alpha: "0.5", dryRun }, FILE_A);
      expect(response.status).toBe(409);
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe("identical_content");
      expect(error.details?.confirm).toBe("confirmIdentical");
      expect(error.message).toContain(
        "α = 0.5 would have exactly the same per-problem verdict counts as α = 0",
      );
      expect(error.message).toContain("Import even if identical to another α");
    }
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("names the CLI flag on the command line, and is imported when confirmed", async () => {
    const request = {
      experiment: { slug: "meta-new" },
      entries: [{ input: memoryFile("run.jsonl", FILE_A), alpha: 0.5 }],
      source: "cli" as const,
    };
    await expect(runImport(db, request)).rejects.toThrow("use --confirm-identical to import it anyway");
    const confirmed = await upload(
      { experiment: "meta-new", alpha: "0.5", confirmIdentical: "true" },
      FILE_A,
    );
    expect(confirmed.status).toBe(201);
    expect((await frontier("meta-new")).slices.all.points.map((p) => p.alpha)).toEqual([0, 0.5]);
  });

  it("does not count content with one differing verdict count as identical", async () => {
    const oneOff = FILE_A.replace('"pass": 3, "wrongAnswer": 1', '"pass": 2, "wrongAnswer": 2');
    expect((await upload({ experiment: "meta-new", alpha: "1" }, oneOff)).status).toBe(201);
  });
});

describe("PATCH /api/experiments/<slug>", () => {
  it("changes endpoint labels and models: a new version whose plot data reads them", async () => {
    const { version: before } = await frontier("meta-new");
    const response = await patch("meta-new", {
      endpoints: { a: { label: "Low coverage RL" }, b: { label: "High coverage RL", model: "org/high" } },
    });
    expect(response.status).toBe(200);
    const header = (await response.json()) as ExperimentHeader & { version: string };
    expect(header.endpoints).toEqual({
      a: { label: "Low coverage RL", model: "org/low" },
      b: { label: "High coverage RL", model: "org/high" },
    });
    const after = await frontier("meta-new");
    expect(after.version).toBe(header.version);
    expect(after.version).not.toBe(before);
    expect(after.experiment.endpoints).toEqual(header.endpoints);
    // A null model clears it.
    const cleared = await patch("meta-new", { endpoints: { a: { model: null } } });
    expect(((await cleared.json()) as ExperimentHeader).endpoints.a).toEqual({
      label: "Low coverage RL",
      model: null,
    });
  });

  it("refuses bad requests with the right status, naming the field, and changes nothing", async () => {
    const before = await snapshotDb(db);
    const cases: [unknown, number, RegExp][] = [
      [{ endpoints: { a: { label: "" } } }, 400, /^Invalid field "endpoints\.a\.label"/],
      [{ setting: "mostly" }, 400, /^Invalid field "setting"/],
      [{ colour: "red" }, 400, /colour/],
      [
        { name: "Sweep \ufffe" },
        400,
        /^Invalid field "name": contains the Unicode noncharacter U\+FFFE at character 7/,
      ],
      [
        { endpoints: { b: { label: "\u{10ffff}" } } },
        400,
        /^Invalid field "endpoints\.b\.label": contains the Unicode noncharacter U\+10FFFF/,
      ],
      [
        { endpoints: { a: { model: "org/model-A\u2028  - model: attacker/backdoored-model" } } },
        400,
        /^Invalid field "endpoints\.a\.model": contains the line separator U\+2028 at character 12/,
      ],
      [{}, 400, /at least one field/],
      ["{not json", 400, /JSON/i],
    ];
    for (const [body, status, message] of cases) {
      const response = await patch("meta-new", body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as ErrorBody).error.message).toMatch(message);
    }
    expect((await patch("no-such-experiment", { setting: "agentic" })).status).toBe(404);
    expect((await patch("meta-new", { setting: "agentic" }, { "sec-fetch-site": "cross-site" })).status).toBe(
      403,
    );
    const remote = await patchRoute(
      new Request("http://localhost/api/experiments/meta-new", {
        method: "PATCH",
        body: JSON.stringify({ setting: "agentic" }),
        headers: { host: "localhost:3000", "content-type": "application/json" },
      }),
      { params: Promise.resolve({ slug: "meta-new" }) },
    );
    expect(remote.status).toBe(403);
    expect((await patch("meta-new", "setting=agentic", { "content-type": "text/plain" })).status).toBe(415);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("moves the results onto another benchmark's problems, refusing contradicting difficulties", async () => {
    // Another experiment on "lcb-full" knows p2 as medium: meta-new's p2 is hard.
    const other = await upload(
      { experiment: "meta-other", alpha: "0", benchmark: "lcb-full" },
      '{"problem": "p2", "difficulty": "medium", "n": 2, "pass": 1, "wrongAnswer": 1}',
    );
    expect(other.status).toBe(201);
    const before = await snapshotDb(db);
    const refused = await patch("meta-new", { benchmark: "lcb-full" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.message).toContain('"p2": here hard, there medium');
    expect(await snapshotDb(db)).toEqual(before);

    const moved = await patch("meta-new", { benchmark: "lcb-moved", setting: "agentic" });
    expect(moved.status).toBe(200);
    const benchmarks = await db.$queryRawUnsafe<{ benchmark: string; n: number }[]>(
      `SELECT p."benchmark", count(*)::int AS "n" FROM "results" r JOIN "checkpoints" c ON c."id" = r."checkpoint_id"
       JOIN "experiments" e ON e."id" = c."experiment_id" JOIN "problems" p ON p."id" = r."problem_id"
       WHERE e."slug" = 'meta-new' GROUP BY p."benchmark"`,
    );
    expect(benchmarks).toEqual([{ benchmark: "lcb-moved", n: 6 }]);
    const { experiment, slices } = await frontier("meta-new");
    expect(experiment).toMatchObject({ benchmark: "lcb-moved", setting: "agentic" });
    expect(slices.hard.problems).toBe(1);
  });
});
