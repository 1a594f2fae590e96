import { describe, expect, it } from "vitest";
import { nextSlice } from "@/lib/views/difficultyParam";
import { parseScalingView, scalingViewDefinition } from "@/lib/views/scalingView";
import { explorerViewDefinition, parseView, type ViewContext } from "@/lib/views/viewState";

const context: ViewContext = {
  metrics: [
    { id: "correctness", label: "Correctness", allowsLog: false },
    { id: "efficiency", label: "Efficiency", allowsLog: false },
  ],
  alphas: [-1, 0, 0.5, 1, 2],
  slices: ["all", "easy", "hard"],
  defaultX: "correctness",
  defaultY: "efficiency",
};

const parse = (query: string) => explorerViewDefinition.parse(new URLSearchParams(query), context);

describe("presentation mode in the explorer's URL view", () => {
  it("is off for a link without present, and that link's view is otherwise unchanged", () => {
    const { view, notices } = parse("alpha=1&difficulty=hard");
    expect(view).toEqual({
      ...parseView(new URLSearchParams("alpha=1&difficulty=hard"), context).view,
      present: false,
    });
    expect(notices).toEqual([]);
  });

  it("reads present=1 (and present=true) as on", () => {
    expect(parse("alpha=1&present=1").view.present).toBe(true);
    expect(parse("alpha=1&present=true").view.present).toBe(true);
    expect(parse("alpha=1&present=0").view.present).toBe(false);
  });

  it("ignores an unreadable value with a notice, keeping every other value", () => {
    const { view, notices } = parse("alpha=2&present=yes");
    expect(view.present).toBe(false);
    expect(view.alpha).toBe(2);
    expect(notices).toEqual(["Ignored present=“yes” (expected 0 or 1)."]);
  });

  it("writes present=1 last while presenting and nothing otherwise, so ordinary links stay as they were", () => {
    const presenting = parse("alpha=0.5&difficulty=easy&present=1").view;
    expect(explorerViewDefinition.serialize(presenting).toString()).toBe(
      "alpha=0.5&x=correctness&y=efficiency&xlog=0&ylog=0&difficulty=easy&ci=1&present=1",
    );
    expect(explorerViewDefinition.serialize({ ...presenting, present: false }).toString()).not.toContain(
      "present",
    );
  });

  it("round-trips: a link copied while presenting reopens the same view, presenting", () => {
    const view = parse("alpha=2&difficulty=hard&ci=0&present=1").view;
    expect(parse(explorerViewDefinition.serialize(view).toString()).view).toEqual(view);
  });
});

describe("presentation mode in the scaling page's URL view", () => {
  const scalingContext = { alphas: [0, 0.5, 1], maxBudget: 100, slices: ["all", "hard"] as const };

  it("adds present to the page's own view and writes it back", () => {
    const params = new URLSearchParams("members=0,0.5&budget=10&present=1");
    const { view } = scalingViewDefinition.parse(params, scalingContext);
    expect(view).toEqual({ ...parseScalingView(params, scalingContext).view, present: true });
    expect(scalingViewDefinition.serialize(view).toString()).toBe(
      "members=0%2C0.5&budget=10&split=equal&difficulty=hard&bands=0&present=1",
    );
  });
});

describe("nextSlice (the d key)", () => {
  it("steps through the slices the experiment has, in the filter's order, and wraps round", () => {
    const available = ["all", "easy", "hard"] as const;
    expect(nextSlice("all", available)).toBe("easy");
    expect(nextSlice("easy", available)).toBe("hard");
    expect(nextSlice("hard", available)).toBe("all");
  });

  it("starts from the first slice when the current one is not available", () => {
    expect(nextSlice("medium", ["all", "hard"])).toBe("all");
  });
});
