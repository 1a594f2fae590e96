import { describe, expect, it } from "vitest";
import type { SweepMatrix, TrainedColumns } from "../../../lib/domain/sweep";
import { claimsBootstrap, sliceClaims } from "../../../lib/science/claims";
import { createRng } from "../../../lib/science/random";
import {
  type InterpolationPath,
  nearestOnPath,
  type PlotBox,
  type PlotPosition,
  pathEstimator,
  pathMeetsBox,
  RETRACES_MARGIN_SHARE,
  type RetracedFinding,
  type RetracesVerdict,
  retraces,
  retracesVerdict,
  segmentMeetsBox,
} from "../../../lib/science/retraces";
import { sliceProblemIndices } from "../../../lib/science/slices";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

const rng = createRng(2205);

/** A random path over α 0, 0.25, …, 1 (each coordinate a random walk). */
function randomPath(): InterpolationPath {
  const alphas = [0, 0.25, 0.5, 0.75, 1];
  let x = rng();
  let y = rng();
  const positions = alphas.map(() => {
    x += rng() * 0.2 - 0.1;
    y += rng() * 0.2 - 0.1;
    return { x, y };
  });
  return { alphas, positions };
}

describe("the nearest α on the interpolation path", () => {
  it("matches a brute-force search on 10 001 α (300 random paths and points)", () => {
    for (let trial = 0; trial < 300; trial++) {
      const at = pathEstimator(randomPath());
      const point = { x: rng() * 1.2 - 0.1, y: rng() * 1.2 - 0.1 };
      let brute = Number.POSITIVE_INFINITY;
      for (let i = 0; i <= 10_000; i++) {
        const p = at(i / 10_000);
        brute = Math.min(brute, Math.hypot(p.x - point.x, p.y - point.y));
      }
      const found = nearestOnPath(at, point);
      // The brute-force grid's minimum is within (1/10 000)² × curvature of the true one; ours may beat it.
      expect(found.distance).toBeGreaterThanOrEqual(brute - 1e-6);
      expect(found.distance - brute).toBeLessThan(2e-5);
      const p = at(found.alpha);
      expect(Math.hypot(p.x - point.x, p.y - point.y)).toBeCloseTo(found.distance, 12);
    }
  }, 30_000);

  it("finds a point on the path at its own α, at distance 0, with the path through any box around it", () => {
    const at = pathEstimator(randomPath());
    const on = at(0.37);
    const found = nearestOnPath(at, on);
    expect(found.alpha).toBeCloseTo(0.37, 3);
    expect(found.distance).toBeLessThan(1e-4);
    expect(pathMeetsBox(at, { x: [on.x - 0.001, on.x + 0.001], y: [on.y - 0.001, on.y + 0.001] })).toBe(true);
  });
});

describe("a segment meeting a box", () => {
  it("agrees with dense sampling of the segment (2 000 random segments and boxes)", () => {
    for (let trial = 0; trial < 2000; trial++) {
      const a: PlotPosition = { x: rng(), y: rng() };
      const b: PlotPosition = { x: rng(), y: rng() };
      const [x0, x1] = [rng(), rng()].sort((p, q) => p - q);
      const [y0, y1] = [rng(), rng()].sort((p, q) => p - q);
      const box: PlotBox = { x: [x0, x1], y: [y0, y1] };
      let sampled = false;
      for (let i = 0; i <= 2000 && !sampled; i++) {
        const t = i / 2000;
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        sampled = x >= x0 && x <= x1 && y >= y0 && y <= y1;
      }
      // Sampling can only miss a hit (a corner grazed between samples), never invent one.
      if (sampled) expect(segmentMeetsBox(a, b, box)).toBe(true);
      if (!segmentMeetsBox(a, b, box)) expect(sampled).toBe(false);
    }
    expect(segmentMeetsBox({ x: 0, y: 0 }, { x: 1, y: 1 }, { x: [0.4, 0.6], y: [0.7, 0.9] })).toBe(false);
    expect(segmentMeetsBox({ x: 0, y: 0.5 }, { x: 1, y: 0.5 }, { x: [0.4, 0.6], y: [0.5, 0.9] })).toBe(true);
  });
});

