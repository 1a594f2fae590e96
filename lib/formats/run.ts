import type { ProblemInput, ResultInput } from "../domain/sweepInput";
import type { ImportFormat } from "./formats";

/**
 * The results of one checkpoint found in a file. `alpha` is null when the file does not name it
 * (every harness format, and native files without an `alpha` field): the caller supplies it.
 */
export interface ParsedCheckpoint {
  alpha: number | null;
  /** One row per problem evaluated at this checkpoint, in order of first appearance. */
  results: ResultInput[];
}

/**
 * Everything parsed from one file. Harness formats always give exactly one checkpoint with
 * alpha null; native alphascope files give one checkpoint per distinct `alpha` (sorted
 * ascending), or a single alpha-null checkpoint when no line has an `alpha`.
 */
export interface ParsedRun {
  format: ImportFormat;
  /** The file name the run was parsed from, as given to the parser. */
  file: string;
  /** Every problem named in the file (union over checkpoints), in order of first appearance. */
  problems: ProblemInput[];
  checkpoints: ParsedCheckpoint[];
  /** Facts the user should know, e.g. that difficulties are unknown. */
  notes: string[];
}
