import type { ProblemInput } from "../domain/sweepInput";
import { emptyVerdictCounts, VERDICTS } from "../domain/verdicts";
import type { FileReport, ImportReport } from "./report";

/**
 * Totals over every file and checkpoint of an import; problems (each file's list) are counted
 * once across files.
 */
export function reportTotals(
  fileProblems: readonly (readonly ProblemInput[])[],
  files: readonly FileReport[],
): ImportReport["totals"] {
  const problems = new Set<string>();
  for (const list of fileProblems) for (const problem of list) problems.add(problem.externalId);
  const totals = {
    problems: problems.size,
    samples: 0,
    verdicts: emptyVerdictCounts(),
    rows: 0,
    inserted: 0,
    replaced: 0,
    unchanged: 0,
  };
  for (const file of files) {
    for (const checkpoint of file.checkpoints) {
      totals.samples += checkpoint.samples;
      for (const verdict of VERDICTS) totals.verdicts[verdict] += checkpoint.verdicts[verdict];
      totals.rows += checkpoint.problems;
      totals.inserted += checkpoint.inserted;
      totals.replaced += checkpoint.replaced;
      totals.unchanged += checkpoint.unchanged;
    }
  }
  return totals;
}