describe("retraces", () => {
  it("takes the largest distance and its interval from the same resamples", () => {
    const path: InterpolationPath = {
      alphas: [0, 1],
      positions: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
    };
    // Two resamples: the path shifted by 0 and by +0.1 on x; the checkpoint fixed at (0.5, 0.6).
    const result = retraces(
      path,
      {
        x: [Float64Array.of(0, 0.1), Float64Array.of(1, 1.1)],
        y: [Float64Array.of(0, 0), Float64Array.of(1, 1)],
      },
      [
        {
          label: "c",
          position: { x: 0.5, y: 0.6 },
          box: { x: [0.45, 0.55], y: [0.55, 0.65] },
          resamples: { x: [0.5, 0.5], y: [0.6, 0.6] },
        },
      ],
      0.95,
    );
    // The distance from (0.5, 0.6) to the line y = x is 0.1/√2; to y = x − 0.1 it is 0.2/√2.
    expect(result.estimate).toBeCloseTo(0.1 / Math.SQRT2, 4);
    expect(result.ci[0]).toBeCloseTo(0.1 / Math.SQRT2 + 0.025 * (0.1 / Math.SQRT2), 4);
    expect(result.findings[0]).toMatchObject({ label: "c", throughBox: true });
    expect(result.findings[0].alpha).toBeCloseTo(0.55, 3);
    // Offsets at α 0.55 along (−1, 1)/√2: 0.1/√2 on y = x, 0.2/√2 on y = x − 0.1 (by hand).
    const [low, high] = [0.1 / Math.SQRT2, 0.2 / Math.SQRT2];
    const between = (q: number) => low + q * (high - low);
    expect(result.findings[0].equivalenceCi[0]).toBeCloseTo(between(0.05), 3);
    expect(result.findings[0].equivalenceCi[1]).toBeCloseTo(between(0.95), 3);
    expect(result.findings[0].differenceCi[1]).toBeCloseTo(between(0.975), 3);
    // The tolerance: 10 % of the A–B distance √2; the 90 % interval lies inside it.
    expect(result.margin).toBeCloseTo(0.1 * Math.SQRT2, 12);
    expect(result.verdict).toBe("supported");
  });
});

describe("the retraces verdict", () => {
  const finding = (equivalenceCi: [number, number], differenceCi: [number, number]): RetracedFinding => ({
    label: "t",
    alpha: 0.5,
    distance: 0,
    throughBox: null,
    equivalenceCi,
    differenceCi,
  });

  it("agrees with its definition on 5 000 random sets of intervals", () => {
    const interval = (centre: number, half: number): [number, number] => [centre - half, centre + half];
    for (let trial = 0; trial < 5000; trial++) {
      const margin = rng() * 0.1;
      const findings = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => {
        const centre = rng() * 0.3 - 0.15;
        const half = rng() * 0.1;
        return finding(interval(centre, half), interval(centre, half * 1.3));
      });
      const supported = findings.every(
        (f) => Math.abs(f.equivalenceCi[0]) <= margin && Math.abs(f.equivalenceCi[1]) <= margin,
      );
      const contradicted = findings.some((f) => f.differenceCi[0] > margin || f.differenceCi[1] < -margin);
      expect(retracesVerdict(findings, margin)).toBe(
        supported ? "supported" : contradicted ? "contradicted" : "inconclusive",
      );
    }
  });

  it("never says supported for an interval wider than the tolerance, however the box lies", () => {
    expect(retracesVerdict([finding([-0.05, 0.05], [-0.06, 0.06])], 0.04)).toBe("inconclusive");
    expect(retracesVerdict([finding([-0.03, 0.03], [-0.04, 0.04])], 0.04)).toBe("supported");
    expect(retracesVerdict([finding([0.05, 0.09], [0.045, 0.1])], 0.04)).toBe("contradicted");
  });
});

/**
 * A seeded simulation of `retraces` where the truth is known: 100 problems × 10 samples; the
 * path's two metrics are per-problem shares moving linearly with α (x up, y down); the trained
 * checkpoint's true position is the path's at α 0.4 moved `offset` along the path's normal. Each
 * trial draws the samples, the problems' paired resamples and calls `retraces`.
 */
function simulateRetraces(offset: number, trials: number, seed: number): Record<RetracesVerdict, number> {
  const random = createRng(seed);
  const problems = 100;
  const samples = 10;
  const resamples = 150;
  const alphas = [0, 0.25, 0.5, 0.75, 1];
  const slope = 0.3;
  const normal = { x: Math.SQRT1_2, y: Math.SQRT1_2 };
  const counts: Record<RetracesVerdict, number> = { supported: 0, contradicted: 0, inconclusive: 0 };
  const binomial = (p: number) => {
    let passes = 0;
    for (let s = 0; s < samples; s++) if (random() < p) passes++;
    return passes / samples;
  };
  for (let trial = 0; trial < trials; trial++) {
    const base = Array.from({ length: problems }, () => ({
      x: 0.2 + 0.3 * random(),
      y: 0.5 + 0.3 * random(),
    }));
    const shares = (shift: (i: number) => PlotPosition) =>
      base.map((_, i) => {
        const p = shift(i);
        return { x: binomial(p.x), y: binomial(p.y) };
      });
    const columns = alphas.map((alpha) =>
      shares((i) => ({ x: base[i].x + slope * alpha, y: base[i].y - slope * alpha })),
    );
    const trained = shares((i) => ({
      x: base[i].x + slope * 0.4 + offset * normal.x,
      y: base[i].y - slope * 0.4 + offset * normal.y,
    }));
    const mean = (values: PlotPosition[], picks: ArrayLike<number>) => {
      let [x, y] = [0, 0];
      for (let k = 0; k < picks.length; k++) {
        x += values[picks[k]].x;
        y += values[picks[k]].y;
      }
      return { x: x / picks.length, y: y / picks.length };
    };
    const all = Int32Array.from({ length: problems }, (_, i) => i);
    const picks = Array.from({ length: resamples }, () =>
      Int32Array.from({ length: problems }, () => Math.floor(random() * problems)),
    );
    const resampled = (values: PlotPosition[]) => picks.map((pick) => mean(values, pick));
    const pathResamples = columns.map(resampled);
    const trainedResamples = resampled(trained);
    const result = retraces(
      { alphas, positions: columns.map((values) => mean(values, all)) },
      {
        x: pathResamples.map((r) => r.map((p) => p.x)),
        y: pathResamples.map((r) => r.map((p) => p.y)),
      },
      [
        {
          label: "trained",
          position: mean(trained, all),
          box: null,
          resamples: { x: trainedResamples.map((p) => p.x), y: trainedResamples.map((p) => p.y) },
        },
      ],
      0.95,
    );
    counts[result.verdict]++;
  }
  return counts;
}

