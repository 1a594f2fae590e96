import type { Difficulty } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { VERDICTS, type Verdict } from "../domain/verdicts";

/**
 * A version's whole result matrix as stored for compute threads (every verdict column and the pass
 * runtimes, which the served matrix leaves out): a thread rebuilds the sweep from it without the
 * request thread loading results from the database. Runtime means are null where unknown.
 */
export interface SweepColumns {
  problems: { externalId: string; difficulty: Difficulty }[];
  /** The matrix's clusters (SweepMatrix.clusters), null when problems are resampled one by one. */
  clusters: SweepMatrix["clusters"] | null;
  checkpoints: {
    alpha: number;
    label: string | null;
    n: number[];
    verdicts: Record<Verdict, number[]>;
    runtimeMeanMs: (number | null)[];
    runtimeCount: number[];
  }[];
}

export function sweepColumns(matrix: SweepMatrix): SweepColumns {
  return {
    problems: matrix.problems.map(({ externalId, difficulty }) => ({ externalId, difficulty })),
    clusters: matrix.clusters ?? null,
    checkpoints: matrix.checkpoints.map((cp) => ({
      alpha: cp.alpha,
      label: cp.label,
      n: Array.from(cp.n),
      verdicts: Object.fromEntries(VERDICTS.map((v) => [v, Array.from(cp.verdicts[v])])) as Record<
        Verdict,
        number[]
      >,
      runtimeMeanMs: Array.from(cp.runtimeMeanMs, (value) => (Number.isNaN(value) ? null : value)),
      runtimeCount: Array.from(cp.runtimeCount),
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
      n: Int32Array.from(cp.n),
      verdicts: Object.fromEntries(VERDICTS.map((v) => [v, Int32Array.from(cp.verdicts[v])])) as Record<
        Verdict,
        Int32Array
      >,
      runtimeMeanMs: Float64Array.from(cp.runtimeMeanMs, (value) => value ?? Number.NaN),
      runtimeCount: Int32Array.from(cp.runtimeCount),
    })),
  };
}
