import { formatAlpha } from "../domain/alpha";
import type { ResultInput } from "../domain/sweepInput";
import { importError } from "./issues";
import type { ParsedRun } from "./run";

/** A parsed checkpoint with its α settled, ready to store. */
export interface BoundCheckpoint {
  alpha: number;
  results: ResultInput[];
}

/**
 * Settles the α of every checkpoint of a run: a file that names no α takes `alpha` (from the CLI,
 * the API or a manifest entry), which is then required; a file that names its α values keeps them,
 * and a given `alpha` must then be the file's only α. Throws ImportValidationError otherwise.
 */
export function bindCheckpoints(run: ParsedRun, alpha?: number): BoundCheckpoint[] {
  const { file } = run;
  if (alpha !== undefined && !Number.isFinite(alpha)) {
    throw importError({ file, field: "alpha", message: `α must be a finite number, got ${alpha}` });
  }
  const named = run.checkpoints.filter((c): c is BoundCheckpoint => c.alpha !== null);
  if (named.length === 0) {
    if (alpha === undefined) {
      throw importError({
        file,
        field: "alpha",
        message: "the file names no α: give one (--alpha, or alpha in the manifest)",
      });
    }
    return run.checkpoints.map((c) => ({ alpha, results: c.results }));
  }
  const alphas = named.map((c) => c.alpha);
  if (alpha !== undefined && (alphas.length !== 1 || alphas[0] !== alpha)) {
    throw importError({
      file,
      field: "alpha",
      message: `the file holds α = ${alphas.map(formatAlpha).join(", ")} but α = ${formatAlpha(alpha)} was given`,
    });
  }
  return named.map((c) => ({ alpha: c.alpha, results: c.results }));
}

/**
 * The results of a run imported as the trained checkpoint `label`: its file must name no α (a
 * trained checkpoint is not on the α line). Throws ImportValidationError otherwise.
 */
export function bindTrained(run: ParsedRun, label: string): { label: string; results: ResultInput[] }[] {
  const alphas = run.checkpoints.flatMap((c) => (c.alpha === null ? [] : [c.alpha]));
  if (alphas.length > 0) {
    throw importError({
      file: run.file,
      field: "alpha",
      message: `the file holds α = ${alphas.map(formatAlpha).join(", ")}, but trained checkpoint ${JSON.stringify(label)} is not on the α line: import it without α values`,
    });
  }
  return run.checkpoints.map((c) => ({ label, results: c.results }));
}
