import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postEnsemble } from "@/app/api/experiments/[slug]/ensembles/route";
import { runCli } from "@/lib/cli/main";
import type { Db } from "@/lib/db/client";
import { DEMO_EXPERIMENT_SLUG } from "@/lib/demo/experiment";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { snapshotDb } from "./importSupport";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LCB = "tests/fixtures/import/lcb/2025_eval_all.json";

let db: Db;

/** Runs the real `alphascope` command (the package's bin) as a user types it, against the test database. */
function alphascope(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["scripts/alphascope.mjs", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: testDatabaseUrl(), ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** The CLI in-process, for the cases that only vary an argument. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => out.push(text) });
  return { code, out: out.join("\n") };
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  db = testDb();
  await truncateAll(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("negative values as a user types them", () => {
  it("import --alpha -0.5 --dry-run previews the checkpoint at α = −0.5 and writes nothing", async () => {
    const before = await snapshotDb(db);
    const { code, stdout, stderr } = await alphascope([
      "import",
      LCB,
      "--experiment",
      "negative-alpha",
      "--alpha",
      "-0.5",
      "--dry-run",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Dry run — nothing was written. Importing into experiment "negative-alpha" (new)',
    );
    // 2 problems, 4 samples: 2 passes, 1 time limit, 1 test-runner error (other).
    expect(stdout).toMatch(/−0\.5 \(new\)\s+2\s+4\s+2\s+0\s+1\s+0\s+0\s+1\s+50\.0%\s+2 new/);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it.each([
    [["--alpha", "-1e-1"], -0.1],
    [["--alpha=-0.5"], -0.5],
    [["--alpha", "-.25"], -0.25],
  ])("import %j stores the α it says", async (alphaArgs, alpha) => {
    const { code, out } = await cli(
      "import",
      LCB,
      "--experiment",
      "negative-alpha",
      ...alphaArgs,
      "--dry-run",
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).files[0].checkpoints[0].alpha).toBe(alpha);
  });

  it("ensemble --members -0.75:84,1.5:83 on the demo gives the API's numbers", async () => {
    expect((await cli("demo")).code).toBe(0);
    const { code, stdout, stderr } = await alphascope([
      "ensemble",
      DEMO_EXPERIMENT_SLUG,
      "--members",
      "-0.75:84,1.5:83",
      "--json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const response = await postEnsemble(
      new Request(`http://test/api/experiments/${DEMO_EXPERIMENT_SLUG}/ensembles`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          members: [
            { alpha: -0.75, samples: 84 },
            { alpha: 1.5, samples: 83 },
          ],
        }),
      }),
      { params: Promise.resolve({ slug: DEMO_EXPERIMENT_SLUG }) },
    );
    expect(response.status).toBe(200);
    const api = await response.json();
    expect(JSON.parse(stdout)).toEqual(api);
    expect(api.budget).toBe(167);
    expect(api.members.map((m: { alpha: number }) => m.alpha)).toEqual([-0.75, 1.5]);
  });
});

describe("bad arguments and settings: one line on stderr, exit code 2, nothing written", () => {
  it("refuses --alpha given twice", async () => {
    const before = await snapshotDb(db);
    const { code, stdout, stderr } = await alphascope([
      "import",
      LCB,
      "--experiment",
      "twice",
      "--alpha",
      "0.3",
      "--alpha",
      "0.4",
    ]);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: "",
      stderr: '--alpha is given twice ("0.3" and "0.4"): give it once.\n',
    });
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("refuses --alpha with a directory of runs (each run's α is its folder's name)", async () => {
    const { code, stderr } = await alphascope([
      "import",
      "tests/fixtures",
      "--experiment",
      "x",
      "--alpha",
      "1",
    ]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: "--alpha cannot be used with a directory: α comes from each run's folder name.\n",
    });
  });

  it("refuses an ALPHASCOPE_IMPORT_MAX_BYTES that is not a positive number", async () => {
    const { code, stderr } = await alphascope(["import", LCB, "--experiment", "x", "--alpha", "1"], {
      ALPHASCOPE_IMPORT_MAX_BYTES: "lots",
    });
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr:
        'ALPHASCOPE_IMPORT_MAX_BYTES must be a positive whole number of bytes (e.g. 536870912 for 512 MiB), got "lots".\n',
    });
  });
});
