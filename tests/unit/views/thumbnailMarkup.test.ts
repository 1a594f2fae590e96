import { describe, expect, it } from "vitest";
import type { ThumbnailLayout } from "@/lib/charts/thumbnailLayout";
import { thumbnailMarkup } from "@/lib/views/thumbnailMarkup";
import { thumbnailPointTitle } from "@/lib/views/thumbnailText";

const layout: ThumbnailLayout = {
  width: 112,
  height: 44,
  path: [
    { part: "extrapolationA", d: "M4,40L20,30" },
    { part: "interpolation", d: "M20,30L60,10" },
  ],
  marks: [
    {
      alpha: -1,
      x: 0.5,
      y: 0.6,
      solveRate: 0.1,
      collapsed: true,
      cx: 4,
      cy: 40,
      color: "#aa0000",
      best: false,
      cross: "M1,37l6,6m0,-6l-6,6",
    },
    {
      alpha: 0,
      x: 0.6,
      y: 0.7,
      solveRate: 0.3,
      collapsed: false,
      cx: 20,
      cy: 30,
      color: "#00aa00",
      best: false,
      cross: null,
    },
    {
      alpha: 0.5,
      x: 0.7,
      y: 0.65,
      solveRate: null,
      collapsed: false,
      cx: 60,
      cy: 10,
      color: "#0000aa",
      best: true,
      cross: null,
    },
  ],
};

describe("thumbnailMarkup", () => {
  it("draws the α path with the explorer's classes, then each point: a dot in its colour, the best ringed, a collapsed one crossed", () => {
    expect(thumbnailMarkup(layout, false)).toBe(
      '<path class="alpha-path alpha-path--extrapolationA" d="M4,40L20,30"/>' +
        '<path class="alpha-path alpha-path--interpolation" d="M20,30L60,10"/>' +
        '<path class="frontier-point-collapsed" d="M1,37l6,6m0,-6l-6,6"></path>' +
        '<circle cx="20" cy="30" r="2.5" fill="#00aa00"></circle>' +
        '<circle cx="60" cy="10" r="3.5" fill="#0000aa" class="best"></circle>',
    );
  });

  it("gives each point its numbers as a title when asked", () => {
    const markup = thumbnailMarkup(layout, true);
    const titles = [...markup.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual(layout.marks.map(thumbnailPointTitle));
    expect(markup).toContain(`<circle cx="60" cy="10" r="3.5" fill="#0000aa" class="best"><title>`);
  });

  it("escapes what it writes as text", () => {
    const markup = thumbnailMarkup(
      { ...layout, marks: [{ ...layout.marks[1], color: '"><script>' }] },
      false,
    );
    expect(markup).toContain('fill="&quot;&gt;&lt;script&gt;"');
  });
});
