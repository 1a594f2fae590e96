import type { Db } from "../../lib/db/client";
import { generateDemoSweep } from "../../lib/demo/generate";
import type { DemoOptions } from "../../lib/demo/options";
import { memoryFile } from "../../lib/import/inputFile";
import type { ImportEntry } from "../../lib/import/plan";
import { runImport } from "../../lib/import/runImport";
import { computeStatistics } from "../../lib/server/statistics/computeStatistics";

/** A small seeded sweep: 30 problems of three difficulties, five α, 16 samples. */
const SMALL_SWEEP: Partial<DemoOptions> = {
  seed: 7,
  problems: { easy: 12, medium: 10, hard: 8 },
  alphas: [-0.5, 0, 0.5, 1, 1.5],
  samples: 16,
};

/**
 * The seeded demo generator's checkpoints as native JSONL files, one per α (or only those of
 * `alphas`), with every problem or only those `keep` accepts.
 */
export function seededSweepFiles(
  alphas?: number[],
  options: Partial<DemoOptions> = {},
  keep: (problem: string, index: number) => boolean = () => true,
): ImportEntry[] {
  const sweep = generateDemoSweep({ ...SMALL_SWEEP, ...options });
  const difficulty = new Map(sweep.problems.map((problem) => [problem.externalId, problem.difficulty]));
  return sweep.checkpoints
    .filter((checkpoint) => !alphas || alphas.includes(checkpoint.alpha))
    .map((checkpoint) => {
      const lines = checkpoint.results
        .filter((result, i) => keep(result.problemExternalId, i))
        .map((result) =>
          JSON.stringify({
            problem: result.problemExternalId,
            difficulty: difficulty.get(result.problemExternalId),
            n: result.n,
            ...result.verdicts,
            runtimeCount: result.runtimeCount,
            runtimeMeanMs: result.runtimeMeanMs,
          }),
        );
      return {
        input: memoryFile(`alpha${checkpoint.alpha}.jsonl`, lines.join("\n")),
        alpha: checkpoint.alpha,
      };
    });
}

/** A file's text, read whole (test files are small). */
export async function entryText(entry: ImportEntry): Promise<string> {
  let text = "";
  for await (const chunk of entry.input.chunks()) text += new TextDecoder().decode(chunk);
  return text;
}

/**
 * A seeded native file re-run: each problem that passed twice or more loses one pass to a wrong
 * answer (rows with fewer than two passes stay as they were: one pass and its runtime mean go together).
 */
export function rerunText(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const row = JSON.parse(line) as { pass: number; wrongAnswer: number; runtimeCount: number };
      const pass = row.pass >= 2 ? row.pass - 1 : row.pass;
      return JSON.stringify({
        ...row,
        pass,
        wrongAnswer: row.wrongAnswer + row.pass - pass,
        runtimeCount: Math.min(row.runtimeCount, pass),
      });
    })
    .join("\n");
}

/** Imports seeded files into experiment `slug` the way the CLI does. */
export function importSeeded(
  db: Db,
  slug: string,
  entries: ImportEntry[],
  options: { dryRun?: boolean } = {},
) {
  return runImport(db, { experiment: { slug }, entries, source: "cli", ...options });
}

export interface QueuedJob {
  key: string | null;
  payload: { experimentId: number; version: string };
  attempts: number;
}

/** The compute_statistics jobs waiting in graphile-worker's queue. */
export function statisticsJobs(db: Db): Promise<QueuedJob[]> {
  return db.$queryRawUnsafe<QueuedJob[]>(
    `SELECT j."key", j."payload", j."attempts" FROM graphile_worker._private_jobs j
     JOIN graphile_worker._private_tasks t ON t."id" = j."task_id"
     WHERE t."identifier" = 'compute_statistics' ORDER BY j."id"`,
  );
}

/** Empties the job queue (tests start from no jobs, as they start from no experiments). */
export async function clearJobs(db: Db): Promise<void> {
  await db.$executeRawUnsafe("DELETE FROM graphile_worker._private_jobs");
}

/** The stored body of one kind of the experiment's current version, parsed; null when absent. */
export async function storedBody(db: Db, slug: string, kind: string): Promise<unknown> {
  const rows = await db.$queryRawUnsafe<{ payload: string }[]>(
    `SELECT s."payload" FROM "experiment_statistics" s JOIN "experiments" e
       ON e."id" = s."experiment_id" AND e."version" = s."version"
     WHERE e."slug" = $1 AND s."kind" = $2`,
    slug,
    kind,
  );
  return rows.length === 0 ? null : JSON.parse(rows[0].payload);
}

/** How many rows each kind has for the experiment, any version. */
export async function rowsPerKind(db: Db, slug: string): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ kind: string; rows: number }[]>(
    `SELECT s."kind", count(*)::int AS "rows" FROM "experiment_statistics" s
     JOIN "experiments" e ON e."id" = s."experiment_id" WHERE e."slug" = $1 GROUP BY s."kind"`,
    slug,
  );
  return Object.fromEntries(rows.map((row) => [row.kind, row.rows]));
}

/** The value as the wire carries it (what a stored body is compared with). */
export function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Does what a worker does for every experiment: computes and stores its statistics. */
export async function computeAllStatistics(db: Db): Promise<void> {
  const experiments = await db.experiment.findMany({ select: { id: true, version: true } });
  for (const { id, version } of experiments) await computeStatistics(db, { experimentId: id, version });
}
