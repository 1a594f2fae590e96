import { describe, expect, it } from "vitest";
import { PREVIEW_CHART, PREVIEW_SIZE, PREVIEW_TYPE } from "@/components/previews/FrontierPreview";
import { frontierPreviewImage } from "@/components/previews/frontierPreviewPng";
import { layoutFrontier } from "@/lib/charts/frontierLayout";
import { LIGHT_COLORS } from "@/lib/charts/palette";
import { labelBox } from "@/lib/charts/plotArea";
import type { FrontierData } from "@/lib/contracts/types";
import { DEFAULT_FRONTIER_AXES } from "@/lib/science/guardedPareto";
import { frontierLayoutInput, makeFrontierFixture, trainedNear } from "../../charts/fixtures/frontierData";

/** The explorer's default axes on every problem, as the preview route reads an explorer URL without a view. */
const VIEW = {
  ...DEFAULT_FRONTIER_AXES,
  xLog: false,
  yLog: false,
  difficulty: "all",
  includeCollapsed: false,
} as const;

/** The fixture with two trained checkpoints well away from the α path (above it, where nothing else is drawn). */
function withTrained(): FrontierData {
  const data = makeFrontierFixture();
  const { points } = data.slices.all;
  data.slices.all.trained = [
    trainedNear(points, "Coverage 25%", 0.25, -0.02, 0.15),
    trainedNear(points, "Coverage 50%", 0.5, 0.02, 0.2),
  ];
  return data;
}

function hex(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** How many pixels of a rectangle of the image are (nearly) the chart's text colour. */
function darkPixels(pixels: Uint8Array, box: { left: number; top: number; width: number; height: number }) {
  const [r, g, b] = hex(LIGHT_COLORS.text);
  let count = 0;
  for (let y = Math.floor(box.top); y < Math.ceil(box.top + box.height); y++)
    for (let x = Math.floor(box.left); x < Math.ceil(box.left + box.width); x++) {
      const i = (y * PREVIEW_SIZE.width + x) * 4;
      if (Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 60) count++;
    }
  return count;
}

describe("the link-preview image with trained checkpoints", () => {
  it("draws each as a diamond at the explorer's position with its label beside it, none without them", async () => {
    const data = withTrained();
    const layout = layoutFrontier(
      frontierLayoutInput({
        points: data.slices.all.points,
        trained: data.slices.all.trained,
        ci: false,
        width: PREVIEW_CHART.width,
        height: PREVIEW_CHART.height,
        type: PREVIEW_TYPE,
      }),
    );
    const origin = {
      left: PREVIEW_CHART.left + layout.frame.margin.left,
      top: PREVIEW_CHART.top + layout.frame.margin.top,
    };
    const withMarks = await frontierPreviewImage({ data, view: VIEW, markers: [] });
    const plain = makeFrontierFixture();
    const without = await frontierPreviewImage({ data: plain, view: VIEW, markers: [] });
    expect(layout.trained.marks).toHaveLength(2);
    for (const mark of layout.trained.marks) {
      expect(mark.inside).toBe(true);
      // The diamond's core (7 px × 1.4 either side of the centre).
      const core = {
        left: Math.round(origin.left + mark.cx) - 3,
        top: Math.round(origin.top + mark.cy) - 3,
        width: 6,
        height: 6,
      };
      expect(darkPixels(withMarks.pixels, core), mark.point.label).toBe(36);
      expect(darkPixels(without.pixels, core), mark.point.label).toBe(0);
      // The label: glyphs in its box, whole inside the chart.
      const label = mark.label;
      if (!label) throw new Error("no label");
      const box = labelBox(label.place, Array.from(label.text).length, PREVIEW_TYPE.label);
      const inImage = { ...box, left: origin.left + box.left, top: origin.top + box.top };
      expect(label.text).toBe(mark.point.label);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.left + box.width).toBeLessThanOrEqual(layout.frame.innerWidth + 1);
      expect(darkPixels(withMarks.pixels, inImage)).toBeGreaterThan(40);
      expect(darkPixels(without.pixels, inImage)).toBe(0);
    }
  }, 60_000);
});
