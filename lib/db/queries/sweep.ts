import type { ExperimentHeader } from "../../contracts/types";
import { clusterKeys } from "../../domain/clusterBy";
import {
  compareTrained,
  emptyCheckpointColumns,
  emptyTrainedColumns,
  type ResultColumns,
  type SweepMatrix,
  type SweepProblem,
  type TrainedColumns,
} from "../../domain/sweep";
import type { Prisma } from "../generated/prisma/client";
import { storedClusterBy, storedDifficulty, storedSetting } from "./statistics";

/** The experiment's metadata, or null when no live experiment has that slug. */
export async function getExperimentHeader(
  db: Prisma.TransactionClient,
  slug: string,
): Promise<ExperimentHeader | null> {
  const row = await db.experiment.findFirst({ where: { slug, deletedAt: null } });
  if (!row) return null;
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    benchmark: row.benchmark,
    setting: storedSetting(row.setting),
    modelFamily: row.modelFamily,
    modelScale: row.modelScale,
    synthetic: row.synthetic,
    clusterBy: storedClusterBy(row.clusterBy),
    endpoints: {
      a: { label: row.endpointALabel, model: row.endpointAModel },
      b: { label: row.endpointBLabel, model: row.endpointBModel },
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Each result row packed by the server as nine big-endian int4 (problem id, n, the six verdict
 * counts, runtime count) and one float8 (runtime mean, NaN when unknown). A whole checkpoint then
 * arrives as one bytea value: decoding it is a tight loop, where a row per result or int arrays
 * would cost a parsed JavaScript value per number (seconds for a 41 × 5 000 sweep).
 */
const PACKED_RESULT = `int4send(r."problem_id") || int4send(r."n") || int4send(r."pass")
  || int4send(r."wrong_answer") || int4send(r."time_limit") || int4send(r."runtime_error")
  || int4send(r."compile_error") || int4send(r."other") || int4send(r."runtime_count")
  || float8send(COALESCE(r."runtime_mean_ms", 'NaN'))`;
const PACKED_RESULT_BYTES = 9 * 4 + 8;

/**
 * The live checkpoint rows of one experiment, α and trained ones (or, VERSION_CHECKPOINTS_QUERY,
 * those of one of its versions). The correlated subquery reads each checkpoint's results through
 * the primary key with no sort; checkpoints are ordered in JavaScript, because sorting here would
 * sort the packed values too.
 */
const CHECKPOINT_COLUMNS = `SELECT c."alpha", c."label", c."trained_label", c."coverage", c."model",
    (SELECT string_agg(${PACKED_RESULT}, ''::bytea) FROM "results" r WHERE r."checkpoint_id" = c."id") AS "packed"`;
const CHECKPOINTS_QUERY = `${CHECKPOINT_COLUMNS}
  FROM "checkpoints" c JOIN "experiments" e ON e."id" = c."experiment_id"
  WHERE e."slug" = $1 AND e."deleted_at" IS NULL AND c."retired_at" IS NULL`;
const VERSION_CHECKPOINTS_QUERY = `${CHECKPOINT_COLUMNS}
  FROM "checkpoints" c WHERE c."id" = ANY($1::int4[])`;

interface CheckpointRow {
  alpha: number | null;
  label: string | null;
  trained_label: string | null;
  coverage: number | null;
  model: string | null;
  packed: Uint8Array | null;
}

interface ProblemRow {
  id: number;
  external_id: string;
  title: string | null;
  difficulty: string;
  platform: string | null;
  contest_date: string | null;
}

function packedView(row: CheckpointRow): DataView {
  const bytes = row.packed ?? new Uint8Array(0);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Every problem id that appears in any checkpoint's packed results. */
function problemIdsOf(rows: CheckpointRow[]): number[] {
  const ids = new Set<number>();
  for (const row of rows) {
    const view = packedView(row);
    for (let offset = 0; offset < view.byteLength; offset += PACKED_RESULT_BYTES)
      ids.add(view.getInt32(offset));
  }
  return [...ids];
}

/** Fills `columns` from the row's packed results; results on problems outside the index are skipped. */
function fillColumns<Columns extends ResultColumns>(
  row: CheckpointRow,
  indexOfProblem: Map<number, number>,
  columns: Columns,
): Columns {
  const { verdicts } = columns;
  const view = packedView(row);
  for (let offset = 0; offset < view.byteLength; offset += PACKED_RESULT_BYTES) {
    // α rows' ids were all collected; a trained checkpoint's problems no α evaluated are left out.
    const i = indexOfProblem.get(view.getInt32(offset));
    if (i === undefined) continue;
    columns.n[i] = view.getInt32(offset + 4);
    verdicts.pass[i] = view.getInt32(offset + 8);
    verdicts.wrongAnswer[i] = view.getInt32(offset + 12);
    verdicts.timeLimit[i] = view.getInt32(offset + 16);
    verdicts.runtimeError[i] = view.getInt32(offset + 20);
    verdicts.compileError[i] = view.getInt32(offset + 24);
    verdicts.other[i] = view.getInt32(offset + 28);
    columns.runtimeCount[i] = view.getInt32(offset + 32);
    columns.runtimeMeanMs[i] = view.getFloat64(offset + 36);
  }
  return columns;
}

/** An old version of an experiment, as read back: the header it served and its checkpoints. */
export interface VersionContent {
  header: ExperimentHeader;
  checkpointIds: readonly number[];
}

/**
 * An experiment's header and its whole result matrix: the problems any live α checkpoint was
 * evaluated on, ordered by external id (code-unit order, as sweepInputToMatrix sorts), one column
 * set per live α checkpoint, ordered by α, and one per live trained checkpoint over the same
 * problems (its results on problems no α checkpoint evaluated are left out: it is compared with the
 * α path on the α path's problems). Null when no experiment has that slug. With `version`, that
 * version's header and checkpoints instead (retired ones included). Takes a transaction too, so
 * that what it reads is one consistent state.
 */
export async function loadSweepMatrix(
  db: Prisma.TransactionClient,
  slug: string,
  version?: VersionContent,
): Promise<{ header: ExperimentHeader; matrix: SweepMatrix } | null> {
  const header = version ? version.header : await getExperimentHeader(db, slug);
  if (!header) return null;
  const all = version
    ? await db.$queryRawUnsafe<CheckpointRow[]>(VERSION_CHECKPOINTS_QUERY, [...version.checkpointIds])
    : await db.$queryRawUnsafe<CheckpointRow[]>(CHECKPOINTS_QUERY, slug);
  const rows = all.filter((row): row is CheckpointRow & { alpha: number } => row.alpha !== null);
  rows.sort((a, b) => a.alpha - b.alpha);
  const trainedRows = all
    .flatMap((row) => (row.trained_label === null ? [] : [{ ...row, label: row.trained_label }]))
    .sort(compareTrained);
  const problemRows = await db.$queryRawUnsafe<ProblemRow[]>(
    `SELECT "id", "external_id", "title", "difficulty", "platform", to_char("contest_date", 'YYYY-MM-DD') AS "contest_date"
     FROM "problems" WHERE "id" = ANY($1::int4[]) ORDER BY "external_id" COLLATE "C"`,
    problemIdsOf(rows),
  );
  const problems: SweepProblem[] = problemRows.map((problem) => ({
    externalId: problem.external_id,
    title: problem.title,
    difficulty: storedDifficulty(problem.difficulty),
    platform: problem.platform,
    contestDate: problem.contest_date,
  }));
  const indexOfProblem = new Map(problemRows.map((problem, index) => [problem.id, index]));
  const size = problems.length;
  const checkpoints = rows.map((row) => fillColumns(row, indexOfProblem, emptyCheckpointColumns(row, size)));
  const matrix: SweepMatrix = { problems, checkpoints };
  if (trainedRows.length > 0) {
    matrix.trained = trainedRows.map(
      (row): TrainedColumns => fillColumns(row, indexOfProblem, emptyTrainedColumns(row, size)),
    );
  }
  if (header.clusterBy !== null)
    matrix.clusters = { by: header.clusterBy, keys: clusterKeys(problems, header.clusterBy) };
  return { header, matrix };
}
