import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import type { Db } from "@/lib/db/client";
import { experimentTarget, listAuditEvents } from "@/lib/db/queries/audit";
import { DEMO_EXPERIMENT_SLUG } from "@/lib/demo/experiment";
import { generateDemoSweep } from "@/lib/demo/generate";
import type { SweepInput } from "@/lib/domain/sweepInput";
import { ImportConflictError } from "@/lib/import/conflicts";
import { purgeExpiredTrash } from "@/lib/server/trash";
import { LOCAL_CLIENT } from "../support/localClient";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const experiment = await import("@/app/api/experiments/[slug]/route");
const { GET: listRoute } = await import("@/app/api/experiments/route");
const { POST: restoreRoute } = await import("@/app/api/experiments/[slug]/restore/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: matrixRoute } = await import("@/app/api/experiments/[slug]/matrix/route");
const { GET: problemRoute } = await import("@/app/api/experiments/[slug]/problems/[id]/route");
const { GET: csvRoute } = await import("@/app/api/experiments/[slug]/export.csv/route");
const { GET: studyRoute } = await import("@/app/api/studies/[slug]/route");
const { POST: postSnapshot } = await import("@/app/api/snapshots/route");
const { GET: getSnapshot } = await import("@/app/api/snapshots/[id]/route");
const { GET: auditRoute } = await import("@/app/api/audit/route");

const demo = generateDemoSweep({
  seed: 23,
  problems: { easy: 5, medium: 5, hard: 5 },
  alphas: [-0.5, 0, 0.5, 1],
  samples: 12,
});
const SLUG = "trash-test";
const KEPT = "trash-kept";
const sweep = (slug: string): SweepInput => ({
  ...demo,
  experiment: {
    ...demo.experiment,
    slug,
    benchmark: "trash-bench",
    study: { slug: "trash-study", name: "Trash study" },
  },
});
const PROBLEM = demo.problems[0].externalId;
const DAY_MS = 24 * 60 * 60 * 1000;
let db: Db;

function request(path: string, method = "GET", body?: unknown): Request {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: { ...LOCAL_CLIENT, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const slugContext = (slug = SLUG) => ({ params: Promise.resolve({ slug }) });

/** Every read of the experiment a user would compare, as status and exact bytes. */
async function reads(): Promise<Record<string, { status: number; text: string }>> {
  const answers: Record<string, Response> = {
    detail: await experiment.GET(request(`/api/experiments/${SLUG}`), slugContext()),
    frontier: await frontierRoute(request(`/api/experiments/${SLUG}/frontier`), slugContext()),
    matrix: await matrixRoute(request(`/api/experiments/${SLUG}/matrix`), slugContext()),
    problem: await problemRoute(request(`/api/experiments/${SLUG}/problems/${encodeURIComponent(PROBLEM)}`), {
      params: Promise.resolve({ slug: SLUG, id: PROBLEM }),
    }),
    csv: await csvRoute(request(`/api/experiments/${SLUG}/export.csv`), slugContext()),
  };
  const entries = await Promise.all(
    Object.entries(answers).map(async ([name, response]) => [
      name,
      { status: response.status, text: await response.text() },
    ]),
  );
  return Object.fromEntries(entries);
}

async function trashedAt(slug: string): Promise<Date | null> {
  return (await db.experiment.findUniqueOrThrow({ where: { slug } })).deletedAt;
}

/** The list as scripts read it (an array) and as the home page pages it ({total, items}): the same slugs. */
async function listedSlugs(): Promise<string[]> {
  const response = await listRoute(request("/api/experiments"));
  const slugs = ((await response.json()) as { slug: string }[]).map((item) => item.slug).sort();
  const paged = (await (await listRoute(request("/api/experiments?limit=50&sort=name"))).json()) as {
    total: number;
    items: { slug: string }[];
  };
  expect(paged.total).toBe(slugs.length);
  expect(paged.items.map((item) => item.slug).sort()).toEqual(slugs);
  return slugs;
}

async function studySlugs(): Promise<string[]> {
  const response = await studyRoute(request("/api/studies/trash-study"), slugContext("trash-study"));
  return ((await response.json()) as { experiments: { slug: string }[] }).experiments.map((e) => e.slug);
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await storeSweep(db, sweep(SLUG));
  await storeSweep(db, sweep(KEPT));
  await computeAllStatistics(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("deleting an experiment moves it to the trash", () => {
  it("hides it from every read, keeps its slug reserved, and restores byte-identical answers", async () => {
    const before = await reads();
    expect(Object.values(before).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const snapshot = await postSnapshot(
      request("/api/snapshots", "POST", { experiment: SLUG, page: "explorer", view: "" }),
    );
    expect(snapshot.status).toBe(201);
    const { id: snapshotId } = (await snapshot.json()) as { id: string };

    const deleted = await experiment.DELETE(request(`/api/experiments/${SLUG}`, "DELETE"), slugContext());
    expect(deleted.status).toBe(200);
    const trashed = (await deleted.json()) as { slug: string; deletedAt: string; purgeAfter: string };
    expect(Date.parse(trashed.purgeAfter) - Date.parse(trashed.deletedAt)).toBe(30 * DAY_MS);

    const gone = await reads();
    expect(Object.values(gone).map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    expect(await listedSlugs()).toEqual([KEPT]);
    expect(await studySlugs()).toEqual([KEPT]);
    const pinned = (await (
      await getSnapshot(request(""), { params: Promise.resolve({ id: snapshotId }) })
    ).json()) as {
      currentVersion: string | null;
    };
    expect(pinned.currentVersion).toBeNull();
    // Deleting twice: nothing live has that slug any more.
    expect((await experiment.DELETE(request("/x", "DELETE"), slugContext())).status).toBe(404);
    // The slug stays reserved: an import into it is refused, naming the way back.
    const refused = storeSweep(db, sweep(SLUG));
    await expect(refused).rejects.toBeInstanceOf(ImportConflictError);
    await expect(refused).rejects.toThrow(`alphascope restore ${SLUG}`);

    const restored = await restoreRoute(request(`/api/experiments/${SLUG}/restore`, "POST"), slugContext());
    expect(restored.status).toBe(200);
    expect(await restored.json()).toEqual({ slug: SLUG, restored: true });
    expect(await reads()).toEqual(before);
    expect(await listedSlugs()).toEqual([KEPT, SLUG].sort());
    expect(await studySlugs()).toEqual([KEPT, SLUG].sort());
    expect((await restoreRoute(request("/x", "POST"), slugContext())).status).toBe(404);

    const audit = await listAuditEvents(db, { limit: 2, target: experimentTarget(SLUG) });
    expect(audit.map(({ actor, action }) => [actor, action])).toEqual([
      ["local", "experiment.restore"],
      ["local", "experiment.delete"],
    ]);
  });

  it("lists, restores and deletes through the CLI", async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await runCli(["delete", KEPT], io)).toBe(2);
    expect(await runCli(["delete", KEPT, "--yes"], io)).toBe(0);
    expect(await runCli(["trash", "--json"], io)).toBe(0);
    const listed = JSON.parse(out.at(-1) as string) as { slug: string; deletedAt: string; purgeAt: string }[];
    expect(listed.map((row) => row.slug)).toEqual([KEPT]);
    expect(Date.parse(listed[0].purgeAt) - Date.parse(listed[0].deletedAt)).toBe(30 * DAY_MS);
    expect(await runCli(["restore", KEPT], io)).toBe(0);
    expect(await runCli(["restore", KEPT], io)).toBe(1);
    expect(await runCli(["trash"], io)).toBe(0);
    expect(out.at(-1)).toBe("The trash is empty.");
    expect(await listedSlugs()).toEqual([KEPT, SLUG].sort());
  });

  it("`alphascope demo` does not reload a demo experiment that is in the trash: it names restore", async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    await storeSweep(db, sweep(DEMO_EXPERIMENT_SLUG));
    expect(await runCli(["delete", DEMO_EXPERIMENT_SLUG, "--yes"], io)).toBe(0);
    expect(await runCli(["demo"], io)).toBe(1);
    expect(out.at(-1)).toContain(`alphascope restore ${DEMO_EXPERIMENT_SLUG}`);
    expect(await purgeExpiredTrash(db, (await trashedAt(DEMO_EXPERIMENT_SLUG)) as Date, 0)).toEqual([
      DEMO_EXPERIMENT_SLUG,
    ]);
  });
});

describe("the audit trail", () => {
  it("names the shared token as the actor in token mode, and GET /api/audit needs write access", async () => {
    process.env.ALPHASCOPE_WRITE_TOKEN = "trash-test-token";
    try {
      const bearer = { authorization: "Bearer trash-test-token" };
      const withToken = (path: string, method = "GET") =>
        new Request(`http://alphascope.example${path}`, { method, headers: bearer });
      expect(
        (await experiment.DELETE(withToken(`/api/experiments/${KEPT}`, "DELETE"), slugContext(KEPT))).status,
      ).toBe(200);
      expect(
        (await restoreRoute(withToken(`/api/experiments/${KEPT}/restore`, "POST"), slugContext(KEPT))).status,
      ).toBe(200);
      const anonymous = await auditRoute(new Request("http://alphascope.example/api/audit"));
      expect(anonymous.status).toBe(401);
      const answer = await auditRoute(withToken(`/api/audit?experiment=${KEPT}&limit=2`));
      expect(answer.status).toBe(200);
      const events = (await answer.json()) as { actor: string; action: string; target: string }[];
      expect(events.map(({ actor, action, target }) => [actor, action, target])).toEqual([
        ["token", "experiment.restore", `experiment:${KEPT}`],
        ["token", "experiment.delete", `experiment:${KEPT}`],
      ]);
    } finally {
      delete process.env.ALPHASCOPE_WRITE_TOKEN;
    }
  });
});

describe("the purge job", () => {
  it("destroys what is past retention (an injected now), and records it", async () => {
    const deleted = await experiment.DELETE(request(`/api/experiments/${SLUG}`, "DELETE"), slugContext());
    const { deletedAt } = (await deleted.json()) as { deletedAt: string };
    const checkpointsBefore = await db.checkpoint.count();
    const trashedAt = Date.parse(deletedAt);

    expect(await purgeExpiredTrash(db, new Date(trashedAt + 30 * DAY_MS - 1), 30)).toEqual([]);
    expect(await db.experiment.count({ where: { slug: SLUG } })).toBe(1);

    expect(await purgeExpiredTrash(db, new Date(trashedAt + 30 * DAY_MS), 30)).toEqual([SLUG]);
    expect(await db.experiment.count({ where: { slug: SLUG } })).toBe(0);
    expect(await db.checkpoint.count()).toBe(
      checkpointsBefore - demo.checkpoints.length - (demo.trained?.length ?? 0),
    );
    expect((await restoreRoute(request("/x", "POST"), slugContext())).status).toBe(404);
    const [purge] = await listAuditEvents(db, { limit: 1, target: experimentTarget(SLUG) });
    expect(purge).toMatchObject({ actor: "system", action: "experiment.purge" });
    // Purged, the slug is free again.
    await storeSweep(db, sweep(SLUG));
    expect(await listedSlugs()).toEqual([KEPT, SLUG].sort());
  });
});
