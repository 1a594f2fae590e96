import { describe, expect, it } from "vitest";
import type { Setting } from "@/lib/domain/setting";
import { type StudyMember, studyGrid, UNKNOWN_SCALE } from "@/lib/responses/studyGrid";

const member = (slug: string, setting: Setting, modelScale: string | null): StudyMember => ({
  slug,
  name: slug,
  benchmark: "b",
  setting,
  modelFamily: null,
  modelScale,
  synthetic: false,
});

describe("studyGrid", () => {
  it("puts settings across in their own order and scales down by size, unknown last", () => {
    const grid = studyGrid({
      slug: "s",
      name: "S",
      experiments: [
        member("a", "agentic", "32B"),
        member("b", "pure-reasoning", null),
        member("c", "tool-use", "1.5B"),
        member("d", "agentic", "350M"),
        member("e", "pure-reasoning", "7B"),
        member("f", "agentic", "large"),
      ],
    });
    expect(grid.columns).toEqual(["pure-reasoning", "tool-use", "agentic"]);
    expect(grid.rows).toEqual(["350M", "1.5B", "7B", "32B", "large", UNKNOWN_SCALE]);
    expect(grid.experiments.map((e) => [e.slug, e.row, e.column])).toEqual([
      ["d", 0, 2],
      ["c", 1, 1],
      ["e", 2, 0],
      ["a", 3, 2],
      ["f", 4, 2],
      ["b", 5, 0],
    ]);
  });

  it("keeps two experiments of one cell in their given order, and makes no empty rows or columns", () => {
    const grid = studyGrid({
      slug: "s",
      name: "S",
      experiments: [member("y", "tool-use", "7B"), member("x", "tool-use", "7B")],
    });
    expect(grid.rows).toEqual(["7B"]);
    expect(grid.columns).toEqual(["tool-use"]);
    expect(grid.experiments.map((e) => e.slug)).toEqual(["y", "x"]);
  });

  it("is empty for a study whose experiments all left it", () => {
    expect(studyGrid({ slug: "s", name: "S", experiments: [] })).toEqual({
      slug: "s",
      name: "S",
      rows: [],
      columns: [],
      experiments: [],
    });
  });
});
