import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import type { ClaimsResponse } from "@/lib/contracts/claimSchemas";
import type { ComparisonData } from "@/lib/contracts/compareTypes";
import type { EnsembleEvaluation, PassAtKCurves, ScalingMatrixPayload } from "@/lib/contracts/scalingTypes";
import type { SavedView, SavedViewList, Snapshot, SnapshotCreated } from "@/lib/contracts/sharing";
import type { StudyDetail } from "@/lib/contracts/studies";
import type { ExperimentDetail, FrontierData } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { insertSnapshot } from "@/lib/db/queries/snapshots";
import { generateDemoSweep } from "@/lib/demo/generate";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/clientAddress";
import { pinnedEnsemble } from "@/lib/server/sharing/pinnedReads";
import { purgeExpiredTrash } from "@/lib/server/trash";
import { localRequest as request } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics, importSeeded, seededSweepFiles } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { POST: postSnapshot } = await import("@/app/api/snapshots/route");
const { GET: getSnapshot, DELETE: deleteSnapshot } = await import("@/app/api/snapshots/[id]/route");
const { GET: getPinnedFrontier } = await import("@/app/api/snapshots/[id]/frontier/route");
const { GET: getPinnedClaims } = await import("@/app/api/snapshots/[id]/claims/route");
const { GET: getClaims } = await import("@/app/api/experiments/[slug]/claims/route");
const { GET: getPinnedPassAtK } = await import("@/app/api/snapshots/[id]/pass-at-k/route");
const { POST: postPinnedEnsemble } = await import("@/app/api/snapshots/[id]/ensembles/route");
const { GET: getDetail, PATCH: patchExperiment } = await import("@/app/api/experiments/[slug]/route");
const { GET: getStudy } = await import("@/app/api/studies/[slug]/route");
const { GET: getStudyFrontiers } = await import("@/app/api/studies/[slug]/frontiers/route");
const { GET: getPinnedStudy } = await import("@/app/api/snapshots/[id]/study/route");
const { GET: getPinnedStudyFrontiers } = await import("@/app/api/snapshots/[id]/frontiers/route");
const { GET: getPinnedStudyClaims } = await import(
  "@/app/api/snapshots/[id]/experiments/[slug]/claims/route"
);
const { GET: getFrontier } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: getMatrix } = await import("@/app/api/experiments/[slug]/matrix/route");
const { GET: getPassAtK } = await import("@/app/api/experiments/[slug]/pass-at-k/route");
const { POST: postEnsemble } = await import("@/app/api/experiments/[slug]/ensembles/route");
const views = await import("@/app/api/experiments/[slug]/views/route");
const oneView = await import("@/app/api/experiments/[slug]/views/[id]/route");
const { PUT: putOrder } = await import("@/app/api/experiments/[slug]/views/order/route");
const writeSession = await import("@/app/api/auth/write-session/route");

const SLUG = "share-test";
const MEMBERS = "0:8,1.5:8";
let db: Db;
let dir: string;

const slugContext = (slug = SLUG) => ({ params: Promise.resolve({ slug }) });
const idContext = (id: string) => ({ params: Promise.resolve({ id }) });
const viewContext = (id: number | string, slug = SLUG) => ({
  params: Promise.resolve({ slug, id: String(id) }),
});

async function json<T>(
  response: Response | Promise<Response>,
): Promise<{ status: number; body: T; text: string }> {
  const resolved = await response;
  const text = await resolved.text();
  return { status: resolved.status, body: (text ? JSON.parse(text) : null) as T, text };
}

async function liveDetail(): Promise<{ text: string; body: ExperimentDetail }> {
  const { text, body } = await json<ExperimentDetail>(
    getDetail(request(`/api/experiments/${SLUG}`), slugContext()),
  );
  return { text, body };
}

function share(body: unknown, headers: Record<string, string> = {}) {
  return json<SnapshotCreated & { error: { code: string; message: string } }>(
    postSnapshot(request("/api/snapshots", "POST", body, headers)),
  );
}

