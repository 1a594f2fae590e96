import { describe, expect, it } from "vitest";
import { layoutFrontier } from "@/lib/charts/frontierLayout";
import type { TrainedPoint } from "@/lib/contracts/types";
import { dominates } from "@/lib/science/pareto";
import { frontierLayoutInput, makeFrontierFixture } from "./fixtures/frontierData";

const data = makeFrontierFixture();
const points = data.slices.all.points;
const base = frontierLayoutInput({ points });

/** A trained checkpoint with the metrics of the fixture's α, moved by (dx, dy) on the default axes. */
function trainedAt(label: string, alpha: number, dx: number, dy: number): TrainedPoint {
  const source = points.find((p) => p.alpha === alpha);
  if (!source) throw new Error(`no α ${alpha}`);
  const shift = (id: string, d: number) => {
    const e = source.metrics[id];
    return { ...e, value: e.value + d, lower: (e.lower ?? e.value) + d, upper: (e.upper ?? e.value) + d };
  };
  return {
    label,
    coverage: null,
    problems: source.problems,
    samples: source.samples,
    metrics: {
      ...source.metrics,
      correctness: shift("correctness", dx),
      efficiency: shift("efficiency", dy),
    },
  };
}

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
