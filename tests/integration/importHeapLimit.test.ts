import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { ImportReport } from "@/lib/import/report";
import { type LcbEvalAllTotals, writeLcbEvalAll } from "../../scripts/support/lcbEvalAll";
import { testDatabaseUrl, testDb, truncateAll } from "./db";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** V8 old-space limit of the importing process, far below the file's size. */
const HEAP_MB = 64;
const FILE = "Scenario.codegeneration_60_0.2_eval_all.json";

let db: Db;
let dir: string;
let totals: LcbEvalAllTotals;

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  dir = mkdtempSync(join(tmpdir(), "alphascope-heap-limit-"));
  // 1 055 problems × 60 samples with 1.5 KB outputs: about 150 MB, over twice the heap limit.
  totals = writeLcbEvalAll(join(dir, FILE), { problems: 1055, samples: 60, outputChars: 1500, seed: 7 });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("a LiveCodeBench file larger than the importing process's heap", () => {
  it("imports with the CLI under --max-old-space-size, with exact totals", async () => {
    expect(totals.bytes).toBeGreaterThan(2 * HEAP_MB * 2 ** 20);
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          [
            `--max-old-space-size=${HEAP_MB}`,
            "scripts/alphascope.mjs",
            "import",
            join(dir, FILE),
            "--experiment",
            "heap-limit",
            "--alpha",
            "0.5",
            "--json",
          ],
          { cwd: ROOT, env: { ...process.env, DATABASE_URL: testDatabaseUrl() }, maxBuffer: 1 << 24 },
          (error, out, err) => resolve({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }),
        );
      },
    );
    expect(stderr).not.toMatch(/heap out of memory/i);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report.totals.problems).toBe(1055);
    expect(report.totals.samples).toBe(1055 * 60);
    expect(report.totals.verdicts).toEqual(totals.verdicts);
    const stored = await db.result.aggregate({
      _sum: {
        n: true,
        pass: true,
        wrongAnswer: true,
        timeLimit: true,
        runtimeError: true,
        compileError: true,
      },
      _count: true,
    });
    expect(stored._count).toBe(1055);
    expect(stored._sum).toEqual({
      n: 1055 * 60,
      pass: totals.verdicts.pass,
      wrongAnswer: totals.verdicts.wrongAnswer,
      timeLimit: totals.verdicts.timeLimit,
      runtimeError: totals.verdicts.runtimeError,
      compileError: totals.verdicts.compileError,
    });
  }, 120_000);
});
