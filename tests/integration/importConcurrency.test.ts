import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { memoryFile } from "@/lib/import/inputFile";
import { runImport } from "@/lib/import/runImport";
import { testDb, truncateAll } from "./db";

let db: Db;

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
});

afterAll(async () => {
  await db.$disconnect();
});

/** 50 problems at α, with counts that differ between α (identical ones would be refused). */
function countsFile(alpha: number): string {
  return Array.from({ length: 50 }, (_, i) => {
    const pass = (i + alpha) % 5;
    return JSON.stringify({ alpha, problem: `p${i}`, n: 4, pass, wrongAnswer: 4 - pass });
  }).join("\n");
}

describe("concurrent imports", () => {
  it("into the same new experiment both succeed: the second waits and adds its checkpoint", async () => {
    const imports = [0, 1].map((alpha) =>
      runImport(db, {
        experiment: { slug: "raced" },
        entries: [{ input: memoryFile(`alpha${alpha}.jsonl`, countsFile(alpha)) }],
        source: "api",
      }),
    );
    const reports = await Promise.all(imports);
    expect(reports.map((report) => report.experiment.created).sort()).toEqual([false, true]);
    expect(await db.experiment.count({ where: { slug: "raced" } })).toBe(1);
    const checkpoints = await db.checkpoint.findMany({ where: { experiment: { slug: "raced" } } });
    expect(checkpoints.map((checkpoint) => checkpoint.alpha).sort()).toEqual([0, 1]);
    expect(await db.result.count()).toBe(100);
  });
});
