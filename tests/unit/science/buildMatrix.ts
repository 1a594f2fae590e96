import type { Difficulty } from "../../../lib/domain/difficulty";
import type { CheckpointColumns, SweepMatrix } from "../../../lib/domain/sweep";
import { VERDICTS, type VerdictCounts } from "../../../lib/domain/verdicts";

/** One problem's result in a hand-written test matrix; missing verdicts are 0. */
export interface CellSpec extends Partial<VerdictCounts> {
  runtimeMeanMs?: number;
  runtimeCount?: number;
}

/** A checkpoint's columns from one cell per problem (n is the sum of the verdicts). */
export function checkpointColumns(alpha: number, cells: readonly CellSpec[]): CheckpointColumns {
  const columns = {
    pass: new Int32Array(cells.length),
    wrongAnswer: new Int32Array(cells.length),
    timeLimit: new Int32Array(cells.length),
    runtimeError: new Int32Array(cells.length),
    compileError: new Int32Array(cells.length),
    other: new Int32Array(cells.length),
  };
  const n = new Int32Array(cells.length);
  cells.forEach((cell, p) => {
    for (const v of VERDICTS) {
      columns[v][p] = cell[v] ?? 0;
      n[p] += columns[v][p];
    }
  });
  return {
    alpha,
    label: null,
    n,
    verdicts: columns,
    runtimeMeanMs: Float64Array.from(cells, (cell) => cell.runtimeMeanMs ?? Number.NaN),
    runtimeCount: Int32Array.from(cells, (cell) => cell.runtimeCount ?? 0),
  };
}

/** A matrix over problems of the given difficulties with one checkpoint per entry of `checkpoints`. */
export function buildMatrix(
  difficulties: readonly Difficulty[],
  checkpoints: readonly { alpha: number; cells: readonly CellSpec[] }[],
): SweepMatrix {
  return {
    problems: difficulties.map((difficulty, i) => ({ externalId: `p${i}`, title: null, difficulty })),
    checkpoints: checkpoints.map(({ alpha, cells }) => checkpointColumns(alpha, cells)),
  };
}

/** A matrix where every checkpoint has n samples per problem and the given pass counts. */
export function passMatrix(n: number, passes: readonly (readonly number[])[]): SweepMatrix {
  return buildMatrix(
    passes[0].map(() => "unknown"),
    passes.map((row, j) => ({ alpha: j, cells: row.map((pass) => ({ pass, wrongAnswer: n - pass })) })),
  );
}
