import { fileURLToPath } from "node:url";
import { runCli } from "../../lib/cli/main";
import type { Db } from "../../lib/db/client";

const TABLES = ["experiments", "checkpoints", "problems", "results", "import_batches"] as const;

/** Row count and md5 of every row (as text, sorted) of each application table. */
export type DbSnapshot = Record<(typeof TABLES)[number], { rows: number; md5: string }>;

/**
 * A fingerprint of the whole database content: equal snapshots mean byte-for-byte equal tables
 * (every column of every row, timestamps included).
 */
export async function snapshotDb(db: Db): Promise<DbSnapshot> {
  const snapshot = {} as DbSnapshot;
  for (const table of TABLES) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS "rows", md5(COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS "md5" FROM "${table}" t`,
    );
    snapshot[table] = row;
  }
  return snapshot;
}

/** A committed fixture of the importer tests (tests/fixtures/importer/…). */
export function importerFixture(path: string): string {
  return fileURLToPath(new URL(`../fixtures/importer/${path}`, import.meta.url));
}

/** Every stored result of an experiment's α checkpoints, by α and problem, without database ids (to compare two imports). */
export async function storedResults(db: Db, slug: string) {
  const rows = await db.result.findMany({
    where: { checkpoint: { experiment: { slug }, alpha: { not: null } } },
    include: { checkpoint: { select: { alpha: true } }, problem: { select: { externalId: true } } },
  });
  return rows
    .map(({ checkpointId: _c, problemId: _p, checkpoint, problem, ...counts }) => ({
      alpha: checkpoint.alpha as number,
      problem: problem.externalId,
      ...counts,
    }))
    .sort((a, b) => a.alpha - b.alpha || a.problem.localeCompare(b.problem));
}

/** Every stored result of an experiment's trained checkpoints, by label and problem. */
export async function storedTrainedResults(db: Db, slug: string) {
  const rows = await db.result.findMany({
    where: { checkpoint: { experiment: { slug }, alpha: null } },
    include: {
      checkpoint: { select: { trainedLabel: true, coverage: true } },
      problem: { select: { externalId: true } },
    },
  });
  return rows
    .map(({ checkpointId: _c, problemId: _p, checkpoint, problem, ...counts }) => ({
      label: checkpoint.trainedLabel as string,
      coverage: checkpoint.coverage,
      problem: problem.externalId,
      ...counts,
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.problem.localeCompare(b.problem));
}

/** Runs the CLI in-process (against DATABASE_URL), capturing what it prints. */
export async function runCliCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
