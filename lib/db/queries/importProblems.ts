import type { Difficulty } from "../../domain/difficulty";
import type { ProblemInput } from "../../domain/sweepInput";
import type { Prisma } from "../generated/prisma/client";
import { storedDifficulty } from "./statistics";

type Tx = Prisma.TransactionClient;

/** A problem whose stored difficulty and the imported one are both known and differ. */
export interface DifficultyConflict {
  externalId: string;
  stored: Difficulty;
  incoming: Difficulty;
}

const INCOMING = `unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[])
  AS i("external_id", "title", "difficulty", "platform", "contest_date")`;

function incomingParams(benchmark: string, problems: readonly ProblemInput[]): unknown[] {
  return [
    benchmark,
    problems.map((problem) => problem.externalId),
    problems.map((problem) => problem.title),
    problems.map((problem) => problem.difficulty),
    problems.map((problem) => problem.platform),
    // The DATE column keeps the day of an ISO date or timestamp.
    problems.map((problem) => (problem.contestDate === null ? null : problem.contestDate.slice(0, 10))),
  ];
}

/** Imported problems whose known difficulty contradicts the stored known difficulty. */
export async function findDifficultyConflicts(
  tx: Tx,
  benchmark: string,
  problems: readonly ProblemInput[],
): Promise<DifficultyConflict[]> {
  const rows = await tx.$queryRawUnsafe<{ external_id: string; stored: string; incoming: string }[]>(
    `SELECT i."external_id", p."difficulty" AS "stored", i."difficulty" AS "incoming" FROM ${INCOMING}
     JOIN "problems" p ON p."benchmark" = $1 AND p."external_id" = i."external_id"
     WHERE i."difficulty" <> 'unknown' AND p."difficulty" <> 'unknown' AND i."difficulty" <> p."difficulty"
     ORDER BY i."external_id"`,
    ...incomingParams(benchmark, problems),
  );
  return rows.map((row) => ({
    externalId: row.external_id,
    stored: storedDifficulty(row.stored),
    incoming: storedDifficulty(row.incoming),
  }));
}

/**
 * Inserts the problems a benchmark does not know yet and returns the id of every given problem.
 * A known problem only gains what it lacked (an unknown difficulty, a missing title, platform or
 * contest date): an import never overwrites stored problem metadata. Call
 * {@link findDifficultyConflicts} first to refuse contradictions.
 */
export async function upsertImportProblems(
  tx: Tx,
  benchmark: string,
  problems: readonly ProblemInput[],
): Promise<Map<string, number>> {
  const rows = await tx.$queryRawUnsafe<{ id: number; external_id: string }[]>(
    `INSERT INTO "problems" AS p ("benchmark", "external_id", "title", "difficulty", "platform", "contest_date")
     SELECT $1, i.* FROM ${INCOMING}
     ON CONFLICT ("benchmark", "external_id") DO UPDATE SET
       "title" = COALESCE(p."title", EXCLUDED."title"),
       "difficulty" = CASE WHEN p."difficulty" = 'unknown' THEN EXCLUDED."difficulty" ELSE p."difficulty" END,
       "platform" = COALESCE(p."platform", EXCLUDED."platform"),
       "contest_date" = COALESCE(p."contest_date", EXCLUDED."contest_date")
     RETURNING p."id", p."external_id"`,
    ...incomingParams(benchmark, problems),
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}

/**
 * The ids of problems of a benchmark, inserting those it does not know yet with no metadata
 * ({@link upsertImportProblems} fills it in once the whole file is read). Existing rows are locked
 * FOR KEY SHARE, as a foreign-key check would lock them, so they cannot be deleted before commit.
 */
export async function ensureImportProblems(
  tx: Tx,
  benchmark: string,
  externalIds: readonly string[],
): Promise<Map<string, number>> {
  const found = await tx.$queryRawUnsafe<{ id: number; external_id: string }[]>(
    `SELECT "id", "external_id" FROM "problems" WHERE "benchmark" = $1 AND "external_id" = ANY($2::text[])
     FOR KEY SHARE`,
    benchmark,
    externalIds,
  );
  const ids = new Map(found.map((row) => [row.external_id, row.id]));
  const missing = externalIds.filter((id) => !ids.has(id));
  if (missing.length === 0) return ids;
  // A concurrent import may insert the same problem meanwhile: the no-op update locks and returns it.
  const inserted = await tx.$queryRawUnsafe<{ id: number; external_id: string }[]>(
    `INSERT INTO "problems" ("benchmark", "external_id") SELECT $1, unnest($2::text[])
     ON CONFLICT ("benchmark", "external_id") DO UPDATE SET "external_id" = EXCLUDED."external_id"
     RETURNING "id", "external_id"`,
    benchmark,
    missing,
  );
  for (const row of inserted) ids.set(row.external_id, row.id);
  return ids;
}
