/** One problem's sample and pass counts at each evaluated α (entry i at the i-th α; n = 0 where not evaluated). */
export interface ProblemCountsRow {
  id: string;
  n: readonly number[];
  pass: readonly number[];
}

/** A problem's change in pass rate between two evaluated α. */
export interface ProblemChange {
  /** Position of the problem in the rows given. */
  row: number;
  /** pass/n at `to` − pass/n at `from`. */
  delta: number;
}

export type ChangeOrder = "desc" | "asc";

/** Code-unit order, the order problem ids are stored and listed in everywhere. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The problems of `rows` (restricted to `candidates` when given) evaluated at both checkpoint
 * indices `from` and `to`, with delta = pass/n at `to` − pass/n at `from`, sorted by delta
 * (descending: most gained first; ascending: most lost first), ties by id ascending in either order.
 * A problem missing at either α cannot have gained or lost anything, so it is left out.
 */
export function problemChanges(
  rows: readonly ProblemCountsRow[],
  from: number,
  to: number,
  order: ChangeOrder,
  candidates?: Iterable<number>,
): ProblemChange[] {
  const changes: ProblemChange[] = [];
  for (const row of candidates ?? rows.keys()) {
    const { n, pass } = rows[row];
    if (n[from] > 0 && n[to] > 0) changes.push({ row, delta: pass[to] / n[to] - pass[from] / n[from] });
  }
  const sign = order === "desc" ? -1 : 1;
  return changes.sort((a, b) => sign * (a.delta - b.delta) || compareIds(rows[a.row].id, rows[b.row].id));
}
