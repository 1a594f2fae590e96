import { describe, expect, it } from "vitest";
import { layoutFrontier } from "@/lib/charts/frontierLayout";
import { insidePlot, labelBox, labelCharsThatFit, placePointLabel } from "@/lib/charts/plotArea";
import { frontierLayoutInput } from "./fixtures/frontierData";

const area = { width: 600, height: 400 };
const FONT = 12.5;
/** The label's horizontal extent as placed, with the same 0.6 em per character the placement assumes. */
function extent(place: { x: number; anchor: "start" | "end" }, chars: number): [number, number] {
  const width = chars * FONT * 0.6;
  return place.anchor === "start" ? [place.x, place.x + width] : [place.x - width, place.x];
}

describe("insidePlot", () => {
  it("includes the edges and nothing beyond them", () => {
    expect(insidePlot(0, 0, area)).toBe(true);
    expect(insidePlot(600, 400, area)).toBe(true);
    expect(insidePlot(-0.01, 200, area)).toBe(false);
    expect(insidePlot(300, 400.5, area)).toBe(false);
  });
});

describe("placePointLabel", () => {
  it("puts the label above and to the right of a point with room there", () => {
    expect(placePointLabel({ cx: 100, cy: 200 }, 10, FONT, area)).toEqual({
      x: 112,
      y: 190,
      anchor: "start",
    });
  });

  it("puts it to the left of a point near the right edge, ending inside the area", () => {
    const place = placePointLabel({ cx: 590, cy: 200 }, 20, FONT, area);
    expect(place).toEqual({ x: 578, y: 190, anchor: "end" });
    if (!place) return;
    const [left, right] = extent(place, 20);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(area.width);
  });

  it("pins a label that fits on neither side to the right edge, whole", () => {
    const narrow = { width: 200, height: 400 };
    const place = placePointLabel({ cx: 100, cy: 200 }, 20, FONT, narrow);
    expect(place?.anchor).toBe("start");
    if (!place) return;
    const [left, right] = extent(place, 20);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeCloseTo(narrow.width, 9);
  });

  it("puts it below a point at the top edge, and never below the bottom", () => {
    const top = placePointLabel({ cx: 100, cy: 2 }, 10, FONT, area);
    expect(top?.y).toBeCloseTo(2 + 10 + FONT * 0.8, 9);
    const flat = { width: 600, height: 14 };
    const squeezed = placePointLabel({ cx: 100, cy: 4 }, 10, FONT, flat);
    expect(squeezed?.y).toBeLessThanOrEqual(flat.height);
  });

  it("gives no label to a point outside the area (zoomed or panned away)", () => {
    expect(placePointLabel({ cx: 640, cy: 200 }, 10, FONT, area)).toBeNull();
    expect(placePointLabel({ cx: 100, cy: -5 }, 10, FONT, area)).toBeNull();
  });

  it("counts how many characters fit across the area beside a point", () => {
    expect(labelCharsThatFit(area, FONT)).toBe(Math.floor((600 - 12) / (FONT * 0.6)));
    expect(labelCharsThatFit({ width: 5, height: 5 }, FONT)).toBe(1);
  });
});

describe("the endpoint labels of a zoomed frontier", () => {
  const base = frontierLayoutInput({ ci: false });
  const full = layoutFrontier({ ...base, zoom: null });
  const b = full.points.find((p) => p.point.alpha === 1);

  it("stay inside the plotting area when a zoom puts B at the right edge", () => {
    if (!b) throw new Error("the fixture evaluates α = 1");
    const [x0, x1] = full.xScale.domain();
    const [y0, y1] = full.yScale.domain();
    const bx = b.point.metrics.correctness.value;
    // A window whose right edge is just past B: B sits a few pixels inside it.
    const zoomed = layoutFrontier({
      ...base,
      zoom: { x: [bx - (x1 - x0) / 4, bx + (x1 - x0) / 400], y: [y0, y1] },
    });
    const zb = zoomed.points.find((p) => p.point.alpha === 1);
    if (!zb) throw new Error("B is drawn");
    expect(zb.inside).toBe(true);
    const area = { width: zoomed.frame.innerWidth, height: zoomed.frame.innerHeight };
    expect(area.width - zb.cx).toBeLessThan(10);
    const chars = "B · high coverage".length;
    const place = placePointLabel(zb, chars, zoomed.type.label, area);
    expect(place?.anchor).toBe("end");
    if (!place) return;
    const [left, right] = extent(place, chars);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(area.width);
  });

  it("flags the points a zoom leaves outside, which get neither a point nor a label", () => {
    const [x0, x1] = full.xScale.domain();
    const [y0, y1] = full.yScale.domain();
    const zoomed = layoutFrontier({ ...base, zoom: { x: [x0, (x0 + x1) / 2], y: [y0, y1] } });
    const area = { width: zoomed.frame.innerWidth, height: zoomed.frame.innerHeight };
    for (const p of zoomed.points) {
      expect(p.inside).toBe(p.cx >= 0 && p.cx <= area.width && p.cy >= 0 && p.cy <= area.height);
      if (!p.inside) expect(placePointLabel(p, 10, zoomed.type.label, area)).toBeNull();
    }
    expect(zoomed.points.some((p) => p.inside)).toBe(true);
    expect(zoomed.points.some((p) => !p.inside)).toBe(true);
    expect(full.points.every((p) => p.inside)).toBe(true);
  });
});

describe("labelBox", () => {
  const area = { width: 400, height: 300 };

  it("puts the box of a label placed right of a point after its anchor, its baseline at the placement", () => {
    const place = placePointLabel({ cx: 100, cy: 150 }, 10, 18, area);
    if (!place) throw new Error("not placed");
    const box = labelBox(place, 10, 18);
    expect(box).toEqual({
      left: place.x,
      top: place.y - 18 * 0.8,
      width: 108,
      height: 18 * 1.05,
      align: "start",
    });
  });

  it("ends the box of a label placed left of a point at its anchor, and keeps every box inside the area", () => {
    const place = placePointLabel({ cx: 390, cy: 5 }, 10, 18, area);
    if (!place) throw new Error("not placed");
    const box = labelBox(place, 10, 18);
    expect(box.align).toBe("end");
    expect(box.left + box.width).toBe(place.x);
    for (const [cx, cy] of [
      [0, 0],
      [400, 300],
      [200, 2],
      [5, 298],
    ]) {
      const at = placePointLabel({ cx, cy }, 12, 18, area);
      if (!at) throw new Error("not placed");
      const b = labelBox(at, 12, 18);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.left + b.width).toBeLessThanOrEqual(area.width + 1);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.top + b.height).toBeLessThanOrEqual(area.height + 0.01);
    }
  });
});
