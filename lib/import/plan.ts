import type { TrainedTarget } from "../domain/checkpointKey";
import type { ExperimentInput } from "../domain/sweepInput";
import type { EvalPlusTests } from "../formats/evalplusStatus";
import type { ImportFormat } from "../formats/formats";
import type { ImportInputFile } from "./inputFile";
import type { ProgressListener } from "./readFile";

/** One file of an import and how to read it (from CLI flags, an API request or a manifest entry). */
export interface ImportEntry {
  input: ImportInputFile;
  /** Required unless the file names its α values (native files with an `alpha` field) or `trained` is given. */
  alpha?: number;
  /** Import the file as this trained checkpoint (beside the α line) instead of at an α. */
  trained?: TrainedTarget;
  format?: ImportFormat;
  /** EvalPlus: which tests decide a pass (default: the request's, else plus). */
  tests?: EvalPlusTests;
  label?: string | null;
  model?: string | null;
  /** LiveCodeBench `_eval.json`: the matching `_eval_all.json` or generation file, joined by index. */
  generation?: ImportInputFile;
}

/**
 * One file checked (size, format, join file) and ready to be read: its rows are parsed while they
 * are written, so they never all sit in memory.
 */
export interface PlannedFile {
  entry: ImportEntry;
  format: ImportFormat;
  /** EvalPlus: which tests decide a pass (the entry's, else the request's). */
  tests: EvalPlusTests | undefined;
  maxBytes: number | undefined;
  onProgress: ProgressListener | undefined;
  /** Progress of the entry's `generation` file, read (by streamFile) before the file itself. */
  onJoinProgress: ProgressListener | undefined;
  /**
   * Runs the parse of a whole pruned JSON document (its tree: about 100 MB for a paper-scale
   * LiveCodeBench `_eval.json` join file; an `_eval_all.json` is parsed problem by problem instead,
   * see LcbEvalAllStream). Parse threads run it under a lock they share, so that one such tree is built
   * at a time while the others read and prune (lib/import/parseThread.ts); absent: just runs it.
   */
  exclusive?: <T>(parse: () => T) => T;
}

/** Everything one import writes: the experiment (created from this when missing) and its files. */
export interface ImportPlan {
  experiment: ExperimentInput;
  files: PlannedFile[];
}
