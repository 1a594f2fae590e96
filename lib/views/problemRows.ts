import type { ProblemCounts } from "../contracts/problemTypes";
import { inSlice } from "../domain/difficulty";
import { problemChanges } from "../science/problemChanges";
import type { ProblemsView } from "./problemsView";

/** A row of the problems table: a problem (its index in the counts) and its change, null when not at both α. */
export interface ProblemTableRow {
  problem: number;
  delta: number | null;
}

export interface ProblemTable {
  rows: ProblemTableRow[];
  /** Among the rows: problems solved more often at `to` than at `from`, less often, as often. */
  gained: number;
  lost: number;
  unchanged: number;
  /** Rows without a change: not evaluated at one of the two α. */
  missing: number;
}

/** Whether a problem's id or title contains the search text (case-insensitive; an empty search matches all). */
export function matchesSearch(problem: { id: string; title: string | null }, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === "") return true;
  return problem.id.toLowerCase().includes(needle) || (problem.title ?? "").toLowerCase().includes(needle);
}

/**
 * The rows the problems view shows: the problems of the slice matching the search, those evaluated at
 * both α sorted by their change (as the problems API sorts them), then the others by id.
 */
export function problemTable(counts: ProblemCounts, view: ProblemsView): ProblemTable {
  const from = counts.alphas.indexOf(view.from);
  const to = counts.alphas.indexOf(view.to);
  const candidates = counts.problems.flatMap((problem, index) =>
    inSlice(problem.difficulty, view.difficulty) && matchesSearch(problem, view.search) ? [index] : [],
  );
  const changes = problemChanges(counts.problems, from, to, view.order, candidates);
  const compared = new Set(changes.map((change) => change.row));
  const rows: ProblemTableRow[] = [
    ...changes.map(({ row, delta }) => ({ problem: row, delta })),
    ...candidates.filter((index) => !compared.has(index)).map((index) => ({ problem: index, delta: null })),
  ];
  return {
    rows,
    gained: changes.filter((change) => change.delta > 0).length,
    lost: changes.filter((change) => change.delta < 0).length,
    unchanged: changes.filter((change) => change.delta === 0).length,
    missing: rows.length - changes.length,
  };
}
