import { describe, expect, it } from "vitest";
import { defaultView, parseView, roundZoom, serializeView, type ViewContext } from "@/lib/views/viewState";

const context: ViewContext = {
  metrics: [
    { id: "correctness", label: "Correctness", allowsLog: false },
    { id: "efficiency", label: "Efficiency", allowsLog: false },
    { id: "meanPassRuntimeMs", label: "Mean pass runtime", allowsLog: true },
  ],
  alphas: [-1, -0.5, 0, 0.25, 0.5, 0.75, 1, 1.5, 2],
  slices: ["all", "easy", "hard"],
  defaultX: "correctness",
  defaultY: "efficiency",
};

function parse(query: string) {
  return parseView(new URLSearchParams(query), context);
}

describe("parseView", () => {
  it("opens at the evaluated α nearest 0.5 with the registry's default axes when the URL is empty", () => {
    expect(parse("")).toEqual({
      view: {
        alpha: 0.5,
        x: "correctness",
        y: "efficiency",
        xLog: false,
        yLog: false,
        difficulty: "all",
        ci: true,
        includeCollapsed: false,
        zoom: null,
      },
      notices: [],
    });
  });

  it("reads every parameter of a valid link", () => {
    const { view, notices } = parse(
      "alpha=1.3&x=meanPassRuntimeMs&y=correctness&xlog=1&ylog=0&difficulty=hard&ci=0&collapsed=include&zoom=10,200,0.2,0.9",
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      alpha: 1.3,
      x: "meanPassRuntimeMs",
      y: "correctness",
      xLog: true,
      yLog: false,
      difficulty: "hard",
      ci: false,
      includeCollapsed: true,
      zoom: { x: [10, 200], y: [0.2, 0.9] },
    });
  });

  it("accepts the typographic minus that α labels print", () => {
    expect(parse("alpha=−0.75").view.alpha).toBe(-0.75);
  });

  it("falls back with a notice for α outside the evaluated range, where no estimate exists", () => {
    const { view, notices } = parse("alpha=2.5");
    expect(view.alpha).toBe(0.5);
    expect(notices).toEqual([
      "α = 2.5 is outside the evaluated range −1 … 2, where there is no estimate; showing α = 0.5.",
    ]);
  });

  it("falls back with a notice for every malformed value and never throws", () => {
    const { view, notices } = parse("alpha=abc&x=nope&xlog=maybe&difficulty=medium&ci=2&zoom=1,0,0,1");
    expect(view).toEqual(defaultView(context));
    expect(notices).toHaveLength(6);
    expect(notices[1]).toBe("Unknown x metric “nope”; showing Correctness.");
    expect(notices[3]).toBe("This experiment has no medium problems; showing all problems.");
  });

  it("refuses a log scale on a metric that does not allow one", () => {
    const { view, notices } = parse("ylog=1");
    expect(view.yLog).toBe(false);
    expect(notices).toEqual(["Efficiency cannot use a log scale."]);
  });

  it("refuses a zoom window that reaches zero on a log axis", () => {
    const { view, notices } = parse("x=meanPassRuntimeMs&xlog=1&zoom=0,10,0,1");
    expect(view.zoom).toBeNull();
    expect(notices).toHaveLength(1);
  });
});

describe("serializeView", () => {
  it("round-trips through parseView exactly", () => {
    const view = {
      ...defaultView(context),
      alpha: -0.625,
      x: "meanPassRuntimeMs",
      xLog: true,
      difficulty: "easy" as const,
      ci: false,
      zoom: { x: [12.5, 340.25] as [number, number], y: [0.125, 0.75] as [number, number] },
    };
    const query = serializeView(view).toString();
    expect(query).toBe(
      "alpha=-0.625&x=meanPassRuntimeMs&y=efficiency&xlog=1&ylog=0&difficulty=easy&ci=0&zoom=12.5%2C340.25%2C0.125%2C0.75",
    );
    expect(parse(query)).toEqual({ view, notices: [] });
  });

  it("rounds a zoom window to what the link stores, so the screen matches the link", () => {
    const zoom = roundZoom({ x: [0.123456789, 0.9], y: [1234.56789, 2000] });
    expect(zoom).toEqual({ x: [0.123457, 0.9], y: [1234.57, 2000] });
    const view = { ...defaultView(context), zoom };
    expect(parse(serializeView(view).toString()).view).toEqual(view);
    expect(roundZoom(null)).toBeNull();
  });

  it("leaves zoom out when the plot is not zoomed", () => {
    expect(serializeView(defaultView(context)).has("zoom")).toBe(false);
  });

  it("writes collapsed=include only when collapsed checkpoints compete, and reads it back", () => {
    expect(serializeView(defaultView(context)).has("collapsed")).toBe(false);
    const view = { ...defaultView(context), includeCollapsed: true };
    expect(serializeView(view).get("collapsed")).toBe("include");
    expect(parse(serializeView(view).toString()).view).toEqual(view);
    expect(parse("collapsed=exclude").view.includeCollapsed).toBe(false);
  });

  it("ignores an unknown collapsed value with a notice, leaving collapsed checkpoints out", () => {
    const { view, notices } = parse("collapsed=yes");
    expect(view.includeCollapsed).toBe(false);
    expect(notices).toEqual([
      "Ignored collapsed=“yes” (expected “include” or “exclude”); collapsed checkpoints are left out of the Pareto set.",
    ]);
  });
});
