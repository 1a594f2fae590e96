import { describe, expect, it } from "vitest";
import type { ExperimentPage, ExperimentPageItem } from "@/lib/contracts/experimentListQuery";
import { packExperimentPage, unpackExperimentPage } from "@/lib/contracts/packedExperimentPage";

const item = (slug: string, change: Partial<ExperimentPageItem> = {}): ExperimentPageItem => ({
  version: `v-${slug}`,
  slug,
  name: `Name of ${slug}`,
  benchmark: "lcb",
  setting: "tool-use",
  synthetic: false,
  alphaMin: -0.5,
  alphaMax: 1.5,
  checkpoints: 3,
  problems: 12,
  updatedAt: "2026-12-01T10:00:00.000Z",
  modelScale: "7B",
  modelFamily: "qwen",
  thumbnail: {
    version: `v-${slug}`,
    axes: { x: "correctness", y: "efficiency" },
    points: [
      {
        alpha: -0.5,
        x: 0.8229166666666666,
        y: 0.7239583333333333,
        solveRate: 0.3489583333333333,
        collapsed: true,
      },
      { alpha: 0.5, x: 1 / 3, y: 2 / 3, solveRate: null, collapsed: false },
      { alpha: 1.5, x: 0.1, y: 0.2, solveRate: 0.5520833333333334, collapsed: false },
    ],
    best: { alpha: 1.5, solveRate: 0.5520833333333334 },
  },
  ...change,
});

const PAGE: ExperimentPage = {
  total: 240,
  offset: 50,
  nextCursor: "bmV4dA",
  previousCursor: null,
  items: [
    item("a"),
    item("b", { thumbnail: null, synthetic: true, modelScale: null, modelFamily: null }),
    item("c", { alphaMin: null, alphaMax: null, setting: "agentic" }),
    item("d", {
      thumbnail: { version: "older", axes: { x: "correctness", y: "efficiency" }, points: [], best: null },
    }),
  ],
};

describe("packExperimentPage", () => {
  it("unpacks to the very page it packed: every field, every number's bits, nulls and the thumbnail's own version", () => {
    const unpacked = unpackExperimentPage(JSON.parse(JSON.stringify(packExperimentPage(PAGE))));
    expect(unpacked).toEqual(PAGE);
    expect(unpacked.items[0].thumbnail?.points[0].x).toBe(0.8229166666666666);
  });

  it("takes under half the JSON of the page for rows with thumbnails", () => {
    const full = JSON.stringify({ ...PAGE, items: Array.from({ length: 50 }, (_, i) => item(`row-${i}`)) });
    const packed = JSON.stringify(
      packExperimentPage({ ...PAGE, items: Array.from({ length: 50 }, (_, i) => item(`row-${i}`)) }),
    );
    expect(packed.length).toBeLessThan(full.length / 2);
  });
});
