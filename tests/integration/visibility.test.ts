import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createApiToken } from "@/lib/db/queries/apiTokens";
import { experimentTarget, listAuditEvents } from "@/lib/db/queries/audit";
import { putExperimentShare } from "@/lib/db/queries/experimentShares";
import { putUser } from "@/lib/db/queries/users";
import { generateDemoSweep } from "@/lib/demo/generate";
import type { SweepInput } from "@/lib/domain/sweepInput";
import { runImport } from "@/lib/import/runImport";
import { newTokenSecret, tokenSecretHash } from "@/lib/server/auth/identify";
import { requireReaderOf, requireSnapshotReader } from "@/lib/server/auth/visibility";
import { LOCAL_CLIENT } from "../support/localClient";
import { storeSweep, testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics, seededSweepFiles } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const experimentRoute = await import("@/app/api/experiments/[slug]/route");
const { GET: listRoute } = await import("@/app/api/experiments/route");
const { GET: frontierRoute } = await import("@/app/api/experiments/[slug]/frontier/route");
const { GET: matrixRoute } = await import("@/app/api/experiments/[slug]/matrix/route");
const { GET: countsRoute } = await import("@/app/api/experiments/[slug]/problem-counts/route");
const { GET: problemsRoute } = await import("@/app/api/experiments/[slug]/problems/route");
const { GET: problemRoute } = await import("@/app/api/experiments/[slug]/problems/[id]/route");
const { GET: passAtKRoute } = await import("@/app/api/experiments/[slug]/pass-at-k/route");
const { GET: claimsRoute } = await import("@/app/api/experiments/[slug]/claims/route");
const { POST: ensemblesRoute } = await import("@/app/api/experiments/[slug]/ensembles/route");
const { POST: searchRoute } = await import("@/app/api/experiments/[slug]/ensembles/search/route");
const { GET: csvRoute } = await import("@/app/api/experiments/[slug]/export.csv/route");
const { GET: mergekitRoute } = await import("@/app/api/experiments/[slug]/mergekit/route");
const { GET: previewRoute } = await import("@/app/api/experiments/[slug]/preview.png/route");
const viewsRoutes = await import("@/app/api/experiments/[slug]/views/route");
const { GET: viewsRoute } = viewsRoutes;
const viewRoutes = await import("@/app/api/experiments/[slug]/views/[id]/route");
const { PUT: viewOrderRoute } = await import("@/app/api/experiments/[slug]/views/order/route");
const sharesRoute = await import("@/app/api/experiments/[slug]/shares/route");
const { GET: compareRoute } = await import("@/app/api/compare/route");
const { GET: studiesRoute } = await import("@/app/api/studies/route");
const { GET: studyRoute } = await import("@/app/api/studies/[slug]/route");
const { GET: studyFrontiersRoute } = await import("@/app/api/studies/[slug]/frontiers/route");
const { POST: postSnapshot } = await import("@/app/api/snapshots/route");
const { GET: getSnapshot } = await import("@/app/api/snapshots/[id]/route");
const { GET: snapshotFrontier } = await import("@/app/api/snapshots/[id]/frontier/route");
const { GET: versionsRoute } = await import("@/app/api/experiments/[slug]/versions/route");
const { GET: versionFrontierRoute } = await import(
  "@/app/api/experiments/[slug]/versions/[id]/frontier/route"
);

const TEAM = "vis-team";
const PRIVATE = "vis-private";
const PUBLIC = "vis-public";
const MISSING = "vis-missing";
const STUDY = "vis-study";

const demo = generateDemoSweep({
  seed: 23,
  problems: { easy: 4, medium: 4, hard: 4 },
  alphas: [0, 0.5, 1],
  samples: 8,
});
const PROBLEM = demo.problems[0].externalId;
const sweep = (slug: string, study?: string): SweepInput => ({
  ...demo,
  experiment: {
    ...demo.experiment,
    slug,
    benchmark: "vis-bench",
    study: study ? { slug: study } : undefined,
  },
});

let db: Db;
/** Personal tokens by who holds them. */
const tokens: Record<"owner" | "shared" | "other" | "admin" | "editor", string> = {
  owner: "",
  shared: "",
  other: "",
  admin: "",
  editor: "",
};
const userIds: Record<string, number> = {};
type Who = keyof typeof tokens | "anonymous";

