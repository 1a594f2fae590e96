import { describe, expect, it } from "vitest";
import { FRONTIER_MARGIN, layoutFrontier } from "@/lib/charts/frontierLayout";
import { passAtKChartLayout } from "@/lib/charts/passAtKCurveLayout";
import { marginFor, PRESENTATION_TYPE, SCREEN_TYPE } from "@/lib/charts/typography";
import { frontierLayoutInput } from "./fixtures/frontierData";

const base = frontierLayoutInput({ width: 1200, height: 800 });

describe("chart type sizes", () => {
  it("presentation type is large enough to read from the back of a room (tick and axis labels ≥ 16 px)", () => {
    expect(PRESENTATION_TYPE.tick).toBeGreaterThanOrEqual(16);
    expect(PRESENTATION_TYPE.title).toBeGreaterThanOrEqual(16);
    expect(PRESENTATION_TYPE.label).toBeGreaterThanOrEqual(16);
  });

  it("grows the margins that hold tick labels and titles with the tick size, and leaves the others", () => {
    expect(marginFor(FRONTIER_MARGIN, SCREEN_TYPE)).toEqual(FRONTIER_MARGIN);
    expect(marginFor(FRONTIER_MARGIN, PRESENTATION_TYPE)).toEqual({
      top: 16,
      right: 24,
      bottom: 78,
      left: 108,
    });
  });
});

describe("layoutFrontier in a chosen type", () => {
  const screen = layoutFrontier(base);
  const presenting = layoutFrontier({ ...base, type: PRESENTATION_TYPE });

  it("draws in screen type unless told otherwise", () => {
    expect(screen.type).toEqual(SCREEN_TYPE);
    expect(screen.frame.margin).toEqual(FRONTIER_MARGIN);
  });

  it("in presentation type keeps the chart's size, with room for the larger labels and fewer ticks", () => {
    expect(presenting.type).toEqual(PRESENTATION_TYPE);
    expect(presenting.frame.width).toBe(1200);
    expect(presenting.frame.innerWidth).toBe(1200 - 108 - 24);
    expect(presenting.frame.innerHeight).toBe(800 - 16 - 78);
    expect(presenting.xTicks.length).toBeLessThanOrEqual(screen.xTicks.length);
    expect(presenting.yTicks.length).toBeLessThanOrEqual(screen.yTicks.length);
    // Neighbouring x labels (about five characters at 0.6 em) never touch.
    const gaps = presenting.xTicks.slice(1).map((tick, i) => tick.offset - presenting.xTicks[i].offset);
    expect(Math.min(...gaps)).toBeGreaterThan(5 * 0.6 * PRESENTATION_TYPE.tick);
  });
});

describe("passAtKChartLayout in a chosen type", () => {
  const curve = {
    id: "a",
    points: [1, 2, 5, 10, 50, 100].map((k) => ({ k, passAtK: 0.2 + k / 200 })),
  };

  it("carries its type and moves the plotting area in for the larger labels", () => {
    const screen = passAtKChartLayout({ curves: [curve], width: 900, height: 500, bands: false });
    const presenting = passAtKChartLayout({
      curves: [curve],
      width: 900,
      height: 500,
      bands: false,
      type: PRESENTATION_TYPE,
    });
    expect(screen.type).toEqual(SCREEN_TYPE);
    expect(presenting.type).toEqual(PRESENTATION_TYPE);
    expect(presenting.plot.left).toBeGreaterThan(screen.plot.left);
    expect(presenting.plot.bottom).toBeLessThan(screen.plot.bottom);
    expect(presenting.yTicks.length).toBeLessThanOrEqual(screen.yTicks.length);
  });
});
