import type { Db } from "../db/client";
import { destroyExperiment } from "../db/queries/experiments";
import type { ImportSource } from "../db/queries/importBatches";
import type { Difficulty } from "../domain/difficulty";
import type { SweepInput } from "../domain/sweepInput";
import { type RowSource, type SourceRows, WRITE_TRANSACTION, writeSources } from "./write";

/** How import_batches records a sweep written from memory, in place of a file's name, format and hash. */
export interface SweepRecord {
  source: ImportSource;
  file: string;
  format: string;
  contentHash: string;
  notes: string[];
}

/** What {@link writeSweep} stored. */
export interface WrittenSweep {
  slug: string;
  /** True when an experiment with the same slug was deleted first. */
  replaced: boolean;
  /** α checkpoints. */
  checkpoints: number;
  /** Trained checkpoints. */
  trained: number;
  problems: number;
  results: number;
  samples: number;
}

/**
 * The sweep's rows for the importer's writer, each with its problem's difficulty and each
 * checkpoint with its own label and model. Throws on a problem or an α listed twice and on a result
 * for a problem the sweep does not list (inside the transaction, which then stores nothing).
 */
function sweepSource(sweep: SweepInput, record: SweepRecord): RowSource {
  return {
    checkpointDetails(key) {
      if (typeof key === "string") {
        const trained = sweep.trained?.find((candidate) => candidate.label === key);
        return { label: null, model: trained?.model ?? null, coverage: trained?.coverage ?? null };
      }
      const checkpoint = sweep.checkpoints.find((candidate) => candidate.alpha === key);
      return { label: checkpoint?.label ?? null, model: checkpoint?.model ?? null, coverage: null };
    },
    async stream(sink): Promise<SourceRows> {
      const difficulties = new Map<string, Difficulty>();
      for (const problem of sweep.problems) {
        if (difficulties.has(problem.externalId))
          throw new Error(`Problem ${problem.externalId} is listed twice.`);
        difficulties.set(problem.externalId, problem.difficulty);
      }
      const alphas = new Set<number>();
      for (const { alpha, results } of sweep.checkpoints) {
        if (alphas.has(alpha)) throw new Error(`Checkpoint α = ${alpha} is listed twice.`);
        alphas.add(alpha);
        for (const result of results) {
          const difficulty = difficulties.get(result.problemExternalId);
          if (difficulty === undefined)
            throw new Error(`α = ${alpha}: result for unknown problem ${result.problemExternalId}.`);
          sink.add(alpha, result, difficulty);
        }
        // Lets the writer send the batches this checkpoint filled.
        await sink.afterChunk();
      }
      const labels = new Set<string>();
      for (const { label, results } of sweep.trained ?? []) {
        if (labels.has(label))
          throw new Error(`Trained checkpoint ${JSON.stringify(label)} is listed twice.`);
        labels.add(label);
        for (const result of results) {
          const difficulty = difficulties.get(result.problemExternalId);
          if (difficulty === undefined)
            throw new Error(
              `Trained ${JSON.stringify(label)}: result for unknown problem ${result.problemExternalId}.`,
            );
          sink.add(label, result, difficulty);
        }
        await sink.afterChunk();
      }
      return {
        ...record,
        problems: sweep.problems,
        checkpoints: [
          ...[...alphas].sort((a, b) => a - b).map((alpha) => ({ key: alpha })),
          ...[...labels].map((label) => ({ key: label })),
        ],
      };
    },
  };
}

/**
 * Stores a whole sweep held in memory (the demo's) the way an import stores a file, through the
 * same writer, checks and import_batches records, in one transaction: all of it or nothing. A live
 * experiment with the same slug is replaced whole (one in the trash is refused). Problems are
 * shared per benchmark: a stored problem only gains metadata it lacked, and a contradicting
 * difficulty is refused.
 */
export function writeSweep(db: Db, sweep: SweepInput, record: SweepRecord): Promise<WrittenSweep> {
  return db.$transaction(async (tx) => {
    const replaced = await destroyExperiment(tx, sweep.experiment.slug);
    // A sweep held in memory (the demo, tests) lists each α once by construction: no file can have
    // been given two α, so equal checkpoints are its author's intent.
    const options = {
      source: record.source,
      actor: "system" as const,
      replace: false,
      confirmIdentical: true,
    };
    const { files } = await writeSources(tx, sweep.experiment, [sweepSource(sweep, record)], options);
    const checkpoints = files.flatMap((file) => file.checkpoints);
    return {
      slug: sweep.experiment.slug,
      replaced,
      checkpoints: checkpoints.filter((checkpoint) => checkpoint.trained === null).length,
      trained: checkpoints.filter((checkpoint) => checkpoint.trained !== null).length,
      problems: sweep.problems.length,
      results: checkpoints.reduce((total, checkpoint) => total + checkpoint.problems, 0),
      samples: checkpoints.reduce((total, checkpoint) => total + checkpoint.samples, 0),
    };
  }, WRITE_TRANSACTION);
}
