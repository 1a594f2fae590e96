import type { ResultInput } from "../../domain/sweepInput";

/** Integer columns of `results` after the key, in table order. */
const INT_COLUMNS = 8;
/** Float columns of `results` (runtime mean, min, max, dps_norm), in table order; NaN stands for NULL. */
const FLOAT_COLUMNS = 4;

/**
 * Result rows in columns of typed arrays, keyed by the importer's checkpoint and problem ordinals
 * (their database ids are resolved when the batch is written). Holds a fixed number of rows in a
 * few hundred bytes each, however large the file.
 */
export class ResultBatch {
  length = 0;
  readonly checkpoints: Int32Array;
  readonly problems: Int32Array;
  private readonly ints: Int32Array[];
  private readonly floats: Float64Array[];

  constructor(readonly capacity: number) {
    this.checkpoints = new Int32Array(capacity);
    this.problems = new Int32Array(capacity);
    this.ints = Array.from({ length: INT_COLUMNS }, () => new Int32Array(capacity));
    this.floats = Array.from({ length: FLOAT_COLUMNS }, () => new Float64Array(capacity));
  }

  get full(): boolean {
    return this.length === this.capacity;
  }

  push(checkpoint: number, problem: number, result: ResultInput): void {
    const i = this.length++;
    const { ints, floats, checkpoints, problems } = this;
    const { verdicts } = result;
    checkpoints[i] = checkpoint;
    problems[i] = problem;
    ints[0][i] = result.n;
    ints[1][i] = verdicts.pass;
    ints[2][i] = verdicts.wrongAnswer;
    ints[3][i] = verdicts.timeLimit;
    ints[4][i] = verdicts.runtimeError;
    ints[5][i] = verdicts.compileError;
    ints[6][i] = verdicts.other;
    ints[7][i] = result.runtimeCount;
    floats[0][i] = result.runtimeMeanMs ?? Number.NaN;
    floats[1][i] = result.runtimeMinMs ?? Number.NaN;
    floats[2][i] = result.runtimeMaxMs ?? Number.NaN;
    floats[3][i] = result.dpsNorm ?? Number.NaN;
  }

  /**
   * The rows whose checkpoint ordinal is selected by `keep`, as one PostgreSQL array literal per
   * `results` column (`{1,2,NULL}`), ordinals replaced by database ids. Sent as text parameters
   * and unnested server-side, this is several times faster than arrays the driver serializes
   * element by element. Values are finite numbers (validated by the parsers).
   */
  toColumns(
    checkpointIds: Int32Array,
    problemIds: Int32Array,
    keep: (checkpoint: number) => boolean,
  ): { rows: number; columns: string[] } {
    const rows: number[] = [];
    for (let i = 0; i < this.length; i++) if (keep(this.checkpoints[i])) rows.push(i);
    const column = (value: (row: number) => string) => {
      const parts = new Array<string>(rows.length);
      for (let r = 0; r < rows.length; r++) parts[r] = value(rows[r]);
      return `{${parts.join(",")}}`;
    };
    const columns = [
      column((i) => String(checkpointIds[this.checkpoints[i]])),
      column((i) => String(problemIds[this.problems[i]])),
      ...this.ints.map((values) => column((i) => String(values[i]))),
      ...this.floats.map((values) =>
        // unnest pads a shorter array with NULLs: an all-NULL column need not be sent (nor parsed).
        rows.every((i) => Number.isNaN(values[i]))
          ? "{}"
          : column((i) => (Number.isNaN(values[i]) ? "NULL" : String(values[i]))),
      ),
    ];
    return { rows: rows.length, columns };
  }
}
