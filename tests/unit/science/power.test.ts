import { describe, expect, it } from "vitest";
import {
  comparisonPower,
  minimumDetectableEffect,
  type PairedCounts,
  samplesPerProblemToDetect,
} from "@/lib/science/power";
import { createRng } from "@/lib/science/random";

function binomial(rng: () => number, n: number, p: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (rng() < p) count++;
  return count;
}

/** 200 problems with rates r, side B at r + shift, n samples a side. */
function draw(rng: () => number, rates: readonly number[], shift: number, n: number): PairedCounts[] {
  return rates.map((rate) => ({
    passA: binomial(rng, n, rate),
    nA: n,
    passB: binomial(rng, n, Math.min(1, rate + shift)),
    nB: n,
  }));
}

/** Share of seeded trials in which the two-sided paired z-test at 5 % rejects. */
function power(
  rng: () => number,
  rates: readonly number[],
  shift: number,
  n: number,
  trials: number,
): number {
  let rejected = 0;
  for (let t = 0; t < trials; t++) {
    const pairs = draw(rng, rates, shift, n);
    const d = pairs.map((p) => p.passB / p.nB - p.passA / p.nA);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
    if (Math.abs(mean / (sd / Math.sqrt(d.length))) > 1.959964) rejected++;
  }
  return rejected / trials;
}

describe("power", () => {
  const rng = createRng(2109);
  const rates = Array.from({ length: 200 }, () => 0.2 + 0.6 * rng());

  it("a true difference at the minimum detectable effect is detected about 80 % of the time (seeded simulation)", () => {
    const mde = minimumDetectableEffect(draw(rng, rates, 0, 10));
    expect(mde).toBeGreaterThan(0.01);
    const observed = power(rng, rates, mde, 10, 400);
    expect(observed).toBeGreaterThan(0.72);
    expect(observed).toBeLessThan(0.88);
  });

  it("the samples per problem it asks for detect the chosen Δ at least about 80 % of the time", () => {
    const delta = 0.04;
    const n = samplesPerProblemToDetect(draw(rng, rates, 0, 10), delta);
    expect(n).toBeGreaterThan(2);
    const observed = power(rng, rates, delta, n, 300);
    // At least 80 % up to noise; above it by the rounding up of n (a whole number of samples).
    expect(observed).toBeGreaterThan(0.75);
    expect(observed).toBeLessThan(0.95);
  });

  it("asks for more problems, not samples, when the true changes alone are too spread", () => {
    const spread: PairedCounts[] = Array.from({ length: 20 }, (_, i) => ({
      passA: i % 2 === 0 ? 0 : 100,
      nA: 100,
      passB: i % 2 === 0 ? 100 : 0,
      nB: 100,
    }));
    expect(samplesPerProblemToDetect(spread, 0.05)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("comparisonPower", () => {
  const pairs: PairedCounts[] = [
    { passA: 1, nA: 4, passB: 3, nB: 4 },
    { passA: 2, nA: 4, passB: 0, nB: 4 },
    { passA: 1, nA: 2, passB: 4, nB: 8 },
  ];

  it("gathers the two figures with the level, power and samples they are for", () => {
    expect(comparisonPower(pairs, 0.05)).toEqual({
      level: 0.05,
      power: 0.8,
      problems: 3,
      samplesNow: 26 / 6,
      clusters: null,
      minimumDetectableEffect: minimumDetectableEffect(pairs),
      detect: 0.05,
      samplesPerProblem: null,
    });
    expect(samplesPerProblemToDetect(pairs, 0.05)).toBe(Number.POSITIVE_INFINITY);
  });

  it("states no figure it cannot compute (null, never NaN or Infinity on the wire)", () => {
    expect(comparisonPower(pairs.slice(0, 1), 0.02)).toMatchObject({
      problems: 1,
      minimumDetectableEffect: null,
      samplesPerProblem: null,
    });
    expect(comparisonPower([], 0.02).samplesNow).toBe(0);
  });
});

describe("by cluster", () => {
  const rng = createRng(77);
  const rates = Array.from({ length: 60 }, () => 0.2 + 0.6 * rng());
  const pairs = draw(rng, rates, 0.05, 8);

  it("is the usual figure for clusters of one problem, and the cluster-robust SE (brute force) for contests", () => {
    const singles = pairs.map((pair) => ({ ...pair, cluster: null }));
    expect(minimumDetectableEffect(singles)).toBeCloseTo(minimumDetectableEffect(pairs), 12);

    const contests = pairs.map((pair, i) => ({ ...pair, cluster: `contest ${i % 6}` }));
    const d = pairs.map((p) => p.passB / p.nB - p.passA / p.nA);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sums = [0, 1, 2, 3, 4, 5].map((c) => d.reduce((s, x, i) => (i % 6 === c ? s + x - mean : s), 0));
    const se = Math.sqrt((6 / 5) * sums.reduce((s, x) => s + x * x, 0)) / d.length;
    expect(minimumDetectableEffect(contests)).toBeCloseTo((1.959964 + 0.841621) * se, 5);
    expect(comparisonPower(contests, 0.02).clusters).toBe(6);
  });

  it("asks for more samples when the design effect is above 1 (contests that move together)", () => {
    // Whole contests shift together: their problems' changes share a sign.
    const together = pairs.map((pair, i) => {
      const up = i % 6 < 3;
      return {
        ...pair,
        passB: Math.max(0, Math.min(pair.nB, pair.passA + (up ? 2 : -1))),
        cluster: `contest ${i % 6}`,
      };
    });
    const alone = together.map(({ cluster: _cluster, ...pair }) => pair);
    expect(minimumDetectableEffect(together)).toBeGreaterThan(minimumDetectableEffect(alone));
    const many = samplesPerProblemToDetect(together, 0.3);
    const few = samplesPerProblemToDetect(alone, 0.3);
    expect(many).toBeGreaterThanOrEqual(few);
  });
});
