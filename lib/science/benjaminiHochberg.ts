/**
 * Benjamini–Hochberg q-values (Benjamini & Hochberg 1995): q_(i) = min over j ≥ i of m·p_(j)/j for
 * the p-values sorted ascending, capped at 1. Rejecting every hypothesis with q < t keeps the
 * expected share of false discoveries at most t for independent (or positively dependent) tests.
 * Returned in the order of `pValues`; NaN p-values are left out of m and get NaN.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const order = pValues.flatMap((p, index) => (Number.isNaN(p) ? [] : [index]));
  order.sort((a, b) => pValues[a] - pValues[b]);
  const m = order.length;
  const q = pValues.map(() => Number.NaN);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1];
    running = Math.min(running, (m * pValues[index]) / rank);
    q[index] = running;
  }
  return q;
}
