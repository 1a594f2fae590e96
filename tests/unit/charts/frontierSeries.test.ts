import { describe, expect, it } from "vitest";
import { layoutFrontier, layoutFrontierSeries } from "@/lib/charts/frontierLayout";
import { seriesStyle } from "@/lib/charts/seriesStyle";
import { getMetric } from "@/lib/science/metricRegistry";
import { makeFrontierFixture } from "./fixtures/frontierData";

const wide = makeFrontierFixture().slices.all.points;
// A second experiment evaluated on a narrower grid, with every value shifted up by 0.2.
const narrow = makeFrontierFixture({ alphas: [0, 0.5, 1] }).slices.hard.points;
const shared = {
  x: getMetric("correctness"),
  y: getMetric("efficiency"),
  xLog: false,
  yLog: false,
  ci: false,
  includeCollapsed: false,
  zoom: null,
  width: 720,
  height: 440,
};

describe("layoutFrontierSeries", () => {
  const plot = layoutFrontierSeries({ ...shared, series: [wide, narrow] });

  it("fits one pair of scales to every series' values", () => {
    const all = [...wide, ...narrow];
    const xs = all.map((p) => p.metrics.correctness.value);
    const [x0, x1] = plot.xScale.domain();
    expect(x0).toBeLessThan(Math.min(...xs));
    expect(x1).toBeGreaterThan(Math.max(...xs));
    for (const layout of plot.series)
      for (const p of layout.points) {
        expect(p.cx).toBeGreaterThanOrEqual(0);
        expect(p.cx).toBeLessThanOrEqual(plot.frame.innerWidth);
        expect(p.cy).toBeGreaterThanOrEqual(0);
        expect(p.cy).toBeLessThanOrEqual(plot.frame.innerHeight);
      }
  });

  it("lays out each series as the one-series layout would on the same scales", () => {
    expect(plot.series.map((layout) => layout.points.map((p) => p.point.alpha))).toEqual([
      wide.map((p) => p.alpha),
      [0, 0.5, 1],
    ]);
    // The narrow series' path is interpolation only; the wide one has both extrapolation sides.
    expect(plot.series[1].path.map((run) => run.part)).toEqual(["interpolation"]);
    expect(plot.series[0].path.map((run) => run.part)).toEqual([
      "extrapolationA",
      "interpolation",
      "extrapolationB",
    ]);
    const point = narrow[1];
    const drawn = plot.series[1].points[1];
    expect(drawn.cx).toBeCloseTo(plot.xScale(point.metrics.correctness.value), 1);
    expect(drawn.cy).toBeCloseTo(plot.yScale(point.metrics.efficiency.value), 1);
  });

  it("judges Pareto points within each series, not across them", () => {
    const alone = layoutFrontier({ ...shared, points: narrow });
    expect(plot.series[1].points.map((p) => p.pareto)).toEqual(alone.points.map((p) => p.pareto));
  });

  it("is the one-series layout when given one series", () => {
    const one = layoutFrontierSeries({ ...shared, series: [wide] });
    const single = layoutFrontier({ ...shared, points: wide });
    expect(single.points).toEqual(one.series[0].points);
    expect(single.path).toEqual(one.series[0].path);
    expect(single.xTicks).toEqual(one.xTicks);
  });
});

describe("seriesStyle", () => {
  it("gives the four compared experiments distinct colours and distinct marker shapes", () => {
    const styles = [0, 1, 2, 3].map(seriesStyle);
    expect(new Set(styles.map((style) => style.color)).size).toBe(4);
    expect(new Set(styles.map((style) => style.shape)).size).toBe(4);
    expect(new Set(styles.map((style) => style.marker(64))).size).toBe(4);
    expect(styles[0].marker(64)).toMatch(/^M/);
  });
});

describe("layoutFrontierSeries with domainSeries", () => {
  it("draws only the series given, on the scales of every series named (a study's panel)", () => {
    const panel = layoutFrontierSeries({ ...shared, series: [narrow], domainSeries: [wide, narrow] });
    const both = layoutFrontierSeries({ ...shared, series: [wide, narrow] });
    expect(panel.series).toHaveLength(1);
    expect(panel.xScale.domain()).toEqual(both.xScale.domain());
    expect(panel.yScale.domain()).toEqual(both.yScale.domain());
    expect(panel.series[0].points.map((p) => [p.cx, p.cy])).toEqual(
      both.series[1].points.map((p) => [p.cx, p.cy]),
    );
    const alone = layoutFrontierSeries({ ...shared, series: [narrow] });
    expect(alone.xScale.domain()).not.toEqual(both.xScale.domain());
  });
});
