import { VERDICTS } from "../domain/verdicts";

/** Fields every native line may carry: which checkpoint and which problem it is about. */
export const NATIVE_PROBLEM_FIELDS = [
  "alpha",
  "problem",
  "difficulty",
  "title",
  "platform",
  "contestDate",
] as const;

/** Optional pass-runtime statistics and EvalPerf score of a count line. */
export const NATIVE_RESULT_FIELDS = [
  "runtimeCount",
  "runtimeMeanMs",
  "runtimeMinMs",
  "runtimeMaxMs",
  "dpsNorm",
] as const;

/** Every field of a count line (one line per checkpoint and problem). */
export const NATIVE_COUNT_FIELDS: ReadonlySet<string> = new Set<string>([
  ...NATIVE_PROBLEM_FIELDS,
  "n",
  ...VERDICTS,
  ...NATIVE_RESULT_FIELDS,
]);

/** Every field of a sample line (one line per graded sample). */
export const NATIVE_SAMPLE_FIELDS: ReadonlySet<string> = new Set<string>([
  ...NATIVE_PROBLEM_FIELDS,
  "verdict",
  "runtimeMs",
]);

/** Fields holding text; all others are numbers (CSV cells are converted accordingly). */
export const NATIVE_TEXT_FIELDS: ReadonlySet<string> = new Set<string>([
  "problem",
  "difficulty",
  "title",
  "platform",
  "contestDate",
  "verdict",
]);
