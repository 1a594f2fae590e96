function assertBudget(budget: number): void {
  if (!Number.isInteger(budget) || budget < 0) {
    throw new RangeError(`sample budget must be a non-negative integer, got ${budget}`);
  }
}

/**
 * Splits a budget of K samples as equally as possible over m members; the remainder goes one
 * sample each to the first members, so the split is deterministic (e.g. 250 over 3 → 84, 83, 83).
 */
export function splitBudgetEqual(budget: number, members: number): number[] {
  assertBudget(budget);
  if (!Number.isInteger(members) || members < 1) {
    throw new RangeError(`member count must be a positive integer, got ${members}`);
  }
  const base = Math.floor(budget / members);
  const remainder = budget - base * members;
  return Array.from({ length: members }, (_, i) => base + (i < remainder ? 1 : 0));
}

/**
 * Splits a budget of K samples in proportion to non-negative weights (largest-remainder rounding;
 * ties go to the earlier member), so the parts always sum to K.
 */
export function splitBudgetByWeights(budget: number, weights: readonly number[]): number[] {
  assertBudget(budget);
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (weights.length === 0 || weights.some((w) => !(w >= 0 && Number.isFinite(w))) || !(total > 0)) {
    throw new RangeError("weights must be finite, non-negative and not all zero");
  }
  const exact = weights.map((w) => (budget * w) / total);
  const parts = exact.map(Math.floor);
  const remainder = budget - parts.reduce((sum, part) => sum + part, 0);
  const byFraction = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let i = 0; i < remainder; i++) parts[byFraction[i].index] += 1;
  return parts;
}
