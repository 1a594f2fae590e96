import type { ResultInput } from "../../domain/sweepInput";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** One result row to store: the problem's database id and the file's counts for it. */
export interface ResultRowInput {
  problemId: number;
  result: ResultInput;
}

/** What happened to the rows of one checkpoint. */
export interface ResultWriteCounts {
  inserted: number;
  /** Rows that existed with other counts and were overwritten (only with `replace`). */
  replaced: number;
  /** Rows that existed with exactly the same counts: left as they were. */
  unchanged: number;
}

/** Rows per statement: every column travels as one array parameter, unnested server-side. */
const CHUNK_ROWS = 50_000;

const COLUMNS: [column: string, type: string, value: (row: ResultRowInput) => number | null][] = [
  ["problem_id", "int4", (row) => row.problemId],
  ["n", "int4", (row) => row.result.n],
  ["pass", "int4", (row) => row.result.verdicts.pass],
  ["wrong_answer", "int4", (row) => row.result.verdicts.wrongAnswer],
  ["time_limit", "int4", (row) => row.result.verdicts.timeLimit],
  ["runtime_error", "int4", (row) => row.result.verdicts.runtimeError],
  ["compile_error", "int4", (row) => row.result.verdicts.compileError],
  ["other", "int4", (row) => row.result.verdicts.other],
  ["runtime_count", "int4", (row) => row.result.runtimeCount],
  ["runtime_mean_ms", "float8", (row) => row.result.runtimeMeanMs],
  ["runtime_min_ms", "float8", (row) => row.result.runtimeMinMs],
  ["runtime_max_ms", "float8", (row) => row.result.runtimeMaxMs],
  ["dps_norm", "float8", (row) => row.result.dpsNorm],
];

const NAMES = COLUMNS.map(([column]) => `"${column}"`);
const VALUE_NAMES = NAMES.slice(1);
const UNNEST = `unnest(${COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(", ")})`;
/** SQL comparing a stored row with an incoming one on every value column (NULL-safe). */
function differs(stored: string, incoming: string): string {
  const list = (alias: string) => VALUE_NAMES.map((name) => `${alias}.${name}`).join(", ");
  return `(${list(stored)}) IS DISTINCT FROM (${list(incoming)})`;
}
const DIFFERS = differs("r", "s");

const INSERT_DIRECT = `INSERT INTO "results" ("checkpoint_id", ${NAMES.join(", ")}) SELECT $1, * FROM ${UNNEST}`;

const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS "import_stage" (
  ${COLUMNS.map(([column, type]) => `"${column}" ${type}${column === "problem_id" ? " PRIMARY KEY" : ""}`).join(", ")}
) ON COMMIT DROP`;

const INSERT_STAGE = `INSERT INTO "import_stage" SELECT * FROM ${UNNEST.replaceAll(/\$(\d+)/g, (_, i: string) => `$${Number(i) - 1}`)}`;

/**
 * A column as a PostgreSQL array literal (`{1,2,NULL}`). Sent as one text parameter and cast
 * server-side, it is several times faster than a JavaScript array, which the driver serializes
 * element by element. Values are finite numbers or null (validated by the parsers).
 */
function arrayLiteral(
  rows: readonly ResultRowInput[],
  value: (row: ResultRowInput) => number | null,
): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = value(rows[i]);
    parts[i] = v === null ? "NULL" : String(v);
  }
  return `{${parts.join(",")}}`;
}

async function insertChunks(
  tx: Tx,
  sql: string,
  leading: unknown[],
  rows: readonly ResultRowInput[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    await tx.$executeRawUnsafe(sql, ...leading, ...COLUMNS.map(([, , value]) => arrayLiteral(chunk, value)));
  }
}

/** The results of a checkpoint that has none yet: a plain batched insert, no comparison needed. */
export async function insertFreshResults(
  tx: Tx,
  checkpointId: number,
  rows: readonly ResultRowInput[],
): Promise<ResultWriteCounts> {
  await insertChunks(tx, INSERT_DIRECT, [checkpointId], rows);
  return { inserted: rows.length, replaced: 0, unchanged: 0 };
}

/** True when the checkpoint already has at least one result. */
export async function hasResults(tx: Tx, checkpointId: number): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "results" WHERE "checkpoint_id" = $1 LIMIT 1`,
    checkpointId,
  );
  return rows.length > 0;
}

/**
 * Stages the rows of a checkpoint that already has results in a temporary table (dropped at
 * commit) and compares them with what is stored. Returns the external ids of the problems whose
 * stored counts differ, in id order; nothing is written to `results` yet.
 */
export async function stageAndCompare(
  tx: Tx,
  checkpointId: number,
  rows: readonly ResultRowInput[],
): Promise<{ differing: string[]; unchanged: number }> {
  await tx.$executeRawUnsafe(CREATE_STAGE);
  await tx.$executeRawUnsafe(`TRUNCATE "import_stage"`);
  await insertChunks(tx, INSERT_STAGE, [], rows);
  const differing = await tx.$queryRawUnsafe<{ external_id: string }[]>(
    `SELECT p."external_id" FROM "import_stage" s
     JOIN "results" r ON r."checkpoint_id" = $1 AND r."problem_id" = s."problem_id"
     JOIN "problems" p ON p."id" = s."problem_id"
     WHERE ${DIFFERS} ORDER BY p."external_id"`,
    checkpointId,
  );
  const [{ count }] = await tx.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS "count" FROM "import_stage" s
     JOIN "results" r ON r."checkpoint_id" = $1 AND r."problem_id" = s."problem_id" WHERE NOT ${DIFFERS}`,
    checkpointId,
  );
  return { differing: differing.map((row) => row.external_id), unchanged: count };
}

/**
 * Writes the staged rows (see {@link stageAndCompare}) into the checkpoint: new problems are
 * inserted, identical rows left alone, differing rows overwritten (the caller decides whether
 * that is allowed).
 */
export async function mergeStaged(
  tx: Tx,
  checkpointId: number,
  staged: { differing: string[]; unchanged: number },
  total: number,
): Promise<ResultWriteCounts> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "results" AS r ("checkpoint_id", ${NAMES.join(", ")})
     SELECT $1, s.* FROM "import_stage" s
     ON CONFLICT ("checkpoint_id", "problem_id") DO UPDATE SET
       ${VALUE_NAMES.map((name) => `${name} = EXCLUDED.${name}`).join(", ")}
     WHERE ${differs("r", "EXCLUDED")}`,
    checkpointId,
  );
  const replaced = staged.differing.length;
  return { inserted: total - replaced - staged.unchanged, replaced, unchanged: staged.unchanged };
}