function request(path: string, who: Who, method = "GET", body?: unknown): Request {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: {
      ...LOCAL_CLIENT,
      ...(who === "anonymous" ? {} : { authorization: `Bearer ${tokens[who]}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** Every read route of one experiment, each answered for `who`: status and body. */
async function everyRead(slug: string, who: Who): Promise<Record<string, { status: number; body: string }>> {
  const path = `/api/experiments/${slug}`;
  const context = slugContext(slug);
  // Its first version (a missing experiment's: any id), read with ?version= like an old one.
  const first = await db.experimentVersion.findFirst({
    where: { experiment: { slug } },
    orderBy: { id: "asc" },
  });
  const version = first?.id ?? 1;
  const answers: Record<string, Response> = {
    detail: await experimentRoute.GET(request(path, who), context),
    frontier: await frontierRoute(request(`${path}/frontier`, who), context),
    matrix: await matrixRoute(request(`${path}/matrix`, who), context),
    counts: await countsRoute(request(`${path}/problem-counts`, who), context),
    problems: await problemsRoute(request(`${path}/problems?from=0&to=1`, who), context),
    problem: await problemRoute(request(`${path}/problems/${encodeURIComponent(PROBLEM)}`, who), {
      params: Promise.resolve({ slug, id: PROBLEM }),
    }),
    passAtK: await passAtKRoute(request(`${path}/pass-at-k`, who), context),
    claims: await claimsRoute(request(`${path}/claims`, who), context),
    ensembles: await ensemblesRoute(
      request(`${path}/ensembles`, who, "POST", {
        members: [
          { alpha: 0, samples: 2 },
          { alpha: 1, samples: 2 },
        ],
      }),
      context,
    ),
    search: await searchRoute(request(`${path}/ensembles/search`, who, "POST", { budget: 4 }), context),
    csv: await csvRoute(request(`${path}/export.csv`, who), context),
    mergekit: await mergekitRoute(request(`${path}/mergekit?alpha=0.5`, who), context),
    preview: await previewRoute(request(`${path}/preview.png`, who), context),
    views: await viewsRoute(request(`${path}/views`, who), context),
    versions: await versionsRoute(request(`${path}/versions`, who), context),
    oldDetail: await experimentRoute.GET(request(`${path}?version=${version}`, who), context),
    oldCsv: await csvRoute(request(`${path}/export.csv?version=${version}`, who), context),
    versionFrontier: await versionFrontierRoute(request(`${path}/versions/${version}/frontier`, who), {
      params: Promise.resolve({ slug, id: String(version) }),
    }),
  };
  // Beside a public experiment (readable by all), the comparison shows whether this side may be read.
  if (slug !== PUBLIC)
    answers.compare = await compareRoute(request(`/api/compare?experiments=${slug},${PUBLIC}`, who));
  const entries = await Promise.all(
    Object.entries(answers).map(async ([name, response]) => [
      name,
      { status: response.status, body: response.status >= 400 ? await response.text() : "" },
    ]),
  );
  return Object.fromEntries(entries);
}

const statuses = (answers: Record<string, { status: number }>) =>
  Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]));

async function listed(who: Who, query = "limit=50&sort=name"): Promise<{ total: number; slugs: string[] }> {
  const response = await listRoute(request(`/api/experiments?${query}`, who));
  const page = (await response.json()) as { total: number; items: { slug: string }[] };
  return { total: page.total, slugs: page.items.map((item) => item.slug) };
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await db.user.deleteMany();
  const roles = {
    owner: "editor",
    shared: "viewer",
    other: "viewer",
    admin: "admin",
    editor: "editor",
  } as const;
  for (const [who, role] of Object.entries(roles)) {
    const user = await putUser(db, { email: `${who}@example.com`, role });
    const secret = newTokenSecret();
    await createApiToken(db, {
      userId: user.id,
      name: "test",
      scope: "write",
      secretHash: tokenSecretHash(secret),
      expiresAt: null,
    });
    tokens[who as keyof typeof tokens] = secret;
    userIds[who] = user.id;
  }
  await storeSweep(db, sweep(TEAM, STUDY));
  await storeSweep(db, sweep(PRIVATE, `${STUDY}-hidden`));
  await storeSweep(db, sweep(PUBLIC));
  await computeAllStatistics(db);
  const privateId = (await db.experiment.findUniqueOrThrow({ where: { slug: PRIVATE } })).id;
  await db.experiment.update({
    where: { slug: PRIVATE },
    data: { visibility: "private", ownerId: userIds.owner },
  });
  await db.experiment.update({ where: { slug: PUBLIC }, data: { visibility: "public" } });
  await db.$transaction((tx) =>
    putExperimentShare(tx, { experimentId: privateId, userId: userIds.shared, role: "viewer" }),
  );
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await db.$disconnect();
});

const signInOn = () => vi.stubEnv("ALPHASCOPE_AUTH", "tokens");

describe("with ALPHASCOPE_AUTH=tokens", () => {
  it("answers an anonymous read of a team experiment 401, and lists only public ones", async () => {
    signInOn();
    const reads = await everyRead(TEAM, "anonymous");
    for (const [name, answer] of Object.entries(reads)) {
      expect(answer.status, name).toBe(401);
      expect(JSON.parse(answer.body).error.code, name).toBe("unauthorized");
    }
    expect(await listed("anonymous")).toEqual({ total: 1, slugs: [PUBLIC] });
    // A missing slug answers an anonymous caller as a hidden one does: existence does not show.
    const missing = await experimentRoute.GET(
      request(`/api/experiments/${MISSING}`, "anonymous"),
      slugContext(MISSING),
    );
    expect(missing.status).toBe(401);
  });

  it("lets a viewer read a team experiment on every read route", async () => {
    signInOn();
    const reads = statuses(await everyRead(TEAM, "other"));
    for (const [name, status] of Object.entries(reads)) expect(status, name).toBe(200);
  });

  it("lets anyone read a public experiment, anonymously too", async () => {
    signInOn();
    const reads = statuses(await everyRead(PUBLIC, "anonymous"));
    for (const [name, status] of Object.entries(reads)) expect(status, name).toBe(200);
  });

  it("answers a private experiment 404 to another viewer on every read route, with a missing one's body", async () => {
    signInOn();
    const hidden = await everyRead(PRIVATE, "other");
    const missing = await everyRead(MISSING, "other");
    for (const name of Object.keys(hidden)) {
      expect(hidden[name].status, name).toBe(404);
      expect(hidden[name].body.replaceAll(PRIVATE, "<slug>"), name).toBe(
        missing[name].body.replaceAll(MISSING, "<slug>"),
      );
    }
    for (const who of ["owner", "shared", "admin"] as const) {
      const reads = statuses(await everyRead(PRIVATE, who));
      for (const [name, status] of Object.entries(reads)) expect(status, `${who} ${name}`).toBe(200);
    }
  });

  it("counts only readable experiments in the list's total, and pages through them with cursors", async () => {
    signInOn();
    expect(await listed("other")).toEqual({ total: 2, slugs: [PUBLIC, TEAM] });
    expect(await listed("shared")).toEqual({ total: 3, slugs: [PRIVATE, PUBLIC, TEAM] });
    expect(await listed("admin")).toEqual({ total: 3, slugs: [PRIVATE, PUBLIC, TEAM] });
    // Pages of one: the cursors step through the readable rows only.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=1&sort=name${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await listRoute(request(`/api/experiments?${query}`, "other"));
      const page = (await response.json()) as {
        total: number;
        items: { slug: string }[];
        nextCursor: string | null;
      };
      expect(page.total).toBe(2);
      walked.push(...page.items.map((item) => item.slug));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(walked).toEqual([PUBLIC, TEAM]);
    // The plain array (no query) holds the same readable rows.
    const array = (await (await listRoute(request("/api/experiments", "other"))).json()) as {
      slug: string;
    }[];
    expect(array.map((item) => item.slug).sort()).toEqual([PUBLIC, TEAM]);
  });

  it("answers a comparison with a hidden side 404", async () => {
    signInOn();
    const response = await compareRoute(request(`/api/compare?experiments=${TEAM},${PRIVATE}`, "other"));
    expect(response.status).toBe(404);
    const shown = await compareRoute(request(`/api/compare?experiments=${TEAM},${PRIVATE}`, "shared"));
    expect(shown.status).toBe(200);
  });

  it("shows a study only the experiments the caller may read; one with none is a 404", async () => {
    signInOn();
    const hidden = await studyRoute(
      request(`/api/studies/${STUDY}-hidden`, "other"),
      slugContext(`${STUDY}-hidden`),
    );
    expect(hidden.status).toBe(404);
    const frontiers = await studyFrontiersRoute(
      request(`/api/studies/${STUDY}-hidden/frontiers`, "other"),
      slugContext(`${STUDY}-hidden`),
    );
    expect(frontiers.status).toBe(404);
    const owned = await studyRoute(
      request(`/api/studies/${STUDY}-hidden`, "owner"),
      slugContext(`${STUDY}-hidden`),
    );
    expect(owned.status).toBe(200);
    const list = (await (await studiesRoute(request("/api/studies", "other"))).json()) as { slug: string }[];
    expect(list.map((study) => study.slug)).toEqual([STUDY]);
  });

  it("opens a public snapshot anonymously while its experiment answers 401; a non-public one follows it", async () => {
    signInOn();
    const pin = async (isPublic: boolean) => {
      const response = await postSnapshot(
        request("/api/snapshots", "editor", "POST", {
          experiment: TEAM,
          page: "explorer",
          view: "",
          public: isPublic,
        }),
      );
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const open = await pin(true);
    const closed = await pin(false);
    const idContext = (id: string) => ({ params: Promise.resolve({ id }) });
    const snapshot = await getSnapshot(request(`/api/snapshots/${open}`, "anonymous"), idContext(open));
    expect(snapshot.status).toBe(200);
    expect(((await snapshot.json()) as { public: boolean }).public).toBe(true);
    expect(
      (await snapshotFrontier(request(`/api/snapshots/${open}/frontier`, "anonymous"), idContext(open)))
        .status,
    ).toBe(200);
    expect(
      (await getSnapshot(request(`/api/snapshots/${closed}`, "anonymous"), idContext(closed))).status,
    ).toBe(401);
    expect(
      (await experimentRoute.GET(request(`/api/experiments/${TEAM}`, "anonymous"), slugContext(TEAM))).status,
    ).toBe(401);
    // Its link preview image opens with the snapshot named, and only for a public one of this experiment.
    const preview = (id: string, slug = TEAM) =>
      previewRoute(
        request(`/api/experiments/${slug}/preview.png?snapshot=${id}`, "anonymous"),
        slugContext(slug),
      );
    expect((await preview(open)).status).toBe(200);
    expect((await preview(closed)).status).toBe(401);
    expect((await preview(open, PRIVATE)).status).toBe(401);
    // Pinning reads the experiment: not for an editor who may not read it.
    const hiddenPin = await postSnapshot(
      request("/api/snapshots", "editor", "POST", { experiment: PRIVATE, page: "explorer", view: "" }),
    );
    expect(hiddenPin.status).toBe(404);
  });

  it("lets the owner share a private experiment and change its visibility, each audited; others may not", async () => {
    signInOn();
    const share = (who: Who, method: "PUT" | "DELETE", body: unknown) =>
      sharesRoute[method](
        request(`/api/experiments/${PRIVATE}/shares`, who, method, body),
        slugContext(PRIVATE),
      );
    // A viewer may not write; an editor who may not read it gets its 404.
    expect((await share("other", "PUT", { email: "other@example.com", role: "viewer" })).status).toBe(403);
    expect((await share("editor", "PUT", { email: "editor@example.com", role: "viewer" })).status).toBe(404);
    const shared = await share("owner", "PUT", { email: "Other@Example.com", role: "viewer" });
    expect(shared.status).toBe(200);
    expect(((await shared.json()) as { shares: { email: string }[] }).shares.map((s) => s.email)).toEqual([
      "other@example.com",
      "shared@example.com",
    ]);
    expect((await everyRead(PRIVATE, "other")).detail.status).toBe(200);
    expect((await share("owner", "DELETE", { email: "other@example.com" })).status).toBe(200);
    expect((await everyRead(PRIVATE, "other")).detail.status).toBe(404);
    expect((await share("owner", "PUT", { email: "nobody@example.com", role: "viewer" })).status).toBe(400);

    const patch = (who: Who, visibility: string) =>
      experimentRoute.PATCH(
        request(`/api/experiments/${PRIVATE}`, who, "PATCH", { visibility }),
        slugContext(PRIVATE),
      );
    expect((await patch("shared", "team")).status).toBe(403);
    expect((await patch("owner", "team")).status).toBe(200);
    expect((await everyRead(PRIVATE, "other")).detail.status).toBe(200);
    expect((await patch("admin", "private")).status).toBe(200);
    expect((await everyRead(PRIVATE, "other")).detail.status).toBe(404);
    const events = await listAuditEvents(db, { limit: 10, target: experimentTarget(PRIVATE) });
    expect(events.map((event) => event.action).reverse()).toEqual([
      "experiment.import",
      "experiment.share",
      "experiment.unshare",
      "experiment.visibility",
      "experiment.visibility",
    ]);
    expect(events[0].summary).toBe(`Made experiment "${PRIVATE}" private (was team).`);
  });
  it("refuses every saved-view write on a private experiment to an editor who may not read it, with its 404", async () => {
    signInOn();
    const path = `/api/experiments/${PRIVATE}/views`;
    const created = await viewsRoutes.POST(
      request(path, "owner", "POST", { name: "Owner view", page: "explorer", view: "" }),
      slugContext(PRIVATE),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const idContext = { params: Promise.resolve({ slug: PRIVATE, id: String(id) }) };
    const deckBefore = await (await viewsRoute(request(path, "owner"), slugContext(PRIVATE))).text();
    const refused = {
      create: await viewsRoutes.POST(
        request(path, "editor", "POST", { name: "Intruder", page: "explorer", view: "" }),
        slugContext(PRIVATE),
      ),
      rename: await viewRoutes.PATCH(
        request(`${path}/${id}`, "editor", "PATCH", { name: "Renamed" }),
        idContext,
      ),
      reorder: await viewOrderRoute(
        request(`${path}/order`, "editor", "PUT", { ids: [id] }),
        slugContext(PRIVATE),
      ),
      remove: await viewRoutes.DELETE(request(`${path}/${id}`, "editor", "DELETE"), idContext),
    };
    for (const [name, response] of Object.entries(refused)) expect(response.status, name).toBe(404);
    expect(await (await viewsRoute(request(path, "owner"), slugContext(PRIVATE))).text()).toBe(deckBefore);
    expect((await viewRoutes.DELETE(request(`${path}/${id}`, "owner", "DELETE"), idContext)).status).toBe(
      204,
    );
  });
});

describe("the importing user", () => {
  it("owns an experiment an import creates, and a later import by another keeps that owner", async () => {
    const entries = seededSweepFiles([0, 1]);
    await runImport(db, {
      experiment: { slug: "vis-import" },
      entries,
      source: "api",
      ownerId: userIds.editor,
    });
    await runImport(db, {
      experiment: { slug: "vis-import" },
      entries: seededSweepFiles([0.5]),
      source: "api",
      ownerId: userIds.owner,
    });
    const stored = await db.experiment.findUniqueOrThrow({ where: { slug: "vis-import" } });
    expect(stored.ownerId).toBe(userIds.editor);
    await runImport(db, { experiment: { slug: "vis-import-local" }, entries, source: "cli" });
    expect(
      (await db.experiment.findUniqueOrThrow({ where: { slug: "vis-import-local" } })).ownerId,
    ).toBeNull();
  });
});

describe("without ALPHASCOPE_AUTH", () => {
  it("reads everything, private experiments included, as before", async () => {
    const reads = statuses(await everyRead(PRIVATE, "anonymous"));
    for (const [name, status] of Object.entries(reads)) expect(status, name).toBe(200);
    expect((await listed("anonymous")).slugs).toEqual(expect.arrayContaining([PRIVATE, PUBLIC, TEAM]));
  });

  it("checks a read without a single query", async () => {
    const noDatabase = new Proxy({} as Db, {
      get: (_target, property) => {
        throw new Error(`the check touched the database (${String(property)})`);
      },
    });
    const anonymous = request(`/api/experiments/${PRIVATE}`, "anonymous");
    await expect(requireReaderOf(anonymous, noDatabase, PRIVATE, { mode: "none" })).resolves.toEqual({
      kind: "local",
    });
    await expect(requireSnapshotReader(anonymous, noDatabase, "AAAAAAAA", { mode: "none" })).resolves.toEqual(
      {
        kind: "local",
      },
    );
  });
});
