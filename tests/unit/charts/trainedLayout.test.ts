import { describe, expect, it } from "vitest";
import { layoutFrontier, layoutFrontierSeries } from "@/lib/charts/frontierLayout";
import { dominates } from "@/lib/science/pareto";
import { frontierLayoutInput, makeFrontierFixture, trainedNear } from "./fixtures/frontierData";

const data = makeFrontierFixture();
const points = data.slices.all.points;
const base = frontierLayoutInput({ points });

const trainedAt = (label: string, alpha: number, dx: number, dy: number) =>
  trainedNear(points, label, alpha, dx, dy);

describe("trained checkpoints on the frontier plot", () => {
  const trained = [
    trainedAt("coverage 25%", 0.25, 0.01, -0.01),
    trainedAt("coverage 50%", 0.5, -0.02, 0.02),
    trainedAt("coverage 75%", 0.75, -0.03, -0.03),
  ];
  const layout = layoutFrontier({ ...base, trained });

  it("leave the α points, path and staircase as they are without any", () => {
    const alone = layoutFrontier(base);
    const empty = layoutFrontier({ ...base, trained: [] });
    expect([empty.points, empty.path, empty.frontier, empty.xTicks, empty.yTicks]).toEqual([
      alone.points,
      alone.path,
      alone.frontier,
      alone.xTicks,
      alone.yTicks,
    ]);
    expect(alone.trained).toEqual({ marks: [], frontier: null });
    // Same scales here: every trained value lies within the α points' intervals' span.
    expect(layout.points).toEqual(alone.points);
    expect(layout.path).toEqual(alone.path);
    expect(layout.frontier).toBe(alone.frontier);
  });

  it("draw one labelled mark per trained checkpoint at its values on the α plot's scales", () => {
    expect(layout.trained.marks.map((mark) => mark.point.label)).toEqual(trained.map((t) => t.label));
    for (const mark of layout.trained.marks) {
      expect(mark.cx).toBeCloseTo(layout.xScale(mark.point.metrics.correctness.value), 1);
      expect(mark.cy).toBeCloseTo(layout.yScale(mark.point.metrics.efficiency.value), 1);
      expect(mark.inside).toBe(true);
      expect(mark.label?.text).toBe(mark.point.label);
      expect(mark.whiskers?.x1).toBeCloseTo(layout.xScale(mark.point.metrics.correctness.lower ?? 0), 1);
    }
  });

  it("draw the trained checkpoints' own staircase through exactly their non-dominated ones", () => {
    const directions = { x: "higher" as const, y: "higher" as const };
    const values = trained.map((t) => ({ x: t.metrics.correctness.value, y: t.metrics.efficiency.value }));
    const front = values.filter((v) => !values.some((other) => dominates(other, v, directions)));
    expect(front.length).toBe(2);
    const vertices = (layout.trained.frontier ?? "").match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
    for (const v of front) {
      const at = `${Math.round(layout.xScale(v.x) * 100) / 100},${Math.round(layout.yScale(v.y) * 100) / 100}`;
      expect(vertices).toContain(at);
    }
  });

  it("widen the scales to a trained checkpoint beyond every α point, and cut long labels", () => {
    const far = trainedAt(`a very long trained checkpoint label ${"x".repeat(40)}`, 1, 0.3, 0);
    const wide = layoutFrontier({ ...base, trained: [far] });
    const [mark] = wide.trained.marks;
    expect(mark.inside).toBe(true);
    expect(Array.from(mark.label?.text ?? "").length).toBeLessThanOrEqual(24);
    expect(mark.label?.text.endsWith("…")).toBe(true);
    expect(wide.points.map((p) => p.point.alpha)).toEqual(points.map((p) => p.alpha));
  });

  it("draw no whiskers without intervals, and leave out a checkpoint without a value", () => {
    const noCi = layoutFrontier({ ...base, trained, ci: false });
    expect(noCi.trained.marks.every((mark) => mark.whiskers === null)).toBe(true);
    const { correctness: _c, ...rest } = trained[0].metrics;
    const missing = layoutFrontier({ ...base, trained: [{ ...trained[0], metrics: rest }] });
    expect(missing.trained.marks).toEqual([]);
  });
});

describe("trained checkpoints on a study's panel", () => {
  it("fit the shared scales to every experiment's trained checkpoints, drawing only the panel's own", () => {
    const far = trainedAt("coverage 50% (other experiment)", 1, 0.3, 0.2);
    const own = trainedAt("coverage 25%", 0.25, 0.01, -0.01);
    const { points: _p, trained: _t, ...shared } = base;
    const panel = layoutFrontierSeries({
      ...shared,
      series: [points],
      trained: [[own]],
      domainSeries: [points, points],
      domainTrained: [[own], [far]],
    });
    const both = layoutFrontierSeries({ ...shared, series: [points, points], trained: [[own], [far]] });
    expect(panel.xScale.domain()).toEqual(both.xScale.domain());
    expect(panel.yScale.domain()).toEqual(both.yScale.domain());
    expect(panel.series[0].trained.marks.map((mark) => [mark.point.label, mark.cx, mark.cy])).toEqual(
      both.series[0].trained.marks.map((mark) => [mark.point.label, mark.cx, mark.cy]),
    );
    // Without the other experiment's trained checkpoint the scales would be narrower.
    const alone = layoutFrontierSeries({
      ...shared,
      series: [points],
      trained: [[own]],
      domainSeries: [points],
    });
    expect(alone.xScale.domain()).not.toEqual(both.xScale.domain());
  });
});
