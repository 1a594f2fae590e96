import { clusterGroups } from "./clusterResample";
import { normalQuantile } from "./normalQuantile";
import type { ProblemCountsRow } from "./problemChanges";

/** Per-problem pass counts of the two sides compared (same problems, paired). */
export interface PairedCounts {
  passA: number;
  nA: number;
  passB: number;
  nB: number;
  /** The problem's cluster key when the experiment resamples by cluster (null: a cluster of its own). */
  cluster?: string | null;
}

/** The two-sided level and power the figures are stated at. */
export const POWER_DEFAULTS = { level: 0.05, power: 0.8 } as const;

/** The change in mean pass rate a comparison asks the samples for unless told otherwise: 2 points. */
export const DEFAULT_DETECTABLE_CHANGE = 0.02;

function multiplier(level: number, power: number): number {
  return normalQuantile(1 - level / 2) + normalQuantile(power);
}

/**
 * The variance of the mean per-problem difference, and the design effect of the clusters: the
 * usual s²/m when no pair names a cluster; otherwise the cluster-robust one (Liang & Zeger 1986),
 * G/(G − 1) · Σ_g (Σ_{i∈g} (d_i − d̄))² / m² over G clusters, and its ratio to s²/m (Kish's design
 * effect: 1 for clusters of one problem, more when a cluster's problems move together).
 */
function meanDifferenceVariance(pairs: readonly PairedCounts[]): {
  variance: number;
  meanVariance: number;
  designEffect: number;
} {
  const m = pairs.length;
  const d = pairs.map((pair) => pair.passB / pair.nB - pair.passA / pair.nA);
  const mean = d.reduce((a, b) => a + b, 0) / m;
  const variance = d.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (m - 1);
  if (!pairs.some((pair) => pair.cluster != null))
    return { variance, meanVariance: variance / m, designEffect: 1 };
  const groups = clusterGroups(pairs.map((pair) => pair.cluster ?? null));
  const g = groups.length;
  let squares = 0;
  for (const group of groups) {
    let deviation = 0;
    for (const i of group) deviation += d[i] - mean;
    squares += deviation * deviation;
  }
  const meanVariance = ((g / (g - 1)) * squares) / (m * m);
  return { variance, meanVariance, designEffect: meanVariance / (variance / m) };
}

/**
 * The minimum detectable effect of the paired comparison of mean pass rates over problems: the
 * smallest true difference a two-sided test at `level` detects with probability `power`,
 * (z_(1−level/2) + z_power) · SE, SE the standard error of the mean per-problem difference
 * (normal approximation; problems are the independent units, or clusters when the pairs name them:
 * the cluster-robust SE). NaN with fewer than two problems (or clusters).
 */
export function minimumDetectableEffect(
  pairs: readonly PairedCounts[],
  level: number = POWER_DEFAULTS.level,
  power: number = POWER_DEFAULTS.power,
): number {
  if (pairs.length < 2) return Number.NaN;
  return multiplier(level, power) * Math.sqrt(meanDifferenceVariance(pairs).meanVariance);
}

/**
 * Samples per problem (per side) needed to detect a true difference `delta` at `level` and `power`:
 * the per-problem difference's variance splits into the spread of the true per-problem changes τ²
 * and the binomial noise Σ p(1 − p)/n of the two sides; only the noise falls with n. Solving
 * (z_(1−level/2) + z_power)² (τ² + v/n) / m ≤ δ² for n, with v = mean over problems of
 * p_A(1 − p_A) + p_B(1 − p_B) (each estimated without bias) and τ² the observed variance less the
 * noise. With clusters the left side is multiplied by the observed design effect (assumed to stay
 * as it is with more samples: an approximation). Infinity when more problems, not more samples, are
 * needed (τ² alone is too large).
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
  const { variance, designEffect } = meanDifferenceVariance(pairs);
  const noisePerProblem =
    pairs.reduce(
      (sum, pair) => sum + unbiased(pair.passA, pair.nA) / pair.nA + unbiased(pair.passB, pair.nB) / pair.nB,
      0,
    ) / m;
  const bernoulli =
    pairs.reduce((sum, pair) => sum + unbiased(pair.passA, pair.nA) + unbiased(pair.passB, pair.nB), 0) / m;
  const tau2 = Math.max(0, variance - noisePerProblem);
  const budget = (m * delta * delta) / (multiplier(level, power) ** 2 * designEffect) - tau2;
  if (budget <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(bernoulli / budget);
}

/** The power of a paired comparison of two α over problems, as the problems API and view state it. */
export interface ComparisonPower {
  /** Two-sided level and power the figures are at. */
  level: number;
  power: number;
  /** Problems evaluated at both α. */
  problems: number;
  /** Mean samples per problem per side now. */
  samplesNow: number;
  /** The clusters the standard error is over when the experiment resamples by cluster, else null. */
  clusters: number | null;
  /** Smallest true change in mean pass rate detected (fraction); null with fewer than two problems. */
  minimumDetectableEffect: number | null;
  /** The change asked about (fraction). */
  detect: number;
  /**
   * Samples per problem per side that would detect `detect`; null when no number would (the true
   * per-problem changes alone vary too much: more problems are needed) or with fewer than two problems.
   */
  samplesPerProblem: number | null;
}

/** {@link minimumDetectableEffect} and {@link samplesPerProblemToDetect} of the compared problems' counts. */
export function comparisonPower(pairs: readonly PairedCounts[], detect: number): ComparisonPower {
  const mde = minimumDetectableEffect(pairs);
  const samples = samplesPerProblemToDetect(pairs, detect);
  const totalSamples = pairs.reduce((sum, pair) => sum + pair.nA + pair.nB, 0);
  return {
    ...POWER_DEFAULTS,
    problems: pairs.length,
    samplesNow: pairs.length === 0 ? 0 : totalSamples / (2 * pairs.length),
    clusters: pairs.some((pair) => pair.cluster != null)
      ? clusterGroups(pairs.map((pair) => pair.cluster ?? null)).length
      : null,
    minimumDetectableEffect: Number.isFinite(mde) ? mde : null,
    detect,
    samplesPerProblem: Number.isFinite(samples) ? samples : null,
  };
}

/**
 * {@link comparisonPower} of the problems `changes` compared (rows of `rows`) from α index `from` to
 * `to`; by cluster when `clusterKeys` (one per row) are given.
 */
export function changesPower(
  rows: readonly ProblemCountsRow[],
  changes: readonly { row: number }[],
  from: number,
  to: number,
  detect: number,
  clusterKeys: readonly (string | null)[] | null = null,
): ComparisonPower {
  const pairs = changes.map(({ row }) => {
    const { n, pass } = rows[row];
    return {
      passA: pass[from],
      nA: n[from],
      passB: pass[to],
      nB: n[to],
      ...(clusterKeys ? { cluster: clusterKeys[row] } : {}),
    };
  });
  return comparisonPower(pairs, detect);
}
