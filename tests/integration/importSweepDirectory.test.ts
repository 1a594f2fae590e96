import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { PARSE_THREADS_VARIABLE } from "@/lib/import/settings";
import { writeLcbEvalAll } from "../../scripts/support/lcbEvalAll";
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
  delete process.env[PARSE_THREADS_VARIABLE];
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

/** Six α of seeded LiveCodeBench `_eval_all.json` files (problems of every difficulty), plus `extra` runs. */
function lcbRunsDirectory(extra: Record<string, (folder: string) => void> = {}): string {
  const dir = mkdtempSync(join(root, "lcb-runs-"));
  for (let a = 0; a < 6; a++) {
    const folder = join(dir, `alpha_${(a * 0.25).toFixed(2)}`);
    mkdirSync(folder);
    writeLcbEvalAll(join(folder, "Scenario.codegeneration_12_0.2_eval_all.json"), {
      problems: 60,
      samples: 12,
      outputChars: 200,
      seed: 40 + a,
    });
  }
  for (const [name, write] of Object.entries(extra)) {
    mkdirSync(join(dir, name));
    write(join(dir, name));
  }
  return dir;
}

/** The CLI with ALPHASCOPE_IMPORT_THREADS set to `threads`. */
async function cliWithThreads(threads: number, ...argv: string[]) {
  process.env[PARSE_THREADS_VARIABLE] = String(threads);
  try {
    return await cli(...argv);
  } finally {
    delete process.env[PARSE_THREADS_VARIABLE];
  }
}

describe("a directory sweep parsed by worker threads", () => {
  it("stores exactly what a parse on the main thread, one file after another, stores", async () => {
    const dir = lcbRunsDirectory();
    const reports: string[] = [];
    for (const threads of [0, 1, 2]) {
      const run = await cliWithThreads(
        threads,
        "import",
        dir,
        "--experiment",
        `threads-${threads}`,
        "--json",
      );
      expect(run.code).toBe(0);
      reports.push(run.out.replaceAll(`threads-${threads}`, "threads-n"));
    }
    const sequential = await storedResults(db, "threads-0");
    expect(sequential).toHaveLength(6 * 60);
    expect(await storedResults(db, "threads-1")).toEqual(sequential);
    expect(await storedResults(db, "threads-2")).toEqual(sequential);
    // Same checkpoints, totals, hashes and notes in the same order; the experiment is new in each.
    expect(reports[1]).toBe(reports[0]);
    expect(reports[2]).toBe(reports[0]);
  });

  it("refuses the sweep at a bad line of one file, naming it, with the database unchanged", async () => {
    const bad = importerFixture("bad-sweep/alpha2-bad.jsonl");
    // The bad run sorts between the good ones: the threads are parsing other files when it fails.
    const dir = lcbRunsDirectory({ "alpha_0.30": (folder) => copyFileSync(bad, join(folder, "run.jsonl")) });
    const before = await snapshotDb(db);
    const { code, err } = await cliWithThreads(2, "import", dir, "--experiment", "threads-bad");
    expect(code).toBe(1);
    expect(err).toBe(`${join(dir, "alpha_0.30", "run.jsonl")}:1: n: verdict counts sum to 3 but n is 4`);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("refuses a file that is not valid JSON at its line and column, with the database unchanged", async () => {
    const dir = lcbRunsDirectory({
      alpha_2: (folder) =>
        writeFileSync(
          join(folder, "Scenario.codegeneration_12_0.2_eval_all.json"),
          '[\n  {"question_id": 1,,}\n]\n',
        ),
    });
    const before = await snapshotDb(db);
    const { code, err } = await cliWithThreads(2, "import", dir, "--experiment", "threads-bad-json");
    expect(code).toBe(1);
    expect(err).toMatch(/alpha_2\/Scenario\.codegeneration_12_0\.2_eval_all\.json:2:\d+: /);
    expect(await snapshotDb(db)).toEqual(before);
  });
});
