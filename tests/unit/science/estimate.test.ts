import { describe, expect, it } from "vitest";
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
    // The sampling band (0.275 … 0.36), widened by the distance to the monotone interpolant.
    const spread = Math.abs((estimateAt(knots, 0.25, "monotone")?.value ?? Number.NaN) - 0.325);
    expect(spread).toBeGreaterThan(0);
    expect(result?.lower).toBeCloseTo(0.275 - spread, 15);
    expect(result?.upper).toBeCloseTo(0.36 + spread, 15);
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

describe("an estimate's interval (sampling and interpolation uncertainty)", () => {
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

  it("by brute force over 300 random sweeps and 40 α each: never narrower than the narrower neighbour, holds both interpolants and the sampling band", () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const sweep = randomKnots(seed);
      for (const method of ["monotone", "linear"] as const) {
        const other = method === "linear" ? "monotone" : "linear";
        const estimate = createEstimator(sweep, method);
        const alternative = createEstimator(
          sweep.map(({ alpha, value }) => ({ alpha, value })),
          other,
        );
        const bands = {
          lower: createEstimator(
            sweep.map((k) => ({ alpha: k.alpha, value: k.lower })),
            method,
          ),
          upper: createEstimator(
            sweep.map((k) => ({ alpha: k.alpha, value: k.upper })),
            method,
          ),
        };
        const samplingOnly = (alpha: number, bound: "lower" | "upper") =>
          bands[bound](alpha)?.value ?? Number.NaN;
        for (let i = 0; i < sweep.length - 1; i++) {
          for (let step = 1; step < 40; step++) {
            const alpha = sweep[i].alpha + ((sweep[i + 1].alpha - sweep[i].alpha) * step) / 40;
            const e = estimate(alpha);
            if (!e || e.lower === null || e.upper === null || e.measured) {
              failures.push(`seed ${seed}: no estimate at ${alpha}`);
              continue;
            }
            const narrower = Math.min(
              sweep[i].upper - sweep[i].lower,
              sweep[i + 1].upper - sweep[i + 1].lower,
            );
            const otherValue = alternative(alpha)?.value ?? Number.NaN;
            const tolerance = 1e-12;
            const checks = {
              width: e.upper - e.lower >= narrower - tolerance,
              value: e.lower <= e.value && e.value <= e.upper,
              interpolants: e.lower <= otherValue + tolerance && otherValue <= e.upper + tolerance,
              sampling:
                e.lower <= Math.min(samplingOnly(alpha, "lower"), e.value) + tolerance &&
                e.upper >= Math.max(samplingOnly(alpha, "upper"), e.value) - tolerance,
            };
            for (const [name, ok] of Object.entries(checks))
              if (!ok) failures.push(`seed ${seed}, ${method}, α = ${alpha}: ${name}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("widens by exactly the spread between the interpolants when the band is already wide enough", () => {
    const sweep = [
      { alpha: 0, value: 0.2, lower: 0.1, upper: 0.3 },
      { alpha: 1, value: 0.3, lower: 0.2, upper: 0.4 },
      { alpha: 2, value: 0.9, lower: 0.8, upper: 1 },
    ];
    const monotone = createEstimator(sweep, "monotone")(0.5);
    const line = 0.25;
    const bare = createEstimator(
      sweep.map(({ alpha, value }) => ({ alpha, value })),
      "monotone",
    )(0.5);
    const spread = Math.abs((bare?.value ?? Number.NaN) - line);
    const band = (bound: "lower" | "upper") =>
      createEstimator(
        sweep.map((k) => ({ alpha: k.alpha, value: k[bound] })),
        "monotone",
      )(0.5)?.value ?? Number.NaN;
    expect(monotone?.lower).toBeCloseTo(band("lower") - spread, 14);
    expect(monotone?.upper).toBeCloseTo(band("upper") + spread, 14);
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
