import type { AuditActor } from "../contracts/audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { experimentTarget, recordAuditEvent } from "../db/queries/audit";
import { liveCheckpoints, recordExperimentVersion } from "../db/queries/experimentVersions";
import { findIdenticalCheckpoints } from "../db/queries/identicalCheckpoints";
import { type ImportSource, recordImportBatch, wasImported } from "../db/queries/importBatches";
import { findDifficultyConflicts, upsertImportProblems } from "../db/queries/importProblems";
import {
  canSkipReferenceTriggers,
  clearImportStage,
  compareStaged,
  mergeStaged,
  type ResultWriteCounts,
  replaceStagedCheckpoint,
} from "../db/queries/importResults";
import { summarizeImportedRows } from "../db/queries/importSummary";
import {
  findOrCreateExperiment,
  type ImportCheckpoint,
  type ImportExperiment,
  touchExperiment,
} from "../db/queries/importTargets";
import { formatAlpha } from "../domain/alpha";
import {
  type CheckpointChanges,
  checkpointChanges,
  describeChanged,
  noCheckpointChange,
} from "../domain/checkpointChanges";
import { type CheckpointKey, checkpointName } from "../domain/checkpointKey";
import type { ExperimentInput, ProblemInput } from "../domain/sweepInput";
import {
  CONFIRM_IDENTICAL_OPTION,
  IdenticalContentError,
  ImportConflictError,
  listProblems,
  REPLACE_OPTION,
} from "./conflicts";
import { ParsePool } from "./parsePool";
import type { ImportPlan, PlannedFile } from "./plan";
import { recordStatistics } from "./recordStatistics";
import type { CheckpointReport, FileReport, ImportReport } from "./report";
import { type CheckpointDetails, ResultWriter, type WriteTarget } from "./resultWriter";
import { type ResultSink, type StreamedFile, streamFile } from "./streamFile";
import { type ResultsSummary, summarizeByDifficulty } from "./summary";
import { reportTotals } from "./totals";

type Tx = Prisma.TransactionClient;

export interface WriteOptions {
  source: ImportSource;
  /** Who the audit trail and the version list name for this import. */
  actor: AuditActor;
  /** Overwrite stored results of the same (checkpoint, problem) that differ from the file's. */
  replace: boolean;
  /** Run every step, then roll back: the report says what would happen. */
  dryRun: boolean;
  /**
   * Import a checkpoint whose per-problem verdict counts equal another α's of the experiment
   * (refused otherwise: see {@link refuseIdenticalCheckpoints}).
   */
  confirmIdentical: boolean;
  /** The user an experiment this import creates belongs to (its owner); none without sign-in. */
  ownerId?: number | null;
  /**
   * Worker threads parsing the plan's files, several at once, while this thread writes them
   * (lib/import/parsePool.ts); 0 or absent: parsed on this thread, one after another. The stored
   * result is the same either way.
   */
  parseThreads?: number;
}

/** A large sweep takes a while; Prisma's default 5 s interactive-transaction limit is far too tight. */
export const WRITE_TRANSACTION = { timeout: 600_000, maxWait: 600_000 };

/** What a source's rows were, once every row went to the writer. */
export interface SourceRows {
  /** The file (or the generator) and its format, as import_batches records them. */
  file: string;
  format: string;
  /** The identity of the content: the same hash imported again into a checkpoint changes nothing. */
  contentHash: string;
  notes: string[];
  /** Every problem the rows name, with the metadata the source gives. */
  problems: ProblemInput[];
  /** The checkpoints of the rows, sorted by α (trained ones by label, after them). */
  checkpoints: { key: CheckpointKey }[];
}

/**
 * One file's rows for the writer: a planned file, parsed while its rows are written, or a sweep
 * held in memory (see writeSweep). Both take the same path into the database.
 */
export interface RowSource<Rows extends SourceRows = SourceRows> {
  /** Label and model (a trained one's coverage) of a checkpoint these rows create. */
  checkpointDetails(key: CheckpointKey): CheckpointDetails;
  /** Hands every row to the sink, then tells what the rows were. */
  stream(sink: ResultSink): Promise<Rows>;
}

/** A source once written: what its rows were and what writing did to each of its checkpoints. */
interface WrittenSource<Rows extends SourceRows> {
  rows: Rows;
  checkpoints: CheckpointReport[];
  /** The ids of the checkpoints whose rows this source wrote (status "imported"), by α or trained label. */
  written: Map<CheckpointKey, number>;
}

