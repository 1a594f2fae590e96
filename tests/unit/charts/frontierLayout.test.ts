import { describe, expect, it } from "vitest";
import { layoutFrontier, pathPart } from "@/lib/charts/frontierLayout";
import { dominates } from "@/lib/science/pareto";
import { frontierLayoutInput, makeFrontierFixture, withJoint } from "./fixtures/frontierData";

const data = makeFrontierFixture();
const base = frontierLayoutInput({ points: data.slices.all.points });

describe("pathPart", () => {
  it("classifies segments by their midpoint", () => {
    expect(pathPart(-0.25, 0)).toBe("extrapolationA");
    expect(pathPart(0, 0.25)).toBe("interpolation");
    expect(pathPart(0.75, 1)).toBe("interpolation");
    expect(pathPart(1, 1.25)).toBe("extrapolationB");
  });
});

describe("layoutFrontier", () => {
  const layout = layoutFrontier(base);

  it("plots one point per evaluated α, in α order, inside the plotting area", () => {
    expect(layout.points.map((p) => p.point.alpha)).toEqual(data.slices.all.points.map((p) => p.alpha));
    for (const p of layout.points) {
      expect(p.cx).toBeGreaterThanOrEqual(0);
      expect(p.cx).toBeLessThanOrEqual(layout.frame.innerWidth);
      expect(p.cy).toBeGreaterThanOrEqual(0);
      expect(p.cy).toBeLessThanOrEqual(layout.frame.innerHeight);
    }
  });

  it("splits the α path into A-side extrapolation, interpolation and B-side extrapolation", () => {
    expect(layout.path.map((run) => run.part)).toEqual(["extrapolationA", "interpolation", "extrapolationB"]);
    // The interpolation run passes through the five points α = 0, 0.25, …, 1.
    expect(layout.path[1].d.match(/[ML]/g)).toHaveLength(5);
  });

  it("flags exactly the points no other point dominates", () => {
    const directions = { x: "higher", y: "higher" } as const;
    const values = layout.points.map((p) => ({
      x: p.point.metrics.correctness.value,
      y: p.point.metrics.efficiency.value,
    }));
    layout.points.forEach((p, i) => {
      const dominated = values.some((other, j) => j !== i && dominates(other, values[i], directions));
      expect(p.pareto).toBe(!dominated);
    });
    expect(layout.points.some((p) => p.pareto)).toBe(true);
    expect(layout.frontier).toMatch(/^M/);
  });

  it("draws whiskers spanning each point's interval only when intervals are on", () => {
    for (const p of layout.points) {
      const w = p.whiskers;
      expect(w).not.toBeNull();
      if (!w) continue;
      expect(w.x1).toBeLessThanOrEqual(p.cx);
      expect(w.x2).toBeGreaterThanOrEqual(p.cx);
      // y grows downwards on screen: the lower bound is below the point.
      expect(w.y1).toBeGreaterThanOrEqual(p.cy);
      expect(w.y2).toBeLessThanOrEqual(p.cy);
    }
    expect(layoutFrontier({ ...base, ci: false }).points.every((p) => p.whiskers === null)).toBe(true);
  });

  it("keeps the Pareto set when zoomed into a window", () => {
    const zoomed = layoutFrontier({ ...base, zoom: { x: [0.9, 0.95], y: [0.9, 0.95] } });
    expect(zoomed.points.map((p) => p.pareto)).toEqual(layout.points.map((p) => p.pareto));
    expect(zoomed.xScale.domain()).toEqual([0.9, 0.95]);
  });

  it("leaves out and reports α without a value for a chosen metric", () => {
    const points = data.slices.all.points.map((p, i) =>
      i === 2 ? { ...p, metrics: { correctness: p.metrics.correctness } } : p,
    );
    const partial = layoutFrontier({ ...base, points });
    expect(partial.missing).toEqual([-0.5]);
    expect(partial.points).toHaveLength(12);
  });

  it("lays out a single checkpoint without a path or frontier line", () => {
    const single = layoutFrontier({ ...base, points: data.slices.all.points.slice(4, 5) });
    expect(single.points).toHaveLength(1);
    expect(single.path).toEqual([]);
    expect(single.frontier).toBeNull();
    expect(single.points[0].pareto).toBe(true);
  });
});

describe("layoutFrontier with collapsed checkpoints", () => {
  // The fixture's far ends (α = −1 and 2) marked collapsed, and moved to the best corner, where
  // they would dominate everything.
  const points = data.slices.all.points.map((p) =>
    p.alpha === -1 || p.alpha === 2
      ? {
          ...p,
          collapsed: true,
          metrics: {
            ...p.metrics,
            correctness: withJoint({ value: 0.999, lower: 0.99, upper: 1 }),
            efficiency: withJoint({ value: 0.999, lower: 0.99, upper: 1 }),
          },
        }
      : p,
  );

  it("leaves them out of the Pareto set by default, labels them, and the rest compete alone", () => {
    const layout = layoutFrontier({ ...base, points });
    const flagged = layout.points.filter((p) => p.collapsed).map((p) => p.point.alpha);
    expect(flagged).toEqual([-1, 2]);
    expect(layout.points.filter((p) => p.collapsed && p.pareto)).toEqual([]);
    const others = layoutFrontier({ ...base, points: points.filter((p) => !p.collapsed) });
    expect(layout.points.filter((p) => p.pareto).map((p) => p.point.alpha)).toEqual(
      others.points.filter((p) => p.pareto).map((p) => p.point.alpha),
    );
    // The collapsed points still set the axes, so only the staircase's existence is comparable.
    expect(layout.frontier).not.toBeNull();
  });

  it("lets them compete when included: then they dominate everything", () => {
    const layout = layoutFrontier({ ...base, points, includeCollapsed: true });
    expect(layout.points.filter((p) => p.pareto).map((p) => p.point.alpha)).toEqual([-1, 2]);
  });
});

describe("layoutFrontier with values JSON could not carry", () => {
  it("skips null values and drops whiskers without finite bounds", () => {
    const points = makeFrontierFixture().slices.all.points.map((p, i) => {
      if (i === 1)
        return { ...p, metrics: { ...p.metrics, efficiency: { value: null, lower: null, upper: null } } };
      if (i === 2)
        return { ...p, metrics: { ...p.metrics, efficiency: { ...p.metrics.efficiency, lower: null } } };
      return p;
    }) as unknown as typeof base.points;
    const layout = layoutFrontier({ ...base, points });
    expect(layout.missing).toEqual([-0.75]);
    const third = layout.points.find((p) => p.point.alpha === -0.5);
    expect(third?.whiskers).toBeNull();
    expect(layout.points.every((p) => Number.isFinite(p.cx) && Number.isFinite(p.cy))).toBe(true);
  });
});
