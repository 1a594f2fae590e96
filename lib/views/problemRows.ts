import type { ProblemCounts } from "../contracts/problemTypes";
import { inSlice } from "../domain/difficulty";
import { type ComparisonPower, changesPower } from "../science/power";
import { changeCounts, type ProblemChange, problemChanges } from "../science/problemChanges";
import type { ProblemsView } from "./problemsView";

/** A row of the problems table: a problem (its index in the counts) and its change, null when not at both α. */
export interface ProblemTableRow {
  problem: number;
  change: ProblemChange | null;
}

export interface ProblemTable {
  rows: ProblemTableRow[];
  /** Among the rows: problems solved more often at `to` than at `from`, less often, as often. */
  gained: number;
  lost: number;
  unchanged: number;
  /** Among the gained and the lost: those with q < 0.1. */
  gainedDiscoveries: number;
  lostDiscoveries: number;
  /** Rows without a change: not evaluated at one of the two α. */
  missing: number;
  /** The comparison's power over the slice's problems evaluated at both α (as the problems API gives it). */
  power: ComparisonPower;
}

/** Whether a problem's id or title contains the search text (case-insensitive; an empty search matches all). */
export function matchesSearch(problem: { id: string; title: string | null }, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === "") return true;
  return problem.id.toLowerCase().includes(needle) || (problem.title ?? "").toLowerCase().includes(needle);
}

/**
 * The rows the problems view shows: the problems of the slice matching the search, those evaluated at
 * both α sorted by their change or shrunk change (as the problems API sorts them), then the others by
 * id. p- and q-values and the power are those of the whole slice, as the API gives them: a search finds
 * problems, it does not change how many were tested.
 */
export function problemTable(counts: ProblemCounts, view: ProblemsView): ProblemTable {
  const from = counts.alphas.indexOf(view.from);
  const to = counts.alphas.indexOf(view.to);
  const slice = counts.problems.flatMap((problem, index) =>
    inSlice(problem.difficulty, view.difficulty) ? [index] : [],
  );
  const candidates = slice.filter((index) => matchesSearch(counts.problems[index], view.search));
  const matching = new Set(candidates);
  const sliceChanges = problemChanges(counts.problems, from, to, view.order, slice, view.sort);
  const power = changesPower(
    counts.problems,
    sliceChanges,
    from,
    to,
    view.detect / 100,
    counts.clusters?.keys ?? null,
  );
  const changes = sliceChanges.filter((change) => matching.has(change.row));
  const compared = new Set(changes.map((change) => change.row));
  const rows: ProblemTableRow[] = [
    ...changes.map((change) => ({ problem: change.row, change })),
    ...candidates.filter((index) => !compared.has(index)).map((index) => ({ problem: index, change: null })),
  ];
  return { rows, ...changeCounts(changes), missing: rows.length - changes.length, power };
}
