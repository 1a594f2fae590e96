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
  retraces,
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
  });

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
  });
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