/** Thrown inside the transaction to roll a dry run back, carrying its report out. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/**
 * Reads and writes an import plan in one transaction: all of it or nothing. Each file is parsed
 * while its rows are written (with `parseThreads`, by worker threads, several files at once), so a
 * file that turns out invalid rolls everything back. Creates the
 * experiment and the checkpoints that are missing; skips a checkpoint whose content (same hash)
 * was already imported; refuses, naming the problems, results that differ from stored ones
 * (unless `replace`) and problem difficulties that contradict stored ones; records one
 * import_batches row per file and checkpoint; when anything was imported, gives the experiment a new
 * version with its point statistics and enqueues the job that computes the rest (see
 * recordStatistics). Throws ImportValidationError (ImportConflictError for conflicts).
 */
export async function writeImport(db: Db, plan: ImportPlan, options: WriteOptions): Promise<ImportReport> {
  const threads = Math.min(options.parseThreads ?? 0, plan.files.length);
  // The threads start parsing now, while the transaction begins.
  const pool = threads > 0 ? new ParsePool(plan.files, threads) : null;
  const sources = plan.files.map((planned, i) =>
    plannedSource(planned, pool ? (sink) => pool.stream(i, sink) : (sink) => streamFile(planned, sink)),
  );
  try {
    return await db.$transaction(async (tx) => {
      const report = await importInTransaction(tx, plan, sources, options);
      if (options.dryRun) throw new DryRunRollback(report);
      return report;
    }, WRITE_TRANSACTION);
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  } finally {
    await pool?.close();
  }
}

async function importInTransaction(
  tx: Tx,
  plan: ImportPlan,
  sources: RowSource<StreamedFile>[],
  options: WriteOptions,
): Promise<ImportReport> {
  const written = await writeSources(tx, plan.experiment, sources, options);
  const files: FileReport[] = written.files.map(({ rows, checkpoints }) => ({
    file: rows.file,
    format: rows.format,
    contentHash: rows.contentHash,
    notes: rows.notes,
    checkpoints,
  }));
  const { slug, name, created } = written.experiment;
  return {
    dryRun: options.dryRun,
    status: written.imported ? "imported" : "unchanged",
    experiment: { slug, name, created },
    files,
    totals: reportTotals(
      written.files.map(({ rows }) => rows.problems),
      files,
    ),
  };
}

/**
 * A planned file as rows to write, parsed (`stream`: here, or by a parse thread) as they are
 * written; one label and model for its checkpoints.
 */
function plannedSource(
  planned: PlannedFile,
  stream: (sink: ResultSink) => Promise<StreamedFile>,
): RowSource<StreamedFile> {
  const { entry } = planned;
  const details = {
    label: entry.label ?? null,
    model: entry.model ?? null,
    coverage: entry.trained?.coverage ?? null,
  };
  return { checkpointDetails: () => details, stream };
}

/**
 * Writes the sources' rows into the experiment (created from `experiment` when missing), inside
 * the caller's transaction; `imported` is false when every checkpoint already held its content.
 * When anything was imported, the experiment gets a new version with its point statistics and the
 * job that computes the rest (see recordStatistics), unless this is a dry run.
 */
