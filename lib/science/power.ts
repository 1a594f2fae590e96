import { normalQuantile } from "./normalQuantile";

/** Per-problem pass counts of the two sides compared (same problems, paired). */
export interface PairedCounts {
  passA: number;
  nA: number;
  passB: number;
  nB: number;
}

/** The two-sided level and power the figures are stated at. */
export const POWER_DEFAULTS = { level: 0.05, power: 0.8 } as const;

function multiplier(level: number, power: number): number {
  return normalQuantile(1 - level / 2) + normalQuantile(power);
}

/**
 * The minimum detectable effect of the paired comparison of mean pass rates over problems: the
 * smallest true difference a two-sided test at `level` detects with probability `power`,
 * (z_(1−level/2) + z_power) · SE, SE the standard error of the mean per-problem difference
 * (normal approximation; problems are the independent units). NaN with fewer than two problems.
 */
export function minimumDetectableEffect(
  pairs: readonly PairedCounts[],
  level: number = POWER_DEFAULTS.level,
  power: number = POWER_DEFAULTS.power,
): number {
  const m = pairs.length;
  if (m < 2) return Number.NaN;
  const d = pairs.map((pair) => pair.passB / pair.nB - pair.passA / pair.nA);
  const mean = d.reduce((a, b) => a + b, 0) / m;
  const variance = d.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (m - 1);
  return multiplier(level, power) * Math.sqrt(variance / m);
}

/**
 * Samples per problem (per side) needed to detect a true difference `delta` at `level` and `power`:
 * the per-problem difference's variance splits into the spread of the true per-problem changes τ²
 * and the binomial noise Σ p(1 − p)/n of the two sides; only the noise falls with n. Solving
 * (z_(1−level/2) + z_power)² (τ² + v/n) / m ≤ δ² for n, with v = mean over problems of
 * p_A(1 − p_A) + p_B(1 − p_B) (each estimated without bias) and τ² the observed variance less the
 * noise. Infinity when more problems, not more samples, are needed (τ² alone is too large).
 */
export function samplesPerProblemToDetect(
  pairs: readonly PairedCounts[],
  delta: number,
  level: number = POWER_DEFAULTS.level,
  power: number = POWER_DEFAULTS.power,
): number {
  const m = pairs.length;
  if (m < 2 || delta === 0) return Number.NaN;
  const unbiased = (pass: number, n: number) => (n < 2 ? 0 : ((pass / n) * (1 - pass / n) * n) / (n - 1));
  const d = pairs.map((pair) => pair.passB / pair.nB - pair.passA / pair.nA);
  const mean = d.reduce((a, b) => a + b, 0) / m;
  const variance = d.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (m - 1);
  const noisePerProblem =
    pairs.reduce(
      (sum, pair) => sum + unbiased(pair.passA, pair.nA) / pair.nA + unbiased(pair.passB, pair.nB) / pair.nB,
      0,
    ) / m;
  const bernoulli =
    pairs.reduce((sum, pair) => sum + unbiased(pair.passA, pair.nA) + unbiased(pair.passB, pair.nB), 0) / m;
  const tau2 = Math.max(0, variance - noisePerProblem);
  const budget = (m * delta * delta) / multiplier(level, power) ** 2 - tau2;
  if (budget <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(bernoulli / budget);
}
