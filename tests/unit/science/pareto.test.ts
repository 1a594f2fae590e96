import { describe, expect, it } from "vitest";
import type { Direction } from "../../../lib/science/direction";
import {
  distanceToFront,
  dominates,
  frontierStepPath,
  hypervolume2d,
  type ParetoDirections,
  type ParetoPoint,
  paretoFront,
} from "../../../lib/science/pareto";
import { createRng } from "../../../lib/science/random";

const BOTH_WAYS: Direction[] = ["higher", "lower"];
const ALL_DIRECTIONS: ParetoDirections[] = BOTH_WAYS.flatMap((x) => BOTH_WAYS.map((y) => ({ x, y })));
const MAX: ParetoDirections = { x: "higher", y: "higher" };

/** Points on a coarse grid so that ties and duplicates occur. */
function cloud(seed: number, size: number): ParetoPoint[] {
  const rng = createRng(seed);
  return Array.from({ length: size }, () => ({
    x: Math.round(rng() * 12) / 12,
    y: Math.round(rng() * 12) / 12,
  }));
}

describe("paretoFront", () => {
  it("matches the O(n²) definition on random clouds with ties, for every pair of directions", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const points = cloud(seed, 60);
      for (const directions of ALL_DIRECTIONS) {
        const reference = points
          .map((_, i) => i)
          .filter((i) => !points.some((other) => dominates(other, points[i], directions)));
        expect([...paretoFront(points, directions)].sort((a, b) => a - b)).toEqual(reference);
      }
    }
  });

  it("orders the front by increasing x and ignores points without a finite coordinate", () => {
    const points = [
      { x: 0.9, y: 0.1 },
      { x: 0.1, y: 0.9 },
      { x: Number.NaN, y: 2 },
      { x: 0.5, y: 0.5 },
      { x: 0.4, y: 0.4 },
    ];
    expect(paretoFront(points, MAX)).toEqual([1, 3, 0]);
  });
});

describe("dominates", () => {
  it("needs at least as good on both and strictly better on one", () => {
    expect(dominates({ x: 1, y: 1 }, { x: 1, y: 0 }, MAX)).toBe(true);
    expect(dominates({ x: 1, y: 1 }, { x: 1, y: 1 }, MAX)).toBe(false);
    expect(dominates({ x: 0, y: 1 }, { x: 1, y: 0 }, MAX)).toBe(false);
    expect(dominates({ x: 0, y: 1 }, { x: 1, y: 1 }, { x: "lower", y: "higher" })).toBe(true);
  });
});

describe("frontierStepPath", () => {
  it("puts a corner at the worse coordinates between consecutive front points", () => {
    const points = [
      { x: 0.2, y: 0.8 },
      { x: 0.6, y: 0.5 },
      { x: 0.1, y: 0.1 },
    ];
    expect(frontierStepPath(points, MAX)).toEqual({
      indices: [0, 1],
      vertices: [
        { x: 0.2, y: 0.8 },
        { x: 0.2, y: 0.5 },
        { x: 0.6, y: 0.5 },
      ],
    });
    // Lower-is-better y: the corner takes the larger y.
    expect(
      frontierStepPath([points[0], { x: 0.6, y: 0.9 }], { x: "higher", y: "lower" }).vertices[1],
    ).toEqual({
      x: 0.2,
      y: 0.9,
    });
  });
});

describe("distanceToFront", () => {
  const front = [
    { x: 0, y: 1 },
    { x: 1, y: 0 },
  ];

  it("is 0 for points the front does not dominate and the corner distance below it", () => {
    expect(distanceToFront({ x: 0.2, y: 0.2 }, front, MAX)).toBe(0);
    expect(distanceToFront({ x: 1, y: 0 }, front, MAX)).toBe(0);
    expect(distanceToFront({ x: -0.5, y: -0.5 }, front, MAX)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(distanceToFront({ x: -3, y: 0.5 }, front, MAX)).toBeCloseTo(0.5, 15);
  });

  it("matches the nearest non-dominated point of a fine grid", () => {
    const rng = createRng(4);
    const step = 1 / 200;
    for (let trial = 0; trial < 10; trial++) {
      const points = Array.from({ length: 8 }, () => ({ x: rng(), y: rng() }));
      const directions = ALL_DIRECTIONS[trial % 4];
      const frontPoints = paretoFront(points, directions).map((i) => points[i]);
      const probe = { x: rng(), y: rng() };
      let nearest = Number.POSITIVE_INFINITY;
      for (let gx = -0.2; gx <= 1.2; gx += step) {
        for (let gy = -0.2; gy <= 1.2; gy += step) {
          const candidate = { x: gx, y: gy };
          if (!frontPoints.some((f) => dominates(f, candidate, directions))) {
            nearest = Math.min(nearest, Math.hypot(gx - probe.x, gy - probe.y));
          }
        }
      }
      expect(Math.abs(distanceToFront(probe, frontPoints, directions) - nearest)).toBeLessThan(step * 1.5);
    }
  });
});

describe("hypervolume2d", () => {
  it("matches a grid count of the dominated area", () => {
    const cells = 300;
    for (let seed = 1; seed <= 6; seed++) {
      const rng = createRng(seed);
      const points = Array.from({ length: 10 }, () => ({ x: rng(), y: rng() }));
      const directions = ALL_DIRECTIONS[seed % 4];
      const reference = { x: directions.x === "higher" ? 0 : 1, y: directions.y === "higher" ? 0 : 1 };
      let covered = 0;
      for (let i = 0; i < cells; i++) {
        for (let j = 0; j < cells; j++) {
          const cell = { x: (i + 0.5) / cells, y: (j + 0.5) / cells };
          if (points.some((p) => dominates(p, cell, directions))) covered++;
        }
      }
      // Only cells cut by the staircase can be miscounted: at most 2·cells of them.
      expect(Math.abs(hypervolume2d(points, directions, reference) - covered / cells ** 2)).toBeLessThan(
        2 / cells,
      );
    }
  });

  it("is the sum of rectangles for a known front and ignores points beyond the reference", () => {
    const points = [
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 1 },
      { x: -1, y: 5 },
    ];
    expect(hypervolume2d(points, MAX, { x: 0, y: 0 })).toBe(6);
  });
});
