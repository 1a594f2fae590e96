import {
  compareTrained,
  emptyCheckpointColumns,
  emptyTrainedColumns,
  type ResultColumns,
  type SweepMatrix,
  type SweepProblem,
} from "./sweep";
import type { ResultInput, SweepInput } from "./sweepInput";
import { VERDICTS } from "./verdicts";

function byExternalId(a: SweepProblem, b: SweepProblem): number {
  // Code-unit order, not locale order, so the result is the same on every machine.
  if (a.externalId === b.externalId) return 0;
  return a.externalId < b.externalId ? -1 : 1;
}

/** Fills a checkpoint's columns (`name` says which, in errors) from its results. */
function fillColumns<Columns extends ResultColumns>(
  columns: Columns,
  name: string,
  results: readonly ResultInput[],
  indexOf: ReadonlyMap<string, number>,
): Columns {
  const seen = new Set<number>();
  for (const result of results) {
    const index = indexOf.get(result.problemExternalId);
    if (index === undefined) {
      throw new RangeError(`checkpoint ${name} has a result for unknown problem ${result.problemExternalId}`);
    }
    if (seen.has(index)) {
      throw new RangeError(`checkpoint ${name} has two results for problem ${result.problemExternalId}`);
    }
    seen.add(index);
    columns.n[index] = result.n;
    for (const v of VERDICTS) columns.verdicts[v][index] = result.verdicts[v];
    if (result.runtimeCount > 0 && result.runtimeMeanMs !== null) {
      columns.runtimeCount[index] = result.runtimeCount;
      columns.runtimeMeanMs[index] = result.runtimeMeanMs;
    }
  }
  return columns;
}

/**
 * The columnar matrix of a sweep: problems ordered by external id, checkpoints by α (trained ones
 * by coverage, then label), n = 0 where a checkpoint has no result for a problem. Throws a RangeError on a result for an unknown problem
 * or two results for the same (checkpoint, problem).
 */
export function sweepInputToMatrix(sweep: SweepInput): SweepMatrix {
  const problems: SweepProblem[] = sweep.problems
    // The contest's day, as the database stores it (a date column).
    .map(({ externalId, title, difficulty, platform, contestDate }) => ({
      externalId,
      title,
      difficulty,
      platform,
      contestDate: contestDate ? contestDate.slice(0, 10) : null,
    }))
    .sort(byExternalId);
  const indexOf = new Map(problems.map((problem, index) => [problem.externalId, index]));
  const size = problems.length;
  const checkpoints = [...sweep.checkpoints]
    .sort((a, b) => a.alpha - b.alpha)
    .map((checkpoint) =>
      fillColumns(
        emptyCheckpointColumns(checkpoint, size),
        `α = ${checkpoint.alpha}`,
        checkpoint.results,
        indexOf,
      ),
    );
  const matrix: SweepMatrix = { problems, checkpoints };
  if (sweep.trained && sweep.trained.length > 0) {
    matrix.trained = [...sweep.trained]
      .sort(compareTrained)
      .map((trained) =>
        fillColumns(
          emptyTrainedColumns(trained, size),
          JSON.stringify(trained.label),
          trained.results,
          indexOf,
        ),
      );
  }
  return matrix;
}
