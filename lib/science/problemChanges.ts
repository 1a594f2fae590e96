import { benjaminiHochberg } from "./benjaminiHochberg";
import { fisherExactTwoSided } from "./fisherExact";

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
  /** The change shrunk toward 0 by the beta-binomial empirical-Bayes prior (see `changePriorStrength`). */
  shrunk: number;
  /** Two-sided Fisher's exact p-value of the two α's pass/fail counts. */
  p: number;
  /** Benjamini–Hochberg q-value over the problems compared together. */
  q: number;
}

export type ChangeOrder = "desc" | "asc";

/** What the problems are ranked by: the raw change, or the change shrunk toward 0. */
export type ChangeSort = "delta" | "shrunk";

/** A change counts as a discovery below this q-value: at most 10 % of the discoveries are expected to be noise. */
export const DISCOVERY_Q = 0.1;

/** Code-unit order, the order problem ids are stored and listed in everywhere. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pass counts of one problem at the two α compared. */
export interface CountPair {
  passFrom: number;
  nFrom: number;
  passTo: number;
  nTo: number;
}

/**
 * The prior strength κ of the beta-binomial empirical-Bayes model of per-problem change: each
 * problem's pass rates at the two α are independent draws from a Beta with the problem's pooled
 * pass rate m as mean and variance m(1 − m)·ρ, ρ = 1/(κ + 1). Then
 * Var(pass/n) = m(1 − m)·(1/n + ρ(1 − 1/n)) on each side, so ρ is estimated by the method of
 * moments from the squared raw changes summed over the problems (m(1 − m) estimated without bias
 * from the pooled counts), clamped to [0, 1]. ρ = 0 (changes no larger than binomial noise) gives
 * κ = ∞; ρ = 1 gives κ = 0 (no shrinkage).
 */
export function changePriorStrength(pairs: readonly CountPair[]): number {
  let excess = 0;
  let scale = 0;
  for (const { passFrom, nFrom, passTo, nTo } of pairs) {
    const total = nFrom + nTo;
    if (nFrom === 0 || nTo === 0 || total < 2) continue;
    const m = (passFrom + passTo) / total;
    const spread = (m * (1 - m) * total) / (total - 1);
    const delta = passTo / nTo - passFrom / nFrom;
    excess += delta * delta - spread * (1 / nFrom + 1 / nTo);
    scale += spread * (2 - 1 / nFrom - 1 / nTo);
  }
  if (scale === 0) return Number.POSITIVE_INFINITY;
  const rho = Math.min(1, Math.max(0, excess / scale));
  return rho === 0 ? Number.POSITIVE_INFINITY : 1 / rho - 1;
}

/** The posterior-mean change of one problem under prior strength κ (0 when κ = ∞). */
export function shrunkChange({ passFrom, nFrom, passTo, nTo }: CountPair, kappa: number): number {
  if (!Number.isFinite(kappa)) return 0;
  const m = (passFrom + passTo) / (nFrom + nTo);
  return (passTo + kappa * m) / (nTo + kappa) - (passFrom + kappa * m) / (nFrom + kappa);
}

/**
 * The problems of `rows` (restricted to `candidates` when given) evaluated at both checkpoint
 * indices `from` and `to`, each with its raw change (pass/n at `to` − pass/n at `from`), Fisher's
 * exact p-value, the Benjamini–Hochberg q-value over these problems and the shrunk change; sorted
 * by `sort` (descending: most gained first; ascending: most lost first), ties by id ascending in
 * either order. A problem missing at either α cannot have gained or lost anything, so it is left out.
 */
export function problemChanges(
  rows: readonly ProblemCountsRow[],
  from: number,
  to: number,
  order: ChangeOrder,
  candidates?: Iterable<number>,
  sort: ChangeSort = "delta",
): ProblemChange[] {
  const compared: number[] = [];
  const pairs: CountPair[] = [];
  for (const row of candidates ?? rows.keys()) {
    const { n, pass } = rows[row];
    if (n[from] > 0 && n[to] > 0) {
      compared.push(row);
      pairs.push({ passFrom: pass[from], nFrom: n[from], passTo: pass[to], nTo: n[to] });
    }
  }
  const p = pairs.map((pair) => fisherExactTwoSided(pair.passFrom, pair.nFrom, pair.passTo, pair.nTo));
  const q = benjaminiHochberg(p);
  const kappa = changePriorStrength(pairs);
  const changes = compared.map((row, index) => {
    const pair = pairs[index];
    return {
      row,
      delta: pair.passTo / pair.nTo - pair.passFrom / pair.nFrom,
      shrunk: shrunkChange(pair, kappa),
      p: p[index],
      q: q[index],
    };
  });
  const sign = order === "desc" ? -1 : 1;
  return changes.sort(
    (a, b) =>
      sign * (a[sort] - b[sort]) || sign * (a.delta - b.delta) || compareIds(rows[a.row].id, rows[b.row].id),
  );
}

/** Problems gained and lost among `changes`: every change, and only the discoveries (q < DISCOVERY_Q). */
export function changeCounts(changes: readonly ProblemChange[]) {
  const gained = changes.filter((change) => change.delta > 0);
  const lost = changes.filter((change) => change.delta < 0);
  return {
    gained: gained.length,
    lost: lost.length,
    unchanged: changes.length - gained.length - lost.length,
    gainedDiscoveries: gained.filter((change) => change.q < DISCOVERY_Q).length,
    lostDiscoveries: lost.filter((change) => change.q < DISCOVERY_Q).length,
  };
}
