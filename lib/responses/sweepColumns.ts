import type { Difficulty } from "../domain/difficulty";
import type { ResultColumns, SweepMatrix } from "../domain/sweep";
import { VERDICTS, type Verdict } from "../domain/verdicts";

/** One checkpoint's result columns as stored (plain arrays; runtime means null where unknown). */
interface StoredResultColumns {
  n: number[];
  verdicts: Record<Verdict, number[]>;
  runtimeMeanMs: (number | null)[];
  runtimeCount: number[];
}

/**
 * A version's whole result matrix as stored for compute threads (every verdict column and the pass
 * runtimes, which the served matrix leaves out, and the trained checkpoints'): a thread rebuilds the
 * sweep from it without the request thread loading results from the database.
 */
export interface SweepColumns {
  problems: { externalId: string; difficulty: Difficulty }[];
  /** The matrix's clusters (SweepMatrix.clusters), null when problems are resampled one by one. */
  clusters: SweepMatrix["clusters"] | null;
  checkpoints: ({ alpha: number; label: string | null } & StoredResultColumns)[];
  /** The trained checkpoints beside the α line (none: empty). */
  trained: ({ label: string; coverage: number | null } & StoredResultColumns)[];
}

function storedColumns(columns: ResultColumns): StoredResultColumns {
  return {
    n: Array.from(columns.n),
    verdicts: Object.fromEntries(VERDICTS.map((v) => [v, Array.from(columns.verdicts[v])])) as Record<
      Verdict,
      number[]
    >,
    runtimeMeanMs: Array.from(columns.runtimeMeanMs, (value) => (Number.isNaN(value) ? null : value)),
    runtimeCount: Array.from(columns.runtimeCount),
  };
}

function resultColumns(stored: StoredResultColumns): ResultColumns {
  return {
    n: Int32Array.from(stored.n),
    verdicts: Object.fromEntries(VERDICTS.map((v) => [v, Int32Array.from(stored.verdicts[v])])) as Record<
      Verdict,
      Int32Array
    >,
    runtimeMeanMs: Float64Array.from(stored.runtimeMeanMs, (value) => value ?? Number.NaN),
    runtimeCount: Int32Array.from(stored.runtimeCount),
  };
}

export function sweepColumns(matrix: SweepMatrix): SweepColumns {
  return {
    problems: matrix.problems.map(({ externalId, difficulty }) => ({ externalId, difficulty })),
    clusters: matrix.clusters ?? null,
    checkpoints: matrix.checkpoints.map((cp) => ({ alpha: cp.alpha, label: cp.label, ...storedColumns(cp) })),
    trained: (matrix.trained ?? []).map((cp) => ({
      label: cp.label,
      coverage: cp.coverage,
      ...storedColumns(cp),
    })),
  };
}

/** The sweep {@link sweepColumns} stored, column for column. */
export function sweepFromColumns(columns: SweepColumns): SweepMatrix {
  return {
    problems: columns.problems.map(({ externalId, difficulty }) => ({ externalId, title: null, difficulty })),
    ...(columns.clusters ? { clusters: columns.clusters } : {}),
    checkpoints: columns.checkpoints.map((cp) => ({
      alpha: cp.alpha,
      label: cp.label,
      ...resultColumns(cp),
    })),
    ...(columns.trained.length > 0
      ? {
          trained: columns.trained.map((cp) => ({
            label: cp.label,
            coverage: cp.coverage,
            ...resultColumns(cp),
          })),
        }
      : {}),
  };
}
