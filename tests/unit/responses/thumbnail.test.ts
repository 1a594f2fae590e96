import { describe, expect, it } from "vitest";
import type { FrontierPoint } from "@/lib/contracts/types";
import { experimentThumbnail } from "@/lib/responses/thumbnail";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

const points = makeFrontierFixture().slices.all.points;

describe("experimentThumbnail", () => {
  it("keeps every α's correctness and efficiency, in α order", () => {
    const thumbnail = experimentThumbnail(points);
    expect(thumbnail.axes).toEqual({ x: "correctness", y: "efficiency" });
    expect(thumbnail.points).toEqual(
      points.map((point) => ({
        alpha: point.alpha,
        x: point.metrics.correctness.value,
        y: point.metrics.efficiency.value,
        solveRate: point.metrics.solveRate.value,
        collapsed: false,
      })),
    );
  });

  it("names the highest solve rate of a checkpoint that did not collapse, and its α", () => {
    // The best by brute force, then the same with that checkpoint collapsed.
    const best = points.reduce((a, b) => (b.metrics.solveRate.value > a.metrics.solveRate.value ? b : a));
    expect(experimentThumbnail(points).best).toEqual({
      alpha: best.alpha,
      solveRate: best.metrics.solveRate.value,
    });
    const collapsed = points.map((point) => (point === best ? { ...point, collapsed: true } : point));
    const rest = points.filter((point) => point !== best);
    const runnerUp = rest.reduce((a, b) => (b.metrics.solveRate.value > a.metrics.solveRate.value ? b : a));
    const thumbnail = experimentThumbnail(collapsed);
    expect(thumbnail.best).toEqual({ alpha: runnerUp.alpha, solveRate: runnerUp.metrics.solveRate.value });
    expect(thumbnail.points.find((point) => point.alpha === best.alpha)?.collapsed).toBe(true);
  });

  it("leaves out a point without both axis values, and has no best when every point collapsed", () => {
    const [first, ...others] = points;
    const noEfficiency: FrontierPoint = {
      ...first,
      metrics: { ...first.metrics, efficiency: { ...first.metrics.efficiency, value: Number.NaN } },
    };
    const thumbnail = experimentThumbnail([noEfficiency, ...others]);
    expect(thumbnail.points.map((point) => point.alpha)).toEqual(others.map((point) => point.alpha));
    expect(experimentThumbnail(points.map((point) => ({ ...point, collapsed: true }))).best).toBeNull();
    expect(experimentThumbnail([])).toEqual({
      axes: { x: "correctness", y: "efficiency" },
      points: [],
      best: null,
    });
  });
});
