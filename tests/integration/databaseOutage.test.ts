import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postEnsemble } from "@/app/api/experiments/[slug]/ensembles/route";
import { GET as getFrontier } from "@/app/api/experiments/[slug]/frontier/route";
import { GET as getMatrix } from "@/app/api/experiments/[slug]/matrix/route";
import { GET as getPassAtK } from "@/app/api/experiments/[slug]/pass-at-k/route";
import { GET as getProblemCounts } from "@/app/api/experiments/[slug]/problem-counts/route";
import { GET as getProblem } from "@/app/api/experiments/[slug]/problems/[id]/route";
import { GET as getProblems } from "@/app/api/experiments/[slug]/problems/route";
import { GET as getDetail } from "@/app/api/experiments/[slug]/route";
import { GET as getList } from "@/app/api/experiments/route";
import { GET as getHealth } from "@/app/api/health/route";
import { POST as postImport } from "@/app/api/imports/route";
import { createPrisma } from "@/lib/db/client";
import { type EmbeddedServer, startEmbeddedServer } from "@/lib/db/embeddedPostgres";
import { applyMigrations } from "@/lib/db/migrate";
import { PROBE_MAX_AGE_MS } from "@/lib/server/health";
import { freePort } from "../../scripts/support/freePort";
import { LOCAL_CLIENT } from "../support/localClient";
import { storeSmallSweep } from "./db";

// Its own embedded PostgreSQL (not the suite's), so that it can be stopped in the middle of the
// session and started again on the same data directory and port.

const SLUG = "outage-sweep";
const BASE = "http://localhost:3000";
let dataDir: string;
let port: number;
let server: EmbeddedServer | null = null;
/** A problem of the sweep, for the one-problem route. */
let problemId = "";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "alphascope-outage-"));
  port = await freePort();
  server = await startEmbeddedServer({ dataDir, port, database: "alphascope" });
  await applyMigrations(server.url);
  const db = createPrisma(server.url);
  await storeSmallSweep(
    db,
    { slug: SLUG, name: "Outage", benchmark: "outage-bench" },
    {
      seed: 5,
      problems: { easy: 2, medium: 2, hard: 2 },
      alphas: [0, 1],
      samples: 4,
    },
  );
  problemId = (await db.problem.findFirstOrThrow()).externalId;
  await db.$disconnect();
  // The route handlers' client, as under `npm start`; created on first use, kept through the outage.
  process.env.DATABASE_URL = server.url;
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const context = { params: Promise.resolve({ slug: SLUG }) };

/** One call to every API route, as a browser or script would make it. */
function callEveryRoute(): Record<string, Promise<Response>> {
  const get = (path: string) => new Request(`${BASE}${path}`);
  return {
    list: getList(get("/api/experiments")),
    detail: getDetail(get(`/api/experiments/${SLUG}`), context),
    frontier: getFrontier(get(`/api/experiments/${SLUG}/frontier`), context),
    matrix: getMatrix(get(`/api/experiments/${SLUG}/matrix`), context),
    passAtK: getPassAtK(get(`/api/experiments/${SLUG}/pass-at-k?alphas=0,1`), context),
    problems: getProblems(get(`/api/experiments/${SLUG}/problems?from=0&to=1`), context),
    problemCounts: getProblemCounts(get(`/api/experiments/${SLUG}/problem-counts`), context),
    problem: getProblem(get(`/api/experiments/${SLUG}/problems/p`), {
      params: Promise.resolve({ slug: SLUG, id: problemId }),
    }),
    ensemble: postEnsemble(
      new Request(`${BASE}/api/experiments/${SLUG}/ensembles`, {
        method: "POST",
        body: JSON.stringify({
          members: [
            { alpha: 0, samples: 2 },
            { alpha: 1, samples: 2 },
          ],
        }),
        headers: { "content-type": "application/json" },
      }),
      context,
    ),
    import: postImport(
      new Request(`${BASE}/api/imports`, {
        method: "POST",
        body: JSON.stringify({
          experiment: "outage-import",
          dryRun: true,
          files: [{ name: "run.jsonl", content: '{"alpha": 0, "problem": "q1", "n": 1, "pass": 1}\n' }],
        }),
        headers: { ...LOCAL_CLIENT, "content-type": "application/json" },
      }),
    ),
  };
}

async function statuses(): Promise<Record<string, { status: number; body: string }>> {
  const answers = callEveryRoute();
  const entries = await Promise.all(
    Object.entries(answers).map(async ([name, answer]) => {
      const response = await answer;
      return [name, { status: response.status, body: await response.text() }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe("a database outage in the middle of a session", () => {
  it("answers 200 while PostgreSQL runs", async () => {
    for (const [name, { status }] of Object.entries(await statuses()))
      expect({ name, status }).toEqual({ name, status: 200 });
    expect((await getHealth()).status).toBe(200);
  });

  it("answers 503 database_unavailable on every API route once it stops, without driver text, host or port", async () => {
    await server?.stop();
    server = null;
    for (const [name, { status, body }] of Object.entries(await statuses())) {
      expect({ name, status }).toEqual({ name, status: 503 });
      expect(JSON.parse(body).error.code).toBe("database_unavailable");
      expect(body).not.toContain(String(port));
      expect(body).not.toMatch(/127\.0\.0\.1|reach database server|ECONNREFUSED/);
    }
    // Checks within PROBE_MAX_AGE_MS of the last probe may still give its answer (with its ageMs)
    // while a new probe runs; the first check after that probe reports the outage.
    let health = await getHealth();
    await vi.waitFor(
      async () => {
        health = await getHealth();
        expect(health.status).toBe(503);
      },
      { timeout: PROBE_MAX_AGE_MS + 5_000, interval: 100 },
    );
    const body = await health.text();
    expect(JSON.parse(body)).toMatchObject({ status: "degraded", error: { code: "database_unavailable" } });
    expect(body).not.toContain(String(port));
  });

  it("recovers as soon as PostgreSQL is back, without a restart of the app", async () => {
    server = await startEmbeddedServer({ dataDir, port, database: "alphascope" });
    for (const [name, { status }] of Object.entries(await statuses()))
      expect({ name, status }).toEqual({ name, status: 200 });
    await vi.waitFor(async () => expect((await getHealth()).status).toBe(200), {
      timeout: PROBE_MAX_AGE_MS + 5_000,
      interval: 100,
    });
  });
});
