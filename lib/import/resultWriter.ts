import type { Prisma } from "../db/generated/prisma/client";
import { ensureImportProblems } from "../db/queries/importProblems";
import { ResultBatch } from "../db/queries/importResultBatch";
import { insertResultColumns, stageResultColumns } from "../db/queries/importResults";
import { findOrCreateCheckpoint, type ImportCheckpoint } from "../db/queries/importTargets";
import type { CheckpointKey } from "../domain/checkpointKey";
import type { Difficulty } from "../domain/difficulty";
import type { ResultInput } from "../domain/sweepInput";
import type { ResultSink } from "./streamFile";
import { type ResultsSummary, SummaryAccumulator } from "./summary";

type Tx = Prisma.TransactionClient;

/** Rows per statement: enough to amortize a round trip, few enough to keep memory flat (~4 MB). */
const BATCH_ROWS = 50_000;

/** Label and model of a checkpoint (and a trained one's coverage), given when it is created. */
export interface CheckpointDetails {
  label: string | null;
  model: string | null;
  coverage: number | null;
}

/** Where one file's rows go. */
export interface WriteTarget {
  experimentId: number;
  benchmark: string;
  /** Label and model of a checkpoint this file creates. */
  checkpointDetails(key: CheckpointKey): CheckpointDetails;
  /** See insertResultColumns: the session may turn foreign-key triggers off for bulk inserts. */
  skipReferenceTriggers: boolean;
}

/** A growable Int32Array: `ensure` returns one long enough for `index`. */
function ensureLength(values: Int32Array, index: number): Int32Array {
  if (index < values.length) return values;
  const grown = new Int32Array(Math.max(index + 1, values.length * 2));
  grown.set(values);
  return grown;
}

/**
 * Writes one file's rows while it is still being read: rows are collected in batches of typed
 * arrays and each full batch is written while the next is parsed (one statement in flight at a
 * time). Problems and checkpoints are resolved to ids when their first batch is written. Rows of
 * a checkpoint this file creates go straight into `results`; rows of one that existed before wait
 * in the staging table, to be compared with what it stores.
 */
export class ResultWriter implements ResultSink {
  private readonly problemOrdinals = new Map<string, number>();
  private readonly problemNames: string[] = [];
  /** The difficulty each problem had at its first row. */
  private readonly firstDifficulties: Difficulty[] = [];
  private readonly totals = new SummaryAccumulator();
  private problemIds: Int32Array = new Int32Array(1024);
  private resolvedProblems = 0;
  private readonly checkpointOrdinals = new Map<CheckpointKey, number>();
  private readonly keys: CheckpointKey[] = [];
  private checkpointIds: Int32Array = new Int32Array(16);
  private readonly checkpoints: ImportCheckpoint[] = [];
  private batch: ResultBatch | null = null;
  private readonly full: ResultBatch[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly tx: Tx,
    private readonly target: WriteTarget,
  ) {}

  add(key: CheckpointKey, result: ResultInput, difficulty: Difficulty): void {
    let problem = this.problemOrdinals.get(result.problemExternalId);
    if (problem === undefined) {
      problem = this.problemNames.length;
      this.problemOrdinals.set(result.problemExternalId, problem);
      this.problemNames.push(result.problemExternalId);
      this.firstDifficulties.push(difficulty);
    }
    const checkpoint = this.checkpointOrdinal(key);
    this.totals.add(checkpoint, difficulty, result);
    this.batch ??= new ResultBatch(BATCH_ROWS);
    this.batch.push(checkpoint, problem, result);
    if (this.batch.full) {
      this.full.push(this.batch);
      this.batch = null;
    }
  }

  /** Starts writing the full batches, each once the previous statement is done. */
  async afterChunk(): Promise<void> {
    while (this.full.length > 0) {
      await this.writing;
      const batch = this.full.shift() as ResultBatch;
      this.writing = this.write(batch);
      // Marked handled here; the failure is rethrown to whoever awaits `writing` next.
      this.writing.catch(() => undefined);
    }
  }

  /** Writes what is left and waits for every statement. */
  async finish(): Promise<void> {
    if (this.batch) this.full.push(this.batch);
    this.batch = null;
    await this.afterChunk();
    await this.writing;
  }

  /** Waits for the statement in flight, ignoring its outcome (before a failed file rolls back). */
  async settle(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  /** The checkpoint of `key` (found or created now when no row named it). */
  async checkpoint(key: CheckpointKey): Promise<ImportCheckpoint> {
    const ordinal = this.checkpointOrdinal(key);
    await this.resolveCheckpoints();
    return this.checkpoints[ordinal];
  }

  /**
   * The summary of each of `keys`' rows, added up as they were read; null when some problem got
   * its difficulty (`finalDifficulty`) only after its first row, which then counted as unknown.
   */
  summaries(
    keys: readonly CheckpointKey[],
    finalDifficulty: (problem: string) => Difficulty,
  ): Map<CheckpointKey, ResultsSummary> | null {
    const late = this.problemNames.some((name, i) => finalDifficulty(name) !== this.firstDifficulties[i]);
    if (late) return null;
    return new Map(keys.map((key) => [key, this.totals.summary(this.checkpointOrdinal(key))]));
  }

  /** Every problem a row named, with its id (after {@link finish}). */
  problems(): { names: string[]; ids: number[] } {
    return {
      names: this.problemNames,
      ids: Array.from(this.problemIds.subarray(0, this.problemNames.length)),
    };
  }

  private checkpointOrdinal(key: CheckpointKey): number {
    let ordinal = this.checkpointOrdinals.get(key);
    if (ordinal === undefined) {
      ordinal = this.keys.length;
      this.checkpointOrdinals.set(key, ordinal);
      this.keys.push(key);
    }
    return ordinal;
  }

  private async write(batch: ResultBatch): Promise<void> {
    await this.resolveProblems();
    await this.resolveCheckpoints();
    const fresh = (ordinal: number) => this.checkpoints[ordinal].created;
    const direct = batch.toColumns(this.checkpointIds, this.problemIds, fresh);
    if (direct.rows > 0)
      await insertResultColumns(this.tx, direct.columns, this.target.skipReferenceTriggers);
    if (direct.rows === batch.length) return;
    const staged = batch.toColumns(this.checkpointIds, this.problemIds, (ordinal) => !fresh(ordinal));
    await stageResultColumns(this.tx, staged.columns);
  }

  private async resolveProblems(): Promise<void> {
    const names = this.problemNames.slice(this.resolvedProblems);
    if (names.length === 0) return;
    const ids = await ensureImportProblems(this.tx, this.target.benchmark, names);
    this.problemIds = ensureLength(this.problemIds, this.problemNames.length);
    names.forEach((name, i) => {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`Problem ${name} was not stored.`);
      this.problemIds[this.resolvedProblems + i] = id;
    });
    this.resolvedProblems += names.length;
  }

  private async resolveCheckpoints(): Promise<void> {
    const { experimentId, checkpointDetails } = this.target;
    while (this.checkpoints.length < this.keys.length) {
      const ordinal = this.checkpoints.length;
      const key = this.keys[ordinal];
      const checkpoint = await findOrCreateCheckpoint(this.tx, experimentId, key, checkpointDetails(key));
      this.checkpointIds = ensureLength(this.checkpointIds, ordinal);
      this.checkpointIds[ordinal] = checkpoint.id;
      this.checkpoints.push(checkpoint);
    }
  }
}
