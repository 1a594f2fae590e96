import { describe, expect, it } from "vitest";
import { layoutComposition } from "@/lib/charts/compositionLayout";
import { layoutMetricLines } from "@/lib/charts/metricLinesLayout";
import { DIFFICULTY_SLICES } from "@/lib/domain/difficulty";
import { makeFrontierFixture } from "./fixtures/frontierData";

const data = makeFrontierFixture();
const points = data.slices.all.points;

/** The y values of a path's vertices, in order. */
function ys(d: string): number[] {
  return [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[2]));
}

describe("layoutComposition", () => {
  const layout = layoutComposition(points, 720, 260);

  it("stacks the six verdicts from pass at the bottom to other at the top", () => {
    expect(layout.bands.map((band) => band.verdict)).toEqual([
      "pass",
      "wrongAnswer",
      "timeLimit",
      "runtimeError",
      "compileError",
      "other",
    ]);
  });

  it("fills the whole height at every α because the shares sum to 1", () => {
    // The top band's upper edge is its first 13 vertices (one per α); all sit at y = 0.
    const top = ys(layout.bands[5].d).slice(0, points.length);
    for (const y of top) expect(y).toBeCloseTo(0, 1);
  });

  it("draws the pass band as tall as the pass share", () => {
    const at = points.findIndex((p) => p.alpha === 1);
    const passTop = ys(layout.bands[0].d)[at];
    const share = points[at].metrics.passShare.value;
    expect(passTop).toBeCloseTo(layout.frame.innerHeight * (1 - share), 1);
  });

  it("marks [0, 1] inside the evaluated range and places α on the x axis", () => {
    const span = layout.frame.innerWidth;
    expect(layout.interpolation?.x0).toBeCloseTo(span / 3, 1);
    expect(layout.interpolation?.x1).toBeCloseTo((2 * span) / 3, 1);
    expect(layout.xOf(-1)).toBe(0);
    expect(layout.xOf(2)).toBeCloseTo(span, 1);
  });

  it("has no interpolation band when every evaluated α extrapolates", () => {
    const beyondB = points.filter((p) => p.alpha > 1);
    expect(layoutComposition(beyondB, 720, 260).interpolation).toBeNull();
  });
});

describe("layoutMetricLines", () => {
  const series = DIFFICULTY_SLICES.map((slice) => ({ slice, points: data.slices[slice].points }));
  const layout = layoutMetricLines(series, "solveRate", String, 360, 190);

  it("draws one line per slice through every evaluated α", () => {
    expect(layout.lines.map((line) => line.slice)).toEqual(["all", "easy", "medium", "hard"]);
    for (const line of layout.lines) expect(ys(line.d)).toHaveLength(points.length);
  });

  it("puts easy problems above hard ones (higher solve rate is higher on screen)", () => {
    const easy = ys(layout.lines[1].d);
    const hard = ys(layout.lines[3].d);
    easy.forEach((y, i) => {
      expect(y).toBeLessThan(hard[i]);
    });
  });

  it("leaves a gap where a checkpoint has no value", () => {
    const gappy = [
      { slice: "all" as const, points: points.map((p, i) => (i === 6 ? { ...p, metrics: {} } : p)) },
    ];
    const d = layoutMetricLines(gappy, "solveRate", String, 360, 190).lines[0].d;
    expect(d.match(/M/g)).toHaveLength(2);
  });
});
