import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { recordImportBatch, wasImported } from "../db/queries/importBatches";
import { findDifficultyConflicts, upsertImportProblems } from "../db/queries/importProblems";
import {
  canSkipReferenceTriggers,
  clearImportStage,
  compareStaged,
  mergeStaged,
  type ResultWriteCounts,
} from "../db/queries/importResults";
import { summarizeImportedRows } from "../db/queries/importSummary";
import { findOrCreateExperiment, type ImportCheckpoint, touchExperiment } from "../db/queries/importTargets";
import type { ImportSource } from "../db/queries/insertSweep";
import { formatAlpha } from "../domain/alpha";
import type { ProblemInput } from "../domain/sweepInput";
import { ImportConflictError, listProblems } from "./conflicts";
import type { ImportPlan, PlannedFile } from "./plan";
import type { CheckpointReport, FileReport, ImportReport } from "./report";
import { ResultWriter, type WriteTarget } from "./resultWriter";
import { recordStatistics } from "./statistics/record";
import { type StreamedFile, streamFile } from "./streamFile";
import { type ResultsSummary, summarizeByDifficulty } from "./summary";
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
 * Reads and writes an import plan in one transaction: all of it or nothing. Each file is parsed
 * while its rows are written, so a file that turns out invalid rolls everything back. Creates the
 * experiment and the checkpoints that are missing; skips a checkpoint whose content (same hash)
 * was already imported; refuses, naming the problems, results that differ from stored ones
 * (unless `replace`) and problem difficulties that contradict stored ones; records one
 * import_batches row per file and checkpoint; when anything was imported, gives the experiment a new
 * version with its point statistics and enqueues the job that computes the rest (see
 * recordStatistics). Throws ImportValidationError (ImportConflictError for conflicts).
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
  // The commit need not wait for its WAL to reach disk: a crash right after it could lose the
  // import as a whole, never half of it, and saves the final flush of a large import.
  await tx.$executeRawUnsafe(`SET LOCAL synchronous_commit = off`);
  const experiment = await findOrCreateExperiment(tx, plan.experiment);
  const skipReferenceTriggers = await canSkipReferenceTriggers(tx);
  const files: FileReport[] = [];
  const fileProblems: ProblemInput[][] = [];
  for (const planned of plan.files) {
    const target = {
      experimentId: experiment.id,
      benchmark: experiment.benchmark,
      label: planned.entry.label ?? null,
      model: planned.entry.model ?? null,
      skipReferenceTriggers,
    };
    const written = await writeFile(tx, target, planned, options);
    files.push(written.report);
    fileProblems.push(written.problems);
  }
  const imported = files.some((file) =>
    file.checkpoints.some((checkpoint) => checkpoint.status === "imported"),
  );
  if (imported) {
    const version = await touchExperiment(tx, experiment.id);
    // A dry run rolls back: nothing to serve, nothing to compute.
    if (!options.dryRun) await recordStatistics(tx, { id: experiment.id, slug: experiment.slug, version });
  }
  return {
    dryRun: options.dryRun,
    status: imported ? "imported" : "unchanged",
    experiment: { slug: experiment.slug, name: experiment.name, created: experiment.created },
    files,
    totals: reportTotals(fileProblems, files),
  };
}

/** Streams a file's rows into the database through a {@link ResultWriter}. */
async function streamRows(tx: Tx, target: WriteTarget, planned: PlannedFile) {
  await clearImportStage(tx);
  const writer = new ResultWriter(tx, target);
  try {
    const file = await streamFile(planned, writer);
    await writer.finish();
    return { file, writer };
  } finally {
    // A failed parse must not leave a statement running on the transaction it rolls back.
    await writer.settle();
  }
}

/**
 * One file's checkpoints with their totals (by checkpoint id): as the writer added them up, or,
 * when a problem's difficulty came after its first row, read back from the rows just written.
 */
