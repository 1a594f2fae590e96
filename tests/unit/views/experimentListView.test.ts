import { describe, expect, it } from "vitest";
import {
  clearedFilters,
  experimentListView,
  experimentPageSearch,
  isFiltered,
  pageRangeText,
  sortedBy,
} from "@/lib/views/experimentListView";
import { bestSolveRateText, thumbnailDescription, thumbnailPointTitle } from "@/lib/views/thumbnailText";

describe("experimentListView", () => {
  it("round-trips every parameter through the URL in a fixed order", () => {
    const search =
      "q=qwen&benchmark=lcb&setting=tool-use&scale=7B&family=qwen&study=grid&synthetic=false&sort=name&order=desc&cursor=abc";
    const { view, notices } = experimentListView.parse(new URLSearchParams(search), null);
    expect(notices).toEqual([]);
    expect(experimentListView.serialize(view).toString()).toBe(search);
  });

  it("drops an invalid value with a notice naming it, keeping the rest", () => {
    const { view, notices } = experimentListView.parse(new URLSearchParams("setting=nope&sort=name"), null);
    expect(view).toEqual({ sort: "name" });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('setting="nope"');
  });

  it("leaves the default sort out of the link and asks the API for one page", () => {
    expect(experimentListView.serialize({ sort: "updated" }).toString()).toBe("");
    expect(experimentPageSearch({ sort: "updated", q: "a" })).toBe("q=a&limit=50");
  });

  it("flips the order when the sorted column is clicked again, and restarts paging", () => {
    expect(sortedBy({ sort: "name", cursor: "x" }, "name", "asc")).toEqual({
      sort: "name",
      order: "desc",
      cursor: undefined,
    });
    expect(sortedBy({ sort: "name", order: "desc" }, "benchmark", "desc")).toMatchObject({
      sort: "benchmark",
      order: undefined,
    });
  });
});

describe("the list's page range and filters", () => {
  it("says which rows a page shows, with thousands separators", () => {
    expect(pageRangeText({ offset: 0, total: 10_000, items: new Array(50) })).toBe("1–50 of 10,000");
    expect(pageRangeText({ offset: 9_950, total: 10_000, items: new Array(50) })).toBe(
      "9,951–10,000 of 10,000",
    );
    expect(pageRangeText({ offset: 0, total: 0, items: [] })).toBe("0 of 0");
  });

  it("tells a narrowed view from the whole list, and clears every filter but the sort", () => {
    expect(isFiltered({ sort: "name", order: "desc", cursor: "x" })).toBe(false);
    expect(isFiltered({ sort: "updated", synthetic: "false" })).toBe(true);
    const view = experimentListView.parse(
      new URLSearchParams(
        "q=a&benchmark=b&setting=agentic&scale=7B&family=f&study=s&synthetic=true&sort=name&cursor=c",
      ),
      null,
    ).view;
    const cleared = { ...view, ...clearedFilters() };
    expect(isFiltered(cleared)).toBe(false);
    expect(experimentListView.serialize(cleared).toString()).toBe("sort=name");
  });
});

describe("thumbnail texts", () => {
  const point = { alpha: 1.5, x: 0.712, y: 0.8, solveRate: 0.403, collapsed: true };
  it("says a point's α, where it lies and its values", () => {
    expect(thumbnailPointTitle(point)).toBe(
      "α = 1.5: correctness 71.2%, efficiency 80.0%, solve rate 40.3%, collapsed",
    );
    expect(bestSolveRateText({ alpha: -0.25, solveRate: 0.4216 })).toBe("42.2% at α = −0.25");
  });

  it("describes the picture for a screen reader", () => {
    expect(
      thumbnailDescription({
        version: "v",
        axes: { x: "correctness", y: "efficiency" },
        points: [{ ...point, alpha: 0, collapsed: false }, point],
        best: { alpha: 0, solveRate: 0.403 },
      }),
    ).toBe(
      "Frontier: 2 α from 0 to 1.5 on correctness and efficiency, 1 collapsed; best solve rate 40.3% at α = 0.",
    );
  });
});
