import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  countExperiments,
  listExperiments,
  purgeTrash,
  trashExperiment,
} from "../../lib/db/queries/experiments";
import { checkDatabase } from "../../lib/db/queries/health";
import { getExperimentHeader, loadSweepMatrix } from "../../lib/db/queries/sweep";
import { generateDemoSweep } from "../../lib/demo/generate";
import type { CheckpointInput, ResultInput, SweepInput } from "../../lib/domain/sweepInput";
import { sweepInputToMatrix } from "../../lib/domain/toMatrix";
import { loadDemoSweep } from "../../lib/import/loadDemo";
import { storeSweep, testDb, truncateAll } from "./db";

const db = testDb();

function result(
  problemExternalId: string,
  pass: number,
  wrongAnswer: number,
  timeLimit: number,
): ResultInput {
  const n = pass + wrongAnswer + timeLimit;
  return {
    problemExternalId,
    n,
    verdicts: { pass, wrongAnswer, timeLimit, runtimeError: 0, compileError: 0, other: 0 },
    runtimeCount: pass,
    runtimeMeanMs: pass > 0 ? 100 + pass : null,
    runtimeMinMs: pass > 0 ? 50 : null,
    runtimeMaxMs: pass > 0 ? 300 : null,
    dpsNorm: null,
  };
}

function checkpoint(alpha: number, results: ResultInput[]): CheckpointInput {
  return { alpha, label: alpha === 0 ? "A" : null, model: `merge-${alpha}`, results };
}

/** Two problems, three checkpoints listed out of α order; p-b has no result at α = 2. */
function tinySweep(slug = "tiny"): SweepInput {
  return {
    experiment: {
      slug,
      name: "Tiny sweep",
      description: "Hand-made",
      benchmark: "bench-x",
      setting: "tool-use",
      modelFamily: "CWM",
      modelScale: "7B",
      synthetic: false,
      endpointA: { label: "low coverage", model: "org/a" },
      endpointB: { label: "high coverage", model: null },
    },
    problems: [
      {
        externalId: "p-b",
        title: "Bee",
        difficulty: "hard",
        platform: "atcoder",
        contestDate: "2024-05-01T00:00:00",
      },
      { externalId: "p-a", title: null, difficulty: "easy", platform: null, contestDate: null },
    ],
    checkpoints: [
      checkpoint(1, [result("p-a", 9, 1, 0), result("p-b", 2, 5, 3)]),
      checkpoint(2, [result("p-a", 4, 3, 3)]),
      checkpoint(0, [result("p-a", 8, 0, 2), result("p-b", 1, 1, 8)]),
    ],
  };
}

afterAll(() => db.$disconnect());
beforeEach(() => truncateAll(db));

