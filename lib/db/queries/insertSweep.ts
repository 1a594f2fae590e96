import type { ProblemInput, SweepInput } from "../../domain/sweepInput";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { enqueueStatisticsJob } from "./enqueueStatisticsJob";
import { ResultBatch } from "./importResultBatch";
import { insertResultColumns } from "./importResults";

/** A JSON value as stored in import_batches.summary. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Where an import came from, as recorded in import_batches.source. */
export type ImportSource = "cli" | "api" | "web" | "demo";

/** The import_batches row to write with the sweep. */
export interface ImportRecord {
  source: ImportSource;
  fileName: string;
  format: string;
  /** sha256 hex of what was imported (file bytes, or the demo generator's options). */
  contentHash: string;
  /** Free-form facts about the import (e.g. parser notes), shown with its history. */
  summary?: { [key: string]: JsonValue };
}

export interface InsertSweepOptions {
  /** When an experiment with the same slug exists: refuse (default) or replace it whole. */
  ifExists?: "fail" | "replace";
  importRecord?: ImportRecord;
}

export interface InsertSweepResult {
  slug: string;
  /** True when an experiment with the same slug was deleted first. */
  replaced: boolean;
  checkpoints: number;
  problems: number;
  results: number;
  samples: number;
}

/** Refused because the slug is taken and the caller did not ask to replace. */
export class ExperimentExistsError extends Error {
  override name = "ExperimentExistsError";
  constructor(readonly slug: string) {
    super(`An experiment with slug "${slug}" already exists.`);
  }
}

type Tx = Prisma.TransactionClient;

/** Rows per multi-row INSERT: large enough to amortize round trips, small enough to bound memory. */
const RESULT_CHUNK_ROWS = 50_000;
/** A 41 × 5 000 sweep takes seconds; the default 5 s interactive-transaction limit is too tight. */
const TRANSACTION_TIMEOUT_MS = 300_000;

function checkReferences(sweep: SweepInput): void {
  const known = new Set<string>();
  for (const problem of sweep.problems) {
    if (known.has(problem.externalId)) throw new Error(`Problem ${problem.externalId} is listed twice.`);
    known.add(problem.externalId);
  }
  const alphas = new Set<number>();
  for (const checkpoint of sweep.checkpoints) {
    if (alphas.has(checkpoint.alpha)) throw new Error(`Checkpoint α = ${checkpoint.alpha} is listed twice.`);
    alphas.add(checkpoint.alpha);
    for (const result of checkpoint.results) {
      if (!known.has(result.problemExternalId)) {
        throw new Error(`α = ${checkpoint.alpha}: result for unknown problem ${result.problemExternalId}.`);
      }
    }
  }
}

/** The date part of an ISO date or timestamp, which is what the DATE column keeps. */
function contestDay(problem: ProblemInput): string | null {
  return problem.contestDate === null ? null : problem.contestDate.slice(0, 10);
}

/**
 * Upserts by (benchmark, external id). A re-import keeps what it already knew where the new data
 * has nothing (null fields, unknown difficulty) and takes the new value otherwise.
 */