/** Imports α = 0.5 again from another seed with --replace, through the CLI, and computes its statistics. */
async function replaceAlphaHalf(seed: number): Promise<void> {
  const other = generateDemoSweep({
    seed,
    problems: { easy: 12, medium: 10, hard: 8 },
    alphas: [0.5],
    samples: 16,
  });
  const original = generateDemoSweep({
    seed: 7,
    problems: { easy: 12, medium: 10, hard: 8 },
    alphas: [0.5],
    samples: 16,
  });
  const lines = other.checkpoints[0].results.map((result, i) =>
    JSON.stringify({
      // The stored problems keep their ids and difficulties; only the verdicts change.
      problem: original.problems[i].externalId,
      difficulty: original.problems[i].difficulty,
      n: result.n,
      ...result.verdicts,
    }),
  );
  const file = join(dir, "alpha0.5.jsonl");
  writeFileSync(file, lines.join("\n"));
  const err: string[] = [];
  const code = await runCli(["import", file, "--experiment", SLUG, "--alpha", "0.5", "--replace"], {
    out: () => {},
    err: (text) => err.push(text),
  });
  expect(err.join("\n")).toBe("");
  expect(code).toBe(0);
  await computeAllStatistics(db);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "alphascope-sharing-"));
  db = testDb();
  await truncateAll(db);
  await importSeeded(db, SLUG, seededSweepFiles());
  await computeAllStatistics(db);
});

