import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentVersionList } from "@/lib/contracts/versions";
import type { Db } from "@/lib/db/client";
import { experimentTarget, listAuditEvents } from "@/lib/db/queries/audit";
import { truncateUsers, userWithToken } from "./authSupport";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics, entryText, rerunText, seededSweepFiles } from "./statisticsSupport";

// Issue #23's "done when" for item 6 on a team server (ALPHASCOPE_AUTH=tokens), through the real
// routes with personal tokens: a replace (α and trained checkpoints) keeps the old version, which
// opens read-only and an editor restores; delete then restore answers byte for byte; the audit names
// each user; a private experiment's versions are a 404 to whoever may not read it.

process.env.DATABASE_URL = testDatabaseUrl();
const experiment = await import("@/app/api/experiments/[slug]/route");
const { POST: trashRestoreRoute } = await import("@/app/api/experiments/[slug]/restore/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: matrixRoute } = await import("@/app/api/experiments/[slug]/matrix/route");
const { GET: countsRoute } = await import("@/app/api/experiments/[slug]/problem-counts/route");
const { GET: csvRoute } = await import("@/app/api/experiments/[slug]/export.csv/route");
const { GET: versionsRoute } = await import("@/app/api/experiments/[slug]/versions/route");
const { POST: versionRestoreRoute } = await import(
  "@/app/api/experiments/[slug]/versions/[id]/restore/route"
);
const { GET: versionFrontierRoute } = await import(
  "@/app/api/experiments/[slug]/versions/[id]/frontier/route"
);
const { POST: importRoute } = await import("@/app/api/imports/route");

const SLUG = "team-versions";
const TRAINED = "coverage 50%";
const OWNER = "user:owner@example.org (token ci)";
const secrets: Record<"owner" | "viewer" | "other" | "admin", string> = {
  owner: "",
  viewer: "",
  other: "",
  admin: "",
};
type Who = keyof typeof secrets | "anonymous";
let db: Db;

function call(who: Who, path: string, method = "GET", body?: unknown): Request {
  return new Request(`http://team.example${path}`, {
    method,
    headers: {
      ...(who === "anonymous" ? {} : { authorization: `Bearer ${secrets[who]}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const slugContext = () => ({ params: Promise.resolve({ slug: SLUG }) });
const versionContext = (id: number) => ({ params: Promise.resolve({ slug: SLUG, id: String(id) }) });

/** POST /api/imports as `who`: one native file, at an α or as the trained checkpoint. */
async function importFile(
  who: Who,
  name: string,
  content: string,
  target: { alpha: number } | { trained: string; coverage: number },
  replace = false,
): Promise<number> {
  const body = { experiment: SLUG, files: [{ name, content }], ...target, replace };
  return (await importRoute(call(who, "/api/imports", "POST", body))).status;
}

interface Read {
  status: number;
  etag: string | null;
  text: string;
}

/** What a reader compares: detail, frontier, per-problem results and the CSV, as status, ETag and bytes. */
async function reads(who: Who, version?: number): Promise<Record<string, Read>> {
  const query = version === undefined ? "" : `?version=${version}`;
  const base = `/api/experiments/${SLUG}`;
  const answers: Record<string, Response> = {
    detail: await experiment.GET(call(who, `${base}${query}`), slugContext()),
    frontier: await frontierRoute(call(who, `${base}/frontier${query}`), slugContext()),
    matrix: await matrixRoute(call(who, `${base}/matrix${query}`), slugContext()),
    counts: await countsRoute(call(who, `${base}/problem-counts${query}`), slugContext()),
    csv: await csvRoute(call(who, `${base}/export.csv${query}`), slugContext()),
  };
  if (version !== undefined)
    answers.versionFrontier = await versionFrontierRoute(
      call(who, `${base}/versions/${version}/frontier`),
      versionContext(version),
    );
  const entries = await Promise.all(
    Object.entries(answers).map(async ([name, response]) => [
      name,
      { status: response.status, etag: response.headers.get("etag"), text: await response.text() },
    ]),
  );
  return Object.fromEntries(entries);
}

async function versions(who: Who): Promise<{ status: number; list: ExperimentVersionList["versions"] }> {
  const response = await versionsRoute(call(who, `/api/experiments/${SLUG}/versions`), slugContext());
  if (response.status !== 200) return { status: response.status, list: [] };
  return { status: 200, list: ((await response.json()) as ExperimentVersionList).versions };
}

const restoreVersion = (who: Who, id: number) =>
  versionRestoreRoute(
    call(who, `/api/experiments/${SLUG}/versions/${id}/restore`, "POST"),
    versionContext(id),
  );

const none = { added: [], replaced: [], removed: [] };
const messageOf = (body: string) => (JSON.parse(body) as { error: { message: string } }).error.message;

describe("versions on a team server (ALPHASCOPE_AUTH=tokens)", () => {
  /** The reads of the version before the replaces, while it was current. */
  let before: Record<string, Read>;
  let beforeId: number;

  beforeAll(async () => {
    process.env.ALPHASCOPE_AUTH = "tokens";
    db = testDb();
    await truncateAll(db);
    await truncateUsers(db);
    secrets.owner = await userWithToken(db, "owner@example.org", "editor", "write", "ci");
    secrets.viewer = await userWithToken(db, "viewer@example.org", "viewer");
    secrets.other = await userWithToken(db, "other@example.org", "editor");
    secrets.admin = await userWithToken(db, "admin@example.org", "admin");
    const [zero, half, one] = await Promise.all(seededSweepFiles([0, 0.5, 1]).map(entryText));
    expect(await importFile("owner", "alpha0.jsonl", zero, { alpha: 0 })).toBe(201);
    expect(await importFile("owner", "alpha1.jsonl", one, { alpha: 1 })).toBe(201);
    expect(await importFile("owner", "trained.jsonl", half, { trained: TRAINED, coverage: 50 })).toBe(201);
    await computeAllStatistics(db);
    before = await reads("viewer");
    beforeId = (await versions("viewer")).list[0].id;
    // The α = 1 run and the trained run re-run, each taken only with replace.
    expect(await importFile("owner", "alpha1-rerun.jsonl", rerunText(one), { alpha: 1 })).toBe(409);
    expect(await importFile("owner", "alpha1-rerun.jsonl", rerunText(one), { alpha: 1 }, true)).toBe(201);
    const trainedRerun = rerunText(half);
    expect(
      await importFile(
        "owner",
        "trained-rerun.jsonl",
        trainedRerun,
        { trained: TRAINED, coverage: 50 },
        true,
      ),
    ).toBe(201);
    await computeAllStatistics(db);
  }, 300_000);

  afterAll(async () => {
    delete process.env.ALPHASCOPE_AUTH;
    await db.$disconnect();
  });

  it("lists each import as a version by its user, trained checkpoints by label", async () => {
    const { status, list } = await versions("viewer");
    expect(status).toBe(200);
    expect(list.map(({ actor, current, changes }) => ({ actor, current, changes }))).toEqual([
      { actor: OWNER, current: true, changes: { ...none, trained: { ...none, replaced: [TRAINED] } } },
      { actor: OWNER, current: false, changes: { ...none, replaced: [1], trained: none } },
      { actor: OWNER, current: false, changes: { ...none, trained: { ...none, added: [TRAINED] } } },
      { actor: OWNER, current: false, changes: { ...none, added: [1], trained: none } },
      { actor: OWNER, current: false, changes: { ...none, added: [0], trained: none } },
    ]);
    expect(list[2].id).toBe(beforeId);
    // Both replaced checkpoints are kept, retired, beside their live successors.
    const rows = await db.checkpoint.findMany({
      where: { experiment: { slug: SLUG } },
      select: { alpha: true, trainedLabel: true, coverage: true, retiredAt: true },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.alpha ?? row.trainedLabel, row.coverage, row.retiredAt !== null])).toEqual([
      [0, null, false],
      [1, null, true],
      [TRAINED, 50, true],
      [1, null, false],
      [TRAINED, 50, false],
    ]);
  });

  it("opens the old version read-only for a viewer, byte for byte as it was served, with its trained numbers", async () => {
    const now = await reads("viewer");
    expect(now.detail.text).not.toBe(before.detail.text);
    const old = await reads("viewer", beforeId);
    const { versionFrontier, ...same } = old;
    expect(same).toEqual(before);
    expect(versionFrontier).toEqual(before.frontier);
    const trained = (text: string) =>
      (JSON.parse(text) as { trained: { label: string; verdicts: { pass: number } }[] }).trained;
    expect(trained(old.detail.text)[0].label).toBe(TRAINED);
    expect(trained(old.detail.text)[0].verdicts.pass).toBeGreaterThan(
      trained(now.detail.text)[0].verdicts.pass,
    );
  });

  it("refuses the restore to anonymous (401) and a viewer (403); an editor restores, audited as the user", async () => {
    expect((await versions("anonymous")).status).toBe(401);
    expect((await reads("anonymous", beforeId)).detail.status).toBe(401);
    expect((await restoreVersion("anonymous", beforeId)).status).toBe(401);
    expect((await restoreVersion("viewer", beforeId)).status).toBe(403);
    const restored = await restoreVersion("owner", beforeId);
    expect(restored.status).toBe(200);
    await computeAllStatistics(db);
    const [current] = (await versions("viewer")).list;
    expect(current).toMatchObject({
      actor: OWNER,
      current: true,
      changes: { ...none, replaced: [1], trained: { ...none, replaced: [TRAINED] } },
    });
    // The same numbers as before the replaces, under the new version's id.
    const now = await reads("viewer");
    const withoutVersion = (text: string) =>
      JSON.parse(text, (key, value) => (key === "version" || key === "updatedAt" ? undefined : value));
    for (const name of ["detail", "frontier", "matrix", "counts"] as const)
      expect(withoutVersion(now[name].text), name).toEqual(withoutVersion(before[name].text));
    expect(now.csv.text).toBe(before.csv.text);
  });

  it("answers a private experiment's versions 404 to those who may not read it, as a missing one", async () => {
    const patched = await experiment.PATCH(
      call("owner", `/api/experiments/${SLUG}`, "PATCH", { visibility: "private" }),
      slugContext(),
    );
    expect(patched.status).toBe(200);
    for (const who of ["viewer", "other"] as const) {
      expect((await versions(who)).status, who).toBe(404);
      const old = await reads(who, beforeId);
      for (const [name, read] of Object.entries(old)) {
        expect(read.status, `${who} ${name}`).toBe(404);
        expect(messageOf(read.text), `${who} ${name}`).toContain(`No experiment "${SLUG}"`);
      }
    }
    // An editor who may not read it cannot restore it either, and learns nothing more.
    const refused = await restoreVersion("other", beforeId);
    expect(refused.status).toBe(404);
    expect(messageOf(await refused.text())).toContain(`No experiment "${SLUG}"`);
    expect((await versions("owner")).status).toBe(200);
    expect((await versions("admin")).status).toBe(200);
  });

  it("answers byte for byte after a delete and a restore, and audits every step with its user", async () => {
    const kept = await reads("owner");
    expect(
      (await experiment.DELETE(call("owner", `/api/experiments/${SLUG}`, "DELETE"), slugContext())).status,
    ).toBe(200);
    expect((await reads("owner")).detail.status).toBe(404);
    expect((await versions("owner")).status).toBe(404);
    expect(
      (await trashRestoreRoute(call("admin", `/api/experiments/${SLUG}/restore`, "POST"), slugContext()))
        .status,
    ).toBe(200);
    expect(await reads("owner")).toEqual(kept);

    const events = await listAuditEvents(db, { limit: 50, target: experimentTarget(SLUG) });
    expect(events.map(({ actor, action }) => [actor, action])).toEqual([
      ["user:admin@example.org (token admin-write)", "experiment.restore"],
      [OWNER, "experiment.delete"],
      [OWNER, "experiment.visibility"],
      [OWNER, "experiment.version.restore"],
      [OWNER, "experiment.replace"],
      [OWNER, "experiment.replace"],
      [OWNER, "experiment.import"],
      [OWNER, "experiment.import"],
      [OWNER, "experiment.import"],
    ]);
    expect(events[3].summary).toBe(
      `Restored version ${beforeId} of "${SLUG}" as version ${(await versions("owner")).list[0].id}: ` +
        `added none; replaced α 1; trained "${TRAINED}"; removed none.`,
    );
    expect(events[4].summary).toContain(`replaced trained "${TRAINED}" (the old version keeps them)`);
  });
});
