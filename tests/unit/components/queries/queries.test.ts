import { describe, expect, it } from "vitest";
import { createRowKeeper } from "@/components/queries/queries";
import type { ExperimentPage, ExperimentPageItem } from "@/lib/contracts/experimentListQuery";

function row(slug: string, solveRate = 0.4): ExperimentPageItem {
  return {
    slug,
    version: "v1",
    name: `Sweep ${slug}`,
    benchmark: "livecodebench-v5",
    setting: "tool-use",
    synthetic: false,
    alphaMin: 0,
    alphaMax: 1,
    checkpoints: 2,
    problems: 10,
    updatedAt: "2026-12-01T00:00:00.000Z",
    modelScale: "7B",
    modelFamily: "qwen",
    thumbnail: {
      version: "v1",
      axes: { x: "correctness", y: "efficiency" },
      points: [
        { alpha: 0, x: 0.5, y: 0.6, solveRate: 0.2, collapsed: false },
        { alpha: 1, x: 0.7, y: 0.5, solveRate, collapsed: false },
      ],
      best: { alpha: 1, solveRate },
    },
  };
}

function page(items: ExperimentPageItem[]): ExperimentPage {
  return { total: items.length, offset: 0, items, nextCursor: null, previousCursor: null };
}

describe("createRowKeeper", () => {
  it("gives a row equal to one shown by another search that row's object, and new rows as they came", () => {
    const keep = createRowKeeper();
    const first = keep(page([row("a"), row("b")]));
    const second = keep(page([row("b"), row("c")]));
    expect(second.items[0]).toBe(first.items[1]);
    expect(second.items[1]).toEqual(row("c"));
    expect(second.items.map((item) => item.slug)).toEqual(["b", "c"]);
  });

  it("gives a row that changed in any field, however deep, as it came", () => {
    const keep = createRowKeeper();
    const first = keep(page([row("a")]));
    const changed = row("a", 0.45);
    const second = keep(page([changed]));
    expect(second.items[0]).not.toBe(first.items[0]);
    expect(second.items[0].thumbnail?.best?.solveRate).toBe(0.45);
    // The changed row is the one kept from now on.
    expect(keep(page([row("a", 0.45)])).items[0]).toBe(second.items[0]);
  });

  it("answers a page whose rows are all new with the page itself, and starts over when full", () => {
    const keep = createRowKeeper(2);
    const fresh = page([row("a"), row("b"), row("c")]);
    expect(keep(fresh)).toBe(fresh);
    // Three remembered, over the limit: the next page starts over, so an equal row is a new object.
    const again = keep(page([row("a")]));
    expect(again.items[0]).not.toBe(fresh.items[0]);
    expect(keep(page([row("a")])).items[0]).toBe(again.items[0]);
  });
});
