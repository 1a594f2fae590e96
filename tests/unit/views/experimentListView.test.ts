import { describe, expect, it } from "vitest";
import { experimentListView, experimentPageSearch, sortedBy } from "@/lib/views/experimentListView";

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
