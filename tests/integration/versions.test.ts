import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import type { ExperimentVersionList } from "@/lib/contracts/versions";
import type { Db } from "@/lib/db/client";
import { experimentTarget, listAuditEvents } from "@/lib/db/queries/audit";
import { problemResults } from "@/lib/db/queries/problemResults";
import { memoryFile } from "@/lib/import/inputFile";
import type { ImportEntry } from "@/lib/import/plan";
import { runImport } from "@/lib/import/runImport";
import { purgeExpiredVersions } from "@/lib/server/trash";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics, entryText, rerunText, seededSweepFiles } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const experiment = await import("@/app/api/experiments/[slug]/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: matrixRoute } = await import("@/app/api/experiments/[slug]/matrix/route");
const { GET: csvRoute } = await import("@/app/api/experiments/[slug]/export.csv/route");
const { GET: versionsRoute } = await import("@/app/api/experiments/[slug]/versions/route");
const { POST: restoreRoute } = await import("@/app/api/experiments/[slug]/versions/[id]/restore/route");
const { GET: versionFrontierRoute } = await import(
  "@/app/api/experiments/[slug]/versions/[id]/frontier/route"
);

const SLUG = "versions-test";
const ALPHAS = [0, 0.5, 1];
const DAY_MS = 24 * 60 * 60 * 1000;
/** No trained checkpoint changed (this experiment has none). */
const NO_TRAINED = { added: [], replaced: [], removed: [] };
let db: Db;

function request(path: string, method = "GET"): Request {
  return new Request(`http://localhost:3000${path}`, { method, headers: LOCAL_CLIENT });
}
const slugContext = () => ({ params: Promise.resolve({ slug: SLUG }) });

interface Read {
  status: number;
  etag: string | null;
  text: string;
}

/** The reads a user compares across versions, as status, ETag and exact bytes. */
async function reads(version?: number): Promise<Record<string, Read>> {
  const query = version === undefined ? "" : `?version=${version}`;
  const base = `/api/experiments/${SLUG}`;
  const answers: Record<string, Response> = {
    detail: await experiment.GET(request(`${base}${query}`), slugContext()),
    frontier: await frontierRoute(request(`${base}/frontier${query}`), slugContext()),
    matrix: await matrixRoute(request(`${base}/matrix${query}`), slugContext()),
    csv: await csvRoute(request(`${base}/export.csv${query}`), slugContext()),
  };
  const entries = await Promise.all(
    Object.entries(answers).map(async ([name, response]) => [
      name,
      { status: response.status, etag: response.headers.get("etag"), text: await response.text() },
    ]),
  );
  return Object.fromEntries(entries);
}

async function versions(): Promise<ExperimentVersionList["versions"]> {
  const response = await versionsRoute(request(`/api/experiments/${SLUG}/versions`), slugContext());
  expect(response.status).toBe(200);
  return ((await response.json()) as ExperimentVersionList).versions;
}

/** The α = 0.5 file re-run: each problem that passed twice or more loses one pass to a wrong answer. */
async function replacement(): Promise<ImportEntry[]> {
  const [entry] = seededSweepFiles([0.5]);
  return [{ ...entry, input: memoryFile("alpha0.5-rerun.jsonl", rerunText(await entryText(entry))) }];
}

/** A body without what a new version changes by construction: its content id and update time. */
function withoutVersion(text: string): unknown {
  return JSON.parse(text, (key, value) => (key === "version" || key === "updatedAt" ? undefined : value));
}

describe("versions of an experiment (nothing lost by --replace)", () => {
  let first: Record<string, Read>;
  let replaced: Record<string, Read>;
  let original: number;

  beforeAll(async () => {
    db = testDb();
    await truncateAll(db);
    await runImport(db, { experiment: { slug: SLUG }, entries: seededSweepFiles(ALPHAS), source: "cli" });
    await computeAllStatistics(db);
    first = await reads();
  });
  afterAll(() => db.$disconnect());

  it("keeps the old version on --replace: listed, and read-only byte for byte as it served before", async () => {
    const [before] = await versions();
    expect(before).toMatchObject({
      actor: "local",
      current: true,
      changes: { added: ALPHAS, replaced: [], removed: [] },
    });
    original = before.id;

    const refused = runImport(db, {
      experiment: { slug: SLUG },
      entries: await replacement(),
      source: "cli",
    });
    await expect(refused).rejects.toThrow("--replace");
    await runImport(db, {
      experiment: { slug: SLUG },
      entries: await replacement(),
      source: "api",
      replace: true,
      actor: "token",
    });
    await computeAllStatistics(db);

    const listed = await versions();
    expect(listed.map(({ id, actor, current, changes }) => ({ id, actor, current, changes }))).toEqual([
      {
        id: listed[0].id,
        actor: "token",
        current: true,
        changes: { added: [], replaced: [0.5], removed: [], trained: NO_TRAINED },
      },
      {
        id: original,
        actor: "local",
        current: false,
        changes: { added: ALPHAS, replaced: [], removed: [], trained: NO_TRAINED },
      },
    ]);

    replaced = await reads();
    expect(replaced.detail.text).not.toBe(first.detail.text);
    // The old version: the same bytes and the same ETags as it served while it was current.
    expect(await reads(original)).toEqual(first);
    // The explorer page of the old version reads the same frontier under the version's own path.
    const pinned = await versionFrontierRoute(
      request(`/api/experiments/${SLUG}/versions/${original}/frontier`),
      {
        params: Promise.resolve({ slug: SLUG, id: String(original) }),
      },
    );
    expect(await pinned.text()).toBe(first.frontier.text);
    expect(pinned.headers.get("etag")).toBe(first.frontier.etag);
    // The current version's id reads as the current version.
    expect(await reads(listed[0].id)).toEqual(replaced);
  });

  it("never shows a replaced checkpoint's rows in a current read", async () => {
    const detail = JSON.parse(replaced.detail.text) as { checkpoints: { alpha: number }[] };
    expect(detail.checkpoints.map((checkpoint) => checkpoint.alpha)).toEqual(ALPHAS);
    const stored = await db.result.findMany({
      where: { checkpoint: { experiment: { slug: SLUG }, alpha: 0.5 } },
      include: { checkpoint: true, problem: true },
    });
    const live = stored.filter((row) => row.checkpoint.retiredAt === null);
    const retired = stored.filter((row) => row.checkpoint.retiredAt !== null);
    expect(live.length).toBeGreaterThan(0);
    expect(retired.length).toBe(live.length);
    expect(
      live.some((row) => retired.some((old) => old.problemId === row.problemId && old.pass !== row.pass)),
    ).toBe(true);
    const externalId = live[0].problem.externalId;
    const current = await problemResults(db, SLUG, externalId);
    const atHalf = current?.results.filter((result) => result.alpha === 0.5) ?? [];
    const liveRow = live.find((row) => row.problem.externalId === externalId);
    expect(atHalf).toHaveLength(1);
    expect(atHalf[0].verdicts.pass).toBe(liveRow?.pass);
    expect(atHalf[0].n).toBe(liveRow?.n);
  });

  it("answers 404 for a version the experiment does not have, 400 for one that is not an id", async () => {
    const missing = await experiment.GET(request(`/api/experiments/${SLUG}?version=999999`), slugContext());
    expect(missing.status).toBe(404);
    const invalid = await experiment.GET(request(`/api/experiments/${SLUG}?version=abc`), slugContext());
    expect(invalid.status).toBe(400);
  });

  it("restores the old version as a new current one with the same reads, and audits each step with its actor", async () => {
    const response = await restoreRoute(
      request(`/api/experiments/${SLUG}/versions/${original}/restore`, "POST"),
      {
        params: Promise.resolve({ slug: SLUG, id: String(original) }),
      },
    );
    expect(response.status).toBe(200);
    const restored = (await response.json()) as {
      restored: number;
      version: { id: number; current: boolean };
    };
    expect(restored).toMatchObject({ restored: original, version: { current: true } });
    await computeAllStatistics(db);

    const listed = await versions();
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({
      actor: "local",
      current: true,
      changes: { added: [], replaced: [0.5], removed: [] },
    });
    const now = await reads();
    for (const name of ["detail", "frontier", "matrix"] as const) {
      expect(now[name].status).toBe(200);
      expect(withoutVersion(now[name].text)).toEqual(withoutVersion(first[name].text));
    }
    expect(now.csv.text).toBe(first.csv.text);

    const again = await restoreRoute(
      request(`/api/experiments/${SLUG}/versions/${listed[0].id}/restore`, "POST"),
      {
        params: Promise.resolve({ slug: SLUG, id: String(listed[0].id) }),
      },
    );
    expect(again.status).toBe(409);

    const audit = await listAuditEvents(db, { limit: 10, target: experimentTarget(SLUG) });
    expect(audit.map(({ actor, action }) => [actor, action])).toEqual([
      ["local", "experiment.version.restore"],
      ["token", "experiment.replace"],
      ["local", "experiment.import"],
    ]);
    expect(audit[0].summary).toContain(`Restored version ${original}`);
  });

  it("purges retired checkpoints and the versions holding them once past retention, not before", async () => {
    const retired = await db.checkpoint.findMany({
      where: { experiment: { slug: SLUG }, retiredAt: { not: null } },
    });
    expect(retired).toHaveLength(1);
    const retiredAt = (retired[0].retiredAt as Date).getTime();
    const versionsBefore = await versions();

    expect(await purgeExpiredVersions(db, new Date(retiredAt + 30 * DAY_MS - 1), 30)).toEqual([]);
    expect(await db.result.count({ where: { checkpointId: retired[0].id } })).toBeGreaterThan(0);

    expect(await purgeExpiredVersions(db, new Date(retiredAt + 30 * DAY_MS), 30)).toEqual([SLUG]);
    expect(await db.checkpoint.count({ where: { id: retired[0].id } })).toBe(0);
    expect(await db.result.count({ where: { checkpointId: retired[0].id } })).toBe(0);
    // The replace's version held the purged checkpoint; the first and the current ones did not.
    const after = await versions();
    expect(after.map((version) => version.id)).toEqual([versionsBefore[0].id, original]);
    const [purge] = await listAuditEvents(db, { limit: 1, target: experimentTarget(SLUG) });
    expect(purge).toMatchObject({ actor: "system", action: "experiment.version.purge" });
    // What is current still reads as it did.
    expect(withoutVersion((await reads()).detail.text)).toEqual(withoutVersion(first.detail.text));
  });

  it("lists and restores versions through the CLI", async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await runCli(["versions", SLUG, "--json"], io)).toBe(0);
    const listed = JSON.parse(out.join("")) as ExperimentVersionList["versions"];
    expect(listed).toEqual(await versions());
    out.length = 0;
    expect(await runCli(["versions", "restore", SLUG, String(original)], io)).toBe(0);
    const [newest] = await versions();
    expect(out.join("\n")).toBe(`Restored version ${original} of "${SLUG}" as version ${newest.id}.`);
    expect(newest).toMatchObject({ actor: "local", current: true });
    out.length = 0;
    expect(await runCli(["versions", "restore", SLUG, "999999"], io)).toBe(1);
    expect(out.join("\n")).toContain(`Experiment "${SLUG}" has no version 999999`);
    expect(await runCli(["versions", "restore", SLUG], io)).toBe(2);
  });
});
