import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { recordImportBatch, wasImported } from "../db/queries/importBatches";
import { findDifficultyConflicts, upsertImportProblems } from "../db/queries/importProblems";
import {
  hasResults,
  insertFreshResults,
  mergeStaged,
  type ResultRowInput,
  type ResultWriteCounts,
  stageAndCompare,
} from "../db/queries/importResults";
import {
  findOrCreateCheckpoint,
  findOrCreateExperiment,
  type ImportCheckpoint,
  touchExperiment,
} from "../db/queries/importTargets";
import type { ImportSource } from "../db/queries/insertSweep";
import { formatAlpha } from "../domain/alpha";
import { ImportConflictError, listProblems } from "./conflicts";
import type { ImportPlan, PlannedCheckpoint, PlannedFile } from "./plan";
import type { CheckpointReport, FileReport, ImportReport } from "./report";
import { summarizeResults } from "./summary";
import { reportTotals } from "./totals";

type Tx = Prisma.TransactionClient;

export interface WriteOptions {
  source: ImportSource;
  /** Overwrite stored results of the same (checkpoint, problem) that differ from the file's. */
  replace: boolean;
  /** Run every step, then roll back: the report says what would happen. */
  dryRun: boolean;
}

/** A large sweep takes a while; Prisma's default 5 s interactive-transaction limit is far too tight. */
const TRANSACTION_TIMEOUT_MS = 600_000;

/** Thrown inside the transaction to roll a dry run back, carrying its report out. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/**
 * Writes an import plan in one transaction: all of it or nothing. Creates the experiment and the
 * checkpoints that are missing; skips a checkpoint whose content (same hash) was already imported;
 * refuses, naming the problems, results that differ from stored ones (unless `replace`) and problem
 * difficulties that contradict stored ones; records one import_batches row per file and
 * checkpoint; moves the experiment's updated_at so cached views reload.
 */
export async function writeImport(db: Db, plan: ImportPlan, options: WriteOptions): Promise<ImportReport> {
  try {
    return await db.$transaction(
      async (tx) => {
        const report = await writeInTransaction(tx, plan, options);
        if (options.dryRun) throw new DryRunRollback(report);
        return report;
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

async function writeInTransaction(tx: Tx, plan: ImportPlan, options: WriteOptions): Promise<ImportReport> {
  const experiment = await findOrCreateExperiment(tx, plan.experiment);
  const files: FileReport[] = [];
  for (const file of plan.files)
    files.push(await writeFile(tx, experiment.id, experiment.benchmark, file, options));
  const imported = files.some((file) =>
    file.checkpoints.some((checkpoint) => checkpoint.status === "imported"),
  );
  if (imported) await touchExperiment(tx, experiment.id);
  return {
    dryRun: options.dryRun,
    status: imported ? "imported" : "unchanged",
    experiment: { slug: experiment.slug, name: experiment.name, created: experiment.created },
    files,
    totals: reportTotals(plan.files, files),
  };
}

async function writeFile(
  tx: Tx,
  experimentId: number,
  benchmark: string,
  file: PlannedFile,
  options: WriteOptions,
): Promise<FileReport> {
  const targets: { planned: PlannedCheckpoint; checkpoint: ImportCheckpoint; done: boolean }[] = [];
  for (const planned of file.checkpoints) {
    const checkpoint = await findOrCreateCheckpoint(tx, experimentId, planned.alpha, {
      label: planned.label,
      model: planned.model,
    });
    const done = !checkpoint.created && (await wasImported(tx, checkpoint.id, file.contentHash));
    targets.push({ planned, checkpoint, done });
  }
  const problemIds = targets.some((target) => !target.done)
    ? await storeProblems(tx, benchmark, file)
    : new Map();
  const checkpoints: CheckpointReport[] = [];
  for (const { planned, checkpoint, done } of targets) {
    const summary = summarizeResults(planned.results, file.problems);
    const counts = done
      ? { inserted: 0, replaced: 0, unchanged: planned.results.length }
      : await writeResults(tx, file, checkpoint, toRows(planned, problemIds), options.replace);
    if (!done) {
      await recordImportBatch(tx, {
        experimentId,
        checkpointId: checkpoint.id,
        source: options.source,
        fileName: file.file,
        format: file.format,
        contentHash: file.contentHash,
        rowCount: planned.results.length,
        problemCount: summary.problems,
        sampleCount: summary.samples,
        replacedRows: counts.replaced,
        summary: {
          alpha: planned.alpha,
          verdicts: summary.verdicts,
          passAt1: summary.passAt1,
          notes: file.notes,
        },
      });
    }
    checkpoints.push({
      alpha: planned.alpha,
      created: checkpoint.created,
      status: done ? "unchanged" : "imported",
      ...summary,
      ...counts,
    });
  }
  return {
    file: file.file,
    format: file.format,
    contentHash: file.contentHash,
    notes: file.notes,
    checkpoints,
  };
}

async function storeProblems(tx: Tx, benchmark: string, file: PlannedFile): Promise<Map<string, number>> {
  const conflicts = await findDifficultyConflicts(tx, benchmark, file.problems);
  if (conflicts.length > 0) {
    const first = conflicts[0];
    throw new ImportConflictError({
      file: file.file,
      field: "difficulty",
      message:
        `${conflicts.length} problem(s) have a difficulty that contradicts the stored one ` +
        `(e.g. ${JSON.stringify(first.externalId)}: stored ${first.stored}, file ${first.incoming}): ` +
        `${listProblems(conflicts.map((conflict) => conflict.externalId))}`,
    });
  }
  return upsertImportProblems(tx, benchmark, file.problems);
}

function toRows(planned: PlannedCheckpoint, problemIds: Map<string, number>): ResultRowInput[] {
  return planned.results.map((result) => {
    const problemId = problemIds.get(result.problemExternalId);
    if (problemId === undefined) throw new Error(`Problem ${result.problemExternalId} was not stored.`);
    return { problemId, result };
  });
}

async function writeResults(
  tx: Tx,
  file: PlannedFile,
  checkpoint: ImportCheckpoint,
  rows: ResultRowInput[],
  replace: boolean,
): Promise<ResultWriteCounts> {
  if (checkpoint.created || !(await hasResults(tx, checkpoint.id)))
    return insertFreshResults(tx, checkpoint.id, rows);
  const staged = await stageAndCompare(tx, checkpoint.id, rows);
  if (staged.differing.length > 0 && !replace) {
    throw new ImportConflictError({
      file: file.file,
      field: "problem",
      message:
        `α = ${formatAlpha(checkpoint.alpha)} already has different results for ${staged.differing.length} problem(s): ` +
        `${listProblems(staged.differing)}; use --replace to overwrite them`,
    });
  }
  return mergeStaged(tx, checkpoint.id, staged, rows.length);
}
