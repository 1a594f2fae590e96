import type { Difficulty } from "../../domain/difficulty";
import type { DifficultyTotals } from "../../formats/summarizeRun";
import type { Prisma } from "../generated/prisma/client";
import { storedDifficulty } from "./statistics";

type Tx = Prisma.TransactionClient;

/** Totals of one checkpoint's imported rows of one difficulty. */
export interface DifficultyGroup extends DifficultyTotals {
  checkpointId: number;
}

interface GroupRow {
  checkpoint_id: number;
  difficulty: string;
  problems: number;
  samples: number;
  pass: number;
  wrong_answer: number;
  time_limit: number;
  runtime_error: number;
  compile_error: number;
  other: number;
  pass_at_1_sum: number;
}

const COUNTS = `"n", "pass", "wrong_answer", "time_limit", "runtime_error", "compile_error", "other"`;

/**
 * Totals per checkpoint and difficulty of the rows one file imported, read back from where they
 * went: `results` for the checkpoints the file created (they hold nothing else), the staging table
 * for the others. `problems` gives each problem id the difficulty the file gives it (a problem not
 * listed counts as unknown). Sums are float8 so that no count overflows.
 */
export async function summarizeImportedRows(
  tx: Tx,
  checkpoints: { stored: readonly number[]; staged: readonly number[] },
  problems: { ids: readonly number[]; difficulties: readonly Difficulty[] },
): Promise<DifficultyGroup[]> {
  const rows = await tx.$queryRawUnsafe<GroupRow[]>(
    `WITH d AS (SELECT * FROM unnest($1::int4[], $2::text[]) AS d("problem_id", "difficulty")),
     r AS (
       SELECT "checkpoint_id", "problem_id", ${COUNTS} FROM "results" WHERE "checkpoint_id" = ANY($3::int4[])
       UNION ALL
       SELECT "checkpoint_id", "problem_id", ${COUNTS} FROM "import_stage" WHERE "checkpoint_id" = ANY($4::int4[]))
     SELECT r."checkpoint_id", COALESCE(d."difficulty", 'unknown') AS "difficulty",
       count(*)::int AS "problems", sum(r."n")::float8 AS "samples",
       sum(r."pass")::float8 AS "pass", sum(r."wrong_answer")::float8 AS "wrong_answer",
       sum(r."time_limit")::float8 AS "time_limit", sum(r."runtime_error")::float8 AS "runtime_error",
       sum(r."compile_error")::float8 AS "compile_error", sum(r."other")::float8 AS "other",
       sum(r."pass"::float8 / r."n") AS "pass_at_1_sum"
     FROM r LEFT JOIN d USING ("problem_id")
     GROUP BY 1, 2`,
    problems.ids,
    problems.difficulties,
    checkpoints.stored,
    checkpoints.staged,
  );
  return rows.map((row) => ({
    checkpointId: row.checkpoint_id,
    difficulty: storedDifficulty(row.difficulty),
    problems: row.problems,
    samples: row.samples,
    verdicts: {
      pass: row.pass,
      wrongAnswer: row.wrong_answer,
      timeLimit: row.time_limit,
      runtimeError: row.runtime_error,
      compileError: row.compile_error,
      other: row.other,
    },
    passAt1Sum: row.pass_at_1_sum,
  }));
}