describe("retraces where the truth is known (seeded simulation, 200 trials each)", () => {
  const trials = 200;
  // The A–B distance is 0.3·√2, so the tolerance is 0.1 × that.
  const tolerance = RETRACES_MARGIN_SHARE * 0.3 * Math.SQRT2;

  it("a checkpoint on the path is almost never contradicted, and supported in about a third of trials", () => {
    const counts = simulateRetraces(0, trials, 41);
    expect(counts.contradicted / trials).toBeLessThanOrEqual(0.05);
    // The power at this size (100 problems × 10 samples): 68 of 200 with this seed (docs/science.md).
    expect(counts.supported / trials).toBeGreaterThan(0.25);
  }, 30_000);

  it("a checkpoint exactly at the tolerance is called supported in at most about 5 % of trials", () => {
    const counts = simulateRetraces(tolerance, trials, 42);
    // 5 % plus two Monte Carlo standard errors of a 5 % rate over 200 trials.
    expect(counts.supported / trials).toBeLessThanOrEqual(0.05 + 2 * Math.sqrt((0.05 * 0.95) / trials));
  }, 30_000);

  it("a checkpoint three tolerances off the path is never supported and mostly contradicted", () => {
    const counts = simulateRetraces(3 * tolerance, trials, 43);
    expect(counts.supported).toBe(0);
    expect(counts.contradicted / trials).toBeGreaterThan(0.9);
  }, 30_000);
});

describe("the retraces claim", () => {
  const alphaOnly = syntheticMatrix({
    alphas: [-0.5, 0, 0.25, 0.5, 0.75, 1, 1.5],
    problems: 90,
    samples: 10,
    seed: 3,
  });
  const copy = (j: number, label: string): TrainedColumns => {
    const { alpha: _alpha, label: _label, ...columns } = alphaOnly.checkpoints[j];
    return { ...columns, label, coverage: null };
  };
  const withTrained: SweepMatrix = { ...alphaOnly, trained: [copy(2, "at 0.25"), copy(4, "at 0.75")] };
  const options = {
    margin: 0.02,
    axes: { x: "correctness", y: "efficiency" } as const,
    bootstrap: { resamples: 200, seed: 5, level: 0.95 },
    ensemble: null,
  };
  const claimsOf = (matrix: SweepMatrix) => {
    const problems = sliceProblemIndices(matrix, "all");
    return sliceClaims(matrix, claimsBootstrap(matrix, [problems], options.bootstrap).combined, options);
  };

  it("is absent without trained checkpoints and leaves every other claim as it was", () => {
    const without = claimsOf(alphaOnly);
    const withIt = claimsOf(withTrained);
    expect(without.map((claim) => claim.id)).not.toContain("retraces");
    expect(withIt.filter((claim) => claim.id !== "retraces")).toEqual(without);
  });

  it("finds trained checkpoints that are copies of evaluated α on the path, at their α, and supports the claim", () => {
    const claim = claimsOf(withTrained).find((candidate) => candidate.id === "retraces");
    expect(claim?.estimate).toBeLessThan(1e-4);
    expect(claim?.verdict).toBe("supported");
    expect(claim?.detail).toMatch(
      /at 0\.25: nearest α 0\.25\d, distance 0\.0000, 90 % interval of its offset \[-?0\.0000, 0\.0000\], the path passes through its 95 % box/,
    );
    expect(claim?.detail).toMatch(/at 0\.75: nearest α 0\.7[45]\d/);
    // In every resample the copies sit on the resampled path too.
    expect(claim?.ci[1]).toBeLessThan(1e-3);
  });

  it("calls a checkpoint far off the path contradicted, naming the miss", () => {
    const far = copy(0, "far");
    // α = −0.5's results: an extrapolated point, off the path between 0 and 1.
    const claim = claimsOf({ ...alphaOnly, trained: [far] }).find((candidate) => candidate.id === "retraces");
    expect(claim?.verdict).toBe("contradicted");
    expect(claim?.detail).toContain("misses its 95 % box");
    expect(claim?.rule).toContain("10 % of the A–B distance");
    expect(claim?.ci[0]).toBeGreaterThan(0);
  });
});
