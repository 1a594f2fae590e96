import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { diskFile } from "@/lib/import/inputFile";
import { runImport } from "@/lib/import/runImport";
import { type LcbFilesOnDisk, lcbFilesOnDisk } from "../support/lcbFixture";
import { testDb, truncateAll } from "./db";
import { snapshotDb } from "./importSupport";

let db: Db;
let lcbFiles: LcbFilesOnDisk;

beforeAll(async () => {
  lcbFiles = lcbFilesOnDisk();
  db = testDb();
  await truncateAll(db);
});

afterAll(async () => {
  lcbFiles?.remove();
  await db.$disconnect();
});

async function importLcb(alpha: number, extra: { dryRun?: boolean; confirmIdentical?: boolean } = {}) {
  return runImport(db, {
    experiment: { slug: "qwen3-8b-lcb", name: "Qwen3-8B on LiveCodeBench" },
    entries: [{ input: await diskFile(lcbFiles.path("eval_all.json")), alpha }],
    source: "cli",
    ...extra,
  });
}

describe("importing the real LiveCodeBench run end to end", () => {
  it("reports the harness's own totals and writes nothing on a dry run", async () => {
    const before = await snapshotDb(db);
    const report = await importLcb(0, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.experiment.created).toBe(true);
    expect(report.totals.verdicts).toEqual({
      pass: 305,
      wrongAnswer: 527,
      timeLimit: 82,
      runtimeError: 141,
      compileError: 0,
      other: 0,
    });
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("stores 1055 problems with the harness's verdict totals, pass@1 305/1055 and 322/383/350 by difficulty", async () => {
    const report = await importLcb(0);
    const [checkpoint] = report.files[0].checkpoints;
    expect(report.status).toBe("imported");
    expect(checkpoint).toMatchObject({
      alpha: 0,
      created: true,
      problems: 1055,
      samples: 1055,
      inserted: 1055,
    });
    expect(checkpoint.passAt1).toBeCloseTo(305 / 1055, 12);
    expect(checkpoint.byDifficulty.easy?.problems).toBe(322);
    expect(checkpoint.byDifficulty.medium?.problems).toBe(383);
    expect(checkpoint.byDifficulty.hard?.problems).toBe(350);

    const [stored] = await db.$queryRawUnsafe<Record<string, number>[]>(
      `SELECT count(*)::int AS rows, sum(pass)::int AS pass, sum(wrong_answer)::int AS wa, sum(time_limit)::int AS tl,
              sum(runtime_error)::int AS re, sum(compile_error)::int AS ce, sum(other)::int AS other FROM results`,
    );
    expect(stored).toEqual({ rows: 1055, pass: 305, wa: 527, tl: 82, re: 141, ce: 0, other: 0 });
    const byDifficulty = await db.$queryRawUnsafe<{ difficulty: string; count: number }[]>(
      `SELECT difficulty, count(*)::int AS count FROM problems WHERE benchmark = 'livecodebench' GROUP BY 1 ORDER BY 1`,
    );
    expect(byDifficulty).toEqual([
      { difficulty: "easy", count: 322 },
      { difficulty: "hard", count: 350 },
      { difficulty: "medium", count: 383 },
    ]);
    const batches = await db.importBatch.findMany();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({
      source: "cli",
      format: "lcb-eval-all",
      rowCount: 1055,
      problemCount: 1055,
      sampleCount: 1055,
    });
    expect(batches[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats re-importing the same content as a no-op and leaves the database byte-for-byte unchanged", async () => {
    const before = await snapshotDb(db);
    const report = await importLcb(0);
    expect(report.status).toBe("unchanged");
    expect(report.files[0].checkpoints[0]).toMatchObject({
      status: "unchanged",
      inserted: 0,
      unchanged: 1055,
    });
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("refuses the same run at another α unless confirmed, then adds it, reusing the problems, and bumps updated_at", async () => {
    const { updatedAt: before } = await db.experiment.findUniqueOrThrow({ where: { slug: "qwen3-8b-lcb" } });
    const unchanged = await snapshotDb(db);
    await expect(importLcb(0.5)).rejects.toThrow(
      "α = 0.5 would have exactly the same per-problem verdict counts as α = 0 (the same file under two α?); use --confirm-identical to import it anyway",
    );
    expect(await snapshotDb(db)).toEqual(unchanged);
    const report = await importLcb(0.5, { confirmIdentical: true });
    expect(report.files[0].checkpoints[0]).toMatchObject({ alpha: 0.5, created: true, inserted: 1055 });
    expect(await db.problem.count()).toBe(1055);
    expect(await db.checkpoint.count()).toBe(2);
    const { updatedAt: after } = await db.experiment.findUniqueOrThrow({ where: { slug: "qwen3-8b-lcb" } });
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });

  it("imports the _eval.json form joined with _eval_all.json to the same totals", async () => {
    const report = await runImport(db, {
      experiment: { slug: "qwen3-8b-lcb-eval" },
      entries: [
        {
          input: await diskFile(lcbFiles.path("eval.json")),
          alpha: 1,
          generation: await diskFile(lcbFiles.path("eval_all.json")),
        },
      ],
      source: "cli",
    });
    const [checkpoint] = report.files[0].checkpoints;
    expect(checkpoint.verdicts).toMatchObject({
      pass: 305,
      wrongAnswer: 527,
      timeLimit: 82,
      runtimeError: 141,
    });
    expect(checkpoint.byDifficulty.hard?.problems).toBe(350);
    // Same problems (same benchmark, same ids): nothing new in the problems table.
    expect(await db.problem.count()).toBe(1055);
  });
});
