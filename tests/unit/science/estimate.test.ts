import { describe, expect, it } from "vitest";
import { drawCounts, jointLevel, percentileInterval } from "../../../lib/science/bootstrap";
import {
  createEstimator,
  createPointEstimator,
  estimateAt,
  estimatePointAt,
} from "../../../lib/science/estimate";
import { createRng } from "../../../lib/science/random";

const knots = [
  { alpha: 1, value: 0.4, lower: 0.35, upper: 0.45 },
  { alpha: -1, value: 0.1, lower: 0.05, upper: 0.2 },
  { alpha: 0, value: 0.3, lower: 0.25, upper: 0.33 },
  { alpha: 2, value: 0.41, lower: 0.3, upper: 0.5 },
];

describe("createEstimator", () => {
  it("returns the measured value exactly at every evaluated α, for both methods", () => {
    for (const method of ["linear", "monotone"] as const) {
      const estimate = createEstimator(knots, method);
      for (const knot of knots) {
        expect(estimate(knot.alpha)).toEqual({
          value: knot.value,
          lower: knot.lower,
          upper: knot.upper,
          measured: true,
          neighbours: [knot.alpha, knot.alpha],
          unreliable: false,
        });
      }
    }
  });

  it("gives no estimate outside the evaluated range", () => {
    const estimate = createEstimator(knots, "monotone");
    expect(estimate(-1.01)).toBeNull();
    expect(estimate(2.5)).toBeNull();
    expect(createEstimator([{ alpha: 0, value: 1 }], "linear")(0.1)).toBeNull();
  });

  it("interpolates linearly between the neighbours and labels the result an estimate", () => {
    const result = estimateAt(knots, 0.25, "linear");
    expect(result?.measured).toBe(false);
    expect(result?.neighbours).toEqual([0, 1]);
    expect(result?.value).toBeCloseTo(0.325, 15);
    // The envelope of the two neighbours' intervals (no joint bounds given: their plain ones).
    expect(result?.lower).toBe(0.25);
    expect(result?.upper).toBe(0.45);
  });

  it("keeps monotone data monotone and inside each interval's knot values", () => {
    const rng = createRng(8);
    const violations: string[] = [];
    for (let trial = 0; trial < 20; trial++) {
      let alpha = -1;
      let value = rng();
      const series = Array.from({ length: 9 }, () => {
        alpha += 0.1 + rng() * 0.5;
        value += rng() < 0.3 ? 0 : rng() * 0.3;
        return { alpha, value };
      });
      const estimate = createEstimator(series, "monotone");
      let previous = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < series.length - 1; i++) {
        for (let t = 0; t <= 50; t++) {
          const a = series[i].alpha + ((series[i + 1].alpha - series[i].alpha) * t) / 50;
          const v = estimate(a)?.value ?? Number.NaN;
          const ok =
            v >= previous - 1e-12 && v >= series[i].value - 1e-12 && v <= series[i + 1].value + 1e-12;
          if (!ok) violations.push(`trial ${trial}, α = ${a}: ${v}`);
          previous = v;
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("is linear with two knots and keeps lower ≤ value ≤ upper", () => {
    const two = [
      { alpha: 0, value: 0, lower: -1, upper: 1 },
      { alpha: 1, value: 1, lower: 0.5, upper: 1.5 },
    ];
    expect(estimateAt(two, 0.3, "monotone")?.value).toBeCloseTo(0.3, 15);
    const estimate = createEstimator(knots, "monotone");
    for (let a = -0.99; a < 2; a += 0.01) {
      const result = estimate(a);
      expect(result?.lower ?? Number.NaN).toBeLessThanOrEqual(result?.value ?? Number.NaN);
      expect(result?.upper ?? Number.NaN).toBeGreaterThanOrEqual(result?.value ?? Number.NaN);
    }
  });

  it("reports no interval when the knots carry none, and rejects duplicate α", () => {
    expect(
      estimateAt(
        [
          { alpha: 0, value: 1 },
          { alpha: 1, value: 2 },
        ],
        0.5,
        "linear",
      )?.lower,
    ).toBeNull();
    expect(() =>
      createEstimator(
        [
          { alpha: 0, value: 1 },
          { alpha: 0, value: 2 },
        ],
        "linear",
      ),
    ).toThrow(/two knots/);
  });
});

describe("an estimate's interval (envelope of the neighbours' joint bounds)", () => {
  /** Random knots on a random grid, with random asymmetric intervals; some intervals tiny. */
  function randomKnots(seed: number) {
    const rng = createRng(seed);
    let alpha = -1 + rng();
    return Array.from({ length: 3 + Math.floor(rng() * 8) }, () => {
      alpha += 0.05 + rng() * 0.6;
      const value = rng();
      const tiny = rng() < 0.2;
      return {
        alpha,
        value,
        lower: value - (tiny ? 1e-4 : rng() * 0.1),
        upper: value + (tiny ? 1e-4 : rng() * 0.1),
      };
    });
  }

  it("by brute force over 300 random sweeps and 40 α each: exactly the envelope of the neighbours' joint bounds", () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const sweep = randomKnots(seed).map((k) => ({
        ...k,
        lowerJoint: k.lower - 0.01,
        upperJoint: k.upper + 0.02,
      }));
      for (const method of ["monotone", "linear"] as const) {
        const estimate = createEstimator(sweep, method);
        for (let i = 0; i < sweep.length - 1; i++) {
          for (let step = 1; step < 40; step++) {
            const alpha = sweep[i].alpha + ((sweep[i + 1].alpha - sweep[i].alpha) * step) / 40;
            const e = estimate(alpha);
            const lower = Math.min(sweep[i].lowerJoint, sweep[i + 1].lowerJoint, e?.value ?? Number.NaN);
            const upper = Math.max(sweep[i].upperJoint, sweep[i + 1].upperJoint, e?.value ?? Number.NaN);
            if (!e || e.lower !== lower || e.upper !== upper || e.measured)
              failures.push(`seed ${seed}, ${method}, α = ${alpha}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("covers the true value ≥ 95% when the metric is monotone between the neighbours (seeded simulation, problems bootstrapped)", () => {
    // Two neighbouring evaluated α with 150 problems each; the true solve rate at α between them
    // is flat (the hardest case: both intervals must cover the same value) or a ramp.
    const rng = createRng(2411);
    const problems = 150;
    const trials = 250;
    const resamples = 300;
    const cases = [
      { name: "flat", left: 0.4, right: 0.4 },
      { name: "ramp", left: 0.3, right: 0.5 },
    ];
    for (const { name, left, right } of cases) {
      let covered = 0;
      for (let trial = 0; trial < trials; trial++) {
        const knotAt = (alpha: number, rate: number) => {
          const solved = Array.from({ length: problems }, () => (rng() < rate ? 1 : 0));
          const counts = new Int32Array(problems);
          const means = Array.from({ length: resamples }, () => {
            drawCounts(rng, counts);
            let sum = 0;
            for (let i = 0; i < problems; i++) sum += counts[i] * solved[i];
            return sum / problems;
          });
          const [lower, upper] = percentileInterval(means, 0.95);
          const [lowerJoint, upperJoint] = percentileInterval(means, jointLevel(0.95));
          const value = solved.reduce((sum: number, x) => sum + x, 0) / problems;
          return { alpha, value, lower, upper, lowerJoint, upperJoint };
        };
        const estimate = createEstimator([knotAt(0, left), knotAt(1, right)], "monotone")(0.4);
        const truth = left + 0.4 * (right - left);
        if (estimate && (estimate.lower ?? 1) <= truth && truth <= (estimate.upper ?? 0)) covered++;
      }
      expect(covered / trials, name).toBeGreaterThanOrEqual(0.93);
    }
  }, 30_000);

  it("is marked unreliable next to a collapsed α", () => {
    const estimate = createEstimator(
      [
        { alpha: 1.75, value: 0.43, lower: 0.4, upper: 0.46 },
        { alpha: 2, value: 0.06, lower: 0.04, upper: 0.08, collapsed: true },
        { alpha: 1.5, value: 0.44, lower: 0.41, upper: 0.47 },
      ],
      "monotone",
    );
    expect(estimate(1.9)).toMatchObject({ unreliable: true, lower: 0.04, upper: 0.46 });
    expect(estimate(1.6)?.unreliable).toBe(false);
  });

  it("keeps measured values' intervals as measured", () => {
    const sweep = randomKnots(5);
    const estimate = createEstimator(sweep, "monotone");
    for (const knot of sweep)
      expect(estimate(knot.alpha)).toMatchObject({ lower: knot.lower, upper: knot.upper, measured: true });
  });
});

describe("createPointEstimator", () => {
  it("moves the (x, y) marker along the α path and stops at the evaluated ends", () => {
    const path = [
      { alpha: 0, x: 0.8, y: 0.6 },
      { alpha: 1, x: 0.7, y: 0.8 },
    ];
    const middle = estimatePointAt(path, 0.5, "linear");
    expect(middle?.x).toBeCloseTo(0.75, 15);
    expect(middle?.y).toBeCloseTo(0.7, 15);
    expect(middle?.measured).toBe(false);
    expect(middle?.neighbours).toEqual([0, 1]);
    const estimate = createPointEstimator(path, "monotone");
    expect(estimate(1)).toEqual({ x: 0.7, y: 0.8, measured: true, neighbours: [1, 1] });
    expect(estimate(1.25)).toBeNull();
  });
});