describe("writeSweep and loadSweepMatrix", () => {
  it("round-trips a sweep: problems by external id, checkpoints by α, missing results as n = 0", async () => {
    const stored = await storeSweep(db, tinySweep());
    expect(stored).toEqual({
      slug: "tiny",
      replaced: false,
      checkpoints: 3,
      trained: 0,
      problems: 2,
      results: 5,
      samples: 50,
    });

    const loaded = await loadSweepMatrix(db, "tiny");
    expect(loaded?.matrix.problems).toEqual([
      { externalId: "p-a", title: null, difficulty: "easy", platform: null, contestDate: null },
      { externalId: "p-b", title: "Bee", difficulty: "hard", platform: "atcoder", contestDate: "2024-05-01" },
    ]);
    const [a, b, beyond] = loaded?.matrix.checkpoints ?? [];
    expect([a.alpha, b.alpha, beyond.alpha]).toEqual([0, 1, 2]);
    expect([a.label, a.model]).toEqual(["A", "merge-0"]);
    expect([...a.n]).toEqual([10, 10]);
    expect([...a.verdicts.pass]).toEqual([8, 1]);
    expect([...a.verdicts.timeLimit]).toEqual([2, 8]);
    expect([...b.verdicts.wrongAnswer]).toEqual([1, 5]);
    expect([...beyond.n]).toEqual([10, 0]);
    expect([...beyond.runtimeMeanMs]).toEqual([104, Number.NaN]);
    expect([...beyond.runtimeCount]).toEqual([4, 0]);
  });

  it("loads exactly what sweepInputToMatrix builds from the same demo sweep", async () => {
    const sweep = generateDemoSweep({
      problems: { easy: 7, medium: 6, hard: 5 },
      alphas: [-0.5, 0, 0.5, 1, 1.5],
    });
    await storeSweep(db, sweep);
    const loaded = await loadSweepMatrix(db, sweep.experiment.slug);
    expect(loaded?.matrix).toEqual(sweepInputToMatrix(sweep));
  });

  it("returns the header with both endpoints and null for an unknown slug", async () => {
    await storeSweep(db, tinySweep());
    const header = await getExperimentHeader(db, "tiny");
    expect(header).toMatchObject({
      name: "Tiny sweep",
      benchmark: "bench-x",
      setting: "tool-use",
      modelFamily: "CWM",
      modelScale: "7B",
      synthetic: false,
      endpoints: { a: { label: "low coverage", model: "org/a" }, b: { label: "high coverage", model: null } },
    });
    expect(Date.parse(header?.updatedAt ?? "")).not.toBeNaN();
    expect(await getExperimentHeader(db, "nope")).toBeNull();
    expect(await loadSweepMatrix(db, "nope")).toBeNull();
  });

  it("replaces an experiment with the same slug whole", async () => {
    await storeSweep(db, tinySweep());
    const smaller = tinySweep();
    smaller.checkpoints = smaller.checkpoints.slice(0, 1);
    const stored = await storeSweep(db, smaller);
    expect(stored.replaced).toBe(true);
    expect((await loadSweepMatrix(db, "tiny"))?.matrix.checkpoints.map((c) => c.alpha)).toEqual([1]);
    expect(await countExperiments(db)).toBe(1);
  });

  it("shares problems across experiments of a benchmark, keeping known fields on re-import", async () => {
    await storeSweep(db, tinySweep("first"));
    const second = tinySweep("second");
    second.problems = second.problems.map((problem) => ({ ...problem, title: null, difficulty: "unknown" }));
    await storeSweep(db, second);
    const problems = await db.$queryRaw<{ external_id: string; title: string | null; difficulty: string }[]>`
      SELECT "external_id", "title", "difficulty" FROM "problems" ORDER BY "external_id"`;
    expect(problems).toEqual([
      { external_id: "p-a", title: null, difficulty: "easy" },
      { external_id: "p-b", title: "Bee", difficulty: "hard" },
    ]);
  });

  it("stores nothing when one result breaks a constraint (one transaction)", async () => {
    const broken = tinySweep();
    broken.checkpoints[2].results[1].verdicts.pass += 1;
    await expect(storeSweep(db, broken)).rejects.toThrow(/results_counts_sum_to_n_check/);
    expect(await countExperiments(db)).toBe(0);
    expect(await db.problem.count()).toBe(0);
  });

  it("rejects a result for a problem the sweep does not list", async () => {
    const broken = tinySweep();
    broken.checkpoints[0].results.push(result("p-z", 1, 0, 0));
    await expect(storeSweep(db, broken)).rejects.toThrow(/unknown problem p-z/);
  });
});

describe("the CHECK constraints", () => {
  async function insertResult(counts: Record<string, number>) {
    await storeSweep(db, tinySweep());
    const [{ checkpoint_id, problem_id }] = await db.$queryRaw<
      { checkpoint_id: number; problem_id: number }[]
    >`
      SELECT c."id" AS checkpoint_id, p."id" AS problem_id FROM "checkpoints" c, "problems" p
      WHERE c."alpha" = 2 AND p."external_id" = 'p-b'`;
    const values = { n: 10, pass: 10, wa: 0, tl: 0, re: 0, ce: 0, other: 0, rc: 0, ...counts };
    await db.$executeRaw`
      INSERT INTO "results" ("checkpoint_id", "problem_id", "n", "pass", "wrong_answer", "time_limit",
        "runtime_error", "compile_error", "other", "runtime_count")
      VALUES (${checkpoint_id}, ${problem_id}, ${values.n}, ${values.pass}, ${values.wa}, ${values.tl},
        ${values.re}, ${values.ce}, ${values.other}, ${values.rc})`;
  }

  it("accepts verdict counts that sum to n", async () => {
    await expect(insertResult({ pass: 6, wa: 2, tl: 1, other: 1 })).resolves.toBeUndefined();
  });

  it("rejects verdict counts that do not sum to n", async () => {
    await expect(insertResult({ pass: 6, wa: 2, tl: 1 })).rejects.toThrow(/results_counts_sum_to_n_check/);
  });

  it("rejects a negative count even when the sum is right", async () => {
    await expect(insertResult({ pass: 11, wa: -1 })).rejects.toThrow(/results_counts_nonnegative_check/);
  });

  it("rejects a result with no samples", async () => {
    await expect(insertResult({ n: 0, pass: 0 })).rejects.toThrow(/results_n_positive_check/);
  });

  it("rejects more timed passes than passes", async () => {
    await expect(insertResult({ pass: 10, rc: 11 })).rejects.toThrow(/results_runtime_count_check/);
  });

  it("rejects an unknown setting and an unknown difficulty", async () => {
    const badSetting = tinySweep();
    (badSetting.experiment as { setting: string }).setting = "vibes";
    await expect(storeSweep(db, badSetting)).rejects.toThrow(/experiments_setting_check/);
    const badDifficulty = tinySweep();
    (badDifficulty.problems[0] as { difficulty: string }).difficulty = "trivial";
    await expect(storeSweep(db, badDifficulty)).rejects.toThrow(/problems_difficulty_check/);
  });
});