export async function writeSources<Rows extends SourceRows>(
  tx: Tx,
  experiment: ExperimentInput,
  sources: readonly RowSource<Rows>[],
  options: Omit<WriteOptions, "dryRun"> & { dryRun?: boolean },
): Promise<{ experiment: ImportExperiment; files: WrittenSource<Rows>[]; imported: boolean }> {
  // The commit need not wait for its WAL to reach disk: a crash right after it could lose the
  // import as a whole, never half of it, and saves the final flush of a large import.
  await tx.$executeRawUnsafe(`SET LOCAL synchronous_commit = off`);
  const stored = await findOrCreateExperiment(tx, experiment, options.ownerId ?? null);
  if (stored.trashed) {
    // The slug stays reserved while its experiment is in the trash: writing into it would either
    // mix new results into deleted ones or lose the deleted ones for good.
    throw new ImportConflictError({
      file: `experiment "${stored.slug}"`,
      field: "experiment",
      message:
        `Experiment "${stored.slug}" is in the trash. Bring it back with \`alphascope restore ${stored.slug}\` ` +
        `(or POST /api/experiments/${stored.slug}/restore), or import under another slug.`,
    });
  }
  const before = await liveCheckpoints(tx, stored.id);
  const existing = new Set(before.map((checkpoint) => checkpoint.id));
  const skipReferenceTriggers = await canSkipReferenceTriggers(tx);
  const files: WrittenSource<Rows>[] = [];
  for (const source of sources) {
    const target = {
      experimentId: stored.id,
      benchmark: stored.benchmark,
      checkpointDetails: (key: CheckpointKey) => source.checkpointDetails(key),
      skipReferenceTriggers,
    };
    files.push(await writeSource(tx, target, source, { ...options, existing }));
  }
  const imported = files.some((file) =>
    file.checkpoints.some((checkpoint) => checkpoint.status === "imported"),
  );
  if (imported && !options.confirmIdentical)
    await refuseIdenticalCheckpoints(tx, stored.id, files, options.source);
  if (imported) {
    const version = await touchExperiment(tx, stored.id);
    // A dry run rolls back: nothing to serve, nothing to compute.
    if (!options.dryRun) await recordStatistics(tx, { id: stored.id, slug: stored.slug, version });
    const changes = checkpointChanges(before, await liveCheckpoints(tx, stored.id));
    await recordExperimentVersion(tx, { id: stored.id, slug: stored.slug, version }, options.actor, changes);
    await recordAuditEvent(tx, {
      actor: options.actor,
      action: describeChanged(changes, "replaced") !== "" ? "experiment.replace" : "experiment.import",
      target: experimentTarget(stored.slug),
      summary: importSummary(stored, files.length, changes),
    });
  }
  return { experiment: stored, files, imported };
}

/** The audit trail's line for an import: what it created, added and replaced. */
function importSummary(experiment: ImportExperiment, files: number, changes: CheckpointChanges): string {
  const added = describeChanged(changes, "added");
  const replaced = describeChanged(changes, "replaced");
  const parts = [
    added !== "" ? `added ${added}` : "",
    replaced !== "" ? `replaced ${replaced} (the old version keeps them)` : "",
    noCheckpointChange(changes) ? "no checkpoint changed" : "",
  ].filter((part) => part !== "");
  const into = experiment.created ? `new experiment "${experiment.slug}"` : `"${experiment.slug}"`;
  return `Imported ${files} file(s) into ${into}: ${parts.join("; ")}.`;
}

/**
 * Refuses (inside the import's transaction, which then stores nothing) a checkpoint this import
 * wrote whose per-problem verdict counts now equal another checkpoint's of the experiment: the same
 * problems with the same n and verdict counts for every one. Two α of a real sweep practically never
 * agree on every count; one file imported under two α always does.
 */
async function refuseIdenticalCheckpoints<Rows extends SourceRows>(
  tx: Tx,
  experimentId: number,
  files: readonly WrittenSource<Rows>[],
  source: ImportSource,
): Promise<void> {
  const ids = files.flatMap((file) => [...file.written.values()]);
  const [pair] = await findIdenticalCheckpoints(tx, experimentId, ids);
  if (!pair) return;
  const file = files.find((candidate) => candidate.written.has(pair.alpha))?.rows.file ?? "";
  throw new IdenticalContentError({
    file,
    field: "alpha",
    message:
      `α = ${formatAlpha(pair.alpha)} would have exactly the same per-problem verdict counts as α = ${formatAlpha(pair.same)} ` +
      `(the same file under two α?); ${CONFIRM_IDENTICAL_OPTION[source]}`,
  });
}

