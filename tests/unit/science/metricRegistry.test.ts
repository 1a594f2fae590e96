import { describe, expect, it } from "vitest";
import { getMetric, isMetricId, METRIC_IDS, METRICS } from "../../../lib/science/metricRegistry";
import { sliceSummary } from "../../../lib/science/metrics";
import { buildMatrix } from "./buildMatrix";

const summary = sliceSummary(
  buildMatrix(
    ["easy"],
    [{ alpha: 0, cells: [{ pass: 3, wrongAnswer: 2, timeLimit: 1, runtimeMeanMs: 12.5, runtimeCount: 3 }] }],
  ).checkpoints[0],
  [0],
);

describe("the metric registry", () => {
  it("lists each id once, in the declared order", () => {
    expect(METRICS.map((m) => m.id)).toEqual([...METRIC_IDS]);
  });

  it("looks metrics up by id and recognizes ids", () => {
    expect(getMetric("timeLimitShare").label).toBe("Time-limit rate");
    expect(isMetricId("passAt250")).toBe(true);
    expect(isMetricId("passAt2")).toBe(false);
  });

  it("reads values from a summary, null where undefined", () => {
    expect(getMetric("solveRate").value(summary)).toBe(0.5);
    expect(getMetric("correctness").value(summary)).toBeCloseTo(1 - 2 / 6, 15);
    expect(getMetric("efficiency").value(summary)).toBeCloseTo(1 - 1 / 6, 15);
    expect(getMetric("passAt5").value(summary)).toBe(1);
    expect(getMetric("passAt10").value(summary)).toBeNull();
    expect(getMetric("meanPassRuntimeMs").value(summary)).toBe(12.5);
  });

  it("says which way is better and formats for people", () => {
    expect(getMetric("wrongAnswerShare").direction).toBe("lower");
    expect(getMetric("passShare").direction).toBe("higher");
    expect(getMetric("meanPassRuntimeMs").direction).toBe("lower");
    expect(getMetric("solveRate").format(0.2891)).toBe("28.9%");
    expect(getMetric("meanPassRuntimeMs").format(12.5)).toBe("12.5 ms");
    expect(getMetric("meanPassRuntimeMs").format(1234.4)).toBe("1234 ms");
    expect(METRICS.filter((m) => m.allowsLog).map((m) => m.id)).toEqual(["meanPassRuntimeMs"]);
  });
});
