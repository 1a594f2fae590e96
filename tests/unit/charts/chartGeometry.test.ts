import { describe, expect, it } from "vitest";
import { nearestK, passAtKChartLayout } from "../../../lib/charts/passAtKCurveLayout";
import { upsetIntersections, upsetLayout } from "../../../lib/charts/upsetLayout";

const curve = {
  id: "a",
  points: [
    { k: 1, passAtK: 0.32, lower: 0.27, upper: 0.36 },
    { k: 10, passAtK: 0.61, lower: 0.55, upper: 0.66 },
    { k: 100, passAtK: 0.83, lower: 0.78, upper: 0.88 },
  ],
};

describe("passAtKChartLayout", () => {
  const margin = { top: 10, right: 10, bottom: 30, left: 50 };
  const layout = passAtKChartLayout({ curves: [curve], width: 450, height: 240, bands: true, margin });

  it("puts k on a log axis from 1 to the largest k: each decade gets the same width", () => {
    expect(layout.x(1)).toBeCloseTo(50, 9);
    expect(layout.x(100)).toBeCloseTo(440, 9);
    expect(layout.x(10)).toBeCloseTo(245, 9);
  });

  it("labels only whole k, also on a short axis where d3 would tick fractions", () => {
    const short = passAtKChartLayout({
      curves: [
        {
          id: "n2",
          points: [
            { k: 1, passAtK: 0.3 },
            { k: 2, passAtK: 0.4 },
          ],
        },
      ],
      width: 450,
      height: 240,
      bands: false,
      margin,
    });
    expect(short.xTicks.map((t) => t.value)).toEqual([1, 2]);
  });

  it("snaps the y range outward to 5 points around values and bands", () => {
    expect(layout.y.domain()).toEqual([0.25, 0.9]);
    expect(layout.y(0.25)).toBeCloseTo(210, 9);
    expect(layout.y(0.9)).toBeCloseTo(10, 9);
    expect(layout.yTicks.map((t) => t.label)).toEqual(["40%", "60%", "80%"]);
  });

  it("draws a band only when bands are on and every point has one", () => {
    expect(layout.curves[0].line.startsWith("M50,")).toBe(true);
    expect(layout.curves[0].band).not.toBeNull();
    const off = passAtKChartLayout({ curves: [curve], width: 450, height: 240, bands: false, margin });
    expect(off.curves[0].band).toBeNull();
    expect(off.y.domain()).toEqual([0.3, 0.85]);
  });

  it("reads out the sampled k nearest the pointer on screen", () => {
    expect(nearestK([1, 10, 100], 60, layout.x)).toBe(1);
    expect(nearestK([1, 10, 100], 300, layout.x)).toBe(10);
    expect(nearestK([1, 10, 100], 400, layout.x)).toBe(100);
    expect(nearestK([], 400, layout.x)).toBeNull();
  });
});

describe("upsetIntersections", () => {
  it("groups problems by exactly which sets solve them, largest first, unsolved left out", () => {
    const rows = [
      [true, false, true],
      [false, false, false],
      [true, false, true],
      [false, true, false],
      [true, true, true],
      [false, true, false],
      [false, false, true],
    ];
    const groups = upsetIntersections(rows);
    expect(groups.map((g) => [g.pattern.map(Number).join(""), g.rows])).toEqual([
      ["010", [3, 5]],
      ["101", [0, 2]],
      ["001", [6]],
      ["111", [4]],
    ]);
  });
});

describe("upsetLayout", () => {
  it("scales bars to the largest intersection and connects the filled dots of a column", () => {
    const intersections = upsetIntersections([
      [true, true],
      [true, true],
      [false, true],
    ]);
    const layout = upsetLayout({
      intersections,
      sets: 2,
      width: 300,
      labelWidth: 100,
      barHeight: 80,
      rowHeight: 20,
      top: 10,
    });
    expect(layout.bars.map((b) => b.count)).toEqual([2, 1]);
    expect(layout.bars[0].height).toBeCloseTo(80, 9);
    expect(layout.bars[1].height).toBeCloseTo(40, 9);
    expect(layout.bars[0].y + layout.bars[0].height).toBeCloseTo(90, 9);
    expect(layout.bars[0].x).toBeGreaterThanOrEqual(100);
    expect(layout.setRows).toEqual([108, 128]);
    expect(layout.connectors[0]).toEqual({ x: layout.dots[0].cx, y1: 108, y2: 128 });
    expect(layout.connectors[1]).toBeNull();
    expect(layout.dots.filter((d) => d.filled)).toHaveLength(3);
  });
});
