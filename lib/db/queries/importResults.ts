import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** What happened to the rows of one checkpoint. */
export interface ResultWriteCounts {
  inserted: number;
  /** Rows that existed with other counts and were overwritten (only with `replace`). */
  replaced: number;
  /** Rows that existed with exactly the same counts: left as they were. */
  unchanged: number;
}

/** The columns of `results` in table order, as ResultBatch.toColumns sends them. */
const COLUMNS: [column: string, type: string][] = [
  ["checkpoint_id", "int4"],
  ["problem_id", "int4"],
  ["n", "int4"],
  ["pass", "int4"],
  ["wrong_answer", "int4"],
  ["time_limit", "int4"],
  ["runtime_error", "int4"],
  ["compile_error", "int4"],
  ["other", "int4"],
  ["runtime_count", "int4"],
  ["runtime_mean_ms", "float8"],
  ["runtime_min_ms", "float8"],
  ["runtime_max_ms", "float8"],
  ["dps_norm", "float8"],
];

const NAMES = COLUMNS.map(([column]) => `"${column}"`).join(", ");
const VALUE_NAMES = COLUMNS.slice(2).map(([column]) => `"${column}"`);
const UNNEST = `unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")})`;

/** SQL comparing a stored row with an incoming one on every value column (NULL-safe). */
function differs(stored: string, incoming: string): string {
  const list = (alias: string) => VALUE_NAMES.map((name) => `${alias}.${name}`).join(", ");
  return `(${list(stored)}) IS DISTINCT FROM (${list(incoming)})`;
}
const DIFFERS = differs("r", "s");

/** No constraints and no WAL: rows for checkpoints that already exist wait here for comparison. */
const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS "import_stage" (
  ${COLUMNS.map(([column, type]) => `"${column}" ${type}`).join(", ")}
) ON COMMIT DROP`;

/** Empties the transaction's staging table (created on first use, dropped at commit or rollback). */
export async function clearImportStage(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(CREATE_STAGE);
  await tx.$executeRawUnsafe(`TRUNCATE "import_stage"`);
}

/**
 * True when this session may set `session_replication_role` (a superuser, like the embedded
 * server's, or a role granted it), which lets {@link insertResultColumns} skip the per-row
 * foreign-key triggers.
 */
export async function canSkipReferenceTriggers(tx: Tx): Promise<boolean> {
  const [row] = await tx.$queryRawUnsafe<{ allowed: boolean }[]>(
    `SELECT has_parameter_privilege('session_replication_role', 'SET') AS "allowed"`,
  );
  return row.allowed;
}

/**
 * Inserts rows (one array literal per column, see ResultBatch.toColumns) into `results`. With
 * `skipReferenceTriggers`, PostgreSQL's foreign-key triggers are off for this one statement: they
 * run one lookup per row per key, about 85 % of the insert's cost. The caller must then
 * guarantee what they check: every problem id was read in this transaction with a lock that stops
 * its deletion (FOR KEY SHARE, as the trigger would take), and every checkpoint was created by it.
 * Primary key, NOT NULL and CHECK constraints apply as always.
 */
export async function insertResultColumns(
  tx: Tx,
  columns: string[],
  skipReferenceTriggers: boolean,
): Promise<void> {
  if (skipReferenceTriggers) await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
  await tx.$executeRawUnsafe(`INSERT INTO "results" (${NAMES}) SELECT * FROM ${UNNEST}`, ...columns);
  if (skipReferenceTriggers) await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = DEFAULT`);
}

/** Inserts rows (one array literal per column) into the staging table. */
export async function stageResultColumns(tx: Tx, columns: string[]): Promise<void> {
  await tx.$executeRawUnsafe(`INSERT INTO "import_stage" SELECT * FROM ${UNNEST}`, ...columns);
}

/**
 * Compares the staged rows of a checkpoint with what it stores. Returns the external ids of the
 * problems whose stored counts differ (in id order) and how many rows are stored identically;
 * nothing is written.
 */
export async function compareStaged(
  tx: Tx,
  checkpointId: number,
): Promise<{ differing: string[]; unchanged: number }> {
  const matched = `FROM "import_stage" s
     JOIN "results" r ON r."checkpoint_id" = s."checkpoint_id" AND r."problem_id" = s."problem_id"`;
  const differing = await tx.$queryRawUnsafe<{ external_id: string }[]>(
    `SELECT p."external_id" ${matched}
     JOIN "problems" p ON p."id" = s."problem_id"
     WHERE s."checkpoint_id" = $1 AND ${DIFFERS} ORDER BY p."external_id"`,
    checkpointId,
  );
  const [{ count }] = await tx.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS "count" ${matched} WHERE s."checkpoint_id" = $1 AND NOT ${DIFFERS}`,
    checkpointId,
  );
  return { differing: differing.map((row) => row.external_id), unchanged: count };
}

/**
 * Writes the staged rows of a checkpoint (see {@link compareStaged}) into `results`: new problems
 * are inserted, identical rows left alone, differing rows overwritten (the caller decides whether
 * that is allowed).
 */
export async function mergeStaged(
  tx: Tx,
  checkpointId: number,
  staged: { differing: string[]; unchanged: number },
  total: number,
): Promise<ResultWriteCounts> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "results" AS r (${NAMES})
     SELECT * FROM "import_stage" s WHERE s."checkpoint_id" = $1
     ON CONFLICT ("checkpoint_id", "problem_id") DO UPDATE SET
       ${VALUE_NAMES.map((name) => `${name} = EXCLUDED.${name}`).join(", ")}
     WHERE ${differs("r", "EXCLUDED")}`,
    checkpointId,
  );
  const replaced = staged.differing.length;
  return { inserted: total - replaced - staged.unchanged, replaced, unchanged: staged.unchanged };
}

/**
 * Copy-on-write of a checkpoint an import changes (see migration experiment_versions): retires it
 * and creates its successor (same α or trained label, label, coverage and model) holding the staged
 * rows and, for the problems the file does not name, the rows it stored. The retired checkpoint's
 * rows stay as they are for the versions that hold it. Returns the successor's id.
 */
export async function replaceStagedCheckpoint(tx: Tx, checkpointId: number): Promise<number> {
  const [successor] = await tx.$queryRawUnsafe<{ id: number }[]>(
    `WITH retired AS (
       UPDATE "checkpoints" SET "retired_at" = now() WHERE "id" = $1
       RETURNING "experiment_id", "alpha", "label", "trained_label", "coverage", "model")
     INSERT INTO "checkpoints" ("experiment_id", "alpha", "label", "trained_label", "coverage", "model")
     SELECT "experiment_id", "alpha", "label", "trained_label", "coverage", "model" FROM retired RETURNING "id"`,
    checkpointId,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "results" (${NAMES})
     SELECT $2::int4, s."problem_id", ${VALUE_NAMES.map((name) => `s.${name}`).join(", ")}
     FROM "import_stage" s WHERE s."checkpoint_id" = $1
     UNION ALL
     SELECT $2::int4, r."problem_id", ${VALUE_NAMES.map((name) => `r.${name}`).join(", ")}
     FROM "results" r WHERE r."checkpoint_id" = $1
       AND NOT EXISTS (SELECT 1 FROM "import_stage" s WHERE s."checkpoint_id" = $1 AND s."problem_id" = r."problem_id")`,
    checkpointId,
    successor.id,
  );
  return successor.id;
}
