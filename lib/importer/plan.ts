import type { ExperimentInput, ProblemInput, ResultInput } from "../domain/sweepInput";
import type { ImportFormat } from "../import/formats";

/** One checkpoint's rows from one file, with its α settled. */
export interface PlannedCheckpoint {
  alpha: number;
  label: string | null;
  model: string | null;
  results: ResultInput[];
}

/** One parsed, validated file ready to write. */
export interface PlannedFile {
  file: string;
  format: ImportFormat;
  contentHash: string;
  notes: string[];
  problems: ProblemInput[];
  checkpoints: PlannedCheckpoint[];
}

/** Everything one import writes: the experiment (created from this when missing) and its files. */
export interface ImportPlan {
  experiment: ExperimentInput;
  files: PlannedFile[];
}
