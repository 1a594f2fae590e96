import { describe, expect, it } from "vitest";
import { createAxisScale, fitDomain } from "@/lib/charts/axisScale";
import { axisTicks, tickCountFor } from "@/lib/charts/ticks";
import { DRAG_THRESHOLD_PX, dragWindow, isDrag, panWindow, zoomWindow } from "@/lib/charts/zoom";

const percent = (value: number) => `${Math.round(value * 100)}%`;

describe("fitDomain", () => {
  it("pads the data span by 6% on each side", () => {
    const [lo, hi] = fitDomain([0.2, 0.7], false);
    expect(lo).toBeCloseTo(0.17, 10);
    expect(hi).toBeCloseTo(0.73, 10);
  });

  it("gives a single value a window around it instead of an empty domain", () => {
    expect(fitDomain([0.5, 0.5], false)).toEqual([0.475, 0.525]);
  });

  it("ignores values a log axis cannot show and pads in decades", () => {
    const [lo, hi] = fitDomain([0, -3, 10, 1000], true);
    expect(Math.log10(lo)).toBeCloseTo(1 - 0.12, 10);
    expect(Math.log10(hi)).toBeCloseTo(3 + 0.12, 10);
  });

  it("falls back to a unit window when nothing is finite", () => {
    expect(fitDomain([Number.NaN], false)).toEqual([0, 1]);
  });
});

describe("createAxisScale", () => {
  it("maps the zoom window, not the data, onto the pixel range", () => {
    const scale = createAxisScale({ values: [0, 1], range: [0, 500], log: false, domain: [0.4, 0.6] });
    expect(scale(0.5)).toBe(250);
    expect(scale(0.4)).toBe(0);
  });

  it("clamps a log axis so non-positive values sit on its edge", () => {
    const scale = createAxisScale({ values: [10, 1000], range: [400, 0], log: true });
    expect(scale(0)).toBe(400);
  });
});

describe("axisTicks", () => {
  it("labels linear ticks with the metric formatter at their pixel offsets", () => {
    const scale = createAxisScale({ values: [0, 1], range: [0, 400], log: false, domain: [0, 1] });
    const ticks = axisTicks(scale, 5, percent);
    expect(ticks.map((tick) => tick.label)).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
    expect(ticks.map((tick) => Math.round(tick.offset))).toEqual([0, 80, 160, 240, 320, 400]);
  });

  it("keeps only 1, 2, 5 × 10ⁿ on a crowded log axis", () => {
    const scale = createAxisScale({ values: [], range: [0, 400], log: true, domain: [1, 1000] });
    expect(axisTicks(scale, 4, String).map((tick) => tick.value)).toEqual([
      1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
    ]);
  });

  it("asks for one tick per 80 pixels within 2 to 10", () => {
    expect(tickCountFor(400)).toBe(5);
    expect(tickCountFor(50)).toBe(2);
    expect(tickCountFor(4000)).toBe(10);
  });
});

describe("zoom and pan", () => {
  it("zooms in around a focus that stays put", () => {
    expect(zoomWindow([0, 1], 0.25, 0.5, false)).toEqual([0.125, 0.625]);
  });

  it("zooms a log window evenly in decades", () => {
    const [lo, hi] = zoomWindow([1, 10_000], 100, 0.5, true);
    expect(lo).toBeCloseTo(10, 10);
    expect(hi).toBeCloseTo(1000, 10);
  });

  it("pans by a fraction of the window", () => {
    const [lo, hi] = panWindow([0.2, 0.6], 0.25, false);
    expect(lo).toBeCloseTo(0.3, 12);
    expect(hi).toBeCloseTo(0.7, 12);
  });

  it("takes a press that moves up to the threshold for a click, and a longer move for a drag", () => {
    expect(isDrag(0, 0)).toBe(false);
    expect(isDrag(3, -2)).toBe(false);
    expect(isDrag(DRAG_THRESHOLD_PX, 0)).toBe(false);
    expect(isDrag(0, DRAG_THRESHOLD_PX + 1)).toBe(true);
    expect(isDrag(-4, 4)).toBe(true);
  });

  it("moves the window against a drag, so the content follows the pointer", () => {
    // Dragging 100 px right over a 400-px-wide area shows what was a quarter window to the left;
    // dragging 50 px down over a 200-px-high area shows what was a quarter window higher up.
    const moved = dragWindow(
      { x: [0.2, 0.6], y: [0, 1] },
      { dx: 100, dy: 50 },
      { width: 400, height: 200 },
      { x: false, y: false },
    );
    expect(moved.x[0]).toBeCloseTo(0.1, 12);
    expect(moved.x[1]).toBeCloseTo(0.5, 12);
    expect(moved.y[0]).toBeCloseTo(0.25, 12);
    expect(moved.y[1]).toBeCloseTo(1.25, 12);
  });

  it("drags a log axis by decades", () => {
    const moved = dragWindow(
      { x: [10, 1000], y: [0, 1] },
      { dx: -200, dy: 0 },
      { width: 400, height: 200 },
      { x: true, y: false },
    );
    expect(moved.x[0]).toBeCloseTo(100, 9);
    expect(moved.x[1]).toBeCloseTo(10_000, 6);
    expect(moved.y).toEqual([0, 1]);
  });
});
