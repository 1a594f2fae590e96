import type { Difficulty } from "../../domain/difficulty";
import type { VerdictCounts } from "../../domain/verdicts";
import type { Db } from "../client";
import { storedDifficulty } from "./statistics";

/** One checkpoint's stored result on one problem. */
export interface StoredProblemResult {
  alpha: number;
  label: string | null;
  n: number;
  verdicts: VerdictCounts;
  runtimeCount: number;
  runtimeMeanMs: number | null;
  runtimeMinMs: number | null;
  runtimeMaxMs: number | null;
  dpsNorm: number | null;
}

/** A problem of an experiment with its result at every checkpoint that evaluated it, ordered by α. */
export interface StoredProblemResults {
  version: string;
  problem: {
    externalId: string;
    title: string | null;
    difficulty: Difficulty;
    platform: string | null;
    contestDate: string | null;
  } | null;
  results: StoredProblemResult[];
}

interface Row {
  version: string;
  external_id: string | null;
  title: string | null;
  difficulty: string | null;
  platform: string | null;
  contest_date: string | null;
  alpha: number | null;
  label: string | null;
  n: number;
  pass: number;
  wrong_answer: number;
  time_limit: number;
  runtime_error: number;
  compile_error: number;
  other: number;
  runtime_count: number;
  runtime_mean_ms: number | null;
  runtime_min_ms: number | null;
  runtime_max_ms: number | null;
  dps_norm: number | null;
}

/**
 * The experiment's current version and one problem's results at each of its live checkpoints, in one
 * snapshot (one statement). Null when no live experiment has that slug; `problem` is null when none of its
 * checkpoints evaluated a problem with that id.
 */
export async function problemResults(
  db: Db,
  slug: string,
  externalId: string,
): Promise<StoredProblemResults | null> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT e."version", x.*
     FROM "experiments" e
     LEFT JOIN LATERAL (
       SELECT p."external_id", p."title", p."difficulty", p."platform",
         to_char(p."contest_date", 'YYYY-MM-DD') AS "contest_date", c."alpha", c."label",
         r."n", r."pass", r."wrong_answer", r."time_limit", r."runtime_error", r."compile_error", r."other",
         r."runtime_count", r."runtime_mean_ms", r."runtime_min_ms", r."runtime_max_ms", r."dps_norm"
       FROM "checkpoints" c
       JOIN "results" r ON r."checkpoint_id" = c."id"
       JOIN "problems" p ON p."id" = r."problem_id"
       WHERE c."experiment_id" = e."id" AND c."alpha" IS NOT NULL AND c."retired_at" IS NULL AND p."external_id" = $2
     ) x ON true
     WHERE e."slug" = $1 AND e."deleted_at" IS NULL
     ORDER BY x."alpha"`,
    slug,
    externalId,
  );
  if (rows.length === 0) return null;
  const [first] = rows;
  if (first.external_id === null) return { version: first.version, problem: null, results: [] };
  return {
    version: first.version,
    problem: {
      externalId: first.external_id,
      title: first.title,
      difficulty: storedDifficulty(first.difficulty ?? "unknown"),
      platform: first.platform,
      contestDate: first.contest_date,
    },
    results: rows.map((row) => ({
      alpha: row.alpha as number,
      label: row.label,
      n: row.n,
      verdicts: {
        pass: row.pass,
        wrongAnswer: row.wrong_answer,
        timeLimit: row.time_limit,
        runtimeError: row.runtime_error,
        compileError: row.compile_error,
        other: row.other,
      },
      runtimeCount: row.runtime_count,
      runtimeMeanMs: row.runtime_mean_ms,
      runtimeMinMs: row.runtime_min_ms,
      runtimeMaxMs: row.runtime_max_ms,
      dpsNorm: row.dps_norm,
    })),
  };
}
