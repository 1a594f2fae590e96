import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeTooltip, TOOLTIP_WIDTH } from "@/lib/charts/tooltipPlacement";

describe("placeTooltip", () => {
  it("goes right of the point where it fits, centred on it vertically", () => {
    expect(placeTooltip({ x: 100, y: 50 }, 800)).toEqual({
      left: 114,
      top: 50,
      width: TOOLTIP_WIDTH,
      side: "right",
    });
  });

  it("goes left of a point near the right edge", () => {
    expect(placeTooltip({ x: 700, y: 50 }, 800)).toEqual({
      left: 700 - 14 - TOOLTIP_WIDTH,
      top: 50,
      width: TOOLTIP_WIDTH,
      side: "left",
    });
  });

  it("goes below a point in the middle of a phone-wide plot, centred and inside the container", () => {
    expect(placeTooltip({ x: 175, y: 80 }, 350)).toEqual({
      left: 55,
      top: 94,
      width: TOOLTIP_WIDTH,
      side: "below",
    });
    expect(placeTooltip({ x: 20, y: 80 }, 250).left).toBe(0);
    expect(placeTooltip({ x: 240, y: 80 }, 250).left).toBe(250 - TOOLTIP_WIDTH);
  });

  it("never leaves the container, for any point and any container at least 1 px wide", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (width, at) => {
          const placed = placeTooltip({ x: at * width, y: 0 }, width);
          expect(placed.left).toBeGreaterThanOrEqual(0);
          expect(placed.left + placed.width).toBeLessThanOrEqual(width + 1e-9);
        },
      ),
    );
  });
});
