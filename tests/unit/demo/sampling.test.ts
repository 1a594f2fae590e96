import { describe, expect, it } from "vitest";
import { sampleBinomial, sampleMultinomial } from "../../../lib/demo/sampling";
import { createRng } from "../../../lib/science/random";

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
  const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
  return { mean, variance };
}

describe("sampleBinomial", () => {
  // Each case hits one branch: CDF inversion, inversion after flipping p > 0.5, normal approximation.
  it.each([
    [256, 0.004],
    [256, 0.93],
    [256, 0.3],
  ])("matches the mean and variance of Binomial(%i, %f)", (n, p) => {
    const rng = createRng(42);
    const draws = Array.from({ length: 4000 }, () => sampleBinomial(rng, n, p));
    const { mean, variance } = moments(draws);
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(n);
  });

  it("returns 0 or n for certain outcomes", () => {
    const rng = createRng(1);
    expect(sampleBinomial(rng, 50, 0)).toBe(0);
    expect(sampleBinomial(rng, 50, 1)).toBe(50);
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
  });
});

describe("sampleMultinomial", () => {
  it("sums to n, never fills an impossible category and matches the expected shares", () => {
    const rng = createRng(3);
    const probabilities = [0.5, 0, 0.3, 0.15, 0.05];
    const totals = [0, 0, 0, 0, 0];
    for (let draw = 0; draw < 500; draw++) {
      const counts = sampleMultinomial(rng, 256, probabilities);
      expect(counts.reduce((s, c) => s + c, 0)).toBe(256);
      expect(counts[1]).toBe(0);
      counts.forEach((c, i) => {
        totals[i] += c;
      });
    }
    const shares = totals.map((t) => t / (500 * 256));
    probabilities.forEach((p, i) => {
      expect(Math.abs(shares[i] - p)).toBeLessThan(0.005);
    });
  });
});