/** Streams a source's rows into the database through a {@link ResultWriter}. */
async function streamRows<Rows extends SourceRows>(tx: Tx, target: WriteTarget, source: RowSource<Rows>) {
  await clearImportStage(tx);
  const writer = new ResultWriter(tx, target);
  try {
    const rows = await source.stream(writer);
    await writer.finish();
    return { rows, writer };
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
  file: SourceRows,
  writer: ResultWriter,
  targets: readonly ImportCheckpoint[],
): Promise<Map<number, ResultsSummary>> {
  const difficultyOf = new Map(file.problems.map((problem) => [problem.externalId, problem.difficulty]));
  const finalDifficulty = (problem: string) => difficultyOf.get(problem) ?? "unknown";
  const added = writer.summaries(
    targets.map((t) => t.key),
    finalDifficulty,
  );
  if (added) return new Map(targets.map((t) => [t.id, added.get(t.key) as ResultsSummary]));
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

/** What writing a source needs besides the import's options: the checkpoints live before it began. */
type SourceOptions = Pick<WriteOptions, "replace" | "source"> & { existing: ReadonlySet<number> };

async function writeSource<Rows extends SourceRows>(
  tx: Tx,
  target: WriteTarget,
  source: RowSource<Rows>,
  options: SourceOptions,
): Promise<WrittenSource<Rows>> {
  const { rows: file, writer } = await streamRows(tx, target, source);
  const targets: { key: CheckpointKey; checkpoint: ImportCheckpoint; done: boolean }[] = [];
  for (const { key } of file.checkpoints) {
    const checkpoint = await writer.checkpoint(key);
    const done = !checkpoint.created && (await wasImported(tx, checkpoint.id, file.contentHash));
    targets.push({ key, checkpoint, done });
  }
  if (targets.some((t) => !t.done)) await storeProblems(tx, target.benchmark, file);
  const summaries = await summarize(
    tx,
    file,
    writer,
    targets.map((t) => t.checkpoint),
  );
  const checkpoints: CheckpointReport[] = [];
  const written = new Map<CheckpointKey, number>();
  for (const { key, checkpoint, done } of targets) {
    const alpha = typeof key === "number" ? key : null;
    const trained = typeof key === "string" ? key : null;
    const summary = summaries.get(checkpoint.id) as ResultsSummary;
    const { counts, checkpointId } = done
      ? { counts: { inserted: 0, replaced: 0, unchanged: summary.problems }, checkpointId: checkpoint.id }
      : await writeCounts(tx, file, checkpoint, summary.problems, options);
    if (!done) {
      written.set(key, checkpointId);
      await recordImportBatch(tx, {
        experimentId: target.experimentId,
        checkpointId,
        source: options.source,
        fileName: file.file,
        format: file.format,
        contentHash: file.contentHash,
        rowCount: summary.problems,
        problemCount: summary.problems,
        sampleCount: summary.samples,
        replacedRows: counts.replaced,
        summary: {
          alpha,
          ...(trained === null ? {} : { trained }),
          verdicts: summary.verdicts,
          passAt1: summary.passAt1,
          notes: file.notes,
        },
      });
    }
    checkpoints.push({
      alpha,
      trained,
      created: checkpoint.created,
      status: done ? "unchanged" : "imported",
      ...summary,
      ...counts,
    });
  }
  return { rows: file, checkpoints, written };
}

/** Refuses contradicting difficulties, then completes the metadata of the file's problems. */
async function storeProblems(tx: Tx, benchmark: string, file: SourceRows): Promise<void> {
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
 * What writing did to a checkpoint's rows, and the checkpoint that holds them now: a checkpoint
 * this file created got them all inserted; one that existed has its staged rows compared with what
 * it stores. A checkpoint live before this import began that the rows change is copied on write
 * (see replaceStagedCheckpoint), so the versions holding it keep reading what they read; one this
 * import made (an earlier file's) is merged into in place.
 */
async function writeCounts(
  tx: Tx,
  file: SourceRows,
  checkpoint: ImportCheckpoint,
  rows: number,
  { replace, source, existing }: SourceOptions,
): Promise<{ counts: ResultWriteCounts; checkpointId: number }> {
  if (checkpoint.created)
    return { counts: { inserted: rows, replaced: 0, unchanged: 0 }, checkpointId: checkpoint.id };
  const staged = await compareStaged(tx, checkpoint.id);
  if (staged.differing.length > 0 && !replace) {
    throw new ImportConflictError({
      file: file.file,
      field: "problem",
      message:
        `${checkpointName(checkpoint.key)} already has different results for ${staged.differing.length} problem(s): ` +
        `${listProblems(staged.differing)}; ${REPLACE_OPTION[source]}`,
    });
  }
  if (!existing.has(checkpoint.id))
    return { counts: await mergeStaged(tx, checkpoint.id, staged, rows), checkpointId: checkpoint.id };
  const replaced = staged.differing.length;
  const counts = { inserted: rows - replaced - staged.unchanged, replaced, unchanged: staged.unchanged };
  if (counts.inserted === 0 && replaced === 0) return { counts, checkpointId: checkpoint.id };
  return { counts, checkpointId: await replaceStagedCheckpoint(tx, checkpoint.id) };
}
