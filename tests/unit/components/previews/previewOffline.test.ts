import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { frontierPreviewPng } from "@/components/previews/frontierPreviewPng";
import { loadShippedAsset, MISSING_EMOJI, subsetsFor } from "@/components/previews/previewFonts";
import { makeFrontierFixture } from "../../charts/fixtures/frontierData";

/** Names in the scripts the issue found fetched from the internet, and one no shipped font has. */
const NAMES = {
  cjk: "混合模型 実験",
  thai: "การทดลองผสานโมเดล",
  devanagari: "मॉडल प्रयोग",
  arabic: "تجربة الدمج",
  familyEmoji: "merge 👨‍👩‍👧‍👦 run",
  flagAndSkinTone: "🇯🇵 👋🏽 🏳️‍🌈",
  hangul: "병합 실험",
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("preview images with the network refused", () => {
  const fetch = vi.fn(() => Promise.reject(new Error("network refused by the test")));
  beforeEach(() => vi.stubGlobal("fetch", fetch));
  afterEach(() => vi.unstubAllGlobals());

  for (const [script, name] of Object.entries(NAMES)) {
    it(`draws a ${script} name as a 1200×630 PNG without a request`, async () => {
      const data = makeFrontierFixture();
      data.experiment.name = name;
      const png = await frontierPreviewPng({
        data,
        view: {
          x: "correctness",
          y: "efficiency",
          xLog: false,
          yLog: false,
          difficulty: "all",
          includeCollapsed: false,
        },
        markers: [1.5],
      });
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(fetch).not.toHaveBeenCalled();
    }, 60_000);
  }
});

describe("the shipped fonts", () => {
  it("cover CJK, Thai, Devanagari, Arabic and emoji from npm-installed subsets", () => {
    for (const [name, emoji] of [
      [NAMES.cjk, false],
      [NAMES.thai, false],
      [NAMES.devanagari, false],
      [NAMES.arabic, false],
      ["👨‍👩‍👧‍👦", true],
    ] as const) {
      const files = subsetsFor(name, emoji);
      expect(files.length, name).toBeGreaterThan(0);
      for (const file of files) expect(file, name).toMatch(/node_modules\/@fontsource\/.+-400-normal\.woff$/);
    }
  });

  it("answer an emoji sequence no font draws with a visible box", async () => {
    expect(await loadShippedAsset("emoji", "\u200d\ufe0f")).toBe(MISSING_EMOJI);
  });
});
