import type { ComparisonData } from "../contracts/compareTypes";
import type { DifficultySlice } from "../domain/difficulty";
import { formatCount } from "./format";

const SLICE_NAMES: Record<DifficultySlice, string> = {
  all: "",
  easy: "easy ",
  medium: "medium ",
  hard: "hard ",
};

/**
 * Why the compared scores may not be comparable, one sentence each: experiments on different
 * benchmarks, and problem sets that differ on the shown slice (each score is a mean over its own
 * experiment's problems, so different problems alone can move it). Empty when neither holds.
 */
export function comparisonWarnings(data: ComparisonData, slice: DifficultySlice): string[] {
  const warnings: string[] = [];
  const names = data.experiments.map(({ experiment }) => experiment.name);
  if (!data.sameBenchmark) {
    const benchmarks = data.experiments.map(({ experiment }, i) => `${names[i]}: ${experiment.benchmark}`);
    warnings.push(
      `Different benchmarks (${benchmarks.join("; ")}): the scores are not on the same problems.`,
    );
  }
  const { sizes, shared, union } = data.problems[slice];
  if (sizes.some((size) => size !== shared)) {
    const counts = sizes.map((size, i) => `${names[i]}: ${formatCount(size)}`);
    warnings.push(
      `Different ${SLICE_NAMES[slice]}problem sets (${counts.join("; ")}): ${formatCount(shared)} problem ids in common of ${formatCount(union)}. Each score is over its own experiment's problems.`,
    );
  }
  return warnings;
}
