import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import type { SnapshotCreated } from "@/lib/contracts/sharing";
import { STATIC_BUNDLE_GLOBAL, type StaticBundleData } from "@/lib/contracts/staticBundle";
import type { ExperimentDetail, FrontierData } from "@/lib/contracts/types";
import type { Db } from "@/lib/db/client";
import { VIEWER_DIR } from "@/lib/server/staticBundle";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics, importSeeded, seededSweepFiles } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const { POST: postSnapshot } = await import("@/app/api/snapshots/route");
const { GET: getPinnedFrontier } = await import("@/app/api/snapshots/[id]/frontier/route");
const { GET: getBundle } = await import("@/app/api/snapshots/[id]/bundle/route");
const { GET: getDetail } = await import("@/app/api/experiments/[slug]/route");
const { GET: getFrontier } = await import("@/app/api/experiments/[slug]/frontier/route");

const SLUG = "bundle-test";
const FILES = ["data.js", "index.html", "viewer.css", "viewer.js"];
let db: Db;
let dir: string;
let snapshotId: string;

function request(path: string, method = "GET", body?: unknown) {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: { ...LOCAL_CLIENT, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const idContext = (id: string) => ({ params: Promise.resolve({ id }) });
const slugContext = { params: Promise.resolve({ slug: SLUG }) };

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** What a bundle's data.js hands the viewer, run as the browser runs it. */
function bundleData(script: string): StaticBundleData {
  const window: Record<string, unknown> = {};
  runInNewContext(script, { window });
  return window[STATIC_BUNDLE_GLOBAL] as StaticBundleData;
}

async function share(page: "explorer" | "scaling", view: string): Promise<string> {
  const response = await postSnapshot(request("/api/snapshots", "POST", { experiment: SLUG, page, view }));
  expect(response.status).toBe(201);
  return ((await response.json()) as SnapshotCreated).id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "alphascope-bundle-"));
  db = testDb();
  await truncateAll(db);
  await importSeeded(db, SLUG, seededSweepFiles());
  await computeAllStatistics(db);
  snapshotId = await share("explorer", "alpha=0.5&difficulty=hard");
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("alphascope bundle", () => {
  it("writes a snapshot's folder: the prebuilt viewer and the pinned data with its version and id", async () => {
    const out = join(dir, "snapshot");
    const result = await cli(["bundle", snapshotId, "--out", out]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toContain(`snapshot ${snapshotId}`);
    expect(readdirSync(out).sort()).toEqual(FILES);
    // The viewer is copied as built, never rebuilt per bundle.
    for (const file of ["viewer.js", "viewer.css"])
      expect(readFileSync(join(out, file), "utf8")).toBe(readFileSync(join(VIEWER_DIR, file), "utf8"));

    const data = bundleData(readFileSync(join(out, "data.js"), "utf8"));
    const pinnedFrontier = (await (
      await getPinnedFrontier(request(""), idContext(snapshotId))
    ).json()) as FrontierData;
    const detail = (await (await getDetail(request(""), slugContext)).json()) as ExperimentDetail;
    expect(data).toMatchObject({
      experiment: SLUG,
      snapshotId,
      version: detail.version,
      view: "alpha=0.5&difficulty=hard",
      title: null,
    });
    expect(data.data.frontier).toEqual(pinnedFrontier);
    expect(data.data.detail).toEqual(detail);

    const html = readFileSync(join(out, "index.html"), "utf8");
    // Classic scripts and relative paths only: a page opened from file:// loads nothing else.
    expect(html).toContain('<script src="data.js"></script>');
    expect(html).toContain('<script src="viewer.js"></script>');
    expect(html).not.toMatch(/type="module"|https?:\/\/|\/\/[a-z]/);
    expect(html).toContain("connect-src 'none'");
  });

  it("writes a slug's current version, the data a snapshot of it would pin", async () => {
    const out = join(dir, "current");
    const result = await cli(["bundle", SLUG, "--out", out]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const data = bundleData(readFileSync(join(out, "data.js"), "utf8"));
    const frontier = (await (await getFrontier(request(""), slugContext)).json()) as FrontierData;
    expect(data.snapshotId).toBeNull();
    expect(data.version).toBe(frontier.version);
    expect(data.data.frontier).toEqual(frontier);
    expect(Date.parse(data.pinnedAt)).not.toBeNaN();
  });

  it("refuses a folder with files in it, an unknown name, a scaling snapshot, and writes nothing", async () => {
    const full = join(dir, "full");
    mkdirSync(full);
    writeFileSync(join(full, "notes.txt"), "mine");
    const intoFull = await cli(["bundle", SLUG, "--out", full]);
    expect(intoFull.code).toBe(2);
    expect(intoFull.err).toContain("is not empty");
    expect(readdirSync(full)).toEqual(["notes.txt"]);
    const intoFile = await cli(["bundle", SLUG, "--out", join(full, "notes.txt")]);
    expect(intoFile).toMatchObject({
      code: 2,
      err: `--out ${join(full, "notes.txt")} is a file: give a new or empty folder.`,
    });
    expect(readFileSync(join(full, "notes.txt"), "utf8")).toBe("mine");

    const missing = await cli(["bundle", "no-such-experiment", "--out", join(dir, "missing")]);
    expect(missing).toMatchObject({ code: 1, err: 'No experiment "no-such-experiment".' });
    const unknownId = await cli(["bundle", "Zz_9Zz_9", "--out", join(dir, "missing")]);
    expect(unknownId).toMatchObject({ code: 1, err: 'No snapshot "Zz_9Zz_9".' });
    const bad = await cli(["bundle", "Not A Slug", "--out", join(dir, "missing")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("neither a snapshot id");
    const noOut = await cli(["bundle", SLUG]);
    expect(noOut.code).toBe(2);

    const scaling = await share("scaling", "difficulty=hard");
    const refused = await cli(["bundle", scaling, "--out", join(dir, "missing")]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("pins the scaling page");
    expect(existsSync(join(dir, "missing"))).toBe(false);
    // No half-written folder is left beside the output either.
    expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
  });
});

describe("GET /api/snapshots/<id>/bundle", () => {
  it("answers a zip of the same folder the CLI writes", async () => {
    const response = await getBundle(request(""), idContext(snapshotId));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const folder = `alphascope-${SLUG}-${snapshotId}`;
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${folder}.zip"`);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(FILES.map((file) => `${folder}/${file}`));
    const decoder = new TextDecoder();
    for (const file of FILES)
      expect(decoder.decode(files[`${folder}/${file}`])).toBe(
        readFileSync(join(dir, "snapshot", file), "utf8"),
      );
  });

  it("answers 404 for an unknown snapshot and for a scaling snapshot", async () => {
    expect((await getBundle(request(""), idContext("Zz_9Zz_9"))).status).toBe(404);
    const scaling = await share("scaling", "difficulty=easy");
    const response = await getBundle(request(""), idContext(scaling));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "scaling page",
    );
  });
});