async function summarize(
  tx: Tx,
  file: StreamedFile,
  writer: ResultWriter,
  targets: readonly ImportCheckpoint[],
): Promise<Map<number, ResultsSummary>> {
  const difficultyOf = new Map(file.problems.map((problem) => [problem.externalId, problem.difficulty]));
  const finalDifficulty = (problem: string) => difficultyOf.get(problem) ?? "unknown";
  const added = writer.summaries(
    targets.map((t) => t.alpha),
    finalDifficulty,
  );
  if (added) return new Map(targets.map((t) => [t.id, added.get(t.alpha) as ResultsSummary]));
  const { names, ids } = writer.problems();
  const groups = await summarizeImportedRows(
    tx,
    {
      stored: targets.filter((t) => t.created).map((t) => t.id),
      staged: targets.filter((t) => !t.created).map((t) => t.id),
    },
    { ids, difficulties: names.map(finalDifficulty) },
  );
  return new Map(
    targets.map((t) => [t.id, summarizeByDifficulty(groups.filter((group) => group.checkpointId === t.id))]),
  );
}

async function writeFile(
  tx: Tx,
  target: WriteTarget,
  planned: PlannedFile,
  options: WriteOptions,
): Promise<{ report: FileReport; problems: ProblemInput[] }> {
  const { file, writer } = await streamRows(tx, target, planned);
  const targets: { alpha: number; checkpoint: ImportCheckpoint; done: boolean }[] = [];
  for (const { alpha } of file.checkpoints) {
    const checkpoint = await writer.checkpoint(alpha);
    const done = !checkpoint.created && (await wasImported(tx, checkpoint.id, file.contentHash));
    targets.push({ alpha, checkpoint, done });
  }
  if (targets.some((t) => !t.done)) await storeProblems(tx, target.benchmark, file);
  const summaries = await summarize(
    tx,
    file,
    writer,
    targets.map((t) => t.checkpoint),
  );
  const checkpoints: CheckpointReport[] = [];
  for (const { alpha, checkpoint, done } of targets) {
    const summary = summaries.get(checkpoint.id) as ResultsSummary;
    const counts = done
      ? { inserted: 0, replaced: 0, unchanged: summary.problems }
      : await writeCounts(tx, file, checkpoint, summary.problems, options.replace);
    if (!done) {
      await recordImportBatch(tx, {
        experimentId: target.experimentId,
        checkpointId: checkpoint.id,
        source: options.source,
        fileName: file.file,
        format: file.format,
        contentHash: file.contentHash,
        rowCount: summary.problems,
        problemCount: summary.problems,
        sampleCount: summary.samples,
        replacedRows: counts.replaced,
        summary: { alpha, verdicts: summary.verdicts, passAt1: summary.passAt1, notes: file.notes },
      });
    }
    checkpoints.push({
      alpha,
      created: checkpoint.created,
      status: done ? "unchanged" : "imported",
      ...summary,
      ...counts,
    });
  }
  const report = {
    file: file.file,
    format: file.format,
    contentHash: file.contentHash,
    notes: file.notes,
    checkpoints,
  };
  return { report, problems: file.problems };
}

/** Refuses contradicting difficulties, then completes the metadata of the file's problems. */
async function storeProblems(tx: Tx, benchmark: string, file: StreamedFile): Promise<void> {
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
  await upsertImportProblems(tx, benchmark, file.problems);
}

/**
 * What writing did to a checkpoint's rows: a checkpoint this file created got them all inserted;
 * one that existed has its staged rows compared with what it stores, then merged.
 */
async function writeCounts(
  tx: Tx,
  file: StreamedFile,
  checkpoint: ImportCheckpoint,
  rows: number,
  replace: boolean,
): Promise<ResultWriteCounts> {
  if (checkpoint.created) return { inserted: rows, replaced: 0, unchanged: 0 };
  const staged = await compareStaged(tx, checkpoint.id);
  if (staged.differing.length > 0 && !replace) {
    throw new ImportConflictError({
      file: file.file,
      field: "problem",
      message:
        `α = ${formatAlpha(checkpoint.alpha)} already has different results for ${staged.differing.length} problem(s): ` +
        `${listProblems(staged.differing)}; use --replace to overwrite them`,
    });
  }
  return mergeStaged(tx, checkpoint.id, staged, rows);
}
