import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { importerFixture, runCliCaptured, snapshotDb, storedResults } from "./importSupport";

let db: Db;
let root: string;

const cli = runCliCaptured;

/** The manifest fixture's three runs laid out as a directory of per-α runs, both name patterns. */
function runsDirectory(names: string[]): string {
  const dir = mkdtempSync(join(root, "runs-"));
  names.forEach((name, alpha) => {
    mkdirSync(join(dir, name));
    copyFileSync(importerFixture(`sweep/alpha${alpha}.jsonl`), join(dir, name, "run.jsonl"));
  });
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "alphascope-sweep-dir-"));
  process.env.DATABASE_URL = testDatabaseUrl();
  db = testDb();
  await truncateAll(db);
});

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await db.$disconnect();
});

describe("alphascope import <directory of runs>", () => {
  it("refuses a misspelt α directory naming it, writing nothing", async () => {
    const dir = runsDirectory(["alpha_0", "alpha-1", "alpha=2"]);
    const before = await snapshotDb(db);
    const { code, err } = await cli("import", dir, "--experiment", "dir-sweep");
    expect(code).toBe(1);
    expect(err).toBe(
      `${join(dir, "alpha-1")}: not an α directory: name it alpha_<α> or alpha=<α>, e.g. alpha_-0.5`,
    );
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("imports every α from the folder names, storing what the same sweep's manifest stores", async () => {
    const dir = runsDirectory(["alpha_0", "alpha=1", "alpha_2"]);
    const fromDirectory = await cli("import", dir, "--experiment", "dir-sweep");
    expect(fromDirectory.code).toBe(0);
    expect(fromDirectory.out).toContain('Imported into experiment "dir-sweep" (new):');
    const fromManifest = await cli("import", importerFixture("sweep/sweep.yaml"));
    expect(fromManifest.code).toBe(0);
    const rows = await storedResults(db, "dir-sweep");
    expect(new Set(rows.map((row) => row.alpha))).toEqual(new Set([0, 1, 2]));
    expect(rows).toEqual(await storedResults(db, "good-sweep"));
  });
});
