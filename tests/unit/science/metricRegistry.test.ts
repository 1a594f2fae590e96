import { describe, expect, it } from "vitest";
import {
  getMetric,
  isMetricId,
  METRIC_GROUPS,
  METRIC_IDS,
  METRICS,
  metricAnchor,
} from "../../../lib/science/metricRegistry";
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

  it("gives every metric a short name, a definition and a formula", () => {
    for (const metric of METRICS) {
      // Short enough to fit a label at every width: the definition lives in the glossary, not the name.
      expect(metric.label.length, metric.id).toBeLessThanOrEqual(20);
      expect(metric.label, metric.id).not.toMatch(/[()]/);
      expect(metric.glossary.measures.length, metric.id).toBeGreaterThan(40);
      expect(metric.glossary.formula, metric.id).toMatch(/[/Σ]/);
    }
    expect(getMetric("solveRate").label).toBe("Solve rate");
    expect(getMetric("meanPassRuntimeMs").label).toBe("Mean pass runtime");
    expect(getMetric("passAt25").glossary.formula).toContain("C(nₚ − cₚ, 25) / C(nₚ, 25)");
  });

  it("gives each metric its own glossary anchor and lists each in exactly one group", () => {
    expect(metricAnchor("solveRate")).toBe("solve-rate");
    expect(metricAnchor("passAt1000")).toBe("pass-at-1000");
    expect(metricAnchor("meanPassRuntimeMs")).toBe("mean-pass-runtime-ms");
    expect(new Set(METRIC_IDS.map(metricAnchor)).size).toBe(METRIC_IDS.length);
    expect(METRIC_GROUPS.flatMap((group) => group.ids).sort()).toEqual([...METRIC_IDS].sort());
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