describe("loadDemoSweep", () => {
  const options = { problems: { easy: 3, medium: 2, hard: 2 }, alphas: [-0.5, 0, 1] };

  it("stores the synthetic demo through the importer's writer; loading it again leaves the same data", async () => {
    const first = await loadDemoSweep(db, options);
    const again = await loadDemoSweep(db, options);
    expect(first).toEqual({ ...again, replaced: false });
    // 3 α and the demo's 2 trained checkpoints, each on the 7 problems.
    expect(again).toMatchObject({
      replaced: true,
      checkpoints: 3,
      trained: 2,
      problems: 7,
      results: 5 * 7,
      samples: 5 * 7 * 256,
    });

    const sweep = generateDemoSweep(options);
    const loaded = await loadSweepMatrix(db, sweep.experiment.slug);
    expect(loaded?.matrix).toEqual(sweepInputToMatrix(sweep));
    expect((await getExperimentHeader(db, sweep.experiment.slug))?.synthetic).toBe(true);
    expect(await countExperiments(db)).toBe(1);

    const batches = await db.importBatch.findMany({
      where: { checkpointId: { not: null } },
      orderBy: { id: "asc" },
    });
    // One batch per checkpoint: 3 α and 2 trained.
    expect(batches.map((batch) => [batch.source, batch.fileName, batch.format, batch.rowCount])).toEqual(
      Array.from({ length: 5 }, () => ["demo", "generateDemoSweep()", "demo", 7]),
    );
    expect(new Set(batches.map((batch) => batch.contentHash)).size).toBe(1);
  });
});

describe("deleting an experiment, then purging it from the trash", () => {
  it("removes its checkpoints and results and keeps problems, other experiments and import history", async () => {
    await loadDemoSweep(db, { problems: { easy: 2, medium: 2, hard: 2 }, alphas: [0, 1] });
    await storeSweep(db, tinySweep());
    const demoSlug = generateDemoSweep({ problems: { easy: 1, medium: 0, hard: 0 }, alphas: [0] }).experiment
      .slug;

    const deletedAt = await trashExperiment(db, demoSlug, "local");
    expect(deletedAt).toBeInstanceOf(Date);
    expect(await trashExperiment(db, demoSlug, "local")).toBeNull();
    // In the trash: nothing is destroyed yet (the demo's 2 α and 2 trained checkpoints, tiny's 3).
    expect(await db.checkpoint.count()).toBe(7);
    expect((await listExperiments(db)).map((item) => item.slug)).toEqual(["tiny"]);
    expect(await purgeTrash(db, deletedAt as Date)).toEqual([demoSlug]);

    expect(await db.checkpoint.count()).toBe(3);
    expect(await db.result.count()).toBe(5);
    expect(await db.problem.count()).toBe(8);
    const batches = await db.importBatch.findMany({ where: { source: "demo" } });
    expect(batches).toHaveLength(4); // the demo's 2 α and 2 trained checkpoints
    for (const batch of batches)
      expect(batch).toMatchObject({ experimentId: null, checkpointId: null, rowCount: 6, problemCount: 6 });
    expect(await db.importBatch.count()).toBe(7); // 4 of the demo, 3 of tiny
    expect((await listExperiments(db)).map((item) => item.slug)).toEqual(["tiny"]);
  });
});

describe("listExperiments and checkDatabase", () => {
  it("lists each experiment with its α range, checkpoint and problem counts", async () => {
    await storeSweep(db, tinySweep());
    expect(await listExperiments(db)).toEqual([
      {
        slug: "tiny",
        version: expect.any(String),
        name: "Tiny sweep",
        benchmark: "bench-x",
        setting: "tool-use",
        synthetic: false,
        alphaMin: 0,
        alphaMax: 2,
        checkpoints: 3,
        problems: 2,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it("reports a reachable database", async () => {
    expect(await checkDatabase(db)).toMatchObject({ ok: true });
  });
});
