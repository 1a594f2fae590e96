import { color as parseColor } from "d3";
import { describe, expect, it } from "vitest";
import { alphaColor } from "@/lib/charts/alphaColor";
import { layoutThumbnail, THUMBNAIL_INSET } from "@/lib/charts/thumbnailLayout";
import type { ExperimentThumbnail } from "@/lib/contracts/experimentThumbnail";
import { experimentThumbnail } from "@/lib/responses/thumbnail";
import { makeFrontierFixture } from "./fixtures/frontierData";

const thumbnail: ExperimentThumbnail = {
  version: "v",
  ...experimentThumbnail(makeFrontierFixture().slices.all.points),
};
const [WIDTH, HEIGHT] = [112, 44];
const layout = layoutThumbnail(thumbnail, WIDTH, HEIGHT);

describe("layoutThumbnail", () => {
  it("fits every point inside the inset, the extremes on its edges", () => {
    const xs = layout.marks.map((mark) => mark.cx);
    const ys = layout.marks.map((mark) => mark.cy);
    expect(Math.min(...xs)).toBe(THUMBNAIL_INSET);
    expect(Math.max(...xs)).toBe(WIDTH - THUMBNAIL_INSET);
    expect(Math.min(...ys)).toBe(THUMBNAIL_INSET);
    expect(Math.max(...ys)).toBe(HEIGHT - THUMBNAIL_INSET);
  });

  it("puts higher correctness to the right and higher efficiency up, as the explorer does", () => {
    for (const a of layout.marks)
      for (const b of layout.marks) {
        if (a.x < b.x) expect(a.cx).toBeLessThanOrEqual(b.cx);
        if (a.y < b.y) expect(a.cy).toBeGreaterThanOrEqual(b.cy);
      }
  });

  it("draws the path through every point: A-side extrapolation, interpolation, B-side extrapolation", () => {
    expect(layout.path.map((run) => run.part)).toEqual(["extrapolationA", "interpolation", "extrapolationB"]);
    const vertices = layout.path.reduce((count, run) => count + (run.d.match(/[ML]/g)?.length ?? 0), 0);
    // Each run starts at the last point of the one before it.
    expect(vertices).toBe(thumbnail.points.length + layout.path.length - 1);
    expect(layout.path[0].d.startsWith(`M${layout.marks[0].cx},${layout.marks[0].cy}`)).toBe(true);
  });

  it("crosses a collapsed point where its dot would be, and colours dots by α as #rrggbb", () => {
    const collapsed = layoutThumbnail(
      { ...thumbnail, points: thumbnail.points.map((point, i) => ({ ...point, collapsed: i === 0 })) },
      WIDTH,
      HEIGHT,
    );
    const [first, second] = collapsed.marks;
    expect(first.cross).toBe(`M${first.cx - 3},${first.cy - 3}l6,6m0,-6l-6,6`);
    expect(second.cross).toBeNull();
    for (const mark of layout.marks) expect(mark.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(layout.marks[0].color).not.toBe(layout.marks.at(-1)?.color);
  });

  it("gives each α the explorer's colour, the same when remembered from an earlier layout", () => {
    const [alphaMin, alphaMax] = [thumbnail.points[0].alpha, thumbnail.points.at(-1)?.alpha ?? 1];
    const expected = thumbnail.points.map((point) =>
      parseColor(alphaColor(point.alpha, alphaMin, alphaMax))?.formatHex(),
    );
    expect(layout.marks.map((mark) => mark.color)).toEqual(expected);
    expect(layoutThumbnail(thumbnail, WIDTH, HEIGHT).marks.map((mark) => mark.color)).toEqual(expected);
    // Another α range, another colour for the same α.
    const wider = layoutThumbnail(
      { ...thumbnail, points: [...thumbnail.points, { ...thumbnail.points[0], alpha: alphaMax + 5 }] },
      WIDTH,
      HEIGHT,
    );
    expect(wider.marks.at(-2)?.color).not.toBe(expected.at(-1));
  });

  it("flags the best solve rate's point only", () => {
    expect(layout.marks.filter((mark) => mark.best).map((mark) => mark.alpha)).toEqual([
      thumbnail.best?.alpha,
    ]);
  });

  it("draws a flat axis as a line through the middle, and one point in the middle", () => {
    const flat = layoutThumbnail(
      { ...thumbnail, points: thumbnail.points.map((point) => ({ ...point, y: 1 })) },
      WIDTH,
      HEIGHT,
    );
    expect(new Set(flat.marks.map((mark) => mark.cy))).toEqual(new Set([HEIGHT / 2]));
    const single = layoutThumbnail({ ...thumbnail, points: [thumbnail.points[4]] }, WIDTH, HEIGHT);
    expect(single.marks.map((mark) => [mark.cx, mark.cy])).toEqual([[WIDTH / 2, HEIGHT / 2]]);
    expect(single.path).toEqual([]);
    expect(layoutThumbnail({ ...thumbnail, points: [] }, WIDTH, HEIGHT).marks).toEqual([]);
  });
});
