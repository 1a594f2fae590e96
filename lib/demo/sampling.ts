/** Above this variance a binomial is drawn from its normal approximation (error far below noise). */
const NORMAL_APPROX_MIN_VARIANCE = 25;

/** A standard normal draw (Box–Muller). */
export function sampleNormal(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Binomial(n, p) draw in O(min(np, n(1−p))) steps: CDF inversion for small variance, the
 * rounded normal approximation above it. Never loops over the n trials.
 */
export function sampleBinomial(rng: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  const mean = n * p;
  const variance = mean * (1 - p);
  if (variance > NORMAL_APPROX_MIN_VARIANCE) {
    const draw = Math.round(mean + Math.sqrt(variance) * sampleNormal(rng));
    return Math.min(n, Math.max(0, draw));
  }
  // With p ≤ 0.5 and variance ≤ 25, (1−p)^n ≥ e^−70: no underflow.
  const ratio = p / (1 - p);
  let probability = (1 - p) ** n;
  let cumulative = probability;
  const u = rng();
  let k = 0;
  while (u > cumulative && k < n) {
    probability *= (ratio * (n - k)) / (k + 1);
    k += 1;
    cumulative += probability;
  }
  return k;
}

/**
 * A Multinomial(n, probabilities) draw as a chain of binomials: category i takes a binomial
 * share of what the earlier categories left. `probabilities` must sum to 1 (up to rounding);
 * the last category takes the remainder, so the counts always sum to n.
 */
export function sampleMultinomial(rng: () => number, n: number, probabilities: readonly number[]): number[] {
  const counts = new Array<number>(probabilities.length).fill(0);
  let remaining = n;
  let massLeft = 1;
  const last = probabilities.length - 1;
  for (let i = 0; i < last && remaining > 0; i++) {
    const share = massLeft > 0 ? Math.min(1, probabilities[i] / massLeft) : 0;
    counts[i] = sampleBinomial(rng, remaining, share);
    remaining -= counts[i];
    massLeft -= probabilities[i];
  }
  counts[last] += remaining;
  return counts;
}