async function upsertProblems(
  tx: Tx,
  benchmark: string,
  problems: ProblemInput[],
): Promise<Map<string, number>> {
  const rows = await tx.$queryRawUnsafe<{ id: number; external_id: string }[]>(
    `INSERT INTO "problems" ("benchmark", "external_id", "title", "difficulty", "platform", "contest_date")
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[])
     ON CONFLICT ("benchmark", "external_id") DO UPDATE SET
       "title" = COALESCE(EXCLUDED."title", "problems"."title"),
       "difficulty" = CASE WHEN EXCLUDED."difficulty" = 'unknown' THEN "problems"."difficulty" ELSE EXCLUDED."difficulty" END,
       "platform" = COALESCE(EXCLUDED."platform", "problems"."platform"),
       "contest_date" = COALESCE(EXCLUDED."contest_date", "problems"."contest_date")
     RETURNING "id", "external_id"`,
    benchmark,
    problems.map((problem) => problem.externalId),
    problems.map((problem) => problem.title),
    problems.map((problem) => problem.difficulty),
    problems.map((problem) => problem.platform),
    problems.map(contestDay),
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}

async function insertCheckpoints(
  tx: Tx,
  experimentId: number,
  sweep: SweepInput,
): Promise<Map<number, number>> {
  const rows = await tx.$queryRawUnsafe<{ id: number; alpha: number }[]>(
    `INSERT INTO "checkpoints" ("experiment_id", "alpha", "label", "model")
     SELECT $1, * FROM unnest($2::float8[], $3::text[], $4::text[])
     RETURNING "id", "alpha"`,
    experimentId,
    sweep.checkpoints.map((checkpoint) => checkpoint.alpha),
    sweep.checkpoints.map((checkpoint) => checkpoint.label),
    sweep.checkpoints.map((checkpoint) => checkpoint.model),
  );
  return new Map(rows.map((row) => [row.alpha, row.id]));
}

/**
 * Writes every result of the sweep in chunks through the importer's column writer (one
 * `INSERT … SELECT FROM unnest` per chunk); returns how many rows and samples were written.
 */
async function insertResults(
  tx: Tx,
  sweep: SweepInput,
  checkpointIds: Map<number, number>,
  problemIds: Map<string, number>,
): Promise<{ rows: number; samples: number }> {
  const idOf = <K>(ids: Map<K, number>, key: K, what: string): number => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`${what} ${String(key)} was not stored.`);
    return id;
  };
  const checkpointIdByOrdinal = Int32Array.from(sweep.checkpoints, (c) =>
    idOf(checkpointIds, c.alpha, "Checkpoint α ="),
  );
  const problemIdByOrdinal = Int32Array.from(sweep.problems, (p) =>
    idOf(problemIds, p.externalId, "Problem"),
  );
  const problemOrdinal = new Map(sweep.problems.map((problem, index) => [problem.externalId, index]));
  let batch = new ResultBatch(RESULT_CHUNK_ROWS);
  let rows = 0;
  let samples = 0;
  const flush = async () => {
    const { columns } = batch.toColumns(checkpointIdByOrdinal, problemIdByOrdinal, () => true);
    await insertResultColumns(tx, columns, false);
    batch = new ResultBatch(RESULT_CHUNK_ROWS);
  };
  for (const [ordinal, checkpoint] of sweep.checkpoints.entries()) {
    for (const result of checkpoint.results) {
      batch.push(ordinal, idOf(problemOrdinal, result.problemExternalId, "Problem"), result);
      rows++;
      samples += result.n;
      if (batch.full) await flush();
    }
  }
  if (batch.length > 0) await flush();
  return { rows, samples };
}

/**
 * Stores a whole experiment (its checkpoints, its results, the problems they refer to) in one
 * transaction: either all of it is stored or nothing is. Problems are shared across experiments of
 * a benchmark and upserted. Verdict counts that do not sum to n are refused by the database.
 */
export async function insertSweep(
  db: Db,
  sweep: SweepInput,
  options: InsertSweepOptions = {},
): Promise<InsertSweepResult> {
  checkReferences(sweep);
  const { experiment } = sweep;
  return db.$transaction(
    async (tx) => {
      const existing = await tx.experiment.findUnique({
        where: { slug: experiment.slug },
        select: { id: true },
      });
      if (existing && options.ifExists !== "replace") throw new ExperimentExistsError(experiment.slug);
      if (existing) await tx.experiment.delete({ where: { id: existing.id } });
      const { id: experimentId, version } = await tx.experiment.create({
        data: {
          slug: experiment.slug,
          name: experiment.name,
          description: experiment.description,
          benchmark: experiment.benchmark,
          setting: experiment.setting,
          modelFamily: experiment.modelFamily,
          modelScale: experiment.modelScale,
          synthetic: experiment.synthetic,
          endpointALabel: experiment.endpointA.label,
          endpointAModel: experiment.endpointA.model,
          endpointBLabel: experiment.endpointB.label,
          endpointBModel: experiment.endpointB.model,
        },
        select: { id: true, version: true },
      });
      const problemIds = await upsertProblems(tx, experiment.benchmark, sweep.problems);
      const checkpointIds = await insertCheckpoints(tx, experimentId, sweep);
      const { rows, samples } = await insertResults(tx, sweep, checkpointIds, problemIds);
      // Stores no statistics itself (the importer's writer does): a worker computes them all.
      await enqueueStatisticsJob(tx, experimentId, version);
      if (options.importRecord) {
        await tx.importBatch.create({
          data: {
            ...options.importRecord,
            experimentId,
            rowCount: rows,
            problemCount: sweep.problems.length,
            sampleCount: samples,
          },
        });
      }
      return {
        slug: experiment.slug,
        replaced: existing !== null,
        checkpoints: sweep.checkpoints.length,
        problems: sweep.problems.length,
        results: rows,
        samples,
      };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}
