import { describe, expect, it } from "vitest";
import { getMetric } from "@/lib/science/metricRegistry";
import { createMetricEstimators, deltaTone, formatDelta, readoutAt } from "@/lib/views/alphaScores";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

const points = makeFrontierFixture().slices.all.points;
const estimators = createMetricEstimators(points);
const at = (alpha: number, id: string) => readoutAt(estimators, alpha).scores.find((s) => s.metric.id === id);

describe("readoutAt", () => {
  it("reports the measured value and interval at an evaluated α", () => {
    const score = at(1.25, "solveRate");
    const measured = points.find((p) => p.alpha === 1.25)?.metrics.solveRate;
    expect(score?.estimate).toMatchObject({ value: measured?.value, lower: measured?.lower, measured: true });
  });

  it("estimates between evaluated α, between the two neighbours' values", () => {
    const score = at(1.1, "efficiency");
    const [lo, hi] = [1, 1.25].map(
      (alpha) => points.find((p) => p.alpha === alpha)?.metrics.efficiency.value ?? 0,
    );
    expect(score?.estimate?.measured).toBe(false);
    expect(score?.estimate?.neighbours).toEqual([1, 1.25]);
    expect(score?.estimate?.value).toBeGreaterThanOrEqual(Math.min(lo, hi));
    expect(score?.estimate?.value).toBeLessThanOrEqual(Math.max(lo, hi));
  });

  it("gives the change against A and B, zero at the endpoint itself", () => {
    const atA = at(0, "correctness");
    expect(atA?.deltaA).toBe(0);
    const atB = at(1, "correctness");
    const a = points.find((p) => p.alpha === 0)?.metrics.correctness.value ?? 0;
    const b = points.find((p) => p.alpha === 1)?.metrics.correctness.value ?? 0;
    expect(atB?.deltaA).toBeCloseTo(b - a, 12);
    expect(atB?.deltaB).toBe(0);
  });

  it("has no estimate outside the evaluated range", () => {
    expect(at(2.5, "solveRate")?.estimate).toBeNull();
    expect(at(2.5, "solveRate")?.deltaA).toBeNull();
  });

  it("leaves out metrics the checkpoints do not have", () => {
    expect(at(0.5, "passAt1000")).toBeUndefined();
  });

  it("drops intervals when some knot has none", () => {
    const partial = points.map((p, i) =>
      i === 3
        ? {
            ...p,
            metrics: { ...p.metrics, efficiency: { value: 0.8, lower: Number.NaN, upper: Number.NaN } },
          }
        : p,
    );
    const estimate = readoutAt(createMetricEstimators(partial), 0.6).scores.find(
      (s) => s.metric.id === "efficiency",
    )?.estimate;
    expect(estimate?.lower).toBeNull();
  });
});

describe("the α readout", () => {
  it("gives the panel and the marker one estimate per metric, the same object in both places", () => {
    const readout = readoutAt(estimators, 0.6);
    for (const score of readout.scores) expect(readout.estimates.get(score.metric.id)).toBe(score.estimate);
    expect(readout.estimates.size).toBe(readout.scores.length);
  });

  it("says whether α is evaluated and between which evaluated α an estimate lies, by the solve rate", () => {
    expect(readoutAt(estimators, 1.25)).toMatchObject({
      alpha: 1.25,
      measured: true,
      neighbours: [1.25, 1.25],
    });
    expect(readoutAt(estimators, 1.1)).toMatchObject({ measured: false, neighbours: [1, 1.25] });
    expect(readoutAt(estimators, 2.5)).toMatchObject({ measured: true, neighbours: null });
  });
});

describe("deltas", () => {
  it("colours a change by the metric's direction, not by its sign", () => {
    expect(deltaTone(getMetric("solveRate"), 0.02)).toBe("better");
    expect(deltaTone(getMetric("wrongAnswerShare"), 0.02)).toBe("worse");
    expect(deltaTone(getMetric("meanPassRuntimeMs"), -30)).toBe("better");
    expect(deltaTone(getMetric("solveRate"), 0.0001)).toBe("same");
  });

  it("writes fractions in percentage points and runtimes in ms", () => {
    expect(formatDelta(getMetric("solveRate"), 0.0234)).toBe("+2.3 pp");
    expect(formatDelta(getMetric("timeLimitShare"), -0.05)).toBe("−5.0 pp");
    expect(formatDelta(getMetric("meanPassRuntimeMs"), 12.345)).toBe("+12.3 ms");
  });
});

describe("formatDelta at zero", () => {
  it("shows no sign for a change that rounds to zero", () => {
    expect(formatDelta(getMetric("solveRate"), -0.00001)).toBe("±0.0 pp");
    expect(formatDelta(getMetric("solveRate"), 0)).toBe("±0.0 pp");
  });
});