afterEach(() => {
  delete process.env.ALPHASCOPE_WRITE_TOKEN;
  delete process.env.ALPHASCOPE_SNAPSHOT_RATE;
  delete process.env.ALPHASCOPE_SNAPSHOT_QUOTA_MB;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("pinned snapshots", () => {
  it("keep the explorer's numbers, byte for byte, across a --replace import", async () => {
    const before = await liveDetail();
    const frontierBefore = (await json<FrontierData>(getFrontier(request(""), slugContext()))).body;
    const created = await share({
      experiment: SLUG,
      page: "explorer",
      view: "?alpha=0.5&difficulty=hard",
      title: "Weekly",
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(created.body).toEqual({
      id: created.body.id,
      url: `/s/${created.body.id}`,
      version: before.body.version,
    });

    await replaceAlphaHalf(99);
    const after = await liveDetail();
    const half = (detail: ExperimentDetail) => detail.checkpoints.find((cp) => cp.alpha === 0.5)?.solveRate;
    expect(after.body.version).not.toBe(before.body.version);
    expect(half(after.body)).not.toBe(half(before.body));

    const pinned = await json<Snapshot>(getSnapshot(request(""), idContext(created.body.id)));
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({
      id: created.body.id,
      experiment: SLUG,
      page: "explorer",
      view: "alpha=0.5&difficulty=hard",
      version: before.body.version,
      title: "Weekly",
      currentVersion: after.body.version,
    });
    expect(pinned.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The detail exactly as GET /api/experiments/<slug> returned it then: the same bytes.
    expect(pinned.text).toContain(`"detail":${before.text}`);
    if (pinned.body.page !== "explorer") throw new Error("an explorer snapshot");
    expect(pinned.body.data.detail).toEqual(before.body);
    expect(half(pinned.body.data.detail)).toBe(half(before.body));
    expect(pinned.body.data.frontier).toEqual(frontierBefore);
    expect((await json(getPinnedFrontier(request(""), idContext(created.body.id)))).body).toEqual(
      frontierBefore,
    );
  });

  it("pin the claims as the live route answered them, and keep them across a --replace import", async () => {
    const claimsAt = (path: string, query: string) =>
      json<ClaimsResponse>(getClaims(request(`${path}?${query}`), slugContext()));
    const queries = [
      "difficulty=hard",
      "difficulty=all&margin=5",
      "difficulty=easy",
      "difficulty=hard&x=solveRate&y=efficiency",
    ];
    const live = await Promise.all(queries.map((query) => claimsAt("/x", query)));
    for (const answer of live) expect(answer.status).toBe(200);
    expect(live[0].body.claims.map((claim) => claim.id)).toContain("extrapolation-extends");
    const created = await share({
      experiment: SLUG,
      page: "explorer",
      view: "alpha=0.5&difficulty=hard&x=solveRate&y=efficiency",
    });
    expect(created.status).toBe(201);
    const id = idContext(created.body.id);
    const pinnedAt = (query: string) =>
      json<ClaimsResponse & { error: { message: string } }>(getPinnedClaims(request(`/x?${query}`), id));
    for (const [i, query] of queries.entries()) expect((await pinnedAt(query)).body).toEqual(live[i].body);

    await replaceAlphaHalf(31);
    const after = await claimsAt("/x", queries[0]);
    expect(after.body.version).not.toBe(live[0].body.version);
    for (const [i, query] of queries.entries()) expect((await pinnedAt(query)).body).toEqual(live[i].body);
    // Other axes on another slice were never tested for this snapshot: it says so.
    const other = await pinnedAt("difficulty=easy&x=solveRate&y=efficiency");
    expect(other.status).toBe(404);
    expect(other.body.error.message).toContain("solveRate × efficiency for the hard slice");
    const bad = await pinnedAt("difficulty=impossible");
    expect(bad.status).toBe(400);
  });

  it("keep serving snapshots taken before claims were pinned, without claims", async () => {
    const created = await share({ experiment: SLUG, page: "explorer", view: "" });
    const stored = await db.snapshot.findUniqueOrThrow({ where: { id: created.body.id } });
    const { claims: _, ...older } = JSON.parse(stored.data) as Record<string, unknown>;
    await db.snapshot.update({ where: { id: stored.id }, data: { data: JSON.stringify(older) } });
    const id = idContext(created.body.id);
    const snapshot = await json<Snapshot>(getSnapshot(request(""), id));
    expect(snapshot.status).toBe(200);
    if (snapshot.body.page !== "explorer") throw new Error("an explorer snapshot");
    expect(snapshot.body.data.claims).toBeUndefined();
    expect((await json(getPinnedFrontier(request(""), id))).status).toBe(200);
    const claims = await json<{ error: { message: string } }>(getPinnedClaims(request("/x"), id));
    expect(claims.status).toBe(404);
    expect(claims.body.error.message).toContain("before snapshots pinned the claims");
  });

  it("pin a study's whole grid: every frontier and every experiment's claims, kept across a --replace import", async () => {
    const study = "share-study";
    const patched = await patchExperiment(
      request(`/api/experiments/${SLUG}`, "PATCH", { study, studyName: "Share study" }),
      slugContext(),
    );
    expect(patched.status).toBe(200);
    const studyContext = { params: Promise.resolve({ slug: study }) };
    const liveGrid = await json<StudyDetail>(getStudy(request(""), studyContext));
    const liveFrontiers = await json<ComparisonData>(getStudyFrontiers(request(""), studyContext));
    const liveClaims = await json<ClaimsResponse>(
      getClaims(request("/x?difficulty=hard&x=solveRate&y=efficiency"), slugContext()),
    );
    const liveDefault = await json<ClaimsResponse>(getClaims(request("/x?difficulty=easy"), slugContext()));
    const view = "alpha=0.5&difficulty=hard&x=solveRate&y=efficiency";
    const created = await share({ study, page: "study", view, title: "Grid" });
    expect(created.status).toBe(201);

    await replaceAlphaHalf(57);
    const id = idContext(created.body.id);
    const pinned = await json<Snapshot>(getSnapshot(request(""), id));
    if (pinned.body.page !== "study") throw new Error("a study snapshot");
    expect(pinned.body).toMatchObject({
      study,
      page: "study",
      view,
      title: "Grid",
      version: created.body.version,
    });
    expect(pinned.body).not.toHaveProperty("experiment");
    // The grid's version names every experiment's pinned version; the re-import moved it.
    expect(pinned.body.currentVersion).not.toBeNull();
    expect(pinned.body.currentVersion).not.toBe(pinned.body.version);
    expect(pinned.body.data.study).toEqual(liveGrid.body);
    expect(pinned.body.data.frontiers).toEqual(liveFrontiers.body);
    expect(pinned.text).toContain(`"frontiers":${liveFrontiers.text}`);
    expect((await json(getPinnedStudy(request(""), id))).body).toEqual(liveGrid.body);
    expect((await json(getPinnedStudyFrontiers(request(""), id))).body).toEqual(liveFrontiers.body);
    const experimentContext = { params: Promise.resolve({ id: created.body.id, slug: SLUG }) };
    const pinnedClaimsAt = (query: string) =>
      json<ClaimsResponse>(getPinnedStudyClaims(request(`/x?${query}`), experimentContext));
    expect((await pinnedClaimsAt("difficulty=hard&x=solveRate&y=efficiency")).body).toEqual(liveClaims.body);
    expect((await pinnedClaimsAt("difficulty=easy")).body).toEqual(liveDefault.body);
    const live = await json<FrontierData>(getFrontier(request(""), slugContext()));
    expect(live.body.version).not.toBe(liveFrontiers.body.experiments[0].version);
    // Reads of another kind of snapshot are not a study's.
    expect((await getPinnedFrontier(request(""), id)).status).toBe(404);
    expect((await share({ study: "no-such-study", page: "study", view: "" })).status).toBe(404);
    const unpatched = await patchExperiment(
      request(`/api/experiments/${SLUG}`, "PATCH", { study: null }),
      slugContext(),
    );
    expect(unpatched.status).toBe(200);
    const gone = await json<Snapshot>(getSnapshot(request(""), id));
    expect(gone.body.currentVersion).toBeNull();
  });

  it("keep the scaling page's matrix, curves and ensembles across a --replace import", async () => {
    const liveQuery = `?difficulty=hard&bands=1&members=${MEMBERS}`;
    const ensemble = {
      members: [
        { alpha: 0, samples: 8 },
        { alpha: 1.5, samples: 8 },
      ],
      difficulty: "hard",
    };
    const matrixBefore = (await json<ScalingMatrixPayload>(getMatrix(request(""), slugContext()))).body;
    const curvesBefore = (await json<PassAtKCurves>(getPassAtK(request(`/x${liveQuery}`), slugContext())))
      .body;
    const ensembleBefore = (
      await json<EnsembleEvaluation>(postEnsemble(request("/x", "POST", ensemble), slugContext()))
    ).body;
    const created = await share({
      experiment: SLUG,
      page: "scaling",
      view: `members=${MEMBERS}&difficulty=hard`,
    });
    expect(created.status).toBe(201);

    await replaceAlphaHalf(123);
    const pinned = await json<Snapshot>(getSnapshot(request(""), idContext(created.body.id)));
    if (pinned.body.page !== "scaling") throw new Error("a scaling snapshot");
    expect(pinned.body.data.matrix).toEqual(matrixBefore);
    expect(pinned.body.data.matrix).not.toEqual((await json(getMatrix(request(""), slugContext()))).body);
    const id = idContext(created.body.id);
    expect((await json(getPinnedPassAtK(request(`/x${liveQuery}`), id))).body).toEqual(curvesBefore);
    expect((await json(postPinnedEnsemble(request("/x", "POST", ensemble), id))).body).toEqual(
      ensembleBefore,
    );
  });

  it("read and parse a pinned matrix once for a burst of ensembles, and forget it when deleted", async () => {
    const created = await share({ experiment: SLUG, page: "scaling", view: "difficulty=all" });
    expect(created.status).toBe(201);
    let reads = 0;
    const counting = new Proxy(db, {
      get(target, property) {
        if (property === "$queryRawUnsafe")
          return (...args: Parameters<Db["$queryRawUnsafe"]>) => {
            reads++;
            return target.$queryRawUnsafe(...args);
          };
        return Reflect.get(target, property);
      },
    });
    const ensemble = {
      members: [
        { alpha: 0, samples: 4 },
        { alpha: 1.5, samples: 4 },
      ],
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => pinnedEnsemble(counting, created.body.id, ensemble)),
    );
    expect(reads).toBe(1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    await pinnedEnsemble(counting, created.body.id, ensemble);
    expect(reads).toBe(1);
    const id = created.body.id;
    expect((await deleteSnapshot(request(`/api/snapshots/${id}`, "DELETE"), idContext(id))).status).toBe(204);
    await expect(pinnedEnsemble(counting, id, ensemble)).rejects.toThrow(`No snapshot "${id}"`);
    expect(reads).toBe(2);
  });

  it("answer bad input with 400 naming the field, unknown experiments and ids with 404", async () => {
    const count = await db.snapshot.count();
    const badPage = await share({ experiment: SLUG, page: "home", view: "" });
    expect(badPage.status).toBe(400);
    expect(badPage.body.error.message).toContain('"page"');
    const longView = await share({ experiment: SLUG, page: "explorer", view: `alpha=${"1".repeat(2000)}` });
    expect(longView.status).toBe(400);
    expect(longView.body.error.message).toContain('"view"');
    const noncharacter = await share({
      experiment: SLUG,
      page: "explorer",
      view: "",
      title: "Pinned \uffff",
    });
    expect(noncharacter.status).toBe(400);
    expect(noncharacter.body.error.message).toContain(
      'Invalid field "title": contains the Unicode noncharacter U+FFFF at character 8',
    );
    const unknown = await share({ experiment: "no-such-experiment", page: "explorer", view: "" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    expect(await db.snapshot.count()).toBe(count);

    for (const id of ["AAAAAAAA", "short", "../../etc"]) {
      const missing = await json<{ error: { code: string } }>(getSnapshot(request(""), idContext(id)));
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("not_found");
    }
  });

  it("are writes: refused cross-site, from another machine, or without the token", async () => {
    const count = await db.snapshot.count();
    const body = { experiment: SLUG, page: "explorer", view: "" };
    expect((await share(body, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const remote = await json(
      postSnapshot(
        new Request("http://alphascope.example/api/snapshots", {
          method: "POST",
          headers: { host: "alphascope.example", "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      ),
    );
    expect(remote.status).toBe(403);
    process.env.ALPHASCOPE_WRITE_TOKEN = "sharing-test-token";
    expect((await share(body)).status).toBe(401);
    expect((await share(body, { authorization: "Bearer sharing-test-token" })).status).toBe(201);
    expect(await db.snapshot.count()).toBe(count + 1);
  });

  it("are written by a browser that exchanged the write token for its HttpOnly cookie, until it forgets it", async () => {
    const body = { experiment: SLUG, page: "explorer", view: "" };
    const state = async (cookie = "") =>
      (await json(writeSession.GET(request("/api/auth/write-session", "GET", undefined, { cookie })))).body;
    expect(await state()).toEqual({ required: false, held: false });
    process.env.ALPHASCOPE_WRITE_TOKEN = "sharing-test-token";
    expect(await state()).toEqual({ required: true, held: false });
    const exchange = (token: string, headers: Record<string, string> = {}) =>
      writeSession.POST(request("/api/auth/write-session", "POST", { token }, headers));
    expect((await exchange("wrong")).status).toBe(403);
    expect((await exchange("sharing-test-token", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const unlocked = await exchange("sharing-test-token");
    expect(unlocked.status).toBe(204);
    const setCookie = unlocked.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^alphascope_write=v1\.\d+\.[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).not.toContain("sharing-test-token");
    const cookie = setCookie.split(";")[0];
    expect(await state(cookie)).toEqual({ required: true, held: true });

    const count = await db.snapshot.count();
    expect((await share(body, { cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    const at = cookie.lastIndexOf(".") + 1;
    const tampered = `${cookie.slice(0, at)}${cookie[at] === "A" ? "_" : "A"}${cookie.slice(at + 1)}`;
    expect((await share(body, { cookie: tampered })).status).toBe(401);
    expect(await db.snapshot.count()).toBe(count);
    expect((await share(body, { cookie, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect(await db.snapshot.count()).toBe(count + 1);

    // A new write token voids every cookie made with the old one.
    process.env.ALPHASCOPE_WRITE_TOKEN = "rotated-token";
    expect(await state(cookie)).toEqual({ required: true, held: false });
    expect((await share(body, { cookie })).status).toBe(401);
    process.env.ALPHASCOPE_WRITE_TOKEN = "sharing-test-token";

    const forgotten = await writeSession.DELETE(
      request("/api/auth/write-session", "DELETE", undefined, { cookie }),
    );
    expect(forgotten.status).toBe(204);
    expect(forgotten.headers.get("set-cookie")).toMatch(
      /^alphascope_write=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict/,
    );
  });

  it("are deleted by whoever may write (204, then 404), and by nobody else", async () => {
    const created = await share({ experiment: SLUG, page: "explorer", view: "?alpha=1" });
    expect(created.status).toBe(201);
    const remove = (headers: Record<string, string> = {}) =>
      json<{ error: { code: string } }>(
        deleteSnapshot(
          request(`/api/snapshots/${created.body.id}`, "DELETE", undefined, headers),
          idContext(created.body.id),
        ),
      );
    expect((await remove({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    process.env.ALPHASCOPE_WRITE_TOKEN = "sharing-test-token";
    expect((await remove()).status).toBe(401);
    expect((await remove({ authorization: "Bearer wrong" })).status).toBe(403);
    expect(await db.snapshot.count({ where: { id: created.body.id } })).toBe(1);
    expect((await remove({ authorization: "Bearer sharing-test-token" })).status).toBe(204);
    expect(await db.snapshot.count({ where: { id: created.body.id } })).toBe(0);
    expect((await json(getSnapshot(request(""), idContext(created.body.id)))).status).toBe(404);
    const again = await remove({ authorization: "Bearer sharing-test-token" });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("not_found");
  });

  it("are limited per client: 429 with Retry-After past the rate, before anything is stored", async () => {
    process.env.ALPHASCOPE_SNAPSHOT_RATE = "3";
    const body = { experiment: SLUG, page: "explorer", view: "" };
    const from = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: address });
    for (let i = 0; i < 3; i++) expect((await share(body, from("198.51.100.7"))).status).toBe(201);
    const count = await db.snapshot.count();
    const refused = await json<{ error: { code: string; message: string } }>(
      postSnapshot(request("/api/snapshots", "POST", body, from("198.51.100.7"))),
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.body.error.message).toContain("at most 3 a minute");
    expect(await db.snapshot.count()).toBe(count);
    // Another client is not held back by the first.
    expect((await share(body, from("198.51.100.8"))).status).toBe(201);
  });

  it("answer 507 when the total quota would be passed, and pin again once space is freed", async () => {
    process.env.ALPHASCOPE_SNAPSHOT_QUOTA_MB = "1";
    await db.snapshot.deleteMany({});
    const experiment = await db.experiment.findUniqueOrThrow({ where: { slug: SLUG } });
    await insertSnapshot(
      db,
      {
        id: "filler00",
        experimentId: experiment.id,
        experimentSlug: SLUG,
        studySlug: null,
        page: "explorer",
        view: "",
        version: experiment.version,
        title: null,
        data: JSON.stringify({ padding: "x".repeat(1024 * 1024 - 100) }),
      },
      "local",
    );
    const body = { experiment: SLUG, page: "explorer", view: "" };
    const full = await share(body, { [CLIENT_ADDRESS_HEADER]: "198.51.100.9" });
    expect(full.status).toBe(507);
    expect(full.body.error.code).toBe("quota_exceeded");
    expect(full.body.error.message).toContain("1 MiB");
    expect(await db.snapshot.count()).toBe(1);
    await db.snapshot.delete({ where: { id: "filler00" } });
    expect((await share(body, { [CLIENT_ADDRESS_HEADER]: "198.51.100.9" })).status).toBe(201);
  });
});

describe("saved views and the review deck", () => {
  const save = (body: unknown, headers: Record<string, string> = {}) =>
    json<SavedView & { error: { message: string } }>(
      views.POST(request(`/api/experiments/${SLUG}/views`, "POST", body, headers), slugContext()),
    );
  const list = async () =>
    (await json<SavedViewList>(views.GET(request(""), slugContext()))).body.views.map((view) => view.name);

  it("saves, lists in order, renames, reorders and deletes", async () => {
    const first = await save({ name: "Frontier, hard", page: "explorer", view: "difficulty=hard&alpha=1.5" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: "Frontier, hard",
      page: "explorer",
      view: "difficulty=hard&alpha=1.5",
      position: 0,
    });
    const second = await save({ name: "  Ensemble  ", page: "scaling", view: `?members=${MEMBERS}` });
    expect(second.body).toMatchObject({ name: "Ensemble", view: `members=${MEMBERS}`, position: 1 });
    const third = await save({ name: "Extrapolation", page: "explorer", view: "alpha=1.5" });
    expect(await list()).toEqual(["Frontier, hard", "Ensemble", "Extrapolation"]);

    const renamed = await json<SavedView>(
      oneView.PATCH(request("/x", "PATCH", { name: "Best ensemble" }), viewContext(second.body.id)),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Best ensemble");

    const order = [third.body.id, first.body.id, second.body.id];
    const reordered = await json<SavedViewList>(
      putOrder(request("/x", "PUT", { ids: order }), slugContext()),
    );
    expect(reordered.status).toBe(200);
    expect(reordered.body.views.map((view) => [view.id, view.position])).toEqual(
      order.map((id, i) => [id, i]),
    );
    expect(await list()).toEqual(["Extrapolation", "Frontier, hard", "Best ensemble"]);

    const incomplete = await json<{ error: { message: string } }>(
      putOrder(request("/x", "PUT", { ids: [first.body.id, second.body.id] }), slugContext()),
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toContain('"ids"');
    expect(await list()).toEqual(["Extrapolation", "Frontier, hard", "Best ensemble"]);

    expect((await oneView.DELETE(request("/x", "DELETE"), viewContext(first.body.id))).status).toBe(204);
    expect((await oneView.DELETE(request("/x", "DELETE"), viewContext(first.body.id))).status).toBe(404);
    expect(await list()).toEqual(["Extrapolation", "Best ensemble"]);
  });

  it("refuses bad input (400 with the field), unknown experiments and views (404), and unguarded writes", async () => {
    const before = await list();
    const empty = await save({ name: "   ", page: "explorer", view: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('"name"');
    const longView = await save({ name: "x", page: "explorer", view: "a".repeat(2001) });
    expect(longView.status).toBe(400);
    expect(longView.body.error.message).toContain('"view"');
    const badPage = await save({ name: "x", page: "import", view: "" });
    expect(badPage.body.error.message).toContain('"page"');
    const noncharacter = await save({ name: "Deck \ufdd0", page: "explorer", view: "" });
    expect(noncharacter.status).toBe(400);
    expect(noncharacter.body.error.message).toContain(
      'Invalid field "name": contains the Unicode noncharacter U+FDD0 at character 6',
    );
    const unknown = await json(
      views.POST(request("/x", "POST", { name: "x", page: "explorer", view: "" }), slugContext("nope")),
    );
    expect(unknown.status).toBe(404);
    expect(
      (await json(oneView.PATCH(request("/x", "PATCH", { name: "y" }), viewContext(999_999)))).status,
    ).toBe(404);
    expect(
      (await json(oneView.PATCH(request("/x", "PATCH", { name: "y" }), viewContext("abc")))).status,
    ).toBe(400);
    expect(
      (await save({ name: "x", page: "explorer", view: "" }, { "sec-fetch-site": "cross-site" })).status,
    ).toBe(403);
    process.env.ALPHASCOPE_WRITE_TOKEN = "sharing-test-token";
    expect((await save({ name: "x", page: "explorer", view: "" })).status).toBe(401);
    expect((await json(oneView.DELETE(request("/x", "DELETE"), viewContext(1)))).status).toBe(401);
    expect(await list()).toEqual(before);
  });
});

describe("deleting the experiment", () => {
  it("keeps its saved views for a restore until the purge, and its snapshots say the experiment is gone", async () => {
    const created = await share({ experiment: SLUG, page: "explorer", view: "alpha=1" });
    expect(created.status).toBe(201);
    const savedViews = await db.savedView.count();
    expect(savedViews).toBeGreaterThan(0);
    const code = await runCli(["delete", SLUG, "--yes"], { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    expect(await db.savedView.count()).toBe(savedViews);
    expect((await views.GET(request(`/api/experiments/${SLUG}/views`), slugContext())).status).toBe(404);
    const { deletedAt } = await db.experiment.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(await purgeExpiredTrash(db, deletedAt as Date, 0)).toEqual([SLUG]);
    expect(await db.savedView.count()).toBe(0);
    const pinned = await json<Snapshot>(getSnapshot(request(""), idContext(created.body.id)));
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({
      experiment: SLUG,
      version: created.body.version,
      currentVersion: null,
    });
  });
});
