import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { type LcbFilesOnDisk, lcbFilesOnDisk } from "../support/lcbFixture";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { importerFixture, runCliCaptured, snapshotDb } from "./importSupport";

let db: Db;
let lcbFiles: LcbFilesOnDisk;

const cli = runCliCaptured;

beforeAll(async () => {
  lcbFiles = lcbFilesOnDisk();
  process.env.DATABASE_URL = testDatabaseUrl();
  db = testDb();
  await truncateAll(db);
});

afterAll(async () => {
  lcbFiles?.remove();
  await db.$disconnect();
});

describe("alphascope import", () => {
  it("previews a LiveCodeBench run with --dry-run without writing", async () => {
    const { code, out } = await cli(
      "import",
      lcbFiles.path("eval_all.json"),
      "--experiment",
      "cli-lcb",
      "--alpha",
      "0",
      "--dry-run",
    );
    expect(code).toBe(0);
    expect(out).toContain("Dry run — nothing was written.");
    expect(out).toMatch(/0 \(new\)\s+1055\s+1055\s+305\s+527\s+82\s+141\s+0\s+0\s+28\.9%\s+1055 new/);
    expect(await db.experiment.count()).toBe(0);
  });

  it("imports it and prints what was stored, by difficulty; a second run is a no-op", async () => {
    const first = await cli(
      "import",
      lcbFiles.path("eval_all.json"),
      "--experiment",
      "cli-lcb",
      "--alpha",
      "0",
    );
    expect(first.code).toBe(0);
    expect(first.out).toContain('Imported into experiment "cli-lcb" (new):');
    expect(first.out).toContain("by difficulty: easy 322 (62.7%), medium 383 (23.8%), hard 350 (3.4%)");
    expect(await db.result.count()).toBe(1055);
    const second = await cli(
      "import",
      lcbFiles.path("eval_all.json"),
      "--experiment",
      "cli-lcb",
      "--alpha",
      "0",
    );
    expect(second.out).toContain(
      'Nothing to do: this content was already imported into experiment "cli-lcb".',
    );
  });

  it("prints the report as JSON with --json", async () => {
    const { code, out } = await cli(
      "import",
      lcbFiles.path("eval_all.json"),
      "--experiment",
      "cli-lcb",
      "--alpha",
      "0",
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.status).toBe("unchanged");
    expect(report.totals.verdicts.pass).toBe(305);
  });

  it("imports a whole sweep from a manifest, resolving its paths relative to the manifest", async () => {
    const { code, out } = await cli("import", importerFixture("sweep/sweep.yaml"));
    expect(code).toBe(0);
    expect(out).toContain('Imported into experiment "good-sweep" (new):');
    const experiment = await db.experiment.findUniqueOrThrow({
      where: { slug: "good-sweep" },
      include: { checkpoints: { orderBy: { alpha: "asc" } } },
    });
    expect(experiment).toMatchObject({
      name: "A good sweep",
      benchmark: "custom",
      endpointALabel: "low coverage",
    });
    expect(experiment.checkpoints.map((c) => c.alpha)).toEqual([0, 1, 2]);
  });

  it("prints file:line: field: message and exits 1 on a bad file, writing nothing", async () => {
    const before = await snapshotDb(db);
    const { code, err } = await cli(
      "import",
      importerFixture("bad-sweep/alpha2-bad.jsonl"),
      "--experiment",
      "x",
      "--alpha",
      "2",
    );
    expect(code).toBe(1);
    expect(err).toBe(
      `${importerFixture("bad-sweep/alpha2-bad.jsonl")}:1: n: verdict counts sum to 3 but n is 4`,
    );
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("rejects usage errors with exit 2", async () => {
    expect((await cli("import", lcbFiles.path("eval_all.json"))).code).toBe(2);
    const badFormat = await cli(
      "import",
      lcbFiles.path("eval_all.json"),
      "--experiment",
      "x",
      "--format",
      "xml",
    );
    expect(badFormat).toMatchObject({ code: 2 });
    expect(badFormat.err).toContain("--format must be one of lcb-eval-all");
  });
});
